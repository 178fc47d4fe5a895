"""The header search box announces its suggestion count with a sentence per plural category of
the page's language (suggest.js picks one with Intl.PluralRules): Arabic's own forms included."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation


def count_labels(language):
    with translation.override(language):
        html = render_to_string("search/partials/header_search.html", {})
    return dict(re.findall(r'data-label-count-(\w+)="([^"]*)"', html))


def test_arabic_has_a_sentence_for_one_two_few_many_and_other():
    labels = count_labels("ar")
    assert labels["one"].startswith("اقتراح واحد")
    assert labels["two"].startswith("اقتراحان")
    assert labels["few"] == "{n} اقتراحات، استخدم السهمين لأعلى ولأسفل للاختيار"
    assert labels["many"].startswith("{n} اقتراحًا")
    assert labels["other"].startswith("{n} اقتراح،")


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("fr", "{n} suggestion, utilisez", "{n} suggestions, utilisez"),
        ("en", "{n} suggestion, use", "{n} suggestions, use"),
    ],
)
def test_french_and_english_have_one_and_other(language, one, other):
    labels = count_labels(language)
    assert labels["one"].startswith(one)
    assert labels["other"].startswith(other)
