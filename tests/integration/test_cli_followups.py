"""`wombat followups` and `wombat lunches`, called through argparse as cli.py will wire them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from wombat_desktop.cli import main
from wombat_desktop.cli_followups import add_parsers
from wombat_desktop.core.ics import read_ics
from wombat_desktop.services.referrals import ReferralDraft, ReferralService


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WOMBAT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WOMBAT_DB", raising=False)
    return tmp_path / "home"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="wombat")
    parser.add_argument("--db")
    sub = parser.add_subparsers(dest="command")
    handlers = add_parsers(sub)
    args = parser.parse_args(list(argv))
    code = handlers[args.command](args)
    return code, capsys.readouterr().out


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--contacts", "120"]) == 0
    capsys.readouterr()


def test_add_parsers_names_its_commands() -> None:
    sub = argparse.ArgumentParser().add_subparsers(dest="command")
    assert set(add_parsers(sub)) == {"followups", "lunches"}


@pytest.mark.usefixtures("demo")
def test_followups_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "followups", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"nurture", "expand"}
    assert data["nurture"]
    assert data["expand"]
    keys = {"contact_id", "name", "reason", "status"}
    for entry in data["nurture"] + data["expand"]:
        assert keys <= set(entry)
        assert entry["reason"]
    assert all(e["list"] == "nurture" for e in data["nurture"])
    assert len({e["status"] for e in data["nurture"] + data["expand"]}) >= 3
    code, text = run(capsys, "followups")
    assert code == 0
    assert "Nurture" in text


@pytest.mark.usefixtures("demo")
def test_lunches_json_and_ics(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = run(capsys, "lunches", "--json")
    assert code == 0
    rows = json.loads(out)
    statuses = {r["status"] for r in rows}
    assert len(statuses) >= 5
    assert {"id", "contact_id", "name", "status", "starts_at", "place"} <= set(rows[0])
    scheduled = [r for r in rows if r["status"] == "scheduled"]
    target = tmp_path / "lunches.ics"
    code, out = run(capsys, "lunches", "--ics", str(target))
    assert code == 0
    assert f"Wrote {len(scheduled)} scheduled" in out
    events = read_ics(target.read_text(encoding="utf-8"))
    assert sorted(e.uid for e in events) == sorted(r["uid"] for r in scheduled)
    code, out = run(capsys, "lunches", "--json", "--status", "declined")
    assert {r["status"] for r in json.loads(out)} == {"declined"}


@pytest.mark.usefixtures("demo")
def test_contacts_json_stays_consistent_with_the_ledger(
        capsys: pytest.CaptureFixture[str]) -> None:
    from wombat_desktop.cli import _open

    services = _open(argparse.Namespace(db=None))
    ledger = ReferralService(services.db, services.today)
    before = {r["id"]: r for r in json.loads(_contacts(capsys))}
    target = next(iter(before))
    ledger.record(ReferralDraft("given", target, for_name="New prospect"))
    ledger.record(ReferralDraft("received", target))
    ledger.record(ReferralDraft("received", target, kind="promotion"))
    after = {r["id"]: r for r in json.loads(_contacts(capsys))}
    assert after[target]["referrals_given"] == before[target]["referrals_given"] + 1
    assert after[target]["referrals_received"] == before[target]["referrals_received"] + 2
    balances = {b.key_id: b for b in ledger.balances()}
    for cid, row in after.items():
        b = balances.get(cid)
        assert row["referrals_given"] == (b.given if b else 0)
        assert row["referrals_received"] == (b.received if b else 0)
    services.db.close()
    # a contact who referred back leaves the nurture list
    nurture = json.loads(run(capsys, "followups", "--json")[1])["nurture"]
    assert target not in {e["contact_id"] for e in nurture}


def _contacts(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["contacts", "--json"]) == 0
    return capsys.readouterr().out


@pytest.mark.usefixtures("demo")
def test_lunches_text_has_a_header_and_no_due_date_for_declined(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = run(capsys, "lunches")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["id", "status", "when"]
    declined = [line for line in lines if " declined " in line]
    assert declined
    assert all(" due " not in line for line in declined)
    code, out = run(capsys, "lunches", "--ics", str(tmp_path / "l.ics"))
    assert code == 0
    assert len(out.splitlines()) == 1
    assert out.startswith("Wrote ")


@pytest.mark.usefixtures("demo")
def test_lunches_ics_into_a_missing_folder(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser(prog="wombat")
    parser.add_argument("--db")
    handlers = add_parsers(parser.add_subparsers(dest="command"))
    code = handlers["lunches"](parser.parse_args(["lunches", "--ics", "/nonexistent/l.ics"]))
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert "cannot write /nonexistent/l.ics: the folder does not exist" in err
    assert ".part" not in err
