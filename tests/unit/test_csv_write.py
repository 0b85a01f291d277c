"""Google CSV export: layout, formula neutralising and the read-back round trip."""

from __future__ import annotations

import csv
import io

import pytest

from wombat_desktop.core.csvfiles import (
    CsvFormat,
    neutralise,
    read_csv,
    sniff_csv,
    write_google_csv,
)
from wombat_desktop.core.model import ContactDraft, PostalAddress, TypedValue


def _drafts() -> list[ContactDraft]:
    return [
        ContactDraft(
            given_name="Jürgen", family_name="Müller", additional_names="K.",
            honorific_prefix="Dr.", nickname="Jü", organization="Bäckerei Groß GmbH",
            title="=CEO", department="Sales", birthday="1970-12-24",
            note='- first line\n"quoted", and, commas\n@mention',
            tags=["Kunden", "Golf"],
            emails=[TypedValue("j@example.de", ["work"], pref=True),
                    TypedValue("home@example.net", ["home"]), TypedValue("x@example.org")],
            phones=[TypedValue("+49 30 1234567", ["work"]), TypedValue("+49 171 234", ["cell"]),
                    TypedValue("+49 30 999", ["fax", "work"]), TypedValue("0800 1", ["fax"]),
                    TypedValue("-1+1", []), TypedValue("12", [], label="Google Voice")],
            addresses=[PostalAddress(street="Hauptstraße 5\nHinterhaus", locality="Berlin",
                                     postal_code="10115", country="Deutschland",
                                     types=["work"]),
                       PostalAddress(street="Dorfweg 1", locality="Kleinkleckersdorf",
                                     region="Bayern", po_box="12", types=["home"])],
            urls=[TypedValue("https://example.de", ["work"])],
        ),
        ContactDraft(formatted_name="王小明", family_name="王", given_name="小明",
                     phones=[TypedValue("+86 138 0013 8000", ["cell"])], birthday="--04-12"),
        ContactDraft(formatted_name="ACME Support Desk", emails=[TypedValue("help@acme.test")]),
    ]


def _key(c: ContactDraft) -> tuple[object, ...]:
    return (
        c.display_name(), c.given_name, c.family_name, c.additional_names, c.honorific_prefix,
        c.nickname, c.organization, c.title, c.department, c.birthday, c.note, c.tags,
        [(e.value, sorted(e.types), e.pref, e.label) for e in c.emails],
        [(p.value, sorted(p.types), p.label) for p in c.phones],
        [(a.street, a.locality, a.region, a.postal_code, a.country, a.po_box, a.types)
         for a in c.addresses],
        [(u.value, u.types) for u in c.urls],
    )


def test_round_trip_keeps_the_contact() -> None:
    drafts = _drafts()
    text = write_google_csv(drafts)
    result = read_csv(text.encode("utf-8"), "export.csv")
    assert result.format is CsvFormat.GOOGLE
    assert result.errors == []
    assert [_key(c) for c in result.contacts] == [_key(d) for d in drafts]


def test_round_trip_with_bom_for_excel() -> None:
    drafts = _drafts()
    data = write_google_csv(drafts).encode("utf-8-sig")
    assert [_key(c) for c in read_csv(data).contacts] == [_key(d) for d in drafts]


def test_layout_is_googles_current_header() -> None:
    text = write_google_csv(_drafts())
    header = next(csv.reader(io.StringIO(text)))
    assert header[:3] == ["First Name", "Middle Name", "Last Name"]
    for column in ("Organization Name", "Labels", "E-mail 3 - Label", "Phone 6 - Value",
                   "Address 2 - Postal Code", "Website 1 - Value"):
        assert column in header
    assert "E-mail 4 - Value" not in header
    assert sniff_csv(text.encode()).format is CsvFormat.GOOGLE


def test_cells_are_neutralised_but_phones_stay_usable() -> None:
    rows = list(csv.DictReader(io.StringIO(write_google_csv(_drafts()))))
    first = rows[0]
    assert first["Organization Title"] == "'=CEO"
    assert first["Notes"].startswith("'- first line")
    assert first["Phone 1 - Value"] == "+49 30 1234567"
    assert first["Phone 1 - Label"] == "Work"
    assert first["Phone 3 - Label"] == "Work Fax"
    assert first["Phone 5 - Value"] == "'-1+1"
    assert first["E-mail 1 - Label"] == "* Work"
    assert first["Labels"] == "Kunden ::: Golf"
    assert rows[2]["File As"] == "ACME Support Desk"
    assert rows[1]["File As"] == ""  # 王小明 is just family + given


@pytest.mark.parametrize(
    ("cell", "out"),
    [("=1+1", "'=1+1"), ("+1 555 123 4567", "+1 555 123 4567"), ("+44 (20) 7946-0958",
     "+44 (20) 7946-0958"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-", "'-"),
     ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("", "")],
)
def test_neutralise(cell: str, out: str) -> None:
    assert neutralise(cell) == out


def test_empty_export_has_a_header() -> None:
    text = write_google_csv([])
    assert text.startswith("First Name,")
    assert text.count("\n") == 1
