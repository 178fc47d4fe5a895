"""``{{ text|seller_html }}``: HTML written by sellers, cleaned where it is shown (commerce/core/html.py)."""

from django import template

from commerce.core.html import clean_seller_html

register = template.Library()

register.filter("seller_html", clean_seller_html)
