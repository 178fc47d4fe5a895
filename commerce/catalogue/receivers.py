"""Catalogue changes tell the page cache what they made stale (``commerce.core.pagecache``).

A product, one of its stock records or images: that product's pages and cards (and its parent's,
which show the variants' prices and stock). A shop: the pages and cards of what it sells (they
name it). A product saved or deleted, or put in or out of a
category: the lists' product counts. Categories, product classes, attributes and options:
every page's navigation, breadcrumbs and labels.
"""

from django.db.models.signals import post_delete, post_save
from oscar.core.loading import get_model

from commerce.core import pagecache


def _product_and_parent(instance):
    """The ids of ``instance.product`` and its parent; the product is read only if not loaded yet
    (the stock service loads it with the locked stock record)."""
    if type(instance).product.is_cached(instance):
        return [instance.product_id, instance.product.parent_id]
    Product = get_model("catalogue", "Product")
    parent_id = Product.objects.filter(pk=instance.product_id).values_list("parent_id", flat=True).first()
    return [instance.product_id, parent_id]


def stock_record_changed(sender, instance, **kwargs):
    """Unless only the level changed and shoppers are told the same (a sale that leaves plenty:
    ``commerce.partner.availability``)."""
    if not getattr(instance, "availability_unchanged", False):
        pagecache.invalidate_products(_product_and_parent(instance))


def product_changed(sender, instance, **kwargs):
    pagecache.invalidate(pagecache.LISTING_TAG, *pagecache.product_tags([instance.pk, instance.parent_id]))


def product_category_changed(sender, instance, **kwargs):
    pagecache.invalidate(pagecache.LISTING_TAG)


def product_image_changed(sender, instance, **kwargs):
    pagecache.invalidate_products(_product_and_parent(instance))


def shop_changed(sender, instance, **kwargs):
    """A shop renamed (or its page moved): the pages and cards of what it sells name it."""
    StockRecord = get_model("partner", "StockRecord")
    rows = StockRecord.objects.filter(partner_id=instance.pk).values_list("product_id", "product__parent_id")
    pagecache.invalidate_products([pk for row in rows for pk in row])


def catalogue_structure_changed(sender, **kwargs):
    pagecache.invalidate(pagecache.CATALOGUE_TAG)


RECEIVERS = (
    ("partner.StockRecord", stock_record_changed),
    ("partner.Partner", shop_changed),
    ("catalogue.Product", product_changed),
    ("catalogue.ProductImage", product_image_changed),
    ("catalogue.ProductCategory", product_category_changed),
    ("catalogue.Category", catalogue_structure_changed),
    ("catalogue.ProductClass", catalogue_structure_changed),
    ("catalogue.ProductAttribute", catalogue_structure_changed),
    ("catalogue.AttributeOption", catalogue_structure_changed),
    ("catalogue.Option", catalogue_structure_changed),
)


def connect():
    for label, receiver in RECEIVERS:
        model = get_model(*label.split("."))
        post_save.connect(receiver, sender=model, dispatch_uid=f"pagecache-save-{label}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"pagecache-delete-{label}")
