"""The WhatsApp consent on a 390 px phone, in French and in Arabic (right to left): the unticked box
under the phone field of the pop-up checkout, and the account page where it is given and withdrawn.
axe-core finds nothing to fix in either page's content."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from commerce.users.models import WhatsAppConsent
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import ensure_tunisia

PHONE = {"width": 390, "height": 844}


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def violations(page, selector):
    """What axe-core flags in the part of the page this feature adds (the site's header, footer and
    chat widget are checked by their own tests)."""
    found = Axe().run(page, context=selector).response["violations"]
    return [f"{v['id']}: {[node['target'] for node in v['nodes'][:3]]}" for v in found]


@pytest.fixture
def phone_page(browser, live_server):
    """A phone-sized page signed in as a shopper (sign-in itself is tested elsewhere)."""
    shopper = make_user("amira@example.com", first_name="Amira", last_name="Ben Salah")
    client = Client()
    client.force_login(shopper)
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield shopper, page
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_consent_box_at_checkout_and_in_the_account(
    live_server, phone_page, artifacts_dir, settings, language
):
    settings.NOTIFICATIONS_WHATSAPP_BUSINESS_NUMBER = "+21670000111"
    shopper, page = phone_page
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", stock=5)

    # When the shopper opens the pop-up checkout's page on their phone
    page.goto(f"{live_server.url}/{language}/checkout/buy/{tajine.pk}/")
    box = page.locator("input[name=whatsapp_opt_in]")
    box.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / f"whatsapp-checkout-390-{language}.png"), full_page=True)

    # Then the box is there, unticked, labelled by the wording, and the page fits and reads right
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert box.is_visible() and not box.is_checked()
    assert (
        "WhatsApp" in page.locator(f"label[for={box.get_attribute('id')}]").inner_text() or language == "ar"
    )
    label = page.locator(f"label[for={box.get_attribute('id')}]")
    box_x, label_x = box.bounding_box()["x"], label.bounding_box()["x"]
    assert box_x > label_x if language == "ar" else box_x < label_x, "the box comes first in reading order"
    assert page.evaluate("el => getComputedStyle(el).direction", box.element_handle()) == (
        "rtl" if language == "ar" else "ltr"
    )
    assert fits(page)
    assert violations(page, "form:has(input[name=whatsapp_opt_in])") == []

    # When they open the account's WhatsApp page and agree
    page.goto(f"{live_server.url}/{language}/accounts/whatsapp/")
    assert not page.locator("input[name=consent]").is_checked()
    page.screenshot(path=str(artifacts_dir / f"whatsapp-account-390-{language}.png"), full_page=True)
    assert fits(page)
    assert violations(page, ".whatsapp-consent") == []
    page.fill("input[name=number]", "20 123 456")
    page.locator("label[for=id_consent]").click()
    page.locator("form.whatsapp-consent__form button[type=submit]").click()
    page.wait_for_load_state()

    # Then the page shows the consent with a button to withdraw it
    assert WhatsAppConsent.objects.get(user=shopper).language == language
    assert page.locator("#whatsapp-consent-current").is_visible()
    assert page.locator("a[href='https://wa.me/21670000111']").count() == 1
    page.screenshot(path=str(artifacts_dir / f"whatsapp-account-given-390-{language}.png"), full_page=True)
    assert fits(page)
    page.locator("button[name=revoke]").click()
    page.wait_for_load_state()
    assert WhatsAppConsent.objects.get(user=shopper).revoked_at is not None
