"""Browser: Marketing builds a promo in Wagtail, submits it, a Platform admin approves, a shopper sees it."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from cms_pages.landing.models import PromoPage
from commerce.users.roles import MARKETING, PLATFORM_ADMINS
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.pages import build_home_pages

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def add_block(page, label):
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_marketing_builds_a_promo_an_admin_approves_it_and_a_shopper_sees_it(
    live_server, signed_in, page, artifacts_dir
):
    # given: the French site, a product, a Marketing user and a Platform admin
    homes = build_home_pages()
    Site.clear_site_root_paths_cache()
    tajine, _ = product_for_sale("Tajine de la promo", price="59.000", stock=7)
    marketer = make_user("salma@example.com", role=MARKETING, is_staff=True)
    approver = make_user("karim@example.com", role=PLATFORM_ADMINS, is_staff=True)
    ends = timezone.localtime() + timedelta(days=3)

    # when: Marketing builds the promo with a hero, a product grid and a countdown, and saves a draft
    context, editor = signed_in(marketer)
    editor.goto(f"{live_server.url}/cms/pages/add/landing/promopage/{homes['fr'].pk}/")
    editor.fill('input[name="title"]', "Semaine du tajine")
    editor.fill('input[name="expire_at"]', ends.strftime("%Y-%m-%d %H:%M"))
    editor.keyboard.press("Escape")
    add_block(editor, "Hero")
    editor.fill('input[name="body-0-value-headline"]', "Le tajine à l'honneur")
    add_block(editor, "Product grid")
    editor.select_option('select[name="body-1-value-source"]', "newest")
    editor.fill('input[name="body-1-value-title"]', "Nos tajines")
    add_block(editor, "Countdown")
    editor.fill('input[name="body-2-value-title"]', "Fin de l'offre dans")
    assert editor.locator('button[name="action-publish"]').count() == 0
    editor.screenshot(path=str(artifacts_dir / "cms-promo-editor.png"), full_page=True)
    editor.locator("form#page-edit-form button[type=submit]:not([name])").first.click()
    editor.wait_for_url("**/edit/")
    promo = PromoPage.objects.get(title="Semaine du tajine")
    assert not promo.live

    # and: submits it to the promo workflow
    editor.locator("form#page-edit-form [data-w-dropdown-target='toggle'], .dropdown-toggle").last.click()
    editor.locator('button[name="action-submit"]:not([data-submit-and-translate])').click()
    editor.wait_for_load_state()
    promo.refresh_from_db()
    assert promo.current_workflow_state is not None
    context.close()

    # when: a Platform admin approves it
    context, admin = signed_in(approver)
    admin.goto(f"{live_server.url}/cms/pages/{promo.pk}/edit/")
    admin.locator("form#page-edit-form [data-w-dropdown-target='toggle'], .dropdown-toggle").last.click()
    with admin.expect_navigation():
        admin.locator(
            'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
        ).click()
    admin.screenshot(path=str(artifacts_dir / "cms-promo-approved.png"), full_page=True)
    context.close()
    promo.refresh_from_db()
    assert promo.live

    # then: a shopper sees it in French, with the product's live price and the countdown ticking
    page.goto(f"{live_server.url}{promo.url}")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Le tajine à l'honneur"
    card = page.locator(".product-card", has_text="Tajine de la promo")
    assert "59,000" in card.inner_text()
    countdown = page.locator("[data-countdown]")
    first = countdown.locator('[data-unit="seconds"]').inner_text()
    page.wait_for_timeout(1100)
    assert countdown.locator('[data-unit="seconds"]').inner_text() != first
    assert countdown.locator('[data-unit="days"]').inner_text() in ("2", "3")
    page.screenshot(path=str(artifacts_dir / "cms-promo-shopper-fr.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(artifacts_dir / "cms-promo-shopper-fr-mobile.png"), full_page=True)
    assert tajine.pk
