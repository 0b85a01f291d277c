"""vCard writing: format rules and import -> export -> import round trips."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from wombat_desktop.core.model import ContactDraft, Photo, PostalAddress, TypedValue
from wombat_desktop.core.vcard import read_vcard_file, read_vcards, write_vcards
from wombat_desktop.core.vcard_write import fold_line

DATA = Path(__file__).resolve().parents[1] / "data" / "vcard"
FILES = sorted(p.name for p in DATA.glob("*.vcf"))
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))


def _full() -> ContactDraft:
    return ContactDraft(
        formatted_name="Dr. Zoë O'Brien, PhD", family_name="O'Brien", given_name="Zoë",
        additional_names="Ann", honorific_prefix="Dr.", honorific_suffix="PhD",
        nickname="Zo", phonetic_family_name="オブライエン", phonetic_given_name="ゾエ",
        organization="Acme; Inc", department="R&D", title="Chief, Things", role="Lead",
        emails=[TypedValue("zoe@example.com", ["work"], True, "Main mail"),
                TypedValue("z@home.example", ["home", "internet"])],
        phones=[TypedValue("+1 555 0100", ["cell"]), TypedValue("+1 555 0101", ["work", "fax"])],
        addresses=[PostalAddress(street="1 Main St\nApt 2", locality="Springfield",
                                 region="IL", postal_code="62701", country="USA",
                                 types=["home"], label="Summer")],
        urls=[TypedValue("https://example.com/a,b;c", ["work"])],
        birthday="1980-04-12", anniversary="--06-07", note="Line 1\nLine 2, with ; marks \\",
        tags=["friends", "VIP, gold"], photo=Photo(PNG, "image/png"), uid="urn:uuid:1",
        kind="individual", extra_lines=["X-CUSTOM;TYPE=a:value\\, kept", "GENDER:F",
                                        "item1.X-ABDATE:2000-01-01",
                                        "item1.X-ABLabel:_$!<Anniversary>!$_"],
    )


def _strip(drafts: list[ContactDraft]) -> list[ContactDraft]:
    return [dataclasses.replace(d, source="") for d in drafts]


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_full_draft_round_trips(version: str) -> None:
    text = write_vcards([_full()], version)
    result = read_vcards(text.encode("utf-8"))
    assert result.errors == []
    assert _strip(result.contacts) == _strip([_full()])


@pytest.mark.parametrize("version", ["4.0", "3.0"])
@pytest.mark.parametrize("name", FILES)
def test_own_fixtures_round_trip(name: str, version: str) -> None:
    drafts = read_vcard_file(DATA / name).contacts
    again = read_vcards(write_vcards(drafts, version).encode("utf-8"))
    assert again.errors == []
    assert _strip(again.contacts) == _strip(drafts)


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_format_rules(version: str) -> None:
    text = write_vcards([_full(), ContactDraft(emails=[TypedValue("x@example.com")])], version)
    assert text.startswith(f"BEGIN:VCARD\r\nVERSION:{version}\r\n")
    assert text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert text.count("BEGIN:VCARD") == 2
    unfolded = text.replace("\r\n ", "")
    if version == "4.0":
        assert "PHOTO:data:image/png;base64,iVBORw0KGgo" in unfolded
        assert "PREF=1" in unfolded
        assert "ANNIVERSARY:--06-07" in unfolded
    else:
        assert "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo" in unfolded
        assert "TYPE=work,pref" in unfolded
    assert "X-CUSTOM;TYPE=a:value\\, kept" in unfolded
    assert "item2.X-ABLabel:Main mail" in unfolded  # item1 is taken by an extra line


def test_nameless_draft_gets_empty_fn() -> None:
    text = write_vcards([ContactDraft(phones=[TypedValue("123")])])
    assert "\r\nFN:\r\n" in text
    cjk = write_vcards([ContactDraft(family_name="山田", given_name="太郎")])
    assert "\r\nFN:山田太郎\r\n" in cjk


def test_kind_is_written_per_version() -> None:
    org = ContactDraft(organization="Acme", kind="org")
    assert "\r\nKIND:org\r\n" in write_vcards([org], "4.0")
    assert "\r\nX-ADDRESSBOOKSERVER-KIND:org\r\n" in write_vcards([org], "3.0")
    for version in ("4.0", "3.0"):
        assert read_vcards(write_vcards([org], version).encode()).contacts[0].kind == "org"


def test_bad_version_is_refused() -> None:
    with pytest.raises(ValueError, match="2.1"):
        write_vcards([], "2.1")


@pytest.mark.parametrize("text", ["", "short", "x" * 75, "y" * 300, "é" * 100, "ab中" * 60])
def test_fold_line_keeps_characters_whole(text: str) -> None:
    folded = fold_line(text)
    parts = folded.split("\r\n ")
    assert "".join(parts) == text
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(len(p.encode("utf-8")) <= 74 for p in parts[1:])
