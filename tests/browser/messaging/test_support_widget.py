"""A guest writes to support from the chat widget of any page (with an email); an agent answers from
the support console and the guest reads the answer live."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from commerce.messaging.models import Thread
from commerce.users.roles import SUPPORT
from tests.factories import make_user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_guest_chats_with_support_from_the_widget(asgi_server, browser, browser_as, artifacts_dir):
    with ThreadPoolExecutor(1) as thread_of_its_own:  # Playwright's event loop runs in this thread
        agent = thread_of_its_own.submit(
            make_user, email="agent@souk.tn", role=SUPPORT, is_staff=True
        ).result()
    guest_context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr")
    guest = guest_context.new_page()
    guest.set_default_timeout(15_000)

    # given: a guest on a page of the shop opens the widget
    guest.goto(f"{asgi_server}/fr/basket/")
    guest.get_by_role("button", name="Discuter avec nous").click()
    # when: they leave an email and a question
    guest.fill("#chat-widget-email", "visiteur@example.com")
    guest.fill("#chat-widget-body", "Bonjour, livrez-vous à Djerba ? 🙂")
    guest.locator("[data-chat-widget-start] button[type=submit]").click()
    guest.locator(".chat--widget .chat__message--mine", has_text="Djerba").wait_for()
    guest.screenshot(path=str(artifacts_dir / "chat-widget-guest-fr.png"))

    # then: the agent finds it in the console and answers; the guest reads it live
    with ThreadPoolExecutor(1) as thread_of_its_own:
        thread = thread_of_its_own.submit(
            lambda: Thread.objects.get(guest_email="visiteur@example.com")
        ).result()
    console = browser_as(agent, "ar")
    console.goto(f"{asgi_server}/ar/support/")
    console.locator(f'a[href="/ar/support/{thread.pk}/"]').click()
    console.locator(".chat__message", has_text="Djerba").wait_for()
    console.wait_for_selector('[data-chat][data-connected="true"]')
    console.fill("[data-chat-form] textarea", "Oui, en 48 heures.")
    console.keyboard.press("Enter")
    guest.locator(".chat--widget .chat__message", has_text="48 heures").wait_for()
    console.screenshot(path=str(artifacts_dir / "chat-support-console-ar.png"), full_page=True)
    guest.screenshot(path=str(artifacts_dir / "chat-widget-answered-fr.png"))
    guest_context.close()
