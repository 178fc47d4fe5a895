"""The catalogue on a 390 px phone: the header's search box suggests while typing (a combobox
driven by the keyboard), and the filters are a closed drawer that opens, filters by a tap, and shows
the active filter as a removable chip (French, then Arabic right to left)."""

import pytest

from search.documents import ExpertDocument, ProductDocument
from tests.factories.catalogue import product_for_sale

PHONE = {"width": 390, "height": 664}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_suggestions_and_the_filter_drawer_on_a_phone(live_server, browser, artifacts_dir, search_index):
    # given: products of two shops, indexed
    for document in (ProductDocument, ExpertDocument):
        document._index.delete(ignore_unavailable=True)
        document._index.create()
    product_for_sale("Tajine émaillé", "45.000", shop="Dar Nabeul")
    product_for_sale("Plat à couscous", "30.000", shop="Dar Fakhar")
    ProductDocument().update(ProductDocument().get_queryset())
    context = browser.new_context(viewport=PHONE, color_scheme="light", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    for language in ("fr", "ar"):
        page.goto(f"{live_server.url}/{language}/catalogue/")
        # when: a few letters are typed in the header's search box
        box = page.locator("#header-search-q")
        box.fill("taj")
        listbox = page.get_by_role("listbox")
        option = listbox.get_by_role("option", name="Tajine émaillé")
        option.wait_for()
        # then: a combobox lists the product with its type, and says how many it found
        assert box.get_attribute("role") == "combobox"
        assert box.get_attribute("aria-expanded") == "true"
        one_found = page.locator("form[data-suggest]").get_attribute("data-label-count-one")
        assert page.locator("[data-suggest-status]").text_content() == one_found.replace("{n}", "1")
        box.press("ArrowDown")
        assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
        assert option.get_attribute("aria-selected") == "true"
        page.screenshot(path=str(artifacts_dir / f"suggest-{language}-390.png"))
        # and Escape closes it, the text kept
        box.press("Escape")
        assert listbox.is_hidden() and box.input_value() == "taj"
        assert box.get_attribute("aria-expanded") == "false"
        drawer = page.locator("[data-facet-drawer]")
        seller = drawer.locator("a", has_text="Dar Nabeul")
        # then: the drawer starts closed on a phone, its toggle in view
        assert drawer.evaluate("d => d.open") is False
        assert not seller.is_visible()
        # when: the toggle is tapped
        drawer.locator("summary").tap()
        page.screenshot(path=str(artifacts_dir / f"filter-drawer-{language}-390.png"), full_page=True)
        # then: the seller facet shows its counts; tapping one filters the list
        assert seller.is_visible()
        seller.tap()
        page.wait_for_url("**seller=dar-nabeul**")
        titles = page.locator(".product-card").all_inner_texts()
        assert any("Tajine" in text for text in titles)
        assert not any("couscous" in text for text in titles)
        # and the active filter is a chip that removes it
        page.locator("[data-facet-drawer] summary").tap()
        page.locator(".facet-chip").first.tap()
        page.wait_for_url(f"{live_server.url}/{language}/catalogue/?")
    context.close()
