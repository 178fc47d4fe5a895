"""What search engines read on the directory and profiles: title, description, canonical, hreflang
alternates in every site language, and a JSON-LD ``Person`` for each expert."""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from commerce.core.sites import absolute_url


@dataclass
class Seo:
    title: str
    description: str
    canonical: str
    alternates: list = field(default_factory=list)  # [(language, url)], x-default last
    json_ld: str = ""


def _alternates(url_name, **kwargs):
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.append((code, absolute_url(reverse(url_name, kwargs=kwargs))))
    default = dict(urls)[settings.LANGUAGE_CODE]
    return [*urls, ("x-default", default)]


def _script(data):
    """A JSON-LD script whose text cannot close the tag (``<`` is escaped)."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def directory_seo(request):
    alternates = _alternates("experts:directory")
    return Seo(
        title=_("Experts to ask: finance, wellness, law, careers…"),
        description=_(
            "Verified experts answer your text and video messages and take video calls, paid in coins."
        ),
        canonical=dict(alternates)[translation.get_language()],
        alternates=alternates,
    )


def profile_seo(request, expert):
    alternates = _alternates("experts:profile", slug=expert.slug)
    canonical = dict(alternates)[translation.get_language()]
    domains = [domain.name for domain in expert.domains.all()]
    bio = strip_tags(expert.bio or "")
    person = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": expert.full_name,
        "url": canonical,
        "description": Truncator(bio).chars(300),
        "knowsAbout": domains,
        "knowsLanguage": list(expert.languages),
    }
    if expert.photo:
        person["image"] = absolute_url(expert.photo.url)
    return Seo(
        title=_("%(name)s, expert in %(domains)s") % {"name": expert.full_name, "domains": ", ".join(domains)}
        if domains
        else expert.full_name,
        description=Truncator(bio).chars(160),
        canonical=canonical,
        alternates=alternates,
        json_ld=_script(person),
    )
