"""A client and a seller chat live in Arabic with emoji, through the ASGI server and Redis; the
seller's unread count moves; a message sent while the client is away is there when they come back."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

from tests.factories.messaging import make_cast

ARABIC = "مرحبا! هل الجبة متوفرة بالأزرق؟ 😊"
REPLY = "نعم، متوفرة 👍"
WHILE_AWAY = "أرسلنا الطرد اليوم 📦"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_client_and_seller_chat_live_in_arabic(asgi_server, browser_as, artifacts_dir):
    # given: the client's conversation with the shop (one unread message for the seller)
    # (built in a thread of its own: Playwright's event loop runs in this one, and posting a message
    # broadcasts through the channel layer from synchronous code)
    with ThreadPoolExecutor(1) as thread_of_its_own:
        cast = thread_of_its_own.submit(make_cast).result()
    thread = cast.seller_thread
    seller = browser_as(cast.seller)
    seller.goto(f"{asgi_server}/dashboard/messages/")
    unread = seller.locator(f'[data-unread-thread="{thread.pk}"]')
    assert unread.inner_text() == "1"
    client = browser_as(cast.client)
    client.goto(f"{asgi_server}/ar/messages/{thread.pk}/")
    client.wait_for_selector('[data-chat][data-connected="true"]')

    # when: the client writes in Arabic with an emoji
    client.fill("[data-chat-form] textarea", ARABIC)
    client.keyboard.press("Enter")

    # then: it is on the client's page, and the seller's unread count moves live
    client.locator(".chat__message--mine", has_text=ARABIC).wait_for()
    # (polled from here: the page's CSP refuses the string evaluation a page-side wait needs)
    expect(seller.locator(f'[data-unread-thread="{thread.pk}"]')).to_have_text("2")

    # when: the seller opens the conversation and answers
    seller.goto(f"{asgi_server}/dashboard/messages/{thread.pk}/")
    seller.locator(".chat__message", has_text=ARABIC).wait_for()
    seller.wait_for_selector('[data-chat][data-connected="true"]')
    seller.fill("[data-chat-form] textarea", REPLY)
    seller.keyboard.press("Enter")

    # then: the client sees it live, and that the seller read theirs
    client.locator(".chat__message", has_text=REPLY).wait_for()
    client.locator(".chat__message--mine .chat__seen").wait_for()
    client.screenshot(path=str(artifacts_dir / "chat-client-ar.png"), full_page=True)
    seller.screenshot(path=str(artifacts_dir / "chat-seller-ar.png"), full_page=True)

    # when: the client is away, the seller writes again, and the client comes back
    client.goto("about:blank")
    seller.fill("[data-chat-form] textarea", WHILE_AWAY)
    seller.keyboard.press("Enter")
    seller.locator(".chat__message--mine", has_text=WHILE_AWAY).wait_for()
    client.goto(f"{asgi_server}/ar/messages/{thread.pk}/")

    # then: the message is there, in a right-to-left page
    client.locator(".chat__message", has_text=WHILE_AWAY).wait_for()
    assert client.locator("html").get_attribute("dir") == "rtl"
