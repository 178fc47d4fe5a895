"""Form pages: fields chosen by editors, submissions stored, emailed after commit and exported as CSV."""

from django.conf import settings
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from cms_pages.core.forms import HONEYPOT_FIELD
from cms_pages.core.pagetypes import ViewRestrictionCacheMixin
from cms_pages.core.ratelimit import allow, client_ip
from cms_pages.core.seo import SeoMixin

from .answers import yes_no


class FormField(TranslatableMixin, AbstractFormField):
    """A field of a form page, translated with the page (wagtail-localize): label, help text, choices and
    default value per language; its name (the key submissions are stored under) and type stay the same."""

    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    override_translatable_fields = [
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class FormPage(ViewRestrictionCacheMixin, SeoMixin, AbstractEmailForm):
    """A contact or lead form: editors add fields, recipients and the thank-you text.

    Spam protection: a honeypot field hidden from people (a filled one is refused and nothing is
    stored) and a per-address rate limit (``CMS_FORM_RATE_LIMIT`` submissions per window).
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after sending."),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            _("Email"),
        ),
    ]
    promote_panels = SeoMixin.seo_panels

    #: The recipients are the same people whatever the language the form is filled in.
    override_translatable_fields = [SynchronizedField("to_address")]

    parent_page_types = ["home.HomePage", "landing.LandingPage", "standard.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("form page")

    def get_meta_description(self):
        return self.search_description or ""

    def get_submissions_list_view_class(self):
        from .views import FormSubmissionsView  # admin views load after the models

        return FormSubmissionsView

    def render_email(self, form):
        """Wagtail's email text, with a ticked or unticked box as "Yes"/"No" in the visitor's language."""
        data = form.cleaned_data
        shown = {name: yes_no(value) for name, value in data.items() if isinstance(value, bool)}
        form.cleaned_data = {**data, **shown}
        try:
            return super().render_email(form)
        finally:
            form.cleaned_data = data

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if request.POST.get(HONEYPOT_FIELD):
                return self._refused(request, status=400)
            limit, seconds = settings.CMS_FORM_RATE_LIMIT
            if not allow(f"form-{self.pk}", client_ip(request), limit, seconds):
                return self._refused(request, status=429)
        return super().serve(request, *args, **kwargs)

    def _refused(self, request, status):
        context = self.get_context(request)
        context["form"] = self.get_form(request.POST, page=self, user=request.user)
        context["refused"] = status
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def send_mail(self, form):
        """Email the recipients once the submission is committed (Celery, never blocks the visitor)."""
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        subject = self.subject or str(_("New answer to “%(title)s”") % {"title": self.title})
        body = self.render_email(form)
        sender = self.from_address or settings.DEFAULT_FROM_EMAIL

        def send():
            from .tasks import send_form_email

            send_form_email.delay(subject, body, sender, addresses)

        transaction.on_commit(send)
