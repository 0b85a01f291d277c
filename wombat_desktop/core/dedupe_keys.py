"""Comparison keys for duplicate detection: names, organisations, places, e-mails, UIDs.

Everything here is folded with `textfold.fold`, so "José García", "JOSE GARCIA" and
"García, José" share keys. Names written in CJK scripts are compared as one run of
characters without spaces ("王 小明" == "王小明"); a name is never compared with a name in
another script (Latin "Wang Xiaoming" vs "王小明" can only match through e-mail, phone or UID).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from wombat_desktop.core.textfold import fold

__all__ = [
    "NameKey",
    "city_key",
    "email_key",
    "name_key",
    "names_compatible",
    "name_similarity",
    "org_key",
    "uid_key",
]

# Punctuation that separates name or company tokens.
_PUNCT = str.maketrans({c: " " for c in ".,;:!?\"'’‘“”()[]{}/\\|&+_-–—·・、，。*@#"})
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "herr",
                     "frau", "mme", "mlle", "sr", "sra", "srta", "dott", "ing"})
_SUFFIXES = frozenset({"jr", "jnr", "snr", "ii", "iii", "iv", "phd", "md", "esq", "mba",
                       "dds", "cpa", "msc", "bsc"})
_ORG_SUFFIXES = frozenset({"inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "gmbh",
                           "mbh", "ag", "co", "corp", "corporation", "company", "plc", "sa",
                           "sas", "sarl", "srl", "spa", "bv", "nv", "kg", "oy", "ab", "as",
                           "pty", "pte", "kk", "the", "and", "group"})
_CJK_ORG_SUFFIXES = ("有限责任公司", "有限責任公司", "股份有限公司", "有限公司", "株式会社",
                     "有限会社", "合同会社", "集团", "集團", "公司", "주식회사")


def _is_cjk_char(cp: int) -> bool:
    return (0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF
            or 0x1100 <= cp <= 0x11FF or 0x20000 <= cp <= 0x3FFFF)


def _script(text: str) -> str:
    """A coarse script label for a folded name: "latin", "cjk", "cyrillic", "greek", "other"."""
    if text.isascii():
        return "latin"
    cps = [ord(c) for c in text if not c.isspace()]
    if any(_is_cjk_char(cp) for cp in cps):
        return "cjk"
    if all(cp < 0x0370 for cp in cps):
        return "latin"
    if any(0x0400 <= cp <= 0x052F for cp in cps):
        return "cyrillic"
    if any(0x0370 <= cp <= 0x03FF or 0x1F00 <= cp <= 0x1FFF for cp in cps):
        return "greek"
    return "other"


@dataclass(frozen=True, slots=True)
class NameKey:
    """A person's name prepared for comparison.

    `ordered` is given name(s) first ("john smith", also from "Smith, John"); `sorted` holds
    the same tokens in alphabetical order, so token order never matters.
    """

    tokens: tuple[str, ...]
    ordered: str
    sorted: str
    script: str

    @property
    def empty(self) -> bool:
        return not self.tokens


_EMPTY_NAME = NameKey((), "", "", "")


def _name_tokens(text: str) -> list[str]:
    tokens = fold(text).translate(_PUNCT).split()
    return [t for t in tokens if t not in _TITLES and t not in _SUFFIXES]


def name_key(name: str, given_name: str = "", family_name: str = "") -> NameKey:
    """Build the `NameKey` of a display name, falling back to given + family name."""
    tokens: list[str]
    if given_name.strip() and family_name.strip():
        tokens = _name_tokens(given_name) + _name_tokens(family_name)
    else:
        tokens = []
    if not tokens:
        parts = [p for p in name.split(",") if p.strip()]
        if len(parts) == 2 and _name_tokens(parts[1]):
            # "Smith, John" is family-first; "John Smith, Jr." loses only its suffix.
            tokens = _name_tokens(parts[1]) + _name_tokens(parts[0])
        else:
            tokens = _name_tokens(name)
    if not tokens:
        tokens = _name_tokens(f"{given_name} {family_name}")
    if not tokens:
        return _EMPTY_NAME
    ordered = " ".join(tokens)
    script = _script(ordered)
    if script == "cjk":
        # CJK names are written family name first, with or without a comma or space.
        joined = "".join(_name_tokens(name) or tokens)
        return NameKey((joined,), joined, joined, script)
    return NameKey(tuple(tokens), ordered, " ".join(sorted(tokens)), script)


def _typo_limit(token: str) -> int:
    return 1 if len(token) <= 4 else 2 if len(token) <= 8 else 3


def _token_matched(token: str, others: tuple[str, ...]) -> bool:
    """*token* is in *others* up to an initial or a few typos (transpositions count once)."""
    if len(token) == 1:  # an initial
        return any(o.startswith(token) for o in others)
    limit = _typo_limit(token)
    return any(o == token or (len(o) == 1 and token.startswith(o))
               or OSA.distance(token, o, score_cutoff=limit) <= limit for o in others)


def _tokens_agree(a: NameKey, b: NameKey) -> bool:
    """Every token of the name with fewer tokens has a near partner in the other name.

    Keeps "Katalin Larsen" and "Nathan Larsen" apart although their strings are 81% alike.
    """
    if a.script == "cjk":
        return True
    short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    return all(_token_matched(t, long_.tokens) for t in short.tokens)


def name_similarity(a: NameKey, b: NameKey, score_cutoff: float = 0) -> float:
    """0-100 similarity of two names in the same script, order-insensitive; 0 otherwise.

    The string similarity of the token-sorted names, set to 0 when some token has no
    near partner in the other name.
    """
    if a.empty or b.empty or a.script != b.script:
        return 0.0
    if a.sorted == b.sorted:
        return 100.0
    score = fuzz.ratio(a.sorted, b.sorted, score_cutoff=score_cutoff)
    if score < 100 and (a.ordered != a.sorted or b.ordered != b.sorted):
        # A typo in a token's first letter can reorder the sorted form.
        score = max(score, fuzz.ratio(a.ordered, b.ordered, score_cutoff=score_cutoff))
    if score and not _tokens_agree(a, b):
        return 0.0
    return score


def names_compatible(a: NameKey, b: NameKey) -> bool:
    """Whether two names can belong to one person (used to trust a shared phone or e-mail).

    True when either is empty, they are in different scripts (not comparable), or every
    token of one is in the other up to initials and typos ("J. Smith" ~ "John A. Smith",
    "Jon Smith" ~ "John Smith"); CJK names must be alike (>= 85) or one contain the other.
    """
    if a.empty or b.empty or a.script != b.script:
        return True
    if a.script == "cjk":
        x, y = a.sorted, b.sorted
        return x in y or y in x or fuzz.ratio(x, y, score_cutoff=85) >= 85
    return _tokens_agree(a, b)


def org_key(organization: str) -> str:
    """A company name without punctuation, case, accents or legal forms ("ACME, Inc." -> "acme")."""
    text = fold(organization)
    if not text:
        return ""
    if _script(text) == "cjk":
        text = text.replace(" ", "")
        for suffix in _CJK_ORG_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                break
        return text
    tokens = text.translate(_PUNCT).split()
    kept = [t for t in tokens if t not in _ORG_SUFFIXES]
    return " ".join(kept or tokens)


def city_key(city: str) -> str:
    """A place name without punctuation, case or accents ("Saint-Étienne" -> "saint etienne")."""
    return " ".join(fold(city).translate(_PUNCT).split())


def email_key(email: str) -> str:
    """The lower-cased address, or "" when it is not an address. No gmail-dot merging."""
    text = email.strip().lower()
    if text.startswith("mailto:"):
        text = text[7:].strip()
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        return ""
    return text


def uid_key(uid: str) -> str:
    """A UID compared case-insensitively, without a "urn:uuid:" prefix."""
    text = uid.strip().lower()
    if text.startswith("urn:uuid:"):
        text = text[9:]
    return text
