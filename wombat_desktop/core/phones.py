"""Phone-number normalisation shared by import, search and duplicate detection.

`phonenumbers` does the real work but costs about 20 µs a call; bulk callers should use a
`PhoneNormalizer`, which parses each distinct digit string once.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["PhoneNormalizer", "format_phone", "normalize_phone", "phone_digits"]

_ASCII_DIGITS = frozenset("0123456789")
# A trailing extension: "x12", "ext. 12", "extension 12", "#12", ";ext=12".
_EXTENSION = re.compile(r"(?i)\s*(?:;\s*ext=|ext\.?|extension|x|#)\s*\d+\s*$")


def phone_digits(raw: str) -> str:
    """Only the decimal digits of *raw*, as ASCII ("+1 (555) 123-4567" -> "15551234567").

    Full-width and other Unicode decimal digits ("０３０", "٠٣٠") become ASCII digits.
    """
    if raw.isascii():
        return "".join(c for c in raw if c in _ASCII_DIGITS)
    return "".join(str(unicodedata.decimal(c)) for c in raw if c.isdecimal())


def _plus_digits(raw: str) -> str:
    """The digits of *raw*, with a leading "+" kept when the number starts with one."""
    digits = phone_digits(_EXTENSION.sub("", raw))
    stripped = raw.lstrip()
    if digits and stripped[:1] in ("+", "＋"):
        return "+" + digits
    return digits


# Parsed numbers, shared by every caller in the process: (digits key, region) -> E.164.
# Bounded: cleared when it grows past CACHE_LIMIT. Worker processes that read large files
# parse their numbers in parallel and hand the results back through `remember`.
CACHE_LIMIT = 250_000
_CACHE: dict[tuple[str, str], str] = {}


def remember(parsed: dict[str, str], region: str) -> None:
    """Add numbers parsed elsewhere (``key -> E.164``, keys as `phone_key` gives them)."""
    if len(_CACHE) + len(parsed) > CACHE_LIMIT:
        _CACHE.clear()
    _CACHE.update(((key, region), value) for key, value in parsed.items())


def phone_key(raw: str) -> str:
    """The cache key of a raw number: its digits with a leading "+" kept."""
    return _plus_digits(raw)


def _e164(key: str, region: str) -> str:
    cached = _CACHE.get((key, region))
    if cached is not None:
        return cached
    value = _parse_e164(key, region)
    if len(_CACHE) >= CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[(key, region)] = value
    return value


def _parse_e164(key: str, region: str) -> str:
    if not key or len(key) > 20:
        return key
    import phonenumbers  # imported on first use: it costs ~0.1 s, too much for start-up

    try:
        number = phonenumbers.parse(key, region or None)
    except phonenumbers.NumberParseException:
        return key
    if not phonenumbers.is_possible_number(number):
        return key
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_phone(raw: str, region: str = "US") -> str:
    """*raw* in E.164 ("+15551234567") when phonenumbers reads it as a possible number.

    Otherwise the digits, with a leading "+" kept ("+12" stays "+12", "n/a" becomes "").
    *region* is the ISO 3166 country assumed for numbers written without a country code.
    Extensions are dropped.
    """
    return _e164(_plus_digits(raw), region)


def format_phone(raw: str, region: str = "US") -> str:
    """*raw* for display in international format ("503 555 0199" -> "+1 503-555-0199").

    The demo network's numbers read this way. *region* is assumed for numbers without a
    country code; text phonenumbers cannot read as a possible number comes back trimmed.
    """
    text = raw.strip()
    e164 = normalize_phone(text, region)
    if not e164.startswith("+"):
        return text
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return text
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    extension = _EXTENSION.search(text)
    return formatted + (f" x{phone_digits(extension.group())}" if extension else "")


class PhoneNormalizer:
    """`normalize_phone` with a per-instance memo keyed by the number's digits.

    "+1 (555) 123-4567" and "+1.555.123.4567" share one parse. Create one per bulk job;
    the memo is freed with the instance.
    """

    __slots__ = ("_memo", "region")

    def __init__(self, region: str = "US") -> None:
        self.region = region
        self._memo: dict[str, str] = {}

    def __call__(self, raw: str) -> str:
        key = _plus_digits(raw)
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = _e164(key, self.region)
            return value
