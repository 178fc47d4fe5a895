from django import template
from oscar.core.loading import get_model

register = template.Library()

Partner = get_model("partner", "Partner")


@register.simple_tag
def order_shops(order):
    """The shops whose lines are in ``order`` (each one a "contact the seller" button)."""
    return Partner.objects.filter(pk__in=order.lines.values("partner")).order_by("name")
