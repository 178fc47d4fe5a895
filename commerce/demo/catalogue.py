"""Seed the catalogue: product classes, categories, products with variants, stock and pictures.

Called by ``services.seed_demo`` inside its transaction. Rows are found by natural key first
(product classes by slug, products by UPC, stock records by partner and SKU), so a second run
creates nothing and keeps whatever a seller has edited since.
"""

import html

from django.core.files.base import ContentFile
from django.utils.text import slugify
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from PIL import ImageDraw

from . import images
from .catalogue_data import (
    CATEGORIES,
    CATEGORY_LOOKS,
    PRODUCT_CLASSES,
    PRODUCTS,
    SHOP_PROFILES,
    SHOPS_BY_CODE,
    SUBCATEGORY_ICONS,
    sku_for,
    upc_for,
)

AttributeOption = get_model("catalogue", "AttributeOption")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")
Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

#: Stock at or below this level shows as "low stock" in the dashboard.
LOW_STOCK_THRESHOLD = 5


def seed_product_classes(report):
    """The five product classes and their attributes; returns them by slug."""
    classes = {}
    for spec in PRODUCT_CLASSES:
        product_class, created = ProductClass.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "requires_shipping": spec.requires_shipping,
                "track_stock": spec.track_stock,
            },
        )
        report.tally("product classes", created)
        for attribute in spec.attributes:
            group = _option_group(attribute) if attribute.options else None
            _, created = ProductAttribute.objects.get_or_create(
                product_class=product_class,
                code=attribute.code,
                defaults={
                    "name": attribute.name,
                    "type": attribute.type,
                    "required": attribute.required,
                    "option_group": group,
                },
            )
            report.tally("product attributes", created)
        classes[spec.slug] = product_class
    return classes


def _option_group(attribute):
    group, _ = AttributeOptionGroup.objects.get_or_create(name=attribute.option_group)
    for option in attribute.options:
        AttributeOption.objects.get_or_create(group=group, option=option)
    return group


def seed_shop_profiles(report, partners, *, with_images=True):
    """Each shop's public profile: only empty fields are filled, so a seller's edits stay."""
    for code, profile in SHOP_PROFILES.items():
        partner = partners.get(code)
        if partner is None:
            continue
        changed = []
        for field in (
            "description",
            "terms_of_sale",
            "refund_policy",
            "contact_email",
            "website_url",
            "instagram_url",
            "facebook_url",
        ):
            if not getattr(partner, field) and getattr(profile, field):
                setattr(partner, field, getattr(profile, field))
                changed.append(field)
        if with_images and not partner.logo:
            logo = _shop_logo(profile.initials, images.PALETTES[profile.palette])
            partner.logo.save(f"{partner.slug}.jpg", ContentFile(logo), save=False)
            changed.append("logo")
        if changed:
            partner.save(update_fields=changed)
        report.tally("shop profiles", bool(changed))


