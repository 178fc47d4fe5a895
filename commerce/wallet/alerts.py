"""Telling the platform admins the ledger does not add up (the nightly reconciliation failed)."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from commerce.users.models import User
from commerce.users.roles import PLATFORM_ADMINS

log = logging.getLogger(__name__)

#: Violations listed in one email; the rest are counted (``manage.py wallet_check`` lists them all).
LISTED = 50


def tell_admins_of_violations(report):
    """One email to every active platform admin with the reconciliation's summary and violations."""
    log.error("Wallet reconciliation: %d violations", len(report.violations))
    recipients = list(
        User.objects.filter(groups__name=PLATFORM_ADMINS, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Wallet: the ledger does not reconcile (%(count)d violations)") % {
            "count": len(report.violations)
        }
        lines = [report.summary(), "", *report.violations[:LISTED]]
        if len(report.violations) > LISTED:
            lines.append(
                _("… and %(more)d more: run manage.py wallet_check.")
                % {"more": len(report.violations) - LISTED}
            )
    EmailMessage(subject, "\n".join(lines), to=recipients).send()
