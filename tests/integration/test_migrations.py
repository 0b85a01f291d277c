import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from wombat_desktop.core.errors import DatabaseTooNewError
from wombat_desktop.core.model import Tie
from wombat_desktop.services.contacts import ContactService
from wombat_desktop.storage.database import Database
from wombat_desktop.storage.migrate import current_revision, head_revision

REV_0001 = Path(__file__).parents[1] / "data" / "wombat-rev0001.sqlite3"


def test_new_database_is_created_and_stamped_at_head(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'new.sqlite3'}", tmp_path / "backups")
    assert db.migration is not None
    assert db.migration.created
    assert current_revision(db.engine) == head_revision()
    assert (tmp_path / "new.sqlite3").stat().st_mode & 0o077 == 0  # owner only
    db.close()


def test_revision_0001_database_is_backed_up_then_upgraded_keeping_data(
    tmp_path: Path, today
) -> None:
    file = tmp_path / "old.sqlite3"
    shutil.copy(REV_0001, file)
    db = Database.open(f"sqlite:///{file}", tmp_path / "backups")
    result = db.migration
    assert result is not None
    assert (result.from_revision, result.to_revision) == ("0001", head_revision())
    assert result.backup is not None
    assert result.backup.exists()
    # the backup is a complete, readable copy of the old database
    backup = Database(f"sqlite:///{result.backup}", tmp_path / "unused")
    assert current_revision(backup.engine) == "0001"
    with backup.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM contacts")).scalar_one() == 2
    backup.close()

    service = ContactService(db, lambda: today)
    items = {i.name: i for i in service.list_items()}
    assert set(items) == {"Zoë Ødegård", "王小明"}
    zoe = items["Zoë Ødegård"]
    assert zoe.tie is Tie.STRONG
    assert zoe.referrals_received == 1
    assert service.get(zoe.id).draft.emails[0].value == "zoe@fjord.example"
    rows = service.export_rows([zoe])
    assert rows[0]["uids"] == ["urn:uuid:0001-zoe"]
    with db.engine.connect() as conn:
        indexes = {r[1] for r in conn.execute(text("PRAGMA index_list('referrals')"))}
    assert "ix_referrals_for_contact" in indexes
    db.close()


def test_reopening_an_up_to_date_database_makes_no_backup(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    Database.open(url, tmp_path / "backups").close()
    db = Database.open(url, tmp_path / "backups")
    assert db.migration is not None
    assert db.migration.backup is None
    assert not db.migration.created
    db.close()


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    db = Database.open(url, tmp_path / "backups")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        Database.open(url, tmp_path / "backups")
    check = Database(url, tmp_path / "backups")
    assert current_revision(check.engine) == "9999"
    check.close()


def test_schema_of_create_all_matches_the_migrations(tmp_path: Path) -> None:
    """A database built by create_all and one built by running every migration agree."""
    from alembic import command
    from sqlalchemy import inspect

    from wombat_desktop.storage.migrate import _config

    fresh = Database.open(f"sqlite:///{tmp_path / 'a.sqlite3'}", tmp_path / "b")
    migrated = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}", tmp_path / "b")
    cfg = _config()
    with migrated.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

    def shape(db: Database) -> dict[str, tuple[list[str], list[str]]]:
        insp = inspect(db.engine)
        return {
            t: (sorted(c["name"] for c in insp.get_columns(t)),
                sorted(str(i["name"]) for i in insp.get_indexes(t)))
            for t in insp.get_table_names()
        }

    assert shape(fresh) == shape(migrated)
    fresh.close()
    migrated.close()
