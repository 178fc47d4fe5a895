"""Serve the phone fakes on a loopback port, in a thread of the calling process."""

from __future__ import annotations

import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .. import offline
from .app import PhonesFake


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the method it overrides
        pass


class RunningFake:
    """A started fake: ``telegram_url`` and ``whatsapp_url`` for the settings, ``app``, ``stop()``."""

    def __init__(self, app: PhonesFake, server: WSGIServer, thread: threading.Thread):
        self.app, self._server, self._thread = app, server, thread
        self.url = f"http://127.0.0.1:{server.server_port}"
        self.telegram_url = self.url
        self.whatsapp_url = f"{self.url}/{offline.GRAPH_VERSION}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


def start(*, port: int = 0, **credentials) -> RunningFake:
    """Start the fakes on ``127.0.0.1:port`` (0: any free port) and return once they accept requests."""
    app = PhonesFake(**credentials)
    server = make_server("127.0.0.1", port, app, server_class=_ThreadingServer, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="phones-fake", daemon=True)
    thread.start()
    return RunningFake(app, server, thread)
