"""The expert space end to end through its forms: apply, fill the profile, send the documents and
payout details, send the application; bad input is refused with a translated message."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from commerce.experts.models import ExpertProfile, Verification
from tests.factories import make_user
from tests.factories.experts import VALID_RIB, document, make_domain

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    user = make_user("amel@example.com")
    client.force_login(user)
    return user


def test_a_member_applies_fills_in_and_sends_the_application(client, member):
    finance = make_domain()
    # when: they apply, then fill in their profile and verification
    response = client.post("/fr/expert/apply/", {"full_name": "Amel Ben Salem"})
    assert response.status_code == 302 and response["Location"] == "/fr/expert/profile/"
    profile = {
        "full_name": "Amel Ben Salem",
        "bio_fr": "Diététicienne.",
        "bio_ar": "أخصائية تغذية.",
        "domains": [finance.pk],
        "languages": ["fr", "ar"],
        "text_price": "8",
        "call_minimum_minutes": "10",
        "booking_mode": "on_request",
        "is_public": "on",
    }
    assert client.post("/fr/expert/profile/", profile).status_code == 302
    verification = {
        "cin_front": document("front.png"),
        "cin_back": document("back.png"),
        "rib": "08 123 0001234567890 52",
        "tax_option": "vat",
        "tax_id": "1234567am000",
    }
    assert client.post("/fr/expert/verification/", verification).status_code == 302
    home = client.get("/fr/expert/").content.decode()
    assert "Envoyer ma candidature" in home and "•••• 9052" in home
    assert client.post("/fr/expert/submit/").status_code == 302
    # then: the application waits for review with what they gave
    saved = ExpertProfile.objects.get(user=member)
    assert saved.status == "submitted" and saved.bio_ar == "أخصائية تغذية." and saved.text_price == 8
    assert list(saved.domains.all()) == [finance] and saved.video_price is None
    payout = Verification.objects.get(profile=saved)
    assert payout.rib() == VALID_RIB and payout.tax_id == "1234567/A/M/000" and payout.has_documents


def test_a_wrong_rib_or_matricule_is_refused_in_french_and_nothing_is_written(client, member):
    client.post("/fr/expert/apply/", {"full_name": "Amel Ben Salem"})
    response = client.post(
        "/fr/expert/verification/",
        {"rib": "08123000123456789053", "tax_option": "vat", "tax_id": "12345/A"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "La clé de ce RIB ne correspond pas" in html
    assert "Saisissez le matricule fiscal comme sur votre carte fiscale" in html
    verification = Verification.objects.get(profile__user=member)
    assert (verification.rib_encrypted, verification.tax_option) == ("", "")


def test_a_document_that_is_not_a_picture_or_a_pdf_is_refused(client, member):
    client.post("/fr/expert/apply/", {"full_name": "Amel Ben Salem"})
    fake = SimpleUploadedFile("cin.png", b"MZ\x90\x00 not a picture", content_type="image/png")
    response = client.post(
        "/fr/expert/verification/", {"cin_front": fake, "rib": VALID_RIB, "tax_option": "withholding"}
    )
    assert "Envoyez une photo (JPEG ou PNG) ou un scan PDF." in response.content.decode()
    assert not Verification.objects.get(profile__user=member).cin_front


def test_an_incomplete_application_says_what_is_missing(client, member):
    client.post("/fr/expert/apply/", {"full_name": "Amel Ben Salem"})
    response = client.post("/fr/expert/submit/", follow=True)
    assert "Avant d&#x27;envoyer, ajoutez" in response.content.decode()
    assert ExpertProfile.objects.get(user=member).status == "draft"
