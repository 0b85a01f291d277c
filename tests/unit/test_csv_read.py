"""CSV sniffing, reading and mapping against the project's own small fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wombat_desktop.core.csvfiles import (
    FIELDS,
    CsvFormat,
    CsvRowError,
    base_field,
    guess_field,
    mapping_for,
    normalise_date,
    read_csv,
    read_csv_file,
    sniff_csv,
)
from wombat_desktop.core.errors import CancelledError
from wombat_desktop.core.progress import CancelToken

DATA = Path(__file__).parents[1] / "data" / "csv"


def test_semicolon_cp1252_german_outlook() -> None:
    data = (DATA / "outlook_de_semicolon_cp1252.csv").read_bytes()
    sniff = sniff_csv(data)
    assert (sniff.encoding, sniff.delimiter, sniff.format) == ("cp1252", ";", CsvFormat.GENERIC)
    assert len(sniff.preview) == 2  # the empty row is not previewed
    result = read_csv(data, "de.csv")
    assert result.errors == []
    assert result.found == 2
    juergen, francois = result.contacts
    assert (juergen.given_name, juergen.family_name) == ("Jürgen", "Müller")
    assert juergen.organization == "Bäckerei Groß GmbH"
    assert juergen.title == "Geschäftsführer"
    assert [(e.value, e.types) for e in juergen.emails] == [
        ("j.mueller@example.de", []), ("juergen@example.net", ["home"])]
    assert [(p.value, p.types) for p in juergen.phones] == [
        ("+49 30 1234567", ["work"]), ("0171 2345678", ["cell"]),
        ("+49 30 1234568", ["fax", "work"])]
    (address,) = juergen.addresses
    assert (address.street, address.locality, address.postal_code, address.country) == (
        "Hauptstraße 5", "Berlin", "10115", "Deutschland")
    assert address.types == ["work"]
    assert juergen.birthday == "1970-12-24"
    assert juergen.note == "Mag Brötchen; spricht Französisch"
    assert juergen.tags == ["Kunden", "Bäcker"]
    assert francois.organization == "Société Générale"
    assert francois.source == "csv:de.csv#2"


def test_tab_delimited_with_blank_line() -> None:
    result = read_csv_file(DATA / "tab_separated.tsv")
    assert sniff_csv((DATA / "tab_separated.tsv").read_bytes()).delimiter == "\t"
    assert [c.formatted_name for c in result.contacts] == ["Ada Lovelace", "Grace Hopper"]
    assert result.contacts[0].organization == "Analytical Engines, Ltd."
    assert result.contacts[1].source == "csv:tab_separated.tsv#3"  # the blank row counts
    assert result.found == 2


def test_utf16_google_current_layout() -> None:
    data = (DATA / "google_utf16.csv").read_bytes()
    assert data[:2] == b"\xff\xfe"
    sniff = sniff_csv(data)
    assert (sniff.encoding, sniff.format) == ("utf-16", CsvFormat.GOOGLE)
    wang, zoe = read_csv(data).contacts
    assert wang.display_name() == "王小明"
    assert [(e.value, e.types, e.pref) for e in wang.emails] == [
        ("wang@example.cn", ["work"], True), ("xm.wang@example.com", ["work"], False),
        ("xm@example.net", ["home"], False)]
    assert [(p.value, p.types) for p in wang.phones] == [
        ("+86 138 0013 8000", ["cell"]), ("+86 10 8888 0000", ["fax", "work"])]
    assert wang.addresses[0].street == "朝阳路 1 号"
    assert wang.addresses[0].types == ["work"]
    assert wang.note == "第一行\n第二行"
    assert wang.tags == ["客户"]
    assert wang.urls[0].label == "Profile"
    assert (zoe.given_name, zoe.family_name, zoe.honorific_prefix) == ("Zoë", "Ångström", "Dr.")
    assert zoe.birthday == "--04-12"
    assert zoe.phones[0].label == "Main"
    assert zoe.tags == ["Friends", "starred"]


def test_multiline_quoted_fields() -> None:
    anna, bo = read_csv_file(DATA / "multiline.csv").contacts
    assert anna.note == 'Met at the fair.\nLikes "good" coffee.\n\nFollow up in May.'
    assert anna.addresses[0].street == "Storgatan 1\nBox 12"
    assert bo.note == "One, two, three"
    assert bo.source.endswith("#2")


def test_broken_rows_are_reported_and_the_rest_is_read() -> None:
    result = read_csv_file(DATA / "broken_row.csv")
    assert [c.given_name for c in result.contacts] == ["Alice", "Carol", "Eve"]
    assert [(e.row, e.line) for e in result.errors] == [(2, 3), (4, 5)]
    assert "quote" in result.errors[0].message
    assert result.found == 5
    assert isinstance(result.errors[0], CsvRowError)


def test_row_without_contact_data_is_reported() -> None:
    result = read_csv(b"First Name,Last Name,Notes,Birthday\nAnn,,,\n,,,0/0/00\n")
    assert len(result.contacts) == 1
    assert [(e.row, e.line) for e in result.errors] == [(2, 3)]


@pytest.mark.parametrize(
    ("name", "given", "org", "email", "phone", "birthday"),
    [
        ("generic_odd_headers.csv", "", "Corp Inc", ("mary@corp.example", ["work"]),
         ("(555) 010-0199", ["cell"]), "1980-01-31"),
        ("generic_chinese.csv", "", "上海贸易公司", ("wangfang@example.cn", []),
         ("13800138000", ["cell"]), ""),
        ("generic_french.csv", "Élodie", "Café Crème SARL", ("elodie@example.fr", []),
         ("06 12 34 56 78", ["cell"]), "1988-03-02"),
    ],
)
def test_generic_csv_guessed_mapping(
    name: str, given: str, org: str, email: tuple[str, list[str]], phone: tuple[str, list[str]],
    birthday: str,
) -> None:
    path = DATA / name
    sniff = sniff_csv(path.read_bytes())
    assert sniff.format is CsvFormat.GENERIC
    mapping = mapping_for(sniff.format, sniff.headers)
    assert set(mapping) == set(sniff.headers)
    assert all(base_field(t) in FIELDS for t in mapping.values())
    assert json.loads(json.dumps(mapping)) == mapping
    first = read_csv_file(path).contacts[0]
    assert first.given_name == given
    assert first.organization == org
    assert (first.emails[0].value, first.emails[0].types) == email
    assert (first.phones[0].value, first.phones[0].types) == phone
    assert first.birthday == birthday


def test_generic_odd_headers_details() -> None:
    sniff = sniff_csv((DATA / "generic_odd_headers.csv").read_bytes())
    mapping = mapping_for(sniff.format, sniff.headers)
    assert mapping["Contact Name"] == "formatted_name"
    assert mapping["Home City"] == "locality#home"
    assert mapping["Unused Column"] == "ignore"
    mary, li = read_csv_file(DATA / "generic_odd_headers.csv").contacts
    assert mary.tags == ["vip", "golf"]
    assert mary.note == '=HYPERLINK("http://evil")'  # kept as text; never evaluated
    assert li.birthday == "1990-05-06"


def test_user_mapping_overrides_detection() -> None:
    data = (DATA / "tab_separated.tsv").read_bytes()
    mapping = {"Name": "organization", "Email": "email_work", "Phone": "ignore"}
    ada = read_csv(data, mapping=mapping).contacts[0]
    assert ada.organization == "Ada Lovelace"
    assert ada.emails[0].types == ["work"]
    assert ada.phones == []


def test_guess_field_synonyms() -> None:
    assert guess_field("E-Mail (geschäftlich)") == "email_work"
    assert guess_field("Mobile Phone") == "phone_mobile"
    assert guess_field("Emailadresse") == "email_other"
    assert guess_field("Mailing Address") == "street"
    assert guess_field("Bundesland") == "region"
    assert guess_field("Land/Region geschäftlich") == "country#work"
    assert guess_field("手机") == "phone_mobile"
    assert guess_field("Remarque") == "note"
    assert guess_field("zzz") == "ignore"


def test_duplicate_and_empty_headers_become_unique() -> None:
    sniff = sniff_csv(b"Email,Email,,Name\na@x.org,b@x.org,,Ann\n")
    assert sniff.headers == ["Email", "Email (2)", "Column 3", "Name"]
    (ann,) = read_csv(b"Email,Email,,Name\na@x.org,b@x.org,,Ann\n").contacts
    assert [e.value for e in ann.emails] == ["a@x.org", "b@x.org"]


def test_preview_is_padded_and_limited() -> None:
    data = b"Name,Email\n" + b"".join(b"P%d\n" % i for i in range(50))
    sniff = sniff_csv(data)
    assert len(sniff.preview) == 20
    assert sniff.preview[0] == ["P0", ""]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("1975-12-12", "1975-12-12"), ("12/25/1980", "1980-12-25"), ("25/12/1980", "1980-12-25"),
        ("24.12.1970", "1970-12-24"), ("22 Dec 2025", "2025-12-22"),
        ("March 3, 1999", "1999-03-03"), ("--04-12", "--04-12"), ("19991231", "1999-12-31"),
        ("1980-01-02T00:00:00Z", "1980-01-02"), ("12. Dezember", "--12-12"),
        ("2/30/2000", ""), ("0/0/00", ""), ("soon", ""),
    ],
)
def test_normalise_date(text: str, iso: str) -> None:
    assert normalise_date(text) == iso


def test_unreadable_birthday_goes_to_note() -> None:
    (c,) = read_csv(b"Name,Birthday\nAnn,next spring\n").contacts
    assert c.birthday == ""
    assert c.note == "Birthday: next spring"


def test_progress_and_cancel() -> None:
    data = b"Name,Email\n" + b"".join(b"P%d,p%d@x.org\n" % (i, i) for i in range(1000))
    calls: list[tuple[int, int]] = []
    result = read_csv(data, progress=lambda done, total, label="": calls.append((done, total)))
    assert len(result.contacts) == 1000
    assert len(calls) >= 5
    assert calls[-1] == (calls[-1][1], calls[-1][1])
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        read_csv(data, cancel=token)


def test_empty_and_headerless_input() -> None:
    for data in (b"", b"\n\n", b"\xef\xbb\xbf", b"Name\n"):
        result = read_csv(data)
        assert result.contacts == []
        assert result.errors == []
    assert sniff_csv(b"").headers == []


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("gb18030", "gb18030"),
     ("utf-8", "utf-8")],
)
def test_other_encodings(encoding: str, expected: str) -> None:
    text = "姓名,手机,公司\n王小明,13800138000,北京科技有限公司\n李娜,13900000000,上海贸易公司\n"
    data = text.encode(encoding)
    assert sniff_csv(data).encoding == expected
    names = [c.formatted_name for c in read_csv(data).contacts]
    assert names == ["王小明", "李娜"]


def test_latin1_fallback_when_not_cp1252() -> None:
    data = "Name,Email\nJosé Nuñez\x81,j@x.org\n".encode("latin-1")
    assert sniff_csv(data).encoding == "latin-1"
    assert read_csv(data).contacts[0].formatted_name.startswith("José Nuñez")
