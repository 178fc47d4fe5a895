"""Help-centre search reads French: plurals find singulars and accents do not matter."""

import pytest

from cms_pages.help import selectors
from cms_pages.help.models import HelpArticlePage
from tests.factories.pages import add_page, build_help_centre


@pytest.fixture
def help_centre(fr_home):
    centre, category, delays = build_help_centre(fr_home)
    tracking = add_page(
        category,
        HelpArticlePage,
        title="Suivre ma commande",
        slug="suivi",
        summary="Le numéro de suivi arrive par email dès l'expédition.",
    )
    return centre, delays, tracking


def found(centre, query):
    return {page.pk for page in selectors.search_articles(centre, query)}


@pytest.mark.django_db
def test_a_plural_finds_what_the_singular_finds(help_centre):
    centre, _delays, tracking = help_centre
    assert tracking.pk in found(centre, "commande")
    assert found(centre, "commandes") == found(centre, "commande")


@pytest.mark.django_db
def test_accents_do_not_matter(help_centre, client):
    centre, delays, _tracking = help_centre
    assert delays.pk in found(centre, "delai")
    assert found(centre, "delais") == found(centre, "délais")
    # and the help centre's search box gives the same
    assert delays.url in client.get(centre.url, {"q": "delai"}).content.decode()
