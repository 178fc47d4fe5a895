"""Reads of digital products: a product's options and files, a buyer's downloads, a seller's log."""

from django.db.models import Count, Q
from oscar.core.loading import get_model

from commerce.users.roles import PLATFORM_ADMINS

from .models import DigitalFile, DigitalOptions, Download, Entitlement, FileVersion, LicenceKey

Partner = get_model("partner", "Partner")


def options_for(product):
    """The product's options, its parent's (variants such as seat counts inherit them), or the
    defaults (unsaved) when the seller set none."""
    for candidate in (product, product.parent):
        if candidate is None:
            continue
        options = DigitalOptions.objects.filter(product=candidate).first()
        if options:
            if candidate is not product and product.attribute_values.filter(attribute__code="seats").exists():
                options.seats = _seats_attribute(product)
            return options
    return DigitalOptions(product=product)


def _seats_attribute(product):
    """A variant's "seats" attribute, a number or an option whose code ends with it
    (``seats-5``): 0 means unlimited."""
    value = product.attribute_values.filter(attribute__code="seats").first().value
    return int(str(getattr(value, "code", value)).rsplit("-", 1)[-1]) or None


def files_of(product):
    """The files a product delivers (a variant delivers its parent's)."""
    owner = product.parent if product.is_child else product
    return list(DigitalFile.objects.filter(product=owner).select_related("current_version"))


def seller_users(product):
    """The users of the shops selling ``product`` (they get its alerts)."""
    owner = product.parent if product.is_child else product
    shops = Partner.objects.filter(stockrecords__product__in=[owner, product]).distinct()
    return [user for shop in shops for user in shop.users.filter(is_active=True)]


def uses(licence):
    """Seats in use: activations not deactivated."""
    return licence.activations.filter(deactivated_at=None).count()


def entitlements_of(user=None, order=None):
    """Entitlements of a signed-in buyer (every order) or of one order (guests' signed page)."""
    entitlements = Entitlement.objects.select_related("product", "line__order").order_by("-created_at")
    if order is not None:
        return entitlements.filter(line__order=order)
    return entitlements.filter(line__order__user=user)


def downloadable(entitlements):
    """``[(entitlement, file, version)]``: each current file of each entitlement, for the pages."""
    rows = []
    for entitlement in entitlements:
        for digital_file in files_of(entitlement.product):
            if digital_file.current_version is not None:
                rows.append((entitlement, digital_file, digital_file.current_version))
    return rows


def keys_of_line(line):
    return list(
        LicenceKey.objects.filter(line=line).annotate(
            in_use=Count("activations", filter=Q(activations__deactivated_at=None))
        )
    )


def shop_products(user):
    """Digital products of the shops ``user`` works for (platform admins: every digital product)."""
    Product = get_model("catalogue", "Product")
    products = Product.objects.filter(product_class__slug="digital", parent=None)
    if not (user.is_superuser or user.groups.filter(name=PLATFORM_ADMINS).exists()):
        products = products.filter(stockrecords__partner__users=user)
    return products.distinct().order_by("title")


def access_log(products):
    return Download.objects.filter(entitlement__product__in=products).select_related(
        "entitlement__line__order", "version__file", "user"
    )


def suspicious(products, threshold):
    """Entitlements downloaded from more than ``threshold`` addresses (possible sharing)."""
    return (
        Entitlement.objects.filter(product__in=products)
        .annotate(addresses=Count("downloads__ip", distinct=True))
        .filter(addresses__gt=threshold)
        .select_related("line__order", "product")
    )


def previews_of(product):
    """The current versions of a public product's files that have a preview."""
    if not product.is_public:
        return []
    return [f.current_version for f in files_of(product) if f.current_version and f.current_version.preview]


def public_preview(version_pk):
    """A version whose preview anyone may open: current, with a preview, of a public product."""
    version = (
        FileVersion.objects.select_related("file__product").filter(pk=version_pk).exclude(preview="").first()
    )
    if version is None or version.file.current_version_id != version.pk or not version.file.product.is_public:
        return None
    return version


def disputes_of(order):
    from .models import Dispute

    return list(
        Dispute.objects.filter(line__order=order).prefetch_related("entries__author").select_related("line")
    )


def moderation_queue():
    """Open reports and disputes, oldest first (the platform admins' queue)."""
    from .models import Dispute, ProductReport

    return (
        ProductReport.objects.filter(status="open").select_related("product").order_by("created_at"),
        Dispute.objects.filter(status="open").select_related("line__order", "buyer").order_by("created_at"),
    )
