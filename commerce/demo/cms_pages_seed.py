"""Seed the CMS beyond the home page, in French with English and Arabic translations.

A landing page, a promo running this week (with its Oscar voucher), the help centre with a few
articles, a contact form, the legal pages, testimonials, navigation menu, footer and site settings.
Called by ``services.seed_demo`` after the home pages; every step finds what exists by its natural
key (slug under the locale's home, snippet name and locale) and creates only what is missing, so a
second run creates nothing and never overwrites an editor's change.
"""

import json
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Locale, Page, Site

from cms_pages.core.models import Footer, NavigationMenu, SiteSettings, Testimonial
from cms_pages.form_pages.models import FormField, FormPage
from cms_pages.help.models import HelpArticlePage, HelpCategoryPage, HelpCentrePage
from cms_pages.home.models import HomePage
from cms_pages.landing.models import LandingPage, PromoPage
from cms_pages.standard.models import StandardPage
from commerce.users.roles import sync_roles

from .pages_data import (
    BADGES,
    CONTACT,
    HELP,
    HOME_EXTRA,
    LANDING,
    LEGAL,
    MENU_LABELS,
    PROMO,
    SITE_CONTACT,
    SOURCE_LANGUAGE,
    TESTIMONIALS,
)

LANGUAGES = ("fr", "en", "ar")
MENU_NAME = "Menu principal"
FOOTER_NAME = "Pied de page"


def seed_cms_pages(report, *, now=None):
    """Everything the CMS demo shows; returns {language: {"landing": page, …}}."""
    now = now or timezone.now()
    homes = {language: _home(language) for language in LANGUAGES}
    if homes[SOURCE_LANGUAGE] is None:
        report.notes.append("No French home page: CMS demo pages skipped.")
        return {}
    seed_testimonials(report)
    voucher = seed_promo_voucher(report, now)
    pages = {language: {} for language in LANGUAGES}
    _translated_tree(report, homes, pages, "landing", LandingPage, LANDING["slug"], _landing_fields)
    _translated_tree(
        report,
        homes,
        pages,
        "promo",
        PromoPage,
        PROMO["slug"],
        lambda lang: _promo_fields(lang, now, voucher),
    )
    _translated_tree(report, homes, pages, "help", HelpCentrePage, HELP["slug"], _help_fields)
    for slug, title, intro, articles in HELP["categories"]:
        parents = {lang: pages[lang].get("help") for lang in LANGUAGES}
        category_pages = {lang: {} for lang in LANGUAGES}
        _translated_tree(
            report,
            parents,
            category_pages,
            slug,
            HelpCategoryPage,
            slug,
            lambda lang, title=title, intro=intro: {"title": title[lang], "intro": intro[lang]},
        )
        for article in articles:
            article_parents = {lang: category_pages[lang].get(slug) for lang in LANGUAGES}
            _translated_tree(
                report,
                article_parents,
                {lang: {} for lang in LANGUAGES},
                article[0],
                HelpArticlePage,
                article[0],
                lambda lang, article=article: _article_fields(lang, article),
            )
    _translated_tree(report, homes, pages, "contact", FormPage, CONTACT["slug"], _contact_fields)
    for slug, title, intro, text in LEGAL:
        _translated_tree(
            report,
            homes,
            pages,
            slug,
            StandardPage,
            slug,
            lambda lang, title=title, intro=intro, text=text: _legal_fields(lang, title, intro, text, now),
        )
    seed_navigation(report, pages)
    seed_site_settings(report)
    sync_roles()  # Support's permissions on the new help centres
    return pages


# --- Pages -----------------------------------------------------------------------------------------


def _home(language):
    locale = Locale.objects.filter(language_code=language).first()
    root = Page.get_first_root_node()
    if locale is None or root is None:
        return None
    return HomePage.objects.filter(locale=locale, depth=root.depth + 1).order_by("path").first()


