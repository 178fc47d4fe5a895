"""Where invoice PDFs are kept: never at a public URL.

A ``STORAGES["invoices"]`` entry wins; otherwise a local media folder becomes
``MEDIA_ROOT/private/`` (the web server refuses to serve it), and a remote default storage (a private
S3 bucket with signed URLs) is used as it is.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Files under ``MEDIA_ROOT/private``: they have no URL, a view streams them after its checks."""

    def url(self, name):
        raise ValueError("private files have no public URL")


def invoice_storage():
    if "invoices" in settings.STORAGES:
        return storages["invoices"]
    default = storages["default"]
    if isinstance(default, FileSystemStorage):
        return PrivateFileSystemStorage(location=Path(settings.MEDIA_ROOT) / "private")
    return default
