"""Who may review, moderate and reply, and which reviews a seller looks after."""

from django.conf import settings
from django.db.models import Q
from oscar.core.loading import get_model

from commerce.order import statuses
from commerce.partner.selectors import partner_ids_for

Line = get_model("order", "Line")
ProductReview = get_model("reviews", "ProductReview")


def _of_product(product, prefix=""):
    """Order lines or stock records of the product itself or, for a parent, of its variants."""
    return Q(**{f"{prefix}product": product}) | Q(**{f"{prefix}product__parent": product})


def is_verified_buyer(user, product):
    """The user received the product (a delivered line) or paid for it (a paid order, not
    cancelled or refunded)."""
    if not (user and user.is_authenticated):
        return False
    lines = Line.objects.filter(_of_product(product), order__user=user)
    received = Q(status=statuses.DELIVERED)
    paid = Q(order__paid_at__isnull=False) & ~Q(status__in=(statuses.CANCELLED, statuses.REFUNDED))
    return lines.filter(received | paid).exists()


def sells(user, product):
    """The user works for a shop that sells the product (or one of its variants)."""
    shops = partner_ids_for(user)
    return (
        bool(shops)
        and product.__class__.objects.filter(
            Q(pk=product.pk) | Q(parent=product), stockrecords__partner_id__in=shops
        ).exists()
    )


def is_platform_moderator(user):
    return user.is_authenticated and user.is_staff


def can_moderate(user, review):
    if is_platform_moderator(user):
        return True
    return settings.REVIEWS_MODERATED_BY == "seller" and sells(user, review.product)


def reviews_for_seller(user):
    """Reviews of the products the seller's shops sell, waiting ones first."""
    shops = partner_ids_for(user)
    sold = Q(product__stockrecords__partner_id__in=shops) | Q(
        product__children__stockrecords__partner_id__in=shops
    )
    return (
        ProductReview.objects.filter(sold)
        .distinct()
        .select_related("product", "user")
        .order_by("status", "-date_created")
    )


def may_review(user, product):
    return is_verified_buyer(user, product) and not product.reviews.filter(user=user).exists()
