"""A seller's orders in the dashboard: its own lines only, its share, status changes, filters, exports."""

import csv
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from commerce.order import statuses
from commerce.users.roles import PLATFORM_ADMINS
from tests.factories import make_user
from tests.factories.sellers import order_of
from tests.integration.dashboard.urls import reached

pytestmark = pytest.mark.usefixtures("english")

Line = get_model("order", "Line")
LineStatusChange = get_model("order", "LineStatusChange")
StockMovement = get_model("partner", "StockMovement")

B_ONLY = ("Burnous Confidentiel", "JS-BURNOUS", "Jebba Secrète", "secret-buyer@example.com")


def assert_nothing_of_b(text):
    for secret in B_ONLY:
        assert secret not in text, secret


@pytest.mark.django_db
def test_order_list_shows_orders_with_the_sellers_lines_and_only_its_share(client, market):
    client.force_login(market.seller_a)
    response = client.get("/dashboard/orders/")
    html = response.content.decode()
    numbers = [order.number for order in response.context["orders"]]
    assert sorted(numbers) == sorted([market.shared.number, market.only_a.number])
    shared = next(order for order in response.context["orders"] if order.number == market.shared.number)
    assert shared.share_incl_tax == Decimal("45.000")
    assert shared.share_commission == Decimal("6.750")  # 15 % of 45.000
    assert str(market.shared.total_incl_tax) not in html  # the whole order's total stays hidden
    assert_nothing_of_b(html)


@pytest.mark.django_db
def test_order_detail_shows_only_the_sellers_lines(client, market):
    # given: Oscar would show both shops' lines of the shared order (django-oscar #2240)
    client.force_login(market.seller_a)
    # when
    response = client.get(f"/dashboard/orders/{market.shared.number}/")
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert [line.partner_id for line in response.context["lines"]] == [market.shop_a.pk]
    assert "Tajine émaillé" in html and "amira@example.com" in html
    share = response.context["share"]
    assert (share["incl_tax"], share["commission"], share["net"]) == (
        Decimal("45.000"),
        Decimal("6.750"),
        Decimal("38.250"),
    )
    assert_nothing_of_b(html)
    assert "620.000" not in html  # B's line total


@pytest.mark.django_db
def test_seller_changes_its_line_status_and_stock_follows(client, market):
    client.force_login(market.seller_a)
    line = market.line_of(market.shared, market.shop_a)
    other = market.line_of(market.shared, market.shop_b)
    # when
    response = client.post(
        f"/dashboard/orders/{market.shared.number}/",
        {
            "line_action": "change_line_statuses",
            "new_status": statuses.SHIPPED,
            "selected_line": [line.pk],
            f"selected_line_qty_{line.pk}": line.quantity,
        },
    )
    # then
    assert response.status_code == 302
    line.refresh_from_db()
    other.refresh_from_db()
    assert line.status == statuses.SHIPPED
    assert other.status == statuses.PROCESSING
    change = LineStatusChange.objects.get(line=line)
    assert (change.old_status, change.new_status, change.changed_by) == (
        statuses.PROCESSING,
        statuses.SHIPPED,
        market.seller_a,
    )
    shipment = StockMovement.objects.get(order_line=line, reason=StockMovement.SHIPMENT)
    assert shipment.changed_by == market.seller_a and shipment.in_stock_change == -1


@pytest.mark.django_db
def test_seller_cannot_change_another_shops_line_even_on_a_shared_order(client, market):
    client.force_login(market.seller_a)
    other = market.line_of(market.shared, market.shop_b)
    client.post(
        f"/dashboard/orders/{market.shared.number}/",
        {
            "line_action": "change_line_statuses",
            "new_status": statuses.CANCELLED,
            "selected_line": [other.pk],
            f"selected_line_qty_{other.pk}": other.quantity,
        },
    )
    other.refresh_from_db()
    assert other.status == statuses.PROCESSING
    assert not LineStatusChange.objects.filter(line=other).exists()


@pytest.mark.django_db
def test_seller_cannot_change_the_whole_orders_status(client, market):
    client.force_login(market.seller_a)
    client.post(
        f"/dashboard/orders/{market.shared.number}/",
        {"order_action": "change_order_status", "new_status": statuses.CANCELLED},
    )
    market.shared.refresh_from_db()
    assert market.shared.status == statuses.PROCESSING


@pytest.mark.django_db
def test_seller_may_not_pick_a_status_reserved_to_the_platform(client, market):
    client.force_login(market.seller_a)
    line = market.line_of(market.only_a, market.shop_a)
    client.post(
        f"/dashboard/orders/{market.only_a.number}/",
        {
            "line_action": "change_line_statuses",
            "new_status": statuses.REFUNDED,
            "selected_line": [line.pk],
            f"selected_line_qty_{line.pk}": line.quantity,
        },
    )
    line.refresh_from_db()
    assert line.status == statuses.PROCESSING


