"""The fulfilment registry: a paid order runs each line's registered step once; a refund asks the
step to take back what it delivered (and it may refuse or limit); classes without a step pass."""

import pytest
from oscar.core.loading import get_model

from commerce.fulfilment import registry, services
from commerce.fulfilment.exceptions import RevokeRefused
from commerce.fulfilment.models import FulfilledLine
from tests.factories.catalogue import digital_class, product_for_sale
from tests.factories.stripe import pay, place_card_order

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")


@pytest.fixture
def calls(monkeypatch):
    """A step registered for the "digital" class that records its calls, in a copy of the registry
    (the digital app's own step is back afterwards, for the tests that follow)."""
    monkeypatch.setattr(registry, "_steps", dict(registry._steps))
    seen = []

    def revoke(line, quantity, *, limit, key):
        seen.append(("revoke", line.pk, quantity, limit, key))
        if quantity > 1 and not limit:
            raise RevokeRefused("Only one download can be taken back.")
        return 1

    registry.register(
        "digital",
        fulfil=lambda line: seen.append(("fulfil", line.pk)),
        revoke=revoke,
        restore=lambda line, quantity, *, key: seen.append(("restore", line.pk, quantity, key)),
    )
    return seen


@pytest.fixture
def order(stripe_fake, client, calls, customer):
    ebook = product_for_sale(title="E-book", price="20.000", stock=None, product_class=digital_class())[0]
    tajine = product_for_sale(title="Tajine", price="30.000", stock=5)[0]
    return pay(place_card_order([(ebook, 2), (tajine, 1)], user=customer), client, stripe_fake)


def test_paying_runs_each_registered_step_once_per_line(order, calls):
    ebook_line = order.lines.get(title="E-book")
    assert calls == [("fulfil", ebook_line.pk)]
    assert list(FulfilledLine.objects.values_list("line", "step", "quantity")) == [
        (ebook_line.pk, "digital", 2)
    ]

    # Running the order's fulfilment again (a replay) runs nothing
    assert services.fulfil_order(Order.objects.get(pk=order.pk)) == []
    assert len(calls) == 1


def test_revoke_asks_the_step_which_may_refuse_or_limit(order, calls):
    ebook_line = order.lines.get(title="E-book")
    tajine_line = order.lines.get(title="Tajine")

    with pytest.raises(RevokeRefused):
        services.revoke(ebook_line, 2, key="r1")
    assert services.revoke(ebook_line, 2, limit=True, key="r2") == 1
    assert services.revoke(tajine_line, 1, key="r3") == 1  # no step: refunded freely
    assert [call[0] for call in calls] == ["fulfil", "revoke", "revoke"]
    assert services.takes_back(ebook_line) and not services.takes_back(tajine_line)


def test_a_product_class_with_an_account_step_needs_a_signed_in_buyer(calls):
    registry.register("digital", fulfil=lambda line: None, requires_account=True)
    ebook = product_for_sale(title="E-book", stock=None, product_class=digital_class())[0]
    tajine = product_for_sale(title="Tajine", stock=5)[0]

    assert services.requires_account([tajine, ebook])
    assert not services.requires_account([tajine])
