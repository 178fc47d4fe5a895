"""What the benchmark scripts share: a timestamped log line, the environment of the Django commands
they run, and a fresh database cloned from a migrated template that is kept between runs (so a run
migrates only what changed, and starts from the same empty database every time)."""

# ruff: noqa: S603 - runs this project's own manage.py with fixed arguments
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def django_env(database_url, redis_url, settings, **extra):
    """The environment of a Django process of the benchmark: its settings module, database and Redis."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")]),
        **extra,
    }


def database_url(server_url, name):
    return f"{server_url.rpartition('/')[0]}/{name}"


def admin_connection(server_url):
    import psycopg

    return psycopg.connect(database_url(server_url, "postgres"), autocommit=True)


def fresh_database(server_url, env_for, *, template, name):
    """Migrate the ``template`` database (a no-op when up to date; ``env_for(url)`` is the Django
    environment for a database URL), then clone it into a fresh ``name``; returns its URL."""
    with admin_connection(server_url) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone():
            connection.execute(f'CREATE DATABASE "{template}"')
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v", "0"],
        env=env_for(database_url(server_url, template)),
        cwd=ROOT,
        check=True,
    )
    with admin_connection(server_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return database_url(server_url, name)


def run_json(env, module, *args, marker):
    """Run ``python -m module args`` and return the JSON printed after ``marker``."""
    output = subprocess.run(
        [sys.executable, "-m", module, *args],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith(marker + " "))
    return json.loads(line.split(" ", 1)[1])
