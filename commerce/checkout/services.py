"""Placing an order and settling its payment: the only way an order comes to exist or becomes paid.

Used by the quick-checkout page, the REST API and the Stripe webhook/return views alike.
``place_order`` holds the stock (no overselling, see commerce/partner/stock.py) and freezes the
basket; ``confirm_payment`` and ``cancel_unpaid_order`` lock the order row and are idempotent, so a
webhook replayed or racing the shopper's return from Stripe changes the order exactly once.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from commerce.analytics import services as analytics
from commerce.fulfilment import services as fulfilment
from commerce.invoices.tasks import issue_invoices_on_commit
from commerce.order import emails, statuses
from commerce.order.services import change_order_status
from commerce.partner.exceptions import InsufficientStock
from commerce.payment.order_callbacks import PaymentAmountMismatch

from .exceptions import (
    AccountRequired,
    AddressRequired,
    BasketAlreadySubmitted,
    CashOnDeliveryNotAvailable,
    EmptyBasket,
    LineRefused,
    OrderNotPayable,
    OutOfStock,
)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
PaymentEventType = get_model("order", "PaymentEventType")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")
UserAddress = get_model("address", "UserAddress")


@dataclass(frozen=True)
class Customer:
    """Who orders: a signed-in user or a guest (then the email is required)."""

    first_name: str
    last_name: str
    email: str
    phone: str
    user: object = None

    @classmethod
    def from_data(cls, data, user):
        """From the checkout form's or the API's cleaned data (same field names)."""
        return cls(data["first_name"], data["last_name"], data["email"], str(data["phone"]), user)


@dataclass(frozen=True)
class Delivery:
    line1: str
    city: str
    postcode: str = ""
    country_code: str = "TN"
    notes: str = ""

    @classmethod
    def from_data(cls, data):
        """The address in cleaned checkout data, or None when none was given (nothing ships)."""
        if not (data.get("line1") and data.get("city")):
            return None
        return cls(data["line1"], data["city"], data.get("postcode", ""), notes=data.get("notes", ""))


def cash_on_delivery_allowed(basket):
    """Cash on delivery only when every line is shipped: the courier collects the money (so coin
    packs, digital products and services are paid by card)."""
    return all(line.product.get_product_class().requires_shipping for line in basket.all_lines())


def account_required(basket, user):
    """A guest's basket holding products delivered to an account (coin packs credit a wallet):
    the shopper must sign in or create an account first."""
    signed_in = user is not None and user.is_authenticated
    return not signed_in and fulfilment.requires_account(line.product for line in basket.all_lines())


def order_number_for(basket):
    """Oscar's number for the basket, suffixed when an earlier attempt (cancelled) used it."""
    base = str(100000 + basket.pk)
    previous = Order.objects.filter(number__startswith=base).count()
    return base if previous == 0 else f"{base}-{previous + 1}"


def _shipping_address(customer, delivery):
    return ShippingAddress.objects.create(
        first_name=customer.first_name,
        last_name=customer.last_name,
        line1=delivery.line1,
        line4=delivery.city,
        postcode=delivery.postcode,
        country=Country.objects.get(pk=delivery.country_code),
        phone_number=customer.phone,
        notes=delivery.notes,
    )


def _remember_address(user, shipping_address):
    """The delivery address goes to the shopper's address book (once; counted per order), so the
    next checkout offers it (as Oscar's own checkout does)."""
    address = UserAddress(user=user)
    shipping_address.populate_alternative_model(address)
    existing = user.addresses.filter(hash=address.generate_hash()).first()
    address = existing or address
    address.num_orders_as_shipping_address += 1
    address.save()


