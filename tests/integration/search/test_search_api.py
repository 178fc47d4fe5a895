"""/api/search/, /api/search/suggest/ and /api/saved-searches/: result sets and counts asserted."""

import pytest
from django.utils import translation

from commerce.core.sites import absolute_url
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.experts import make_expert


@pytest.fixture
def goods(fresh_indexes, indexed):
    with indexed():
        products = {
            title: product_for_sale(title=title, price=price, shop=shop)[0]
            for title, price, shop in [
                ("Chéchia rouge de Tunis", "35.000", "Dar Fakhar"),
                ("Chéchia noire", "60.000", "Dar Nabeul"),
                ("Assiettes peintes", "45.000", "Dar Fakhar"),
            ]
        }
        for product, arabic in [(products["Assiettes peintes"], "أطباق مرسومة باليد")]:
            product.title_ar = arabic
            product.save()
    return products


@pytest.mark.django_db
def test_the_search_api_returns_hits_total_and_facets(anonymous_client, goods):
    params = {"q": "chechia", "type": "products", "seller": "dar-fakhar"}
    response = anonymous_client.get("/api/search/", params)
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1
    assert [hit["label"] for hit in body["results"]] == ["Chéchia rouge de Tunis"]
    sellers = {value["value"]: value["count"] for value in body["facets"]["seller"]}
    assert sellers == {"dar-fakhar": 1, "dar-nabeul": 1}  # the seller facet ignores its own filter
    prices = {value["value"]: value["count"] for value in body["facets"]["price"] if value["count"]}
    assert prices == {"20-50": 1}
    assert set(body["facets"]["price"][0]) == {"value", "label", "count"}


@pytest.mark.django_db
def test_the_search_api_sorts_by_price(anonymous_client, goods):
    body = anonymous_client.get("/api/search/", {"q": "chechia", "sort": "price-desc"}).json()
    assert [hit["label"] for hit in body["results"]] == ["Chéchia noire", "Chéchia rouge de Tunis"]


@pytest.mark.django_db
def test_the_search_api_refuses_an_unknown_type(anonymous_client, goods):
    response = anonymous_client.get("/api/search/", {"type": "planets"})
    assert response.status_code == 400
    assert "type" in response.json()


@pytest.mark.django_db
def test_suggestions_tolerate_typos_and_accents_and_rank_exact_prefixes_first(anonymous_client, goods):
    def labels(text):
        response = anonymous_client.get("/api/search/suggest/", {"q": text})
        assert response.status_code == 200
        return [(item["type"], item["label"]) for item in response.json()]

    # accents: "chech" finds "Chéchia"; typo: "chehcia"-like "chechya" too
    assert set(labels("chech")) == {("product", "Chéchia noire"), ("product", "Chéchia rouge de Tunis")}
    assert {label for _type, label in labels("chechya")} >= {"Chéchia noire", "Chéchia rouge de Tunis"}
    # Arabic: the start of an Arabic title
    assert labels("أطباق") == [("product", "Assiettes peintes")]
    assert labels("zzzz") == []
    # every item has the contract's fields
    item = anonymous_client.get("/api/search/suggest/", {"q": "assiet"}).json()[0]
    assert {"type", "label", "url"} <= set(item)
    assert item["url"].endswith(goods["Assiettes peintes"].get_absolute_url())


@pytest.mark.django_db
def test_suggestions_include_experts_and_categories(anonymous_client, fresh_indexes, indexed):
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    create_from_breadcrumbs("Nourriture")
    with indexed():
        make_expert("nour@example.com", "Nour Haddad")
        product_for_sale(title="Nougat de Tozeur")
    items = anonymous_client.get("/api/search/suggest/", {"q": "nou"}).json()
    assert {(item["type"], item["label"]) for item in items} == {
        ("expert", "Nour Haddad"),
        ("category", "Nourriture"),
        ("product", "Nougat de Tozeur"),
    }
    # a typo in the name still finds the expert
    typo = anonymous_client.get("/api/search/suggest/", {"q": "nuor hadd"}).json()
    assert ("expert", "Nour Haddad") in {(item["type"], item["label"]) for item in typo}


@pytest.mark.django_db
def test_saved_searches_api_lists_saves_and_deletes(client, goods):
    user = make_user(email="amira@example.com")
    client.force_login(user)
    created = client.post(
        "/api/saved-searches/",
        {"type": "products", "query": "q=chechia&seller=dar-fakhar", "label": "Chéchias"},
        content_type="application/json",
    )
    assert created.status_code == 201
    body = created.json()
    assert body["query"] == "q=chechia&seller=dar-fakhar" and body["type"] == "products"
    again = client.post(
        "/api/saved-searches/",
        {"type": "products", "query": "seller=dar-fakhar&q=chechia"},
        content_type="application/json",
    )
    assert again.json()["id"] == body["id"]  # the same search in another order is the same search
    assert [s["id"] for s in client.get("/api/saved-searches/").json()] == [body["id"]]
    empty = client.post(
        "/api/saved-searches/", {"type": "products", "query": "page=2"}, content_type="application/json"
    )
    assert empty.status_code == 400
    assert client.delete(f"/api/saved-searches/?id={body['id']}").status_code == 204
    assert client.delete(f"/api/saved-searches/?id={body['id']}").status_code == 404
    assert client.get("/api/saved-searches/").json() == []


@pytest.mark.django_db
def test_saved_searches_need_an_account(anonymous_client):
    assert anonymous_client.get("/api/saved-searches/").status_code in (401, 403)


@pytest.mark.django_db
def test_before_the_indexes_are_built_search_and_suggestions_find_nothing(anonymous_client, fresh_indexes):
    from search.documents import ExpertDocument, ProductDocument

    ProductDocument._index.delete()
    ExpertDocument._index.delete()
    response = anonymous_client.get("/api/search/", {"q": "tajine"})
    assert response.status_code == 200
    assert response.json() == {"total": 0, "results": [], "facets": {}}
    suggestions = anonymous_client.get("/api/search/suggest/", {"q": "taj"})
    assert suggestions.status_code == 200
    assert suggestions.json() == []


@pytest.mark.django_db
def test_search_hits_come_from_their_documents_in_the_visitors_language(anonymous_client, goods):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    anonymous_client.get("/api/search/", {"q": "chechia"}, HTTP_ACCEPT_LANGUAGE="ar")  # facet labels cached
    with CaptureQueriesContext(connection) as queries:
        body = anonymous_client.get("/api/search/", {"q": "أطباق"}, HTTP_ACCEPT_LANGUAGE="ar").json()
    plates = goods["Assiettes peintes"]
    with translation.override("ar"):
        url = absolute_url(plates.get_absolute_url())
    assert body["results"] == [{"id": plates.pk, "label": "أطباق مرسومة باليد", "url": url}]
    assert not [query for query in queries if 'FROM "catalogue_product"' in query["sql"]]
