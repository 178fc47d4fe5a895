"""Why a download or an upload was refused; ``str()`` is the message shown to the person."""

from django.utils.translation import gettext_lazy as _


class DownloadRefused(Exception):
    """A download that will not be served. ``status``: 403 (not yours, revoked, forged), 410
    (gone: the link or the access expired, or no downloads are left) or 503 (the file could not be
    prepared: try again; no download was used)."""

    def __init__(self, message, *, status=403):
        super().__init__(str(message))
        self.status = status


class UploadRefused(Exception):
    """An upload that cannot be stored (wrong chunk, too large); nothing is kept."""


LINK_FORGED = _("This download link is not valid. Open your downloads page to get a new one.")
LINK_EXPIRED = _("This download link has expired. Open your downloads page to get a new one.")
ASK_SELLER = _(
    "To download it again, write to the seller from your order page: they can give you more downloads."
)
NO_SUCH_KEY = _("No such licence key for this product.")


class PublicationBlocked(Exception):
    """Some files cannot be delivered yet: ``messages`` says what to fix, per file."""

    def __init__(self, messages):
        super().__init__("; ".join(str(message) for message in messages))
        self.messages = [str(message) for message in messages]
