"""``make run``: the site on the services production runs, started on loopback, data kept in ``var/``.

PostgreSQL (cluster in ``var/postgres/``) and Redis (snapshots in ``var/redis/``) keep what the user
did between runs; osmem-server from PyPI stands in for Elasticsearch (in memory, index rebuilt at each
start). A Celery worker and beat run beside the ASGI server. Stripe runs in its offline test mode
unless ``STRIPE_SECRET_KEY`` is set. The services' addresses go to ``var/local.env``, which the local
settings read, so ``.venv/bin/python manage.py …`` in another terminal reaches the same services.
Ctrl-C stops everything this script started.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from services import (  # noqa: E402
    ROOT,
    free_port,
    start_postgres,
    start_redis,
    start_search,
    start_turn,
    wait_for_port,
)

PYTHON = sys.executable
VAR = ROOT / "var"
LOCAL_ENV = VAR / "local.env"
#: The queue of the admin's phone alerts (NOTIFICATIONS_PHONES_QUEUE), consumed by a worker of its own.
PHONES_QUEUE = os.environ.get("NOTIFICATIONS_PHONES_QUEUE", "phones")


def read_env_file(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs if not key.startswith("#")}


def port_of(url: str | None) -> int | None:
    """The port of a previous run's URL, to reuse it when free (bookmarks and open shells keep working)."""
    try:
        return int(url.rsplit(":", 1)[1].split("/", 1)[0]) if url else None
    except (IndexError, ValueError):
        return None


def write_env_file(values: dict[str, str]) -> None:
    lines = ["# Written by `make run` at each start: the addresses of the services it runs."]
    lines += [f"{key}={value}" for key, value in values.items()]
    LOCAL_ENV.write_text("\n".join(lines) + "\n")


