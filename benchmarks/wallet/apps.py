from django.apps import AppConfig


class BenchWalletConfig(AppConfig):
    """Benchmark-only app: the two plain rows of the ceiling's transfer (``models.BenchRow``)."""

    name = "benchmarks.wallet"
    label = "bench_wallet"
