"""Names: control and format characters are refused, and look-alike names share one key."""

import pytest
from django.core.exceptions import ValidationError

from commerce.core.validation import name_key, validate_name_characters


@pytest.mark.parametrize(
    "name",
    [
        "Dar Nabeul\u202elufrac",  # right-to-left override
        "\u2066Jebba\u2069",  # isolate
        "Dar\u200bNabeul",  # zero-width space
        "Dar\x00Nabeul",  # NUL
        "Dar\nNabeul",  # a line break in a one-line name
    ],
)
def test_control_and_format_characters_are_refused(name):
    with pytest.raises(ValidationError) as refused:
        validate_name_characters(name)
    assert refused.value.code == "control_characters"


@pytest.mark.parametrize("name", ["Dar Nabeul", "Jebba & Co", "دار نابل", "Zoë's Ceramics — Tunis"])
def test_ordinary_names_in_any_script_pass(name):
    validate_name_characters(name)


@pytest.mark.parametrize("look_alike", ["dar nabeul", "DAR  NABEUL", " Dâr Nabéul ", "Dar Nab\u200beul"])
def test_names_that_look_the_same_share_one_key(look_alike):
    assert name_key(look_alike) == name_key("Dar Nabeul") == "dar nabeul"


def test_arabic_vowel_marks_are_folded_like_accents():
    assert name_key("دَار نابل") == name_key("دار نابل")
