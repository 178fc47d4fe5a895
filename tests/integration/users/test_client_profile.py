"""A client's profile: edited in the account area (photo, name, bio, interests, visibility), seen by
others only while public, and its interests suggest listed experts in the directory."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from commerce.users.models import ClientProfile
from commerce.users.roles import PLATFORM_ADMINS, SELLERS, SUPPORT
from tests.factories import make_user
from tests.factories.experts import make_application, make_domain, make_expert

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def photo():
    picture = io.BytesIO()
    Image.new("RGB", (30, 30), (10, 120, 90)).save(picture, "PNG")
    return SimpleUploadedFile("me.png", picture.getvalue(), content_type="image/png")


@pytest.fixture
def client_user(db):
    return make_user("leila@example.com")


def test_the_client_fills_their_profile_in_the_account_area(client, client_user):
    wellness = make_domain("wellness", "Wellness")
    client.force_login(client_user)
    page = client.get("/en/accounts/about-me/").content.decode()
    assert "Notification settings" in page and "/en/notifications/preferences/" in page

    response = client.post(
        "/en/accounts/about-me/",
        {
            "full_name": "Leila Ben Amor",
            "bio": "J'aime le yoga.",
            "interests": [wellness.pk],
            "photo": photo(),
        },
    )

    assert response.status_code == 302
    profile = ClientProfile.objects.get(user=client_user)
    assert (profile.full_name, profile.bio, profile.is_public) == ("Leila Ben Amor", "J'aime le yoga.", False)
    assert list(profile.interests.all()) == [wellness] and profile.photo.name.endswith(".png")


def test_a_bio_too_long_or_a_bad_name_writes_nothing(client, client_user):
    client.force_login(client_user)
    response = client.post("/en/accounts/about-me/", {"full_name": "Leila", "bio": "x" * 501})
    assert response.status_code == 200 and "at most 500 characters" in response.content.decode()
    assert not ClientProfile.objects.filter(user=client_user, full_name="Leila").exists()


@pytest.mark.parametrize("role", ["anonymous", "client", "expert", "seller", "support", "admin"])
def test_a_private_profile_is_seen_by_its_owner_alone(client, client_user, role):
    profile = ClientProfile.objects.create(user=client_user, full_name="Leila Ben Amor", is_public=False)
    viewers = {
        "anonymous": None,
        "client": make_user("other@example.com"),
        "expert": make_application("nour@example.com").user,
        "seller": make_user("seller@example.com", role=SELLERS),
        "support": make_user("support@example.com", role=SUPPORT, is_staff=True),
        "admin": make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True),
    }
    if viewers[role] is not None:
        client.force_login(viewers[role])
    url = f"/en/members/{profile.public_id}/"

    response = client.get(url)
    assert response.status_code == 404 and "Leila Ben Amor" not in response.content.decode()

    ClientProfile.objects.filter(pk=profile.pk).update(is_public=True)
    assert "Leila Ben Amor" in client.get(url).content.decode()


def test_the_owner_sees_their_private_profile(client, client_user):
    profile = ClientProfile.objects.create(user=client_user, full_name="Leila Ben Amor")
    client.force_login(client_user)
    assert "only you see this page" in client.get(f"/en/members/{profile.public_id}/").content.decode()


def test_interests_suggest_listed_experts_in_those_domains_without_n_plus_1(client, client_user):
    wellness, law = make_domain("wellness", "Wellness"), make_domain("law", "Law")
    admin = make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True)
    yoga = make_expert("yoga@example.com", "Sana Yoga", admin=admin)
    yoga.domains.set([wellness])
    lawyer = make_expert("law@example.com", "Me Karim", admin=admin)
    lawyer.domains.set([law])
    waiting = make_application("wait@example.com", "Amel Waiting")
    waiting.domains.set([wellness])
    profile = ClientProfile.objects.create(user=client_user)
    profile.interests.set([wellness])
    client.force_login(client_user)

    client.get("/en/experts/")
    with CaptureQueriesContext(connection) as one:
        html = client.get("/en/experts/").content.decode()
    suggested = html.split('id="suggested-title"')[1].split("</section>")[0]
    assert "Sana Yoga" in suggested and "Me Karim" not in suggested and "Amel Waiting" not in suggested

    for n in range(4):
        more = make_expert(f"more{n}@example.com", f"Expert {n}", admin=admin)
        more.domains.set([wellness])
    client.get("/en/experts/")  # as before `one`: what the new experts made stale is read again once
    with CaptureQueriesContext(connection) as five:
        html = client.get("/en/experts/").content.decode()
    assert "Expert 3" in html.split('id="suggested-title"')[1].split("</section>")[0]
    assert len(five) == len(one)


def test_visitors_get_no_suggestions(client):
    make_expert("yoga@example.com", "Sana Yoga")
    assert 'id="suggested-title"' not in client.get("/en/experts/").content.decode()
