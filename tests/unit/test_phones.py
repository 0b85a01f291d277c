"""Tests for phone normalisation in wombat_desktop.core.phones."""

from __future__ import annotations

import pytest

from wombat_desktop.core.phones import PhoneNormalizer, normalize_phone, phone_digits


@pytest.mark.parametrize(
    "raw", ["+1 (555) 123-4567", "555-123-4567", "(555) 123 4567", "555.123.4567", "15551234567"]
)
def test_us_formats_agree(raw: str) -> None:
    assert normalize_phone(raw, "US") == "+15551234567"


@pytest.mark.parametrize("raw", ["+49 30 123456", "030 123456", "0049 30 123456", "(030) 12 34 56"])
def test_german_formats_agree(raw: str) -> None:
    assert normalize_phone(raw, "DE") == "+4930123456"


def test_region_decides_national_numbers() -> None:
    assert normalize_phone("030 123456", "DE") != normalize_phone("030 123456", "US")
    assert normalize_phone("+49 30 123456", "US") == "+4930123456"


def test_default_region_is_us() -> None:
    assert normalize_phone("555-123-4567") == "+15551234567"


@pytest.mark.parametrize("raw", ["555-123-4567 ext. 12", "555-123-4567 x12", "555 123 4567;ext=9"])
def test_extensions_are_dropped(raw: str) -> None:
    assert normalize_phone(raw, "US") == "+15551234567"


def test_full_width_digits() -> None:
    assert normalize_phone("＋４９ ３０ １２３４５６", "DE") == "+4930123456"


@pytest.mark.parametrize(
    ("raw", "expected"), [("+12", "+12"), ("123", "123"), ("n/a", ""), ("", ""), ("+", "")]
)
def test_unparseable_numbers_keep_digits_and_plus(raw: str, expected: str) -> None:
    assert normalize_phone(raw, "US") == expected


def test_phone_digits() -> None:
    assert phone_digits("+1 (555) 123-4567") == "15551234567"
    assert phone_digits("０３０ １２") == "03012"
    assert phone_digits("٠٣٠") == "030"
    assert phone_digits("call me") == ""


def test_normalizer_matches_function_and_memoises() -> None:
    normalize = PhoneNormalizer("DE")
    assert normalize("030 123456") == normalize_phone("030 123456", "DE")
    assert normalize("030-123-456") == "+4930123456"
    assert len(normalize._memo) == 1  # both spellings share one parse
