"""Form pages in three languages: fields translated with the page, readable emails and exports."""

import csv
import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from cms_pages.form_pages.models import FormField, FormPage
from commerce.users.roles import MARKETING, PLATFORM_ADMINS
from tests.factories.pages import add_page

from .test_translation import translate_everything

ARABIC = {
    "Demande": "طلب",
    "demande": "talab",
    "Votre nom": "اسمك",
    "Sujet": "الموضوع",
    "Commande,Livraison": "طلبية,توصيل",
    "J'accepte d'être recontacté": "أوافق على أن يتم الاتصال بي",
    "Comme sur votre pièce d'identité.": "كما في بطاقة هويتك.",
}


@pytest.fixture
def request_page(fr_home):
    page = add_page(fr_home, FormPage, title="Demande", slug="demande", to_address="support@example.com")
    fields = [
        ("Votre nom", "singleline", "", "Comme sur votre pièce d'identité."),
        ("Sujet", "dropdown", "Commande,Livraison", ""),
        ("J'accepte d'être recontacté", "checkbox", "", ""),
    ]
    for order, (label, kind, choices, help_text) in enumerate(fields):
        FormField.objects.create(
            page=page,
            sort_order=order,
            label=label,
            field_type=kind,
            choices=choices,
            help_text=help_text,
            required=True,
        )
    return page


@pytest.mark.django_db
def test_arabic_form_shows_arabic_fields_and_emails_arabic_values(
    client, request_page, user_in_role, django_capture_on_commit_callbacks
):
    # given: the form page translated into Arabic with wagtail-localize, then published
    admin = user_in_role(PLATFORM_ADMINS, is_staff=True, is_superuser=True)
    arabic = Locale.objects.get(language_code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(admin, [arabic]).create_translations(request_page)
    translation = Translation.objects.get(
        source__object_id=request_page.translation_key, target_locale=arabic
    )
    with django_capture_on_commit_callbacks(execute=True):
        translate_everything(translation, ARABIC)
    arabic_page = request_page.get_translation(arabic)

    # when: a visitor opens the Arabic form
    html = client.get(arabic_page.url).content.decode()

    # then: labels, help text and choices are Arabic; the French ones are nowhere
    for text in ("اسمك", "الموضوع", "طلبية", "توصيل", "أوافق على أن يتم الاتصال بي", "كما في بطاقة هويتك."):
        assert text in html, text
    assert "Votre nom" not in html and "Livraison" not in html
    # and the fields keep the French page's names, so answers line up across languages
    assert 'name="votre_nom"' in html and 'name="sujet"' in html

    # when: the visitor sends it
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            arabic_page.url,
            {"votre_nom": "أمل", "sujet": "توصيل", "jaccepte_detre_recontacte": "on"},
        )

    # then: the email carries Arabic labels and values, the ticked box as "نعم"
    assert response.status_code == 200
    body = mail.outbox[-1].body
    assert "اسمك: أمل" in body
    assert "الموضوع: توصيل" in body
    assert "أوافق على أن يتم الاتصال بي: نعم" in body
    assert "True" not in body


@pytest.mark.django_db
def test_a_required_checkbox_is_marked_required(client, request_page):
    html = client.get(request_page.url).content.decode()

    label = re.search(r'<label for="id_jaccepte_detre_recontacte">.*?</label>', html, flags=re.S).group(0)
    assert "form-field__required" in label and "*" in label


@pytest.mark.django_db
def test_french_email_says_oui_for_a_ticked_box(client, request_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            request_page.url,
            {"votre_nom": "Amel", "sujet": "Commande", "jaccepte_detre_recontacte": "on"},
        )

    assert "J'accepte d'être recontacté: Oui" in mail.outbox[-1].body


def answer(client, page, name, when):
    with time_machine.travel(when, tick=False):
        client.post(page.url, {"votre_nom": name, "sujet": "Commande", "jaccepte_detre_recontacte": "on"})


@pytest.mark.django_db
def test_submissions_search_filters_on_answers(client, request_page, user_in_role):
    # given: two answers
    answer(client, request_page, "Amel", datetime(2026, 3, 1, 9, 0, tzinfo=ZoneInfo("UTC")))
    answer(client, request_page, "سلمى", datetime(2026, 3, 1, 10, 0, tzinfo=ZoneInfo("UTC")))
    client.force_login(user_in_role(MARKETING, is_staff=True))

    # when: Marketing searches the list
    url = f"/cms/forms/submissions/{request_page.pk}/"
    page = client.get(url).content.decode()
    found = client.get(url, {"q": "سلم"}).content.decode()
    by_field_name = client.get(url, {"q": "votre_nom"}).content.decode()

    # then: the box is the submissions' own search, and it filters on what was answered
    assert "Search products" not in page and "Rechercher des produits" not in page
    assert 'name="q"' in page
    assert "سلمى" in found and "Amel" not in found
    # and a ticked box reads "Oui", not "True"
    assert "Oui" in found and "True" not in found
    assert "Amel" not in by_field_name and "سلمى" not in by_field_name


@pytest.mark.django_db
def test_csv_export_has_a_byte_order_mark_local_times_and_yes(client, request_page, user_in_role):
    # given: an answer at 09:00 UTC (10:00 in Tunis), in Arabic
    answer(client, request_page, "سلمى", datetime(2026, 3, 1, 9, 0, tzinfo=ZoneInfo("UTC")))
    client.force_login(user_in_role(MARKETING, is_staff=True))

    # when
    export = client.get(f"/cms/forms/submissions/{request_page.pk}/?export=csv")

    # then: Excel sees UTF-8 (BOM), the time is local, the box reads "Oui"
    content = b"".join(export.streaming_content)
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[1][0] == "2026-03-01 10:00:00"
    assert rows[1][1:] == ["سلمى", "Commande", "Oui"]
