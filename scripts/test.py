"""``make test``: start PostgreSQL, Redis and osmem-server, run pytest against them, stop them.

Arguments are passed to pytest (``make test ARGS="-k search"``). The PostgreSQL data directory is
kept in ``var/test-services`` (or ``TEST_SERVICES_DIR``) so the migrated test database is reused by
the next run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from services import ROOT, start_postgres, start_redis, start_search  # noqa: E402


def services_dir() -> Path:
    """``TEST_SERVICES_DIR`` or ``var/test-services``; a second concurrent run gets its own folder."""
    chosen = Path(os.environ.get("TEST_SERVICES_DIR", ROOT / "var" / "test-services"))
    if (chosen / "pgdata" / "postmaster.pid").exists():
        chosen = chosen.with_name(f"{chosen.name}-{os.getpid()}")
        print(f"[test] another run holds the test database; using {chosen}", flush=True)
    return chosen


def main(argv: list[str]) -> int:
    started = []
    try:
        for start in (
            lambda: start_postgres(services_dir() / "pgdata"),
            start_redis,
            start_search,
        ):
            started.append(start())
        env = dict(os.environ)
        urls = {service.name: service.url for service in started}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.test",
            DATABASE_URL=urls["postgresql"],
            REDIS_URL=urls["redis"],
            SEARCH_URL=urls["osmem-server"],
        )
        for service in started:
            print(f"[test] {service.name}: {service.url}", flush=True)
        return subprocess.call([sys.executable, "-m", "pytest", *argv], env=env, cwd=ROOT)
    finally:
        for service in reversed(started):
            service.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
