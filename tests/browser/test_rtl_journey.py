"""Browser: a shopper switches the home page to Arabic and the page chrome mirrors (right-to-left)."""

import os

import pytest
from wagtail.models import Site

from tests.factories.pages import build_home_pages

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_switching_to_arabic_mirrors_the_header(live_server, page, artifacts_dir):
    # given: a published French home page, root of the default site, with an Arabic translation
    build_home_pages()
    Site.clear_site_root_paths_cache()
    page.goto(f"{live_server.url}/fr/")
    assert page.locator("html").get_attribute("dir") == "ltr"

    # when: the shopper picks Arabic in the header's language switcher
    arabic = page.locator('.site-header .language-switcher a[hreflang="ar"]')
    assert arabic.get_attribute("lang") == "ar"
    arabic.click()
    page.wait_for_url(f"{live_server.url}/ar/")

    # then: the page is Arabic and right-to-left, and the header is mirrored
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    current = page.locator('.site-header .language-switcher a[aria-current="true"]')
    assert current.get_attribute("hreflang") == "ar"
    middle = page.viewport_size["width"] / 2
    logo = page.locator(".site-header .brand").bounding_box()
    basket = page.locator(".site-header .basket-link").bounding_box()
    assert logo["x"] > middle, f"the logo should sit on the right half in RTL, it starts at x={logo['x']}"
    assert basket["x"] + basket["width"] < middle, "the basket link should sit on the left half in RTL"
    page.screenshot(path=str(artifacts_dir / "rtl-home.png"), full_page=True)
