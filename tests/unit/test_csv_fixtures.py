"""CSV import against real exports in the shared fixture folder (skipped where absent)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from wombat_desktop.core.csvfiles import CsvFormat, read_csv_file, sniff_csv

FIXTURES = Path(__file__).parents[2].parent / "shared" / "fixtures" / "contacts"

EXPECTED_FORMATS = {
    "linkedin/Connections.csv": CsvFormat.LINKEDIN,
    "roundcube/gmail.csv": CsvFormat.GOOGLE_LEGACY,
    "roundcube/tb_plain.csv": CsvFormat.THUNDERBIRD,
    "horde/outlook-bug_6311.csv": CsvFormat.OUTLOOK,
    "sondreb-people/google-outlookcsv.csv": CsvFormat.OUTLOOK,  # Google's "Outlook CSV"
    "sondreb-people/outlook-com.csv": CsvFormat.OUTLOOK_COM,
    "thunderbird/csv_semicolon.csv": CsvFormat.THUNDERBIRD,
}


def _fixture(relpath: str) -> Path:
    path = FIXTURES / relpath
    if not path.is_file():
        pytest.skip(f"shared fixture {relpath} not available")
    return path


def _manifest_rows() -> dict[str, int]:
    manifest = FIXTURES / "MANIFEST.tsv"
    if not manifest.is_file():
        return {}
    with manifest.open(encoding="utf-8", newline="") as fh:
        return {
            row["relpath"]: int(row["begin_lines_or_rows"])
            for row in csv.DictReader(fh, delimiter="\t")
            if row["relpath"].endswith(".csv")
        }


@pytest.mark.parametrize("relpath", sorted(EXPECTED_FORMATS))
def test_real_export_format_and_row_count(relpath: str) -> None:
    path = _fixture(relpath)
    rows = _manifest_rows()
    if relpath not in rows:
        pytest.skip("MANIFEST.tsv does not list this file")
    assert sniff_csv(path.read_bytes()).format is EXPECTED_FORMATS[relpath]
    result = read_csv_file(path)
    assert result.format is EXPECTED_FORMATS[relpath]
    assert result.found == rows[relpath]
    assert result.errors == []
    assert len(result.contacts) == rows[relpath]
    assert all(c.source.startswith(f"csv:{path.name}#") for c in result.contacts)


def test_manifest_csv_files_are_all_covered() -> None:
    rows = _manifest_rows()
    if not rows:
        pytest.skip("shared fixtures not available")
    assert set(rows) <= set(EXPECTED_FORMATS)


def test_linkedin_preamble_skipped_and_connected_on_kept() -> None:
    path = _fixture("linkedin/Connections.csv")
    sniff = sniff_csv(path.read_bytes())
    assert sniff.header_line == 4
    assert sniff.headers[:2] == ["First Name", "Last Name"]
    (c,) = read_csv_file(path).contacts
    assert (c.given_name, c.family_name) == ("Alex", "Rohrberg")
    assert (c.organization, c.title) == ("Schneider Electric", "Software Engineer")
    assert c.urls[0].value == "https://www.linkedin.com/in/alexrohrberg"
    assert c.emails == []
    assert c.met_at == "LinkedIn, connected 22 Dec 2025"


def test_google_legacy_typed_values_and_groups() -> None:
    (c,) = read_csv_file(_fixture("roundcube/gmail.csv")).contacts
    assert c.formatted_name == "Prefix Firstname Middle Lastname Suffix"
    assert (c.given_name, c.additional_names, c.family_name) == ("Firstname", "Middle", "Lastname")
    assert (c.honorific_prefix, c.honorific_suffix, c.nickname) == ("Prefix", "Suffix", "nick")
    assert (c.organization, c.title) == ("company", "jobtitle")
    assert c.birthday == "1975-12-12"
    assert c.note == 'note"note'
    assert c.tags == ["Test"]  # "* My Contacts" dropped
    emails = [(e.value, e.types, e.pref) for e in c.emails]
    assert emails[:2] == [("home@aaa.pl", ["home"], True), ("work@email.pl", ["work"], False)]
    assert {e.value for e in c.emails} >= {"unknown@email.com", "other@email.com"}
    phones = {p.value: p.types for p in c.phones}
    assert phones["mobile"] == ["cell"]
    assert phones["workfax"] == ["fax", "work"]
    assert phones["homefax"] == ["fax", "home"]
    assert phones["workphone"] == ["work"]
    home, work = c.addresses
    assert (home.street, home.locality, home.po_box, home.types) == (
        "home_street", "home_city", "home_pobox", ["home"])
    assert (work.postal_code, work.country, work.types) == ("work_zip", "work_country", ["work"])
    assert [u.value for u in c.urls] == ["test.com", "home.page.com"]


def test_thunderbird_fields() -> None:
    (c,) = read_csv_file(_fixture("roundcube/tb_plain.csv")).contacts
    assert (c.formatted_name, c.given_name, c.family_name) == (
        "Displayname", "Firstname", "Lastname")
    assert [e.value for e in c.emails] == ["test@domain.tld", "next@domain.tld"]
    assert {p.value: p.types for p in c.phones}["mobile"] == ["cell"]
    assert c.birthday == "1970-11-15"
    assert (c.organization, c.department, c.title) == ("Organization", "department", "title")
    assert [a.country for a in c.addresses] == ["USA", "Poland"]


def test_outlook_desktop_multiline_notes_and_null_dates() -> None:
    (c,) = read_csv_file(_fixture("horde/outlook-bug_6311.csv")).contacts
    assert (c.given_name, c.family_name, c.organization) == ("John", "Smith", "International Inc")
    assert [e.value for e in c.emails] == ["john@example.com"]
    assert {p.value: p.types for p in c.phones}["(123) 555-3333"] == ["cell"]
    assert c.note == "PHP\nPerl\nPython"
    assert c.birthday == ""
    assert c.anniversary == ""
    assert c.tags == ["Programming"]


def test_google_outlook_csv_rows() -> None:
    contacts = read_csv_file(_fixture("sondreb-people/google-outlookcsv.csv")).contacts
    assert [c.display_name() for c in contacts] == [
        "John Doe", "Jane Doe", "mail@mail.com", "Norway Doe", "John Cruickshank"]
    assert contacts[1].phones[0].value == "+4741644000"
    assert contacts[1].phones[0].types == ["cell"]
    assert contacts[0].tags == ["starred"]  # "myContacts" dropped
    address = contacts[4].addresses[0]
    assert (address.street, address.locality, address.postal_code, address.country) == (
        "10 Vardåslia", "Kristiansand S", "4637", "Norway")
    assert contacts[3].tags == ["Restored from Samsung - SM-G950F"]


def test_outlook_com_bom_and_first_name_only() -> None:
    path = _fixture("sondreb-people/outlook-com.csv")
    sniff = sniff_csv(path.read_bytes())
    assert sniff.encoding == "utf-8-sig"
    assert sniff.headers[0] == "First Name"
    first, second = read_csv_file(path).contacts
    assert (first.given_name, first.family_name) == ("Larsen", "")
    assert first.phones[0].value == "+47 466 88 000"
    assert second.display_name() == "Svein Heimdal"
