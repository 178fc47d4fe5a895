"""The rows the buyer's pages and the API list: per current file, downloads left and a fresh
signed link (built at each read, so a link is never older than the page that shows it)."""

from django.urls import reverse

from . import selectors, services


def download_rows(entitlements):
    return [
        {
            "entitlement": entitlement,
            "file": digital_file,
            "version": version,
            "url": reverse(
                "digital:download", kwargs={"token": services.download_token(entitlement, digital_file)}
            ),
        }
        for entitlement, digital_file, version in selectors.downloadable(entitlements)
    ]
