"""Digital products: a buyer, a seller's digital product with a real PDF, a paid order of it."""

import pytest

from tests.factories import make_user
from tests.factories.digital import digital_product
from tests.factories.stripe import pay, place_card_order


@pytest.fixture
def buyer(db):
    return make_user("buyer@example.com", first_name="Amira", last_name="Ben Salah")


@pytest.fixture
def ebook(db):
    return digital_product(download_limit=5, watermark="every_page")


@pytest.fixture
def paid_ebook(client, stripe_fake, buyer, ebook):
    """The buyer's paid card order of the e-book (through Stripe's webhook)."""
    return pay(place_card_order([(ebook, 1)], user=buyer), client, stripe_fake)


@pytest.fixture(scope="session")
def clamd_url(tmp_path_factory):
    """clamd with the project's test signatures, started once for the tests that scan."""
    from scripts.services import start_clamd

    service = start_clamd(tmp_path_factory.mktemp("clamd"))
    yield service.url
    service.stop()


@pytest.fixture
def scanning(settings, clamd_url):
    settings.DIGITAL_CLAMD_URL = clamd_url
    settings.DIGITAL_ALLOW_UNSCANNED = False
