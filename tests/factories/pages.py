"""The Wagtail tree a shopper site needs: locales, root, a French home with en/ar translations."""

from wagtail.models import Collection, Locale, Page, Site

from cms_pages.home.models import HomePage
from commerce.users.roles import sync_roles

HOME_TEXT = {
    "fr": ("Bienvenue au souk", "Des créateurs tunisiens, livrés chez vous."),
    "en": ("Welcome to the souk", "Tunisian makers, delivered to you."),
    "ar": ("مرحبا بكم في السوق", "مبدعون تونسيون، إلى باب بيتك."),
}


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in HOME_TEXT}


def build_home_pages():
    """Idempotent: returns {language: live HomePage}, the French one being the default site's root.

    Transactional tests flush the tables that Wagtail's migrations filled, so this rebuilds the
    root page and the Site when they are missing.
    """
    locales = ensure_locales()
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["fr"]))
    fr_home = HomePage.objects.filter(locale=locales["fr"]).first()
    if fr_home is None:
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        title, text = HOME_TEXT["fr"]
        fr_home = root.add_child(
            instance=HomePage(
                title=title, slug="home", hero_title=title, hero_text=text, locale=locales["fr"]
            )
        )
        fr_home.save_revision().publish()
        sync_roles()  # page permissions hang on the root page, which may have just been rebuilt
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": fr_home, "site_name": "Souk"},
    )
    pages = {"fr": fr_home}
    for code in ("en", "ar"):
        page = HomePage.objects.filter(locale=locales[code], translation_key=fr_home.translation_key).first()
        if page is None:
            title, text = HOME_TEXT[code]
            page = fr_home.copy_for_translation(locales[code])
            page.title, page.hero_title, page.hero_text = title, title, text
            page.save_revision().publish()
        pages[code] = page.specific
    return pages
