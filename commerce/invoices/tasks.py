"""Background work of the invoices app (each task is safe to run twice)."""

import logging
from functools import partial

from celery import shared_task
from django.db import OperationalError, transaction
from oscar.core.loading import get_model

from commerce.invoices import services
from commerce.invoices.exceptions import OrderNotInvoiceable

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def issue_invoices_for_order(order_number):
    """Issue the order's invoices (once) and store their PDFs; returns the invoice numbers.

    Start it with ``transaction.on_commit`` when a card order is paid or a cash-on-delivery order is
    confirmed.
    """
    order = Order.objects.filter(number=order_number).first()
    if order is None:
        logger.warning("Invoices: no order %s", order_number)
        return []
    try:
        invoices = services.issue_invoices(order)
    except OrderNotInvoiceable:
        logger.info("Invoices: order %s is neither paid nor confirmed yet", order_number)
        return []
    for invoice in invoices:
        services.ensure_pdf(invoice)
    return [invoice.number for invoice in invoices]


def issue_invoices_on_commit(order):
    """Queue the invoices of an order once the current transaction commits (what services should call)."""
    transaction.on_commit(partial(issue_invoices_for_order.delay, order.number))
