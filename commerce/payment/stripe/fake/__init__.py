"""A local fake of the Stripe endpoints the project calls (see ``app.py``); ``start()`` serves it."""

from .app import FakeStripe
from .server import RunningFake, start

__all__ = ["FakeStripe", "RunningFake", "start"]
