"""The public site's identity: its origin for absolute links, and its Django ``Site`` row.

``absolute_url`` is the one way to write an address that leaves the page (canonical, hreflang,
og:url, JSON-LD, sitemap, robots.txt): it uses ``SITE_URL``, never the request's host or Wagtail's
``Site`` hostname and port, which differ between the host a visitor typed, a proxy and the admin.

The ``django.contrib.sites`` row named by ``SITE_ID`` carries ``SITE_DOMAIN`` and ``SITE_NAME``:
allauth names the site in every account email (subject prefix, greeting, signature) from that
row, which Django creates as "example.com"; settings are the one place the site's name lives.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path_or_url):
    """``path_or_url`` on the public origin; an address already absolute (a CDN, S3) is kept."""
    if not path_or_url:
        return ""
    if urlsplit(path_or_url).netloc:
        return path_or_url
    return settings.SITE_URL.rstrip("/") + "/" + path_or_url.lstrip("/")


def page_url(page, request=None):
    """The public absolute address of a Wagtail page ("" when it is not routable)."""
    parts = page.get_url_parts(request)
    return absolute_url(parts[2]) if parts else ""


def sync_site(**kwargs):
    """post_migrate receiver of the sites app (also re-run after a test flush empties the table)."""
    from django.contrib.sites.models import Site  # this module is imported from CoreConfig.ready()

    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )
    Site.objects.clear_cache()
