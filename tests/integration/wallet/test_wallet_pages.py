"""The shopper's wallet page: balance with its TND value, coins on hold, history with filters and
CSV export, the coin packs on sale, and the balance in the site header."""

import csv
import io
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from commerce.wallet import services
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.wallet import coin_pack

WALLET = "/fr/accounts/wallet/"


def test_the_wallet_page_asks_visitors_to_sign_in(client):
    response = client.get(WALLET)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_wallet_shows_the_balance_its_value_and_the_coins_on_hold(client, shopper):
    # given: 30 coins bought, 10 of them on hold for a question
    services.credit_coins(shopper, 30, source="cash_in", key="pack-1", memo="Pack 30")
    services.hold(shopper, 10, reference="Question au Dr Ben Ali", key="question-1")
    client.force_login(shopper)
    # when
    response = client.get(WALLET)
    # then: 20 available (10,000 TND), 10 on hold (5,000 TND), and what the hold is for
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["coins"] == 20
    assert response.context["held_coins"] == 10
    assert "20 coins" in page
    assert "10,000" in page and "5,000" in page
    assert "Question au Dr Ben Ali" in page


def test_the_history_lists_every_movement_newest_first_with_signed_coins(client, shopper, expert):
    # given: bought 30, held 10 and spent 4 of them (6 back)
    services.credit_coins(shopper, 30, source="cash_in", key="pack-1", memo="Pack 30")
    hold = services.hold(shopper, 10, reference="Appel de 4 minutes", key="call-1")
    services.capture(hold, coins=4, earner=expert)
    client.force_login(shopper)
    # when
    rows = client.get(WALLET).context["rows"]
    # then: newest first: 6 back from the capture, 10 held, 30 bought
    assert [(entry.transaction.kind, coins) for entry, coins in rows] == [
        ("capture", 6),
        ("hold", -10),
        ("cash_in", 30),
    ]


def test_the_history_filters_by_type_and_dates(client, shopper):
    services.credit_coins(shopper, 30, source="cash_in", key="pack-1", memo="Pack 30")
    services.grant_goodwill(shopper, 5, reason="Appel coupé", granted_by=None)
    client.force_login(shopper)
    today = timezone.localdate()

    goodwill_only = client.get(WALLET, {"kind": "goodwill"}).context["rows"]
    assert [entry.transaction.kind for entry, _coins in goodwill_only] == ["goodwill"]

    tomorrow = (today + timedelta(days=1)).isoformat()
    assert client.get(WALLET, {"since": tomorrow}).context["rows"] == []
    assert (
        len(client.get(WALLET, {"since": today.isoformat(), "until": today.isoformat()}).context["rows"]) == 2
    )


def test_a_bad_filter_is_explained_and_the_history_is_not_filtered(client, shopper):
    services.credit_coins(shopper, 30, source="cash_in", key="pack-1", memo="Pack 30")
    client.force_login(shopper)
    # when: the start comes after the end
    response = client.get(WALLET, {"since": "2026-12-10", "until": "2026-12-01"})
    # then: the error is said (in French), and nothing was narrowed
    assert "La date de début doit précéder ou égaler la date de fin." in response.content.decode()
    assert len(response.context["rows"]) == 1


def test_the_history_downloads_as_csv_with_the_same_filters(client, shopper):
    services.credit_coins(shopper, 30, source="cash_in", key="pack-1", memo="Pack 30")
    services.grant_goodwill(shopper, 5, reason="Appel coupé", granted_by=None)
    client.force_login(shopper)
    # when
    response = client.get("/fr/accounts/wallet/history.csv", {"kind": "goodwill"})
    # then
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][2:] == ["Appel coupé", "5", "2.500"]


def test_another_shoppers_movements_never_show(client, shopper):
    other = make_user(email="sami@example.com")
    services.credit_coins(other, 50, source="cash_in", key="pack-other", memo="Pack 50")
    client.force_login(shopper)
    response = client.get(WALLET)
    assert response.context["coins"] == 0
    assert response.context["rows"] == []


def test_buy_coins_lists_the_coin_packs_only(client, shopper):
    pack = coin_pack(50, "25.000")
    product_for_sale("Tajine émaillé", "45.000")
    client.force_login(shopper)
    page = client.get(WALLET).content.decode()
    assert "Pack 50 coins" in page
    assert f"/basket/add/{pack.pk}/" in page
    assert "Tajine émaillé" not in page


def test_the_page_reads_right_to_left_in_arabic(client, shopper):
    client.force_login(shopper)
    page = client.get("/ar/accounts/wallet/").content.decode()
    assert 'dir="rtl"' in page
    assert "نقاطي" in page  # "My coins"


def test_the_header_shows_a_signed_in_users_balance_in_one_query(client, shopper):
    # given: a shopper with 12 coins
    services.credit_coins(shopper, 12, source="cash_in", key="pack-1", memo="Pack 12")
    client.force_login(shopper)
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/fr/")
    request.user = shopper
    template = Template("{% load wallet_tags %}{% header_wallet_balance %}")
    # when
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"request": request}))
    # then
    assert len(queries) == 1
    assert 'href="/fr/accounts/wallet/"' in html
    assert ">12<" in html
    # and on a whole page
    assert "data-header-coins" in client.get("/fr/accounts/orders/").content.decode()


def test_visitors_get_no_balance_in_the_header(client, db):
    assert "data-header-coins" not in client.get("/fr/accounts/login/").content.decode()


def test_every_account_page_has_the_wallet_tab(client, shopper):
    client.force_login(shopper)
    orders = client.get("/fr/accounts/orders/").content.decode()
    assert '<a href="/fr/accounts/wallet/" class="nav-link"' in orders
    wallet = client.get(WALLET).content.decode()
    assert 'class="nav-link active" aria-current="page">Mes coins</a>' in wallet


def test_a_memo_never_runs_as_a_spreadsheet_formula(client, shopper):
    services.grant_goodwill(shopper, 5, reason='=HYPERLINK("http://evil.example")', granted_by=None)
    client.force_login(shopper)
    response = client.get("/fr/accounts/wallet/history.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][2] == '\'=HYPERLINK("http://evil.example")'


def test_the_next_page_of_the_history_keeps_the_filters_closed(client, shopper):
    for number in range(25):
        services.credit_coins(shopper, 1, source="cash_in", key=f"pack-{number}", memo=f"Pack {number}")
    client.force_login(shopper)
    response = client.get(WALLET, {"page": 2})
    assert not response.context["form"].is_bound
    assert len(response.context["rows"]) == 5
