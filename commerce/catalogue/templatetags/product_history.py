from django import template

from commerce.catalogue import recently_viewed as history

register = template.Library()


@register.simple_tag(takes_context=True)
def recently_viewed(context, product=None):
    """This visitor's recently viewed products (not ``product``), as a section of cards."""
    return history.render(context["request"], product.pk if product else None)
