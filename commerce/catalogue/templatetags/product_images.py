"""``{% product_picture %}``: a product image as WebP in several widths, with a JPEG for old browsers.

A phone gets a thumbnail its screen needs (``sizes`` says how wide the image is drawn), a wide
screen a sharper one, and every browser that reads WebP (all current ones) a file about a third the
size of the JPEG. Thumbnails are made by Oscar's thumbnailer (sorl), once per source and options.
"""

import logging

from django import template
from django.conf import settings
from oscar.core.thumbnails import get_thumbnailer

register = template.Library()
logger = logging.getLogger("oscar.thumbnail")

#: Widths offered, as multiples of the nominal size: half for small phones, double for dense screens.
SCALES = (0.5, 1, 2)


def _thumbnail(source, width, height, crop, image_format):
    options = {"size": f"{width}x{height}", "upscale": False, "format": image_format}
    if crop:
        options["crop"] = crop
    return get_thumbnailer().generate_thumbnail(source, **options)


@register.inclusion_tag("catalogue/partials/product_picture.html")
def product_picture(source, size, alt="", sizes="100vw", crop="", eager=False, css_class=""):
    """``size`` is the nominal "WxH" the layout shows; the image keeps that aspect ratio."""
    width, height = (int(part) for part in size.split("x"))
    try:
        fallback = _thumbnail(source, width, height, crop, "JPEG")
        candidates = {}
        for scale in SCALES:
            thumb = _thumbnail(source, round(width * scale), round(height * scale), crop, "WEBP")
            candidates.setdefault(thumb.width, thumb.url)
    except Exception:
        # As Oscar's own thumbnail tag: a broken upload must not take the page down.
        if settings.OSCAR_THUMBNAIL_DEBUG:
            raise
        logger.exception("no thumbnail for %s", source)
        return {"fallback": None}
    return {
        "fallback": fallback,
        "srcset": ", ".join(f"{url} {w}w" for w, url in sorted(candidates.items())),
        "sizes": sizes,
        "alt": alt,
        "eager": eager,
        "css_class": css_class,
    }
