"""The notification centre and its settings on a 390 px phone, in French and Arabic: they fit, axe
finds nothing, and marking a notification read moves the bell's count."""

import threading

import pytest
from axe_playwright_python.sync_playwright import Axe

from commerce.notifications import notify
from commerce.notifications.announcements import ANNOUNCEMENT
from commerce.notifications.models import Announcement
from tests.factories import make_user

PHONE = {"width": 390, "height": 844}


def announce(title_fr, title_ar, body_fr, body_ar):
    return Announcement.objects.create(
        title_fr=title_fr, title_ar=title_ar, body_fr=body_fr, body_ar=body_ar, url="/fr/"
    )


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_centre_and_settings_fit_a_phone(live_server, signed_in, artifacts_dir, language):
    # given: a person with three announcements, one already read
    user = make_user("nadia@example.com", language=language)
    notes = [
        announce(
            "Maintenance prévue dimanche de 2 h à 4 h",
            "صيانة مجدولة يوم الأحد من الساعة 2 إلى 4",
            "Le site sera indisponible pendant deux heures.",
            "سيكون الموقع غير متاح لمدة ساعتين.",
        ),
        announce(
            "Nos conditions générales changent le 1er janvier",
            "تتغير شروطنا العامة في الأول من يناير",
            "Lisez les nouvelles conditions avant votre prochain achat.",
            "اقرأ الشروط الجديدة قبل عملية الشراء القادمة.",
        ),
        announce(
            "Soldes d’hiver : jusqu’à −30 %", "تخفيضات الشتاء: حتى 30٪", "Dès lundi.", "ابتداءً من الاثنين."
        ),
    ]
    # Told from another thread: Playwright's event loop runs in this one, and the delivery task
    # (eager in tests) pushes to the channel layer with async_to_sync.
    teller = threading.Thread(
        target=lambda: [
            notify(user, ANNOUNCEMENT, {"announcement": note.pk}, key=f"announcement-{note.pk}")
            for note in notes
        ]
    )
    teller.start()
    teller.join()
    _context, page = signed_in(user)
    page.set_viewport_size(PHONE)

    # when: the centre opens
    page.goto(f"{live_server.url}/{language}/notifications/")
    bell = page.locator("[data-notification-count]")
    assert bell.inner_text() == "3"
    page.screenshot(path=str(artifacts_dir / f"notifications-centre-390-{language}.png"), full_page=True)
    assert fits(page)
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []

    # when: one is marked read
    page.locator(".notification__actions button").first.click()
    page.wait_for_load_state()
    # then: the bell counts one less
    assert page.locator("[data-notification-count]").inner_text() == "2"

    # when: the settings page opens
    page.goto(f"{live_server.url}/{language}/notifications/preferences/")
    page.screenshot(path=str(artifacts_dir / f"notifications-settings-390-{language}.png"), full_page=True)
    assert fits(page)
    assert page.locator("select[name='platform.announcement:email']").count() == 1
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
