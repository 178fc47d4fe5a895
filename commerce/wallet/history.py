"""What the wallet's screens read besides the ledger's own selectors: a history entry in whole
coins, and the coin packs on sale."""

from django.conf import settings

from commerce.catalogue.selectors import browsable_products

#: The product class whose products credit coins when paid (the demo's and the fulfilment step's).
COIN_PACK_CLASS = "coin-pack"


def entry_coins(entry):
    """A wallet entry in whole coins, signed (+ credited, − taken)."""
    return entry.amount // settings.WALLET_COIN_MILLIMES


def coin_packs():
    """The coin packs on sale, as product cards show them (cheapest first)."""
    return (
        browsable_products().filter(product_class__slug=COIN_PACK_CLASS).order_by("stockrecords__price", "pk")
    )
