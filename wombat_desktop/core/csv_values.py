"""Cell conventions shared by the CSV reader and writer, and one mapped row -> `ContactDraft`.

Google-style labels ("* Home", "Work Fax", "Mobile") become vCard types; a label we do not
know is kept as `TypedValue.label`. Dates become ISO 8601.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from wombat_desktop.core.csv_formats import ADDRESS_PARTS, EMAIL_TYPES, PHONE_TYPES
from wombat_desktop.core.model import ContactDraft, PostalAddress, TypedValue

FORMULA_START = "=+-@\t\r"  # a spreadsheet runs a cell starting with one of these
# An international phone number: left unguarded so a re-import still reads a number (the
# worst a spreadsheet can do with it is arithmetic, never a function call or a link).
_PHONE_CELL = re.compile(r"\+[\d ()./-]*\d[\d ()./-]*")

EMAIL_LABELS: dict[str, list[str]] = {
    "": [], "other": [], "home": ["home"], "personal": ["home"], "private": ["home"],
    "work": ["work"], "business": ["work"],
}
PHONE_LABELS: dict[str, list[str]] = {
    **EMAIL_LABELS, "mobile": ["cell"], "cell": ["cell"], "work mobile": ["cell", "work"],
    "fax": ["fax"], "other fax": ["fax"], "home fax": ["fax", "home"],
    "work fax": ["fax", "work"], "business fax": ["fax", "work"], "pager": ["pager"],
    "work pager": ["pager", "work"],
}
URL_LABELS: dict[str, list[str]] = {**EMAIL_LABELS, "home page": ["home"], "homepage": ["home"]}
_SCALARS = ("formatted_name", "given_name", "family_name", "additional_names",
            "honorific_prefix", "honorific_suffix", "nickname", "phonetic_given_name",
            "phonetic_family_name", "organization", "title", "department")
_SYSTEM_GROUPS = {"mycontacts", "my contacts"}
_MONTHS = {
    "jan": 1, "feb": 2, "fév": 2, "fev": 2, "mar": 3, "mär": 3, "mrz": 3,
    "apr": 4, "avr": 4, "may": 5, "mai": 5, "jun": 6, "juin": 6, "jul": 7, "juil": 7, "aug": 8,
    "aoû": 8, "aou": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
    "déc": 12,
}


def unneutralise(cell: str) -> str:
    """Strip a cell, unify its line breaks, and drop the apostrophe that `write_google_csv`
    puts before a formula-like cell."""
    cell = cell.strip()
    if "\r" in cell:
        cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    if len(cell) > 1 and cell[0] == "'" and needs_guard(cell[1:]):
        return cell[1:]
    return cell


def needs_guard(cell: str) -> bool:
    """Whether `write_google_csv` puts an apostrophe before this cell: it would run as a
    spreadsheet formula, or it starts like an already guarded one (phone numbers excepted)."""
    if not cell or _PHONE_CELL.fullmatch(cell):
        return False
    return cell[0] in FORMULA_START or (
        cell[0] == "'" and len(cell) > 1 and cell[1] in FORMULA_START)


def parse_label(text: str, table: dict[str, list[str]]) -> tuple[list[str], bool, str]:
    """A Google label as ``(types, pref, custom label)``; ``*`` marks the primary value."""
    text = text.strip()
    pref = text.startswith("*")
    text = text.lstrip("* ").strip()
    types = table.get(text.lower())
    return (list(types), pref, "") if types is not None else ([], pref, text)


def split_multi(value: str) -> list[str]:
    """Google packs several values in one cell as ``a ::: b``."""
    return [p for p in (s.strip() for s in value.split(":::")) if p]


def split_tags(values: Iterable[str]) -> list[str]:
    """Tags from Google labels (``a ::: b``) or Outlook categories (``a;b``), without
    Google's built-in "My Contacts" group and the ``*`` of system groups."""
    tags: list[str] = []
    for value in values:
        parts = value.split(":::") if ":::" in value else re.split(r"[;,]", value)
        for part in parts:
            tag = part.strip().lstrip("*").strip()
            if tag and tag.lower() not in _SYSTEM_GROUPS and tag not in tags:
                tags.append(tag)
    return tags


def _full_year(year: int, digits: int) -> int:
    if digits > 2:
        return year
    this = dt.date.today().year
    return 2000 + year if 2000 + year <= this else 1900 + year


