"""Beat's wallet work (each task safe to run twice)."""

from celery import shared_task

from . import alerts, selectors, services


@shared_task(acks_late=True)
def expire_due_holds():
    """Give back the coins of holds past their expiry (every minute)."""
    return services.expire_due_holds()


@shared_task(acks_late=True)
def check_ledger():
    """Reconcile the ledger (nightly); tell the platform admins when something does not add up."""
    report = selectors.reconcile()
    if not report.ok:
        alerts.tell_admins_of_violations(report)
    return len(report.violations)
