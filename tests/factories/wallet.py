"""Wallets with coins, coin packs for sale, and the barrier that starts threads at once."""

import threading
import uuid

from django.db import connection
from oscar.core.loading import get_model

from commerce.wallet import services
from tests.factories.catalogue import product_for_sale

ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")


def wallet_with(user, coins):
    """Credit ``user``'s wallet with ``coins`` bought (from cash-in); returns the wallet account."""
    services.credit_coins(user, coins, source="cash_in", key=f"test-credit:{uuid.uuid4()}", memo="test")
    return services.wallet_of(user)


def coin_pack_class():
    """The "coin-pack" product class (card only, nothing shipped) with its "coins" attribute."""
    product_class, _ = ProductClass.objects.get_or_create(
        slug="coin-pack", defaults={"name": "Coin pack", "track_stock": False, "requires_shipping": False}
    )
    ProductAttribute.objects.get_or_create(
        product_class=product_class,
        code="coins",
        defaults={"name": "Coins", "type": "integer", "required": True},
    )
    return product_class


def coin_pack(coins=100, price="50.000", *, shop="Souk — Portefeuille"):
    """A coin pack of ``coins`` for sale at ``price`` TND (stock untracked)."""
    product, _record = product_for_sale(
        title=f"Pack {coins} coins", price=price, shop=shop, stock=None, product_class=coin_pack_class()
    )
    product.attr.coins = coins
    product.attr.save()
    return product


def run_together(count, work):
    """``work(i)`` in ``count`` threads released at once by a barrier; their results (or errors)."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def target(index):
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results
