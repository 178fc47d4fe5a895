"""The CSV of current WhatsApp opt-ins that admins take to a campaign tool (seed 004, "export des
opt-ins WhatsApp"): only current consents, so a revoked number is gone from the next export."""

import csv
import io

from django.utils import timezone

from .selectors import current_whatsapp_opt_ins

COLUMNS = ("number", "wa_id", "email", "first_name", "last_name", "language", "given_at", "source", "wording")
#: A spreadsheet runs a cell starting with these as a formula (CSV injection); such text is quoted.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value):
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def whatsapp_opt_ins_csv():
    """``(filename, content)``: one row per current consent, oldest first, UTF-8 with a BOM (Excel)."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output)
    writer.writerow(COLUMNS)
    for consent in current_whatsapp_opt_ins():
        number = consent.number.as_e164
        writer.writerow(
            [
                number,  # E.164 (``+`` then digits only): validated, never a formula
                number.lstrip("+"),
                _text(consent.email),
                _text(consent.first_name),
                _text(consent.last_name),
                consent.language,
                timezone.localtime(consent.given_at).isoformat(timespec="seconds"),
                consent.source,
                _text(consent.wording),
            ]
        )
    filename = f"whatsapp-opt-ins-{timezone.localdate().isoformat()}.csv"
    return filename, output.getvalue()
