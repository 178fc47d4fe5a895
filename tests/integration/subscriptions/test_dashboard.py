"""The subscriptions dashboard: a seller sees its shop's only, platform admins every shop's; figures,
failed payments, CSV and Excel exports; the test clock button in offline test mode."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from oscar.core.loading import get_model

from commerce.payment.stripe.fake.billing import DECLINING_CARD
from commerce.subscriptions.models import Subscription
from tests.factories import make_user
from tests.factories.sellers import make_seller
from tests.factories.subscriptions import deliver, make_plan, subscribe

Partner = get_model("partner", "Partner")
URL = "/dashboard/subscriptions/"

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def two_shops(client, stripe_fake, subscriber, plan, on_commit):
    """``subscriber`` on Jebba & Co's monthly plan; another customer on Carthage Digital's yearly one."""
    other_plan = make_plan("Cloud 100 Go (annuel)", "120.000", shop="Carthage Digital", interval="year")
    with on_commit():
        subscribe(client, stripe_fake, subscriber, plan)
        subscribe(client, stripe_fake, make_user("sami@example.com"), other_plan)
    return plan, other_plan


@pytest.fixture
def admin(client, user_in_role):
    client.force_login(user_in_role("Platform admins", is_staff=True, is_superuser=True))
    return client


def test_a_seller_sees_only_its_shops_subscriptions(client, two_shops):
    client.force_login(make_seller(Partner.objects.get(name="Jebba & Co")))

    page = client.get(URL)

    assert page.status_code == 200
    assert b"nour@example.com" in page.content and b"sami@example.com" not in page.content
    assert page.context["mrr"] == Decimal("39.000")
    rows = list(csv.reader(io.StringIO(client.get(URL + "?export=csv").content.decode())))
    assert [row[0] for row in rows[1:]] == ["nour@example.com"]


def test_platform_admins_see_every_shop_with_mrr_and_movements(admin, two_shops):
    page = admin.get(URL)

    assert b"nour@example.com" in page.content and b"sami@example.com" in page.content
    assert page.context["mrr"] == Decimal("49.000"), "39 a month + 120 a year / 12"
    [(month, counts)] = page.context["movements"].items()
    assert counts == {"new": 2, "churned": 0}
    filtered = admin.get(URL, {"status": "active", "query": "sami"})
    assert b"nour@example.com" not in filtered.content and b"sami@example.com" in filtered.content


def test_the_excel_export_keeps_amounts_as_numbers(admin, two_shops):
    response = admin.get(URL + "?export=xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    amounts = sorted(row[3] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert amounts == [39, 120]


def test_the_test_clock_button_renews_and_failed_payments_are_listed(
    admin, client, stripe_fake, two_shops, settings
):
    sub = Subscription.objects.get(user__email="nour@example.com")
    stripe_fake.set_card(sub.stripe_customer_id, DECLINING_CARD)
    assert b"Advance the test clock" in admin.get(URL).content

    seen = len(stripe_fake.events)
    assert admin.post(f"{URL}{sub.pk}/advance-clock/").status_code == 302
    deliver(admin, stripe_fake, stripe_fake.events[seen:])

    page = admin.get(URL)
    assert [invoice.subscription for invoice in page.context["failed"]] == [sub]


def test_customers_cannot_open_the_dashboard(client, subscriber):
    client.force_login(subscriber)
    assert client.get(URL).status_code == 403
