"""Writing contacts as a CSV in Google Contacts' current import layout.

Google's import reads UTF-8 with or without a BOM; we return text and let the caller encode
it (``utf-8-sig`` helps Excel on Windows, plain ``utf-8`` suits everything else).

Spreadsheet formula injection: a cell that starts with ``= + - @``, a tab or a CR gets a
leading apostrophe, which spreadsheets show as text and our reader removes again. Phone
numbers in international form (``+1 555 123 4567``, ``+44 (20) 7946-0958``) are left alone so
Google's import still reads the number: such a cell holds only digits, spaces and ``+()./-``,
so a spreadsheet can at worst compute a number from it, never call a function or link out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

from wombat_desktop.core.csv_values import needs_guard
from wombat_desktop.core.model import ContactDraft, PostalAddress, TypedValue, display_name_of

_IGNORED_TYPES = {"voice", "internet", "pref", "x400"}
_EMAIL_OUT = {(): "Other", ("home",): "Home", ("work",): "Work"}
_PHONE_OUT = {
    **_EMAIL_OUT, ("cell",): "Mobile", ("cell", "work"): "Work Mobile", ("fax",): "Fax",
    ("fax", "home"): "Home Fax", ("fax", "work"): "Work Fax", ("pager",): "Pager",
    ("pager", "work"): "Work Pager",
}
_URL_OUT = {(): "", ("home",): "Home Page", ("work",): "Work"}
_HEAD = ["First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
         "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
         "Organization Name", "Organization Title", "Organization Department", "Birthday",
         "Notes", "Photo", "Labels"]
_ADDRESS_COLUMNS = ["Label", "Formatted", "Street", "City", "PO Box", "Region", "Postal Code",
                    "Country", "Extended Address"]


def neutralise(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would run as a formula (see
    `needs_guard`); reading drops exactly one again."""
    return "'" + cell if needs_guard(cell) else cell


def _label(types: list[str], label: str, pref: bool, table: dict[tuple[str, ...], str]) -> str:
    if not label:
        key = tuple(sorted({t.lower() for t in types} - _IGNORED_TYPES))
        label = table.get(key) or " ".join(t.title() for t in key)
    return f"* {label}" if pref else label


def _typed(value: TypedValue, table: dict[tuple[str, ...], str]) -> list[str]:
    return [_label(value.types, value.label, value.pref, table), value.value]


def _formatted(address: PostalAddress) -> str:
    city = " ".join(p for p in (address.postal_code, address.locality) if p)
    parts = (address.po_box, address.extended, address.street, city, address.region,
             address.country)
    return "\n".join(p for p in parts if p)


def _address(address: PostalAddress) -> list[str]:
    return [
        _label(address.types, address.label, False, _EMAIL_OUT), _formatted(address),
        address.street, address.locality, address.po_box, address.region, address.postal_code,
        address.country, address.extended,
    ]


def _file_as(draft: ContactDraft) -> str:
    """Google's layout has no full-name column: keep a formatted name in "File As" when it
    is not just the given and family names put together."""
    composed = display_name_of("", draft.given_name, draft.family_name)
    name = " ".join(draft.formatted_name.split())
    return name if name and name != composed else ""


def write_google_csv(drafts: Iterable[ContactDraft]) -> str:
    """Contacts as CSV text in Google Contacts' current export/import layout."""
    drafts = list(drafts)
    groups: list[tuple[str, list[str], Callable[[ContactDraft], list[list[str]]]]] = [
        ("E-mail", ["Label", "Value"], lambda d: [_typed(v, _EMAIL_OUT) for v in d.emails]),
        ("Phone", ["Label", "Value"], lambda d: [_typed(v, _PHONE_OUT) for v in d.phones]),
        ("Address", _ADDRESS_COLUMNS, lambda d: [_address(a) for a in d.addresses]),
        ("Website", ["Label", "Value"], lambda d: [_typed(v, _URL_OUT) for v in d.urls]),
    ]
    counts = [max([len(get(d)) for d in drafts] + [1]) for _, _, get in groups]
    header = list(_HEAD)
    for (name, columns, _), count in zip(groups, counts, strict=True):
        header += [f"{name} {n} - {c}" for n in range(1, count + 1) for c in columns]

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for d in drafts:
        row = [d.given_name, d.additional_names, d.family_name, d.phonetic_given_name, "",
               d.phonetic_family_name, d.honorific_prefix, d.honorific_suffix, d.nickname,
               _file_as(d), d.organization, d.title, d.department, d.birthday, d.note, "",
               " ::: ".join(d.tags)]
        for (_, columns, get), count in zip(groups, counts, strict=True):
            values = get(d)
            for n in range(count):
                row += values[n] if n < len(values) else [""] * len(columns)
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()
