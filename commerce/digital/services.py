"""State changes of digital products: entitlements granted, revoked and restored with the order
line, downloads taken (one conditional UPDATE), stamped copies, versions uploaded and checked."""

import hashlib
import logging
import secrets
from datetime import timedelta

import pikepdf
from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from commerce.notifications import notify

from . import events, previews, uploads, watermark
from .exceptions import (
    ASK_SELLER,
    LINK_EXPIRED,
    LINK_FORGED,
    DownloadRefused,
    PublicationBlocked,
)
from .models import (
    Activation,
    DigitalFile,
    DigitalOptions,
    Download,
    Entitlement,
    FileVersion,
    LicenceKey,
    StampedCopy,
)
from .selectors import files_of, options_for, seller_users, uses

log = logging.getLogger(__name__)

TOKEN_SALT = "digital.download"  # noqa: S105 - a signing namespace, not a secret


# --- Entitlements ----------------------------------------------------------------------------


@transaction.atomic
def grant(line):
    """The entitlement of a paid line (made once: a replayed payment finds it), with its keys."""
    options = options_for(line.product)
    expires_at = timezone.now() + timedelta(days=options.access_days) if options.access_days else None
    entitlement, created = Entitlement.objects.get_or_create(
        line=line,
        defaults={
            "product": line.product,
            "user": line.order.user,
            "downloads_left": options.download_limit,
            "expires_at": expires_at,
        },
    )
    if created and options.licences != DigitalOptions.Licences.OFF:
        _issue_keys(line, options)
    return entitlement


def revoke(line):
    """A refund takes access back: no more downloads, keys disabled."""
    Entitlement.objects.filter(line=line, revoked_at=None).update(revoked_at=timezone.now())
    LicenceKey.objects.filter(line=line).update(status=LicenceKey.Status.DISABLED)


def restore(line):
    """The refund failed: access and keys come back."""
    Entitlement.objects.filter(line=line).update(revoked_at=None)
    LicenceKey.objects.filter(line=line).update(status=LicenceKey.Status.ACTIVE)


def add_downloads(entitlement, count):
    """The seller gives ``count`` more downloads (a buyer asked)."""
    Entitlement.objects.filter(pk=entitlement.pk).update(downloads_left=F("downloads_left") + count)


# --- Downloads -------------------------------------------------------------------------------


def download_token(entitlement, digital_file):
    """A signed, short-lived token for one file of one entitlement (the link's lifetime is signed in)."""
    minutes = options_for(entitlement.product).link_minutes
    return signing.dumps({"e": entitlement.pk, "f": digital_file.pk, "t": minutes * 60}, salt=TOKEN_SALT)


def read_token(token):
    """``(entitlement id, file id)`` of a token, or ``DownloadRefused`` (forged 403, expired 410)."""
    try:
        payload = signing.loads(token, salt=TOKEN_SALT)
        signing.loads(token, salt=TOKEN_SALT, max_age=payload["t"])
    except signing.SignatureExpired:
        raise DownloadRefused(LINK_EXPIRED, status=410) from None
    except (signing.BadSignature, KeyError, TypeError):
        raise DownloadRefused(LINK_FORGED, status=403) from None
    return payload["e"], payload["f"]


def take_download(token, *, user=None, ip=None, user_agent=""):
    """Spend one download of the token's entitlement and return ``(stored file, file name)``.

    The file is made ready first (the buyer's stamped copy, or the cached one), so a stamping
    failure uses up no download; then one ``UPDATE … WHERE downloads_left > 0`` decides, so
    concurrent clicks never serve more files than are left, and the download is logged in the same
    transaction. Raises ``DownloadRefused``.
    """
    entitlement_id, file_id = read_token(token)
    now = timezone.now()
    entitlement = (
        Entitlement.objects.select_related("line__order", "product").filter(pk=entitlement_id).first()
    )
    if not _usable(entitlement, now):
        raise _refusal(entitlement, now)
    digital_file = next((f for f in files_of(entitlement.product) if f.pk == file_id), None)
    version = digital_file.current_version if digital_file else None
    if version is None:
        raise DownloadRefused(_("This file is not available any more."), status=410)
    stored = _ready(entitlement, version)
    with transaction.atomic():
        taken = Entitlement.objects.filter(
            Q(expires_at=None) | Q(expires_at__gt=now),
            pk=entitlement_id,
            downloads_left__gt=0,
            revoked_at=None,
        ).update(downloads_left=F("downloads_left") - 1)
        if not taken:
            entitlement.refresh_from_db()
            raise _refusal(entitlement, now)
        Download.objects.create(
            entitlement=entitlement, version=version, user=user, ip=ip, user_agent=(user_agent or "")[:400]
        )
    _alert_many_addresses(entitlement)
    return stored, version.original_name


def _usable(entitlement, now):
    """Worth preparing the file for (the conditional UPDATE still decides under concurrency)."""
    return (
        entitlement is not None
        and entitlement.revoked_at is None
        and entitlement.downloads_left > 0
        and (entitlement.expires_at is None or entitlement.expires_at > now)
    )


