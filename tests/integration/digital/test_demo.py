"""The demo's digital products carry real files that went through the checks, with previews."""

from decimal import Decimal

import pytest

from commerce.digital.models import DigitalFile, DigitalOptions
from commerce.digital.selectors import options_for


@pytest.mark.django_db
def test_the_demo_digital_products_have_checked_files_limits_watermarks_keys_and_previews(
    client, seeded_demo
):
    files = DigitalFile.objects.select_related("current_version", "product")
    assert files.count() == 6
    assert all(f.current_version is not None for f in files), [
        (f.name, f.versions.first().report) for f in files
    ]
    assert {f.current_version.detected_type for f in files} == {"pdf", "zip", "wav"}
    assert set(DigitalOptions.objects.values_list("download_limit", flat=True)) == {5}
    icons = DigitalOptions.objects.get(product__title="Pack de 500 icônes vectorielles")
    assert icons.licences == "generated"
    # its seats are variants a shopper picks, each at its own price, each giving its keys its seats
    seats = [
        (options_for(variant).seats, variant.stockrecords.get().price, variant.attribute_summary)
        for variant in icons.product.children.order_by("stockrecords__price")
    ]
    assert [(count, price) for count, price, _summary in seats] == [
        (1, Decimal("49.000")),
        (5, Decimal("149.000")),
        (None, Decimal("390.000")),
    ]
    for (_count, _price, summary), label in zip(
        seats, ("1 poste", "5 postes", "Postes illimités"), strict=True
    ):
        assert f"Postes: {label}" in summary
    # the product page offers the three to choose from before adding to the basket
    page = client.get(icons.product.get_absolute_url(), follow=True).content.decode()
    assert 'name="child_id"' in page
    assert all(f'value="{variant.pk}"' in page for variant in icons.product.children.all())
    guide = files.get(name="Guide Django (PDF)").current_version
    assert guide.preview and DigitalOptions.objects.get(product=guide.file.product).watermark == "every_page"
    assert files.get(name="Introduction audio").current_version.preview
