"""Telling the platform admins the ledger does not add up (the nightly reconciliation failed),
through ``notify()``: the event ``wallet.ledger_violation``, for platform admins only, by email
at once and in their notification centre, in their language. Told once a day per admin."""

import logging

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, Event, register
from commerce.users.models import User
from commerce.users.roles import PLATFORM_ADMINS

from .selectors import summary_text

log = logging.getLogger(__name__)

LEDGER_VIOLATION = "wallet.ledger_violation"
#: Violations listed in one notice; the rest are counted (``manage.py wallet_check`` lists them all).
LISTED = 50


def is_platform_admin(user):
    return user.is_superuser or user.groups.filter(name=PLATFORM_ADMINS).exists()


def _render(context):
    count = context["count"]
    lines = [
        summary_text(context["transactions"], context["accounts"], context["holds"], count),
        "",
        *context["violations"],
    ]
    if count > len(context["violations"]):
        lines.append(
            _("… and %(more)d more: run manage.py wallet_check.")
            % {"more": count - len(context["violations"])}
        )
    return {
        "title": _("Wallet: the ledger does not reconcile (%(count)d violations)") % {"count": count},
        "body": "\n".join(lines),
        "url": reverse("admin:wallet_account_changelist"),
    }


register(
    Event(
        code=LEDGER_VIOLATION,
        label=gettext_lazy("Coin ledger does not reconcile"),
        render=_render,
        channels={EMAIL: INSTANT},
        audience=is_platform_admin,
        configurable=False,
    )
)


def tell_admins_of_violations(report):
    """Notify every active platform admin of the reconciliation's violations (once a day)."""
    log.error("Wallet reconciliation: %d violations", len(report.violations))
    admins = User.objects.filter(groups__name=PLATFORM_ADMINS, is_active=True).distinct().order_by("pk")
    context = {
        "count": len(report.violations),
        "transactions": report.transactions,
        "accounts": report.accounts,
        "holds": report.holds,
        "violations": [str(violation) for violation in report.violations[:LISTED]],
    }
    for admin in admins:
        notify(admin, LEDGER_VIOLATION, context, key=f"{timezone.localdate():%Y-%m-%d}")
