"""Fonts and text for kits: script detection, escaping, per-character fallbacks, RTL order."""

from __future__ import annotations

import pytest

from wombat_desktop.core.kits.fonts import (
    CHINESE,
    CYRILLIC,
    GREEK,
    HEBREW,
    KOREAN,
    LATIN,
    font_book,
    has_truetype_outlines,
    script_of,
)
from wombat_desktop.core.kits.text import Ink

CJK_NAMES = ["王小明", "佐藤健", "김민준"]


def cjk_available() -> bool:
    return not font_book().missing_scripts(CJK_NAMES)


def test_scripts_are_recognised() -> None:
    assert script_of("é") == LATIN
    assert script_of("Ж") == CYRILLIC
    assert script_of("Γ") == GREEK
    assert script_of("王") == CHINESE
    assert script_of("김") == KOREAN
    assert script_of("י") == HEBREW


def test_markup_in_user_text_is_escaped() -> None:
    ink = Ink(font_book())
    rich = ink.rich("<b>Bold & Co</b> ]]>")
    assert "<b>" not in rich
    assert "&lt;b&gt;Bold &amp; Co&lt;/b&gt; ]]&gt;" in rich


def test_base_font_prints_latin_cyrillic_greek() -> None:
    book = font_book()
    assert book.missing_scripts(["José Ødegård", "Ольга Иванова", "Γιώργος"]) == []


def test_hebrew_run_is_put_in_visual_order() -> None:
    ink = Ink(font_book())
    text = "".join(run for _, run in ink.runs("Dr. יעל"))
    assert text == "Dr. לעי"


def test_fonts_are_truetype_outlines() -> None:
    book = font_book()
    assert has_truetype_outlines(book.base.path)


def test_cjk_falls_back_to_a_cjk_font() -> None:
    if not cjk_available():
        pytest.skip("no TrueType CJK font on this machine (e.g. fonts-wqy-microhei)")
    ink = Ink(font_book())
    runs = ink.runs("Ming 王小明")
    assert len({font for font, _ in runs}) == 2
    assert not ink.missing


def test_unprintable_characters_are_reported_not_boxed() -> None:
    ink = Ink(font_book())
    text = "".join(run for _, run in ink.runs("\U0001D11E ok"))  # musical G clef
    assert text.startswith("?")
    assert ink.missing
