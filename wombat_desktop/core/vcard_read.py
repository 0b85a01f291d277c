"""One raw card -> `ContactDraft`: decode values, clean lines, let vobject parse, map fields.

Each logical line is decoded (quoted-printable, declared or guessed charset) into clean UTF-8
vCard 3.0 text. Modelled properties are handed to vobject as a 3.0 card; unmodelled ones go
verbatim to ``ContactDraft.extra_lines``; photos are decoded here because vobject drops the
bytes of ``data:`` URIs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import vobject
from vobject.icalendar import stringToTextValues
from vobject.vcard import ADDRESS_ORDER, NAME_ORDER, Address, Name, splitFields

from wombat_desktop.core.model import (
    ContactDraft,
    Photo,
    PostalAddress,
    TypedValue,
    display_name_of,
)
from wombat_desktop.core.vcard_text import (
    RawCard,
    RawLine,
    decode_photo,
    decode_qp,
    guess_charset,
    lookup_charset,
    normalise_date,
    parse_line,
    split_param_values,
    uncaret,
)


class CardReadError(Exception):
    """A card that cannot be read; ``line`` is the failing line number."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


MULTI = {"EMAIL", "TEL", "URL", "ADR"}
SINGLE = {"FN", "N", "ORG", "TITLE", "ROLE", "NOTE", "BDAY", "UID", "KIND", "NICKNAME",
          "CATEGORIES"}
# Properties sharing one draft field: the first present wins, the others stay extra lines.
SLOTS = {"ANNIVERSARY": "anniversary", "X-ANNIVERSARY": "anniversary",
         "X-MS-ANNIVERSARY": "anniversary", "KIND": "kind", "X-ADDRESSBOOKSERVER-KIND": "kind",
         "X-PHONETIC-FIRST-NAME": "pgiven", "X-PHONETIC-LAST-NAME": "pfamily"}
DROPPED = {"VERSION", "PRODID", "REV"}
# Single text values whose commas are literal: escape them so vobject keeps the whole value.
TEXTLIKE = {"FN", "TITLE", "ROLE", "NOTE", "UID", "NICKNAME", "EMAIL", "TEL", "URL", "BDAY",
            "KIND", "X-ABLABEL", "SOUND"} | set(SLOTS)
STRUCTURED = {"N", "ADR", "ORG"}
_BARE_COMMA = re.compile(r"(?<!\\),")
_LABEL_WRAP = re.compile(r"^_?\$!<(.*)>!\$_?$")
_FED_PARAMS = frozenset({"", "TYPE", "PREF", "VALUE"})
_VERSION = re.compile(rb"VERSION[ \t]*:[ \t]*([0-9.]+)", re.I)


def _text(line: RawLine, version: str, guess: list[str | None], samples: list[bytes]) -> str:
    """The value of a line as clean 3.0-escaped text."""
    raw = line.value
    if not line.params and version != "2.1":
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    qp = line.encoding == "QUOTED-PRINTABLE"
    if qp:
        raw = decode_qp(raw)
    codec = lookup_charset(line.param("CHARSET"))
    text: str | None = None
    if codec:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            text = None
    if text is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            if guess[0] is None:
                guess[0] = guess_charset(samples or [raw])
            text = raw.decode(guess[0], errors="replace")
    if qp or version == "2.1":
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
        if version == "2.1" and line.name in STRUCTURED:
            text = _BARE_COMMA.sub(r"\\,", text)
    return text


def _head(line: RawLine, keep: frozenset[str] | None) -> str:
    """``group.NAME;params`` without CHARSET/QP (or with only the ``keep`` params)."""
    name = line.spelled if keep is None else line.name
    if not line.params:
        return f"{line.group}.{name}" if line.group else name
    out = [f"{line.group}.{name}" if line.group else name]
    for key, val in line.params:
        if key == "CHARSET" or (key == "ENCODING" and val.upper() != "B"
                                and val.upper() != "BASE64"):
            continue
        if not key and val.upper() in ("QUOTED-PRINTABLE", "8BIT", "7BIT"):
            continue
        if keep is not None and key not in keep:
            continue
        if any(c in val for c in ';:,"') and not (val.startswith('"') and val.endswith('"')):
            val = f'"{val.replace(chr(34), "")}"'
        out.append(f"{key}={val}" if key else val)
    return ";".join(out)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _strip_label(text: str) -> str:
    text = _unescape(text).strip()
    m = _LABEL_WRAP.match(text)
    return m.group(1) if m else text


def _types(cl: Any) -> tuple[list[str], bool]:
    types: list[str] = []
    pref = False
    for raw in list(cl.params.get("TYPE", [])) + list(cl.singletonparams):
        for t in split_param_values(raw):
            t = t.lower()
            if t == "pref":
                pref = True
            elif t not in types:
                types.append(t)
    if cl.params.get("PREF"):
        pref = True
    return types, pref


