"""Search-as-you-type over contact list items, without SQL and without a proxy model.

Each contact carries a pre-folded ``search_text`` (names in every script, company, e-mails,
phone digits). A query is folded the same way and split into words; a contact matches when
every word occurs in its text. Digits-only words also match phone numbers typed with
spaces, dashes or a different prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from wombat_desktop.core.model import ContactDraft
from wombat_desktop.core.phones import phone_digits
from wombat_desktop.core.textfold import fold


class _Searchable(Protocol):
    @property
    def search_text(self) -> str: ...


T = TypeVar("T", bound=_Searchable)


def build_search_text(draft: ContactDraft) -> str:
    """The folded text a contact is found by."""
    parts: list[str] = [
        draft.display_name(),
        draft.given_name,
        draft.family_name,
        draft.additional_names,
        draft.nickname,
        draft.phonetic_given_name,
        draft.phonetic_family_name,
        draft.organization,
        draft.department,
        draft.title,
    ]
    parts.extend(e.value for e in draft.emails)
    parts.extend(draft.tags)
    text = fold(" ".join(p for p in parts if p))
    digits = " ".join(d for d in (phone_digits(p.value) for p in draft.phones) if d)
    return f"{text} {digits}" if digits else text


_PHONE_QUERY = re.compile(r"[\d\s+()\-./]+")


def query_words(query: str) -> list[str]:
    """Fold a query and split it into words; phone-like words become bare digits, and a
    query that is a whole phone number ("+1 (541) 555") becomes one run of digits."""
    if _PHONE_QUERY.fullmatch(query.strip() or "x") and sum(c.isdigit() for c in query) >= 3:
        return [phone_digits(query)]
    words: list[str] = []
    for word in fold(query).split():
        stripped = word.strip("+()-./")
        if stripped and sum(ch.isdigit() for ch in stripped) >= 3 and all(
            ch.isdigit() or ch in "+()-./" for ch in stripped
        ):
            word = phone_digits(stripped)
        if word:
            words.append(word)
    return words


def filter_items(items: Sequence[T], query: str) -> list[T]:
    """The items whose search text contains every word of the query (order kept)."""
    words = query_words(query)
    if not words:
        return list(items)
    if len(words) == 1:
        word = words[0]
        return [item for item in items if word in item.search_text]
    return [item for item in items if all(w in item.search_text for w in words)]


def refine(previous: Iterable[T], previous_query: str, query: str) -> bool:
    """True when ``query`` only narrows ``previous_query`` (so filtering the last hits is
    enough)."""
    old, new = query_words(previous_query), query_words(query)
    return bool(old) and len(new) >= len(old) and all(
        n.startswith(o) or o in n for o, n in zip(old, new, strict=False)
    )
