"""Queries and Django's time per operation, in-process with the test client on the benchmark's
database (the same endpoints as over HTTP). Prints ``QUERIES {"<path>": {"queries": n, "ms": t}}``.

    DJANGO_SETTINGS_MODULE=benchmarks.wallet.settings python -m benchmarks.wallet.queries --token KEY

With ``BENCH_PROFILE=1`` it also prints where Django's time goes for each path (cProfile, stderr).
"""

import argparse
import cProfile
import json
import os
import pstats
import sys
import time

#: Statements that only delimit transactions are not counted.
CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT", "BEGIN", "COMMIT")
ROUNDS = 20


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--token", required=True)
    options = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_AUTHORIZATION=f"Token {options.token}")
    figures = {}
    for path in ("/bench/transfer/", "/bench/wallet/spend/"):
        client.post(path)  # warm: connections, caches, the earner
        with CaptureQueriesContext(connection) as captured:
            client.post(path)
        queries = [query for query in captured.captured_queries if not query["sql"].startswith(CONTROL)]
        started = time.process_time()
        for _round in range(ROUNDS):
            response = client.post(path)
            assert response.status_code == 200, response.content
        figures[path] = {"queries": len(queries), "ms": (time.process_time() - started) * 1000 / ROUNDS}
        if os.environ.get("BENCH_PROFILE"):
            profile = cProfile.Profile()
            profile.runcall(lambda path=path: [client.post(path) for _round in range(ROUNDS)])
            print(f"--- {path}: {ROUNDS} requests", file=sys.stderr)
            pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(35)
    print("QUERIES " + json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()
