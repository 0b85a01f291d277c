"""SettingsService on a real SQLite file: JSON values by key, insert then update."""

from __future__ import annotations

import threading

from wombat_desktop.services.settings import SettingsService
from wombat_desktop.storage import settings_store
from wombat_desktop.storage.database import Database


def test_missing_key_gives_the_default(db: Database) -> None:
    settings = SettingsService(db)
    assert settings.get_json("nothing") is None
    assert settings.get_json("nothing", {"a": 1}) == {"a": 1}


def test_set_then_replace_round_trips_json(db: Database) -> None:
    settings = SettingsService(db)
    settings.set_json("csv_mappings", {"Shop": {"Who": "formatted_name", "电话": "phone_other"}})
    assert settings.get_json("csv_mappings") == {
        "Shop": {"Who": "formatted_name", "电话": "phone_other"}}
    settings.set_json("csv_mappings", {})
    assert settings.get_json("csv_mappings", None) == {}
    settings.set_json("import_folder", "/home/ann/Downloads")
    assert settings.get_json("import_folder") == "/home/ann/Downloads"
    settings.remove("import_folder")
    assert settings.get_json("import_folder", "") == ""


def test_values_survive_reopening_the_database(db: Database) -> None:
    SettingsService(db).set_json("n", [1, 2, 3])
    again = Database.open(db.url, db.backups)
    try:
        assert SettingsService(again).get_json("n") == [1, 2, 3]
    finally:
        again.close()


def test_unreadable_value_falls_back_to_the_default(db: Database) -> None:
    with db.unit_of_work() as uow:
        settings_store.put(uow.session, "broken", "{not json")
        uow.commit()
    assert SettingsService(db).get_json("broken", 7) == 7


def test_works_from_a_worker_thread(db: Database) -> None:
    settings = SettingsService(db)
    thread = threading.Thread(target=settings.set_json, args=("k", {"x": True}))
    thread.start()
    thread.join()
    assert settings.get_json("k") == {"x": True}
