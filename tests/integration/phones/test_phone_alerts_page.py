"""``/dashboard/phones/``: platform admins see how alerts go out and, in test mode, what the fakes got."""

import pytest

from commerce.notifications.phones import telegram, whatsapp
from commerce.users.roles import PLATFORM_ADMINS
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("english")

URL = "/dashboard/phones/"


@pytest.fixture
def platform_admin(db):
    return make_user(email="admin@example.com", role=PLATFORM_ADMINS, is_staff=True)


def test_in_test_mode_the_admin_reads_what_the_fakes_received(client, platform_admin, phones_fake):
    # Given two alerts sent in offline test mode
    telegram.send_message("1000001", "<b>Nouvelle conversation</b>")
    whatsapp.send_text("21620000000", "Nouvelle commande 100042")

    # When a platform admin opens the page
    client.force_login(platform_admin)
    response = client.get(URL)

    # Then both channels say "test mode" and the messages are listed, escaped
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Test mode — local fake, nothing is sent") == 2
    assert sorted((m.channel, m.to) for m in response.context["received"]) == [
        ("Telegram", "1000001"),
        ("WhatsApp", "21620000000"),
    ]
    assert "&lt;b&gt;Nouvelle conversation&lt;/b&gt;" in html
    assert "Nouvelle commande 100042" in html


def test_a_fake_that_does_not_answer_is_said_so(client, platform_admin, settings):
    settings.NOTIFICATIONS_TELEGRAM_TOKEN = ""
    settings.NOTIFICATIONS_TELEGRAM_API_BASE = "http://127.0.0.1:9"

    client.force_login(platform_admin)
    response = client.get(URL)

    assert response.status_code == 200
    assert "do not answer" in response.content.decode()


def test_live_channels_show_no_fake_messages(client, platform_admin, settings):
    settings.NOTIFICATIONS_TELEGRAM_TOKEN = "123:live"
    settings.NOTIFICATIONS_WHATSAPP_TOKEN = "EAAG-live"

    client.force_login(platform_admin)
    response = client.get(URL)

    assert response.content.decode().count(">Live<") == 2
    assert response.context["received"] is None


@pytest.mark.parametrize("role", [None, "Sellers", "Support"])
def test_only_platform_admins_open_the_page(client, role, db):
    client.force_login(make_user(email="someone@example.com", role=role, is_staff=role == "Support"))

    response = client.get(URL)

    assert response.status_code in (302, 403)


def test_a_test_alert_goes_to_both_phones(
    client, platform_admin, phones_fake, django_capture_on_commit_callbacks
):
    client.force_login(platform_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, follow=True)

    assert "Test alert sent to: Telegram, WhatsApp." in response.content.decode()
    (telegram,) = phones_fake.telegram.messages
    assert telegram["text"] == (
        "<b>Test alert</b>\nSent from the dashboard by admin@example.com: alerts reach this phone."
    )
    assert len(phones_fake.whatsapp.messages) == 1


def test_without_any_phone_set_up_the_test_alert_says_so(client, platform_admin):
    client.force_login(platform_admin)

    response = client.post(URL, follow=True)

    assert "No phone channel is set up: nothing was sent." in response.content.decode()


def test_the_dashboard_menu_leads_staff_to_the_phone_alerts(client, platform_admin):
    client.force_login(platform_admin)
    response = client.get("/dashboard/")

    assert response.status_code == 200
    assert f'href="{URL}"' in response.content.decode()
