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


#: The configured public origin: absolute links use it whichever host a request named.
PUBLIC_ORIGIN = "https://souk.example"


@pytest.fixture(autouse=True)
def public_origin(settings):
    settings.SITE_URL = PUBLIC_ORIGIN
    return PUBLIC_ORIGIN


@pytest.fixture
def fr_home(home_pages):
    return home_pages["fr"]
