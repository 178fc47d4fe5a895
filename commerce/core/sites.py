"""The ``django.contrib.sites`` row named by ``SITE_ID`` carries ``SITE_DOMAIN`` and ``SITE_NAME``.

allauth names the site in every account email (subject prefix, greeting, signature) from that
row, which Django creates as "example.com"; settings are the one place the site's name lives.
"""

from django.conf import settings


def sync_site(**kwargs):
    """post_migrate receiver of the sites app (also re-run after a test flush empties the table)."""
    from django.contrib.sites.models import Site  # this module is imported from CoreConfig.ready()

    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )
    Site.objects.clear_cache()
