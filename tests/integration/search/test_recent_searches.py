"""Recent searches: kept per user, or per session for guests, newest first, clearable."""

import pytest

from search.models import RecentSearch
from tests.factories import make_user


def recent(response):
    return [search.query for search in response.context["recent_searches"]]


@pytest.mark.django_db
def test_a_users_recent_searches_are_theirs_newest_first_and_clearable(client, fresh_indexes):
    amira = make_user(email="amira@example.com")
    client.force_login(amira)
    client.get("/fr/search/", {"q": "tajine"})
    client.get("/fr/search/", {"q": "chechia", "in_stock": "true"})
    client.get("/fr/search/", {"q": "tajine"})  # again: moves to the top, not twice
    assert recent(client.get("/fr/search/")) == ["tajine", "chechia"]
    # another visitor does not see them
    other = client.__class__()
    assert recent(other.get("/fr/search/")) == []
    # cleared
    response = client.post("/fr/search/recent/clear/", {"next": "/fr/search/"})
    assert response.status_code == 302
    assert RecentSearch.objects.filter(user=amira).count() == 0


@pytest.mark.django_db
def test_a_guests_recent_searches_live_in_their_session(client, fresh_indexes):
    client.get("/fr/search/", {"q": "kilim"})
    assert recent(client.get("/fr/search/")) == ["kilim"]
    assert RecentSearch.objects.get().user is None
    client.post("/fr/search/recent/clear/")
    assert recent(client.get("/fr/search/")) == []


@pytest.mark.django_db
def test_alert_me_saves_the_search_and_the_account_lists_and_deletes_it(client, fresh_indexes):
    amira = make_user(email="amira@example.com")
    client.force_login(amira)
    response = client.post(
        "/fr/search/saved/new/",
        {"kind": "products", "params": "q=chechia&price=20-50", "next": "/fr/search/"},
    )
    assert response.status_code == 302
    page = client.get("/fr/search/saved/")
    saved = list(page.context["saved_searches"])
    assert [(s.label, s.params) for s in saved] == [("chechia", "q=chechia&price=20-50")]
    client.post(f"/fr/search/saved/{saved[0].pk}/delete/")
    assert list(client.get("/fr/search/saved/").context["saved_searches"]) == []