def _translated_tree(report, parents, pages, key, model, slug, fields):
    """The French page under its parent (created if missing), then its translations, all published."""
    source_parent = parents.get(SOURCE_LANGUAGE)
    if source_parent is None:
        return
    source = model.objects.child_of(source_parent).filter(slug=slug).first()
    report.tally("cms pages", source is None)
    if source is None:
        source = model(slug=slug, locale=source_parent.locale)
        _apply(source, fields(SOURCE_LANGUAGE))
        source_parent.add_child(instance=source)
        _publish(source)
    pages[SOURCE_LANGUAGE][key] = source
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE or parents.get(language) is None:
            continue
        locale = parents[language].locale
        page = source.get_translation_or_none(locale)
        report.tally("cms pages", page is None)
        if page is None:
            page = source.copy_for_translation(locale)
            page = page.specific
            _apply(page, fields(language))
            page.save()
            if isinstance(page, FormPage):
                _translate_form_fields(page, language)
                page.refresh_from_db()
            _publish(page)
        pages[language][key] = page.specific


def _publish(page):
    revision = page.save_revision()
    revision.publish()


def _apply(page, values):
    form_fields = values.pop("form_fields", None)
    for name, value in values.items():
        setattr(page, name, value)
    if form_fields is not None:
        page.form_fields = [FormField(**field) for field in form_fields]


def _stream(items):
    return json.dumps([{"type": kind, "value": value} for kind, value in items])


def _landing_fields(lang):
    data = LANDING
    testimonials = list(
        Testimonial.objects.filter(locale__language_code=lang).order_by("pk").values_list("pk", flat=True)
    )
    return {
        "title": data["title"][lang],
        "body": _stream(
            [
                (
                    "hero",
                    {
                        "eyebrow": data["eyebrow"][lang],
                        "headline": data["headline"][lang],
                        "text": data["text"][lang],
                        "cta": {
                            "label": data["cta"][lang],
                            "page": None,
                            "url": f"/{lang}/{CONTACT['slug']}/",
                        },
                    },
                ),
                (
                    "columns",
                    {
                        "columns": [
                            {
                                "heading": heading[lang],
                                "text": text[lang],
                                "link": {"label": "", "page": None, "url": ""},
                            }
                            for heading, text in data["columns"]
                        ]
                    },
                ),
                (
                    "pricing",
                    {
                        "title": data["pricing_title"][lang],
                        "plans": [
                            {
                                "name": name[lang],
                                "price": price,
                                "period": period[lang],
                                "features": [feature[lang] for feature in features],
                                "show_commission": True,
                                "highlighted": highlighted,
                                "button": {
                                    "label": data["cta"][lang],
                                    "page": None,
                                    "url": f"/{lang}/{CONTACT['slug']}/",
                                },
                            }
                            for name, price, period, features, highlighted in data["plans"]
                        ],
                    },
                ),
                ("testimonials", {"title": data["testimonials_title"][lang], "testimonials": testimonials}),
                (
                    "faq",
                    {
                        "title": data["faq_title"][lang],
                        "items": [
                            {"question": question[lang], "answer": answer[lang]}
                            for question, answer in data["faq"]
                        ],
                    },
                ),
                (
                    "cta",
                    {
                        "title": data["cta_band_title"][lang],
                        "text": data["cta_band_text"][lang],
                        "style": "accent",
                        "button": {
                            "label": data["cta_band_button"][lang],
                            "page": None,
                            "url": f"/{lang}/{CONTACT['slug']}/",
                        },
                    },
                ),
            ]
        ),
    }


def _promo_products():
    Product = get_model("catalogue", "Product")
    return list(Product.objects.browsable().order_by("pk").values_list("pk", flat=True)[:4])


def _promo_fields(lang, now, voucher):
    data = PROMO
    return {
        "title": data["title"][lang],
        "go_live_at": None,
        "expire_at": now + timedelta(days=6),
        "voucher": voucher,
        "body": _stream(
            [
                (
                    "hero",
                    {
                        "eyebrow": data["eyebrow"][lang],
                        "headline": data["headline"][lang],
                        "text": data["text"][lang],
                        "cta": {"label": "", "page": None, "url": ""},
                    },
                ),
                ("countdown", {"title": data["countdown"][lang], "ends_at": None, "expired_text": ""}),
                (
                    "product_grid",
                    {
                        "title": data["products"][lang],
                        "source": "hand_picked",
                        "products": _promo_products(),
                        "category": None,
                        "anchor": None,
                        "count": 4,
                    },
                ),
                (
                    "trust_badges",
                    {
                        "badges": [
                            {"icon": icon, "title": title[lang], "text": text[lang]}
                            for icon, title, text in BADGES
                        ]
                    },
                ),
            ]
        ),
    }


