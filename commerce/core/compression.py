"""Gzip for the application's own text answers (pages, JSON, XML); static files come precompressed.

WhiteNoise serves the gzip and brotli copies made at collectstatic and answers before this
middleware runs. Everything else (HTML, API JSON, sitemaps) is compressed here so a visitor gets
small pages whether or not a proxy sits in front. Images, PDFs and archives are compressed already
and would only cost CPU. HTML carries CSRF tokens: Django masks each token per response and its
GZipMiddleware pads each response randomly (Heal the BREACH), which is what keeps BREACH away.
"""

from django.middleware.gzip import GZipMiddleware

#: Types worth compressing besides ``text/*``.
TEXT_TYPES = {
    "application/json",
    "application/javascript",
    "application/xml",
    "application/vnd.oai.openapi",
    "application/vnd.oai.openapi+json",
    "application/manifest+json",
    "image/svg+xml",
}


def is_text(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type == "text/event-stream":  # compressed chunks would wait in the buffer
        return False
    return media_type.startswith("text/") or media_type in TEXT_TYPES or media_type.endswith("+json")


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, limited to text answers."""

    def process_response(self, request, response):
        if not is_text(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
