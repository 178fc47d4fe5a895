"""Digital products, the product class "digital": paying a line grants its downloads (and keys);
refunding it takes them back; a failed refund gives them back. Registered by ``DigitalConfig.ready``."""

from commerce.fulfilment.registry import register

from . import services

DIGITAL = "digital"


def register_digital():
    register(DIGITAL, fulfil=services.grant, revoke=take_back, restore=give_back)


def take_back(line, quantity, *, limit, key):
    """Access is taken back whole: a refunded file cannot be downloaded any more."""
    services.revoke(line)
    return quantity


def give_back(line, quantity, *, key):
    services.restore(line)
