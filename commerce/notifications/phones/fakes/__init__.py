"""Local fakes of the Telegram Bot API and the WhatsApp Cloud API (``app.py``), served by ``start()``."""

from .app import PhonesFake
from .server import RunningFake, start

__all__ = ["PhonesFake", "RunningFake", "start"]
