"""Tests for the search folding in wombat_desktop.core.textfold."""

from __future__ import annotations

import pytest

from wombat_desktop.core.textfold import fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("José García", "jose garcia"),
        ("JOSÉ GARCÍA", "jose garcia"),
        ("Zoë Ségolène Renée", "zoe segolene renee"),
        ("Dvořák Černý", "dvorak cerny"),
        ("e\u0301te\u0301", "ete"),  # decomposed accents
        ("Ελλάδα", "ελλαδα"),
        ("Ёлка", "елка"),
    ],
)
def test_accents_are_dropped(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Søren Ødegaard", "soren odegaard"),
        ("Łukasz Łódź", "lukasz lodz"),
        ("Æble Œuvre", "aeble oeuvre"),
        ("æble œuvre", "aeble oeuvre"),
        ("Đorđe Đorđević", "dorde dordevic"),
    ],
)
def test_letters_without_decomposition(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_full_width_becomes_ascii() -> None:
    assert fold("Ｊｏｈｎ　Ｓｍｉｔｈ") == "john smith"
    assert fold("０３０－１２３") == "030-123"


@pytest.mark.parametrize(
    "text",
    ["王小明", "東京データシステムズ株式会社", "がぎぐげご", "한국어", "山田 太郎"],
)
def test_cjk_is_kept(text: str) -> None:
    assert fold(text) == text


def test_whitespace_is_collapsed() -> None:
    assert fold("  Anna \t\n  Berg  ") == "anna berg"
    assert fold("  Ánna \u00a0\u3000 Berg  ") == "anna berg"


def test_empty_and_blank() -> None:
    assert fold("") == ""
    assert fold(" \t ") == ""


@pytest.mark.parametrize("text", ["José García", "Straße", "Ｓｍｉｔｈ", "İstanbul", "王小明 Wang"])
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_ascii_fast_path_matches_general_path() -> None:
    # The same words with and without one non-ASCII character fold alike.
    assert fold("Hello  WORLD é") == fold("Hello  WORLD") + " e"
