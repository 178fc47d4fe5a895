"""The demo's digital products carry real files that went through the checks, with previews."""

import pytest

from commerce.digital.models import DigitalFile, DigitalOptions


@pytest.mark.django_db
def test_the_demo_digital_products_have_checked_files_limits_watermarks_keys_and_previews(seeded_demo):
    files = DigitalFile.objects.select_related("current_version", "product")
    assert files.count() == 6
    assert all(f.current_version is not None for f in files), [
        (f.name, f.versions.first().report) for f in files
    ]
    assert {f.current_version.detected_type for f in files} == {"pdf", "zip", "wav"}
    assert set(DigitalOptions.objects.values_list("download_limit", flat=True)) == {5}
    icons = DigitalOptions.objects.get(product__title="Pack de 500 icônes vectorielles")
    assert (icons.licences, icons.seats) == ("generated", 5)
    guide = files.get(name="Guide Django (PDF)").current_version
    assert guide.preview and DigitalOptions.objects.get(product=guide.file.product).watermark == "every_page"
    assert files.get(name="Introduction audio").current_version.preview
