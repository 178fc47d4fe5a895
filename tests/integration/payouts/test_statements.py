"""The monthly statement PDF: the month's gross, platform share and expert share, the payouts with
the 15 % withheld and the net (option 2), or the VAT included (option 1); stored privately and
rendered again only when asked."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from commerce.experts import services as experts
from commerce.payouts import services, statements
from commerce.payouts.models import Statement
from tests.factories.experts import make_expert

pytestmark = pytest.mark.django_db


def pdf_text(statement):
    with statement.pdf.open("rb") as stored:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(stored.read())).pages)


def test_the_statement_shows_gross_share_withholding_and_net(expert, admin, consult):
    # given: 250 coins (125.000 TND gross) and a payout of 80.000 TND paid this month
    consult(expert, 250, "Budget familial")
    request = services.request_payout(expert, 80_000)
    services.approve(request, by=admin)
    services.mark_paid(request, by=admin)

    # when
    text = pdf_text(statements.generate(expert, timezone.localdate()))

    # then (the expert's language is French: the site's default)
    assert "Nour Haddad" in text and "Budget familial" in text
    for figure in ("125,000", "25,000", "100,000", "80,000", "12,000", "68,000"):
        assert figure in text.replace("\u202f", "").replace("\xa0", "").replace(" ", ""), figure
    assert "15" in text and "Retenue" in text


def test_a_vat_registered_expert_sees_the_vat_inside_their_share(admin, consult):
    profile = make_expert("vat@example.com", "Karim VAT", admin=admin)
    experts.save_verification(profile, tax_option="vat", tax_id="1234567/A/M/000")
    consult(profile.user, 119)  # share 47.600 TND, VAT inside it 7.600

    text = pdf_text(statements.generate(profile.user, timezone.localdate()))

    compact = text.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    assert "47,600" in compact and "7,600" in compact and "40,000" in compact
    assert "TVA" in text


def test_the_statement_is_in_the_experts_language_arabic_included(expert, consult):
    expert.language = "ar"
    expert.save(update_fields=["language"])
    consult(expert, 10)

    statement = statements.generate(expert, timezone.localdate())

    assert statement.language == "ar"
    assert "كشف" in pdf_text(statement)


def test_it_is_rendered_again_only_when_asked(expert, consult):
    consult(expert, 10)
    first = statements.stored_or_generated(expert, timezone.localdate())
    name = first.pdf.name
    generated = first.generated_at

    again = statements.stored_or_generated(expert, timezone.localdate())
    assert (again.pk, again.pdf.name, again.generated_at) == (first.pk, name, generated)

    statements.generate(expert, timezone.localdate())
    assert Statement.objects.get(pk=first.pk).generated_at > generated
    assert Statement.objects.count() == 1
