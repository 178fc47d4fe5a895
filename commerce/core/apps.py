from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Cross-cutting site pieces: health endpoint, page chrome (language links, theme), template tags."""

    name = "commerce.core"
    label = "core"
    verbose_name = _("Site core")

    def ready(self):
        from . import audit_functions, sites  # sites reads Django's sites model: once every app is ready

        post_migrate.connect(
            sites.sync_site, sender=apps.get_app_config("sites"), dispatch_uid="core.sync_site"
        )
        post_migrate.connect(
            audit_functions.install_after_migrate,
            sender=apps.get_app_config("pgtrigger"),
            dispatch_uid="core.audit_functions",
        )

        from PIL import Image  # Pillow is only needed by image work: not loaded with the settings

        # Pillow refuses to decode past twice this (DecompressionBombError): thumbnails of any
        # stored image, not only of new uploads (commerce/core/images.py checks those first).
        Image.MAX_IMAGE_PIXELS = settings.UPLOADS_IMAGE_MAX_PIXELS
