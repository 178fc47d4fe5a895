"""Public uploads served by the application when no web server sits in front of it.

``make run`` and ``make bench-web`` have no nginx; production does (deploy/nginx/souk.conf), and
this view gives the same answers: thumbnails cached for a year (their names are a hash of the source
and options, so new content always gets a new name), other uploads for a day, private files never.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve
from sorl.thumbnail.conf import settings as thumbnail_settings

THUMBNAIL_CACHE_CONTROL = "public, max-age=31536000, immutable"
UPLOAD_CACHE_CONTROL = "public, max-age=86400"
#: An uploaded file is never a page of this origin (an SVG or HTML upload cannot run scripts).
UPLOAD_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox"
PRIVATE_PREFIX = "private/"


def serve_media(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith(PRIVATE_PREFIX):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    thumbnail = path.startswith(thumbnail_settings.THUMBNAIL_PREFIX)
    response["Cache-Control"] = THUMBNAIL_CACHE_CONTROL if thumbnail else UPLOAD_CACHE_CONTROL
    response["Content-Security-Policy"] = UPLOAD_CSP
    return response