def manage(*args: str, env: dict, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def start_stripe_fake(base: str, previous: dict[str, str]) -> tuple[dict, subprocess.Popen | None]:
    """Without STRIPE_SECRET_KEY: offline test mode, the local fake of Stripe signing its webhooks."""
    if os.environ.get("STRIPE_SECRET_KEY"):
        return {}, None
    port = free_port(port_of(previous.get("STRIPE_API_BASE")))
    secret = (
        os.environ.get("STRIPE_WEBHOOK_SECRET")
        or previous.get("STRIPE_WEBHOOK_SECRET")
        or f"whsec_local_{secrets.token_hex(16)}"
    )
    webhook = f"{base}/payments/stripe/webhook/"
    args = ["--port", str(port), "--webhook-url", webhook, "--webhook-secret", secret]
    process = subprocess.Popen([PYTHON, "-m", "commerce.payment.stripe.fake", *args], cwd=ROOT)
    wait_for_port(port)
    print(f"[run] payments: Stripe TEST MODE, no real payment (local fake at 127.0.0.1:{port})", flush=True)
    return {"STRIPE_API_BASE": f"http://127.0.0.1:{port}", "STRIPE_WEBHOOK_SECRET": secret}, process


def start_phone_fakes(previous: dict[str, str]) -> tuple[dict, subprocess.Popen | None]:
    """Without NOTIFICATIONS_TELEGRAM_TOKEN / NOTIFICATIONS_WHATSAPP_TOKEN: offline test mode, the local
    fakes of their APIs receive the admin's alerts (shown on the dashboard's "Phone alerts" page)."""
    telegram = not os.environ.get("NOTIFICATIONS_TELEGRAM_TOKEN")
    whatsapp = not os.environ.get("NOTIFICATIONS_WHATSAPP_TOKEN")
    if not (telegram or whatsapp):
        return {}, None
    port = free_port(port_of(previous.get("NOTIFICATIONS_TELEGRAM_API_BASE")))
    process = subprocess.Popen(
        [PYTHON, "-m", "commerce.notifications.phones.fakes", "--port", str(port)], cwd=ROOT
    )
    wait_for_port(port)
    print(f"[run] admin's phone: Telegram/WhatsApp TEST MODE (local fakes at 127.0.0.1:{port})", flush=True)
    values = {}
    if telegram:
        values["NOTIFICATIONS_TELEGRAM_API_BASE"] = f"http://127.0.0.1:{port}"
    if whatsapp:
        values["NOTIFICATIONS_WHATSAPP_API_BASE"] = f"http://127.0.0.1:{port}/v21.0"
    return values, process


def banner(base: str) -> str:
    return "\n".join(
        [
            "",
            f"  Shop (fr/en/ar)   {base}/fr/   {base}/en/   {base}/ar/",
            f"  Catalogue         {base}/fr/catalogue/",
            f"  Wagtail admin     {base}/cms/",
            f"  Oscar dashboard   {base}/dashboard/",
            f"  Django admin      {base}/django-admin/",
            f"  API docs          {base}/api/docs/   (schema {base}/api/schema/)",
            f"  Phone alerts      {base}/dashboard/phones/   (what the Telegram/WhatsApp fakes received)",
            f"  Health            {base}/health/",
            "  Other terminal    .venv/bin/python manage.py createsuperuser (same database and services)",
            "",
        ]
    )


def wait_for_first_exit(processes: dict[str, subprocess.Popen]) -> tuple[str, int]:
    while True:
        for name, process in processes.items():
            if process.poll() is not None:
                return name, process.returncode
        time.sleep(0.5)


def stop_processes(processes: dict[str, subprocess.Popen]) -> None:
    for process in processes.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 20
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()


def interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    # Ctrl-C, and a plain `kill` from a process manager, stop everything (even when started in the
    # background, where the shell would have us ignore SIGINT).
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    port = os.environ.get("PORT", "8000")
    base = f"http://127.0.0.1:{port}"
    VAR.mkdir(exist_ok=True)
    previous = read_env_file(LOCAL_ENV)
    services = []
    processes: dict[str, subprocess.Popen] = {}
    try:
        postgres = start_postgres(VAR / "postgres" / "data", port=port_of(previous.get("DATABASE_URL")))
        services.append(postgres)
        redis = start_redis(VAR / "redis", port=port_of(previous.get("REDIS_URL")))
        services.append(redis)
        search = start_search()
        services.append(search)
        # Video calls relay through a loopback coturn (TURN credentials from this run's secret).
        turn_secret = previous.get("CALLS_TURN_SECRET") or secrets.token_urlsafe(24)
        turn = start_turn(turn_secret, port=port_of(previous.get("CALLS_STUN_URLS")), log_dir=VAR)
        services.append(turn)
        values = {
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "SEARCH_URL": search.url,
            "WAGTAILADMIN_BASE_URL": base,
            "SITE_URL": base,
            "CALLS_TURN_SECRET": turn_secret,
            "CALLS_TURN_URLS": f"{turn.url}?transport=udp,{turn.url}?transport=tcp",
            "CALLS_STUN_URLS": turn.url.replace("turn:", "stun:", 1),
        }
        stripe_env, stripe_fake = start_stripe_fake(base, previous)
        if stripe_fake:
            processes["stripe-fake"] = stripe_fake
        values.update(stripe_env)
        phones_env, phones_fake = start_phone_fakes(previous)
        if phones_fake:
            processes["phones-fake"] = phones_fake
        values.update(phones_env)
        write_env_file(values)
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.local", **values)
        for service in services:
            print(f"[run] {service.name}: {service.url}", flush=True)

        print("[run] migrating the database…", flush=True)
        manage("migrate", "--noinput", "-v", "0", env=env)
        manage("seed_demo", "--if-empty", env=env)
        print("[run] rebuilding the search index…", flush=True)
        manage("search_index", "--rebuild", "-f", env=env, capture=True)

        celery = [PYTHON, "-m", "celery", "-A", "config"]
        celery_env = {**env, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")])}
        processes["worker"] = subprocess.Popen(
            [*celery, "worker", "-l", "warning", "--concurrency", "2"], cwd=ROOT, env=celery_env
        )
        # The admin's phone alerts have a queue and a worker of their own: never behind long tasks.
        processes["phones-worker"] = subprocess.Popen(
            [*celery, "worker", "-l", "warning", "--concurrency", "1", "-Q", PHONES_QUEUE, "-n", "phones@%h"],
            cwd=ROOT,
            env=celery_env,
        )
        schedule = str(VAR / "celerybeat-schedule")
        processes["beat"] = subprocess.Popen(
            [*celery, "beat", "-l", "warning", "-s", schedule], cwd=ROOT, env=celery_env
        )
        processes["web"] = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "uvicorn",
                "config.asgi:application",
                "--app-dir",
                "site",
                "--host",
                "127.0.0.1",
                "--port",
                port,
                "--lifespan",
                "off",
            ],
            cwd=ROOT,
            env=env,
        )
        print(banner(base), flush=True)
        name, code = wait_for_first_exit(processes)
        print(f"[run] {name} stopped (exit {code}); stopping the rest…", flush=True)
        return code or 1
    except KeyboardInterrupt:
        print("\n[run] stopping…", flush=True)
        return 0
    finally:
        stop_processes(processes)
        for service in reversed(services):
            service.stop()


if __name__ == "__main__":
    sys.exit(main())
