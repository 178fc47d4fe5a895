"""Admins export the current WhatsApp opt-ins as CSV; a revoked number is gone from the next export."""

import csv
import io

import pytest

from commerce.users.consents import revoke_whatsapp_consent
from commerce.users.models import WhatsAppConsent
from commerce.users.roles import PLATFORM_ADMINS, SUPPORT
from tests.factories import make_user

URL = "/django-admin/users/whatsappconsent/export/"


def consent(email, number, **fields):
    user = make_user(email, first_name=fields.pop("first_name", ""))
    return WhatsAppConsent.objects.create(
        user=user, number=number, wording="J'accepte…", language="fr", source="checkout", **fields
    )


def rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.fixture
def admin_client(client, db):
    client.force_login(make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True))
    return client


def test_the_export_lists_current_opt_ins_and_drops_a_revoked_one(admin_client):
    # Given two people who agreed
    amira = consent("amira@example.com", "+21620123456", first_name="Amira")
    consent("sami@example.com", "+21698765432", first_name='=HYPERLINK("http://evil")')

    # When an admin exports
    response = admin_client.get(URL)

    # Then both are in the CSV, as an attachment, formulas neutralised
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="whatsapp-opt-ins-')
    exported = rows(response)
    assert [(row["number"], row["wa_id"], row["email"]) for row in exported] == [
        ("+21620123456", "21620123456", "amira@example.com"),
        ("+21698765432", "21698765432", "sami@example.com"),
    ]
    assert exported[1]["first_name"] == '\'=HYPERLINK("http://evil")'
    assert exported[0]["wording"] == "J'accepte…" and exported[0]["source"] == "checkout"

    # When Amira withdraws, then the next export no longer has her number
    revoke_whatsapp_consent(amira.user)
    assert [row["email"] for row in rows(admin_client.get(URL))] == ["sami@example.com"]


def test_the_changelist_links_to_the_export(admin_client):
    html = admin_client.get("/django-admin/users/whatsappconsent/").content.decode()
    assert f'href="{URL}"' in html


@pytest.mark.parametrize("role", [SUPPORT, None])
def test_people_without_the_permission_cannot_export(client, db, role):
    client.force_login(make_user("someone@example.com", role=role, is_staff=True))

    response = client.get(URL)

    assert response.status_code in (302, 403)
    assert "text/csv" not in response.get("Content-Type", "")
