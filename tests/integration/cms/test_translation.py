"""French pages translated with wagtail-localize render right-to-left in Arabic; the status view follows."""

import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from cms_pages.landing.models import LandingPage
from commerce.users.roles import PLATFORM_ADMINS
from tests.factories.pages import add_page, stream

ARABIC = {
    "Vendre sur Souk": "بع على سوق",
    "vendre-sur-souk": "bi3-3ala-souk",
    "Ouvrez votre boutique": "افتح متجرك",
    "Sans frais d'ouverture.": "بدون رسوم فتح.",
    "Sans frais d&#x27;ouverture.": "بدون رسوم فتح.",
    "Ouvrez votre boutique en un après-midi": "افتح متجرك في ظهيرة",
}


def translate_everything(translation, texts):
    """What a translator does in wagtail-localize's editor: every string of the source, then publish.

    wagtail-localize publishes after commit; tests run in a transaction, so the caller runs the
    on-commit callbacks (``django_capture_on_commit_callbacks(execute=True)``).
    """
    locale = translation.target_locale
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": texts.get(segment.string.data, f"[ar] {segment.string.data}")},
        )
    translation.save_target(publish=True)


@pytest.fixture
def translated_landing(home_pages, user_in_role, django_capture_on_commit_callbacks):
    admin = user_in_role(PLATFORM_ADMINS, is_staff=True, is_superuser=True)
    page = add_page(
        home_pages["fr"],
        LandingPage,
        title="Vendre sur Souk",
        slug="vendre-sur-souk",
        body=stream(
            ("hero", {"headline": "Ouvrez votre boutique", "cta": {"label": "", "page": None, "url": ""}}),
            ("paragraph", "<p>Sans frais d'ouverture.</p>"),
        ),
    )
    arabic = Locale.objects.get(language_code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(admin, [arabic]).create_translations(page)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=arabic)
    with django_capture_on_commit_callbacks(execute=True):
        translate_everything(translation, ARABIC)
    return page, translation, admin


def status_cell(html, page, language):
    row = re.search(rf'<tr data-page-id="{page.pk}">.*?</tr>', html, flags=re.S).group(0)
    return re.search(rf'data-locale="{language}" data-status="(\w+)"', row).group(1)


@pytest.mark.django_db
def test_french_page_translated_to_arabic_renders_right_to_left(client, translated_landing):
    page, _translation, _admin = translated_landing
    arabic_page = page.get_translation(Locale.objects.get(language_code="ar"))

    response = client.get(arabic_page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert arabic_page.url.startswith("/ar/")
    assert re.search(r'<html lang="ar" dir="rtl"', html)
    assert "افتح متجرك" in html and "بدون رسوم فتح" in html
    assert "Ouvrez votre boutique" not in html


@pytest.mark.django_db
def test_language_switcher_lands_on_the_translated_page(client, translated_landing):
    page, _translation, _admin = translated_landing
    arabic_page = page.get_translation(Locale.objects.get(language_code="ar"))

    html = client.get(page.url).content.decode()

    assert re.search(rf'<a href="{arabic_page.url}" hreflang="ar"', html)
    assert f'<link rel="alternate" hreflang="ar" href="https://souk.example{arabic_page.url}">' in html


@pytest.mark.django_db
def test_status_view_shows_up_to_date_then_out_of_date_after_a_source_change(
    client, translated_landing, django_capture_on_commit_callbacks
):
    # given: the Arabic translation is complete, English was never made
    page, _translation, admin = translated_landing
    client.force_login(admin)
    before = client.get("/cms/translation-status/").content.decode()
    assert status_cell(before, page, "ar") == "up_to_date"
    assert status_cell(before, page, "en") == "missing"

    # when: Marketing changes the French headline and publishes (the strings to translate are synced)
    page = LandingPage.objects.get(pk=page.pk)
    page.body = stream(
        (
            "hero",
            {
                "headline": "Ouvrez votre boutique en un après-midi",
                "cta": {"label": "", "page": None, "url": ""},
            },
        ),
        ("paragraph", "<p>Sans frais d'ouverture.</p>"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    # then: the Arabic translation is out of date until the new string is translated
    after = client.get("/cms/translation-status/").content.decode()
    assert status_cell(after, page, "ar") == "outdated"
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="ar"
    )
    total, translated = translation.get_progress()
    assert translated < total

    with django_capture_on_commit_callbacks(execute=True):
        translate_everything(translation, ARABIC)
    assert status_cell(client.get("/cms/translation-status/").content.decode(), page, "ar") == "up_to_date"


@pytest.mark.django_db
def test_a_draft_change_of_the_source_shows_as_out_of_date(client, translated_landing):
    page, _translation, admin = translated_landing
    client.force_login(admin)

    page = LandingPage.objects.get(pk=page.pk)
    page.title = "Vendre sur Souk, sans frais"
    page.save_revision()

    assert status_cell(client.get("/cms/translation-status/").content.decode(), page, "ar") == "outdated"
