from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Cross-cutting site pieces: health endpoint, page chrome (language links, theme), template tags."""

    name = "commerce.core"
    label = "core"
    verbose_name = _("Site core")
