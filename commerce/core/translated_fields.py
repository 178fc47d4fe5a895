"""Form fields of texts written once per site language (django-modeltranslation's ``<name>_<code>``).

Each field is labelled with its language and runs in that language's direction (``dir="rtl"`` for
Arabic, ``"ltr"`` for the others), so a seller writing Arabic sees it as readers will, and French
typed on the Arabic dashboard still reads left to right.
"""

from django.conf import settings
from django.utils.translation import get_language_info


def per_language(*names):
    """``["title_fr", "title_en", "title_ar", …]`` for each of ``names``, in the site's language order."""
    return [f"{name}_{code}" for name in names for code, _language in settings.LANGUAGES]


def label_languages(form, *names):
    """Label each language's field of ``names`` with its language and give it its direction."""
    for name in names:
        for code, language in settings.LANGUAGES:
            field = form.fields.get(f"{name}_{code}")
            if field is None:
                continue
            field.label = f"{str(field.label).rsplit(' [', 1)[0]} ({language})"
            field.widget.attrs["dir"] = "rtl" if get_language_info(code)["bidi"] else "ltr"
