"""``make run``: migrate, seed the demo once, start osmem-server, rebuild the index, serve over ASGI.

Local defaults need nothing installed system-wide: SQLite, in-process cache, channel layer and
Celery (eager), and osmem-server from PyPI standing in for Elasticsearch. Stripe and other outside
services run in their offline test modes.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from services import ROOT, free_port, start_search, wait_for_port  # noqa: E402

PYTHON = sys.executable


def manage(*args: str, env: dict, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def start_stripe_fake(base: str) -> tuple[dict, subprocess.Popen | None]:
    """Without STRIPE_SECRET_KEY: offline test mode, the local fake of Stripe signing its webhooks."""
    if os.environ.get("STRIPE_SECRET_KEY"):
        return {}, None
    port = free_port()
    secret = os.environ.get("STRIPE_WEBHOOK_SECRET") or f"whsec_local_{secrets.token_hex(16)}"
    webhook = f"{base}/payments/stripe/webhook/"
    args = ["--port", str(port), "--webhook-url", webhook, "--webhook-secret", secret]
    process = subprocess.Popen([PYTHON, "-m", "commerce.payment.stripe.fake", *args], cwd=ROOT)
    wait_for_port(port)
    print(f"[run] payments: Stripe TEST MODE, no real payment (local fake at 127.0.0.1:{port})", flush=True)
    return {"STRIPE_API_BASE": f"http://127.0.0.1:{port}", "STRIPE_WEBHOOK_SECRET": secret}, process


def main() -> int:
    port = os.environ.get("PORT", "8000")
    (ROOT / "var").mkdir(exist_ok=True)
    search = start_search()
    base = f"http://127.0.0.1:{port}"
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.local",
        SEARCH_URL=search.url,
        WAGTAILADMIN_BASE_URL=base,
    )
    stripe_env, stripe_fake = start_stripe_fake(base)
    env.update(stripe_env)
    try:
        print("[run] migrating the database (var/db.sqlite3)…", flush=True)
        manage("migrate", "--noinput", "-v", "0", env=env)
        manage("seed_demo", "--if-empty", env=env)
        print(f"[run] search: osmem-server at {search.url}; rebuilding the index…", flush=True)
        manage("search_index", "--rebuild", "-f", env=env, capture=True)
        print(
            "\n".join(
                [
                    "",
                    f"  Shop (fr/en/ar)   {base}/fr/   {base}/en/   {base}/ar/",
                    f"  Catalogue         {base}/fr/catalogue/",
                    f"  Wagtail admin     {base}/cms/",
                    f"  Oscar dashboard   {base}/dashboard/",
                    f"  Django admin      {base}/django-admin/",
                    f"  API docs          {base}/api/docs/   (schema {base}/api/schema/)",
                    f"  Health            {base}/health/",
                    "",
                ]
            ),
            flush=True,
        )
        return subprocess.call(
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
    except KeyboardInterrupt:
        return 0
    finally:
        search.stop()
        if stripe_fake:
            stripe_fake.terminate()


if __name__ == "__main__":
    sys.exit(main())
