"""Invoice numbers: one series per seller and year, no gaps, no duplicates, issued once per order."""

import threading

import pytest
from django.db import connection, transaction

from commerce.invoices import services
from commerce.invoices.exceptions import OrderNotInvoiceable
from commerce.invoices.models import Invoice, InvoiceCounter
from tests.integration.invoices.conftest import Order, Partner, make_order


def run_together(count, work):
    """Run ``work(i)`` in ``count`` threads released at once; returns results and errors by index."""
    barrier = threading.Barrier(count)
    results, errors = {}, {}

    def target(index):
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_ten_orders_issued_at_once_get_consecutive_unique_numbers():
    # given: ten paid orders of the same seller
    seller = Partner.objects.create(name="Dar Nabeul")
    orders = [make_order([(seller, f"Tajine {i}", "119.000", 1)]) for i in range(10)]
    # when: they are invoiced concurrently
    results, errors = run_together(10, lambda i: [inv.number for inv in services.issue_invoices(orders[i])])
    # then: numbers 1..10 in the seller's series, each used once
    assert errors == {}
    issued = Invoice.objects.filter(partner=seller)
    assert sorted(issued.values_list("sequence", flat=True)) == list(range(1, 11))
    assert len({number for numbers in results.values() for number in numbers}) == 10
    assert InvoiceCounter.objects.get(series=f"S{seller.pk}").last_number == 10


@pytest.mark.django_db(transaction=True)
def test_the_same_order_issued_ten_times_at_once_has_one_invoice_per_seller():
    # given: one order from two sellers
    nabeul, jebba = Partner.objects.create(name="Dar Nabeul"), Partner.objects.create(name="Jebba & Co")
    order = make_order([(nabeul, "Tajine", "119.000", 1), (jebba, "Chechia", "59.500", 1)])
    # when
    results, errors = run_together(10, lambda _i: [inv.number for inv in services.issue_invoices(order)])
    # then: every call answers the same two invoices, and no number was spent twice
    assert errors == {}
    assert len({tuple(numbers) for numbers in results.values()}) == 1
    assert order.invoices.count() == 2
    assert set(InvoiceCounter.objects.values_list("last_number", flat=True)) == {1}


@pytest.mark.django_db
def test_issuing_twice_returns_the_same_invoices(sellers):
    order = make_order([(sellers["nabeul"], "Tajine", "119.000", 1)])
    first = services.issue_invoices(order)
    second = services.issue_invoices(order)
    assert [invoice.pk for invoice in first] == [invoice.pk for invoice in second]
    assert Invoice.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_issue_gives_its_number_back(monkeypatch):
    # given: an order from two sellers whose second invoice fails to save
    nabeul, jebba = Partner.objects.create(name="Dar Nabeul"), Partner.objects.create(name="Jebba & Co")
    order = make_order([(nabeul, "Tajine", "119.000", 1), (jebba, "Chechia", "59.500", 1)])
    original_save, calls = Invoice.save, []

    def failing_save(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Invoice, "save", failing_save)
    with pytest.raises(RuntimeError):
        services.issue_invoices(order)
    # and an outer transaction rolled back after a successful issue
    other = make_order([(nabeul, "Plat", "23.800", 1)])
    monkeypatch.setattr(Invoice, "save", original_save)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.issue_invoices(other)
        raise RuntimeError("payment reversed")
    # when
    invoices = services.issue_invoices(order)
    # then: the first number of each seller's series is still free
    assert Invoice.objects.count() == 2
    assert [(inv.partner, inv.sequence) for inv in invoices] == [(nabeul, 1), (jebba, 1)]
    assert invoices[0].number == f"F-S{nabeul.pk}-{invoices[0].year}-000001"


@pytest.mark.django_db
def test_an_unpaid_card_order_is_not_invoiced(sellers):
    order = make_order([(sellers["nabeul"], "Tajine", "119.000", 1)], paid=False)
    with pytest.raises(OrderNotInvoiceable):
        services.issue_invoices(order)
    assert not InvoiceCounter.objects.exists()


@pytest.mark.django_db
def test_a_confirmed_cash_on_delivery_order_is_invoiced_before_payment(sellers):
    order = make_order(
        [(sellers["nabeul"], "Tajine", "119.000", 1)], payment_method=Order.CASH_ON_DELIVERY, paid=False
    )
    [invoice] = services.issue_invoices(order)
    assert invoice.payment_method == Order.CASH_ON_DELIVERY


@pytest.mark.django_db
def test_the_task_issues_and_stores_the_pdfs_once(sellers):
    from commerce.invoices.tasks import issue_invoices_for_order

    order = make_order([(sellers["nabeul"], "Tajine", "119.000", 1)])
    first = issue_invoices_for_order.delay(order.number).get()
    second = issue_invoices_for_order.delay(order.number).get()
    assert first == second == [order.invoices.get().number]
    assert order.invoices.get().pdf.name.startswith("invoices/")
    assert issue_invoices_for_order.delay("no-such-order").get() == []
