"""Reads of orders for pages and emails: how far an order has got, which variant a line holds."""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

from commerce.order import statuses

Line = get_model("order", "Line")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")

#: Line statuses that mean the line has left the seller.
LEFT_THE_SELLER = (statuses.SHIPPED, statuses.DELIVERED)


def progress(order):
    """What the order's status alone does not say: some lines are on their way, others not yet
    ("Partly shipped: 1 of 3 items"), or some arrived and others not ("Partly delivered …").
    Empty when the order's status tells it all. Uses the lines already loaded when prefetched."""
    lines = [line for line in order.lines.all() if line.status not in (statuses.CANCELLED, statuses.REFUNDED)]
    total = sum(line.quantity for line in lines)
    shipped = sum(line.quantity for line in lines if line.status in LEFT_THE_SELLER)
    delivered = sum(line.quantity for line in lines if line.status == statuses.DELIVERED)
    if 0 < delivered < total:
        return ngettext(
            "Partly delivered: %(done)d of %(total)d item",
            "Partly delivered: %(done)d of %(total)d items",
            total,
        ) % {"done": delivered, "total": total}
    if 0 < shipped < total:
        return ngettext(
            "Partly shipped: %(done)d of %(total)d item",
            "Partly shipped: %(done)d of %(total)d items",
            total,
        ) % {"done": shipped, "total": total}
    return ""


def load_line_details(orders):
    """Load what describing the lines of ``orders`` (instances) needs, for all of them at once:
    their lines with their products, the lines' options, and the attribute values of the variants
    among the products (each line names the chosen size, colour …). Three queries at most, two
    when no line holds a variant (the usual order): the values are read for variants only.
    Returns ``orders``."""
    lines = Prefetch("lines", queryset=Line.objects.select_related("product"))
    prefetch_related_objects(orders, lines, "lines__attributes")
    variants = [
        line.product
        for order in orders
        for line in order.lines.all()
        if line.product is not None and line.product.is_child
    ]
    if variants:
        values = ProductAttributeValue.objects.select_related("attribute", "value_option")
        prefetch_related_objects(variants, Prefetch("attribute_values", queryset=values))
    return orders


def variant_attributes(line):
    """``[(name, value)]`` of the variant the customer chose (size, colour …), in the active
    language; empty for a product without variants or one since deleted. Reads what
    ``load_line_details`` prefetched, when it did."""
    product = line.product
    if product is None or not product.is_child:
        return []
    values = sorted(product.attribute_values.all(), key=lambda value: (value.attribute.name, value.pk))
    return [(value.attribute.name, value.value_as_text) for value in values]


def variant_summary(line):
    """``"Size: M, Colour: Red"``: the variant as one phrase for tables, PDFs and plain-text emails."""
    return _(", ").join(
        _("%(name)s: %(value)s") % {"name": name, "value": value} for name, value in variant_attributes(line)
    )


def cash_collected_line_ids(order):
    """Lines of a cash-on-delivery order whose cash the courier collected (recorded on delivery)."""
    from commerce.order.services import CASH_COLLECTED

    return set(
        PaymentEventQuantity.objects.filter(
            event__order=order, event__event_type__code=CASH_COLLECTED
        ).values_list("line_id", flat=True)
    )
