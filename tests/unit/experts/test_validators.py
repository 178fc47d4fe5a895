"""The Tunisian RIB check key and the matricule fiscal pattern."""

import pytest
from django.core.exceptions import ValidationError

from commerce.experts.validators import normalize_matricule, normalize_rib, rib_key


def test_the_rib_key_is_97_minus_the_account_times_100_modulo_97():
    # 081230001234567890 × 100 mod 97 = 45, so the key is 52
    assert rib_key("081230001234567890") == 52
    assert normalize_rib("08 123 0001234567890 52") == "08123000123456789052"


def test_a_key_that_does_not_match_is_refused():
    with pytest.raises(ValidationError) as refused:
        normalize_rib("08123000123456789053")
    assert refused.value.code == "rib_key"


@pytest.mark.parametrize(
    "typed", ["0812300012345678905", "081230001234567890521", "08123A00123456789052", ""]
)
def test_anything_but_20_digits_is_refused(typed):
    with pytest.raises(ValidationError) as refused:
        normalize_rib(typed)
    assert refused.value.code == "rib_length"


def test_a_key_below_ten_is_written_with_two_digits():
    # find an account whose key is a single digit: its RIB ends with "0d"
    account = next(f"{n:018d}" for n in range(10**17, 10**17 + 500) if rib_key(f"{n:018d}") < 10)
    rib = f"{account}{rib_key(account):02d}"
    assert normalize_rib(rib) == rib and rib[18] == "0"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("1234567/A/M/000", "1234567/A/M/000"),
        ("1234567am000", "1234567/A/M/000"),
        ("1234567/B/A/M/001", "1234567/B/A/M/001"),
        (" 0123456 / Z / P / 123 ", "0123456/Z/P/123"),
    ],
)
def test_matricules_in_their_written_forms(typed, written):
    assert normalize_matricule(typed) == written


@pytest.mark.parametrize(
    "typed", ["123456/A/M/000", "1234567/I/M/000", "1234567/A/X/000", "1234567/A/M/00", "1234567", ""]
)
def test_malformed_matricules_are_refused(typed):
    with pytest.raises(ValidationError):
        normalize_matricule(typed)
