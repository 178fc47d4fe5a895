"""HTML that sellers write (product and shop descriptions), made safe to show.

Sellers type descriptions in the dashboard's rich-text editor, so they are stored as HTML and shown
unescaped; whatever they contain (pasted markup, ``<script>``, ``onclick=``, ``javascript:`` links)
is cleaned where it is shown, so texts stored before and texts written by any other path (API,
import, admin) are covered alike. nh3 keeps formatting tags and drops the rest, scripts with their
content.
"""

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe


def clean_seller_html(value):
    """The seller's HTML without anything that runs or loads: safe to insert unescaped."""
    return mark_safe(nh3.clean(str(value or "")))  # noqa: S308 (cleaned by nh3 just before)


def seller_text(value):
    """The seller's HTML as plain text (meta descriptions): no tags, and no script's content."""
    return strip_tags(nh3.clean(str(value or "")))
