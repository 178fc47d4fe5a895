"""In Arabic on a phone: a client with coins writes to an expert from the profile; the expert sees
the question arrive live and answers; the client sees the answer arrive and the coins spent."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from commerce.consultations.models import PaidMessage
from commerce.wallet.selectors import wallet_summary
from tests.factories import make_user
from tests.factories.experts import make_expert
from tests.factories.wallet import wallet_with

QUESTION = "كيف أبدأ الادخار براتب 1500 دينار؟ 💰"
ANSWER = "ابدأ بادخار 10 % من راتبك يوم استلامه."


def cast():
    expert = make_expert("expert@example.com", "نور حداد", text_price=10, video_price=25)
    client = make_user("client@example.com")
    wallet_with(client, 100)
    return expert, client


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_paid_question_is_answered_live_in_arabic(asgi_server, browser_as, artifacts_dir):
    # given: an expert with their inbox open, and a client holding 100 coins
    # (built in a thread of its own: Playwright's event loop runs in this one)
    with ThreadPoolExecutor(1) as thread_of_its_own:
        expert, client_user = thread_of_its_own.submit(cast).result()
    inbox = browser_as(expert.user)
    inbox.goto(f"{asgi_server}/ar/expert/messages/")
    assert inbox.locator("html").get_attribute("dir") == "rtl"
    client = browser_as(client_user)

    # when: the client opens the expert's profile, then the form, and sends a text question
    client.goto(f"{asgi_server}/ar/experts/{expert.slug}/")
    client.get_by_role("link", name="إرسال رسالة").click()
    assert client.locator("[data-balance]").get_attribute("data-balance") == "100"
    client.screenshot(path=str(artifacts_dir / "consultation-send-ar.png"), full_page=True)
    client.fill("textarea[name=body]", QUESTION)
    client.locator("[data-send]").click()
    client.wait_for_url("**/ar/accounts/consultations/")
    client.locator(".consultation-text", has_text=QUESTION).wait_for()

    # then: the expert's inbox shows it without being reloaded by hand
    item = inbox.locator(".consultation-item", has_text=QUESTION)
    item.wait_for()
    inbox.screenshot(path=str(artifacts_dir / "consultation-inbox-ar.png"), full_page=True)

    # when: the expert answers
    item.locator("textarea[name=text]").fill(ANSWER)
    item.locator("button[type=submit]").first.click()
    inbox.locator(".consultation-item--answered", has_text=ANSWER).wait_for()

    # then: the client's page shows the answer live, and the header the coins left
    client.locator("[data-answer]", has_text=ANSWER).wait_for()
    assert client.locator("[data-header-coins] .wallet-link__count").inner_text().strip() == "90"
    client.screenshot(path=str(artifacts_dir / "consultation-answered-ar.png"), full_page=True)
    assert PaidMessage.objects.get().status == "answered"
    assert wallet_summary(client_user) == (90, 0)
