"""Lighthouse on the storefront as production serves it: medians of LCP, performance and accessibility.

    .venv/bin/python benchmarks/web/bench_lighthouse.py [--runs 3] [--only mobile|desktop]
        [--pages home product catalogue] [--langs fr ar]

Starts PostgreSQL, Redis and osmem-server (scripts/services.py; the cluster and media live in
var/bench-services/web/, so only the first run migrates and seeds the demo), collects the static
files with the production storage (hashed names, gzip and brotli copies), serves the site with
uvicorn and ``config.settings.production`` (DEBUG off; no nginx in front, so the application's own
compression and cache headers are what Lighthouse sees), then runs Lighthouse from npm
(benchmarks/web/package.json, installed by ``make bench-web``) with Debian's Chromium several times
per page: home, a product page and the catalogue, in French and Arabic, mobile and desktop.
Prints the medians against the goals of issue 9; never fails on a figure.
"""

# ruff: noqa: S603 - runs this project's own commands (manage.py, uvicorn, lighthouse) with fixed arguments
from __future__ import annotations

import argparse
import base64
import json
import math
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
STATE = ROOT / "var" / "bench-services" / "web"
REPORTS = STATE / "reports"
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "scripts")]

from services import Server, start_postgres, start_redis, start_search  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
LANGUAGES = ("fr", "ar")
PAGES = ("home", "product", "catalogue")
#: Goals of issue 9 per form factor: LCP (s, at most), performance and accessibility (at least).
METRICS = ("lcp", "performance", "accessibility")
GOALS = {"mobile": (2.0, 95, 100), "desktop": (0.8, None, 100)}


def django_env(services: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="bench-web-only-secret-key",  # noqa: S106
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_DOMAIN="127.0.0.1",
        #: A fixed key (32 bytes, urlsafe base64) so the private files the demo seeds stay readable.
        PRIVATE_STORAGE_ENCRYPTION_KEYS=base64.urlsafe_b64encode(b"bench-web-only".ljust(32, b".")).decode(),
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=services["postgresql"],
        REDIS_URL=services["redis"],
        SEARCH_URL=services["osmem-server"],
        SEARCH_PLAIN_JSON="true",
        SEARCH_ARABIC_ANALYZER="ar",  # osmem-server's name for Elasticsearch's "arabic"
        MEDIA_ROOT=str(STATE / "media"),
        #: No nginx in front: the application serves uploads and thumbnails itself.
        MEDIA_SERVED_BY_DJANGO="true",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "site")]),
    )
    return env


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,  # errors still reach the terminal
    )
    return result.stdout if capture else ""


def ensure_database(database_url: str) -> None:
    """PostgreSQL starts with its maintenance database only: create the site's one once."""
    import psycopg

    server, _, name = database_url.rpartition("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare_site(env: dict) -> None:
    ensure_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "seed_demo", "--if-empty")
    manage(env, "search_index", "--rebuild", "-f", capture=True)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "compilemessages", "--ignore=.venv", "-v", "0")


def product_paths(env: dict) -> dict[str, str]:
    """The first product with an image, in each language (the page a shopper lands on from a card)."""
    code = f"""
import json
from django.utils import translation
from commerce.catalogue.models import Product
product = Product.objects.browsable().filter(images__isnull=False).order_by("pk").first()
paths = {{}}
for lang in {LANGUAGES!r}:
    with translation.override(lang):
        paths[lang] = product.get_absolute_url()
print("PATHS", json.dumps(paths))
"""
    output = manage(env, "shell", "-c", code, capture=True)
    return json.loads(next(line for line in output.splitlines() if line.startswith("PATHS"))[6:])


