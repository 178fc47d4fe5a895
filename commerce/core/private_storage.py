"""Where files that must never have a public URL are kept: invoices, return photos, identity documents.

``private_storage()`` is ``STORAGES["private"]`` when configured; otherwise a local media folder
becomes ``MEDIA_ROOT/private/`` (the web server refuses to serve it), and a remote default storage
(a private S3 bucket with signed URLs) is used as it is. A view streams these files after its own
checks.

``encrypted_private_storage()`` adds encryption at rest (Fernet, AES-128-CBC + HMAC) for identity
documents: a stolen disk or bucket copy shows only ciphertext. Keys come from
``PRIVATE_STORAGE_ENCRYPTION_KEYS`` (newest first; older keys still decrypt, so keys rotate without
rewriting files).
"""

import base64
import hashlib
from io import BytesIO
from pathlib import Path

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage, Storage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Files under ``MEDIA_ROOT/private``: they have no URL, a view streams them after its checks."""

    def url(self, name):
        raise ValueError("private files have no public URL")


def private_storage():
    if "private" in settings.STORAGES:
        return storages["private"]
    default = storages["default"]
    if isinstance(default, FileSystemStorage):
        return PrivateFileSystemStorage(location=Path(settings.MEDIA_ROOT) / "private")
    return default


def fernet():
    """The MultiFernet of ``PRIVATE_STORAGE_ENCRYPTION_KEYS`` (encrypts with the first key).

    Without keys (local runs, tests) one key is derived from ``SECRET_KEY``; production settings
    require the keys, so this fallback never applies there.
    """
    keys = [key.strip() for key in settings.PRIVATE_STORAGE_ENCRYPTION_KEYS if key.strip()]
    if not keys:
        digest = hashlib.sha256(f"private-storage:{settings.SECRET_KEY}".encode()).digest()
        keys = [base64.urlsafe_b64encode(digest).decode()]
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "PRIVATE_STORAGE_ENCRYPTION_KEYS must be Fernet keys (32 bytes, urlsafe base64)"
        ) from error


class EncryptedStorage(Storage):
    """Wraps a private storage: bytes are encrypted before they are written and decrypted when read.

    Files are read whole (identity documents are a few megabytes at most); sizes are the
    ciphertext's.
    """

    def __init__(self, inner):
        self.inner = inner

    def _save(self, name, content):
        content.seek(0)
        token = fernet().encrypt(content.read())
        return self.inner.save(name, ContentFile(token))

    def _open(self, name, mode="rb"):
        with self.inner.open(name, "rb") as stored:
            plain = fernet().decrypt(stored.read())
        return File(BytesIO(plain), name=name)

    def delete(self, name):
        self.inner.delete(name)

    def exists(self, name):
        return self.inner.exists(name)

    def size(self, name):
        return self.inner.size(name)

    def get_available_name(self, name, max_length=None):
        return self.inner.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.inner.generate_filename(filename)

    def url(self, name):
        raise ValueError("private files have no public URL")


def encrypted_private_storage():
    return EncryptedStorage(private_storage())


def encrypt_text(text):
    """A short secret (a bank account number) as a Fernet token, for a database column."""
    return fernet().encrypt(text.encode()).decode()


def decrypt_text(token):
    return fernet().decrypt(token.encode()).decode()
