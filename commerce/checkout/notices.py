"""What the pop-up checkout tells the admin on duty: each order placed from it, on their phone.

The client's "Notification WhatsApp instantanée à l'admin": the event ``checkout.popup_order`` goes
through ``notify()`` to the admin on duty, on the Telegram and WhatsApp channels (and in-app), told
once per order. Registered from ``CheckoutConfig.ready``.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commerce.notifications import notify
from commerce.notifications.events import INSTANT, Event, register
from commerce.notifications.phones.channels import TELEGRAM, WHATSAPP
from commerce.notifications.phones.duty import admin_on_duty, is_admin_on_duty

POPUP_ORDER = "checkout.popup_order"


def _render(context):
    """In the admin's language: the order, what it holds, how it is paid, where it goes."""
    method = _("cash on delivery") if context["cash_on_delivery"] else _("card, awaiting payment")
    details = [context["lines"], f"{context['total']} {context['currency']}", method]
    details += [value for value in (context["customer"], context["phone"], context["city"]) if value]
    return {
        "title": _("New order %(number)s (pop-up checkout)") % context,
        "body": " · ".join(details),
    }


register(
    Event(
        code=POPUP_ORDER,
        label=gettext_lazy("An order is placed from the pop-up checkout"),
        channels={TELEGRAM: INSTANT, WHATSAPP: INSTANT},
        audience=is_admin_on_duty,
        render=_render,
    )
)


def popup_order_placed(order):
    """Tell the admin on duty about ``order`` (inside the order's transaction; sent after commit)."""
    admin = admin_on_duty()
    if admin is None:
        return None
    address = order.shipping_address
    context = {
        "number": order.number,
        "lines": ", ".join(f"{line.quantity} × {line.title}" for line in order.lines.all()),
        "total": str(order.total_incl_tax),
        "currency": order.currency,
        "cash_on_delivery": order.payment_method == order.CASH_ON_DELIVERY,
        "customer": address.name if address else "",
        "phone": str(order.phone or ""),
        "city": address.line4 if address else "",
        "url": reverse("dashboard:order-detail", kwargs={"number": order.number}),
    }
    return notify(admin, POPUP_ORDER, context, key=f"order-{order.number}")
