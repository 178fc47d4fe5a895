"""Translations go live only when translated: drafts first, and no links to a language a page is not in."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import reports_menu
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from cms_pages.landing.models import LandingPage, PromoPage
from commerce.users.roles import MARKETING, PLATFORM_ADMINS
from tests.factories.pages import add_page, stream

from .admin_forms import post_new_page
from .test_translation import translate_everything


@pytest.fixture
def live_landing(fr_home):
    return add_page(
        fr_home,
        LandingPage,
        title="Vendre sur Souk",
        slug="vendre-sur-souk",
        body=stream(("paragraph", "<p>Sans frais d'ouverture.</p>")),
    )


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, flags=re.S).group(0)
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}


@pytest.mark.django_db
def test_translate_this_page_makes_drafts_kept_out_of_sitemap_hreflang_and_switcher(
    admin_client, client, live_landing, django_capture_on_commit_callbacks
):
    # when: an editor uses "Translate this page" for English and Arabic
    locales = Locale.objects.filter(language_code__in=["en", "ar"])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[live_landing.pk]),
            {"locales": [locale.pk for locale in locales]},
        )

    # then: both copies exist as drafts, unpublished
    assert response.status_code == 302
    copies = Page.objects.filter(translation_key=live_landing.translation_key).exclude(pk=live_landing.pk)
    assert copies.count() == 2
    assert not any(copy.live for copy in copies)
    # and the public site never points at them
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/fr/vendre-sur-souk/" in sitemap
    assert "/en/vendre-sur-souk/" not in sitemap and "/ar/vendre-sur-souk/" not in sitemap
    html = client.get(live_landing.url).content.decode()
    assert '<link rel="alternate" hreflang' not in html
    assert "/en/vendre-sur-souk/" not in html and "/ar/vendre-sur-souk/" not in html
    assert client.get("/en/vendre-sur-souk/").status_code == 404


@pytest.mark.django_db
def test_language_switcher_never_links_to_a_404(client, fr_home, live_landing):
    # given: a French page under it, translated nowhere; the landing page live in Arabic only
    child = add_page(live_landing, LandingPage, title="Tarifs", slug="tarifs")
    arabic = live_landing.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.save_revision().publish()

    # when
    html = client.get(child.url).content.decode()

    # then: every language link answers 200; Arabic lands on the translated parent, English on its home
    links = switcher_links(html)
    assert links["fr"] == child.url
    assert links["ar"] == arabic.url
    assert links["en"] == "/en/"
    for url in links.values():
        assert client.get(url).status_code == 200, url
    # and the visitor is told that the page itself is not translated
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, flags=re.S).group(0)
    assert nav.count("language-switcher__note") == 2


@pytest.fixture
def half_translated(live_landing, user_in_role, django_capture_on_commit_callbacks):
    """English and Arabic translations made with wagtail-localize, none of their strings translated yet."""
    admin = user_in_role(PLATFORM_ADMINS, is_staff=True, is_superuser=True)
    locales = list(Locale.objects.filter(language_code__in=["en", "ar"]))
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(admin, locales).create_translations(live_landing)
    return live_landing, admin


@pytest.mark.django_db
def test_status_report_shows_public_urls_and_tells_live_untranslated_from_in_progress(
    client, half_translated
):
    # given: the Arabic copy was published before anyone translated it; the English one is a draft
    page, admin = half_translated
    arabic = page.get_translation(Locale.objects.get(language_code="ar"))
    arabic.save_revision().publish()
    client.force_login(admin)

    # when
    html = client.get("/cms/translation-status/").content.decode()

    # then: each page shows the address visitors use, and the two states are told apart
    row = re.search(rf'<tr data-page-id="{page.pk}">.*?</tr>', html, flags=re.S).group(0)
    assert "/fr/vendre-sur-souk/" in row and "/ar/vendre-sur-souk/" in row
    assert "/home/" not in row
    assert re.search(r'data-locale="ar" data-status="live_untranslated"', row)
    assert re.search(r'data-locale="en" data-status="in_progress"', row)


@pytest.mark.django_db
def test_admin_report_menu_follows_each_editors_language(client, home_pages, user_in_role):
    # given: a fresh process whose first admin visitor reads French
    reports_menu.__dict__.pop("registered_menu_items", None)
    french = user_in_role(PLATFORM_ADMINS, is_staff=True, is_superuser=True)
    english = user_in_role(PLATFORM_ADMINS, is_staff=True, is_superuser=True)
    for user, language in ((french, "fr"), (english, "en")):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    client.force_login(french)
    assert "Traductions" in client.get("/cms/").content.decode()

    # when: an editor who chose English opens the admin
    client.force_login(english)
    html = client.get("/cms/").content.decode()

    # then: the report is named in English
    assert "Traductions" not in html
    assert '"Translations"' in html or "&quot;Translations&quot;" in html


@pytest.mark.django_db
def test_marketing_submits_a_promo_for_approval_and_translation_in_one_step(client, fr_home, user_in_role):
    # given: Marketing on the create screen of a promo
    client.force_login(user_in_role(MARKETING, is_staff=True))
    add_url = reverse("wagtailadmin_pages:add", args=["landing", "promopage", fr_home.pk])
    form = client.get(add_url).content.decode()
    button = re.search(r"<button[^>]*data-submit-and-translate[^>]*>.*?</button>", form, flags=re.S).group(0)
    assert 'name="action-submit" value="translate"' in button and "Promo approval" in button

    # when: it presses "Submit to Promo approval and translate"
    ends = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%d %H:%M")
    response = post_new_page(
        client,
        fr_home,
        PromoPage,
        {"title": "Soldes d'hiver", "slug": "soldes-hiver", "expire_at": ends},
        action=None,
        extra={"action-submit": "translate"},
    )

    # then: the promo waits for approval, and English and Arabic drafts wait for their translators
    assert response.status_code == 302
    promo = PromoPage.objects.get(slug="soldes-hiver", locale__language_code="fr")
    assert promo.current_workflow_state.status == "in_progress"
    assert not promo.live
    copies = PromoPage.objects.filter(translation_key=promo.translation_key).exclude(pk=promo.pk)
    assert sorted(copy.locale.language_code for copy in copies) == ["ar", "en"]
    assert not any(copy.live for copy in copies)
    assert Translation.objects.filter(source__object_id=promo.translation_key).count() == 2


@pytest.mark.django_db
def test_plain_submit_does_not_translate(client, fr_home, user_in_role):
    client.force_login(user_in_role(MARKETING, is_staff=True))
    ends = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%d %H:%M")

    post_new_page(
        client, fr_home, PromoPage, {"title": "Soldes", "slug": "soldes", "expire_at": ends}, "action-submit"
    )

    promo = PromoPage.objects.get(slug="soldes")
    assert promo.current_workflow_state is not None
    assert not Translation.objects.filter(source__object_id=promo.translation_key).exists()


@pytest.mark.django_db
def test_sitemap_leaves_out_a_live_translation_until_its_strings_are_translated(
    client, half_translated, django_capture_on_commit_callbacks
):
    # given: the Arabic copy published before its translator started
    page, _admin = half_translated
    arabic_locale = Locale.objects.get(language_code="ar")
    page.get_translation(arabic_locale).save_revision().publish()
    assert "/ar/vendre-sur-souk/" not in client.get("/sitemap.xml").content.decode()

    # when: the translator translates every string and publishes
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=arabic_locale)
    with django_capture_on_commit_callbacks(execute=True):
        translate_everything(translation, {"vendre-sur-souk": "bi3-3ala-souk"})

    # then: the Arabic page is listed, with the French one as its alternate
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/ar/bi3-3ala-souk/" in sitemap and "/fr/vendre-sur-souk/" in sitemap
