"""Background work of digital products (each task safe to run twice)."""

from celery import shared_task

from . import services, uploads, validation
from .models import FileVersion
from .selectors import options_for


@shared_task(acks_late=True)
def validate_version(version_pk):
    """Check an uploaded version and record its checklist (again: the same checks, the same result)."""
    version = FileVersion.objects.select_related("file__product").filter(pk=version_pk).first()
    if version is None:
        return None
    with version.blob.open("rb") as stream:
        report = validation.validate(stream, version.size, options_for(version.file.product))
    return services.record_validation(version, report).status


@shared_task(acks_late=True)
def sweep_abandoned_uploads():
    """Remove the stored chunks of uploads nobody finished (beat, hourly)."""
    return uploads.sweep_abandoned()
