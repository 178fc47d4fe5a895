"""Benchmark of the CMS home page: req/s, p95 latency and queries, cold and warm, against baselines.

    .venv/bin/python benchmarks/cms/bench_pages.py [--seconds 8] [--connections 32]

Starts PostgreSQL and Redis (scripts/services.py; data kept in var/bench-services so the next run
skips migrating and seeding), serves the site with uvicorn (2 workers, ASGI, DEBUG off) and drives
it with a small keep-alive HTTP client in its own process. In the same run it measures a bare Django
"hello" view and a bare Wagtail page (a standard page with a title only) so the figures can be
compared on the machine at hand. "cold" is the home page with the page cache off
(CMS_PAGE_CACHE_SECONDS=0); "warm" is the page cache on, served from Page.serve() after Wagtail's
routing, and "warm + middleware" with the optional PageCacheMiddleware that answers before routing.
Prints a table; never fails on a figure.
"""

# ruff: noqa: S603 - runs this project's own commands (manage.py, uvicorn) with fixed arguments
from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "scripts")]

from services import Server, start_postgres, start_redis  # noqa: E402

HOME = "/fr/"
BARE = "/fr/bench-bare-page/"
HELLO = "/bench/hello/"


# --- load generator (runs in a child process) ------------------------------------------------------


async def _worker(host, port, path, deadline, latencies, errors):
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: bench\r\n\r\n".encode()
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            writer.write(request)
            status_line = await reader.readline()
            length, chunked = 0, False
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
                elif name.lower() == "transfer-encoding" and "chunked" in value:
                    chunked = True
            if chunked:
                while True:
                    size = int((await reader.readline()).strip(), 16)
                    await reader.readexactly(size + 2)
                    if size == 0:
                        break
            else:
                await reader.readexactly(length)
            if not status_line.startswith(b"HTTP/1.1 200"):
                errors.append(status_line)
            latencies.append(time.perf_counter() - started)
    finally:
        writer.close()


async def _load(host, port, path, seconds, connections):
    latencies, errors = [], []
    deadline = time.perf_counter() + seconds
    await asyncio.gather(
        *(_worker(host, port, path, deadline, latencies, errors) for _ in range(connections))
    )
    return latencies, errors


def _run_load(args):
    host, port, path, seconds, connections = args
    asyncio.run(_load(host, port, path, 1.0, connections))  # warm-up: connections, caches, JIT of templates
    started = time.perf_counter()
    latencies, errors = asyncio.run(_load(host, port, path, seconds, connections))
    elapsed = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else float("nan")
    return {
        "rps": len(latencies) / elapsed,
        "p95_ms": p95 * 1000,
        "median_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "errors": len(errors),
        "error_lines": sorted({line.decode("latin-1").strip() for line in errors})[:3],
    }


def measure(port, path, seconds, connections):
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_run_load, [("127.0.0.1", port, path, seconds, connections)])


# --- the site under test ----------------------------------------------------------------------------


def django_env(database_url, redis_url, **extra):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.cms.bench_settings",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CELERY_TASK_ALWAYS_EAGER="false",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "site")]),
        **extra,
    )
    return env


def manage(env, *args):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, check=True)


def ensure_database(database_url):
    """PostgreSQL starts with its maintenance database only: create the site's one once."""
    import psycopg

    server, _, name = database_url.rpartition("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare_database(env):
    """Migrate and seed once; later runs find the data in var/bench-services."""
    ensure_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "seed_demo", "--if-empty")
    code = (
        "from cms_pages.home.models import HomePage; from cms_pages.standard.models import StandardPage;"
        "home = HomePage.objects.filter(locale__language_code='fr').first();"
        "exists = StandardPage.objects.child_of(home).filter(slug='bench-bare-page').exists();"
        "page = StandardPage(title='Page', slug='bench-bare-page', locale=home.locale);"
        "exists or home.add_child(instance=page).save_revision().publish()"
    )
    manage(env, "shell", "-c", code)


def count_queries(env, paths):
    """Queries per request in-process (Django test client, same database): first request, then next."""
    code = f"""
import json
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
cache.clear()
result = {{}}
for path in {paths!r}:
    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            Client().get(path)
        counts.append(len(queries))
    result[path] = counts
print("QUERIES", json.dumps(result))
"""
    output = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("QUERIES"))
    import json

    return json.loads(line.split(" ", 1)[1])


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=32)
    options = parser.parse_args(argv)

    services = []
    rows = []
    try:
        services.append(start_postgres(ROOT / "var" / "bench-services" / "pgdata"))
        services.append(start_redis())
        database_url, redis_url = services[0].url, services[1].url
        warm_env = django_env(database_url, redis_url)
        cold_env = django_env(database_url, redis_url, CMS_PAGE_CACHE_SECONDS="0")
        fast_env = django_env(database_url, redis_url, BENCH_PAGE_CACHE_MIDDLEWARE="true")
        print("[bench] preparing the database (first run: migrate + seed_demo, about a minute)", flush=True)
        prepare_database(warm_env)

        cold_queries = count_queries(cold_env, [HELLO, BARE, HOME])
        warm_queries = count_queries(warm_env, [HOME])
        fast_queries = count_queries(fast_env, [HOME])

        scenarios = [
            (
                warm_env,
                [
                    ("Django hello view", HELLO, cold_queries[HELLO][-1]),
                    ("bare Wagtail page", BARE, cold_queries[BARE][-1]),
                    ("home, warm (page cache)", HOME, warm_queries[HOME][-1]),
                ],
            ),
            (cold_env, [("home, cold (page cache off)", HOME, cold_queries[HOME][-1])]),
            (fast_env, [("home, warm + PageCacheMiddleware", HOME, fast_queries[HOME][-1])]),
        ]
        for env, cases in scenarios:
            server = Server(env)
            try:
                for label, path, queries in cases:
                    print(f"[bench] {label}: {path}", flush=True)
                    rows.append(
                        (
                            label,
                            path,
                            queries,
                            measure(server.port, path, options.seconds, options.connections),
                        )
                    )
            finally:
                server.stop()
    finally:
        for service in reversed(services):
            service.stop()

    hello_rps = rows[0][3]["rps"]
    print()
    header = ("scenario", "path", "req/s", "p95 ms", "median", "queries", "vs hello", "errors")
    print("{:36} {:22} {:>8} {:>8} {:>8} {:>8} {:>9} {:>7}".format(*header))
    for label, path, queries, figures in rows:
        print(
            f"{label:36} {path:22} {figures['rps']:8.0f} {figures['p95_ms']:8.1f} "
            f"{figures['median_ms']:8.1f} {queries:8d} {figures['rps'] / hello_rps:9.0%} "
            f"{figures['errors']:7d}"
        )
    for label, _path, _queries, figures in rows:
        if figures["errors"]:
            print(f"{label}: non-200 answers {figures['error_lines']}")
    print(
        f"\n{options.connections} keep-alive connections, {options.seconds:g} s per scenario after 1 s of "
        "warm-up; uvicorn --workers 2 (ASGI), PostgreSQL and Redis on this machine; "
        "the client shares the CPUs."
    )


if __name__ == "__main__":
    main()
