"""The Wagtail tree a shopper site needs: locales, root, a French home with en/ar translations."""

import json

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

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
        add_default_workflow(root)
        restore_submit_translation_permission()
    fr_home = HomePage.objects.filter(locale=locales["fr"]).first()
    if fr_home is None:
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        title, text = HOME_TEXT["fr"]
        fr_home = root.add_child(
            instance=HomePage(title=title, slug="home", body=home_body(title, text), locale=locales["fr"])
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
            page.title, page.body = title, home_body(title, text)
            page.save_revision().publish()
        pages[code] = page.specific
    return pages


def add_default_workflow(root):
    """The "Moderators approval" workflow on the root page, as Wagtail's initial data has it: the
    admin offers "Submit" (to a page's own workflow, e.g. promos') only under a page with one."""
    task, _ = GroupApprovalTask.objects.get_or_create(name="Moderators approval")
    task.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    workflow, created = Workflow.objects.get_or_create(name="Moderators approval")
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def restore_submit_translation_permission():
    """wagtail-localize creates its "submit translation" permission in a data migration, which a
    transactional test's flush removes: put it back (the roles get it from ``sync_roles``)."""
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )


def stream(*items):
    """Raw StreamField JSON from (block type, raw value) pairs; struct values may omit fields."""
    return json.dumps([{"type": kind, "value": value} for kind, value in items])


def home_body(title, text):
    """A hero (the page's <h1>) and a grid of the newest products, like the demo home page."""
    return stream(
        ("hero", {"headline": title, "text": text, "cta": {"label": "", "page": None, "url": ""}}),
        ("product_grid", {"title": "", "source": "newest", "products": [], "count": 8}),
    )


def add_page(parent, model, **fields):
    """A published child page of ``parent`` in the parent's locale."""
    fields.setdefault("slug", fields.get("title", model.__name__).lower().replace(" ", "-"))
    page = model(locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_help_centre(home):
    """A help centre with one category and one article holding a FAQ block, under ``home``."""
    from cms_pages.help.models import HelpArticlePage, HelpCategoryPage, HelpCentrePage

    centre = add_page(home, HelpCentrePage, title="Centre d'aide", slug="aide", intro="Toutes les réponses.")
    category = add_page(centre, HelpCategoryPage, title="Livraison", slug="livraison")
    article = add_page(
        category,
        HelpArticlePage,
        title="Délais de livraison",
        slug="delais",
        summary="Combien de temps prend la livraison",
        body=stream(
            ("paragraph", "<p>Nous livrons partout en Tunisie.</p>"),
            (
                "faq",
                {
                    "title": "",
                    "items": [
                        {"question": "Quel délai ?", "answer": "<p>De 2 à 5 jours.</p>"},
                        {"question": "Livrez-vous à Djerba ?", "answer": "<p>Oui, <b>bien sûr</b>.</p>"},
                    ],
                },
            ),
        ),
    )
    sync_roles()  # Support's permissions hang on the help centre
    return centre, category, article
