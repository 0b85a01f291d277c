"""The same use cases on SQLite and on a real PostgreSQL server: no SQLite-only SQL."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, TODAY
from tests.pg_server import PgServer
from wombat_desktop.core.model import ContactDraft, Tie, TypedValue
from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.exporting import ExportFormat
from wombat_desktop.services.registry import Services, build_services
from wombat_desktop.storage.database import Database

_names = itertools.count()


@pytest.fixture(scope="session")
def pg() -> Iterator[PgServer]:
    server = PgServer()
    try:
        server.start()
    except Exception as exc:  # noqa: BLE001 - no server on this machine: skip, say why
        server.stop()
        pytest.skip(f"PostgreSQL not available: {exc}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_services(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Services]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    else:
        url = request.getfixturevalue("pg").new_database(f"t{next(_names)}")
    db = Database.open(url, tmp_path / "backups")
    yield build_services(db, today=lambda: TODAY)
    db.close()


def test_contacts_ties_search_and_undo(any_services: Services) -> None:
    s = any_services.contacts
    a = s.create(ContactDraft(given_name="José", family_name="García", organization="Acme",
                              emails=[TypedValue("jose@acme.example")], tags=["golf"]))
    b = s.create(ContactDraft(given_name="王", family_name="小明"))
    assert [i.id for i in s.search("garcia")] == [a]
    before = s.set_tie([a], Tie.STRONG)
    assert s.totals(s.list_items()).strong == 1
    s.restore_ties(before)
    s.delete([b])
    assert [i.id for i in s.list_items()] == [a]
    s.restore([b])
    assert len(s.list_items()) == 2
    detail = s.get(a)
    assert detail.draft.tags == ["golf"]
    assert detail.uids[0].startswith("urn:uuid:")


def test_demo_network(any_services: Services) -> None:
    summary = DemoService(any_services.db, lambda: TODAY).fill(contacts=80)
    items = any_services.contacts.list_items()
    assert len(items) == summary.contacts == 80
    assert {i.tie for i in items} == {Tie.STRONG, Tie.WEAK}
    assert sum(i.referrals_received for i in items) > 0


@pytest.mark.skipif(not FIXTURES.is_dir(), reason="shared fixtures absent")
def test_import_merge_export_and_undo(any_services: Services, tmp_path: Path) -> None:
    files = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".vcf", ".vcard", ".csv"})
    result = any_services.importing.import_paths(files)
    assert result.totals()["imported"] >= 70
    again = any_services.importing.import_paths(files)
    assert again.totals()["merged"] >= 75
    out = tmp_path / "all.vcf"
    count = any_services.exporting.export(ExportFormat.VCARD4, out)
    assert out.read_text("utf-8").count("BEGIN:VCARD") == count
    pairs = any_services.duplicates.find()
    if pairs:
        undo = any_services.duplicates.merge(pairs[0].a, pairs[0].b)
        any_services.duplicates.undo_merge(undo)
    any_services.importing.undo(again.batch_id)
    any_services.importing.undo(result.batch_id)
    assert any_services.contacts.list_items() == []
