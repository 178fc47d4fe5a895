"""Products reach the search page through a real Celery worker and osmem-server; search can go down."""

import time

import pytest
from django.conf import settings
from django.utils import translation
from elasticsearch.dsl.connections import connections
from osmem_server import OsmemServer

from search.documents import ProductDocument
from tests.factories.catalogue import product_for_sale


def search_titles(client, query, language="fr"):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    result = response.context["result"]
    return [product.title for product in result.products] if result else []


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_saved_product_is_indexed_by_the_worker_and_found_by_the_search_page(
    client, search_index, async_tasks
):
    # when: a seller's product is saved (the index update leaves after commit, through Redis)
    product, _ = product_for_sale(title="Chechia rouge de Tunis", price="35.00")
    # then: the worker indexes it and the search page finds it
    deadline = time.monotonic() + 30
    while "Chechia rouge de Tunis" not in search_titles(client, "chechia"):
        assert time.monotonic() < deadline, "the product never reached the search page"
        time.sleep(0.2)
    document = ProductDocument.get(id=product.pk)
    assert document.price == 35.0
    assert document.sellers == ["Dar Fakhar"]


@pytest.mark.django_db
def test_search_tolerates_typos_and_hides_products_no_longer_public(
    client, search_index, django_capture_on_commit_callbacks
):
    # given (tasks run in-process here, when the test's transaction would commit)
    with django_capture_on_commit_callbacks(execute=True):
        kept, _ = product_for_sale(title="Panier Zouhourine tressé")
        hidden, _ = product_for_sale(title="Panier Zouhourine brodé")
    with django_capture_on_commit_callbacks(execute=True):
        hidden.is_public = False
        hidden.save()
    # when
    titles = search_titles(client, "zouhourin")
    # then
    assert kept.title in titles
    assert hidden.title not in titles


@pytest.fixture
def own_search_server():
    """A search server this test may stop; the default connection points at it meanwhile."""
    server = OsmemServer.start(japanese=False)
    config = settings.ELASTICSEARCH_DSL["default"]
    connections.create_connection("default", **{**config, "hosts": server.url})
    try:
        yield server
    finally:
        server.close()
        connections.create_connection("default", **config)


@pytest.mark.django_db
def test_with_the_search_server_stopped_pages_still_answer(
    client, own_search_server, django_capture_on_commit_callbacks
):
    # given: a product indexed while search was up
    ProductDocument._index.create()
    with django_capture_on_commit_callbacks(execute=True):
        product, _ = product_for_sale(title="Lampe en cuivre ciselé")
    assert search_titles(client, "cuivre") == [product.title]
    # when: the search server stops
    own_search_server.close()
    # then: the product page still answers, saving a product still works, and search says it is down
    with translation.override("en"):
        assert client.get(product.get_absolute_url()).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Lampe en cuivre martelé"
        product.save()
    response = client.get("/en/search/", {"q": "cuivre"})
    assert response.status_code == 200
    assert response.context["unavailable"] is True
    assert "Search is unavailable" in response.content.decode()
    health = client.get("/health/").json()
    assert health["status"] == "degraded"
    assert health["checks"]["search"]["ok"] is False


@pytest.mark.django_db
def test_search_finds_products_by_keyword_and_by_their_arabic_title(
    client, search_index, django_capture_on_commit_callbacks
):
    # given: a product with an Arabic title and keywords
    with django_capture_on_commit_callbacks(execute=True):
        product, _ = product_for_sale(title="Harissa du Cap Bon")
        product.title_ar = "هريسة الوطن القبلي"
        product.tags.add("piment", "épicerie")
        product.save()
    # when / then
    assert search_titles(client, "piment") == ["Harissa du Cap Bon"]
    assert search_titles(client, "هريسة", language="ar") == ["هريسة الوطن القبلي"]


def found(client, query, language):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return {product.pk for product in response.context["result"].products}


@pytest.mark.django_db
def test_each_language_is_searched_with_its_own_analyzer(
    client, search_index, django_capture_on_commit_callbacks
):
    # given: products written in French, English and Arabic
    titles = {
        "guide": ("Guide Django pour débutants", "Django guide for beginners", "دليل Django للمبتدئين"),
        "plates": ("Assiettes peintes main", "Hand-painted plates", "أطباق مرسومة باليد"),
        "earbuds": ("Écouteurs sans fil", "Wireless earbuds", "سماعات أذن لاسلكية"),
    }
    products = {}
    with django_capture_on_commit_callbacks(execute=True):
        for key, (french, english, arabic) in titles.items():
            products[key] = product_for_sale(title=french)[0]
            products[key].title_en, products[key].title_ar = english, arabic
            products[key].save()
    # when / then: words find their titles through each language's stemming, and nothing else
    assert found(client, "المبتدئ", "ar") == {products["guide"].pk}
    assert found(client, "والسماعات", "ar") == {products["earbuds"].pk}
    assert found(client, "painting", "en") == {products["plates"].pk}
    assert found(client, "peinte", "fr") == {products["plates"].pk}
