"""``/api/search/`` (faceted search over products or experts), ``/api/search/suggest/`` (while
typing) and ``/api/saved-searches/`` (a user's "alert me" searches)."""

from urllib.parse import quote

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from commerce.catalogue.selectors import browsable_products
from commerce.core.sites import absolute_url
from commerce.experts.models import ExpertProfile
from search import faceted, selectors, services, suggest
from search.exceptions import (
    NO_SAVED_SEARCH_MESSAGE,
    UNAVAILABLE_MESSAGE,
    SearchRefused,
    SearchUnavailable,
)

from .schema import VALIDATION_ERROR, ErrorSerializer

PER_PAGE = 24
#: Longest text searched for.
QUERY_MAX_LENGTH = 200
#: What ``reverse`` leaves unquoted in a path.
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="What to pass as the facet's query parameter.")
    label = serializers.CharField(help_text="In the request's language.")
    count = serializers.IntegerField(help_text="Matches with this value, the other facets applied.")


class SearchHitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField(help_text="A product's title or an expert's name.")
    url = serializers.URLField()


class SearchResponseSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    results = SearchHitSerializer(many=True)
    facets = serializers.DictField(
        child=FacetValueSerializer(many=True),
        help_text="Per facet name (the query parameter): its values with their counts.",
    )


class SearchParamsSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=QUERY_MAX_LENGTH)
    type = serializers.ChoiceField(choices=list(faceted.KINDS), default="products")
    sort = serializers.CharField(required=False, help_text="relevancy, price-asc, price-desc, newest…")
    page = serializers.IntegerField(min_value=1, default=1)


def search_params(query_params):
    """``(type, page)`` of a search, as ``SearchParamsSerializer`` reads them (an empty value is an
    absent one); ``ValidationError`` with its errors. The usual request (known type, page in ASCII
    digits, short text) is read directly: a serializer deep-copies its fields on every request
    (0.3 ms of the endpoint's 4 ms of its own). Anything else goes through the serializer, which
    then decides and words the errors."""
    kind = query_params.get("type") or "products"
    page = query_params.get("page") or "1"
    text, sort = query_params.get("q", ""), query_params.get("sort", "")
    usual = (
        kind in faceted.KINDS
        and page.isascii()
        and page.isdigit()
        and len(page) < 10
        and int(page) >= 1
        and len(text) <= QUERY_MAX_LENGTH
        and "\x00" not in text + sort
    )
    if usual:
        return kind, int(page)
    params = SearchParamsSerializer(data=query_params)
    if not params.is_valid():
        raise ValidationError(params.errors)
    return params.validated_data["type"], params.validated_data["page"]


FACET_PARAMETERS = [
    OpenApiParameter(
        name,
        str,
        many=True,
        description=f"Facet filter ({kind}); repeat for several values (OR'ed).",
    )
    for name, kind in [
        ("category", "products: category id, its sub-categories included"),
        ("price", "products: band `20-50`, `200-`"),
        ("seller", "products: seller code"),
        ("product_type", "products: product class slug"),
        ("rating", "products: at least 1-4"),
        ("in_stock", "products: `true`/`false`"),
        ("attr_<code>", "products: an attribute's value, e.g. `attr_colour=rouge`"),
        ("domain", "experts: domain slug"),
        ("language", "experts: spoken language"),
        ("service", "experts: text, video or call"),
        ("text_price", "experts: band of coins"),
        ("video_price", "experts: band of coins"),
        ("call_price", "experts: band of coins per minute"),
        ("verified", "experts: `true`"),
        ("available", "experts: a free call slot `today`, within `3` or `7` days"),
    ]
]


#: Stored fields a hit is answered from, per kind: the document carries them, so a page of hits
#: costs no database query.
HIT_FIELDS = {
    "products": ("slug", "title", *(f"title_{code}" for code, _name in settings.LANGUAGES)),
    "experts": ("slug", "full_name"),
}


#: Stand-ins for a hit's slug and id: its page's address is reversed once per answer with them,
#: then each hit's own put in their place (a reverse per hit was a good part of the answer's cost).
_SLUG, _PK = "hit-slug", 0


def _hit_url_maker(kind):
    """``(pk, slug) -> absolute URL`` of a hit's page, in the active language."""
    if kind == "products":
        path = reverse("catalogue:detail", kwargs={"product_slug": _SLUG, "pk": _PK})
        stand_in, shape = f"{_SLUG}_{_PK}/", "{slug}_{pk}/"
    else:
        path = reverse("experts:profile", kwargs={"slug": _SLUG})
        stand_in, shape = f"{_SLUG}/", "{slug}/"
    head, _sep, tail = path.rpartition(stand_in)
    template = absolute_url(head) + shape + tail
    return lambda pk, slug: template.format(slug=quote(slug, safe=URL_SAFE), pk=pk)


def _hit_from_document(kind, pk, source, language, url):
    label = (
        source.get(f"title_{language}") or source.get("title")
        if kind == "products"
        else source.get("full_name")
    )
    return {"id": pk, "label": label, "url": url(pk, source["slug"])}


