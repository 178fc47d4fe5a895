"""Private storage: no public URL, and identity documents encrypted at rest with rotatable keys."""

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.files.base import ContentFile

from commerce.core.private_storage import (
    EncryptedStorage,
    PrivateFileSystemStorage,
    decrypt_text,
    encrypt_text,
)


@pytest.fixture
def storage(tmp_path):
    return EncryptedStorage(PrivateFileSystemStorage(location=tmp_path))


def test_files_are_written_encrypted_and_read_back_plain(storage, tmp_path, settings):
    settings.PRIVATE_STORAGE_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    name = storage.save("cin/front.png", ContentFile(b"\x89PNG the card"))
    assert b"the card" not in (tmp_path / name).read_bytes()
    with storage.open(name) as stored:
        assert stored.read() == b"\x89PNG the card"


def test_a_new_key_in_front_still_reads_files_of_the_old_one(storage, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PRIVATE_STORAGE_ENCRYPTION_KEYS = [old]
    name = storage.save("cin/back.png", ContentFile(b"old file"))
    token = encrypt_text("08123000123456789052")
    settings.PRIVATE_STORAGE_ENCRYPTION_KEYS = [new, old]
    with storage.open(name) as stored:
        assert stored.read() == b"old file"
    assert decrypt_text(token) == "08123000123456789052"
    settings.PRIVATE_STORAGE_ENCRYPTION_KEYS = [new]
    with pytest.raises(InvalidToken):
        storage.open(name)


def test_private_files_have_no_url(storage):
    name = storage.save("cin/front.png", ContentFile(b"x"))
    with pytest.raises(ValueError):
        storage.url(name)
    with pytest.raises(ValueError):
        storage.inner.url(name)
