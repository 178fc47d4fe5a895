"""Who reaches what: every experts URL swept for every role. Identity documents and bank details
only ever reach platform admins; unapproved experts are invisible to everyone."""

import pytest

from commerce.experts.models import DocumentAccess, Domain, Verification
from commerce.users.roles import PLATFORM_ADMINS, SELLERS, SHOPPERS, SUPPORT
from tests.factories import make_user
from tests.factories.experts import make_application, make_expert

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    admin = make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True)
    approved = make_expert("nour@example.com", "Nour Haddad", admin=admin)
    pending = make_application("amel@example.com", "Amel Ben Salem")
    return {
        "anonymous": None,
        "client": make_user("client@example.com", role=SHOPPERS),
        "expert": pending.user,
        "other expert": approved.user,
        "seller": make_user("seller@example.com", role=SELLERS),
        "support": make_user("support@example.com", role=SUPPORT, is_staff=True),
        "admin": admin,
        "approved": approved,
        "pending": pending,
    }


def private_urls(profile):
    return [
        f"/dashboard/experts/{profile.pk}/documents/cin_front/",
        f"/dashboard/experts/{profile.pk}/documents/cin_back/",
        f"/dashboard/experts/{profile.pk}/",
        "/dashboard/experts/",
    ]


@pytest.mark.parametrize("role", ["anonymous", "client", "expert", "other expert", "seller", "support"])
def test_documents_and_the_review_queue_refuse_everyone_but_platform_admins(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    for profile in (people["pending"], people["approved"]):
        for url in private_urls(profile):
            response = client.get(url)
            assert response.status_code in (302, 403), (role, url, response.status_code)
            if response.status_code == 302:
                assert "/login" in response["Location"] or "/accounts/" in response["Location"]
    assert not DocumentAccess.objects.exists()


def test_a_platform_admin_reads_a_document_decrypted_and_the_reading_is_recorded(client, people):
    client.force_login(people["admin"])
    profile = people["pending"]
    response = client.get(f"/dashboard/experts/{profile.pk}/documents/cin_front/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    access = DocumentAccess.objects.get()
    assert (access.viewed_by, access.document, access.verification.profile) == (
        people["admin"],
        "cin_front",
        profile,
    )


def test_the_admin_sees_the_application_with_the_bank_account_masked(client, people):
    client.force_login(people["admin"])
    profile = people["pending"]
    html = client.get(f"/dashboard/experts/{profile.pk}/").content.decode()
    verification = Verification.objects.get(profile=profile)
    assert verification.masked_rib in html
    assert verification.rib() not in html
    assert "Amel Ben Salem" in client.get("/dashboard/experts/").content.decode()


def test_the_admin_approves_from_the_dashboard(client, people):
    client.force_login(people["admin"])
    profile = people["pending"]
    response = client.post(f"/dashboard/experts/{profile.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == "approved"


def test_a_rejection_without_reason_is_refused_with_a_message(client, people, english):
    client.force_login(people["admin"])
    profile = people["pending"]
    url = f"/dashboard/experts/{profile.pk}/"
    response = client.post(url, {"decision": "reject", "reason": ""}, follow=True)
    assert "Write the reason" in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == "submitted"


EVERYONE = ["anonymous", "client", "expert", "other expert", "seller", "support", "admin"]


@pytest.mark.parametrize("role", EVERYONE)
def test_unapproved_experts_are_invisible_to_everyone(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    pending = people["pending"]
    assert client.get(f"/fr/experts/{pending.slug}/").status_code == 404
    assert client.get(f"/api/experts/{pending.slug}/").status_code == 404
    assert pending.full_name not in client.get("/fr/experts/").content.decode()
    assert client.get(f"/fr/experts/{people['approved'].slug}/").status_code == 200


@pytest.mark.parametrize("role", ["client", "expert", "other expert", "seller", "support", "admin"])
def test_the_expert_space_shows_each_person_only_their_own_application(client, people, role):
    client.force_login(people[role])
    own = getattr(people[role], "expert_profile", None)
    for url in ("/fr/expert/", "/fr/expert/profile/", "/fr/expert/verification/"):
        response = client.get(url)
        if own is None:
            assert response.status_code == 302 and response["Location"].endswith("/fr/expert/apply/")
        else:
            html = response.content.decode()
            assert response.status_code == 200
            others = {people["pending"], people["approved"]} - {own}
            assert all(other.full_name not in html for other in others)
            rib = Verification.objects.get(profile=own).rib()
            assert rib not in html


def test_the_expert_space_sends_anonymous_visitors_to_sign_in(client):
    for url in ("/fr/expert/", "/fr/expert/apply/", "/fr/expert/profile/", "/fr/expert/verification/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post("/fr/expert/submit/").status_code == 302


def test_platform_admins_manage_and_translate_the_domains(client, people):
    client.force_login(people["admin"])
    response = client.post(
        "/django-admin/experts/domain/add/",
        {"slug": "law", "name_fr": "Droit", "name_en": "Law", "name_ar": "القانون", "position": 3},
    )
    assert response.status_code == 302
    law = Domain.objects.get(slug="law")
    assert (law.name_fr, law.name_en, law.name_ar) == ("Droit", "Law", "القانون")
