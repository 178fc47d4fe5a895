"""The fake's hosted checkout page: says plainly that it is a test and that no money moves.

It stands in for Stripe's own page, so it carries its own few labels in the shop's three languages
(chosen like Stripe does: the session's ``locale``, else the browser's ``Accept-Language``).
"""

from __future__ import annotations

from html import escape

from .protocol import decimals

LABELS = {
    "en": {
        "banner": "Test mode — no real payment",
        "explain": "This page stands in for Stripe Checkout. No card is needed and no money is taken.",
        "total": "Total",
        "pay": "Pay",
        "decline": "Simulate a declined card",
        "cancel": "Cancel and return to the shop",
        "declined": "Your card was declined (test). You can try again.",
        "closed": "This checkout session is no longer open.",
        "missing": "No such checkout session.",
        "portal": "Billing portal (test): your payment method",
        "card_ok": "Save a working test card",
        "card_updated": "Card saved. Open invoices were paid with it.",
        "back": "Return to the shop",
    },
    "fr": {
        "banner": "Mode test — aucun paiement réel",
        "explain": (
            "Cette page remplace Stripe Checkout. Aucune carte n'est demandée, aucun argent n'est débité."
        ),
        "total": "Total",
        "pay": "Payer",
        "decline": "Simuler une carte refusée",
        "cancel": "Annuler et revenir à la boutique",
        "declined": "Votre carte a été refusée (test). Vous pouvez réessayer.",
        "closed": "Cette session de paiement n'est plus ouverte.",
        "missing": "Session de paiement introuvable.",
        "portal": "Portail de facturation (test) : votre moyen de paiement",
        "card_ok": "Enregistrer une carte de test valide",
        "card_updated": "Carte enregistrée. Les factures en attente ont été réglées avec elle.",
        "back": "Revenir à la boutique",
    },
    "ar": {
        "banner": "وضع الاختبار — لا يوجد دفع حقيقي",
        "explain": "هذه الصفحة تحل محل Stripe Checkout. لا حاجة لبطاقة ولن يتم اقتطاع أي مبلغ.",
        "total": "المجموع",
        "pay": "ادفع",
        "decline": "محاكاة رفض البطاقة",
        "cancel": "إلغاء والعودة إلى المتجر",
        "declined": "تم رفض بطاقتك (اختبار). يمكنك المحاولة مرة أخرى.",
        "closed": "جلسة الدفع هذه لم تعد مفتوحة.",
        "missing": "جلسة الدفع غير موجودة.",
        "portal": "بوابة الفوترة (اختبار): وسيلة الدفع الخاصة بك",
        "card_ok": "حفظ بطاقة اختبار صالحة",
        "card_updated": "تم حفظ البطاقة. تم دفع الفواتير المفتوحة بها.",
        "back": "العودة إلى المتجر",
    },
}

STYLE = """
body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.banner{background:#ffe08a;border:2px solid #b58100;padding:.75rem 1rem;font-weight:700;border-radius:.5rem}
table{width:100%;border-collapse:collapse;margin:1rem 0}td{padding:.4rem 0;border-bottom:1px solid #ddd}
td.amount{text-align:end;white-space:nowrap}tr.total td{font-weight:700;border-bottom:none}
button{font-size:1rem;padding:.6rem 1.2rem;margin:.25rem 0;border-radius:.4rem;cursor:pointer}
.pay{background:#635bff;color:#fff;border:0}.alert{color:#a40000}
"""


def language(locale: str | None, accept_language: str) -> str:
    for candidate in [locale or "", *accept_language.split(",")]:
        code = candidate.split(";")[0].strip().lower()[:2]
        if code in LABELS:
            return code
    return "en"


def money(amount: int, currency: str) -> str:
    places = decimals(currency)
    return f"{amount / 10**places:.{places}f} {currency.upper()}"


def _document(lang: str, body: str) -> bytes:
    labels = LABELS[lang]
    direction = "rtl" if lang == "ar" else "ltr"
    return (
        f'<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(labels['banner'])}</title><style>{STYLE}</style></head><body>"
        f'<p class="banner" role="status">{escape(labels["banner"])}</p>{body}</body></html>'
    ).encode()


def render(session: dict, items: list[dict], lang: str, *, declined: bool = False) -> bytes:
    labels = LABELS[lang]
    currency = session["currency"]
    rows = "".join(
        f"<tr><td>{escape(item['description'])} × {item['quantity']}</td>"
        f'<td class="amount">{money(item["unit_amount"] * item["quantity"], currency)}</td></tr>'
        for item in items
    )
    rows += (
        f'<tr class="total"><td>{escape(labels["total"])}</td>'
        f'<td class="amount">{money(session["amount_total"], currency)}</td></tr>'
    )
    body = f"<p>{escape(labels['explain'])}</p><table>{rows}</table>"
    if declined:
        body += f'<p class="alert" role="alert">{escape(labels["declined"])}</p>'
    if session["status"] == "open":
        body += (
            '<form method="post">'
            f'<p><button class="pay" name="action" value="pay">{escape(labels["pay"])}</button></p>'
            f'<p><button name="action" value="decline">{escape(labels["decline"])}</button></p>'
            f'<p><button name="action" value="cancel">{escape(labels["cancel"])}</button></p></form>'
        )
    else:
        body += f'<p class="alert">{escape(labels["closed"])}</p>'
    return _document(lang, body)


def not_found() -> bytes:
    return _document("en", f"<p>{escape(LABELS['en']['missing'])}</p>")


def portal(return_url: str, lang: str, *, updated: bool = False) -> bytes:
    """The billing portal's one screen here: save a working card (it pays open invoices)."""
    labels = LABELS[lang]
    body = f"<h1>{escape(labels['portal'])}</h1>"
    if updated:
        body += f'<p role="status">{escape(labels["card_updated"])}</p>'
    body += (
        '<form method="post">'
        f'<p><button class="pay" name="action" value="card">{escape(labels["card_ok"])}</button></p></form>'
        f'<p><a href="{escape(return_url or "/")}">{escape(labels["back"])}</a></p>'
    )
    return _document(lang, body)
