"""Browser: the product-grid block shows only the fields of the source Marketing chooses."""

import os

import pytest
from wagtail.models import Site

from commerce.users.roles import MARKETING
from tests.factories import make_user
from tests.factories.pages import build_home_pages

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def assert_fields_shown(editor, expected, timeout_ms=5000):
    """The first product grid shows exactly these fields, in form order.

    The editor's JavaScript draws the block and toggles its fields after the
    click, so the fields are read again until they match or time runs out.
    """
    names = ("title", "source", "products", "category", "anchor", "count")
    for _attempt in range(timeout_ms // 100):
        shown = [
            name
            for name in names
            if editor.locator(f'[data-contentpath="body"] [data-contentpath="{name}"]').first.is_visible()
        ]
        if shown == expected:
            return
        editor.wait_for_timeout(100)
    assert shown == expected


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_product_grid_shows_only_the_chosen_sources_fields(live_server, signed_in, artifacts_dir):
    # given: Marketing adds a product grid to a new landing page
    homes = build_home_pages()
    Site.clear_site_root_paths_cache()
    _context, editor = signed_in(make_user("salma@example.com", role=MARKETING, is_staff=True))
    editor.goto(f"{live_server.url}/cms/pages/add/landing/landingpage/{homes['fr'].pk}/")
    editor.locator("button.c-sf-add-button").last.click()
    editor.get_by_role("option", name="Product grid", exact=True).click()
    # then: chosen products first (the default source), without a count or category
    assert_fields_shown(editor, ["title", "source", "products"])
    # when/then: each source shows its own fields
    editor.select_option('select[name="body-0-value-source"]', "category")
    assert_fields_shown(editor, ["title", "source", "category", "count"])
    editor.select_option('select[name="body-0-value-source"]', "bought_together")
    assert_fields_shown(editor, ["title", "source", "anchor", "count"])
    editor.select_option('select[name="body-0-value-source"]', "newest")
    assert_fields_shown(editor, ["title", "source", "count"])
    editor.screenshot(path=str(artifacts_dir / "cms-product-grid-newest.png"), full_page=True)