def _hits(kind, result):
    """The page's hits from their documents; one indexed before its document carried these
    fields (until the next rebuild) is read from the database."""
    language = get_language()
    url = _hit_url_maker(kind)
    hits = {
        pk: _hit_from_document(kind, pk, source, language, url)
        for pk, source in result.sources.items()
        if source.get("slug")
    }
    missing = [pk for pk in result.ids if pk not in hits]
    if missing:
        if kind == "products":
            objects = browsable_products().in_bulk(missing)
        else:
            objects = ExpertProfile.objects.listed().in_bulk(missing)
        for pk, obj in objects.items():
            label = obj.get_title() if kind == "products" else obj.full_name
            hits[pk] = {"id": pk, "label": label, "url": absolute_url(obj.get_absolute_url())}
    return [hits[pk] for pk in result.ids if pk in hits]


@extend_schema(
    parameters=[SearchParamsSerializer, *FACET_PARAMETERS],
    responses={
        200: SearchResponseSerializer,
        400: OpenApiResponse(VALIDATION_ERROR, "A parameter is invalid."),
        503: OpenApiResponse(ErrorSerializer, "The search server is unavailable."),
    },
)
class SearchView(APIView):
    """Products or experts matching the words and facets, with every facet's counts."""

    permission_classes = [AllowAny]

    def get(self, request):
        kind_name, page = search_params(request.query_params)
        kind = faceted.KINDS[kind_name]()
        facets = kind.facets()
        selection = faceted.parse(kind, request.query_params, facets)
        try:
            result = faceted.run(
                kind,
                selection,
                offset=(page - 1) * PER_PAGE,
                limit=PER_PAGE,
                facets=facets,
                fields=HIT_FIELDS[kind.name],
            )
        except SearchUnavailable:
            return _unavailable()
        return Response(
            {
                "total": result.total,
                "results": _hits(kind.name, result),
                "facets": {
                    counts.name: [
                        {"value": v.value, "label": v.label, "count": v.count} for v in counts.values
                    ]
                    for counts in result.facets
                },
            }
        )


def _unavailable():
    return Response({"detail": str(UNAVAILABLE_MESSAGE)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)


class SuggestionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["product", "category", "expert"])
    label = serializers.CharField()
    url = serializers.URLField()
    image = serializers.CharField(allow_blank=True, help_text="A picture's URL, empty when none.")


@extend_schema(
    parameters=[OpenApiParameter("q", str, required=True, description="What was typed so far.")],
    responses={
        200: SuggestionSerializer(many=True),
        503: OpenApiResponse(ErrorSerializer, "The search server is unavailable."),
    },
)
class SuggestView(APIView):
    """Products, categories and experts for what is being typed (typos and accents tolerated)."""

    permission_classes = [AllowAny]

    def get(self, request):
        try:
            found = suggest.suggest(request.query_params.get("q", ""))
        except SearchUnavailable:
            return _unavailable()
        return Response(
            [
                {
                    "type": s.type,
                    "label": s.label,
                    "url": absolute_url(s.url),
                    "image": absolute_url(s.image) if s.image else "",
                }
                for s in found
            ]
        )


class SavedSearchSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    type = serializers.ChoiceField(source="kind", choices=list(faceted.KINDS))
    query = serializers.CharField(
        source="params",
        max_length=1000,
        help_text="The search's query string, as given to /api/search/ (`q=tajine&price=20-50`).",
    )
    label = serializers.CharField(max_length=200, required=False, allow_blank=True)
    created_at = serializers.DateTimeField(read_only=True)


@extend_schema(parameters=[OpenApiParameter("id", int, description="DELETE: the saved search to delete.")])
class SavedSearchesView(APIView):
    """The user's saved searches: list, save one ("alert me"), delete one (``?id=``)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: SavedSearchSerializer(many=True)})
    def get(self, request):
        return Response(SavedSearchSerializer(selectors.saved_searches(request.user), many=True).data)

    @extend_schema(
        request=SavedSearchSerializer,
        responses={201: SavedSearchSerializer, 400: OpenApiResponse(VALIDATION_ERROR, "Refused.")},
    )
    def post(self, request):
        body = SavedSearchSerializer(data=request.data)
        if not body.is_valid():
            raise ValidationError(body.errors)
        data = body.validated_data
        try:
            saved = services.save_search(
                request.user,
                kind=data["kind"],
                params=QueryDict(data["params"]),
                label=data.get("label", ""),
            )
        except SearchRefused as refusal:
            raise ValidationError({"detail": str(refusal)}) from refusal
        return Response(SavedSearchSerializer(saved).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={204: None, 404: OpenApiResponse(ErrorSerializer, "No such saved search.")})
    def delete(self, request):
        try:
            pk = int(request.query_params.get("id", ""))
        except ValueError:
            pk = 0
        if not services.delete_saved_search(request.user, pk):
            return Response({"detail": str(NO_SAVED_SEARCH_MESSAGE)}, status=status.HTTP_404_NOT_FOUND)
        return Response(status=status.HTTP_204_NO_CONTENT)
