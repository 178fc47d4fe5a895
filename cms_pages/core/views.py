"""Public endpoints of the CMS core: newsletter double opt-in, sitemap.xml and robots.txt."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commerce.core import pagecache

from . import caching, services
from .exceptions import NewsletterTokenInvalid
from .forms import NewsletterForm
from .ratelimit import allow, client_ip
from .sitemaps import sitemap_entries


def _message(request, title, text, status=200, form=None):
    return render(
        request,
        "cms_core/newsletter/message.html",
        {"title": title, "text": text, "form": form},
        status=status,
    )


@require_POST
def newsletter_subscribe(request):
    form = NewsletterForm(request.POST)
    limit, seconds = getattr(settings, "CMS_NEWSLETTER_RATE_LIMIT", (5, 3600))
    if form.is_bot() or not allow("newsletter", client_ip(request), limit, seconds):
        return _message(request, _("Too many attempts"), _("Please try again in a little while."), status=429)
    if not form.is_valid():
        return _message(request, _("Newsletter"), _("Please enter a valid email address."), status=400)
    services.subscribe(
        form.cleaned_data["email"], language=get_language(), source=request.META.get("HTTP_REFERER", "")[:255]
    )
    return _message(
        request,
        _("Check your inbox"),
        _("We have sent you an email: click the link in it to confirm your subscription."),
    )


@require_http_methods(["GET", "POST"])
def newsletter_confirm(request, token):
    if request.method == "GET":  # a link checker opening the email must not confirm anything
        return render(request, "cms_core/newsletter/confirm.html", {"action": "confirm"})
    try:
        services.confirm(token)
    except NewsletterTokenInvalid:
        return _message(request, _("Link expired"), _("This link is no longer valid."), status=404)
    return _message(
        request, _("Subscription confirmed"), _("Thank you! You will receive our next newsletter.")
    )


@require_http_methods(["GET", "POST"])
def newsletter_unsubscribe(request, token):
    if request.method == "GET":
        return render(request, "cms_core/newsletter/confirm.html", {"action": "unsubscribe"})
    try:
        services.unsubscribe(token)
    except NewsletterTokenInvalid:
        return _message(request, _("Link expired"), _("This link is no longer valid."), status=404)
    return _message(request, _("Unsubscribed"), _("You will not receive our newsletter any more."))


@require_GET
def sitemap_xml(request):
    """Kept per host until a page is published, unpublished (a promo's end) or moved: never stale."""

    def build():
        return render_to_string("cms_core/sitemap.xml", {"entries": sitemap_entries(request)}, request)

    xml = pagecache.remember(
        f"cms:sitemap:{request.get_host()}",
        [pagecache.GLOBAL_TAG, caching.PAGES_TAG],
        build,
        getattr(settings, "CMS_SITEMAP_CACHE_SECONDS", 900),
    )
    return HttpResponse(xml, content_type="application/xml")


@require_GET
def robots_txt(request):
    lines = ["User-agent: *"]
    if getattr(settings, "CMS_ROBOTS_ALLOW_INDEXING", True):
        for path in ("/cms/", "/dashboard/", "/django-admin/", "/api/", "/health/"):
            lines.append(f"Disallow: {path}")
        for code, _name in settings.LANGUAGES:
            for path in ("basket/", "checkout/", "accounts/", "search/", "wishlists/", "newsletter/"):
                lines.append(f"Disallow: /{code}/{path}")
        lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    else:
        lines.append("Disallow: /")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
