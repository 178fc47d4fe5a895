"""Search server stopped: the catalogue and the directory still filter from the database (200),
facet counts are hidden with a note, the search page and the API say search is unavailable."""

import pytest
from django.conf import settings
from elasticsearch.dsl.connections import connections

from tests.factories.catalogue import product_for_sale
from tests.factories.experts import make_expert


@pytest.fixture
def search_down():
    """The default connection points at a closed port meanwhile."""
    config = settings.ELASTICSEARCH_DSL["default"]
    connections.create_connection("default", **{**config, "hosts": "http://127.0.0.1:9"})
    try:
        yield
    finally:
        connections.create_connection("default", **config)


def product_titles(response):
    return {product.title for product in response.context["products"]}


@pytest.mark.django_db
def test_with_search_down_the_catalogue_filters_and_sorts_from_the_database(client, search_down):
    product_for_sale(title="Tajine vernissé", price="15.000", shop="Dar Fakhar")
    product_for_sale(title="Plat à couscous", price="35.000", shop="Dar Fakhar", stock=0)
    product_for_sale(title="Coussin brodé", price="45.000", shop="Dar Nabeul")
    response = client.get("/fr/catalogue/", {"seller": "dar-fakhar", "sort_by": "price-desc"})
    assert response.status_code == 200
    assert [p.title for p in response.context["products"]] == ["Plat à couscous", "Tajine vernissé"]
    assert response.context["facets_unavailable"] is True
    page = response.content.decode()
    assert "Les nombres de résultats des filtres sont indisponibles" in page
    # the active filter is still shown and removable
    assert [chip.remove_url for chip in response.context["chips"]] == ["/fr/catalogue/?sort_by=price-desc"]
    in_stock = client.get("/fr/catalogue/", {"in_stock": "true", "price": "20-50"})
    assert product_titles(in_stock) == {"Coussin brodé"}


@pytest.mark.django_db
def test_with_search_down_the_directory_filters_and_the_api_says_unavailable(client, search_down):
    make_expert("amel@example.com", "Amel Ben Salah", languages=["fr"])
    make_expert("karim@example.com", "Karim Jaziri", languages=["ar"])
    response = client.get("/fr/experts/", {"language": "ar"})
    assert response.status_code == 200
    assert [expert.full_name for expert in response.context["experts"]] == ["Karim Jaziri"]
    api = client.get("/api/search/", {"q": "tajine"})
    assert api.status_code == 503
    search_page = client.get("/en/search/", {"q": "tajine"})
    assert search_page.status_code == 200
    assert "Search is unavailable" in search_page.content.decode()