def _iso(year: int | None, month: int, day: int) -> str:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: "--02-29" stays valid
    except ValueError:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def normalise_date(text: str) -> str:
    """A date in one of the usual spellings as ISO 8601 (``--MM-DD`` without a year).

    Slashes are read as Outlook's month/day/year unless the first number exceeds 12; dots as
    day.month.year. Returns "" when the text is no date we can read.
    """
    text = re.sub(r"[T ]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$", "", text.strip())
    if m := re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"--(\d{2})-?(\d{2})", text):
        return _iso(None, int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})", text):
        first, second, year = int(m[1]), int(m[3]), _full_year(int(m[4]), len(m[4]))
        if m[2] == "." or first > 12:
            return _iso(year, second, first)
        return _iso(year, first, second)
    words = re.findall(r"[^\W\d_]+", text.lower())
    numbers = re.findall(r"\d+", text)
    if len(words) == 1 and 1 <= len(numbers) <= 2:
        month = _MONTHS.get(words[0][:4]) or _MONTHS.get(words[0][:3])
        days = [int(n) for n in numbers if len(n) <= 2]
        years = [int(n) for n in numbers if len(n) == 4]
        if month and len(days) == 1 and len(years) == len(numbers) - 1:
            return _iso(years[0] if years else None, month, days[0])
    return ""


def _date(values: list[str], notes: list[str], what: str) -> str:
    raw = values[0]
    if re.fullmatch(r"[0\W_]*", raw):  # Outlook writes "0/0/00" for "no date"
        return ""
    iso = normalise_date(raw)
    if not iso:
        notes.append(f"{what}: {raw}")
    return iso


def _parts_date(scalars: dict[str, list[str]]) -> str:
    try:
        month = int(scalars.get("birth_month", ["0"])[0])
        day = int(scalars.get("birth_day", ["0"])[0])
        year = int(scalars.get("birth_year", ["0"])[0]) or None
    except ValueError:
        return ""
    return _iso(year, month, day) if year is None or 0 < year < 10000 else ""


def build_draft(cells: Iterable[tuple[str, str, str]]) -> ContactDraft:
    """One row's non-empty ``(field, slot, value)`` cells, in column order, as a draft."""
    draft = ContactDraft()
    scalars: dict[str, list[str]] = {}
    labels: dict[tuple[str, str], str] = {}
    typed: list[tuple[str, str, str]] = []
    addresses: dict[str, dict[str, list[str]]] = {}
    for base, slot, value in cells:
        if base.endswith("_label"):
            labels[(base, slot)] = value
        elif base in EMAIL_TYPES or base in PHONE_TYPES or base == "url":
            typed.append((base, slot, value))
        elif base in ADDRESS_PARTS or base == "address":
            addresses.setdefault(slot, {}).setdefault(base, []).append(value)
        else:
            scalars.setdefault(base, []).append(value)

    for base, slot, value in typed:
        if base in EMAIL_TYPES:
            kind, types, table, target = "email", EMAIL_TYPES[base], EMAIL_LABELS, draft.emails
        elif base in PHONE_TYPES:
            kind, types, table, target = "phone", PHONE_TYPES[base], PHONE_LABELS, draft.phones
        else:
            kind, types, table, target = "url", [], URL_LABELS, draft.urls
        pref, label = False, ""
        raw_label = labels.get((f"{kind}_label", slot)) if slot else None
        if raw_label is not None:
            types, pref, label = parse_label(raw_label, table)
        for n, part in enumerate(split_multi(value)):  # "* Work" marks the first as primary
            target.append(TypedValue(part, list(types), pref and n == 0, label))

    for slot, parts in addresses.items():
        address = _address(slot, parts, labels.get(("address_label", slot)) if slot else None)
        if address is not None:
            draft.addresses.append(address)

    notes: list[str] = []
    for key in _SCALARS:
        if key in scalars:
            setattr(draft, key, " ".join(scalars[key]))
    if "tags" in scalars:
        draft.tags = split_tags(scalars["tags"])
    if "birthday" in scalars:
        draft.birthday = _date(scalars["birthday"], notes, "Birthday")
    elif "birth_month" in scalars and "birth_day" in scalars:
        draft.birthday = _parts_date(scalars)
    if "anniversary" in scalars:
        draft.anniversary = _date(scalars["anniversary"], notes, "Anniversary")
    if "connected_on" in scalars:
        draft.met_at = f"LinkedIn, connected {scalars['connected_on'][0]}"
    draft.note = "\n".join(scalars.get("note", []) + notes)
    return draft


def _address(slot: str, parts: dict[str, list[str]], label: str | None) -> PostalAddress | None:
    address = PostalAddress()
    for key in ADDRESS_PARTS:
        if key in parts:
            setattr(address, key, ("\n" if key == "street" else " ").join(parts[key]))
    if address.is_empty() and parts.get("address"):
        address.street = "\n".join(parts["address"])  # only a formatted address was given
    if address.is_empty():
        return None
    if slot in ("home", "work"):
        address.types = [slot]
    if label is not None:
        address.types, _, address.label = parse_label(label, EMAIL_LABELS)
    return address


def has_content(draft: ContactDraft) -> bool:
    """Whether a draft holds anything worth importing."""
    return bool(draft.display_name() or draft.urls or draft.addresses or draft.note.strip())
