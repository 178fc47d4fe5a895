"""Answering a download: the file from private storage, never by a public URL.

Behind nginx (``DIGITAL_X_ACCEL_PREFIX`` set) the answer is an empty response whose
``X-Accel-Redirect`` names the file under nginx's internal location (deploy/nginx/souk.conf), so
nginx streams it; otherwise Django streams it with ``FileResponse`` (development, tests).
"""

import mimetypes

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header


def file_response(stored, filename):
    """``stored``: the FieldFile of a version or of a stamped copy (private storage)."""
    if settings.DIGITAL_X_ACCEL_PREFIX:
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.DIGITAL_X_ACCEL_PREFIX.rstrip("/") + "/" + stored.name
        response["Content-Disposition"] = content_disposition_header(True, filename)
    else:
        response = FileResponse(stored.storage.open(stored.name, "rb"), as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def client_ip(request):
    """The client's address as the server saw it (behind nginx, the ASGI server's proxy headers)."""
    return request.META.get("REMOTE_ADDR") or None
