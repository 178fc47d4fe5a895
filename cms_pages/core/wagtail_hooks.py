"""Admin wiring of the CMS core: choosers, snippets, newsletter list, translation status."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, translate_on_submit
from .choosers import category_chooser_viewset, product_chooser_viewset
from .models import Footer, NavigationMenu, NewsletterSubscription, Testimonial
from .richtext import CachedPageLinkHandler


@hooks.register("register_rich_text_features", order=1)  # after Wagtail's own page links
def cache_rich_text_page_links(features):
    features.register_link_type(CachedPageLinkHandler)


@hooks.register("insert_editor_js")
def product_grid_source_fields():
    """The product grid shows only the chosen source's fields (``blocks.SOURCE_FIELDS``)."""
    return format_html('<script src="{}"></script>', static("cms_core/js/product_grid_source.js"))


@hooks.register("register_admin_viewset")
def register_choosers():
    return [product_chooser_viewset, category_chooser_viewset]


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    menu_label = _("Testimonials")
    list_display = ["author_name", "quote", "rating"]
    search_fields = ["quote", "author_name"]


class NavigationMenuViewSet(SnippetViewSet):
    """Drafts, preview and publish: visitors see a menu only once it is published."""

    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Navigation menus")
    list_display = ["name", "locale", LiveStatusTagColumn()]


class FooterViewSet(SnippetViewSet):
    """Drafts, preview and publish, as for menus."""

    model = Footer
    icon = "doc-empty"
    menu_label = _("Footers")
    list_display = ["name", "locale", LiveStatusTagColumn()]


class SiteContentGroup(SnippetViewSetGroup):
    items = (NavigationMenuViewSet, FooterViewSet, TestimonialViewSet)
    menu_icon = "snippet"
    menu_label = _("Site content")
    menu_name = "site-content"
    menu_order = 250


register_snippet(SiteContentGroup)


class NewsletterSubscriptionViewSet(ModelViewSet):
    """Subscribers, filterable by status and exportable to CSV/XLSX (read-only for Marketing)."""

    model = NewsletterSubscription
    icon = "mail"
    menu_label = _("Newsletter")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["email", "language", "status", "created_at", "confirmed_at"]
    list_filter = ["status", "language"]
    list_export = ["email", "language", "status", "created_at", "confirmed_at", "unsubscribed_at", "source"]
    export_filename = "newsletter-subscriptions"
    search_fields = ["email"]
    form_fields = ["status"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_newsletter():
    return NewsletterSubscriptionViewSet("newsletter_subscriptions")


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return [
        path("translation-status/", admin_views.translation_status, name="cms_translation_status"),
        path(
            "translation-status/<int:page_id>/sync/",
            admin_views.sync_translations,
            name="cms_translation_status_sync",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("cms_translation_status"),
        name="translation-status",
        icon_name="globe",
        order=900,
    )


@hooks.register("construct_reports_menu")
def name_translations_report_in_the_editors_language(request, menu_items):
    """wagtail-localize names its report once per process, in the language of the first editor to open
    the admin ("Traductions" then shows in the English admin): give it a label translated per request."""
    report_url = reverse("wagtail_localize:translations_report")
    for item in menu_items:
        if item.url == report_url:
            item.label = _("Translations")


@hooks.register("register_page_action_menu_item")
def register_submit_and_translate_menu_item():
    return translate_on_submit.SubmitAndTranslateMenuItem(order=61)  # right after Wagtail's "Submit"


hooks.register("after_create_page", translate_on_submit.after_submit)
hooks.register("after_edit_page", translate_on_submit.after_submit)
