"""Orders to invoice: real sellers (partners), products with stock records, VAT-inclusive prices."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.sites.models import Site
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import (
    BasketFactory,
    OrderFactory,
    OrderLineFactory,
    ShippingAddressFactory,
    create_product,
    create_stockrecord,
)

from commerce.money.fields import to_millimes
from commerce.order import statuses

Country = get_model("address", "Country")
Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")

VAT = Decimal("0.19")


def excl(price_incl_tax):
    """Tax-exclusive part of a 19 % VAT-inclusive price, to the millime."""
    return to_millimes(Decimal(price_incl_tax) / (1 + VAT))


def make_order(
    items,
    *,
    user=None,
    guest_email="guest@example.com",
    payment_method=Order.CARD,
    paid=True,
    language="fr",
    shipping="0.000",
    number=None,
):
    """An order with ``items``: ``[(partner, title, unit price incl. tax, quantity), …]``."""
    tunisia, _ = Country.objects.get_or_create(
        iso_3166_1_a2="TN", defaults={"iso_3166_1_a3": "TUN", "name": "Tunisia", "printable_name": "Tunisia"}
    )
    address = ShippingAddressFactory(
        first_name="Leila",
        last_name="Ben Salah",
        line1="12 rue de Marseille",
        line4="Tunis",
        postcode="1000",
        country=tunisia,
        phone_number="+21620123456",
    )
    lines_incl = [Decimal(price) * quantity for _partner, _title, price, quantity in items]
    lines_excl = [excl(price) * quantity for _partner, _title, price, quantity in items]
    shipping_incl = Decimal(shipping)
    shipping_excl = excl(shipping_incl)
    status = statuses.PROCESSING if payment_method == Order.CASH_ON_DELIVERY else statuses.PENDING_PAYMENT
    if paid and payment_method == Order.CARD:
        status = statuses.PAID
    fields = {"number": number} if number else {}
    order = OrderFactory(
        basket=BasketFactory(),
        user=user,
        guest_email="" if user else guest_email,
        shipping_address=address,
        billing_address=None,
        shipping_incl_tax=shipping_incl,
        shipping_excl_tax=shipping_excl,
        total_incl_tax=sum(lines_incl) + shipping_incl,
        total_excl_tax=sum(lines_excl) + shipping_excl,
        status=status,
        payment_method=payment_method,
        paid_at=timezone.now() if paid else None,
        language=language,
        **fields,
    )
    for (partner, title, price, quantity), line_incl, line_excl in zip(
        items, lines_incl, lines_excl, strict=True
    ):
        product = create_product(title=title, num_in_stock=None)
        record = create_stockrecord(product, price=Decimal(price), num_in_stock=20, partner_name=partner.name)
        OrderLineFactory(
            order=order,
            product=product,
            stockrecord=record,
            partner=partner,
            partner_name=partner.name,
            partner_sku=record.partner_sku,
            title=title,
            quantity=quantity,
            unit_price_incl_tax=Decimal(price),
            unit_price_excl_tax=excl(price),
            line_price_incl_tax=line_incl,
            line_price_excl_tax=line_excl,
            line_price_before_discounts_incl_tax=line_incl,
            line_price_before_discounts_excl_tax=line_excl,
            status=status,
        )
    return order


@pytest.fixture
def sellers(db):
    return {
        "nabeul": Partner.objects.create(name="Dar Nabeul"),
        "jebba": Partner.objects.create(name="Jebba & Co"),
    }


@pytest.fixture
def current_site(db):
    """The Site emails link to (transactional tests elsewhere may have flushed it)."""
    Site.objects.clear_cache()
    site, _ = Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": "souk.example", "name": "Souk"}
    )
    return site
