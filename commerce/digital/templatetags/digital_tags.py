"""``{% order_downloads order %}``: the files and licence keys of an order, for its page."""

from django import template

from commerce.digital import selectors
from commerce.digital.forms import DisputeForm, MessageForm, ReportForm
from commerce.digital.links import download_rows

register = template.Library()


@register.inclusion_tag("digital/partials/order_downloads.html", takes_context=True)
def order_downloads(context, order):
    """Shown only to whoever opened the order page (its owner, or a guest with the signed link);
    the owner also sees the disputes of its digital lines and may open one."""
    entitlements = selectors.entitlements_of(order=order)
    keys = [key for entitlement in entitlements for key in selectors.keys_of_line(entitlement.line)]
    user = context.get("user")
    owner = user is not None and user.is_authenticated and order.user_id == user.pk
    return {
        "rows": download_rows(entitlements),
        "keys": keys,
        "order": order,
        "disputable": list(entitlements) if owner else [],
        "disputes": selectors.disputes_of(order) if owner else [],
        "csrf_token": context.get("csrf_token"),
        "dispute_form": DisputeForm(),
        "message_form": MessageForm(),
    }


@register.inclusion_tag("digital/partials/product_box.html", takes_context=True)
def digital_product_box(context, product):
    """The free previews of a product's files, and the form anyone may use to report the product."""
    return {
        "product": product,
        "previews": selectors.previews_of(product),
        "report_form": ReportForm(),
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
    }
