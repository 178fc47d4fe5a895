"""What subscribers are told, through ``notify`` (their language, their channels): dunning after a
failed renewal, a payment needing their action, a trial ending, a subscription ended.

Each function runs after commit and is keyed per cause, so a replayed event tells once.
"""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, WEBPUSH, Event, register

PAYMENT_FAILED = "subscriptions.payment_failed"
ACTION_REQUIRED = "subscriptions.action_required"
TRIAL_ENDING = "subscriptions.trial_ending"
ENDED = "subscriptions.ended"


def _date(value):
    moment = parse_datetime(value) if value else None
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT") if moment else ""


def _render_failed(context):
    title = _("Payment failed for your subscription %(plan)s") % context
    if context.get("next_attempt"):
        body = _(
            "We could not charge %(amount)s TND. We will try again on %(date)s; your benefits continue "
            "meanwhile. Update your card to avoid the end of your subscription."
        ) % {**context, "date": _date(context["next_attempt"])}
    else:
        body = (
            _("We could not charge %(amount)s TND after several attempts: your subscription ends.") % context
        )
    return {"title": title, "body": body, "url": context["url"]}


def _render_trial(context):
    return {
        "title": _("Your trial of %(plan)s ends on %(date)s")
        % {**context, "date": _date(context["trial_end"])},
        "body": _("Your card will then be charged %(amount)s TND per period, unless you cancel.") % context,
        "url": context["url"],
    }


for event in (
    Event(
        code=PAYMENT_FAILED,
        label=gettext_lazy("Subscription payment failed"),
        render=_render_failed,
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
        configurable=False,
    ),
    Event(
        code=ACTION_REQUIRED,
        label=gettext_lazy("Subscription payment to confirm"),
        title=gettext_lazy("Confirm the payment of your subscription %(plan)s"),
        body=gettext_lazy("Your bank asks you to confirm the payment of %(amount)s TND."),
        channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
        configurable=False,
    ),
    Event(
        code=TRIAL_ENDING,
        label=gettext_lazy("Subscription trial ending"),
        render=_render_trial,
        channels={EMAIL: INSTANT},
    ),
    Event(
        code=ENDED,
        label=gettext_lazy("Subscription ended"),
        title=gettext_lazy("Your subscription %(plan)s has ended"),
        body=gettext_lazy("Its benefits stop today. You can subscribe again at any time."),
        channels={EMAIL: INSTANT},
    ),
):
    register(event)


def _context(sub, **extra):
    return {
        "plan": sub.plan.product.get_title(),
        "amount": f"{sub.amount:.3f}",
        "url": reverse("subscriptions:mine"),
        **extra,
    }


def _row(row_pk):
    from .models import SubscriptionInvoice

    return SubscriptionInvoice.objects.select_related(
        "subscription__plan__product", "subscription__user"
    ).get(pk=row_pk)


def payment_failed(row_pk, attempt, next_attempt, hosted_url=""):
    """Dunning: one notice per failed attempt (``next_attempt``: ISO date of the retry, "" after the last)."""
    row = _row(row_pk)
    context = _context(row.subscription, amount=f"{row.amount:.3f}", next_attempt=next_attempt)
    notify(row.subscription.user, PAYMENT_FAILED, context, key=f"{row.stripe_invoice_id}:{attempt}")


def action_required(row_pk, attempt, next_attempt, hosted_url=""):
    row = _row(row_pk)
    context = _context(row.subscription, amount=f"{row.amount:.3f}")
    context["url"] = hosted_url or context["url"]
    notify(row.subscription.user, ACTION_REQUIRED, context, key=f"{row.stripe_invoice_id}:{attempt}")


def trial_ending(sub_pk):
    from .models import Subscription

    sub = Subscription.objects.select_related("plan__product", "user").get(pk=sub_pk)
    context = _context(sub, trial_end=sub.trial_end.isoformat() if sub.trial_end else "")
    notify(sub.user, TRIAL_ENDING, context, key=sub.stripe_subscription_id)


def ended(sub_pk):
    from .models import Subscription

    sub = Subscription.objects.select_related("plan__product", "user").get(pk=sub_pk)
    notify(sub.user, ENDED, _context(sub), key=sub.stripe_subscription_id)
