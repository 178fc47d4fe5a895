"""Serve the fake of Stripe on a loopback port, in a thread of the calling process."""

from __future__ import annotations

import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .app import FakeStripe


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the method it overrides
        pass


class RunningFake:
    """A started fake: ``url`` to give ``STRIPE_API_BASE``, ``app`` for its state, ``stop()``."""

    def __init__(self, app: FakeStripe, server: WSGIServer, thread: threading.Thread):
        self.app, self._server, self._thread = app, server, thread
        self.url = f"http://127.0.0.1:{server.server_port}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


def start(*, webhook_secret: str, webhook_url: str | None = None, port: int = 0) -> RunningFake:
    """Start the fake on ``127.0.0.1:port`` (0: any free port) and return once it accepts requests."""
    app = FakeStripe(webhook_secret=webhook_secret, webhook_url=webhook_url)
    server = make_server("127.0.0.1", port, app, server_class=_ThreadingServer, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="stripe-fake", daemon=True)
    thread.start()
    running = RunningFake(app, server, thread)
    app.base_url = running.url
    return running
