"""The newsletter page on a 390 px phone, in French and in Arabic (right to left): the form fits."""

import os

import pytest
from wagtail.models import Site

from tests.factories.pages import build_home_pages

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

PHONE = {"width": 390, "height": 664}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language, direction", [("fr", "ltr"), ("ar", "rtl")])
def test_the_newsletter_page_fits_a_phone(live_server, browser, artifacts_dir, language, direction):
    build_home_pages()
    Site.clear_site_root_paths_cache()
    context = browser.new_context(viewport=PHONE, color_scheme="light", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/newsletter/")
    page.screenshot(path=str(artifacts_dir / f"newsletter-page-{language}-390.png"), full_page=True)
    assert page.locator("html").get_attribute("dir") == direction
    email = page.locator('main input[type="email"]')
    assert email.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = email.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    context.close()
