"""The API keeps the promises of its OpenAPI schema under generated input (schemathesis).

Every operation of ``/api/schema/`` is called with requests generated from the schema, once as an
anonymous client and once with a token, on a catalogue, a basket and an order: no answer may be a
server error, and each must have a status and a body the schema documents. The run is bounded
(``MAX_EXAMPLES`` per operation) and seeded, so it is the same on every machine.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.throttling import SimpleRateThrottle
from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance

from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import sellable_variant
from tests.factories.stripe import place_card_order

MAX_EXAMPLES = 6
CONFIG = schemathesis.Config.from_dict(
    {"seed": 20261204, "generation": {"deterministic": True, "database": "none"}}
)


@pytest.fixture
def catalogue(db):
    """What the operations find: products (one with variants), and an order of the token's user."""
    tajine, _record = product_for_sale("Tajine émaillé", "45.000", stock=20)
    sellable_variant("Chéchia", "Chéchia taille M", "25.000")
    return tajine


@pytest.fixture
def token_headers(catalogue, api_user, api_token, stripe_fake):
    """A customer's token, whose account has an order (card, awaiting payment)."""
    place_card_order([(catalogue, 1)], user=api_user)
    return {"Authorization": f"Token {api_token}"}


def in_test_transaction(application):
    """The site's WSGI application called inside the test's transaction, as Django's test client
    does: Django closes the database connection after each request, which would end the test's
    transaction (and the data the calls are to find). Answers come uncompressed: schemathesis reads
    a WSGI body as it is, and compression has its own tests."""

    def call(environ, start_response):
        environ.pop("HTTP_ACCEPT_ENCODING", None)
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = application(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                response.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return [body]

    return call


def served_schema():
    """The document ``/api/schema/`` serves, made by the same generator at collection time (the
    operations become one test each)."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


schema = schemathesis.openapi.from_dict(served_schema(), config=CONFIG)
schema.app = in_test_transaction(get_wsgi_application())


@pytest.fixture(autouse=True)
def unthrottled(monkeypatch):
    """429 is documented, but the run is meant to reach the views."""
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "100000/min", "user": "100000/min"})


FUZZ = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


@schema.parametrize()
@FUZZ
def test_anonymous_calls_keep_to_the_schema(case, catalogue):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@FUZZ
def test_calls_with_a_token_keep_to_the_schema(case, token_headers):
    case.call_and_validate(headers=token_headers, checks=CHECKS)