@pytest.mark.django_db
def test_other_shops_orders_lines_and_notes_are_404(client, market):
    market.shared.notes.create(user=market.seller_b, message="Note privée de Jebba")
    note = market.shared.notes.get()
    other_line = market.line_of(market.shared, market.shop_b)
    client.force_login(market.seller_a)
    for url in (
        f"/dashboard/orders/{market.only_b.number}/",
        f"/dashboard/orders/{market.shared.number}/lines/{other_line.pk}/",
        f"/dashboard/orders/{market.shared.number}/notes/{note.pk}/",
    ):
        assert reached(client, url).status_code == 404, url
    assert (
        "Note privée de Jebba"
        not in client.get(f"/dashboard/orders/{market.shared.number}/").content.decode()
    )


@pytest.mark.django_db
def test_filters_by_status_dates_number_and_email(client, market):
    client.force_login(market.seller_a)

    def numbers(query):
        return sorted(order.number for order in client.get(f"/dashboard/orders/?{query}").context["orders"])

    Line.objects.filter(pk=market.line_of(market.only_a, market.shop_a).pk).update(status=statuses.SHIPPED)
    assert numbers(f"status={statuses.SHIPPED}") == [market.only_a.number]
    assert numbers(f"status={statuses.PROCESSING}") == [market.shared.number]
    assert numbers("email=sami@") == [market.only_a.number]
    found = client.get(f"/dashboard/orders/?order_number={market.shared.number}")
    assert found["Location"] == f"/dashboard/orders/{market.shared.number}/"  # Oscar jumps to an exact match
    assert client.get(f"/dashboard/orders/?order_number={market.only_b.number}").status_code == 200
    today = timezone.localdate(market.shared.date_placed).isoformat()  # the dashboard filters by local day
    assert numbers(f"date_from={today}&date_to={today}") == sorted(
        [market.shared.number, market.only_a.number]
    )
    assert numbers("date_from=2000-01-01&date_to=2000-01-31") == []


@pytest.mark.django_db
def test_order_list_query_count_does_not_grow_with_orders(client, market, django_assert_max_num_queries):
    client.force_login(market.seller_a)
    client.get("/dashboard/orders/")
    with django_assert_max_num_queries(40) as few:
        client.get("/dashboard/orders/")
    for number in range(8):
        order_of((market.product_a, 1), (market.product_b, 1), email=f"buyer{number}@example.com")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/dashboard/orders/")
    assert len(response.context["orders"]) == 10


def export(client, fmt, query=""):
    response = client.get(f"/dashboard/orders/?response_format={fmt}&{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response


@pytest.mark.django_db
def test_csv_export_has_only_the_sellers_lines(client, market):
    client.force_login(market.seller_a)
    text = export(client, "csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(row["Order number"] for row in rows) == sorted([market.shared.number, market.only_a.number])
    assert {row["SKU"] for row in rows} == {"DN-TAJ"}
    shared = next(row for row in rows if row["Order number"] == market.shared.number)
    assert (shared["Buyer email"], shared["Total (inc. tax)"], shared["Net commission"]) == (
        "amira@example.com",
        "45.000",
        "6.750",
    )
    assert_nothing_of_b(text)


@pytest.mark.django_db
def test_excel_export_has_only_the_sellers_lines(client, market):
    from openpyxl import load_workbook

    client.force_login(market.seller_a)
    workbook = load_workbook(io.BytesIO(export(client, "xlsx").content))
    rows = list(workbook.active.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[0] == "Order number"
    assert len(body) == 2
    skus = {row[header.index("SKU")] for row in body}
    assert skus == {"DN-TAJ"}
    totals = sorted(row[header.index("Total (inc. tax)")] for row in body)
    assert totals == [45, 135]
    assert_nothing_of_b(" ".join(str(value) for row in rows for value in row))


@pytest.mark.django_db
def test_pdf_export_has_only_the_sellers_lines(client, market):
    pytest.importorskip("weasyprint")
    pypdf = pytest.importorskip("pypdf")
    client.force_login(market.seller_a)
    content = export(client, "pdf", f"order_number={market.shared.number}").content
    assert content.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    compact = "".join(text.split())  # narrow columns wrap words
    assert market.shared.number in compact
    assert "DN-TAJ" in compact
    assert market.only_a.number not in compact  # the filter applies to exports too
    assert_nothing_of_b(compact)
    for secret in B_ONLY:
        assert "".join(secret.split()) not in compact


@pytest.mark.django_db
def test_selected_orders_download_has_only_the_sellers_lines(client, market):
    client.force_login(market.seller_a)
    response = client.post(
        "/dashboard/orders/",
        {"action": "download_selected_orders", "selected_order": [market.shared.pk, market.only_b.pk]},
    )
    text = response.content.decode("utf-8-sig")
    assert market.shared.number in text
    assert_nothing_of_b(text)
    assert market.only_b.number not in text


@pytest.mark.django_db
def test_staff_see_every_line_and_the_whole_total(client, market):
    admin = make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True, is_superuser=True)
    client.force_login(admin)
    html = client.get(f"/dashboard/orders/{market.shared.number}/").content.decode()
    assert "Tajine émaillé" in html and "Burnous Confidentiel" in html
    numbers = {order.number for order in client.get("/dashboard/orders/").context["orders"]}
    assert numbers == {market.shared.number, market.only_a.number, market.only_b.number}
    rows = list(csv.DictReader(io.StringIO(export(client, "csv").content.decode("utf-8-sig"))))
    assert len(rows) == 4
