"""Merging two records of one person without losing a value (plan I.1: merge duplicates)."""

from __future__ import annotations

import copy
from collections.abc import Mapping

from wombat_desktop.core.model import ContactDraft, PostalAddress, TypedValue
from wombat_desktop.core.phones import phone_digits

SCALAR_FIELDS = (
    "formatted_name", "given_name", "family_name", "additional_names", "honorific_prefix",
    "honorific_suffix", "nickname", "phonetic_given_name", "phonetic_family_name",
    "organization", "department", "title", "role", "birthday", "anniversary", "met_at",
)
CHOOSABLE_FIELDS = (*SCALAR_FIELDS, "note", "photo")


def _value_key(kind: str, value: str) -> str:
    if kind == "phones":
        return phone_digits(value) or value.strip()
    return value.strip().casefold()


def _union_typed(first: list[TypedValue], second: list[TypedValue], kind: str
                 ) -> list[TypedValue]:
    out = [copy.copy(v) for v in first]
    seen = {_value_key(kind, v.value): v for v in out}
    for v in second:
        key = _value_key(kind, v.value)
        if key in seen:
            known = seen[key]
            known.types = list(dict.fromkeys([*known.types, *v.types]))
            known.label = known.label or v.label
            known.pref = known.pref or v.pref
        else:
            seen[key] = copy.copy(v)
            out.append(seen[key])
    return out


def _union_addresses(first: list[PostalAddress], second: list[PostalAddress]
                     ) -> list[PostalAddress]:
    out = list(first)
    keys = {a.one_line().casefold() for a in first}
    for a in second:
        if a.one_line().casefold() not in keys:
            keys.add(a.one_line().casefold())
            out.append(a)
    return out


def merge_drafts(keep: ContactDraft, other: ContactDraft,
                 choices: Mapping[str, str] | None = None) -> ContactDraft:
    """One draft holding every value of both.

    Scalar fields come from ``keep`` unless empty there or ``choices[field] == "other"``.
    A differing value that would vanish (any field where the two sides disagree) is kept in
    the note as "Also known as — …", once. Notes are joined; lists are
    united (e-mails case-insensitively, phones by digits), and so are tags and the extra
    vCard lines.
    """
    choices = choices or {}
    merged = copy.deepcopy(keep)
    lost: list[str] = []
    for name in SCALAR_FIELDS:
        mine, theirs = getattr(keep, name), getattr(other, name)
        if choices.get(name) == "other" and theirs:
            setattr(merged, name, theirs)
            if mine and mine != theirs:
                lost.append(f"{name.replace('_', ' ')}: {mine}")
        elif not mine:
            setattr(merged, name, theirs)
        elif theirs and theirs != mine:
            lost.append(f"{name.replace('_', ' ')}: {theirs}")
    merged.emails = _union_typed(keep.emails, other.emails, "emails")
    merged.phones = _union_typed(keep.phones, other.phones, "phones")
    merged.urls = _union_typed(keep.urls, other.urls, "urls")
    merged.addresses = _union_addresses(keep.addresses, other.addresses)
    merged.tags = list(dict.fromkeys([*keep.tags, *other.tags]))
    merged.extra_lines = list(dict.fromkeys([*keep.extra_lines, *other.extra_lines]))
    notes = [keep.note.strip(), other.note.strip()]
    if choices.get("note") == "other":
        notes.reverse()
    merged.note = "\n\n".join(dict.fromkeys(n for n in notes if n))
    if lost:
        trail = "Also known as — " + "; ".join(lost)
        if trail not in merged.note:  # merging the same card again adds nothing new
            merged.note = f"{merged.note}\n\n{trail}" if merged.note else trail
    if choices.get("photo") == "other" and other.photo is not None or merged.photo is None:
        merged.photo = other.photo
    merged.uid = keep.uid or other.uid
    merged.source = keep.source or other.source
    return merged


def unmerge(current: ContactDraft, before: ContactDraft, after: ContactDraft) -> ContactDraft:
    """Take back what one merge added (``before`` -> ``after``) from the contact as it is
    now, keeping every change made since: a field goes back only where it still holds the
    merged value, and only list values the merge added are removed."""
    out = copy.deepcopy(current)
    for name in (*SCALAR_FIELDS, "note", "photo", "uid", "kind"):
        if getattr(current, name) == getattr(after, name):
            setattr(out, name, copy.deepcopy(getattr(before, name)))
    for name, key in (("emails", "emails"), ("phones", "phones"), ("urls", "urls")):
        had = {_value_key(key, v.value) for v in getattr(before, name)}
        added = {_value_key(key, v.value) for v in getattr(after, name)} - had
        setattr(out, name, [v for v in getattr(current, name)
                            if _value_key(key, v.value) not in added])
    had_addresses = {a.one_line().casefold() for a in before.addresses}
    added_addresses = {a.one_line().casefold() for a in after.addresses} - had_addresses
    out.addresses = [a for a in current.addresses
                     if a.one_line().casefold() not in added_addresses]
    for name in ("tags", "extra_lines"):
        added = set(getattr(after, name)) - set(getattr(before, name))
        setattr(out, name, [v for v in getattr(current, name) if v not in added])
    return out