@transaction.atomic
def place_order(
    *, basket, customer, payment_method, delivery=None, language="fr", request=None, strategy=None
):
    """Create the order of ``basket`` and hold its stock; raises a ``CheckoutError`` with a reason.

    The basket is priced by the site's strategy, or by ``strategy`` when the caller already knows
    what was charged (a subscription period is ordered at the price Stripe billed).

    Card orders wait for payment (``pending-payment``, basket frozen so a failed payment can give
    it back); cash-on-delivery orders are confirmed unpaid (``processing``, basket submitted).

    ``basket`` is used as given (the request's basket, its lines and offers already loaded): only
    its row is locked and its status read again, so a double submit orders it once. Stock is
    checked under the stock records' own locks when the order is written (``OrderCreator``).
    """
    if basket.pk is None:
        raise EmptyBasket
    status = Basket.objects.select_for_update().values_list("status", flat=True).get(pk=basket.pk)
    if status != Basket.OPEN:
        raise BasketAlreadySubmitted
    basket.strategy = strategy or Selector().strategy(request=request, user=customer.user)
    if basket.is_empty:
        raise EmptyBasket
    if account_required(basket, customer.user):
        raise AccountRequired
    if refused := fulfilment.refusal(basket.all_lines()):
        raise LineRefused(refused)
    ships = basket.is_shipping_required()
    if payment_method == Order.CASH_ON_DELIVERY and not cash_on_delivery_allowed(basket):
        raise CashOnDeliveryNotAvailable
    if ships and delivery is None:
        raise AddressRequired
    shipping_address = _shipping_address(customer, delivery) if ships else None
    if shipping_address and customer.user and customer.user.is_authenticated:
        _remember_address(customer.user, shipping_address)
    method = Repository().get_default_shipping_method(basket=basket, shipping_addr=shipping_address)
    charge = method.calculate(basket)
    total = OrderTotalCalculator(request).calculate(basket, charge)
    cash = payment_method == Order.CASH_ON_DELIVERY
    extra = {"payment_method": payment_method, "language": language, "phone": customer.phone}
    if not (customer.user and customer.user.is_authenticated):
        extra["guest_email"] = customer.email
    try:
        order = OrderCreator().place_order(
            basket=basket,
            total=total,
            shipping_method=method,
            shipping_charge=charge,
            user=customer.user if customer.user and customer.user.is_authenticated else None,
            shipping_address=shipping_address,
            order_number=order_number_for(basket),
            status=statuses.PROCESSING if cash else statuses.PENDING_PAYMENT,
            request=request,
            **extra,
        )
    except InsufficientStock as error:
        raise OutOfStock(str(error)) from error
    analytics.record_order_on_commit(order, [(line.product_id, line.quantity) for line in basket.all_lines()])
    if cash:
        basket.submit()
        issue_invoices_on_commit(order)
        emails.send_order_email_on_commit(order, emails.ORDER_PLACED)
    else:
        basket.freeze()
    return order


@transaction.atomic
def confirm_payment(order_number, *, amount, reference, provider="stripe"):
    """Mark the order paid and fulfil its lines (``commerce.fulfilment``: coin packs credit the
    wallet) in the same transaction; True only for the call that did it (replays and races return
    False and fulfil nothing)."""
    order = Order.objects.select_for_update().get(number=order_number)
    if order.is_paid:
        return False
    if order.status == statuses.CANCELLED:
        raise OrderNotPayable(order_number)
    if amount != order.total_incl_tax:
        raise PaymentAmountMismatch(f"{order_number}: paid {amount}, order total {order.total_incl_tax}")
    order.paid_at = timezone.now()
    order.save(update_fields=["paid_at"])
    source_type, _ = SourceType.objects.get_or_create(code=provider, defaults={"name": provider.title()})
    Source.objects.create(
        order=order,
        source_type=source_type,
        currency=order.currency,
        amount_allocated=amount,
        amount_debited=amount,
        reference=reference,
    )
    event_type, _ = PaymentEventType.objects.get_or_create(code="paid", defaults={"name": "Paid"})
    event = order.payment_events.create(event_type=event_type, amount=amount, reference=reference)
    for line in order.lines.all():
        event.line_quantities.create(line=line, quantity=line.quantity)
    change_order_status(order, statuses.PAID)
    fulfilment.fulfil_order(order)
    issue_invoices_on_commit(order)
    if order.basket_id:
        Basket.objects.filter(pk=order.basket_id, status=Basket.FROZEN).update(status=Basket.SUBMITTED)
    return True


@transaction.atomic
def cancel_unpaid_order(order_number, *, reason=""):
    """A card payment failed or was abandoned: release the stock, give the basket back. Idempotent."""
    order = Order.objects.select_for_update().filter(number=order_number).first()
    if order is None or order.is_paid or order.status != statuses.PENDING_PAYMENT:
        return False
    change_order_status(order, statuses.CANCELLED)
    if reason:
        order.notes.create(note_type="System", message=reason[:1000])
    if order.basket_id:
        Basket.objects.filter(pk=order.basket_id, status=Basket.FROZEN).update(status=Basket.OPEN)
    return True
