"""``python -m commerce.notifications.phones.fakes --port 8112``

Runs the fakes of Telegram and WhatsApp in the foreground until interrupted (``make run`` starts
them this way when no token is set).
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading

from .server import start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Local fakes of the Telegram and WhatsApp APIs (test mode).")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    args = parser.parse_args(argv)
    running = start(port=args.port)
    print(
        f"Telegram and WhatsApp fakes (test mode, nothing leaves this machine) on {running.url}", flush=True
    )
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    with contextlib.suppress(KeyboardInterrupt):
        stopped.wait()
    running.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
