"""``make bench-digital``: what a download costs through the app.

    .venv/bin/python benchmarks/digital/bench_digital.py [--buyers 10] [--requests 200] [--concurrency 8]

Starts its own PostgreSQL and Redis (the cluster and a migrated template database stay in
var/bench-services/digital/), seeds a watermarked 40-page PDF and ``--buyers`` entitlements
(benchmarks/digital/seed.py), and serves the site with uvicorn. Prints:

- time to first byte of a buyer's first download (stamped with pikepdf then) against the next one
  (the cached stamped copy);
- downloads per second through the app (signed link checked, counter UPDATE, log row, file
  streamed) against the same stamped file served by a plain static file server in the same run.

Never fails on a figure; stops every process it started.
"""

# ruff: noqa: S603 - runs this project's own commands with fixed arguments
from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from services import Server, free_port, start_postgres, start_redis  # noqa: E402

from benchmarks import harness  # noqa: E402
from benchmarks.harness import log, run_json  # noqa: E402

DATA_DIR = ROOT / "var" / "bench-services" / "digital"
TEMPLATE_DB, BENCH_DB = "bench_digital_template", "bench_digital"


def django_env(database_url, redis_url, media_root):
    return harness.django_env(database_url, redis_url, "config.settings.test", MEDIA_ROOT=str(media_root))


def prepare_database(server_url, redis_url, media_root):
    return harness.fresh_database(
        server_url, lambda url: django_env(url, redis_url, media_root), template=TEMPLATE_DB, name=BENCH_DB
    )


def ttfb(client, url):
    """Milliseconds until the first byte of the body; the rest is read and dropped."""
    started = time.perf_counter()
    with client.stream("GET", url) as response:
        chunks = response.iter_bytes()
        first = next(chunks, b"")
        elapsed = (time.perf_counter() - started) * 1000
        for _ in chunks:
            pass
    assert response.status_code == 200 and first.startswith(b"%PDF"), response.status_code
    return elapsed


def rate(url, requests, concurrency):
    """Whole downloads per second with ``concurrency`` clients."""
    import httpx

    def worker(count):
        with httpx.Client(timeout=60) as client:
            for _ in range(count):
                response = client.get(url)
                assert response.status_code == 200, response.status_code

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, [requests // concurrency] * concurrency))
    return (requests // concurrency * concurrency) / (time.perf_counter() - started)


def static_server(folder):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def summary(values):
    return f"p50 {statistics.median(values):7.1f} ms   max {max(values):7.1f} ms"


def main():
    import httpx

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--buyers", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    media_root = DATA_DIR / "media"
    started = []
    try:
        postgres = start_postgres(DATA_DIR / "pgdata")
        started.append(postgres)
        redis = start_redis()
        started.append(redis)
        log("migrating the template database (first run: a minute or two)")
        database_url = prepare_database(postgres.url, redis.url, media_root)
        env = django_env(database_url, redis.url, media_root)
        seeded = run_json(env, "benchmarks.digital.seed", str(args.buyers), marker="LINKS")
        server = Server(env, workers=1)
        started.append(server)
        base = f"http://127.0.0.1:{server.port}"
        log(f"serving on {base}; {args.buyers} buyers")

        with httpx.Client(base_url=base, timeout=60) as client:
            first = [ttfb(client, link) for link in seeded["links"]]
            cached = [ttfb(client, link) for link in seeded["links"]]
        print()
        print("Watermarked 40-page PDF, time to first byte")
        print(f"  first download (stamped now) {summary(first)}")
        print(f"  next download (cached copy)  {summary(cached)}")

        stamped = sorted((media_root / "private" / "digital" / "stamped").glob("*.pdf"))[0]
        static = static_server(stamped.parent)
        app_rate = rate(f"{base}{seeded['links'][0]}", args.requests, args.concurrency)
        static_rate = rate(
            f"http://127.0.0.1:{static.server_address[1]}/{stamped.name}", args.requests, args.concurrency
        )
        static.shutdown()
        size = stamped.stat().st_size / 1024
        print()
        print(f"Downloads per second of the same {size:.0f} KiB file, {args.concurrency} clients")
        print(f"  through the app (link, counter, log, stream) {app_rate:8.1f}/s")
        print(f"  static file server (baseline)                {static_rate:8.1f}/s")
        print(f"  app / static                                 {app_rate / static_rate:8.2f}")
    finally:
        for service in reversed(started):
            service.stop()


if __name__ == "__main__":
    main()
