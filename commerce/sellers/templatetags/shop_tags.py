from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def selling_shop(context, product, purchase_info):
    """The shop whose offer ``product``'s shown price is (None when no one sells it), for the
    "Sold by" of cards and product pages; no query when the stock records came with their shop."""
    record = context["request"].strategy.offering_record(product, purchase_info)
    return record.partner if record is not None else None
