"""Seed the catalogue: product classes, categories, products with variants, stock and pictures.

Called by ``services.seed_demo`` inside its transaction. Rows are found by natural key first
(product classes by slug, products by UPC, stock records by partner and SKU), so a second run
creates nothing and keeps whatever a seller has edited since.
"""

import html

from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils.text import slugify
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from PIL import ImageDraw

from . import images
from .catalogue_data import (
    CATEGORIES,
    CATEGORY_LOOKS,
    CATEGORY_NAMES,
    PRODUCT_CLASSES,
    PRODUCTS,
    SHOP_PROFILES,
    SHOPS_BY_CODE,
    SUBCATEGORY_ICONS,
    Texts,
    option_code,
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
                **spec.name.columns("name"),
                "requires_shipping": spec.requires_shipping,
                "track_stock": spec.track_stock,
            },
        )
        report.tally("product classes", created)
        _fill_translations(report, product_class, name=spec.name)
        for attribute in spec.attributes:
            group = _option_group(report, attribute) if attribute.options else None
            product_attribute, created = ProductAttribute.objects.get_or_create(
                product_class=product_class,
                code=attribute.code,
                defaults={
                    **attribute.name.columns("name"),
                    "type": attribute.type,
                    "required": attribute.required,
                    "option_group": group,
                },
            )
            report.tally("product attributes", created)
            _fill_translations(report, product_attribute, name=attribute.name)
        classes[spec.slug] = product_class
    return classes


def _option_group(report, attribute):
    group, _ = AttributeOptionGroup.objects.get_or_create(name=attribute.option_group)
    for spec in attribute.options:
        # An earlier seed wrote options without a code (the billing intervals in English): adopt them.
        legacy = Q(code=None, option_fr__in=(spec.text.fr, spec.text.en))
        option = group.options.filter(Q(code=spec.code) | legacy).first()
        if option is None:
            option = AttributeOption.objects.create(
                group=group, code=spec.code, **spec.text.columns("option")
            )
        elif option.code != spec.code:
            option.code = spec.code
            option.save(update_fields=["code"])
        _fill_translations(report, option, option=spec.text)
    return group


def _fill_translations(report, obj, **texts):
    """Write the demo text into each translated column that is still empty, and save those columns.

    Columns that hold a text are never overwritten (a seller or editor may have changed them), so
    running the seed again over an older demo database only adds the missing languages.
    """
    changed = []
    for field_name, text in texts.items():
        for column, value in text.columns(field_name).items():
            if not getattr(obj, column):
                setattr(obj, column, value)
                changed.append(column)
    if changed:
        obj.save(update_fields=changed)
    report.tally("translated rows", bool(changed))
    return bool(changed)


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
    for category in {node for leaf in categories.values() for node in leaf.get_ancestors_and_self()}:
        _fill_translations(report, category, name=CATEGORY_NAMES[category.name_fr])

    for spec in PRODUCTS:
        created_before = report.created_total
        shop = SHOPS_BY_CODE[spec.shop]
        product_class = classes[spec.product_class]
        structure = Product.PARENT if spec.variants else Product.STANDALONE
        description = Texts(*map(_paragraphs, spec.description.by_language().values()))
        partner = partners[spec.shop]
        product = _product(
            report,
            upc=upc_for(shop, spec.number),
            fields={
                "structure": structure,
                **spec.title.columns("title"),
                **description.columns("description"),
                "slug": slugify(spec.title.fr),
                "product_class": product_class,
                "partner": partner,
                "is_discountable": spec.product_class != "coin-pack",
            },
            attributes=_attribute_values(product_class, spec.attributes),
        )
        translated = _fill_translations(report, product, title=spec.title, description=description)
        ProductCategory.objects.get_or_create(product=product, category=categories[spec.category])
        if spec.variants:
            for index, variant in enumerate(spec.variants, start=1):
                child = _product(
                    report,
                    upc=upc_for(shop, spec.number, index),
                    fields={"structure": Product.CHILD, "parent": product},
                    attributes=_attribute_values(
                        product_class,
                        variant.attributes
                        or {
                            "size": option_code("size", variant.size),
                            "colour": option_code("colour", variant.colour),
                        },
                    ),
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
        if translated or report.created_total != created_before:
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
    """Attribute values ready for ``product.attr``: an option attribute's value names its option's code."""
    resolved = {}
    for code, value in values.items():
        attribute = product_class.attributes.get(code=code)
        if attribute.type == ProductAttribute.OPTION:
            value = attribute.option_group.options.get(code=value)
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
    """Draw the product's picture unless it already has one (a seller's upload always wins).

    The caption is the picture's alternative text, so it carries the title in every language.
    """
    existing = product.images.filter(caption_fr=spec.title.fr).first()
    if existing is not None:
        _fill_translations(report, existing, caption=spec.title)
    if product.images.exists():
        report.tally("product images", False)
        return
    palette_name, category_icon = CATEGORY_LOOKS[spec.top_category]
    class_icon = next(c.icon for c in PRODUCT_CLASSES if c.slug == spec.product_class)
    physical_icon = SUBCATEGORY_ICONS.get(spec.category, category_icon)
    icon = spec.icon or (physical_icon if product_class.track_stock else class_icon)
    label = spec.category.split(">")[-1].strip()
    picture = images.product_picture(
        spec.title.fr, label=label, icon=icon, palette=images.PALETTES[palette_name]
    )
    ProductImage.objects.create(
        product=product,
        original=ContentFile(picture, name=f"{slugify(spec.title.fr)}.jpg"),
        display_order=0,
        **spec.title.columns("caption"),
    )
    report.tally("product images", True)
