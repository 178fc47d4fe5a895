"""Browser: Marketing makes a promo with its own voucher, sends it for approval and translation in one step;
an admin approves; the Arabic translation is published; beat takes both off the site when the promo ends."""

import os
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Locale, Site
from wagtail_localize.models import Translation

from cms_pages.landing.models import PromoPage
from commerce.users.roles import MARKETING, PLATFORM_ADMINS, sync_roles
from tests.factories import make_user
from tests.factories.pages import build_home_pages, restore_submit_translation_permission
from tests.integration.cms.test_translation import translate_everything

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

Voucher = get_model("voucher", "Voucher")
#: Far enough ahead for the journey up to the shopper's visit (then brought forward to watch it end).
PROMO_SECONDS = 150


#: Seconds between beat's runs of the publishing task here (a minute in production: only the wait
#: for the promo's end is shorter, beat and the worker are the real ones).
PUBLISH_EVERY = 2


@pytest.fixture
def beat_env():
    return {"CMS_PUBLISH_SCHEDULED_SECONDS": str(PUBLISH_EVERY)}


#: Wagtail's autosave interval (its default ``WAGTAIL_AUTOSAVE_INTERVAL``, not changed here).
AUTOSAVE_MS = 500


def settle_autosave(editor):
    """Let Wagtail's autosave (every 500 ms after a change; on the create screen its first save
    creates the page) finish before the editor clicks Save, or the two requests race: both try to
    create the page and the second is refused for its slug."""
    editor.wait_for_timeout(AUTOSAVE_MS + 300)
    editor.wait_for_function(
        "() => document.querySelector('#w-autosave-indicator')?.dataset.wAutosaveStateValue !== 'saving'"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_promo_with_its_own_voucher_translated_approved_and_ended_on_time(
    live_server, signed_in, page, artifacts_dir, celery_beat
):
    # given: the site in three languages, a Marketing user and a Platform admin
    homes = build_home_pages()
    Site.clear_site_root_paths_cache()
    restore_submit_translation_permission()
    sync_roles()
    marketer = make_user("salma@example.com", role=MARKETING, is_staff=True)
    approver = make_user("karim@example.com", role=PLATFORM_ADMINS, is_staff=True, is_superuser=True)
    ends = (timezone.localtime() + timedelta(seconds=PROMO_SECONDS)).replace(second=0, microsecond=0)
    voucher_ends = timezone.localtime() + timedelta(days=7)

    # when: Marketing starts a promo and creates its voucher from the page
    context, editor = signed_in(marketer)
    editor.goto(f"{live_server.url}/cms/pages/add/landing/promopage/{homes['fr'].pk}/")
    editor.fill('input[name="title"]', "Soldes flash")
    editor.fill('input[name="expire_at"]', ends.strftime("%Y-%m-%d %H:%M"))
    editor.keyboard.press("Escape")
    editor.locator("#id_voucher-chooser .chooser__choose-button").click()
    modal = editor.locator(".modal-content")
    # The chooser's modal is fetched over the network: on a busy machine it takes more than 15 s
    modal.locator('a[href="#tab-create"]').click(timeout=60_000)
    modal.locator('input[name="code"]').fill("FLASH-15")
    modal.locator('input[name="percent"]').fill("15")
    modal.locator('input[name="starts_at"]').fill(timezone.localtime().strftime("%Y-%m-%d %H:%M"))
    modal.locator('input[name="ends_at"]').fill(voucher_ends.strftime("%Y-%m-%d %H:%M"))
    modal.locator('input[name="max_uses"]').fill("200")
    modal.locator('input[name="max_uses"]').press("Enter")  # the date picker covers the button
    modal.wait_for(state="detached")
    assert "FLASH-15" in editor.locator("#id_voucher-chooser .chooser__title").inner_text()
    editor.mouse.click(900, 200)  # closes the date pickers the modal left open
    editor.locator("#id_voucher-chooser").scroll_into_view_if_needed()
    editor.screenshot(path=str(artifacts_dir / "cms-promo-voucher-created.png"))

    # and: saves it, then submits it for approval and translation in one step
    settle_autosave(editor)
    with editor.expect_navigation():
        editor.locator("form#page-edit-form button[type=submit]:not([name])").first.click()
    assert editor.url.endswith("/edit/")
    editor.locator(".w-dropdown-button [data-w-dropdown-target='toggle']").click()
    with editor.expect_navigation():
        editor.locator("button[data-submit-and-translate]").click()
    context.close()
    promo = PromoPage.objects.get(title="Soldes flash", locale__language_code="fr")
    assert promo.voucher.code == "FLASH-15" and promo.current_workflow_state is not None
    copies = PromoPage.objects.filter(translation_key=promo.translation_key).exclude(pk=promo.pk)
    assert sorted(copy.locale.language_code for copy in copies) == ["ar", "en"]
    assert not any(copy.live for copy in copies)

    # when: the Platform admin approves it
    context, admin = signed_in(approver)
    admin.goto(f"{live_server.url}/cms/pages/{promo.pk}/edit/")
    admin.locator(".w-dropdown-button [data-w-dropdown-target='toggle']").click()
    with admin.expect_navigation():
        admin.locator(
            'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
        ).click()
    promo.refresh_from_db()
    assert promo.live

    # and: the Arabic translator's strings are in (the translation editor's work) and it is published
    arabic = Locale.objects.get(language_code="ar")
    translation = Translation.objects.get(source__object_id=promo.translation_key, target_locale=arabic)
    translate_everything(translation, {"Soldes flash": "تخفيضات سريعة", "soldes-flash": "takhfidat"})
    arabic_promo = PromoPage.objects.get(translation_key=promo.translation_key, locale=arabic)
    assert arabic_promo.live
    context.close()

    # then: shoppers read the promo and its code in French and Arabic; English has no page to link to
    page.goto(f"{live_server.url}{arabic_promo.url}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "تخفيضات سريعة" in page.locator("h1").inner_text()
    assert "FLASH-15" in page.locator(".cms-voucher__code").inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(artifacts_dir / "cms-promo-voucher-ar-mobile.png"), full_page=True)
    page.goto(f"{live_server.url}{promo.url}")
    english_link = page.locator('.language-switcher a[hreflang="en"]').get_attribute("href")
    assert page.request.get(f"{live_server.url}{english_link}").status == 200

    # when: the promo's end passes with beat and a worker running (the end Marketing typed is
    # saved; it is brought forward to a few seconds from now rather than waited for)
    for copy in (promo, arabic_promo):
        copy.refresh_from_db()
        assert timezone.localtime(copy.expire_at) == ends
    both = PromoPage.objects.filter(pk__in=[promo.pk, arabic_promo.pk], live=True)
    ends = timezone.now() + timedelta(seconds=5)
    both.update(expire_at=ends)
    deadline = time.monotonic() + 5 + 75
    while time.monotonic() < deadline and both.exists():
        time.sleep(0.5)

    # then: both are off the site within a minute of their end
    assert not both.exists()
    assert timezone.now() - ends < timedelta(seconds=75)
    assert page.request.get(f"{live_server.url}{promo.url}").status == 404
    assert page.request.get(f"{live_server.url}{arabic_promo.url}").status == 404