def _str(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value or "")


@dataclass(slots=True)
class PreparedCard:
    """A card after byte-level work, waiting for vobject to parse ``fed``."""

    card: RawCard
    draft: ContactDraft
    fed: list[str]
    originals: dict[str, list[tuple[RawLine, str]]]  # fed lines by vobject key
    extra: list[str]
    labels: dict[str, str]
    agents: list[str]


def prepare_card(card: RawCard) -> PreparedCard:
    """Decode a raw card's lines; photos and unmodelled lines are settled here."""
    logical = list(card.logical_lines())
    version = ""
    for _, raw in logical:
        m = _VERSION.match(raw)
        if m:
            version = m.group(1).decode("ascii")
            break
    parsed: list[tuple[int, RawLine]] = []
    for line_no, raw in logical:
        line = parse_line(raw)
        if line is not None:
            parsed.append((line_no, line))
    if not version:
        version = "2.1" if any(not k for _, ln in parsed for k, _ in ln.params) else "3.0"
    samples = [ln.value for _, ln in parsed if not ln.value.isascii()]
    guess: list[str | None] = [None]
    label_groups = {ln.group for _, ln in parsed if ln.group and ln.name in MULTI}
    draft = ContactDraft()
    fed: list[str] = []
    originals: dict[str, list[tuple[RawLine, str]]] = {}
    extra: list[str] = []
    labels: dict[str, str] = {}
    seen: set[str] = set()
    agents: list[str] = []
    for _line_no, line in parsed:
        name = line.name
        if name in DROPPED:
            continue
        if name == "PHOTO":
            if draft.photo is None and line.param("VALUE") not in ("uri", "URI", "url", "URL"):
                photo = decode_photo(line.value, line.encoding == "BASE64")
                if photo is not None:
                    draft.photo = Photo(*photo)
                    continue
            extra.append(f"{_head(line, None)}:{line.value.decode('utf-8', 'replace')}")
            continue
        text = _text(line, version, guess, samples)
        if name == "AGENT":
            if "BEGIN:VCARD" in text.upper():
                agents.append(_unescape(text))
                continue
            if not text.strip():
                continue
        if name == "X-ABLABEL" and line.group in label_groups:
            labels[line.group] = _strip_label(text)
            continue
        if name == "SOUND" and "X-IRMC-N" in {v.upper() for _, v in line.params} \
                and "sound" not in seen:
            seen.add("sound")
            parts = [_unescape(p).strip() for p in re.split(r"(?<!\\);", text)]
            draft.phonetic_family_name = parts[0]
            draft.phonetic_given_name = parts[1] if len(parts) > 1 else ""
            continue
        slot = SLOTS.get(name, name if name in SINGLE else "")
        if not (name in MULTI or (slot and slot not in seen)):
            extra.append(f"{_head(line, None)}:{text}")
            continue
        if slot:
            seen.add(slot)
        if name == "N" and line.params:
            _sort_as(draft, line, version)
        if name in TEXTLIKE and "," in text:
            text = _BARE_COMMA.sub(r"\\,", text)
        fed.append(f"{_head(line, _FED_PARAMS)}:{text}")
        originals.setdefault(name.lower(), []).append((line, text))
    return PreparedCard(card, draft, fed, originals, extra, labels, agents)


def finish_card(prep: PreparedCard, comp: Any) -> tuple[ContactDraft, list[str]]:
    """Map vobject's parse of ``prep.fed`` into the draft; returns it and AGENT card texts."""
    draft, extra, labels = prep.draft, prep.extra, prep.labels
    for key, lines in comp.contents.items():
        originals = prep.originals.get(key, [])
        for index, cl in enumerate(lines):
            if not _map(draft, key, cl) and index < len(originals):
                line, text = originals[index]
                extra.append(f"{_head(line, None)}:{text}")
    for tv in draft.emails + draft.phones + draft.urls:
        tv.label = labels.get(tv.label, "") if tv.label else ""
    for adr in draft.addresses:
        adr.label = labels.get(adr.label, "") if adr.label else ""
    draft.extra_lines = extra
    if not draft.formatted_name:
        draft.formatted_name = display_name_of("", draft.given_name, draft.family_name)
    return draft, prep.agents


def _sort_as(draft: ContactDraft, line: RawLine, version: str) -> None:
    sort_as = line.param("SORT-AS")
    if not sort_as:
        return
    if version.startswith("4"):
        sort_as = uncaret(sort_as)
    parts = [p.strip() for p in re.split(r"[,;]", sort_as.strip('"'))]
    if not draft.phonetic_family_name and parts:
        draft.phonetic_family_name = parts[0]
    if not draft.phonetic_given_name and len(parts) > 1:
        draft.phonetic_given_name = parts[1]


def _card_text(fed: list[str]) -> str:
    # No VERSION line: vobject treats a VCARD as 3.0 anyway, and each line costs.
    return "BEGIN:VCARD\r\n" + "\r\n".join(fed) + "\r\nEND:VCARD\r\n"


