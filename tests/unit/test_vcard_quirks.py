"""The tolerant vCard reader on small hand-made files, one quirk each (tests/data/vcard)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wombat_desktop.core.errors import CancelledError
from wombat_desktop.core.model import ContactDraft
from wombat_desktop.core.progress import CancelToken
from wombat_desktop.core.vcard import VCardReadResult, read_vcard_file, read_vcards
from wombat_desktop.core.vcard_text import decode_base64, normalise_date, to_utf8_bytes

DATA = Path(__file__).resolve().parents[1] / "data" / "vcard"


def _read(name: str) -> VCardReadResult:
    return read_vcard_file(DATA / name)


def _only(name: str) -> ContactDraft:
    result = _read(name)
    assert result.errors == []
    assert len(result.contacts) == 1
    return result.contacts[0]


@pytest.mark.parametrize("name", ["utf8_bom.vcf", "utf16le_bom.vcf", "utf16be_nobom.vcf"])
def test_unicode_encodings(name: str) -> None:
    d = _only(name)
    assert (d.given_name, d.family_name) == ("Zoë", "Ångström")
    assert d.emails[0].types == ["internet", "work"]
    assert d.source == f"vcard:{name}#1"


def test_shift_jis_with_qp_break_inside_a_character() -> None:
    d = _only("shift_jis_21.vcf")
    assert (d.family_name, d.given_name, d.formatted_name) == ("山田", "太郎", "山田 太郎")
    assert d.note == "東京タワー"
    assert d.phones[0].types == ["cell"]


def test_declared_and_unknown_charsets() -> None:
    result = _read("charsets.vcf")
    assert result.errors == []
    assert [d.family_name for d in result.contacts] == [
        "Iksiński", "Иванов", "Παπαδόπουλος", "Núñez", "Worf"]


def test_undeclared_8bit_text_is_guessed() -> None:
    d = _only("undeclared_8bit.vcf")
    assert d.formatted_name == "Jürgen Müller"
    assert d.note == "Grüße aus Köln, schön dass Sie da sind"


def test_quoted_printable_21_and_bare_params() -> None:
    d = _only("qp_21.vcf")
    assert d.family_name == "中文名字" == d.formatted_name
    assert [(p.value, p.types, p.pref) for p in d.phones] == [
        ("+1 555 0100", ["cell"], False), ("+1 555 0101", ["work", "voice"], True)]
    assert d.emails[0].types == ["internet", "home"]
    assert d.note == "Line one\nLine two, with comma = done"
    assert d.addresses[0].street == "Main St 1\nApt 2"
    assert d.addresses[0].types == ["home"]


def test_folding_line_endings_and_junk() -> None:
    result = _read("folding.vcf")
    assert result.errors == []
    first, second = result.contacts
    assert first.formatted_name == "Jürgen Ω"  # fold split the ü
    assert (first.family_name, first.given_name) == ("Doe", "John")  # TAB fold
    assert first.note == "bare\ncarriage return"
    assert first.emails[0].value == "john@example.com"
    assert second.formatted_name == "Second"  # LF only, no final newline


def test_vcard_40_features() -> None:
    result = _read("v40.vcf")
    assert result.errors == []
    org, person = result.contacts
    assert org.kind == "org"
    assert org.formatted_name == org.organization == "Acme, Inc."
    assert org.department == "R&D"
    assert org.phones[0].value.startswith("+1-555-555-5555")
    assert org.phones[0].types == ["work", "voice"]
    assert org.phones[0].pref
    assert org.emails[0].pref
    assert org.emails[0].types == ["work"]
    assert org.photo is not None
    assert org.photo.mime == "image/png"
    assert person.formatted_name == "Doe, John"  # the comma does not cut FN
    assert (person.phonetic_family_name, person.phonetic_given_name) == ("Dough", "Jon")
    assert person.birthday == "--04-12"
    assert person.anniversary == "2010-06-01"
    assert "N;ALTID=1;LANGUAGE=ja:ドウ;ジョン;;;" in person.extra_lines
    assert "GENDER:M" in person.extra_lines
    assert 'X-SOCIAL;X-NOTE="caret ^^ and ^n":twitter' in person.extra_lines


def test_photos_in_every_form() -> None:
    result = _read("photos.vcf")
    assert result.errors == []
    by_name = {d.formatted_name: d for d in result.contacts}
    assert by_name["Png21"].photo.mime == "image/png"  # type: ignore[union-attr]
    assert by_name["Jpeg30"].photo.data.startswith(b"\xff\xd8\xff")  # type: ignore[union-attr]
    assert by_name["GifNoEncoding"].photo.mime == "image/gif"  # type: ignore[union-attr]
    assert by_name["Unindented"].photo.mime == "image/gif"  # type: ignore[union-attr]
    broken = by_name["Broken"]
    assert broken.photo is None
    assert broken.emails[0].value == "broken@example.com"
    assert by_name["Url"].extra_lines == ["PHOTO;VALUE=uri:http://example.com/me.jpg"]


def test_apple_groups_labels_and_vendor_lines() -> None:
    d = _only("apple_groups.vcf")
    assert (d.emails[0].label, d.emails[0].pref) == ("Other", True)
    assert d.phones[0].label == "Boat phone"
    assert d.addresses[0].label == "Holiday"
    assert (d.phonetic_given_name, d.phonetic_family_name) == ("Jonnie", "Appelsied")
    assert d.tags == ["friends", "work,mates"]
    assert d.urls[0].value == "http://example.com"
    assert (d.nickname, d.title, d.role, d.uid) == ("JA", "Planter", "Founder", "apple-1")
    assert d.extra_lines == [
        "item3.X-ABDATE;TYPE=pref:2000-01-01",
        "item3.X-ABLabel:_$!<Anniversary>!$_",
        "item4.X-ABADR:us",
        "X-ABShowAs:PERSON",
        "X-GOOGLE-TALK;TYPE=WORK:johnny.gtalk",  # illegal name made legal
    ]


def test_broken_cards_do_not_lose_the_rest() -> None:
    result = _read("broken.vcf")
    assert result.found == 5
    # the two broken cards are reported by card and line, and their contents are kept
    assert [d.formatted_name for d in result.contacts] == [
        "First Good", "No Begin", "No Version", "Empty Lines", "Truncated"]
    assert [(e.card, e.line) for e in result.errors] == [(2, 5), (5, 19)]
    assert result.errors[0].message == "no BEGIN:VCARD before line 7: read as a card anyway"
    assert result.errors[1].message == (
        "the card is cut off (END:VCARD missing): imported what it holds")


def test_nested_and_agent_cards_become_people() -> None:
    result = _read("nested.vcf")
    assert result.errors == []
    assert [d.formatted_name for d in result.contacts] == [
        "Big Boss", "Ann Assistant", "Chief", "Deputy Dawg"]
    assert result.contacts[3].phones[0].value == "555-2222"


def test_nameless_cards_are_imported_empty_ones_reported() -> None:
    result = _read("noname.vcf")
    assert [d.display_name() for d in result.contacts] == [
        "only@example.com", "+1 555 0123", "Lonely Org"]
    assert [e.card for e in result.errors] == [4]


def test_dates() -> None:
    result = _read("dates.vcf")
    assert [d.birthday for d in result.contacts] == ["1980-04-12", "--04-12", "1980-04-12", ""]
    assert result.contacts[0].anniversary == "2005-06-07"
    assert result.contacts[3].extra_lines == ["BDAY;VALUE=text:circa 1800"]


@pytest.mark.parametrize(("raw", "iso"), [
    ("19800412", "1980-04-12"), ("1980-04-12", "1980-04-12"), ("--0412", "--04-12"),
    ("--04-12", "--04-12"), ("1980-13-01", None), ("soon", None), ("", None)])
def test_normalise_date(raw: str, iso: str | None) -> None:
    assert normalise_date(raw) == iso


def test_lenient_base64() -> None:
    assert decode_base64(b"aGVsbG8") == b"hello"
    assert decode_base64(b"aGVs\r\n bG8=") == b"hello"
    assert decode_base64(b"aGVsbG8x1") == b"hello1"  # a stray last character is dropped


def test_utf16_detection_leaves_utf8_alone() -> None:
    assert to_utf8_bytes(b"BEGIN:VCARD") == b"BEGIN:VCARD"
    assert to_utf8_bytes("BEGIN".encode("utf-16-le")) == b"BEGIN"


def test_progress_and_cancel() -> None:
    data = (DATA / "charsets.vcf").read_bytes()
    calls: list[tuple[int, int]] = []
    read_vcards(data, "x", progress=lambda done, total, label="": calls.append((done, total)))
    assert calls[-1] == (5, 5)
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        read_vcards(data, cancel=token)


def test_empty_and_garbage_input() -> None:
    assert read_vcards(b"").found == 0
    assert read_vcards(b"\x00\xff\xfe garbage\r\n:::\r\n").contacts == []
