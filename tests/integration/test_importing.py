"""Import, merge, undo and export on a real SQLite file, with the shared real-world files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from wombat_desktop.core.model import ContactDraft, Tie, TypedValue
from wombat_desktop.core.vcard import read_vcards
from wombat_desktop.services.exporting import ExportFormat
from wombat_desktop.services.registry import Services, build_services
from wombat_desktop.storage.database import Database

needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason="shared fixtures absent")

CARD = """BEGIN:VCARD\r
VERSION:3.0\r
UID:{uid}\r
FN:{name}\r
N:{family};{given};;;\r
ORG:{org}\r
EMAIL;TYPE=work:{email}\r
TEL;TYPE=cell:{phone}\r
X-CUSTOM-THING;TYPE=a:kept {uid}\r
NOTE:{note}\r
END:VCARD\r
"""


def card(uid: str, given: str, family: str, org: str = "Acme", email: str = "",
         phone: str = "", note: str = "") -> str:
    return CARD.format(uid=uid, name=f"{given} {family}", given=given, family=family, org=org,
                       email=email or f"{given.lower()}@{org.lower()}.example",
                       phone=phone or "+1 555 0100", note=note)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def people(services: Services) -> dict[str, int]:
    return {i.name: i.id for i in services.contacts.list_items()}


def test_import_merges_exact_duplicates_and_undo_takes_it_all_back(
    services: Services, tmp_path: Path
) -> None:
    existing = services.contacts.create(ContactDraft(
        given_name="Anna", family_name="Berg", emails=[TypedValue("anna@acme.example")],
        note="met at the fair"))
    path = write(tmp_path, "a.vcf", card("u-1", "Anna", "Berg", phone="+1 555 0199")
                 + card("u-2", "Bo", "Li") + card("u-2", "Bo", "Li", note="second copy")
                 + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\n")
    result = services.importing.import_paths([path])
    (report,) = result.files
    assert (report.found, report.imported, report.merged) == (4, 2, 2)
    assert [(e.card, e.message) for e in report.errors] == [
        (4, "the card is cut off (END:VCARD missing): imported what it holds")]
    names = people(services)
    assert set(names) == {"Anna Berg", "Bo Li", "Broken"}
    anna = services.contacts.get(existing)
    assert set(anna.uids) >= {"u-1"}
    assert anna.draft.note.startswith("met at the fair")
    assert [p.value for p in anna.draft.phones] == ["+1 555 0199"]
    assert any(s.startswith("vcard:a.vcf#1") for s in anna.sources)
    bo = services.contacts.get(names["Bo Li"])
    assert "second copy" in bo.draft.note  # both copies' values kept
    assert bo.draft.extra_lines == ["X-CUSTOM-THING;TYPE=a:kept u-2"]

    batch = services.importing.batches()[0]
    assert (batch.imported, batch.merged, batch.errors) == (2, 2, 1)
    assert "a.vcf" in batch.label
    services.importing.undo(batch.id)
    assert set(people(services)) == {"Anna Berg"}
    anna = services.contacts.get(existing)
    assert anna.draft.phones == []
    assert "u-1" not in anna.uids
    assert anna.draft.note == "met at the fair"
    assert services.importing.batches()[0].undone_at is not None


def test_reimporting_the_same_file_creates_nobody_new(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "b.vcf", card("x1", "Chen", "Wei") + card("", "Dora", "Ek"))
    first = services.importing.import_paths([path]).totals()
    second = services.importing.import_paths([path]).totals()
    assert first["imported"] == 2
    assert (second["imported"], second["merged"]) == (0, 2)
    assert len(people(services)) == 2


def test_likely_duplicates_are_left_for_review(services: Services, tmp_path: Path) -> None:
    services.contacts.create(ContactDraft(given_name="José", family_name="García",
                                          organization="Acme"))
    path = write(tmp_path, "c.vcf", card("n1", "Jose", "Garcia", email="jg@other.example"))
    result = services.importing.import_paths([path])
    assert result.totals()["imported"] == 1
    (review,) = result.review
    assert review.score >= 80
    assert any("similar name" in r for r in review.reasons)


def test_dry_run_writes_nothing(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "d.vcf", card("d1", "Eva", "Fox"))
    result = services.importing.import_paths([path], dry_run=True)
    assert result.batch_id is None
    assert result.totals()["imported"] == 1
    assert people(services) == {}
    assert services.importing.batches() == []


def test_csv_import_google_layout(services: Services, tmp_path: Path) -> None:
    text = ("First Name,Last Name,Organization Name,E-mail 1 - Label,E-mail 1 - Value,"
            "Phone 1 - Label,Phone 1 - Value,Labels\n"
            "Ольга,Иванова,Рога,Work,olga@roga.example,Mobile,+7 495 123 45 67,"
            "* myContacts ::: golf\n")
    path = write(tmp_path, "google.csv", text)
    result = services.importing.import_paths([path])
    assert result.files[0].format == "google"
    assert result.totals()["imported"] == 1
    olga = services.contacts.get(people(services)["Ольга Иванова"])
    assert olga.draft.emails[0].value == "olga@roga.example"
    assert olga.draft.tags == ["golf"]


def test_unreadable_file_is_one_error_not_a_crash(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, "bin.csv", "")
    path.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    result = services.importing.import_paths([path, tmp_path / "missing.vcf"])
    assert all(f.errors for f in result.files)
    assert result.totals()["imported"] == 0


@needs_fixtures
def test_every_real_world_file_imports_without_crashing(services: Services) -> None:
    files = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".vcf", ".vcard", ".csv"})
    result = services.importing.import_paths(files)
    totals = result.totals()
    assert totals["found"] >= 85
    assert totals["imported"] + totals["merged"] == totals["found"]  # broken ones salvaged
    broken = {Path(f.path).name for f in result.files if f.errors}
    assert broken == {"vcard-7-no-begin.vcf", "vcard-8-no-end.vcf"}
    names = people(services)
    # names in the right script, never mojibake
    assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff"
               for n in names for ch in n)
    assert "최유림" in names
    assert not any("Ã" in n or "�" in n for n in names)
    with_photo = [i for i in services.contacts.list_items() if i.has_photo]
    assert len(with_photo) >= 5


@needs_fixtures
@pytest.mark.parametrize("fmt", [ExportFormat.VCARD4, ExportFormat.VCARD3])
def test_round_trip_through_the_database_keeps_every_field(
    services: Services, tmp_path: Path, fmt: ExportFormat
) -> None:
    files = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".vcf", ".vcard"})
    services.importing.import_paths(files)
    out = tmp_path / f"export-{fmt.value}.vcf"
    count = services.exporting.export(fmt, out)
    assert count == len(services.contacts.list_items())

    second_db = Database.open(f"sqlite:///{tmp_path / 'second.sqlite3'}", tmp_path / "b2")
    second = build_services(second_db)
    second.importing.import_paths([out])
    out2 = tmp_path / f"again-{fmt.value}.vcf"
    second.exporting.export(fmt, out2)
    first_cards = read_vcards(out.read_bytes()).contacts
    second_cards = read_vcards(out2.read_bytes()).contacts
    key = lambda d: d.uid  # noqa: E731
    for a, b in zip(sorted(first_cards, key=key), sorted(second_cards, key=key), strict=True):
        a.source = b.source = ""
        assert a == b
    assert any(line.startswith("X-") or ".X-" in line
               for d in first_cards for line in d.extra_lines)
    second_db.close()


def test_export_scopes_and_csv_safety(services: Services, tmp_path: Path) -> None:
    a = services.contacts.create(ContactDraft(given_name="Strong", family_name="One",
                                              note="=HYPERLINK(\"http://x\")"))
    services.contacts.create(ContactDraft(given_name="Weak", family_name="Two"))
    services.contacts.set_tie([a], Tie.STRONG)
    assert services.exporting.export(ExportFormat.VCARD4, tmp_path / "s.vcf", tie=Tie.STRONG) == 1
    text = (tmp_path / "s.vcf").read_text("utf-8")
    assert "Strong One" in text
    assert "Weak Two" not in text
    assert "VERSION:4.0" in text
    services.exporting.export(ExportFormat.CSV, tmp_path / "all.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "all.csv").read_text("utf-8-sig"))))
    assert rows[0][0] == "First Name"
    assert len(rows) == 3
    notes = [cell for row in rows for cell in row if "HYPERLINK" in cell]
    assert notes
    assert all(n.startswith("'") for n in notes)
    assert not list(tmp_path.glob("*.part"))


def test_merge_with_field_choice_and_undo(services: Services) -> None:
    a = services.contacts.create(ContactDraft(
        given_name="José", family_name="García", organization="Acme",
        emails=[TypedValue("jose@acme.example")], uid="ua"))
    b = services.contacts.create(ContactDraft(
        given_name="Jose", family_name="Garcia", organization="Acme Ltd",
        emails=[TypedValue("jg@home.example")], uid="ub"))
    (pair,) = services.duplicates.find()
    assert {pair.a, pair.b} == {a, b}
    undo = services.duplicates.merge(a, b, {"organization": "other"})
    kept = services.contacts.get(a)
    assert kept.draft.organization == "Acme Ltd"
    assert {e.value for e in kept.draft.emails} == {"jose@acme.example", "jg@home.example"}
    assert set(kept.uids) == {"ua", "ub"}
    assert list(people(services).values()) == [a]
    services.duplicates.undo_merge(undo)
    assert set(people(services).values()) == {a, b}
    assert services.contacts.get(a).draft.organization == "Acme"
    assert services.contacts.get(b).uids == ("ub",)
    services.duplicates.keep_both(a, b)
    assert services.duplicates.find() == []