def _parse_one(fed: list[str]) -> Any:
    return next(vobject.readComponents(_card_text(fed), transform=False))


def parse_prepared(cards: list[PreparedCard]) -> list[Any]:
    """vobject components for prepared cards: one parse for the batch, per card on failure.

    A line vobject rejects is moved to the card's extra lines; a card that still fails
    gives an exception object in its place.
    """
    try:
        comps = list(vobject.readComponents("".join(_card_text(p.fed) for p in cards),
                                            transform=False))
        if len(comps) == len(cards):
            return comps
    except Exception:  # noqa: BLE001, S110 - vobject raises many kinds; retry card by card
        pass
    out: list[Any] = []
    for prep in cards:
        try:
            out.append(_parse_one(prep.fed))
            continue
        except Exception:  # noqa: BLE001 - isolate the bad lines below
            pass
        good = []
        for text in prep.fed:
            try:
                _parse_one([text])
            except Exception:  # noqa: BLE001
                prep.extra.append(text)
            else:
                good.append(text)
        try:
            out.append(_parse_one(good))
        except Exception as exc:  # noqa: BLE001
            out.append(CardReadError(prep.card.start, f"unreadable card: {exc}"))
    return out


def _text_values(value: str | list[str]) -> list[str]:
    """vobject's ``stringToTextValues``, skipped when there is nothing to unescape."""
    if isinstance(value, list):  # vobject already splits CATEGORIES
        return [str(v) for v in value]
    if "\\" in value:
        return list(stringToTextValues(value))
    return value.split(",")


def _split_fields(value: str) -> list[Any]:
    """vobject's ``splitFields`` (N, ADR, ORG components), with a fast path."""
    if "\\" in value:
        return list(splitFields(value))
    return [part.split(",") if "," in part else part for part in value.split(";")]


def _map(draft: ContactDraft, key: str, cl: Any) -> bool:
    """Copy one vobject line into the draft; False when it should stay an extra line."""
    value = cl.value
    if key in ("n", "adr", "org"):
        fields = _split_fields(value)
        if key == "n":
            value = Name(**dict(zip(NAME_ORDER, fields, strict=False)))
        elif key == "adr":
            value = Address(**dict(zip(ADDRESS_ORDER, fields, strict=False)))
        else:
            value = fields
    elif key == "categories":
        value = _text_values(value)
    else:  # vobject's text behaviour has already removed the backslash escapes
        value = _str(value)
    if key in ("email", "tel", "url"):
        text = value.strip()
        low = text.lower()
        if key == "tel" and low.startswith("tel:"):
            text = text[4:]
        elif key == "email" and low.startswith("mailto:"):
            text = text[7:]
        elif key == "url":
            text = text.replace("\\:", ":")
        if not text:
            return True
        types, pref = _types(cl)
        target = {"email": draft.emails, "tel": draft.phones, "url": draft.urls}[key]
        target.append(TypedValue(text, types, pref, cl.group or ""))
    elif key == "adr":
        types, _ = _types(cl)
        adr = PostalAddress(
            street=_str(value.street), locality=_str(value.city), region=_str(value.region),
            postal_code=_str(value.code), country=_str(value.country), po_box=_str(value.box),
            extended=_str(value.extended), types=types, label=cl.group or "")
        if not adr.is_empty():
            draft.addresses.append(adr)
    elif key == "n":
        draft.family_name, draft.given_name = _str(value.family), _str(value.given)
        draft.additional_names = _str(value.additional)
        draft.honorific_prefix, draft.honorific_suffix = _str(value.prefix), _str(value.suffix)
    elif key == "org":
        parts = [_str(p) for p in (value if isinstance(value, list) else [value])]
        draft.organization = parts[0] if parts else ""
        draft.department = "; ".join(p for p in parts[1:] if p)
    elif key == "categories":
        for tag in value if isinstance(value, list) else [value]:
            tag = str(tag).strip()
            if tag and tag not in draft.tags:
                draft.tags.append(tag)
    elif key in ("bday", "anniversary", "x-anniversary", "x-ms-anniversary"):
        iso = normalise_date(_str(value))
        if iso is None:
            return False
        if key == "bday":
            draft.birthday = iso
        else:
            draft.anniversary = iso
    else:
        field_name = _SIMPLE.get(key)
        if field_name is None:
            return False
        text = _str(value).strip()
        if field_name == "kind":
            text = text.lower() or "individual"
        setattr(draft, field_name, text)
    return True


_SIMPLE = {"fn": "formatted_name", "title": "title", "role": "role", "note": "note",
           "uid": "uid", "kind": "kind", "x-addressbookserver-kind": "kind",
           "nickname": "nickname", "x-phonetic-first-name": "phonetic_given_name",
           "x-phonetic-last-name": "phonetic_family_name"}
