"""``{% stripe_test_mode_banner %}``: says so on checkout pages when no real payment can happen."""

from django import template

from commerce.payment.stripe.config import is_offline_test_mode

register = template.Library()


@register.inclusion_tag("payment/stripe/test_mode_banner.html")
def stripe_test_mode_banner():
    return {"offline_test_mode": is_offline_test_mode()}
