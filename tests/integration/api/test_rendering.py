"""API answers leave their view rendered (``commerce.api.rendering``): same status, body and headers
as DRF's own responses, and under ASGI Django's handler has no deferred rendering left to hop to."""

import pytest
from asgiref.sync import SyncToAsync, async_to_sync
from channels.testing import HttpCommunicator
from django.template.response import SimpleTemplateResponse
from django.test import RequestFactory
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.views import APIView

from commerce.api.rendering import rendered
from commerce.wallet.api import WalletView
from tests.factories import make_user


@pytest.mark.django_db
def test_an_api_answer_is_rendered_by_its_view_with_drfs_status_body_and_headers(token_client):
    # when
    response = token_client.get("/api/wallet/")
    # then: a plain response, already rendered
    assert response.status_code == 200
    assert not isinstance(response, SimpleTemplateResponse)
    assert response.json() == {"coins": 0, "held_coins": 0, "coin_value": "0.500", "currency": "TND"}
    assert response["Content-Type"] == "application/json"
    # DRF's own headers are kept
    assert "Accept" in response["Vary"]
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.django_db
def test_an_answer_that_refuses_without_an_exception_is_rendered_by_its_view(anonymous_client):
    # when: a saved search that does not exist (the view answers a 404 itself)
    anonymous_client.force_authenticate(make_user(email="searcher@example.com"))
    response = anonymous_client.delete("/api/saved-searches/?id=0")
    # then
    assert response.status_code == 404
    assert not isinstance(response, SimpleTemplateResponse)
    assert response["Content-Type"] == "application/json"


@pytest.mark.django_db
def test_the_answer_to_an_exception_keeps_djangos_deferred_rendering_and_its_challenge(anonymous_client):
    # given
    anonymous_client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    # when
    response = anonymous_client.get("/api/wallet/")
    # then: rendered by the handler after the request's transaction, whose rollback DRF has marked
    assert response.status_code == 401
    assert isinstance(response, SimpleTemplateResponse)
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "content_type", "text"),
    [
        ("/api/schema/", "application/vnd.oai.openapi; charset=utf-8", "/api/wallet/"),
        ("/api/docs/", "text/html; charset=utf-8", "swagger"),
    ],
)
def test_the_schema_and_its_html_docs_render_in_the_view_too(anonymous_client, url, content_type, text):
    # when
    response = anonymous_client.get(url)
    # then
    assert response.status_code == 200
    assert not isinstance(response, SimpleTemplateResponse)
    assert response["Content-Type"] == content_type
    assert text in response.content.decode()


@pytest.mark.django_db
def test_the_browsable_api_page_renders_in_the_view(token_client):
    # when: a person's browser asks for the page
    response = token_client.get("/api/wallet/", HTTP_ACCEPT="text/html")
    # then
    assert response.status_code == 200
    assert not isinstance(response, SimpleTemplateResponse)
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "held_coins" in response.content.decode()


class NoContent(APIView):
    authentication_classes = permission_classes = []

    def delete(self, request):
        return Response(status=204)


def test_an_empty_answer_keeps_no_content_type_as_drf_leaves_it():
    # when
    response = rendered(NoContent.as_view())(RequestFactory().delete("/"))
    # then
    assert not isinstance(response, SimpleTemplateResponse)
    assert (response.status_code, response.content) == (204, b"")
    assert "Content-Type" not in response


@pytest.fixture
def thread_hops(monkeypatch):
    """What Django's ASGI handler sends to the request's thread, in order: each function's name,
    or the view's class for a view."""
    hops = []
    call = SyncToAsync.__call__

    async def recording_call(self, *args, **kwargs):
        hops.append(
            getattr(self.func, "view_class", None) or getattr(self.func, "__qualname__", repr(self.func))
        )
        return await call(self, *args, **kwargs)

    monkeypatch.setattr(SyncToAsync, "__call__", recording_call)
    return hops


@pytest.mark.django_db(transaction=True)
def test_under_asgi_an_api_call_has_no_deferred_rendering_left_to_hop_to(thread_hops):
    # given: a token holder calling the API through the site's ASGI application (as production serves it)
    token = Token.objects.create(user=make_user(email="asgi@example.com"))
    headers = [(b"host", b"testserver"), (b"authorization", f"Token {token.key}".encode())]

    async def call():
        from config.asgi import application

        communicator = HttpCommunicator(application, "GET", "/api/wallet/", headers=headers)
        answer = await communicator.get_response(timeout=5)
        await communicator.wait(timeout=5)  # the request finished: its response closed
        return answer

    # when
    answer = async_to_sync(call)()
    # then: the view ran in the request's thread, and nothing of its response was left for the handler
    assert answer["status"] == 200, answer["body"][:200]
    assert b'"held_coins":0' in answer["body"]
    assert WalletView in thread_hops, thread_hops
    names = [hop for hop in thread_hops if isinstance(hop, str)]
    assert not [name for name in names if "render" in name or "process_template_response" in name], names