def _shop_logo(initials, palette, size=400):
    """A square logo: the shop's initials on its category's gradient."""
    scaled = size * images.SCALE
    image = images._gradient(scaled, scaled, palette).convert("RGBA")
    draw = ImageDraw.Draw(image)
    draw.text(
        (scaled / 2, scaled / 2),
        initials,
        font=images.font(scaled * 45 // 100),
        fill=palette.ink,
        anchor="mm",
    )
    return images._encode(image, (size, size))


def seed_catalogue(report, partners, classes, *, with_images=True):
    """Shop profiles, categories, then each product with its variants, stock records and picture."""
    seed_shop_profiles(report, partners, with_images=with_images)
    before = Category.objects.count()
    categories = {breadcrumb: create_from_breadcrumbs(breadcrumb) for breadcrumb in CATEGORIES}
    created = Category.objects.count() - before
    nodes = {" > ".join(b.split(" > ")[: depth + 1]) for b in CATEGORIES for depth in range(b.count(">") + 1)}
    report.counts["categories"]["created"] += created
    report.counts["categories"]["existing"] += len(nodes) - created

    for spec in PRODUCTS:
        created_before = report.created_total
        shop = SHOPS_BY_CODE[spec.shop]
        product_class = classes[spec.product_class]
        structure = Product.PARENT if spec.variants else Product.STANDALONE
        product = _product(
            report,
            upc=upc_for(shop, spec.number),
            fields={
                "structure": structure,
                "title": spec.title,
                "slug": slugify(spec.title),
                "description": _paragraphs(spec.description),
                "product_class": product_class,
                "is_discountable": spec.product_class != "coin-pack",
            },
            attributes=_attribute_values(product_class, spec.attributes),
        )
        ProductCategory.objects.get_or_create(product=product, category=categories[spec.category])
        partner = partners[spec.shop]
        if spec.variants:
            for index, variant in enumerate(spec.variants, start=1):
                child = _product(
                    report,
                    upc=upc_for(shop, spec.number, index),
                    fields={"structure": Product.CHILD, "parent": product},
                    attributes={"size": variant.size, "colour": variant.colour},
                    kind="variants",
                )
                _stockrecord(
                    report,
                    partner,
                    child,
                    sku_for(shop, spec.number, index),
                    variant.price or spec.price,
                    variant.stock,
                    product_class,
                )
        else:
            _stockrecord(
                report, partner, product, sku_for(shop, spec.number), spec.price, spec.stock, product_class
            )
        if with_images:
            _product_picture(report, product, spec, product_class)
        if report.created_total != created_before:
            report.changed_product_ids.add(product.pk)


def _product(report, *, upc, fields, attributes, kind="products"):
    product = Product.objects.filter(upc=upc).first()
    report.tally(kind, product is None)
    if product is not None:
        return product
    product = Product(upc=upc, is_public=True, **fields)
    product.save()
    for code, value in attributes.items():
        setattr(product.attr, code, value)
    product.attr.save()
    return product


def _attribute_values(product_class, values):
    """Attribute values ready for ``product.attr``: option attributes need their option rows."""
    resolved = {}
    for code, value in values.items():
        attribute = product_class.attributes.get(code=code)
        if attribute.type == ProductAttribute.OPTION:
            value = attribute.option_group.options.get(option=value)
        resolved[code] = value
    return resolved


def _stockrecord(report, partner, product, sku, price, stock, product_class):
    tracked = product_class.track_stock
    _, created = StockRecord.objects.get_or_create(
        partner=partner,
        partner_sku=sku,
        defaults={
            "product": product,
            "price": price,
            "num_in_stock": stock if tracked else None,
            "low_stock_threshold": LOW_STOCK_THRESHOLD if tracked else None,
        },
    )
    report.tally("stock records", created)


def _paragraphs(text):
    """Blank-line separated text as HTML paragraphs (Oscar renders descriptions as HTML)."""
    return "".join(
        f"<p>{html.escape(paragraph.strip(), quote=False)}</p>" for paragraph in text.split("\n\n")
    )


def _product_picture(report, product, spec, product_class):
    """Draw the product's picture unless it already has one (a seller's upload always wins)."""
    if product.images.exists():
        report.tally("product images", False)
        return
    palette_name, category_icon = CATEGORY_LOOKS[spec.top_category]
    class_icon = next(c.icon for c in PRODUCT_CLASSES if c.slug == spec.product_class)
    physical_icon = SUBCATEGORY_ICONS.get(spec.category, category_icon)
    icon = spec.icon or (physical_icon if product_class.track_stock else class_icon)
    label = spec.category.split(">")[-1].strip()
    picture = images.product_picture(
        spec.title, label=label, icon=icon, palette=images.PALETTES[palette_name]
    )
    ProductImage.objects.create(
        product=product,
        original=ContentFile(picture, name=f"{slugify(spec.title)}.jpg"),
        caption=spec.title,
        display_order=0,
    )
    report.tally("product images", True)
