"""Chunked uploads kept in the shared private storage, so any app server can take the next chunk.

Each chunk is its own file, ``digital/uploads/<seller's user id>-<upload id>/<index>``, in
``commerce.core.private_storage`` (a local folder in development, a private S3 bucket in
production): the chunks of one upload may reach different servers. The last chunk assembles the
file by streaming the chunks one after the other out of that storage (never the whole file in
memory, never one server's disk) into a new version, then removes them. Chunks of an upload that
never finished are removed by ``sweep_abandoned`` (beat).
"""

import io
import re
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from commerce.core.private_storage import private_storage

from .exceptions import UploadRefused

ROOT = "digital/uploads"


def folder_of(user, upload_id):
    return f"{ROOT}/{user.pk}-{upload_id}"


def _chunk_name(folder, index):
    return f"{folder}/{index:06d}"


def received_chunks(storage, folder):
    """``[(index, size)]`` of the chunks stored so far, in order."""
    try:
        _dirs, names = storage.listdir(folder)
    except FileNotFoundError:
        return []
    return sorted((int(name), storage.size(f"{folder}/{name}")) for name in names if name.isdigit())


def receive(user, *, upload_id, index, total, chunk):
    """Store chunk ``index`` (of ``total``); True once every chunk is in. Chunks come in order: a
    repeated chunk (a retry after a lost answer) is accepted once, a gap is refused."""
    if not re.fullmatch(r"[0-9a-f]{32}", upload_id or "") or not 0 <= index < total:
        raise UploadRefused(_("This upload is not valid: start it again."))
    storage = private_storage()
    folder = folder_of(user, upload_id)
    received = received_chunks(storage, folder)
    if index < len(received):
        return False if index < total - 1 else len(received) == total  # this chunk arrived already
    if index != len(received):
        raise UploadRefused(_("A part of the upload is missing: start it again."))
    if sum(size for _index, size in received) + chunk.size > settings.DIGITAL_MAX_UPLOAD_MB * 1024 * 1024:
        discard(storage, folder)
        raise UploadRefused(
            _("The file is larger than %(limit)d MB.") % {"limit": settings.DIGITAL_MAX_UPLOAD_MB}
        )
    storage.save(_chunk_name(folder, index), ContentFile(b"".join(chunk.chunks())))
    return index == total - 1


class ChunkStream(io.RawIOBase):
    """The chunks of one upload read as one file, each opened from the storage in turn."""

    def __init__(self, storage, folder, chunks):
        super().__init__()
        self.storage, self.folder, self.chunks = storage, folder, chunks
        self.size = sum(size for _index, size in chunks)
        self.seek(0)

    def readable(self):
        return True

    def seekable(self):
        return True

    def seek(self, offset, whence=io.SEEK_SET):
        """Back to the start only (what hashing then saving the file needs)."""
        if offset != 0 or whence != io.SEEK_SET:
            raise io.UnsupportedOperation("a chunked upload is read from its start")
        self._close_current()
        self._next, self._current, self._position = 0, None, 0
        return 0

    def tell(self):
        return self._position

    def readinto(self, buffer):
        while True:
            if self._current is None:
                if self._next >= len(self.chunks):
                    return 0
                self._current = self.storage.open(_chunk_name(self.folder, self.chunks[self._next][0]), "rb")
                self._next += 1
            data = self._current.read(len(buffer))
            count = len(data)
            if count:
                buffer[:count] = data
                self._position += count
                return count
            self._close_current()

    def _close_current(self):
        current = getattr(self, "_current", None)
        if current is not None:
            current.close()
        self._current = None

    def close(self):
        self._close_current()
        super().close()


def assembled(user, upload_id, name):
    """The whole upload as a ``File`` streamed from the storage (close it, then ``discard``)."""
    storage = private_storage()
    folder = folder_of(user, upload_id)
    stream = ChunkStream(storage, folder, received_chunks(storage, folder))
    whole = File(io.BufferedReader(stream, buffer_size=1024 * 1024), name=Path(name).name[:200] or "file")
    whole.size = stream.size
    return whole


def discard_upload(user, upload_id):
    discard(private_storage(), folder_of(user, upload_id))


def discard(storage, folder):
    for index, _size in received_chunks(storage, folder):
        storage.delete(_chunk_name(folder, index))


def sweep_abandoned(now=None):
    """Remove the chunks of uploads untouched for ``DIGITAL_UPLOAD_ABANDONED_HOURS``; how many."""
    storage = private_storage()
    cutoff = (now or timezone.now()) - timedelta(hours=settings.DIGITAL_UPLOAD_ABANDONED_HOURS)
    try:
        folders, _files = storage.listdir(ROOT)
    except FileNotFoundError:
        return 0
    swept = 0
    for name in folders:
        folder = f"{ROOT}/{name}"
        chunks = received_chunks(storage, folder)
        times = [storage.get_modified_time(_chunk_name(folder, index)) for index, _size in chunks]
        if times and max(times) < cutoff:
            discard(storage, folder)
            swept += 1
    return swept