def _help_fields(lang):
    return {"title": HELP["title"][lang], "intro": HELP["intro"][lang]}


def _article_fields(lang, article):
    _slug, title, summary, text, faq = article
    body = [("paragraph", text[lang])]
    if faq:
        body.append(
            ("faq", {"title": "", "items": [{"question": q[lang], "answer": a[lang]} for q, a in faq]})
        )
    return {"title": title[lang], "summary": summary[lang], "body": _stream(body)}


def _contact_fields(lang):
    return {
        "title": CONTACT["title"][lang],
        "intro": CONTACT["intro"][lang],
        "thank_you_text": CONTACT["thanks"][lang],
        "to_address": CONTACT["recipients"],
        "subject": CONTACT["title"][lang],
        "form_fields": [
            {
                "sort_order": index,
                "label": label[lang],
                "field_type": field_type,
                "required": required,
                "choices": choices[lang] if choices else "",
            }
            for index, (field_type, label, required, choices) in enumerate(CONTACT["fields"])
        ],
    }


def _translate_form_fields(page, lang):
    """Labels and choices in the page's language; the field keys (clean names) stay the French ones."""
    for field in FormField.objects.filter(page=page).order_by("sort_order"):
        _field_type, label, _required, choices = CONTACT["fields"][field.sort_order]
        field.label = label[lang]
        field.choices = choices[lang] if choices else ""
        field.save(update_fields=["label", "choices"])


def _legal_fields(lang, title, intro, text, now):
    return {
        "title": title[lang],
        "intro": intro[lang],
        "last_updated": now.date(),
        "body": _stream([("paragraph", text[lang])]),
    }


# --- Snippets, settings, voucher -------------------------------------------------------------------


def seed_testimonials(report):
    """The three demo testimonials in French, with their English and Arabic translations."""
    locales = {language: Locale.objects.filter(language_code=language).first() for language in LANGUAGES}
    if locales[SOURCE_LANGUAGE] is None:
        return {}
    result = {language: [] for language in LANGUAGES}
    for quote, author, role, rating in TESTIMONIALS:
        source = Testimonial.objects.filter(locale=locales[SOURCE_LANGUAGE], author_name=author).first()
        report.tally("testimonials", source is None)
        if source is None:
            source = Testimonial.objects.create(
                locale=locales[SOURCE_LANGUAGE],
                quote=quote["fr"],
                author_name=author,
                author_role=role["fr"],
                rating=rating,
            )
        result[SOURCE_LANGUAGE].append(source)
        for language in LANGUAGES:
            if language == SOURCE_LANGUAGE or locales[language] is None:
                continue
            translated = source.get_translation_or_none(locales[language])
            report.tally("testimonials", translated is None)
            if translated is None:
                translated = source.copy_for_translation(locales[language])
                translated.quote, translated.author_role = quote[language], role[language]
                translated.save()
            result[language].append(translated)
    return result


def seed_navigation(report, pages):
    source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    menu = NavigationMenu.objects.filter(locale=source_locale, name=MENU_NAME).first()
    footer = Footer.objects.filter(locale=source_locale, name=FOOTER_NAME).first()
    for language in LANGUAGES:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            continue
        lang_pages = pages.get(language, {})
        existing = NavigationMenu.objects.filter(locale=locale).first()
        report.tally("navigation menus", existing is None)
        if existing is None:
            links = [
                _link(MENU_LABELS["home"][language], url=f"/{language}/"),
                _link(MENU_LABELS["catalogue"][language], url=f"/{language}/catalogue/"),
                _link("", page=lang_pages.get("promo")),
                _link("", page=lang_pages.get("landing")),
                _link(MENU_LABELS["help"][language], page=lang_pages.get("help")),
                _link(MENU_LABELS["contact"][language], page=lang_pages.get("contact")),
            ]
            kwargs = {
                "locale": locale,
                "name": MENU_NAME,
                "links": _stream([("link", link) for link in links if link]),
            }
            if menu is not None and language != SOURCE_LANGUAGE:
                kwargs["translation_key"] = menu.translation_key
            created = NavigationMenu.objects.create(**kwargs)
            menu = menu or created
        existing = Footer.objects.filter(locale=locale).first()
        report.tally("footers", existing is None)
        if existing is None:
            columns = [
                {
                    "heading": MENU_LABELS["shop"][language],
                    "links": [
                        _link(MENU_LABELS["catalogue"][language], url=f"/{language}/catalogue/"),
                        _link(MENU_LABELS["offers"][language], url=f"/{language}/offers/"),
                        _link(MENU_LABELS["search"][language], url=f"/{language}/search/"),
                    ],
                },
                {
                    "heading": MENU_LABELS["help"][language],
                    "links": [
                        _link("", page=lang_pages.get("help")),
                        _link("", page=lang_pages.get("contact")),
                        _link("", page=lang_pages.get("landing")),
                    ],
                },
                {
                    "heading": MENU_LABELS["legal"][language],
                    "links": [_link("", page=lang_pages.get(slug)) for slug, *_rest in LEGAL],
                },
            ]
            for column in columns:
                column["links"] = [link for link in column["links"] if link]
            kwargs = {
                "locale": locale,
                "name": FOOTER_NAME,
                "about": MENU_LABELS["footer_about"][language],
                "columns": _stream([("column", column) for column in columns]),
            }
            if footer is not None and language != SOURCE_LANGUAGE:
                kwargs["translation_key"] = footer.translation_key
            created = Footer.objects.create(**kwargs)
            footer = footer or created


