"""An expert's monthly statement: the figures from the ledger, a PDF in the expert's language.

What it shows, for one month (the site's time zone):

- consultations captured that month: gross (what clients paid), the platform's share, the
  expert's share (``WALLET_EXPERT_SHARE_PERCENT``);
- option 1 (VAT-registered): the expert's share is a fee that includes VAT at
  ``PAYOUTS_VAT_PERCENT`` (19 %); the statement shows the VAT inside it,
  ``round(share × 19 / 119)``, and the share before tax. The platform pays no VAT on top: the ledger
  credits the expert exactly their share, and the expert declares the VAT it contains;
- option 2 (withholding at source): the payouts paid that month, the 15 % withheld on each (as the
  ledger recorded it, ``record_payout``) and the net transferred;
- net: for option 2, paid out minus withheld; for option 1, what was paid out (no withholding).

The PDF is stored in private storage and rendered again only when asked (``generate``); a download
of a month never rendered renders it once.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from commerce.communication.utils import language_of
from commerce.experts.models import Verification

from . import selectors
from .models import Statement


@dataclass
class Figures:
    month: date
    expert_name: str
    tax_option: str
    consultations: list
    payouts: list
    gross_millimes: int
    platform_millimes: int
    earned_millimes: int
    vat_millimes: int
    paid_out_millimes: int
    withheld_millimes: int

    @property
    def earned_before_vat_millimes(self):
        return self.earned_millimes - self.vat_millimes

    @property
    def net_millimes(self):
        return self.paid_out_millimes - self.withheld_millimes


def figures(user, month):
    verification = selectors.verification_of(user)
    tax_option = verification.tax_option if verification else ""
    items = selectors.consultations(user, month=month)
    payouts = selectors.payouts_in(user, month)
    earned = sum(item.earned_millimes for item in items)
    gross = sum(item.gross_millimes for item in items)
    vat_percent = settings.PAYOUTS_VAT_PERCENT
    vat = round(earned * vat_percent / (100 + vat_percent)) if tax_option == Verification.Tax.VAT else 0
    return Figures(
        month=month,
        expert_name=verification.profile.full_name if verification else user.get_full_name(),
        tax_option=tax_option,
        consultations=items,
        payouts=payouts,
        gross_millimes=gross,
        platform_millimes=gross - earned,
        earned_millimes=earned,
        vat_millimes=vat,
        paid_out_millimes=sum(payout.millimes for payout in payouts),
        withheld_millimes=sum(payout.withheld_millimes for payout in payouts),
    )


def render_pdf(user, month, language):
    """The PDF's bytes. Nothing is fetched from outside: fonts are the system's."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    with translation.override(language):
        html = render_to_string(
            "payouts/pdf/statement.html",
            {
                "figures": figures(user, month),
                "platform_name": settings.INVOICES_PLATFORM_NAME,
                "vat_percent": settings.PAYOUTS_VAT_PERCENT,
                "withholding_percent": settings.WALLET_TAX_WITHHOLDING_PERCENT,
                "share_percent": settings.WALLET_EXPERT_SHARE_PERCENT,
            },
        )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"])).write_pdf()


@transaction.atomic
def generate(user, month):
    """Render ``user``'s statement for ``month`` now (again if it exists) and store it."""
    month = month.replace(day=1)
    language = language_of(user)
    statement = Statement.objects.select_for_update().filter(expert=user, month=month).first()
    statement = statement or Statement(expert=user, month=month)
    old = statement.pdf.name if statement.pdf else None
    statement.language = language
    statement.pdf.save(f"{month:%Y-%m}.pdf", ContentFile(render_pdf(user, month, language)), save=False)
    statement.save()
    if old and old != statement.pdf.name:
        transaction.on_commit(lambda: statement.pdf.storage.delete(old))
    return statement


def stored_or_generated(user, month):
    """The stored statement of ``month``, rendered once if it never was."""
    month = month.replace(day=1)
    return Statement.objects.filter(expert=user, month=month).first() or generate(user, month)