def lighthouse(url: str, form_factor: str, report: Path) -> dict[str, float] | None:
    """One run; its full report stays in ``report`` (the last run of each page) to see the details."""
    report.unlink(missing_ok=True)
    args = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        "--only-categories=performance,accessibility",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if form_factor == "desktop":
        args.append("--preset=desktop")
    for attempt in (1, 2):
        finished = subprocess.run(args, env=dict(os.environ, CHROME_PATH=CHROME), check=False, cwd=HERE)
        if not finished.returncode and report.exists():
            break
        # A busy machine sometimes starves Chromium's trace (NO_FCP, NO_NAVSTART): try once more,
        # then report the run and leave it out.
        print(f"[bench]   Lighthouse failed on {url} (exit {finished.returncode}, attempt {attempt})")
    else:
        return None
    data = json.loads(report.read_text())
    return {
        "lcp": data["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
        "performance": data["categories"]["performance"]["score"] * 100,
        "accessibility": data["categories"]["accessibility"]["score"] * 100,
    }


def verdict(value: float, goal: float | None, at_most: bool) -> str:
    if goal is None:
        return ""
    return "ok" if (value <= goal if at_most else value >= goal) else "MISS"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median shown)")
    parser.add_argument("--only", choices=sorted(GOALS), help="one form factor only")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=PAGES, help="some pages only")
    parser.add_argument("--langs", nargs="+", choices=LANGUAGES, default=LANGUAGES, help="some languages")
    options = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make bench-web` (npm ci in benchmarks/web).")

    REPORTS.mkdir(parents=True, exist_ok=True)
    services = []
    rows = []
    try:
        services.append(start_postgres(STATE / "pgdata"))
        services.append(start_redis())
        services.append(start_search())
        env = django_env({service.name: service.url for service in services})
        print("[bench] preparing the site (first run: migrate + seed_demo, a few minutes)", flush=True)
        prepare_site(env)
        products = product_paths(env)
        server = Server(env)
        try:
            base = f"http://127.0.0.1:{server.port}"
            for form_factor in [options.only] if options.only else list(GOALS):
                for lang in options.langs:
                    pages = {
                        "home": f"/{lang}/",
                        "product": products[lang],
                        "catalogue": f"/{lang}/catalogue/",
                    }
                    for name in options.pages:
                        path = pages[name]
                        print(f"[bench] {form_factor} {lang} {name}: {path}", flush=True)
                        report = REPORTS / f"{form_factor}-{lang}-{name}.json"
                        runs = [lighthouse(base + path, form_factor, report) for _ in range(options.runs)]
                        runs = [run for run in runs if run] or [dict.fromkeys(METRICS, math.nan)]
                        medians = {key: statistics.median(run[key] for run in runs) for key in METRICS}
                        rows.append((form_factor, lang, name, medians))
                        print(f"[bench]   {medians}", flush=True)
        finally:
            server.stop()
    finally:
        for service in reversed(services):
            service.stop()

    print()
    header = ("form factor", "lang", "page", "LCP s", "goal", "perf", "goal", "a11y", "goal")
    print("{:12} {:5} {:10} {:>7} {:>9} {:>6} {:>8} {:>6} {:>8}".format(*header))
    for form_factor, lang, name, medians in rows:
        lcp_goal, perf_goal, a11y_goal = GOALS[form_factor]
        print(
            f"{form_factor:12} {lang:5} {name:10} {medians['lcp']:7.2f} "
            f"{'≤' + format(lcp_goal, 'g'):>5} {verdict(medians['lcp'], lcp_goal, True):>3} "
            f"{medians['performance']:6.0f} "
            f"{'≥' + str(perf_goal) if perf_goal else '':>4} "
            f"{verdict(medians['performance'], perf_goal, False):>3} "
            f"{medians['accessibility']:6.0f} {'≥' + str(a11y_goal):>4} "
            f"{verdict(medians['accessibility'], a11y_goal, False):>3}"
        )
    print(
        f"\nMedians of {options.runs} Lighthouse runs per page (Lighthouse's simulated throttling: "
        "mobile = slow 4G and a 4× slower CPU); uvicorn --workers 2, production settings, "
        "PostgreSQL, Redis and Chromium on this machine."
    )


if __name__ == "__main__":
    main()
