"""CMS tests share a fresh cache: pages, product lists and settings are cached in Redis."""

import pytest
from django.core.cache import cache
from wagtail.models import Site


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    Site.clear_site_root_paths_cache()
    yield
    cache.clear()


@pytest.fixture
def fr_home(home_pages):
    return home_pages["fr"]
