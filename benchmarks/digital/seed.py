"""Seed for ``make bench-digital``: one watermarked 40-page PDF product and ``count`` entitlements
to it (orders made with Oscar's factory), each with a signed link. Prints ``LINKS <json>``."""

import json
import sys

import django

django.setup()

from oscar.apps.partner.strategy import Default  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402
from oscar.test.factories import create_order  # noqa: E402

from commerce.digital import services  # noqa: E402
from commerce.digital.models import DigitalFile, DigitalOptions  # noqa: E402
from tests.factories import make_user  # noqa: E402
from tests.factories.catalogue import digital_class, product_for_sale  # noqa: E402
from tests.factories.digital import checked_version, pdf_bytes  # noqa: E402


def main(count):
    product, _record = product_for_sale(
        title="Bench guide", price="10.000", stock=None, product_class=digital_class()
    )
    DigitalOptions.objects.create(
        product=product, download_limit=1_000_000, watermark="every_page", link_minutes=120
    )
    digital_file = DigitalFile.objects.create(product=product, name="guide.pdf")
    checked_version(digital_file, pdf_bytes(40, title="Bench guide"))
    links = []
    for n in range(count):
        user = make_user(f"bench{n}@example.com")
        basket = get_model("basket", "Basket").objects.create(owner=user)
        basket.strategy = Default()
        basket.add_product(product)
        order = create_order(user=user, basket=basket)
        entitlement = services.grant(order.lines.get())
        links.append(f"/fr/accounts/downloads/file/{services.download_token(entitlement, digital_file)}/")
    print("LINKS " + json.dumps({"links": links}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
