"""The buyer's pages: "my downloads" and the download link itself (a file, or a page/JSON saying
why not and how to ask the seller)."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import selectors, services
from .delivery import client_ip, file_response
from .exceptions import DownloadRefused
from .links import download_rows


@login_required
def my_downloads(request):
    rows = download_rows(selectors.entitlements_of(user=request.user))
    return render(
        request,
        "digital/my_downloads.html",
        {"page_title": _("My downloads"), "active_tab": "downloads", "rows": rows},
    )


def download(request, token):
    """Serve the file behind a signed link, or say why not (403 not yours/revoked, 410 gone)."""
    try:
        stored, filename = services.take_download(
            token,
            user=request.user if request.user.is_authenticated else None,
            ip=client_ip(request),
            user_agent=request.headers.get("User-Agent", ""),
        )
    except DownloadRefused as refusal:
        if "text/html" in request.headers.get("Accept", ""):
            return render(request, "digital/refused.html", {"message": str(refusal)}, status=refusal.status)
        return JsonResponse({"detail": str(refusal)}, status=refusal.status)
    return file_response(stored, filename)


def preview(request, pk):
    """A free preview (first pages, first seconds), shown in the browser."""
    version = selectors.public_preview(pk)
    if version is None:
        raise Http404
    response = FileResponse(version.preview.open("rb"), filename=version.preview.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
