"""Browser: axe-core finds no accessibility violation on the main storefront pages, in French and Arabic.

One browser page walks the demo marketplace (``seed_demo``) as a shopper does: home, catalogue, a
product page, the basket with that product, the checkout and a CMS landing page, in both languages.
axe-core's script comes from the ``axe-playwright-python`` package, so no npm is needed.
"""

import os
from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.utils import translation
from oscar.core.loading import get_model
from wagtail.models import Site

from cms_pages.landing.models import LandingPage

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

Product = get_model("catalogue", "Product")
LANGUAGES = ("fr", "ar")


def describe(violations):
    """One line per violated rule: its id, impact and the first elements it flagged."""
    return [
        f"{v['id']} ({v['impact']}): " + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in violations
    ]


@pytest.fixture
def demo_marketplace(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("seed_demo", stdout=StringIO())
    Site.clear_site_root_paths_cache()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_main_storefront_pages_have_no_axe_violation(live_server, page, demo_marketplace):
    # given: the demo marketplace, a product with an image that can be bought
    product = Product.objects.browsable().filter(images__isnull=False, stockrecords__isnull=False).first()
    axe = Axe()
    found = {}

    for lang in LANGUAGES:
        with translation.override(lang):
            product_url = product.get_absolute_url()
        landing = LandingPage.objects.live().filter(locale__language_code=lang).first()
        pages = {
            "home": f"/{lang}/",
            "catalogue": f"/{lang}/catalogue/",
            "product": product_url,
            "basket": f"/{lang}/basket/",
            "checkout": f"/{lang}/checkout/",
            "landing": landing.get_url(),
        }
        for name, path in pages.items():
            # when: the shopper opens the page (the product goes into the basket on its page)
            page.goto(f"{live_server.url}{path}")
            assert page.locator("html").get_attribute("lang") == lang, path
            # then: axe-core reports nothing
            violations = axe.run(page).response["violations"]
            if violations:
                found[f"{lang} {name} {path}"] = describe(violations)
            if name == "product":
                page.locator("form[action*='/basket/add/'] button[type=submit]").first.click()
                page.wait_for_load_state()

    assert not found, found
