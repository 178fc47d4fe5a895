"""The expert's earnings page on a 390 px phone, in French and in Arabic (right to left): the
figures, the payout form, the server-drawn charts and the month's consultations fit the screen
and are kept as screenshots."""

import pytest

from commerce.payouts import services
from commerce.wallet import services as wallet
from tests.browser.experts.test_expert_pages_on_a_phone import PHONE, fits, outside_the_browser_loop, shoot
from tests.factories import make_user
from tests.factories.experts import make_expert
from tests.factories.wallet import wallet_with


def given_an_expert_with_earnings():
    expert = make_expert()
    buyer = make_user("buyer@example.com")
    wallet_with(buyer, 500)
    consultations = [(10, "Budget familial"), (25, "Épargne"), (120, "Appel vidéo : premier investissement")]
    for number, (coins, reference) in enumerate(consultations):
        held = wallet.hold(buyer, coins, reference=reference, key=f"browser-{number}")
        wallet.capture(held, earner=expert.user)
    request = services.request_payout(expert.user, 50_000)
    return expert, request


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_earnings_page_fits_a_phone_in_french_and_arabic(live_server, signed_in, artifacts_dir):
    expert, _request = outside_the_browser_loop(given_an_expert_with_earnings)
    _context, page = signed_in(expert.user)
    page.set_viewport_size(PHONE)

    for language in ("fr", "ar"):
        page.goto(f"{live_server.url}/{language}/expert/earnings/")
        assert page.locator("[data-figure=available]").inner_text().replace("\u202f", " ").startswith("62")
        # four charts (consultations, revenue, response time, rating), twelve months each
        assert page.locator("figure.earnings-chart").count() == 4
        assert page.locator(".earnings-chart__bar").count() == 4 * 12
        shoot(page, f"expert-earnings-{language}", artifacts_dir)
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)"
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)"
        )
        assert fits(page), (language, wide)
    assert page.evaluate("document.documentElement.dir") == "rtl"
