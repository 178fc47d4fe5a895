"""Help centre → categories → articles, with "was this helpful?" feedback for Support."""

from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms_pages.core.blocks import ArticleStreamBlock
from cms_pages.core.pagetypes import ViewRestrictionCacheMixin
from cms_pages.core.permissions import HelpPermissionTester
from cms_pages.core.ratelimit import client_ip
from cms_pages.core.seo import SeoMixin, breadcrumb_pages, faq_page_node

from . import feedback, selectors
from .forms import FeedbackForm


class HelpPageMixin:
    """Only Support (and Platform admins) edit help pages, although Marketing edits the tree above."""

    def permissions_for_user(self, user):
        return HelpPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["crumbs"] = breadcrumb_pages(self)
        return context


class HelpCentrePage(HelpPageMixin, ViewRestrictionCacheMixin, SeoMixin, Page):
    """The help centre's front page: a search box and the categories (one per locale, under home)."""

    intro = models.CharField(_("introduction"), max_length=255, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = SeoMixin.seo_panels

    parent_page_types = ["home.HomePage"]
    subpage_types = ["help.HelpCategoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("help centre")

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:200]
        context["query"] = query
        if query:
            context["results"] = selectors.search_articles(self, query)
        else:
            context["categories"] = selectors.categories_with_articles(self)
        return context


class HelpCategoryPage(HelpPageMixin, ViewRestrictionCacheMixin, SeoMixin, Page):
    """A group of articles: orders, payment, delivery, sellers, experts…"""

    intro = models.CharField(_("introduction"), max_length=255, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = SeoMixin.seo_panels

    parent_page_types = ["help.HelpCentrePage"]
    subpage_types = ["help.HelpArticlePage"]

    class Meta:
        verbose_name = _("help category")
        verbose_name_plural = _("help categories")

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.get_children().live().public().specific().order_by("path")
        return context


class HelpArticlePage(HelpPageMixin, ViewRestrictionCacheMixin, SeoMixin, Page):
    """A question answered or a guide; its FAQ blocks are published as schema.org FAQPage data."""

    summary = models.CharField(_("summary"), max_length=255, blank=True)
    body = StreamField(ArticleStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    promote_panels = SeoMixin.seo_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["help.HelpCategoryPage"]
    subpage_types = []

    seo_og_type = "article"

    class Meta:
        verbose_name = _("help article")

    def get_meta_description(self):
        return self.search_description or self.summary

    def faq_items(self):
        return [
            (item["question"], item["answer"])
            for block in self.body
            if block.block_type == "faq"
            for item in block.value["items"]
        ]

    def get_json_ld_nodes(self, request):
        node = faq_page_node(self.faq_items())
        return [node] if node else []

    def serve(self, request, *args, **kwargs):
        """The feedback form posts here: record the answer (bots and floods aside), then thank."""
        if request.method == "POST" and "helpful" in request.POST:
            form = FeedbackForm(request.POST)
            if form.is_valid() and not form.is_bot():
                recorded = feedback.record_feedback(
                    self,
                    helpful=form.cleaned_data["helpful"],
                    comment=form.cleaned_data["comment"],
                    language=get_language() or "",
                    client=client_ip(request),
                )
                if recorded is None:
                    messages.warning(request, gettext("Thank you, we already have your answer."))
            return redirect(f"{self.url}?feedback=thanks#feedback")
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feedback_thanks"] = request.GET.get("feedback") == "thanks"
        context["siblings"] = selectors.related_articles(self)
        return context


class HelpArticleFeedback(models.Model):
    """One answer to "was this article helpful?", with an optional comment, for Support's report."""

    article = models.ForeignKey(
        HelpArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="feedback"
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("help article feedback")
        verbose_name_plural = _("help article feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.article_id}: {'+' if self.helpful else '-'}"
