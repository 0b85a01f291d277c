"""The vCard reader over the shared real-world contact files (skipped where absent)."""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

import pytest

from tests.unit.vcard_checks import every_card_accounted
from wombat_desktop.core.model import ContactDraft, is_cjk
from wombat_desktop.core.vcard import read_vcard_file, read_vcards, write_vcards

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "contacts"
_SIGNATURES = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG", "image/gif": b"GIF8"}
_MOJIBAKE = re.compile("[ÃÂâ][\x80-\xbf\u0152-\u2122]|\ufffd")


def _manifest() -> list[dict[str, str]]:
    path = FIXTURES / "MANIFEST.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r for r in rows if r["relpath"].endswith((".vcf", ".vcard"))]


ROWS = _manifest()
IDS = [r["relpath"] for r in ROWS]


@pytest.fixture(autouse=True)
def _needs_fixtures() -> None:
    if not ROWS:
        pytest.skip("shared contact fixtures not present")


def _begin_lines(path: Path) -> int:
    result = read_vcards(path.read_bytes())
    no_begin = sum("no BEGIN" in e.message for e in result.errors)
    return result.found - no_begin


def _names(d: ContactDraft) -> str:
    return " ".join((d.formatted_name, d.family_name, d.given_name, d.organization, d.note))


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_every_card_is_seen(row: dict[str, str]) -> None:
    path = FIXTURES / row["relpath"]
    result = read_vcard_file(path)
    assert _begin_lines(path) == int(row["begin_lines_or_rows"])
    assert every_card_accounted(result)
    if row["valid"] == "yes":
        assert result.errors == []
        assert len(result.contacts) == int(row["begin_lines_or_rows"])
    for n, draft in enumerate(result.contacts):
        assert draft.source.startswith(f"vcard:{path.name}#")
        assert not _MOJIBAKE.search(_names(draft)), (n, _names(draft))


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_round_trips_through_4_and_3(row: dict[str, str]) -> None:
    drafts = read_vcard_file(FIXTURES / row["relpath"]).contacts
    for version in ("4.0", "3.0"):
        again = read_vcards(write_vcards(drafts, version).encode("utf-8")).contacts
        strip = [dataclasses.replace(d, source="") for d in drafts]
        assert [dataclasses.replace(d, source="") for d in again] == strip, version


@pytest.mark.parametrize("row", [r for r in ROWS if "embedded binary" in r["notes"]],
                         ids=[r["relpath"] for r in ROWS if "embedded binary" in r["notes"]])
def test_photos_are_decoded_with_image_signatures(row: dict[str, str]) -> None:
    result = read_vcard_file(FIXTURES / row["relpath"])
    photos = [d.photo for d in result.contacts if d.photo is not None]
    if row["relpath"].endswith("vcard-antoni-cardpicture.vcf"):
        assert photos == []  # only an X-MS-CARDPICTURE, kept as an extra line
        assert any(x.startswith("X-MS-CARDPICTURE") for x in result.contacts[0].extra_lines)
        return
    assert photos
    for photo in photos:
        assert photo.data.startswith(_SIGNATURES[photo.mime])


def _one(relpath: str, index: int = 0) -> ContactDraft:
    result = read_vcard_file(FIXTURES / relpath)
    return result.contacts[index]


def test_japanese_shift_jis_names_and_reading() -> None:
    d = _one("aosp-vcard/v21_japanese_2.vcf")
    assert d.family_name == "安藤"
    assert d.given_name == "ロイド1"
    assert is_cjk(d.formatted_name)
    assert d.phonetic_family_name == "ｱﾝﾄﾞｳ"
    assert d.note == "メモ"
    assert "東京都渋谷区桜丘町26-1セルリアンタワー6階" in d.addresses[0].one_line()


def test_chinese_qp_split_inside_characters() -> None:
    d = _one("evolution-data-server/vcard-5.vcf")
    assert d.formatted_name == "十城目管理大型知座"


def test_multibyte_fold_and_utf16() -> None:
    d = _one("kcontacts/vcard9-owncloud-multibyte-fold.vcf")
    assert d.note.startswith("Длинный комментарий")
    d = _one("roundcube/utf-16_sample.vcf")
    assert d.given_name == "Ǽgean"
    assert d.addresses[0].country == "Perú"


def test_guessed_8bit_charset() -> None:
    assert _one("roundcube/thebat.vcf").family_name == "Iksiński"


def test_types_kept_and_pref_separate() -> None:
    d = _one("evolution-data-server/vcard-12.vcf")
    assert [p.types for p in d.phones] == [["cell", "work"], ["cell", "home"], ["work"]]
    assert d.family_name == "Brüning"
    assert d.addresses[0].street == "Münsterplatz 21"
    d = _one("thunderbird/export.vcf", 1)
    assert d.emails[0].pref
    assert d.emails[0].types == []
    assert "X-CUSTOM3;VALUE=TEXT:custom\\n3" in d.extra_lines


def test_apple_labels_and_groups() -> None:
    d = _one("ez-vcard/John_Doe_GMAIL.vcf")
    assert d.phonetic_family_name == "Dow"
    assert any(x.startswith("item") and "X-ABDATE" in x for x in d.extra_lines)
    d = _one("jeroendesloovere-vcard/invalid_encoding.vcf")
    assert d.family_name == "Desloovere"
    assert d.emails[0].label == "Email"


def test_data_uri_photo_and_sort_as() -> None:
    d = _one("thunderbird/v4-uri-png.vcf")
    assert d.photo is not None
    assert d.photo.mime == "image/png"
    d = _one("aosp-vcard/v40_sort_as.vcf")
    assert (d.phonetic_family_name, d.phonetic_given_name) == ("あんどう", "ろいど")
    assert (d.organization, d.department) == ("グーグル", "検索部門")


def test_broken_files_report_cards() -> None:
    result = read_vcard_file(FIXTURES / "evolution-data-server/vcard-7-no-begin.vcf")
    assert [e.message.split(" before")[0] for e in result.errors] == ["no BEGIN:VCARD"]
    assert [d.formatted_name for d in result.contacts] == ["Frank Dawson"]  # salvaged
    result = read_vcard_file(FIXTURES / "evolution-data-server/vcard-8-no-end.vcf")
    assert result.errors[0].message.startswith("the card is cut off")
    assert [d.formatted_name for d in result.contacts] == ["Frank Dawson"]
    result = read_vcard_file(FIXTURES / "aosp-vcard/v21_nest.vcf")
    assert [d.family_name for d in result.contacts] == ["parent", "nest1", "nest2"]
