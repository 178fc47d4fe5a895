"""Reports and disputes: anyone reports a product; a buyer opens a dispute on an order line; the
platform admins mediate (messages seen by buyer, seller and admins) and decide: refund the line,
refund an amount of it, or reject, and may unpublish the product. Every step is an entry in the
dispute's history and is told to the other parties through ``notify()``."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from commerce.money.fields import ZERO
from commerce.notifications import notify
from commerce.payment.refunds import RefundError, RefundPending, refund_order
from commerce.payment.selectors import refundable
from commerce.users.models import User
from commerce.users.roles import PLATFORM_ADMINS

from . import events, services
from .models import Dispute, DisputeEntry, Entitlement, ProductReport
from .selectors import seller_users


class DisputeRefused(Exception):
    """A dispute step that cannot be taken; ``str()`` says why, for the person who tried."""


def _admins():
    return list(User.objects.filter(groups__name=PLATFORM_ADMINS, is_active=True).distinct())


def _tell(users, event, context, key, *, buyer=None, order_number=""):
    """Notify each of ``users`` once after commit; the buyer's notice leads to their order page."""
    for user in {user.pk: user for user in users if user is not None}.values():
        told = context
        if buyer is not None and user.pk == buyer.pk:
            told = {**context, "url": f"/accounts/orders/{order_number}/"}
        transaction.on_commit(lambda user=user, told=told: notify(user, event, told, key=f"{key}:{user.pk}"))


@transaction.atomic
def report_product(product, *, reason, message, email, reporter=None):
    report = ProductReport.objects.create(
        product=product, reason=reason, message=message, email=email, reporter=reporter
    )
    context = {
        "product": product.get_title(),
        "reason": report.get_reason_display(),
        "url": "/dashboard/digital/moderation/",
    }
    _tell(_admins(), events.PRODUCT_REPORTED, context, key=f"digital.report:{report.pk}")
    return report


@transaction.atomic
def close_report(report, *, uphold, by):
    """Uphold (the product goes off sale) or dismiss a report."""
    report.status = ProductReport.Status.UPHELD if uphold else ProductReport.Status.DISMISSED
    report.save(update_fields=["status"])
    if uphold:
        services.publish(report.product, public=False)
    return report


def _parties(dispute):
    return [dispute.buyer, *seller_users(dispute.line.product), *_admins()]


def _context(dispute, text):
    return {
        "order": dispute.line.order.number,
        "product": dispute.line.title,
        "text": text,
        "url": f"/dashboard/digital/disputes/{dispute.pk}/",
    }


@transaction.atomic
def open_dispute(line, buyer, reason):
    """The buyer of a paid digital line disputes it (one open dispute per line)."""
    if line.order.user_id != buyer.pk or not Entitlement.objects.filter(line=line).exists():
        raise DisputeRefused(_("You can open a dispute only on a digital product you bought."))
    try:
        with transaction.atomic():
            dispute = Dispute.objects.create(line=line, buyer=buyer, reason=reason)
    except IntegrityError:
        raise DisputeRefused(_("A dispute on this purchase is already open.")) from None
    DisputeEntry.objects.create(dispute=dispute, author=buyer, kind=DisputeEntry.Kind.OPENED, body=reason)
    _tell(
        _parties(dispute),
        events.DISPUTE,
        _context(dispute, reason),
        key=f"digital.dispute:{dispute.pk}:opened",
        buyer=dispute.buyer,
        order_number=dispute.line.order.number,
    )
    return dispute


def can_take_part(dispute, user):
    return user in _parties(dispute)


@transaction.atomic
def post_message(dispute, author, body):
    if dispute.status != Dispute.Status.OPEN:
        raise DisputeRefused(_("This dispute is closed."))
    if not can_take_part(dispute, author):
        raise DisputeRefused(_("You do not take part in this dispute."))
    entry = DisputeEntry.objects.create(
        dispute=dispute, author=author, kind=DisputeEntry.Kind.MESSAGE, body=body
    )
    others = [user for user in _parties(dispute) if user.pk != author.pk]
    _tell(
        others,
        events.DISPUTE,
        _context(dispute, body),
        key=f"digital.dispute:{dispute.pk}:entry:{entry.pk}",
        buyer=dispute.buyer,
        order_number=dispute.line.order.number,
    )
    return entry


def decide(dispute, admin, decision, *, amount=None, note="", unpublish=False):
    """Close an open dispute: ``refund`` (the whole line, its files revoked), ``partial`` (``amount``
    TND of its price given back, the buyer keeps access) or ``reject``. Raises ``DisputeRefused``
    with the reason, changing nothing.

    The refund goes through ``commerce.payment.refunds`` before the decision is recorded, with no
    lock held while Stripe is called (its key is the dispute's: deciding again refunds once).
    """
    dispute = Dispute.objects.select_related("line__order").get(pk=dispute.pk)
    if dispute.status != Dispute.Status.OPEN:
        raise DisputeRefused(_("This dispute is closed."))
    line = dispute.line
    if decision == "refund":
        refund, status = {"lines": [line]}, Dispute.Status.REFUNDED
    elif decision == "partial":
        refund, status = {"amounts": {line: _partial_amount(line, amount)}}, Dispute.Status.PARTLY_REFUNDED
    elif decision == "reject":
        refund, status = None, Dispute.Status.REJECTED
    else:
        raise DisputeRefused(_("Choose a decision."))
    if refund:
        try:
            refund_order(line.order, by=admin, reason=note, key=f"dispute:{dispute.pk}", **refund)
        except RefundPending:
            pass  # Stripe answers later: the refund completes on its own (commerce.payment.tasks)
        except RefundError as error:
            raise DisputeRefused(str(error)) from error
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().select_related("line__order").get(pk=dispute.pk)
        if dispute.status != Dispute.Status.OPEN:
            raise DisputeRefused(_("This dispute is closed."))
        dispute.status = status
        dispute.decided_at = timezone.now()
        dispute.save(update_fields=["status", "decided_at"])
        body = f"{dispute.get_status_display()}. {note}".strip()
        DisputeEntry.objects.create(dispute=dispute, author=admin, kind=DisputeEntry.Kind.DECISION, body=body)
        if unpublish:
            services.publish(line.product.parent or line.product, public=False)
        _tell(
            _parties(dispute),
            events.DISPUTE,
            _context(dispute, body),
            key=f"digital.dispute:{dispute.pk}:decided",
            buyer=dispute.buyer,
            order_number=dispute.line.order.number,
        )
    return dispute


def _partial_amount(line, amount):
    """A partial refund gives back more than nothing and less than what is left of the line."""
    left = next(amount_left for row, _units, amount_left in refundable(line.order)[0] if row.pk == line.pk)
    if amount is None or not ZERO < amount < left:
        raise DisputeRefused(
            _(
                "A partial refund is an amount between 0 and the %(left)s %(currency)s left of the line; "
                "to refund all of it, choose “Refund the line”."
            )
            % {"left": left, "currency": line.order.currency}
        )
    return amount
