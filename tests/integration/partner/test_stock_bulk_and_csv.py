"""Bulk stock edit and the stock CSV: all rows or none, errors by line, everything in the history."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_shop, order_of

pytestmark = pytest.mark.usefixtures("english")

StockMovement = get_model("partner", "StockMovement")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def records(shop):
    return [
        product_for_sale("Tajine émaillé", shop=shop, stock=10, sku="DN-001", price="45.000")[1],
        product_for_sale("Plat à couscous", shop=shop, stock=4, sku="DN-002", price="60.500")[1],
        product_for_sale("Guide PDF", shop=shop, stock=None, sku="DN-003", price="19.000")[1],
    ]


def levels(records):
    return {record.partner_sku: StockRecord.objects.get(pk=record.pk).num_in_stock for record in records}


def bulk_data(page, levels_by_pk=None):
    levels_by_pk = levels_by_pk or {}
    data = {}
    for record, level, seen in page.context["form"].rows():
        data[level.html_name] = str(levels_by_pk.get(record.pk, level.value()))
        data[seen.html_name] = str(seen.value())
    return data


@pytest.mark.django_db
def test_bulk_edit_lists_the_shops_counted_records_and_saves_in_one_go(client, seller, records):
    # given
    other = product_for_sale("Jebba", shop=make_shop("Jebba & Co"), sku="JC-001")[1]
    client.force_login(seller)
    page = client.get("/dashboard/shop/stock/")
    listed = [record.partner_sku for record, _, _ in page.context["form"].rows()]
    assert listed == ["DN-001", "DN-002"]  # not the uncounted PDF, not the other shop's
    assert "JC-001" not in page.content.decode()
    # when
    response = client.post("/dashboard/shop/stock/", bulk_data(page, {records[0].pk: 12, records[1].pk: 30}))
    # then
    assert response.status_code == 302
    assert levels(records) == {"DN-001": 12, "DN-002": 30, "DN-003": None}
    movements = StockMovement.objects.filter(reason=StockMovement.MANUAL, changed_by=seller)
    assert sorted(movements.values_list("in_stock_change", flat=True)) == [2, 26]
    assert StockRecord.objects.get(pk=other.pk).num_in_stock == 10


def _post_levels(client, changes_by_sku):
    page = client.get("/dashboard/shop/stock/")
    by_pk = {
        record.pk: changes_by_sku[record.partner_sku]
        for record, _, _ in page.context["form"].rows()
        if record.partner_sku in changes_by_sku
    }
    return client.post("/dashboard/shop/stock/", bulk_data(page, by_pk))


@pytest.mark.django_db
def test_one_refused_row_and_nothing_is_saved(client, seller, records):
    # given: 3 units of DN-002 held by an order
    order_of((records[1].product, 3))
    client.force_login(seller)
    # when: DN-001 fine, DN-002 below what is held
    response = _post_levels(client, {"DN-001": 50, "DN-002": 1})
    # then
    assert response.status_code == 200
    assert "3 units are held for orders" in response.content.decode()
    assert levels(records) == {"DN-001": 10, "DN-002": 4, "DN-003": None}
    assert not StockMovement.objects.filter(reason=StockMovement.MANUAL).exists()


@pytest.mark.django_db
def test_a_level_changed_since_the_page_was_opened_is_not_overwritten(client, seller, records):
    client.force_login(seller)
    page = client.get("/dashboard/shop/stock/")
    StockRecord.objects.filter(pk=records[0].pk).update(num_in_stock=7)  # a restock meanwhile
    response = client.post("/dashboard/shop/stock/", bulk_data(page, {records[0].pk: 20}))
    assert response.status_code == 200
    assert "Changed since you opened the page (now 7)" in response.content.decode()
    assert levels(records)["DN-001"] == 7


@pytest.mark.django_db
def test_another_shops_record_cannot_be_slipped_into_the_bulk_form(client, seller, records):
    other = product_for_sale("Jebba", shop=make_shop("Jebba & Co"), sku="JC-001", stock=10)[1]
    client.force_login(seller)
    page = client.get("/dashboard/shop/stock/")
    data = bulk_data(page)
    data[f"level-{other.pk}"] = "0"
    data[f"seen-{other.pk}"] = "10"
    client.post("/dashboard/shop/stock/", data)
    assert StockRecord.objects.get(pk=other.pk).num_in_stock == 10


def export(client):
    response = client.get("/dashboard/shop/stock/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return response.content.decode("utf-8-sig")


def upload(client, text, name="stock.csv"):
    return client.post(
        "/dashboard/shop/stock/import/",
        {"file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")},
    )


@pytest.mark.django_db
def test_csv_round_trip(client, seller, records):
    client.force_login(seller)
    # given: the export
    rows = list(csv.reader(io.StringIO(export(client))))
    assert rows[0] == ["partner_sku", "title", "num_in_stock", "price"]
    assert rows[1:] == [
        ["DN-001", "Tajine émaillé", "10", "45.000"],
        ["DN-002", "Plat à couscous", "4", "60.500"],
        ["DN-003", "Guide PDF", "", "19.000"],
    ]
    # when: edited in a spreadsheet and imported back
    rows[1][2] = "15"
    rows[2][3] = "58.250"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    response = upload(client, out.getvalue())
    # then
    assert response.status_code == 302
    assert levels(records) == {"DN-001": 15, "DN-002": 4, "DN-003": None}
    assert str(StockRecord.objects.get(partner_sku="DN-002").price) == "58.250"
    movement = StockMovement.objects.get(reason=StockMovement.IMPORT)
    assert (movement.stockrecord_id, movement.in_stock_change, movement.changed_by) == (
        records[0].pk,
        5,
        seller,
    )
    # and exporting again gives what was imported
    again = list(csv.reader(io.StringIO(export(client))))
    assert again[1] == ["DN-001", "Tajine émaillé", "15", "45.000"]


@pytest.mark.django_db
def test_semicolon_separated_files_from_french_spreadsheets_work(client, seller, records):
    client.force_login(seller)
    response = upload(client, "partner_sku;title;num_in_stock;price\nDN-002;Plat;9;61,000\n")
    assert response.status_code == 302
    assert levels(records)["DN-002"] == 9
    assert str(StockRecord.objects.get(partner_sku="DN-002").price) == "61.000"


@pytest.mark.django_db
def test_a_bad_csv_changes_nothing_and_lists_errors_by_line(client, seller, records):
    # given
    product_for_sale("Jebba", shop=make_shop("Jebba & Co"), sku="JC-001")
    order_of((records[1].product, 2))
    client.force_login(seller)
    text = "\n".join(
        [
            "partner_sku,title,num_in_stock,price",
            "DN-001,Tajine,20,45.000",  # 2: fine
            "DN-404,Inconnu,3,1.000",  # 3: unknown SKU
            "DN-002,Plat,abc,60.500",  # 4: not a number
            "DN-002,Plat,5,60.500",  # 5: duplicate SKU
            "JC-001,Jebba,1,1.000",  # 6: another shop's SKU
            "DN-003,Guide,4,19.000",  # 7: stock not counted
            "DN-001,Tajine,-2,1.0001",  # 8: duplicate, negative, too many decimals
        ]
    )
    # when
    response = upload(client, text)
    # then
    assert response.status_code == 200
    errors = response.context["import_errors"]
    assert sorted({line for line, _ in errors}) == [3, 4, 5, 6, 7, 8]
    html = response.content.decode()
    assert "DN-404" in html and "nothing was imported" in html.lower()
    assert levels(records) == {"DN-001": 10, "DN-002": 4, "DN-003": None}
    assert not StockMovement.objects.filter(reason=StockMovement.IMPORT).exists()


@pytest.mark.django_db
def test_import_below_what_orders_hold_is_refused(client, seller, records):
    order_of((records[1].product, 3))
    client.force_login(seller)
    response = upload(client, "partner_sku,num_in_stock\nDN-001,11\nDN-002,2\n")
    assert response.status_code == 200
    assert [line for line, _ in response.context["import_errors"]] == [3]
    assert levels(records)["DN-001"] == 10


@pytest.mark.django_db
def test_a_file_without_the_sku_column_is_refused(client, seller, records):
    client.force_login(seller)
    response = upload(client, "title,num_in_stock\nTajine,3\n")
    assert response.context["import_errors"][0][0] == 1
    assert levels(records)["DN-001"] == 10


@pytest.mark.django_db
def test_stock_pages_query_count_does_not_grow_with_records(
    client, shop, seller, records, django_assert_max_num_queries
):
    from commerce.partner import stock

    client.force_login(seller)
    stock.set_level(records[0].pk, 11, by=seller)  # one history row, so the first page is not empty
    urls = ("/dashboard/shop/stock/", f"/dashboard/shop/stock/{records[0].pk}/history/")
    for url in urls:
        client.get(url)
    counts = {}
    for url in urls:
        with django_assert_max_num_queries(40) as few:
            client.get(url)
        counts[url] = len(few.captured_queries)
    # when: many more records and history rows
    for number in range(15):
        product_for_sale(f"Produit {number}", shop=shop, stock=number + 10)
    for level in range(20, 35):
        stock.set_level(records[0].pk, level, by=seller)
    # then
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            client.get(url)
