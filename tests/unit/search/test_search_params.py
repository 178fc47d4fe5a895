"""The search endpoint's parameters read directly answer what its serializer answers."""

from urllib.parse import urlencode

from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.exceptions import ValidationError

from commerce.api.search import SearchParamsSerializer, search_params

ABSENT = None


def parameter(*values):
    return st.sampled_from([ABSENT, "", *values])


@given(
    kind=parameter("products", "experts", "services", "Products"),
    page=parameter("1", "2", "0", "-1", " 3", "4 ", "٣", "²", "1.0", "0012", "9" * 12, "x"),
    text=parameter("tajine", " kilim ", "a" * 200, "a" * 201, " " + "a" * 200, "nul\x00"),
    sort=parameter("price-asc", "nope", "\x00"),
)
def test_read_directly_or_not_a_search_gets_the_serializers_answer(kind, page, text, sort):
    pairs = {"type": kind, "page": page, "q": text, "sort": sort}
    params = QueryDict(urlencode({name: value for name, value in pairs.items() if value is not ABSENT}))
    serializer = SearchParamsSerializer(data=params)
    if serializer.is_valid():
        expected = (serializer.validated_data["type"], serializer.validated_data["page"])
        assert search_params(params) == expected
    else:
        try:
            search_params(params)
        except ValidationError as refusal:
            assert refusal.detail == serializer.errors
        else:
            raise AssertionError(f"{params!r} accepted, the serializer refuses it: {serializer.errors}")
