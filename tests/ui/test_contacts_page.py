"""The Contacts page driven like a user would, on real services and a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from wombat_desktop.core.model import ContactDraft, Tie, TypedValue
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.main_window import MainWindow
from wombat_desktop.ui.models.contact_table import COMPANY, ITEM_ROLE, NAME, ContactTableModel

PEOPLE = [
    ("José", "García", "Acme", "jose@acme.example", "+1 555 123 4567"),
    ("Anna", "Müller", "Zeta GmbH", "anna@zeta.example", "+49 30 123456"),
    ("小明", "王", "北京印刷", "wang@bj.example", ""),
    ("Ольга", "Иванова", "Bravo", "olga@bravo.example", ""),
]


@pytest.fixture
def window(qtbot, services: Services, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    for given, family, org, email, phone in PEOPLE:
        services.contacts.create(ContactDraft(
            given_name=given, family_name=family, organization=org,
            emails=[TypedValue(email, ["work"])],
            phones=[TypedValue(phone, ["cell"])] if phone else []))
    win = MainWindow(services, tmp_path / "window.ini", today=lambda: services.contacts._today())
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.contacts_page.loaded, timeout=10_000):
        win.contacts_page.reload()
    return win


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: seen.append(text))
    return seen


def names(win: MainWindow) -> list[str]:
    model = win.contacts_page.model
    return [model.item(r).name for r in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.contacts_page.model)
    model = ContactTableModel()
    model.set_items(window.contacts_page.all_items())
    qtmodeltester.check(model)


def test_loads_and_shows_totals_everywhere(window: MainWindow, shot) -> None:  # type: ignore[no-untyped-def]
    page = window.contacts_page
    assert page.model.rowCount() == 4
    assert "0</b> strong" in page.totals_label.text()
    assert "4</b> weak" in page.totals_label.text()
    assert window.totals_status.text() == "Strong contacts: 0   Weak contacts: 4   (of 4)"
    assert page.form.heading.text() == page.model.item(0).name  # first row is shown
    shot(window)


def test_search_as_you_type_accent_insensitive(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.contacts_page
    qtbot.keyClicks(page.search_edit, "garc")
    assert names(window) == ["José García"]
    qtbot.waitUntil(lambda: page.form.heading.text() == "José García")  # the panel follows
    assert "1 of 4 shown" in page.totals_label.text()
    page.search_edit.clear()
    page.search_edit.insert("王")  # QTest types ASCII only; insert() is what an IME does
    assert names(window) == ["王小明"]
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "555-123")
    assert names(window) == ["José García"]
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "+1 (555) 123")
    assert names(window) == ["José García"]
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "zzzz")
    assert names(window) == []
    assert "no contact matches" in page.totals_label.text()
    page.search_edit.clear()
    assert len(names(window)) == 4


def test_ctrl_f_focuses_search(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.contacts_page
    page.table.setFocus()
    qtbot.keySequence(window, QKeySequence.StandardKey.Find)
    assert QApplication.focusWidget() is page.search_edit


def test_sort_by_clicking_headers(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.contacts_page
    page.table.sortByColumn(COMPANY, Qt.SortOrder.AscendingOrder)
    companies = [page.model.item(r).organization for r in range(4)]
    assert companies == ["Acme", "Bravo", "Zeta GmbH", "北京印刷"]
    page.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert names(window)[0] == "王小明"


def test_edit_in_the_detail_panel_saves_to_the_database(qtbot, window: MainWindow,
                                                       services: Services) -> None:  # type: ignore[no-untyped-def]
    page = window.contacts_page
    page.select_id(page.model.item(0).id)
    cid = page.current_id()
    page.form.company_edit.clear()
    qtbot.keyClicks(page.form.company_edit, "Fresh Co")
    assert page.form.save_button.isEnabled()
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    assert services.contacts.get(cid).draft.organization == "Fresh Co"
    assert page.model.item(page.model.row_of(cid)).organization == "Fresh Co"
    window.undo_stack.undo()
    assert services.contacts.get(cid).draft.organization != "Fresh Co"


def test_moving_to_another_row_keeps_what_was_typed(qtbot, window: MainWindow,
                                                    services: Services) -> None:  # type: ignore[no-untyped-def]
    page = window.contacts_page
    page.select_row(0)
    cid = page.current_id()
    qtbot.keyClicks(page.form.note_edit, "call back Tuesday")
    page.select_row(1)
    assert services.contacts.get(cid).draft.note == "call back Tuesday"


def test_classify_with_one_key_and_with_a_click(qtbot, window: MainWindow,
                                                services: Services) -> None:  # type: ignore[no-untyped-def]
    page = window.contacts_page
    page.select_row(0)
    cid = page.current_id()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_S)
    assert services.contacts.items([cid])[0].tie is Tie.STRONG
    assert window.totals_status.text() == "Strong contacts: 1   Weak contacts: 3   (of 4)"
    assert page.form.strong_button.isChecked()
    assert "set by you" in page.form.tie_reason.text()
    qtbot.mouseClick(page.form.auto_button, Qt.MouseButton.LeftButton)
    assert services.contacts.items([cid])[0].tie is Tie.WEAK
    window.undo_stack.undo()
    assert services.contacts.items([cid])[0].tie is Tie.STRONG


def test_delete_with_the_key_and_undo(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    page = window.contacts_page
    page.select_row(1)
    gone = page.current_id()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 3
    assert gone not in [i.id for i in page.all_items()]
    assert "Undo" in window.statusBar().currentMessage()
    qtbot.keySequence(window, QKeySequence.StandardKey.Undo)
    assert page.model.rowCount() == 4
    assert services.contacts.get(gone).id == gone


def test_new_contact_with_ctrl_n(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    page = window.contacts_page
    qtbot.keySequence(window, QKeySequence.StandardKey.New)
    assert page.form.heading.text() == "New contact"
    qtbot.keyClicks(page.form.given_edit, "Kanga ")
    page.form.given_edit.insert("🦘")
    qtbot.keyClicks(page.form.emails_edit, "home: kanga@roo.example")
    qtbot.keySequence(page.form.given_edit, QKeySequence.StandardKey.Save)
    found = services.contacts.search("kanga")
    assert [i.name for i in found] == ["Kanga 🦘"]
    assert services.contacts.get(found[0].id).draft.emails == [
        TypedValue("kanga@roo.example", ["home"])]
    assert page.current_id() == found[0].id
    window.undo_stack.undo()
    assert services.contacts.search("kanga") == []
    assert page.form.heading.text() != "Kanga 🦘"  # the undone contact left the panel


def test_an_empty_contact_is_refused_with_a_message(qtbot, window: MainWindow,
                                                    errors: list[str]) -> None:  # type: ignore[no-untyped-def]
    page = window.contacts_page
    page.new_contact()
    page.form.note_edit.setPlainText("no name")
    assert page.save_form() is False
    assert errors == ["A contact needs a name, an e-mail, a phone or a company."]
    assert len(page.all_items()) == 4


def test_window_state_is_remembered(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ini = tmp_path / "state.ini"
    first = MainWindow(services, ini)
    qtbot.addWidget(first)
    first.resize(700, 520)  # fits the 800x600 offscreen screen
    first.contacts_page.table.horizontalHeader().resizeSection(COMPANY, 333)
    first.close()
    second = MainWindow(services, ini)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 520)
    assert second.contacts_page.table.horizontalHeader().sectionSize(COMPANY) == 333


def test_item_role_returns_the_row(window: MainWindow) -> None:
    model = window.contacts_page.model
    assert model.data(model.index(0, 0), ITEM_ROLE) is model.item(0)


def test_typing_survives_a_crash(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from wombat_desktop.services.recovery import RecoveryStore

    store = RecoveryStore(tmp_path / "unsaved.json")
    services.contacts.create(ContactDraft(given_name="Ada", family_name="Lovelace"))
    first = MainWindow(services, tmp_path / "w.ini", recovery=store)
    qtbot.addWidget(first)
    first.contacts_page.set_all(services.contacts.list_items())
    qtbot.keyClicks(first.contacts_page.form.note_edit, "call about the engine")
    qtbot.waitUntil(lambda: store.path.exists(), timeout=5000)
    # the process dies here: nothing was saved to the database
    assert services.contacts.get(first.contacts_page.current_id()).draft.note == ""

    second = MainWindow(services, tmp_path / "w.ini", recovery=store)
    qtbot.addWidget(second)
    page = second.contacts_page
    page.set_all(services.contacts.list_items())
    assert page.offer_recovery()
    assert page.form.note_edit.toPlainText() == "call about the engine"
    assert page.form.dirty
    assert page.save_form()
    assert services.contacts.get(page.current_id()).draft.note == "call about the engine"
    assert not store.path.exists()
    assert not page.offer_recovery()
