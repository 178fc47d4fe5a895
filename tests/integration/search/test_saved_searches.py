"""A saved search alerts once for a new matching product or expert, never for a non-matching one."""

import pytest
from django.http import QueryDict

from commerce.notifications.models import Notification
from search import services
from search.models import SavedSearchAlert
from search.notices import NEW_MATCH
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.experts import make_domain, make_expert


def alerts_of(user):
    """``(search, item)`` of each notice the user got about saved searches."""
    notices = Notification.objects.filter(recipient=user, event=NEW_MATCH)
    return [(notice.context["search"], notice.context["item"]) for notice in notices]


@pytest.mark.django_db
def test_a_saved_search_alerts_once_for_a_new_matching_product_and_not_for_others(fresh_indexes, indexed):
    # given: a shopper saved "chechia" under 50 TND
    amira = make_user(email="amira@example.com")
    saved = services.save_search(
        amira, kind="products", params=QueryDict("q=chechia&price=20-50"), label="Chéchias"
    )
    # when: a matching product, one too dear and one about something else are added
    with indexed():
        match, _ = product_for_sale(title="Chéchia rouge de Tunis", price="35.000")
        product_for_sale(title="Chéchia de luxe", price="120.000")
        product_for_sale(title="Tapis kilim", price="35.000")
    # then: one alert, for the match
    assert alerts_of(amira) == [("Chéchias", "Chéchia rouge de Tunis")]
    # when: the product is saved again (indexed again)
    with indexed():
        match.title = "Chéchia rouge de Tunis (feutre)"
        match.save()
    # then: still one alert for it
    assert SavedSearchAlert.objects.filter(saved_search=saved).count() == 1
    assert len(alerts_of(amira)) == 1


@pytest.mark.django_db
def test_products_that_existed_before_the_search_was_saved_do_not_alert(fresh_indexes, indexed):
    with indexed():
        old, _ = product_for_sale(title="Chéchia ancienne", price="30.000")
    amira = make_user(email="amira@example.com")
    services.save_search(amira, kind="products", params=QueryDict("q=chechia"))
    with indexed():
        old.save()
    assert alerts_of(amira) == []


@pytest.mark.django_db
def test_a_saved_expert_search_alerts_for_a_new_expert_of_the_domain(fresh_indexes, indexed):
    make_domain("droit", "Droit")
    client_user = make_user(email="sami@example.com")
    services.save_search(client_user, kind="experts", params=QueryDict("domain=finance"), label="Finance")
    with indexed():
        make_expert("nour@example.com", "Nour Haddad")  # the factory's domain: finance
    assert alerts_of(client_user) == [("Finance", "Nour Haddad")]
