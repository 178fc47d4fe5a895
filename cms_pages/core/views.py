"""Public endpoints of the CMS core: newsletter double opt-in, sitemap.xml and robots.txt."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commerce.core.sites import absolute_url

from . import services
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


@require_GET
def newsletter_signup(request):
    """``/<lang>/newsletter/``: the sign-up form on a page of its own (the README and emails link here)."""
    value = {
        "title": _("Our newsletter"),
        "text": _("New makers, promotions and guides, about twice a month."),
        "button_label": "",
    }
    return render(request, "cms_core/newsletter/signup.html", {"value": value, "title": value["title"]})


@require_POST
def newsletter_subscribe(request):
    form = NewsletterForm(request.POST)
    limit, seconds = settings.CMS_NEWSLETTER_RATE_LIMIT
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
    """Kept until something it lists changes (see ``sitemaps``), so a publish shows in the next one.

    Search engines read at most ``CMS_SITEMAP_MAX_URLS`` addresses per file: a longer list becomes a
    sitemap index whose parts are ``/sitemap.xml?p=1``, ``?p=2``…
    """
    entries = sitemap_entries(request)
    size = settings.CMS_SITEMAP_MAX_URLS
    pages = max(1, -(-len(entries) // size))
    part = request.GET.get("p")
    if part is None and pages > 1:
        parts = [absolute_url(f"/sitemap.xml?p={number}") for number in range(1, pages + 1)]
        return render(request, "cms_core/sitemap_index.xml", {"parts": parts}, content_type="application/xml")
    number = int(part) if part and part.isdigit() else 1
    if not 1 <= number <= pages:
        raise Http404
    chunk = entries[(number - 1) * size : number * size]
    return render(request, "cms_core/sitemap.xml", {"entries": chunk}, content_type="application/xml")


@require_GET
def robots_txt(request):
    lines = ["User-agent: *"]
    if settings.CMS_ROBOTS_ALLOW_INDEXING:
        for path in ("/cms/", "/dashboard/", "/django-admin/", "/api/", "/health/"):
            lines.append(f"Disallow: {path}")
        for code, _name in settings.LANGUAGES:
            for path in ("basket/", "checkout/", "accounts/", "search/", "wishlists/", "newsletter/"):
                lines.append(f"Disallow: /{code}/{path}")
        lines.append(f"Sitemap: {absolute_url('/sitemap.xml')}")
    else:
        lines.append("Disallow: /")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
