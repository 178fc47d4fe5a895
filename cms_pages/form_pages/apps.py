from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormPagesConfig(AppConfig):
    """Forms Marketing builds without a developer (Wagtail's form builder), protected from spam."""

    name = "cms_pages.form_pages"
    label = "form_pages"
    verbose_name = _("Form pages")