def _ready(entitlement, version):
    """The file to serve: the buyer's stamped copy of a watermarked PDF, else the version itself."""
    if not _watermarked(entitlement, version):
        return version.blob
    try:
        return _stamped(entitlement, version)
    except (pikepdf.PdfError, OSError, ValueError) as error:
        log.exception("Stamping version %s for entitlement %s failed: %s", version.pk, entitlement.pk, error)
        raise DownloadRefused(
            _("This file could not be prepared: try again in a few minutes. No download was used."),
            status=503,
        ) from error


def _refusal(entitlement, now):
    if entitlement is None:
        return DownloadRefused(LINK_FORGED, status=403)
    if entitlement.revoked_at:
        return DownloadRefused(
            _("This purchase was refunded: its files are no longer available."), status=403
        )
    if entitlement.expires_at and entitlement.expires_at <= now:
        return DownloadRefused(f"{_('Your access to these files has expired.')} {ASK_SELLER}", status=410)
    return DownloadRefused(f"{_('You have used all your downloads of this file.')} {ASK_SELLER}", status=410)


def _watermarked(entitlement, version):
    options = options_for(entitlement.product)
    return options.watermark != DigitalOptions.Watermark.OFF and version.detected_type == "pdf"


def _stamped(entitlement, version):
    """The buyer's stamped copy of ``version``: made on the first download, then reused."""
    copy = StampedCopy.objects.filter(entitlement=entitlement, version=version).first()
    if copy:
        return copy.blob
    order = entitlement.line.order
    user = order.user
    name = user.get_full_name() if user else ""
    text = watermark.stamp_text(name, order.email, order.number)
    first_only = options_for(entitlement.product).watermark == DigitalOptions.Watermark.FIRST_PAGE
    with version.blob.open("rb") as source:
        content = watermark.stamp(source, text, first_page_only=first_only)
    copy = StampedCopy(entitlement=entitlement, version=version)
    copy.blob.save(f"{entitlement.pk}-{version.pk}.pdf", ContentFile(content), save=False)
    try:
        with transaction.atomic():
            copy.save()
    except IntegrityError:  # a concurrent first download stamped it too: keep theirs
        copy.blob.delete(save=False)
        copy = StampedCopy.objects.get(entitlement=entitlement, version=version)
    return copy.blob


def _alert_many_addresses(entitlement):
    addresses = (
        Download.objects.filter(entitlement=entitlement).exclude(ip=None).values("ip").distinct().count()
    )
    if addresses <= settings.DIGITAL_ALERT_ADDRESSES:
        return
    context = {
        "order": entitlement.line.order.number,
        "product": entitlement.product.get_title(),
        "addresses": addresses,
    }
    for seller in seller_users(entitlement.product):
        transaction.on_commit(
            lambda seller=seller: notify(
                seller, events.MANY_ADDRESSES, context, key=f"digital.many:{entitlement.pk}:{seller.pk}"
            )
        )


# --- Files and versions ----------------------------------------------------------------------


