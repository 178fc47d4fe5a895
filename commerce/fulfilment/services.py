"""Running the registered steps: fulfil a paid order's lines once, take them back for a refund.

Called by ``commerce.checkout.services.confirm_payment`` (inside its transaction, with the order
locked) and by ``commerce.payment.refunds`` (before a refund is recorded, and when it fails).
"""

from django.db import IntegrityError, transaction

from .models import FulfilledLine
from .registry import step_for


@transaction.atomic
def fulfil_order(order):
    """Run each line's step once; returns the lines fulfilled now (none when replayed)."""
    done = []
    for line in order.lines.select_related("product__product_class", "product__parent__product_class"):
        step = step_for(line.product)
        if step is None:
            continue
        try:
            with transaction.atomic():
                FulfilledLine.objects.create(line=line, step=step.product_class, quantity=line.quantity)
        except IntegrityError:
            continue  # fulfilled already (a replayed payment)
        step.fulfil(line)
        done.append(line)
    return done


def revoke(line, quantity, *, limit=False, key):
    """Take back ``quantity`` units of a fulfilled line before they are refunded.

    Returns the units the refund may cover: ``quantity``, or fewer when the step limits it (only
    with ``limit``). Raises ``RevokeRefused`` (a message for the admin) when the step refuses.
    Lines whose class has no step, or that were never fulfilled, are refunded freely.
    """
    step = step_for(line.product)
    if step is None or step.revoke is None or not _fulfilled(line, step):
        return quantity
    return step.revoke(line, quantity, limit=limit, key=key)


def restore(line, quantity, *, key):
    """Give back what ``revoke`` took for a refund that then failed (same ``key``)."""
    step = step_for(line.product)
    if step is None or step.restore is None or not _fulfilled(line, step):
        return
    step.restore(line, quantity, key=key)


def takes_back(line):
    """True when refunding ``line`` first takes back what it delivered (its step can revoke)."""
    step = step_for(line.product)
    return step is not None and step.revoke is not None and _fulfilled(line, step)


def requires_account(products):
    """True when one of ``products`` is delivered to an account (guests must sign in to buy it)."""
    return any(step.requires_account for step in map(step_for, products) if step is not None)


def refusal(basket_lines):
    """The first shopper-facing reason a basket line cannot be ordered as it is, or None."""
    for line in basket_lines:
        step = step_for(line.product)
        message = step.check(line) if step is not None and step.check is not None else None
        if message:
            return message
    return None


def _fulfilled(line, step):
    return FulfilledLine.objects.filter(line=line, step=step.product_class).exists()