def _link(label, *, url="", page=None):
    if not url and page is None:
        return None
    return {"label": label, "page": page.pk if page is not None else None, "url": url}


def seed_site_settings(report):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings_row = SiteSettings.for_site(site)
    fresh = not any(getattr(settings_row, name) for name in SITE_CONTACT)
    report.tally("site settings", fresh)
    if fresh:
        for name, value in SITE_CONTACT.items():
            setattr(settings_row, name, value)
        settings_row.save()


def seed_promo_voucher(report, now):
    """The promo's voucher: 15 % off everything, valid for a week (Oscar offer + voucher)."""
    Voucher = get_model("voucher", "Voucher")
    existing = Voucher.objects.filter(code=PROMO["voucher"]).first()
    report.tally("vouchers", existing is None)
    if existing is not None:
        return existing
    Range = get_model("offer", "Range")
    Benefit = get_model("offer", "Benefit")
    Condition = get_model("offer", "Condition")
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    product_range, _ = Range.objects.get_or_create(
        name="Tout le catalogue", defaults={"includes_all_products": True}
    )
    condition = Condition.objects.create(range=product_range, type=Condition.COUNT, value=1)
    benefit = Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=Decimal("15"))
    offer = ConditionalOffer.objects.create(
        name=f"Voucher {PROMO['voucher']}",
        offer_type=ConditionalOffer.VOUCHER,
        condition=condition,
        benefit=benefit,
    )
    voucher = Voucher.objects.create(
        name=PROMO["title"]["fr"],
        code=PROMO["voucher"],
        usage=Voucher.MULTI_USE,
        start_datetime=now - timedelta(hours=1),
        end_datetime=now + timedelta(days=6),
    )
    voucher.offers.add(offer)
    return voucher


def home_extra_blocks(lang, testimonials, market_image_id=None):
    """Blocks the seeded home page shows around its own texts (rankings, badges, newsletter)."""
    return {
        "badges": (
            "trust_badges",
            {
                "badges": [
                    {"icon": icon, "title": title[lang], "text": text[lang]} for icon, title, text in BADGES
                ]
            },
        ),
        "best_sellers": (
            "product_grid",
            {
                "title": HOME_EXTRA["best_sellers"][lang],
                "source": "best_sellers",
                "products": [],
                "category": None,
                "anchor": None,
                "count": 4,
            },
        ),
        "newest": (
            "product_grid",
            {
                "title": HOME_EXTRA["newest"][lang],
                "source": "newest",
                "products": [],
                "category": None,
                "anchor": None,
                "count": 8,
            },
        ),
        "together": (
            "product_grid",
            {
                "title": HOME_EXTRA["together"][lang],
                "source": "bought_together",
                "products": [],
                "category": None,
                "anchor": None,
                "count": 4,
            },
        ),
        "testimonials": ("testimonials", {"title": "", "testimonials": [item.pk for item in testimonials]}),
        "newsletter": (
            "newsletter",
            {
                "title": HOME_EXTRA["newsletter_title"][lang],
                "text": HOME_EXTRA["newsletter_text"][lang],
                "button_label": "",
            },
        ),
    }
