"""Experts in the search server: what their document holds, and that only listed experts are in it."""

import pytest

from commerce.experts import services
from search.documents import ExpertDocument
from tests.factories import make_user
from tests.factories.experts import make_application, make_domain

pytestmark = pytest.mark.django_db


@pytest.fixture
def experts_index(django_db_setup):
    index = ExpertDocument._index
    index.delete(ignore_unavailable=True)
    index.create()
    yield index
    index.delete(ignore_unavailable=True)


def found(**query):
    return {hit.full_name for hit in ExpertDocument.search().query("match", **query).execute()}


def test_an_approved_expert_is_indexed_with_bios_domains_languages_and_prices(
    experts_index, django_capture_on_commit_callbacks
):
    # given: an approved expert and one still waiting for review
    admin = make_user("admin@example.com", is_staff=True, is_superuser=True)
    make_domain("finance", "Finance", name_en="Finance", name_ar="المالية")
    with django_capture_on_commit_callbacks(execute=True):
        expert = make_application(bio_ar="مستشارة في الادخار والميزانية", video_price=None)
        services.approve(expert, by=admin)
        make_application("amel@example.com", "Amel En Attente")
    # when
    [hit] = ExpertDocument.search().filter("term", slug=expert.slug).execute()
    # then
    assert hit.domains == ["finance"] and "المالية" in hit.domain_names
    assert sorted(hit.languages) == ["ar", "fr"] and hit.services == ["text", "call"]
    assert (hit.text_price, hit.call_price_per_minute, hit.verified) == (10, 3, True)
    assert found(bio_ar="الادخار") == {"Nour Haddad"}
    assert found(full_name="Amel") == set()


def test_an_expert_no_longer_listed_leaves_the_index(experts_index, django_capture_on_commit_callbacks):
    admin = make_user("admin@example.com", is_staff=True, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        expert = services.approve(make_application(), by=admin)
    assert found(full_name="Nour") == {"Nour Haddad"}
    with django_capture_on_commit_callbacks(execute=True):
        services.update_profile(expert, is_public=False)
    assert found(full_name="Nour") == set()


def test_a_renamed_domain_is_renamed_in_its_experts_documents(
    experts_index, django_capture_on_commit_callbacks
):
    admin = make_user("admin@example.com", is_staff=True, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(make_application(), by=admin)
    with django_capture_on_commit_callbacks(execute=True):
        domain = make_domain()
        domain.name_en = "Personal finance"
        domain.save()
    assert found(domain_names="personal") == {"Nour Haddad"}
