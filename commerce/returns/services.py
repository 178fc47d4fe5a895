"""Returns: a customer asks, the seller or an admin approves (with a comment) or refuses (with a
reason), an approved return is refunded through ``commerce.payment.refunds`` to the card or as a
voucher. Every step writes a note in the order's history and tells the other side after commit.

A request covers one seller's lines (each seller decides on its own goods): asking to return lines
of two sellers makes two requests. The refund is asked outside any row lock, keyed by the request,
so approving again after a failure refunds once.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from oscar.core.loading import get_model

from commerce.order import emails
from commerce.payment.refunds import RefundError, RefundPending, refund_order

from .exceptions import ReturnRefused
from .models import ReturnLine, ReturnPhoto, ReturnRequest
from .selectors import allows_voucher, returnable_units

Order = get_model("order", "Order")
Refund = get_model("payment", "Refund")


def request_return(order, *, lines, reason, refund_method=ReturnRequest.CARD, photos=(), by=None):
    """Ask to return ``lines`` (``{line or id: quantity}``) of a delivered order; returns the requests
    made (one per seller). Raises ``ReturnRefused`` with the reason, writing nothing."""
    reason = (reason or "").strip()
    if not reason:
        raise ReturnRefused(_("Say why you are returning these items."))
    wanted = {getattr(line, "pk", line): int(quantity) for line, quantity in lines.items()}
    if not wanted:
        raise ReturnRefused(_("Choose the items to return."))
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        returnable = returnable_units(order)
        by_pk = {line.pk: line for line in order.lines.select_related("partner")}
        by_partner = {}
        for pk, quantity in sorted(wanted.items(), key=lambda item: str(item[0])):
            line = by_pk.get(pk)
            if line is None or pk not in returnable:
                raise ReturnRefused(
                    _("“%(title)s” cannot be returned: only delivered items can, within %(days)s days.")
                    % {"title": line.title if line else pk, "days": _window_days()}
                )
            if quantity < 1 or quantity > returnable[pk]:
                raise ReturnRefused(
                    _("You can return at most %(left)d of “%(title)s”.")
                    % {"left": returnable[pk], "title": line.title}
                )
            by_partner.setdefault(line.partner, []).append((line, quantity))
        method = _method(order, refund_method, by_partner)
        made = []
        for partner, chosen in sorted(by_partner.items(), key=lambda item: item[0].pk):
            request = ReturnRequest.objects.create(
                order=order, partner=partner, reason=reason[:2000], refund_method=method, requested_by=by
            )
            ReturnLine.objects.bulk_create(
                [ReturnLine(request=request, line=line, quantity=q) for line, q in chosen]
            )
            for photo in photos:
                ReturnPhoto.objects.create(request=request, image=photo)
            _history(
                order,
                by,
                _("Return requested: %(items)s. Reason: %(reason)s")
                % {"items": _items(chosen), "reason": reason},
            )
            made.append(request)
            _tell(request)
        emails.notify_sellers_on_commit(
            order, {partner.pk for partner in by_partner}, emails.SELLER_RETURN_REQUESTED
        )
    return made


def approve_return(request, *, by=None, comment=""):
    """Approve a requested return and refund it (card or voucher); returns the request."""
    with transaction.atomic():
        request = ReturnRequest.objects.select_for_update().get(pk=request.pk)
        if request.status == ReturnRequest.REFUSED:
            raise ReturnRefused(_("This return was refused."))
        if request.status == ReturnRequest.REQUESTED:
            request.status = ReturnRequest.APPROVED
            request.comment = (comment or "").strip()[:2000]
            request.decided_by, request.decided_at = by, timezone.now()
            request.save(update_fields=["status", "comment", "decided_by", "decided_at"])
            note = _("Return approved.") + (f" {request.comment}" if request.comment else "")
            _history(request.order, by, note)
            _tell(request)
    if request.refund_id is None:
        _refund(request, by)
    return request


def refuse_return(request, *, by=None, reason=""):
    """Refuse a requested return with the reason the customer will read."""
    reason = (reason or "").strip()
    if not reason:
        raise ReturnRefused(_("Say why the return is refused."))
    with transaction.atomic():
        request = ReturnRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != ReturnRequest.REQUESTED:
            raise ReturnRefused(_("This return has already been decided."))
        request.status = ReturnRequest.REFUSED
        request.comment = reason[:2000]
        request.decided_by, request.decided_at = by, timezone.now()
        request.save(update_fields=["status", "comment", "decided_by", "decided_at"])
        _history(request.order, by, _("Return refused: %(reason)s") % {"reason": reason})
        _tell(request)
    return request


def _refund(request, by):
    """The approved return's refund, asked with no lock held; linked to the request once made."""
    lines = {item.line_id: item.quantity for item in request.lines.all()}
    method = Refund.VOUCHER if request.refund_method == ReturnRequest.VOUCHER else Refund.CARD
    try:
        refund = refund_order(
            request.order,
            lines=lines,
            by=by,
            key=f"return-{request.pk}",
            reason=gettext_noop("Return of your items."),
            method=method,
        )
    except RefundPending as pending:
        refund = pending.refund
    except RefundError as error:
        raise ReturnRefused(str(error)) from error
    ReturnRequest.objects.filter(pk=request.pk, refund__isnull=True).update(refund=refund)
    request.refund = refund


def _method(order, asked, by_partner):
    if asked not in (ReturnRequest.CARD, ReturnRequest.VOUCHER):
        raise ReturnRefused(_("Choose a refund to the card or a voucher."))
    if asked == ReturnRequest.VOUCHER and not all(allows_voucher(partner) for partner in by_partner):
        raise ReturnRefused(_("This seller refunds returns to the card only."))
    if asked == ReturnRequest.CARD and order.payment_method != Order.CARD:
        raise ReturnRefused(_("An order paid on delivery is refunded as a voucher: choose a voucher."))
    return asked


def _items(chosen):
    return ", ".join(f"{quantity} × {line.title}" for line, quantity in chosen)


def _history(order, by, message):
    order.notes.create(note_type="System", message=message[:1000], user=by)


def _tell(request):
    emails.send_return_email_on_commit(request)


def _window_days():
    return settings.ORDERS_RETURN_WINDOW_DAYS
