"""The paid message pages in French on a phone: the form (short of coins), the expert's inbox with
a question waiting, the client's consultations with an answer to rate."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from commerce.consultations import services
from commerce.consultations.models import PaidMessage
from tests.factories import make_user
from tests.factories.consultations import webm_video
from tests.factories.experts import make_expert
from tests.factories.wallet import wallet_with

PHONE = {"width": 390, "height": 844}


def cast():
    """An expert, and a client with 40 coins who has one answered and one waiting question."""
    expert = make_expert("expert@example.com", "Nour Haddad", text_price=10, video_price=25)
    client_user = make_user("client@example.com", first_name="Sami", last_name="Khelifi")
    wallet_with(client_user, 40)
    answered = services.send(client_user, expert, "text", "Par où commencer pour épargner ?")
    services.reply(expert.user, answered, "Mettez 10 % de côté le jour de la paie.")
    services.send(client_user, expert, "video", "Voici ma situation en vidéo.", video=webm_video(15))
    return expert, client_user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_pages_read_well_in_french_on_a_phone(live_server, signed_in, artifacts_dir):
    # (built in a thread of its own: Playwright's event loop runs in this one)
    with ThreadPoolExecutor(1) as thread_of_its_own:
        expert, client_user = thread_of_its_own.submit(cast).result()
        thread_id = thread_of_its_own.submit(
            lambda: PaidMessage.objects.filter(client=client_user).values_list("thread", flat=True).first()
        ).result()

    _context, client = signed_in(client_user)
    client.set_viewport_size(PHONE)
    client.goto(f"{live_server.url}/fr/experts/{expert.slug}/message/")
    client.fill("textarea[name=body]", "Encore une question")
    client.locator("[data-send]").click()
    client.get_by_role("alert").wait_for()
    assert "Acheter des coins" in client.get_by_role("alert").inner_text()
    client.screenshot(path=str(artifacts_dir / "consultation-short-of-coins-fr.png"), full_page=True)

    client.goto(f"{live_server.url}/fr/accounts/consultations/")
    client.get_by_text("Mettez 10 % de côté").wait_for()
    client.screenshot(path=str(artifacts_dir / "consultation-mine-fr.png"), full_page=True)

    # the conversation with the expert offers the paid question at its price, not a free form
    client.goto(f"{live_server.url}/fr/messages/{thread_id}/")
    client.get_by_text("Mettez 10 % de côté").wait_for()
    assert client.locator("[data-chat-form]").count() == 0
    assert "Réponse vidéo : 25 coins" in client.locator("[data-paid-compose]").inner_text()
    assert client.get_by_role("link", name="Poser une nouvelle question payante").is_visible()
    client.screenshot(path=str(artifacts_dir / "consultation-thread-fr.png"), full_page=True)

    _context, inbox = signed_in(expert.user)
    inbox.set_viewport_size(PHONE)
    inbox.goto(f"{live_server.url}/fr/expert/messages/")
    inbox.get_by_text("Sami Khelifi").first.wait_for()
    inbox.screenshot(path=str(artifacts_dir / "consultation-inbox-fr.png"), full_page=True)

    # the expert's earnings charts, right to left in Arabic
    inbox.goto(f"{live_server.url}/ar/expert/earnings/")
    inbox.locator("[data-chart=response_time]").wait_for()
    inbox.screenshot(path=str(artifacts_dir / "earnings-charts-ar.png"), full_page=True)
