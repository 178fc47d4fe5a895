"""Deployment checks: a production site must talk to the real Stripe, with signed webhooks."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def stripe_configured(app_configs, **kwargs):
    errors = []
    if not settings.STRIPE_SECRET_KEY:
        errors.append(
            Error(
                "STRIPE_SECRET_KEY is empty: card payments would run in the offline test mode.",
                id="payment.E001",
            )
        )
    if not settings.STRIPE_WEBHOOK_SECRET:
        errors.append(
            Error("STRIPE_WEBHOOK_SECRET is empty: every Stripe webhook would be refused.", id="payment.E002")
        )
    return errors
