from django.apps import AppConfig


class BenchCommerceConfig(AppConfig):
    """Benchmark-only app: gives haystack Oscar's product index and the stock list its template."""

    name = "benchmarks.commerce"
    label = "bench_commerce"
