"""A zero-downtime rebuild: ``search_index --rebuild --use-alias`` fills a new index, then swaps
the alias the site queries to it in one step, and drops the old index (checked on osmem-server)."""

import pytest
from django.core.management import call_command
from django.http import QueryDict
from elasticsearch.dsl.connections import connections

from search import faceted
from search.documents import ExpertDocument, ProductDocument
from tests.factories.catalogue import product_for_sale


def rebuild():
    """The deploy's command; it renames the registry's index objects in its process, so put the
    names back for the rest of this one (a deploy runs it in a process of its own)."""
    name = ProductDocument._index._name
    try:
        call_command("search_index", "--rebuild", "--use-alias", "-f", "--models", "catalogue.Product")
    finally:
        ProductDocument._index._name = name


def indices_behind(alias):
    return set(connections.get_connection().indices.get_alias(name=alias))


@pytest.fixture
def aliased_indexes(fresh_indexes):
    """No plain index under the documents' names (the rebuild makes them aliases); plain again after."""
    for document in (ProductDocument, ExpertDocument):
        document._index.delete(ignore_unavailable=True)
    yield
    client = connections.get_connection()
    for document in (ProductDocument, ExpertDocument):
        name = document._index._name
        if client.indices.exists_alias(name=name):
            for index in indices_behind(name):
                client.indices.delete(index=index)
        document._index.create()


@pytest.mark.django_db
def test_a_rebuild_swaps_the_alias_to_a_new_full_index(aliased_indexes):
    product_for_sale(title="Chéchia rouge de Tunis")
    name = ProductDocument._index._name
    rebuild()
    first = indices_behind(name)
    assert len(first) == 1 and name not in first
    kind = faceted.products()
    assert faceted.run(kind, faceted.parse(kind, QueryDict("q=chechia"))).total == 1
    # when: rebuilt again (a new mapping, say)
    product_for_sale(title="Chéchia noire")
    rebuild()
    # then: the alias points at a new index holding both, the old one is gone
    second = indices_behind(name)
    assert len(second) == 1 and second != first
    assert not connections.get_connection().indices.exists(index=next(iter(first)))
    assert faceted.run(kind, faceted.parse(kind, QueryDict("q=chechia"))).total == 2
