"""The benchmark's own PostgreSQL, Redis and uvicorn processes, and the Django commands it runs."""

# ruff: noqa: S603 - runs this project's own commands (manage.py, uvicorn, seed) with fixed arguments
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

from services import free_port, start_postgres, start_redis, wait_for_port  # noqa: E402, F401

from benchmarks import harness  # noqa: E402

#: Kept between runs (the migrated template database); the benchmark database is rebuilt each run.
DATA_DIR = ROOT / "var" / "bench-services" / "commerce"
TEMPLATE_DB = "bench_commerce_template"
BENCH_DB = "bench_commerce"


def django_env(database_url, redis_url, *, eager_tasks=True):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.commerce.settings",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        BENCH_TASKS_EAGER="true" if eager_tasks else "false",
        MEDIA_ROOT=str(ROOT / "var" / "bench-media"),
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "site")]),
    )
    return env


def prepare_databases(server_url, redis_url):
    """Migrate the template database (a no-op when up to date), then clone it into a fresh one."""
    return harness.fresh_database(
        server_url, lambda url: django_env(url, redis_url), template=TEMPLATE_DB, name=BENCH_DB
    )


class Server:
    """``uvicorn config.asgi:application --workers 2`` on a free loopback port."""

    def __init__(self, env, workers=2):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "config.asgi:application",
                "--app-dir",
                "site",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
                "--lifespan",
                "off",
                # Stock Oscar's list at 100k products holds the GIL for seconds (garbage collection
                # of ~10^6 objects): with the default 5 s, uvicorn kills the "hung" worker mid-request.
                "--timeout-worker-healthcheck",
                "120",
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            wait_for_port(self.port, timeout=90)
        except BaseException:
            self.stop()
            raise

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
