from pathlib import Path

from wombat_desktop.core.model import ContactDraft, Photo, TypedValue
from wombat_desktop.services.contacts import ContactFlags
from wombat_desktop.services.recovery import RecoveryStore, UnsavedEdit


def test_round_trip_and_clear(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "sub" / "edit.json")
    edit = UnsavedEdit(7, ContactDraft(given_name="Zoë", emails=[TypedValue("z@x.example")],
                                       photo=Photo(b"\x89PNG..", "image/png")),
                       ContactFlags(relation="friend", want_refer=True))
    store.save(edit)
    assert store.path.stat().st_mode & 0o077 == 0
    assert store.load() == edit
    store.clear()
    assert store.load() is None


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "edit.json")
    store.path.write_text("{not json")
    assert store.load() is None
    store.path.write_text('{"draft": {"given_name": "A", "bogus": 1}, "flags": {"nope": 1}}')
    assert store.load() is None
