"""Benchmark of the coin ledger over HTTP: hold + capture through the API against the ceiling.

    .venv/bin/python benchmarks/wallet/bench_wallet.py [--duration 15] [--concurrency 8] [--shoppers 64]

Starts its own PostgreSQL and Redis (scripts/services.py; the cluster and a migrated template
database stay in var/bench-services/wallet/, the benchmark database is cloned fresh each run),
seeds shoppers with coins and API tokens (seed.py), serves the site with uvicorn (ASGI, 2 workers,
DEBUG off, settings ``benchmarks.wallet.settings``) and drives two endpoints with the closed-loop
load generator of the commerce benchmark, in alternating rounds (ceiling, ledger, ledger, ceiling):

- the ceiling: a bare Django view doing one ORM transfer between two rows (``POST /bench/transfer/``);
- the ledger: ``POST /bench/wallet/spend/``, an API call (DRF, token) that holds one coin of the
  caller's wallet and captures it (split 80/20 between an expert and the platform) through
  ``commerce.wallet.services``. The site has no public hold/capture endpoint, so this one is
  mounted by the benchmark's settings only.

Prints operations per second, p50/p95 and the ratio (goal: the ledger ≥ 70 % of the ceiling), then
runs ``manage.py wallet_check`` on the database the run left: the books must still balance. The
queries and Django's CPU time of one operation of each side are measured in-process (queries.py).
Last, the ledger's Hypothesis state machine (tests/integration/wallet/test_state_machine.py, the
``make stress-wallet`` target) runs ``--stress-examples`` sequences and its step rate is printed
(``--stress-examples 0`` skips it). Never fails on a figure. Stops every process it started, also
on Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness  # noqa: E402
from benchmarks.commerce import load, processes  # noqa: E402
from benchmarks.harness import log  # noqa: E402

DATA_DIR = ROOT / "var" / "bench-services" / "wallet"
TEMPLATE_DB = "bench_wallet_template"
BENCH_DB = "bench_wallet"
CEILING, LEDGER = "ceiling: one ORM transfer", "ledger: hold + capture (API)"
PATHS = {CEILING: "/bench/transfer/", LEDGER: "/bench/wallet/spend/"}
GOAL = 0.70


def django_env(database_url, redis_url):
    return harness.django_env(database_url, redis_url, "benchmarks.wallet.settings")


def prepare_database(server_url, redis_url):
    return harness.fresh_database(
        server_url, lambda url: django_env(url, redis_url), template=TEMPLATE_DB, name=BENCH_DB
    )


def post_unit(path, tokens=None):
    """One POST of ``path`` (with a random shopper's token when given); anything but a 200 is an error."""

    def unit(client, rng):
        headers = {"Host": f"{load.HOST}:{client.pool.port}", "User-Agent": "bench"}
        if tokens:
            headers["Authorization"] = f"Token {rng.choice(tokens)}"
        client.requests += 1
        response = client.pool.request("POST", path, headers=headers, redirect=False, preload_content=True)
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status} {response.data[:200]!r}")

    return unit


def measure(port, units, options):
    """Each side ``options.rounds`` times in alternating order (ABBA), after a warm-up; totals pooled."""
    results = {side: load.Result() for side in units}
    sides = list(units)
    order = []
    for number in range(options.rounds):
        order += sides if number % 2 == 0 else list(reversed(sides))
    for side in sides:
        load.run(port, units[side], concurrency=options.concurrency, duration=options.warmup)
    share = options.duration / options.rounds
    for side in order:
        part = load.run(port, units[side], concurrency=options.concurrency, duration=share)
        pooled = results[side]
        pooled.units += part.units
        pooled.seconds += part.seconds
        pooled.latencies += part.latencies
        pooled.errors += part.errors
        log(f"  {side}: {part.rate:.1f}/s, p95 {part.p95_ms:.0f} ms, {len(part.errors)} errors")
    return results


def wallet_check(env):
    completed = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "wallet_check"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return completed.returncode, completed.stdout.strip()


def stress_rate(examples, steps):
    """Run the ledger's state machine through the test runner; its printed step rate, or why not."""
    env = dict(os.environ, WALLET_STATEFUL_EXAMPLES=str(examples), WALLET_STATEFUL_STEPS=str(steps))
    test = "tests/integration/wallet/test_state_machine.py"
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "scripts/test.py", "-q", "-s", "-p", "no:randomly", test],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("wallet state machine:")]
    return lines[-1] if lines else f"no step rate printed (exit {completed.returncode})"


def report(results, costs, check):
    ceiling, ledger = results[CEILING], results[LEDGER]
    print()
    columns = ("ops/s", "p50 ms", "p95 ms", "errors", "queries", "CPU ms")
    print(f"{'scenario':<34} " + " ".join(f"{column:>8}" for column in columns))
    for side, result in results.items():
        cost = costs[PATHS[side]]
        figures = f"{result.rate:>8.1f} {result.p50_ms:>8.1f} {result.p95_ms:>8.1f} {len(result.errors):>8}"
        print(f"{side:<34} {figures} {cost['queries']:>8} {cost['ms']:>8.1f}")
    ratio = ledger.rate / ceiling.rate if ceiling.rate else float("nan")
    verdict = "met" if ratio >= GOAL else "not met"
    print(f"\nledger / ceiling: {ratio:.0%} (goal ≥ {GOAL:.0%}: {verdict})")
    for side, result in results.items():
        for error in sorted(set(result.errors))[:3]:
            print(f"  {side} error: {error}")
    code, output = check
    print(f"\nwallet_check (exit {code}):\n{output}")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=15.0, help="measured seconds per scenario")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=2, help="alternations of the two scenarios")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--shoppers", type=int, default=64)
    parser.add_argument("--stress-examples", type=int, default=100, help="state machine sequences (0: skip)")
    parser.add_argument("--stress-steps", type=int, default=50, help="steps per sequence at most")
    options = parser.parse_args(argv)

    services, server = [], None
    try:
        services.append(processes.start_postgres(DATA_DIR / "pgdata"))
        services.append(processes.start_redis())
        log("PostgreSQL and Redis started; migrating the template database")
        database_url = prepare_database(services[0].url, services[1].url)
        env = django_env(database_url, services[1].url)
        seeded = harness.run_json(
            env, "benchmarks.wallet.seed", "--shoppers", str(options.shoppers), marker="SEED"
        )
        log(f"{len(seeded['tokens'])} shoppers seeded with coins")
        server = processes.Server(env)
        units = {
            CEILING: post_unit(PATHS[CEILING]),
            LEDGER: post_unit(PATHS[LEDGER], seeded["tokens"]),
        }
        log(f"measuring {options.duration:.0f} s per scenario, {options.concurrency} clients")
        results = measure(server.port, units, options)
        server.stop()
        server = None
        costs = harness.run_json(
            env, "benchmarks.wallet.queries", "--token", seeded["tokens"][0], marker="QUERIES"
        )
        report(results, costs, wallet_check(env))
        print("\n" + json.dumps({side: round(result.rate, 2) for side, result in results.items()}))
    finally:
        if server is not None:
            server.stop()
        for service in reversed(services):
            service.stop()
    if options.stress_examples:
        log(f"state machine: {options.stress_examples} sequences of up to {options.stress_steps} steps")
        print(stress_rate(options.stress_examples, options.stress_steps))


if __name__ == "__main__":
    main()
