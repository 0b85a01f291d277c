"""Finding, merging and keeping duplicates through the controller and dialog, on real services."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton

from wombat_desktop.core.dedupe import DuplicatePair
from wombat_desktop.core.model import ContactDraft, Photo, TypedValue
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.duplicates_dialog import DuplicatesDialog
from wombat_desktop.ui.duplicates_controller import DuplicatesController
from wombat_desktop.ui.jobs import JobRunner


def _png(color: Qt.GlobalColor) -> bytes:
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(color)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


@dataclass
class People:
    jose: int
    jose2: int
    anna: int
    anna2: int
    olga: int


@pytest.fixture
def people(services: Services) -> People:
    create = services.contacts.create
    return People(
        jose=create(ContactDraft(
            given_name="José", family_name="García", organization="Acme",
            emails=[TypedValue("jose@acme.example", ["work"])], birthday="1980-04-12",
            note="Met at the trade fair.", photo=Photo(_png(Qt.GlobalColor.darkCyan),
                                                       "image/png"))),
        jose2=create(ContactDraft(
            given_name="Jose", family_name="Garcia", organization="Acme Corporation",
            title="CTO", emails=[TypedValue("jgarcia@home.example", ["home"])],
            phones=[TypedValue("+1 555 123 4567", ["cell"])], note="Prefers calls.",
            photo=Photo(_png(Qt.GlobalColor.darkYellow), "image/png"), tags=["golf"])),
        anna=create(ContactDraft(given_name="Anna", family_name="Müller", organization="Zeta",
                                 emails=[TypedValue("anna@zeta.example")])),
        anna2=create(ContactDraft(given_name="Anna", family_name="Muller",
                                  emails=[TypedValue("Anna@Zeta.example", ["work"])])),
        olga=create(ContactDraft(given_name="Ольга", family_name="Иванова",
                                 organization="Bravo")),
    )


@pytest.fixture
def host(qtbot) -> QMainWindow:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    window.resize(1000, 600)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def ctl(host: QMainWindow, services: Services) -> DuplicatesController:
    return DuplicatesController(host, services, JobRunner(), QUndoStack(host))


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: seen.append(text))
    return seen


def _find(qtbot, ctl: DuplicatesController) -> DuplicatesDialog:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(ctl.found, timeout=10_000):
        ctl.find_action.trigger()
    assert ctl.dialog is not None
    return ctl.dialog


def _select(dialog: DuplicatesDialog, a: int, b: int) -> None:
    row = next(r for r, p in enumerate(dialog.pairs()) if {p.a, p.b} == {a, b})
    dialog.pair_list.setCurrentRow(row)


def _live(services: Services) -> set[int]:
    return {i.id for i in services.contacts.list_items()}


def test_find_lists_pairs_with_score_and_reasons(qtbot, ctl: DuplicatesController,
                                                 people: People, shot) -> None:  # type: ignore[no-untyped-def]
    dialog = _find(qtbot, ctl)
    pairs = dialog.pairs()
    assert {(p.a, p.b) for p in pairs} == {(people.jose, people.jose2),
                                           (people.anna, people.anna2)}
    assert pairs[0].exact  # the exact (same e-mail) pair comes first
    _select(dialog, people.jose, people.jose2)
    text = dialog.pair_list.currentItem().text()
    assert "José García" in text
    assert "Jose Garcia" in text
    assert "similar name" in text
    assert dialog.score_label.text().startswith(f"Score {dialog.current_pair().score}")
    assert "same company Acme" in dialog.reasons_label.text()
    table = dialog.merge_table
    assert table.choice("organization") == "left"  # default: the left side
    assert table.choice("title") is None  # only one side has one: nothing to choose
    assert table.row_text["emails"].startswith("united: jose@acme.example, jgarcia@")
    assert "1 UID, 1 source" in table.row_text["ids"]
    assert "photo" in table.radios
    assert dialog.count_label.text() == "2 pairs to review"
    qtbot.wait(20)  # let the layouts settle before the picture
    shot(dialog)
    dialog.close()


def test_merge_with_a_chosen_value_then_undo_and_redo(qtbot, ctl: DuplicatesController,
                                                       services: Services,
                                                       people: People) -> None:  # type: ignore[no-untyped-def]
    dialog = _find(qtbot, ctl)
    _select(dialog, people.jose, people.jose2)
    uids = {u for cid in (people.jose, people.jose2) for u in services.contacts.get(cid).uids}
    dialog.merge_table.choose("organization", "right")
    with qtbot.waitSignal(ctl.contactsChanged) as changed:
        qtbot.mouseClick(dialog.merge_left_button, Qt.MouseButton.LeftButton)
    assert sorted(changed.args[0]) == [people.jose, people.jose2]
    assert _live(services) == {people.jose, people.anna, people.anna2, people.olga}
    kept = services.contacts.get(people.jose)
    assert set(kept.uids) == uids
    assert [e.value for e in kept.draft.emails] == ["jose@acme.example", "jgarcia@home.example"]
    assert kept.draft.organization == "Acme Corporation"
    assert kept.draft.given_name == "José"  # the untouched choice stays left
    assert kept.draft.title == "CTO"
    assert [p.a for p in dialog.pairs()] == [people.anna]  # the next pair is shown
    assert dialog.current_pair() == dialog.pairs()[0]

    ctl._undo.undo()
    assert _live(services) == {people.jose, people.jose2, people.anna, people.anna2, people.olga}
    assert services.contacts.get(people.jose).draft.organization == "Acme"
    assert services.contacts.get(people.jose2).draft.organization == "Acme Corporation"
    assert len(dialog.pairs()) == 2  # the undone pair is back for review
    ctl._undo.redo()
    assert people.jose2 not in _live(services)
    assert services.contacts.get(people.jose).draft.organization == "Acme Corporation"
    dialog.close()


def test_merge_into_right_keeps_the_right_record(qtbot, ctl: DuplicatesController,
                                                 services: Services, people: People) -> None:  # type: ignore[no-untyped-def]
    dialog = _find(qtbot, ctl)
    _select(dialog, people.jose, people.jose2)
    qtbot.mouseClick(dialog.merge_right_button, Qt.MouseButton.LeftButton)
    assert people.jose not in _live(services)
    kept = services.contacts.get(people.jose2).draft
    assert kept.given_name == "José"  # the left values were chosen (the default)
    assert kept.organization == "Acme"
    assert kept.tags == ["golf"]
    dialog.close()


def test_ctrl_z_in_the_dialog_undoes_the_merge(qtbot, ctl: DuplicatesController,
                                               services: Services, people: People) -> None:  # type: ignore[no-untyped-def]
    dialog = _find(qtbot, ctl)
    _select(dialog, people.anna, people.anna2)
    qtbot.mouseClick(dialog.merge_left_button, Qt.MouseButton.LeftButton)
    assert people.anna2 not in _live(services)
    assert "Undo" in dialog.undo_button.text()
    qtbot.keySequence(dialog, QKeySequence.StandardKey.Undo)
    assert people.anna2 in _live(services)
    dialog.close()


def test_keep_both_is_remembered_and_undoable(qtbot, ctl: DuplicatesController,
                                              services: Services, people: People) -> None:  # type: ignore[no-untyped-def]
    dialog = _find(qtbot, ctl)
    _select(dialog, people.anna, people.anna2)
    with qtbot.waitSignal(ctl.contactsChanged):
        qtbot.mouseClick(dialog.keep_both_button, Qt.MouseButton.LeftButton)
    assert len(_live(services)) == 5
    assert [(p.a, p.b) for p in services.duplicates.find()] == [(people.jose, people.jose2)]
    assert [(p.a, p.b) for p in dialog.pairs()] == [(people.jose, people.jose2)]
    ctl._undo.undo()
    assert len(services.duplicates.find()) == 2
    assert len(dialog.pairs()) == 2
    dialog.close()


def test_skip_shows_the_next_pair_then_the_empty_state(qtbot, ctl: DuplicatesController,
                                                       people: People, shot) -> None:  # type: ignore[no-untyped-def]
    dialog = _find(qtbot, ctl)
    first = dialog.current_pair()
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.current_pair() != first
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentWidget() is dialog.empty_label
    assert dialog.empty_label.text() == "No duplicates found"
    shot(dialog, "empty")
    dialog.close()


def test_no_duplicates_opens_the_empty_state(qtbot, ctl: DuplicatesController,
                                             services: Services) -> None:  # type: ignore[no-untyped-def]
    services.contacts.create(ContactDraft(given_name="Solo", family_name="Person"))
    dialog = _find(qtbot, ctl)
    assert dialog.pairs() == []
    assert dialog.stack.currentWidget() is dialog.empty_label
    dialog.close()


def test_review_accepts_import_review_items(qtbot, ctl: DuplicatesController,
                                            people: People) -> None:  # type: ignore[no-untyped-def]
    from wombat_desktop.services.importing import ImportReview

    ctl.review([ImportReview(new_id=people.jose2, existing_id=people.jose, score=91,
                             reasons=("similar name",))])
    assert ctl.dialog is not None
    assert ctl.dialog.pairs() == [DuplicatePair(people.jose, people.jose2, 91,
                                                ("similar name",), False)]
    assert ctl.dialog.merge_table.view is not None
    ctl.dialog.close()


def test_merge_of_a_vanished_contact_is_refused(qtbot, ctl: DuplicatesController,
                                                services: Services, people: People,
                                                errors: list[str]) -> None:  # type: ignore[no-untyped-def]
    pair = DuplicatePair(people.jose, 999, 90, ("x",), False)
    assert ctl.merge(pair, people.jose, 999) is False
    assert errors == ["One of these contacts was deleted or merged already."]
    assert ctl._undo.count() == 0


def test_cancel_stops_the_search(qtbot, ctl: DuplicatesController, services: Services,
                                 monkeypatch: pytest.MonkeyPatch, shot) -> None:  # type: ignore[no-untyped-def]
    def slow_find(min_score, progress, cancel):  # type: ignore[no-untyped-def]
        progress(1, 10, "Comparing names")
        while True:
            cancel.check()
            cancel._event.wait(0.01)

    monkeypatch.setattr(services.duplicates, "find", slow_find)
    ctl.review()
    assert ctl.progress is not None
    qtbot.waitUntil(lambda: ctl.progress is not None and ctl.progress.maximum() == 10)
    shot(ctl.progress, "dup-progress")
    cancel_button = ctl.progress.findChild(QPushButton)
    assert cancel_button.text() == "Cancel"
    with qtbot.waitSignal(ctl.message) as message:
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert message.args == ["Duplicate search cancelled."]
    assert ctl.dialog is None
    assert ctl.progress is None
    assert ctl.find_action.isEnabled()


def test_wired_into_the_main_window_the_contacts_page_follows(qtbot, services: Services,
                                                               people: People,
                                                               tmp_path) -> None:  # type: ignore[no-untyped-def]
    from wombat_desktop.ui.main_window import MainWindow

    win = MainWindow(services, tmp_path / "window.ini")
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.contacts_page.loaded, timeout=10_000):
        win.contacts_page.reload()
    duplicates = win.duplicates  # as the main window wires it
    with qtbot.waitSignal(duplicates.found, timeout=10_000):
        qtbot.keySequence(win, QKeySequence("Ctrl+Shift+D"))
    dialog = duplicates.dialog
    assert dialog is not None
    _select(dialog, people.jose, people.jose2)
    qtbot.mouseClick(dialog.merge_left_button, Qt.MouseButton.LeftButton)
    assert win.contacts_page.model.rowCount() == 4
    dialog.close()
    win.activateWindow()  # a window manager does this when the dialog goes; offscreen does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keySequence(win, QKeySequence.StandardKey.Undo)  # the main window's Ctrl+Z
    assert win.contacts_page.model.rowCount() == 5
