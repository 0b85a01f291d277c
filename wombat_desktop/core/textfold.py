"""Case- and accent-insensitive text folding for search and matching.

`fold` is called on every keystroke of search-as-you-type, so it keeps to C-level string
methods: an ASCII fast path, one NFKC pass, `str.casefold` and one `str.translate` with a
table built once at import (a constant, not a cache).
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold"]

# Letters that Unicode does not decompose into base letter + mark, spelled out by hand.
# Upper-case forms are handled by casefold() before the table is applied.
_SPECIAL: dict[str, str] = {
    "ß": "ss",
    "ø": "o",
    "ł": "l",
    "æ": "ae",
    "œ": "oe",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ħ": "h",
    "ı": "i",
    "ŀ": "l",
    "ŧ": "t",
    "ƒ": "f",
    "ĸ": "q",
}

# Combining-mark blocks whose marks are accents on Latin, Greek or Cyrillic letters.
# Kana voicing marks (U+3099, U+309A) are deliberately absent: が must stay が.
_MARK_RANGES = ((0x0300, 0x0370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100),
                (0xFE20, 0xFE30))

# Precomposed letters that may survive NFKC: Latin-1 Supplement to Latin Extended Additional,
# Greek and Cyrillic.
_LETTER_RANGES = ((0x00C0, 0x0250), (0x0370, 0x0530), (0x1E00, 0x2000))


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for lo, hi in _MARK_RANGES:
        for cp in range(lo, hi):
            table[cp] = None
    for lo, hi in _LETTER_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            decomposed = unicodedata.normalize("NFKD", ch)
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            if base and base != ch:
                table[cp] = base.casefold()
    for src, dst in _SPECIAL.items():
        table[ord(src)] = dst
    return table


_TABLE = _build_table()
_NFKC = unicodedata.normalize


def fold(text: str) -> str:
    """Fold *text* for comparison: lower-case, accents dropped, widths unified, spaces collapsed.

    "  José  GARCÍA " -> "jose garcia"; "Ｓｍｉｔｈ" -> "smith"; "Łódź" -> "lodz";
    CJK text is kept as is ("王小明" -> "王小明").
    """
    if text.isascii():
        return " ".join(text.lower().split())
    text = _NFKC("NFKC", text).casefold().translate(_TABLE)
    return " ".join(text.split())
