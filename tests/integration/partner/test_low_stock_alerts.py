"""Low-stock alerts: the seller hears once per crossing below the threshold, by email and in the dashboard
(through ``notify()``: each user of the shop gets their own notification and email)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from commerce.notifications.models import Notification
from commerce.partner import stock
from commerce.partner.tasks import send_low_stock_alert, send_pending_low_stock_alerts
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller
from tests.integration.dashboard.forms import post_data

pytestmark = pytest.mark.usefixtures("english")

StockAlert = get_model("partner", "StockAlert")


@pytest.fixture
def sellers(shop):
    return [make_seller(shop, "leila@example.com"), make_seller(shop, "karim@example.com")]


def sell(record, quantity=1):
    stock.allocate([(record.pk, quantity, None)])


@pytest.mark.django_db
def test_alert_fires_once_when_crossing_the_default_threshold(
    shop, sellers, django_capture_on_commit_callbacks
):
    # given: 6 in stock, no threshold of its own (platform default 5)
    _, record = product_for_sale("Tajine émaillé", shop=shop, stock=6)
    with django_capture_on_commit_callbacks(execute=True):
        sell(record)  # 5 available: not below 5
    assert mail.outbox == []
    # when: the next sale crosses below the threshold
    with django_capture_on_commit_callbacks(execute=True):
        sell(record)  # 4
    # then: one email to each of the shop's users, one notification each
    assert len(mail.outbox) == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["karim@example.com", "leila@example.com"]
    assert "Tajine émaillé" in mail.outbox[0].subject
    assert mail.outbox[0].alternatives  # HTML part
    assert set(Notification.objects.values_list("recipient__email", flat=True)) == {
        "karim@example.com",
        "leila@example.com",
    }
    alert = StockAlert.objects.get(stockrecord=record)
    assert alert.status == StockAlert.OPEN and alert.notified_at is not None and alert.threshold == 5

    # when: two more sales while already low
    with django_capture_on_commit_callbacks(execute=True):
        sell(record)
        sell(record)
    # then: nothing new
    assert len(mail.outbox) == 2
    assert Notification.objects.count() == 2
    assert StockAlert.objects.filter(stockrecord=record).count() == 1

    # when: restocked above the threshold, then sold below it again
    with django_capture_on_commit_callbacks(execute=True):
        stock.set_level(record.pk, 20, by=sellers[0])  # 18 available: alert closes
    assert StockAlert.objects.get(stockrecord=record).status == StockAlert.CLOSED
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        sell(record, 14)  # 4 available
    # then: it fires again, once
    assert len(mail.outbox) == 4
    assert Notification.objects.count() == 4
    assert StockAlert.objects.filter(stockrecord=record, status=StockAlert.OPEN).count() == 1


@pytest.mark.django_db
def test_a_stock_records_own_threshold_wins_over_the_default(
    shop, sellers, django_capture_on_commit_callbacks
):
    _, record = product_for_sale("Lampe en cuivre", shop=shop, stock=12, threshold=10)
    with django_capture_on_commit_callbacks(execute=True):
        sell(record, 3)  # 9 < 10
    assert len(mail.outbox) == 2
    assert StockAlert.objects.get(stockrecord=record).threshold == 10


@pytest.mark.django_db
@override_settings(SELLERS_LOW_STOCK_THRESHOLD=2)
def test_the_default_threshold_comes_from_settings(shop, sellers, django_capture_on_commit_callbacks):
    _, record = product_for_sale("Kilim", shop=shop, stock=5)
    with django_capture_on_commit_callbacks(execute=True):
        sell(record, 3)  # 2: not below 2
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        sell(record)  # 1
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_products_whose_stock_is_not_counted_never_alert(shop, sellers, django_capture_on_commit_callbacks):
    _, record = product_for_sale("Guide PDF", shop=shop, stock=None)
    with django_capture_on_commit_callbacks(execute=True):
        record.price = record.price + 1
        record.save()
    assert mail.outbox == []
    assert not StockAlert.objects.exists()


@pytest.mark.django_db
def test_the_task_is_safe_to_run_twice(shop, sellers, django_capture_on_commit_callbacks):
    # given: an alert already sent
    _, record = product_for_sale("Chéchia", shop=shop, stock=5)
    with django_capture_on_commit_callbacks(execute=True):
        sell(record)
    assert len(mail.outbox) == 2
    # when: the task is delivered again (broker redelivery)
    with django_capture_on_commit_callbacks(execute=True):
        result = send_low_stock_alert.delay(record.pk).get()
    # then
    assert result is None
    assert len(mail.outbox) == 2
    assert Notification.objects.count() == 2


@pytest.mark.django_db
def test_nothing_is_sent_if_stock_went_back_up_before_the_task_ran(shop, sellers):
    _, record = product_for_sale("Jebba", shop=shop, stock=5)
    sell(record)  # alert opened; the task would run after commit
    stock.set_level(record.pk, 30)  # restocked in the same transaction: alert closed
    assert send_low_stock_alert.delay(record.pk).get() is None
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_dashboard_home_shows_the_notification(client, shop, sellers, django_capture_on_commit_callbacks):
    _, record = product_for_sale("Plat à couscous", shop=shop, stock=5)
    with django_capture_on_commit_callbacks(execute=True):
        sell(record)
    client.force_login(sellers[0])
    response = client.get("/dashboard/")
    assert "Plat à couscous" in response.content.decode()
    assert response.context["unread_notifications"] == 1


@pytest.mark.django_db
def test_an_alert_whose_task_was_lost_is_sent_by_the_periodic_sweep(
    shop, sellers, time_machine, django_capture_on_commit_callbacks
):
    # given: the sale committed but its after-commit task never reached the broker
    _, record = product_for_sale("Babouches", shop=shop, stock=5)
    sell(record)
    assert mail.outbox == []
    # when: the beat task runs a few minutes later, twice
    time_machine.move_to(timezone.now() + timedelta(minutes=10))
    with django_capture_on_commit_callbacks(execute=True):
        first = send_pending_low_stock_alerts.delay().get()
    with django_capture_on_commit_callbacks(execute=True):
        second = send_pending_low_stock_alerts.delay().get()
    # then: told once (each user of the shop)
    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_the_dashboard_home_counts_the_rows_the_stock_page_flags_low(client, shop, sellers):
    # given: stock written without the stock service (imported, seeded), so no alert row exists:
    # two sold out, one under the default threshold, one under its own, two well stocked
    for title, level, threshold in (
        ("Tajine", 0, None),
        ("Plat", 0, None),
        ("Bol", 2, None),
        ("Jarre", 8, 10),
        ("Vase", 40, None),
        ("Lampe", 6, 3),
    ):
        product_for_sale(title, shop=shop, stock=level, threshold=threshold)
    client.force_login(sellers[0])
    # when
    home = client.get("/dashboard/")
    stock_page = client.get("/dashboard/shop/stock/").content.decode()
    low_only = client.get("/dashboard/shop/stock/", {"low": "on"})
    # then: the home, the stock page's flags and its "low stock only" filter agree
    assert home.context["total_low_stock"] == 4
    assert stock_page.count('class="table-warning"') == 4
    assert len(low_only.context["page_obj"].object_list) == 4
    listed = {record.product.title for record in home.context["low_stock"]}
    assert listed == {"Tajine", "Plat", "Bol", "Jarre"}


@pytest.mark.django_db
def test_the_platform_admins_home_counts_the_rows_the_stock_page_flags_low(client, shop):
    # given: two rows low and one well stocked, written without the stock service (no alert rows)
    for title, level in (("Tajine", 0), ("Bol", 2), ("Vase", 40)):
        product_for_sale(title, shop=shop, stock=level)
    client.force_login(make_user("admin@example.com", role="Platform admins", is_staff=True))
    # when
    home = client.get("/dashboard/")
    low_only = client.get("/dashboard/shop/stock/", {"low": "on"})
    # then: the home's open alerts are the rows the stock page lists as low
    assert home.context["total_open_stock_alerts"] == 2
    assert len(low_only.context["page_obj"].object_list) == 2


@pytest.mark.django_db
def test_raising_the_threshold_on_the_product_page_alerts_the_seller(
    client, shop, sellers, django_capture_on_commit_callbacks
):
    # given: 6 in stock, above the record's threshold of 3
    product, record = product_for_sale("Lampe en cuivre", shop=shop, stock=6, threshold=3)
    product.productcategory_set.create(category=create_from_breadcrumbs("Maison > Luminaires"))
    client.force_login(sellers[0])
    url = f"/dashboard/catalogue/products/{product.pk}/"
    page = client.get(url)
    data = post_data(
        page.context,
        "form",
        "category_formset",
        "image_formset",
        "recommended_formset",
        "stockrecord_formset",
    )
    prefix = page.context["stockrecord_formset"].prefix
    # when: the seller raises the threshold to 10 (the form calls the stock service, no receiver)
    data.update({f"{prefix}-0-low_stock_threshold": "10", "action": "continue"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    # then
    assert StockAlert.objects.get(stockrecord=record, status=StockAlert.OPEN).threshold == 10
    assert len(mail.outbox) == 2  # each of the shop's two users
