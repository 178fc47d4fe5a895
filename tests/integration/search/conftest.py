"""Search fixtures: empty indexes per test, so counts and result sets are only this test's documents."""

import pytest

from search.documents import ExpertDocument, ProductDocument


@pytest.fixture
def fresh_indexes(search_index):
    """Both indexes dropped and created again with the current mappings (and there again after the
    test, which may drop them: an index written to while missing would get guessed mappings)."""
    for document in (ProductDocument, ExpertDocument):
        document._index.delete(ignore_unavailable=True)
        document._index.create()
    yield search_index
    for document in (ProductDocument, ExpertDocument):
        if not document._index.exists():
            document._index.create()


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """``with indexed(): …``: what the block saves is indexed when it ends (tasks run in-process)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
