"""Search fixtures: empty indexes per test, so counts and result sets are only this test's documents."""

import pytest

from search.documents import ExpertDocument, ProductDocument


@pytest.fixture
def fresh_indexes(search_index):
    """Both indexes dropped and created again with the current mappings."""
    for document in (ProductDocument, ExpertDocument):
        document._index.delete(ignore_unavailable=True)
        document._index.create()
    return search_index


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """``with indexed(): …``: what the block saves is indexed when it ends (tasks run in-process)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
