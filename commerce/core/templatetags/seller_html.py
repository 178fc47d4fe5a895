"""``{{ text|seller_html }}``: HTML written by sellers (product descriptions), made safe to show.

Sellers type descriptions in the dashboard's rich-text editor, so they are stored as HTML and shown
unescaped; whatever they contain (pasted markup, ``<script>``, ``onclick=``, ``javascript:`` links)
is cleaned here, where it is rendered, so texts stored before this and texts written by any other
path (API, import, admin) are covered alike. nh3 keeps formatting tags and drops the rest.
"""

import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def seller_html(value):
    return mark_safe(nh3.clean(str(value or "")))  # noqa: S308 (cleaned by nh3 just before)
