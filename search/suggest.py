"""Suggestions while typing: products and experts from the search server's completion fields
(fuzzy: a typo or a missing accent still finds them), categories by the start of their words.

Exact prefixes come first, then fuzzy matches, each by the server's score; one ``_msearch``.
"""

import unicodedata
from dataclasses import dataclass

from django.conf import settings
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl import MultiSearch, Search
from oscar.core.loading import get_model

from commerce.catalogue.selectors import browsable_products
from commerce.experts.models import ExpertProfile

from .documents import ExpertDocument, ProductDocument
from .exceptions import SearchUnavailable

Category = get_model("catalogue", "Category")

#: Shortest text suggestions are looked for with.
MIN_LENGTH = 2


@dataclass
class Suggestion:
    type: str
    label: str
    url: str
    image: str = ""
    score: float = 0.0


def fold(text):
    """Lower case without accents (``Chéchia`` -> ``chechia``), to rank exact prefixes first."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _completion(document, prefix, size):
    return (
        Search(index=document._index._name)
        .suggest(
            "names",
            prefix,
            completion={
                "field": "suggest",
                "size": size,
                "skip_duplicates": True,
                "fuzzy": {"fuzziness": "AUTO"},
            },
        )
        .source(False)[:0]
    )


def suggest(text, *, size=None):
    """Up to ``size`` suggestions for ``text``; ``SearchUnavailable`` when the server is down."""
    text = " ".join(text.split())[:100]
    size = size or settings.SEARCH_SUGGEST_SIZE
    if len(text) < MIN_LENGTH:
        return []
    multi = MultiSearch().add(_completion(ProductDocument, text, size))
    multi = multi.add(_completion(ExpertDocument, text, size))
    try:
        # A query that fails alone (an index not built yet) answers nothing; an unreachable server raises.
        products_response, experts_response = multi.execute(raise_on_error=False)
    except (TransportError, ApiError) as exc:
        raise SearchUnavailable(str(exc)) from exc
    found = [
        *_products(_options(products_response)),
        *_categories(text, size),
        *_experts(_options(experts_response)),
    ]
    folded = fold(text)
    found.sort(key=lambda s: (not fold(s.label).startswith(folded), -s.score))
    return found[:size]


def _options(response):
    if response is None:
        return {}
    return {int(option._id): option._score for option in response.suggest.names[0].options}


def _products(scores):
    products = browsable_products().in_bulk(list(scores))
    suggestions = []
    for pk, score in scores.items():
        if product := products.get(pk):
            image = product.primary_image()
            picture = image.original.url if getattr(image, "original", None) and image.original else ""
            suggestions.append(
                Suggestion("product", product.get_title(), product.get_absolute_url(), picture, score)
            )
    return suggestions


def _categories(text, size):
    categories = Category.objects.filter(is_public=True, name__istartswith=text)[:size]
    return [Suggestion("category", c.name, c.get_absolute_url(), "", 1.0) for c in categories]


def _experts(scores):
    experts = ExpertProfile.objects.listed().in_bulk(list(scores))
    return [
        Suggestion(
            "expert",
            expert.full_name,
            expert.get_absolute_url(),
            expert.photo.url if expert.photo else "",
            score,
        )
        for pk, score in scores.items()
        if (expert := experts.get(pk))
    ]
