"""A seller uploads a PDF by the dashboard's drop zone and sees its checklist, puts the product on
sale; a buyer pays by card (Stripe's test-mode page) and downloads the file stamped with her email,
from her downloads page (French on a desktop, then Arabic on a phone)."""

import re
from pathlib import Path

import pytest

from commerce.digital.models import DigitalOptions
from tests.factories import make_user
from tests.factories.catalogue import digital_class, product_for_sale
from tests.factories.checkout import ensure_tunisia
from tests.factories.digital import pdf_bytes
from tests.factories.sellers import make_seller
from tests.factories.stripe import WEBHOOK_PATH
from tests.pdf import pdf_text

PHONE = {"width": 390, "height": 844}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("scanning")
def test_seller_uploads_a_checked_pdf_and_a_buyer_downloads_it_watermarked(
    live_server, signed_in, browser, stripe_fake, artifacts_dir, tmp_path
):
    # given: a digital product without files, its seller, a buyer, Stripe's fake sending webhooks here
    ensure_tunisia()
    product, record = product_for_sale(
        "Guide de la poterie",
        "20.000",
        shop="Carthage Digital",
        stock=None,
        product_class=digital_class(),
        public=False,
    )
    DigitalOptions.objects.create(product=product, download_limit=3, watermark="every_page")
    seller = make_seller(record.partner, email="vendeur@example.com")
    buyer = make_user("layla@example.com", first_name="Layla", last_name="Trabelsi")
    stripe_fake.webhook_url = f"{live_server.url}{WEBHOOK_PATH}"
    base = live_server.url
    guide = tmp_path / "guide-poterie.pdf"
    guide.write_bytes(pdf_bytes(3, title="Guide de la poterie"))

    # when: the seller drops the PDF on the product's page in the dashboard
    _context, page = signed_in(seller)
    page.goto(f"{base}/dashboard/digital/{product.pk}/")
    page.screenshot(path=str(artifacts_dir / "digital-1-seller-empty.png"), full_page=True)
    with page.expect_navigation():
        page.locator("[data-digital-upload] input[type=file]").set_input_files(str(guide))

    # then: the checklist shows each check passed, and the product can go on sale
    checklist = page.locator("[data-checklist]").first
    checklist.wait_for()
    assert checklist.locator(".text-success").count() == 5, checklist.inner_text()
    page.screenshot(path=str(artifacts_dir / "digital-2-seller-checklist.png"), full_page=True)
    page.locator("button[name=public][value='1']").click()
    page.wait_for_load_state()
    product.refresh_from_db()
    assert product.is_public

    # when: the buyer adds it to her basket and pays by card
    _context, shopper = signed_in(buyer)
    shopper.goto(f"{base}{product.get_absolute_url()}")
    shopper.locator("form[action*='/basket/add/'] button[type=submit]").first.click()
    shopper.wait_for_load_state()
    shopper.goto(f"{base}/fr/checkout/")
    form = shopper.locator(".quick-checkout__form")
    for name, value in (("phone", "20 123 456"), ("line1", "12 rue de Marseille"), ("city", "Tunis")):
        field = form.locator(f"input[name={name}]")
        if field.count() and field.is_visible():
            field.fill(value)
    form.locator("input[name=payment_method][value=card]").check()
    form.locator("button[type=submit]").click()
    shopper.wait_for_url(re.compile(r"/pay/"))
    shopper.locator("button.pay").click()
    shopper.wait_for_url(re.compile(r"/checkout/thank-you/"))

    # then: her downloads page lists the file (the webhook may land just after the thank-you page)
    for _attempt in range(20):
        shopper.goto(f"{base}/fr/accounts/downloads/")
        if shopper.locator(".digital-downloads__item").count():
            break
        shopper.wait_for_timeout(500)
    shopper.screenshot(path=str(artifacts_dir / "digital-3-buyer-downloads-fr.png"), full_page=True)
    with shopper.expect_download() as download:
        shopper.locator(".digital-downloads__item a[download]").click()
    text = pdf_text(Path(download.value.path()).read_bytes())
    assert "layla@example.com" in text and "Guide de la poterie" in text

    # and on a phone in Arabic, the page reads right to left with one download fewer
    context = browser.new_context(viewport=PHONE, color_scheme="light", locale="ar")
    from django.test import Client

    client = Client()
    client.force_login(buyer)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
    phone = context.new_page()
    phone.goto(f"{base}/ar/accounts/downloads/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert "تنزيلان متبقيان" in phone.locator(".digital-downloads__item").inner_text()  # two left (dual)
    phone.screenshot(path=str(artifacts_dir / "digital-4-buyer-downloads-ar-phone.png"), full_page=True)
    context.close()