@transaction.atomic
def add_version(product, upload, *, file=None, name=""):
    """Store ``upload`` as a new version of ``file`` (or of a new file of ``product``), waiting for
    its checks; validation starts after commit (a Celery task)."""
    from . import tasks

    if file is None:
        file = DigitalFile.objects.create(product=product, name=name or upload.name)
    file = DigitalFile.objects.select_for_update().get(pk=file.pk)
    number = (file.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    digest = hashlib.sha256()
    size = 0
    for chunk in upload.chunks():
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    version = FileVersion(
        file=file, number=number, original_name=upload.name, size=size, sha256=digest.hexdigest()
    )
    version.blob.save(upload.name, upload, save=False)
    version.save()
    transaction.on_commit(lambda: tasks.validate_version.delay(version.pk))
    return version


def receive_chunk(product, user, *, upload_id, index, total, name, chunk, file=None):
    """Store chunk ``index`` (of ``total``) of a large upload in the shared private storage
    (``uploads``); the last one assembles the whole file, streamed from there, into a new version
    (returned; None before). Raises ``UploadRefused`` (a gap, an invalid upload, too large)."""
    if not uploads.receive(user, upload_id=upload_id, index=index, total=total, chunk=chunk):
        return None
    whole = uploads.assembled(user, upload_id, name)
    try:
        return add_version(product, whole, file=file)
    finally:
        whole.close()
        uploads.discard_upload(user, upload_id)


def publication_problems(product):
    """What stops ``product`` from going on sale, one message per file (empty: it can)."""
    files = files_of(product)
    if not files:
        return [_("Add at least one file.")]
    problems = []
    for digital_file in files:
        latest = digital_file.versions.order_by("-number").first()
        if digital_file.current_version_id is None:
            if latest is None or latest.status == FileVersion.Status.PENDING:
                problems.append(_("“%(file)s” is still being checked.") % {"file": digital_file.name})
            else:
                failed = [check["message"] for check in latest.report if check["ok"] is not True]
                problems.append(
                    _("“%(file)s”: %(reasons)s") % {"file": digital_file.name, "reasons": " ".join(failed)}
                )
    return problems


@transaction.atomic
def publish(product, *, public=True):
    """Put a digital product on sale (every file checked), or take it off sale."""
    if public:
        problems = publication_problems(product)
        if problems:
            raise PublicationBlocked(problems)
    product.is_public = public
    product.save(update_fields=["is_public"])  # save(): the search index follows


@transaction.atomic
def record_validation(version, report):
    """Keep a version's checklist; a version that passed (or may be published unscanned) becomes its
    file's current version, and buyers of the product are told when it replaced an older one."""
    from .validation import status_of

    version = FileVersion.objects.select_for_update().select_related("file").get(pk=version.pk)
    version.report = [check.as_dict() for check in report.checks]
    version.detected_type = report.detected_type
    version.status = status_of(report)
    version.save(update_fields=["report", "detected_type", "status"])
    publishable = version.status == FileVersion.Status.PASSED or (
        version.status == FileVersion.Status.UNSCANNED and settings.DIGITAL_ALLOW_UNSCANNED
    )
    if not publishable:
        return version
    digital_file = DigitalFile.objects.select_for_update().get(pk=version.file_id)
    if digital_file.current_version_id == version.pk:
        return version  # checked again (a task run twice): nothing changes
    _save_preview(version)
    replaced = digital_file.current_version_id is not None
    digital_file.current_version = version
    digital_file.save(update_fields=["current_version"])
    if replaced:
        transaction.on_commit(lambda: _tell_buyers(digital_file, version))
    return version


def _save_preview(version):
    """The free preview of a publishable version, when the product's options ask for one."""
    with version.blob.open("rb") as stream:
        preview = previews.make_preview(stream, version.detected_type, options_for(version.file.product))
    if preview is not None:
        content, extension = preview
        version.preview.save(f"preview-{version.pk}.{extension}", ContentFile(content), save=False)
        version.save(update_fields=["preview"])


def _tell_buyers(digital_file, version):
    context = {
        "file": digital_file.name,
        "version": version.number,
        "product": digital_file.product.get_title(),
        "url": "/accounts/downloads/",
    }
    entitlements = Entitlement.objects.filter(
        Q(product=digital_file.product) | Q(product__parent=digital_file.product), revoked_at=None
    ).exclude(user=None)
    for entitlement in entitlements.select_related("user"):
        notify(
            entitlement.user,
            events.NEW_VERSION,
            context,
            key=f"digital.version:{version.pk}:{entitlement.pk}",
        )


# --- Licence keys ----------------------------------------------------------------------------


def new_key():
    return "-".join(secrets.token_hex(4).upper() for _part in range(4))


def _issue_keys(line, options):
    for _unit in range(line.quantity):
        if options.licences == DigitalOptions.Licences.LIST:
            stocked = (
                LicenceKey.objects.select_for_update(skip_locked=True)
                .filter(product=options.product, line=None)
                .order_by("pk")
                .first()
            )
            if stocked is not None:
                stocked.line, stocked.seats = line, options.seats
                stocked.save(update_fields=["line", "seats"])
                continue
            log.error("Product %s: its list of licence keys is empty; generating one", options.product_id)
        LicenceKey.objects.create(product=line.product, line=line, key=new_key(), seats=options.seats)


def import_keys(product, keys):
    """Add the seller's own keys (one per line of their list) to the product's stock; returns how
    many were new."""
    keys = {key.strip() for key in keys if key.strip()}
    existing = set(LicenceKey.objects.filter(key__in=keys).values_list("key", flat=True))
    LicenceKey.objects.bulk_create(LicenceKey(product=product, key=key) for key in sorted(keys - existing))
    return len(keys - existing)


def set_key_status(licence, status):
    LicenceKey.objects.filter(pk=licence.pk).update(status=status)


@transaction.atomic
def reset_key(licence):
    """Free every seat of a key (the buyer changed machines)."""
    Activation.objects.filter(licence=licence, deactivated_at=None).update(deactivated_at=timezone.now())


@transaction.atomic
def activate(licence, name):
    """Take one seat of ``licence`` for the machine ``name``; None when no seat is free or the key
    is disabled. The key row is locked, so concurrent activations never exceed the seats."""
    licence = LicenceKey.objects.select_for_update().get(pk=licence.pk)
    if licence.status != LicenceKey.Status.ACTIVE:
        return None
    if licence.seats is not None and uses(licence) >= licence.seats:
        return None
    return Activation.objects.create(licence=licence, name=name[:200])


def deactivate(licence, instance):
    return bool(
        Activation.objects.filter(licence=licence, instance=instance, deactivated_at=None).update(
            deactivated_at=timezone.now()
        )
    )
