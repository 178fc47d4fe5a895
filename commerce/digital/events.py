"""What the digital app tells people through ``notify()``: a new version of a file they bought, a
buyer downloading from many addresses (to the seller)."""

from django.utils.translation import gettext_lazy as _

from commerce.notifications.events import EMAIL, INSTANT, Event, register

NEW_VERSION = "digital.new_version"
MANY_ADDRESSES = "digital.many_addresses"

register(
    Event(
        code=NEW_VERSION,
        label=_("New version of a file you bought"),
        title=_("A new version of “%(file)s” is ready"),
        body=_("Version %(version)s of “%(file)s” (%(product)s) is in your downloads."),
        channels={EMAIL: INSTANT},
    )
)
register(
    Event(
        code=MANY_ADDRESSES,
        label=_("A buyer downloads from many addresses"),
        title=_("Order %(order)s: downloads from %(addresses)s addresses"),
        body=_("The buyer of “%(product)s” downloaded it from %(addresses)s different IP addresses."),
        channels={EMAIL: INSTANT},
        audience=lambda user: user.partners.exists() or user.is_staff,
    )
)
