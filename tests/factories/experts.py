"""Experts: domains, applications at each stage, identity documents."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from commerce.experts import services
from commerce.experts.models import Domain, ExpertProfile
from tests.factories import make_user

#: A RIB whose check key is right (bank 08, branch 123, account 0001234567890, key 52).
VALID_RIB = "08123000123456789052"


def valid_rib(first_18):
    from commerce.experts.validators import rib_key

    return f"{first_18}{rib_key(first_18):02d}"


def make_domain(slug="finance", name="Finance", **names):
    domain, _ = Domain.objects.get_or_create(slug=slug, defaults={"name": name, "name_fr": name, **names})
    return domain


def document(name="cin.png", colour=(200, 180, 150)):
    picture = io.BytesIO()
    Image.new("RGB", (40, 25), colour).save(picture, "PNG")
    return SimpleUploadedFile(name, picture.getvalue(), content_type="image/png")


def make_application(
    email="expert@example.com", full_name="Nour Haddad", *, submitted=True, user=None, **fields
):
    """An expert with a complete profile and verification; submitted unless told otherwise."""
    user = user or make_user(email=email)
    profile = services.apply(user, full_name=full_name)
    profile = services.update_profile(
        profile,
        domains=[make_domain()],
        bio_fr=fields.pop("bio_fr", "Conseillère en finances personnelles."),
        languages=fields.pop("languages", ["fr", "ar"]),
        text_price=fields.pop("text_price", 10),
        video_price=fields.pop("video_price", 25),
        call_price_per_minute=fields.pop("call_price_per_minute", 3),
        **fields,
    )
    services.save_verification(
        profile,
        cin_front=document("front.png"),
        cin_back=document("back.png"),
        rib=VALID_RIB,
        tax_option="withholding",
    )
    if submitted:
        profile = services.submit(profile)
    return ExpertProfile.objects.get(pk=profile.pk)


def make_expert(email="expert@example.com", full_name="Nour Haddad", *, admin=None, **fields):
    """An approved, listed expert."""
    profile = make_application(email, full_name, **fields)
    admin = admin or make_user(email=f"admin-for-{profile.pk}@example.com", is_staff=True, is_superuser=True)
    return services.approve(profile, by=admin)
