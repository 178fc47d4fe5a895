"""The experts pages on a 390 px phone, in French and in Arabic (right to left): the directory, a
profile, and the expert's own space; each fits the screen and is kept as a screenshot."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from tests.factories.experts import make_application, make_domain, make_expert

PHONE = {"width": 390, "height": 844}


def shoot(page, name, artifacts_dir):
    page.screenshot(path=str(artifacts_dir / f"{name}.png"), full_page=True)


def outside_the_browser_loop(make):
    """Run ``make`` in a thread of its own: approvals notify through the channel layer (async_to_sync),
    which refuses to run in this thread, where Playwright's event loop lives."""

    def run():
        try:
            return make()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def given_experts():
    make_domain("finance", "Finance", name_en="Finance", name_ar="المالية")
    expert = make_expert(
        bio_fr="Conseillère en finances personnelles : budget, épargne, premier investissement. " * 3,
        bio_ar="مستشارة في المالية الشخصية: الميزانية والادخار وأول استثمار. " * 3,
    )
    make_expert("karim@example.com", "Karim Jaziri", text_price=15, video_price=None)
    applicant = make_application("amel@example.com", "Amel Ben Salem", submitted=False)
    return expert, applicant


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_directory_profile_and_expert_space_fit_a_phone_in_french_and_arabic(
    live_server, browser, signed_in, artifacts_dir
):
    # given: two approved experts (one with a long bio in two languages) and one applicant
    expert, applicant = outside_the_browser_loop(given_experts)
    context, page = signed_in(applicant.user)
    page.set_viewport_size(PHONE)
    anonymous = browser.new_context(viewport=PHONE, color_scheme="light").new_page()

    for language in ("fr", "ar"):
        # when: a visitor opens the directory and a profile
        anonymous.goto(f"{live_server.url}/{language}/experts/")
        shoot(anonymous, f"experts-directory-390-{language}", artifacts_dir)
        # then: both experts are listed and the page fits
        assert anonymous.locator(".expert-card").count() == 2 and fits(anonymous)
        assert anonymous.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        anonymous.goto(f"{live_server.url}/{language}/experts/{expert.slug}/")
        shoot(anonymous, f"experts-profile-390-{language}", artifacts_dir)
        assert anonymous.locator("h1", has_text="Nour Haddad").count() == 1 and fits(anonymous)
        # and: the applicant's own space and verification form fit too
        page.goto(f"{live_server.url}/{language}/expert/")
        shoot(page, f"expert-space-390-{language}", artifacts_dir)
        assert fits(page)
        page.goto(f"{live_server.url}/{language}/expert/verification/")
        shoot(page, f"expert-verification-390-{language}", artifacts_dir)
        assert fits(page)
    anonymous.context.close()


def given_an_application_and_an_admin():
    from commerce.users.roles import PLATFORM_ADMINS
    from tests.factories import make_user

    make_domain("finance", "Finance")
    applicant = make_application("amel@example.com", "Amel Ben Salem")
    return applicant, make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_admin_reviews_an_application_in_the_dashboard(live_server, signed_in, artifacts_dir):
    # given: an application waiting for review, and a platform admin
    applicant, admin = outside_the_browser_loop(given_an_application_and_an_admin)
    _context, page = signed_in(admin)
    # when: the admin opens the queue, then the application
    page.goto(f"{live_server.url}/dashboard/experts/")
    shoot(page, "experts-dashboard-queue", artifacts_dir)
    page.locator("table a", has_text="Review").click()
    shoot(page, "experts-dashboard-application", artifacts_dir)
    # then: the checklist is complete, the bank account masked, the documents linked
    assert page.locator("text=•••• 9052").count() == 1
    assert page.locator("li", has_text="✗").count() == 1  # no photo given
    assert page.locator(f"a[href='/dashboard/experts/{applicant.pk}/documents/cin_front/']").count() == 1
