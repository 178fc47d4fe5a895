"""``python -m commerce.payment.stripe.fake --port 8111 --webhook-url … --webhook-secret …``

Runs the fake of Stripe in the foreground until interrupted (``make run`` starts it this way).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading

from .server import start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Local fake of Stripe (test mode, no real payment).")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--webhook-url", default=os.environ.get("STRIPE_FAKE_WEBHOOK_URL"))
    parser.add_argument("--webhook-secret", default=os.environ.get("STRIPE_WEBHOOK_SECRET"))
    args = parser.parse_args(argv)
    if not args.webhook_secret:
        parser.error("--webhook-secret (or STRIPE_WEBHOOK_SECRET) is required to sign events")
    running = start(webhook_secret=args.webhook_secret, webhook_url=args.webhook_url, port=args.port)
    print(f"Stripe fake (test mode, no real payment) listening on {running.url}", flush=True)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    with contextlib.suppress(KeyboardInterrupt):
        stopped.wait()
    running.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
