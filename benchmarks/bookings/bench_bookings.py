"""Benchmark of the slots engine: free slots of one provider over 30 days with 200 bookings and
500 imported events, against a naive per-slot query implementation measured in the same run.

    .venv/bin/python benchmarks/bookings/bench_bookings.py [--runs 50] [--naive-runs 5]

Starts its own PostgreSQL (scripts/services.py; the cluster and a migrated template database stay
in var/bench-services/bookings/, the benchmark database is cloned fresh each run), seeds and
measures in a child process (measure.py), prints p50/p95 of both and the speed-up (goal: the
engine ≤ 20 ms p95). Never fails on a figure; stops every process it started.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness  # noqa: E402
from benchmarks.commerce import processes  # noqa: E402
from benchmarks.harness import log  # noqa: E402

DATA_DIR = ROOT / "var" / "bench-services" / "bookings"
TEMPLATE_DB = "bench_bookings_template"
BENCH_DB = "bench_bookings"
GOAL_MS = 20


def django_env(database_url, redis_url):
    return harness.django_env(database_url, redis_url, "benchmarks.bookings.settings")


def prepare_database(server_url, redis_url):
    return harness.fresh_database(
        server_url, lambda url: django_env(url, redis_url), template=TEMPLATE_DB, name=BENCH_DB
    )


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--naive-runs", type=int, default=5)
    options = parser.parse_args(argv)
    services = []
    try:
        services.append(processes.start_postgres(DATA_DIR / "pgdata"))
        services.append(processes.start_redis())
        log("PostgreSQL started; migrating the template database")
        env = django_env(prepare_database(services[0].url, services[1].url), services[1].url)
        log("seeding 200 bookings and 500 imported events, then measuring")
        result = harness.run_json(
            env,
            "benchmarks.bookings.measure",
            "--runs",
            str(options.runs),
            "--naive-runs",
            str(options.naive_runs),
            marker="RESULT",
        )
    finally:
        for service in reversed(services):
            service.stop()
    engine, naive = result["engine"], result["naive"]
    print()
    print(f"{'free slots, 30 days':<34} {'p50 ms':>8} {'p95 ms':>8} {'slots':>6}")
    for label, figures in (("engine (2 queries + Python)", engine), ("naive (2 queries per slot)", naive)):
        print(f"{label:<34} {figures['p50_ms']:>8} {figures['p95_ms']:>8} {figures['slots']:>6}")
    print(
        f"speed-up at p95: {naive['p95_ms'] / max(engine['p95_ms'], 0.01):.0f}×; goal ≤ {GOAL_MS} ms p95: "
        f"{'met' if engine['p95_ms'] <= GOAL_MS else 'missed'}"
    )


if __name__ == "__main__":
    main()
