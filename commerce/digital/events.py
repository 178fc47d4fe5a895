"""What the digital app tells people through ``notify()``: a new version of a file they bought, a
buyer downloading from many addresses (to the seller)."""

from django.utils.translation import gettext_lazy as _

from commerce.notifications.events import EMAIL, INSTANT, Event, register
from commerce.users.roles import PLATFORM_ADMINS

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

DISPUTE = "digital.dispute"
PRODUCT_REPORTED = "digital.product_reported"

register(
    Event(
        code=DISPUTE,
        label=_("Disputes on digital purchases"),
        title=_("Order %(order)s: dispute on “%(product)s”"),
        body=_("%(text)s"),
        channels={EMAIL: INSTANT},
    )
)
register(
    Event(
        code=PRODUCT_REPORTED,
        label=_("Reported products"),
        title=_("“%(product)s” was reported"),
        body=_("Reason: %(reason)s."),
        channels={EMAIL: INSTANT},
        audience=lambda user: user.is_superuser or user.groups.filter(name=PLATFORM_ADMINS).exists(),
    )
)
