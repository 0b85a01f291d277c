"""The command line contract: JSON shapes and exit codes other tools rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wombat_desktop import __version__
from wombat_desktop.cli import main


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WOMBAT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WOMBAT_DB", raising=False)
    return tmp_path / "home"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def run_json(capsys: pytest.CaptureFixture[str], *args: str):  # type: ignore[no-untyped-def]
    code, out = run(capsys, *args)
    return code, json.loads(out)


GOOD = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:g1\r\nFN:Good One\r\nEMAIL:g@x.example\r\nEND:VCARD\r\n"
BAD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad\r\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"wombat {__version__}"


def test_demo_stats_and_contacts_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "demo", "--contacts", "60")[0] == 0
    code, stats = run_json(capsys, "stats", "--json")
    assert code == 0
    assert stats["contacts"] == 60
    assert stats["strong"] + stats["weak"] == 60
    assert stats["strong"] > 0
    assert stats["weak"] > 0
    code, rows = run_json(capsys, "contacts", "--json")
    assert len(rows) == 60
    keys = {"id", "name", "emails", "phones", "organization", "tie", "tie_reason", "has_photo",
            "uid", "uids", "referrals_given", "referrals_received"}
    assert all(keys <= set(r) for r in rows)
    assert all(r["tie"] in ("strong", "weak") and r["uid"] == r["uids"][0] for r in rows)
    assert sum(r["referrals_given"] for r in rows) > 0
    assert sum(r["referrals_received"] for r in rows) > 0
    strong = run_json(capsys, "contacts", "--tie", "strong", "--json")[1]
    assert len(strong) == stats["strong"]
    assert all(r["tie"] == "strong" for r in strong)
    needle = rows[0]["name"].split()[0]
    found = run_json(capsys, "contacts", "--search", needle, "--json")[1]
    assert rows[0]["id"] in {r["id"] for r in found}
    # demo refuses to fill twice without --replace, with a clear message
    assert main(["demo"]) == 1


def test_import_exit_codes_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.vcf"
    good.write_text(GOOD)
    mixed = tmp_path / "mixed.vcf"
    mixed.write_text(GOOD.replace("g1", "g2").replace("Good One", "Two") + BAD)
    broken = tmp_path / "broken.vcf"
    broken.write_text(BAD)

    code, dry = run_json(capsys, "import", str(good), "--dry-run", "--json")
    assert code == 0
    assert dry["totals"]["imported"] == 1
    assert run_json(capsys, "stats", "--json")[1]["contacts"] == 0

    code, data = run_json(capsys, "import", str(good), str(mixed), "--json")
    assert code == 2
    files = {Path(f["path"]).name: f for f in data["files"]}
    assert files["good.vcf"] == {"path": str(good), "format": "vcard", "found": 1,
                                 "imported": 1, "merged": 0, "errors": []}
    assert files["mixed.vcf"]["errors"] == [
        {"card": 2, "line": 7,
         "message": "the card is cut off (END:VCARD missing): imported what it holds"}]
    assert data["totals"]["imported"] == 3  # the cut-off card's contents are kept
    assert data["totals"]["errors"] == 1
    code, batches = run_json(capsys, "import", "--list", "--json")
    assert [b["imported"] for b in batches] == [3]
    assert run(capsys, "import", "--undo", str(data["batch"]))[0] == 0
    assert run_json(capsys, "stats", "--json")[1]["contacts"] == 0

    # only a cut-off card: read with an error (2); an empty file: nothing read (1)
    assert run(capsys, "import", str(broken))[0] == 2
    empty = tmp_path / "empty.vcf"
    empty.write_bytes(b"")
    code, out = run(capsys, "import", str(empty))
    assert code == 1
    assert "no contacts" in out


def test_import_a_folder_export_and_duplicates(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    (folder / "a.vcf").write_text(GOOD)
    (folder / "b.csv").write_text("First Name,Last Name,Company,E-mail Address\n"
                                  "Goood,One,Acme,other@x.example\n")
    assert run(capsys, "import", str(folder))[0] == 0
    out = tmp_path / "out.vcf"
    assert run(capsys, "export", "--format", "vcard3", "--out", str(out))[0] == 0
    assert out.read_text().count("BEGIN:VCARD") == 2
    code, pairs = run_json(capsys, "duplicates", "--json")
    assert code == 0
    assert all({"a", "b", "score", "reasons"} <= set(p) for p in pairs)


def test_bad_arguments_give_a_message_not_a_traceback(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    assert main(["import"]) == 1
    assert "needs at least one PATH" in capsys.readouterr().err
    assert main(["export", "--out", str(tmp_path / "x.vcf")]) == 1
    assert "no contacts to export" in capsys.readouterr().err
    assert main(["snapshot", "nowhere", "--out", str(tmp_path / "x.png")]) == 1
