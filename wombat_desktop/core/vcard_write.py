"""`ContactDraft` -> vCard 4.0 or 3.0 text.

vobject builds and escapes the modelled properties (it speaks 3.0); this module then re-folds
every line at 75 octets without splitting a UTF-8 character, switches the card to 4.0 where
asked (``VERSION``, ``PREF=1``, ``data:`` photos, ``KIND``) and appends the draft's
``extra_lines`` verbatim so unmodelled properties survive a round trip.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from typing import Any

import vobject

from wombat_desktop.core.model import ContactDraft, TypedValue, display_name_of

_GROUP = re.compile(r"^item(\d+)\.", re.I)
_UNFOLD = re.compile(r"\r\n[ \t]")
_FOLD_OCTETS = 75


def fold_line(line: str) -> str:
    """Fold one content line at 75 octets (CRLF + space), never inside a UTF-8 character."""
    raw = line.encode("utf-8")
    if len(raw) <= _FOLD_OCTETS:
        return line
    if line.isascii():
        chunks = [line[:_FOLD_OCTETS]]
        chunks += [line[i:i + _FOLD_OCTETS - 1] for i in range(_FOLD_OCTETS, len(line),
                                                                 _FOLD_OCTETS - 1)]
        return "\r\n ".join(chunks)
    out: list[str] = []
    current: list[str] = []
    size = 0
    limit = _FOLD_OCTETS
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(current))
            current, size, limit = [], 0, _FOLD_OCTETS - 1
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n ".join(out)


def _add_typed(card: Any, name: str, tv: TypedValue, v4: bool, group: str) -> None:
    line = card.add(name)
    line.value = tv.value
    types = [t.lower() for t in tv.types if t and t.lower() != "pref"]
    if tv.pref and not v4:
        types.append("pref")
    if types:
        line.params["TYPE"] = types
    if tv.pref and v4:
        line.params["PREF"] = ["1"]
    if group:
        line.group = group


# Card boundaries never come from kept lines: written back, they would split the card.
_STRUCTURAL = re.compile(r"(?i)^\s*(?:[\w-]+\.)?(?:BEGIN|END)\s*[:;]")


def _free_group(extra: list[str]) -> Iterable[str]:
    used = [int(m.group(1)) for line in extra if (m := _GROUP.match(line))]
    n = max(used, default=0)
    while True:
        n += 1
        yield f"item{n}"


def _component(d: ContactDraft, v4: bool) -> tuple[Any, list[str]]:
    card = vobject.vCard()
    groups = iter(_free_group(d.extra_lines))
    labels: list[str] = []
    # FN is required: fall back to the structured name, never to an e-mail or phone.
    card.add("fn").value = d.formatted_name or display_name_of("", d.given_name, d.family_name)
    card.add("n").value = vobject.vcard.Name(
        family=d.family_name, given=d.given_name, additional=d.additional_names,
        prefix=d.honorific_prefix, suffix=d.honorific_suffix)
    for name, value in (("nickname", d.nickname), ("title", d.title), ("role", d.role),
                        ("note", d.note), ("uid", d.uid), ("bday", d.birthday),
                        ("x-phonetic-first-name", d.phonetic_given_name),
                        ("x-phonetic-last-name", d.phonetic_family_name),
                        ("anniversary" if v4 else "x-anniversary", d.anniversary)):
        if value:
            card.add(name).value = value
    if d.kind and d.kind != "individual":
        card.add("kind" if v4 else "x-addressbookserver-kind").value = d.kind
    if d.organization or d.department:
        card.add("org").value = [d.organization] + ([d.department] if d.department else [])
    for name, values in (("email", d.emails), ("tel", d.phones), ("url", d.urls)):
        for tv in values:
            group = next(groups) if tv.label else ""
            _add_typed(card, name, tv, v4, group)
            if group:
                labels.append(f"{group}.X-ABLabel:{_escape(tv.label)}")
    for adr in d.addresses:
        line = card.add("adr")
        line.value = vobject.vcard.Address(
            street=adr.street, city=adr.locality, region=adr.region, code=adr.postal_code,
            country=adr.country, box=adr.po_box, extended=adr.extended)
        if adr.types:
            line.params["TYPE"] = [t.lower() for t in adr.types]
        if adr.label:
            line.group = next(groups)
            labels.append(f"{line.group}.X-ABLabel:{_escape(adr.label)}")
    if d.tags:
        card.add("categories").value = list(d.tags)
    if d.photo is not None and not v4:
        line = card.add("photo")
        line.value = d.photo.data
        line.params["ENCODING"] = ["b"]
        line.params["TYPE"] = [d.photo.mime.rpartition("/")[2].upper() or "JPEG"]
    return card, labels


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")
            .replace(";", "\\;"))


def write_vcard(d: ContactDraft, version: str = "4.0") -> str:
    """One draft as a vCard 4.0 or 3.0 card (CRLF line endings, folded)."""
    v4 = not version.startswith("3")
    card, labels = _component(d, v4)
    text = _UNFOLD.sub("", card.serialize())
    lines = [ln for ln in text.split("\r\n") if ln and ln.upper() not in ("BEGIN:VCARD",
                                                                           "END:VCARD")]
    lines = [ln for ln in lines if not ln.upper().startswith("VERSION:")]
    if v4 and d.photo is not None:
        payload = base64.b64encode(d.photo.data).decode("ascii")
        lines.append(f"PHOTO:data:{d.photo.mime};base64,{payload}")
    out = ["BEGIN:VCARD", f"VERSION:{'4.0' if v4 else '3.0'}"]
    out += lines + labels + [ln.replace("\r", "").replace("\n", "\\n") for ln in d.extra_lines
                             if not _STRUCTURAL.match(ln)]
    out.append("END:VCARD")
    return "".join(fold_line(ln) + "\r\n" for ln in out)


def write_vcards(drafts: Iterable[ContactDraft], version: str = "4.0") -> str:
    """Serialise drafts as vCard ``"4.0"`` or ``"3.0"`` text (CRLF line endings, folded)."""
    if version not in ("4.0", "3.0"):
        raise ValueError(f"unsupported vCard version {version!r}")
    return "".join(write_vcard(d, version) for d in drafts)
