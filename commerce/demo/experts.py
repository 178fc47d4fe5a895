"""Seeds the demo experts through the experts services (apply, profile, verification, submit,
approve), with portraits drawn by Pillow and specimen identity documents; nothing is downloaded."""

import io

from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from commerce.experts import services
from commerce.experts.models import Domain, ExpertProfile
from commerce.experts.validators import rib_key
from commerce.users.models import User
from commerce.users.roles import PLATFORM_ADMINS

from .experts_data import DOMAINS, EXPERTS

PORTRAIT_SIZE = 320


def portrait(name, colours):
    """A drawn bust (head, hair, shoulders) on a plain background, as PNG bytes."""
    background, skin, clothes = colours
    size = PORTRAIT_SIZE
    picture = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((size * 0.18, size * 0.68, size * 0.82, size * 1.25), fill=clothes)
    draw.rectangle((size * 0.44, size * 0.55, size * 0.56, size * 0.72), fill=skin)
    draw.ellipse((size * 0.3, size * 0.16, size * 0.7, size * 0.62), fill=skin)
    hair = tuple(max(channel - 120, 20) for channel in background)
    draw.chord((size * 0.28, size * 0.12, size * 0.72, size * 0.5), 180, 360, fill=hair)
    for eye_x in (0.42, 0.58):
        draw.ellipse((size * eye_x - 6, size * 0.4 - 6, size * eye_x + 6, size * 0.4 + 6), fill=(40, 30, 30))
    draw.arc((size * 0.42, size * 0.44, size * 0.58, size * 0.54), 20, 160, fill=(150, 60, 60), width=4)
    out = io.BytesIO()
    picture.save(out, "PNG")
    return SimpleUploadedFile(f"{name}.png", out.getvalue(), content_type="image/png")


def specimen(label):
    """A blank card marked SPECIMEN standing for an identity document."""
    picture = Image.new("RGB", (480, 300), (235, 235, 225))
    ImageDraw.Draw(picture).text((40, 130), f"SPECIMEN {label}", fill=(120, 0, 0))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return SimpleUploadedFile(f"{label}.png", out.getvalue(), content_type="image/png")


def demo_rib(index):
    account = f"08{index:03d}{index:013d}"
    return f"{account}{rib_key(account):02d}"


def seed_domains(report):
    domains = {}
    for position, (slug, fr, en, ar) in enumerate(DOMAINS):
        domain, created = Domain.objects.get_or_create(
            slug=slug,
            defaults={"name": fr, "name_fr": fr, "name_en": en, "name_ar": ar, "position": position},
        )
        domains[slug] = domain
        report.tally("expert domains", created)
    return domains


def seed_experts(report):
    """Eight approved experts and one application waiting for review (kept as they are once made)."""
    domains = seed_domains(report)
    admin = User.objects.filter(groups__name=PLATFORM_ADMINS).order_by("pk").first()
    for index, expert in enumerate(EXPERTS, start=1):
        user = User.objects.filter(email__iexact=expert.email).first()
        if user is None:
            first, _, last = expert.full_name.partition(" ")
            user = User.objects.create_user(expert.email, None, first_name=first, last_name=last)
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        existing = ExpertProfile.objects.filter(user=user).first()
        report.tally("experts", existing is None)
        if existing is not None:
            continue
        profile = services.apply(user, full_name=expert.full_name)
        text, video, call = expert.prices
        fr, en, ar = expert.bio
        profile = services.update_profile(
            profile,
            domains=[domains[slug] for slug in expert.domains],
            photo=portrait(profile.slug, expert.colours),
            bio_fr=fr,
            bio_en=en,
            bio_ar=ar,
            languages=list(expert.languages),
            text_price=text,
            video_price=video,
            call_price_per_minute=call,
            booking_mode=expert.booking,
        )
        services.save_verification(
            profile,
            cin_front=specimen("front"),
            cin_back=specimen("back"),
            rib=demo_rib(index),
            tax_option="vat" if index % 3 == 0 else "withholding",
            tax_id=f"{1234500 + index:07d}/A/M/000" if index % 3 == 0 else "",
        )
        services.submit(profile)
        if expert.approved and admin is not None:
            services.approve(profile, by=admin)
        report.changed_expert_ids.add(profile.pk)
