"""An update that reaches a missing index creates it with the document's mapping: had the search
server guessed it (keyword fields as text), every faceted query on that index would be refused."""

import pytest
from rest_framework.test import APIClient

from search.documents import ProductDocument
from tests.factories.catalogue import product_for_sale


@pytest.mark.django_db
def test_indexing_into_a_missing_index_creates_it_mapped_and_facets_answer(fresh_indexes, indexed):
    # given: the products index is gone (a first deploy before its rebuild, a dropped index)
    ProductDocument._index.delete(ignore_unavailable=True)

    # when: a product is saved and indexed
    with indexed():
        product_for_sale("Tajine émaillé", "45.000", stock=20)

    # then: the index has the document's mapping, and a faceted search answers
    mapping = ProductDocument._index.get_mapping()
    properties = next(iter(mapping.values()))["mappings"]["properties"]
    assert properties["product_class"]["type"] == "keyword"
    response = APIClient().get("/api/search/?q=tajine&type=products&product_type=physical")
    assert response.status_code == 200
