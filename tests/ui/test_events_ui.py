"""The Events page driven like a user would, on real services and a real SQLite file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox

from wombat_desktop.core.model import ContactDraft
from wombat_desktop.services.registry import Services
from wombat_desktop.storage.orm import ContactRow, EventAttendeeRow, EventRow, FollowUpRow
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.event_dialog import (
    AttendeePickerDialog,
    EventDialog,
    MetSomeoneDialog,
)
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.main_window import MainWindow
from wombat_desktop.ui.pages.events_page import EventsPage
from wombat_desktop.ui.widgets.event_attendees import GOAL, MET, NAME

PEOPLE = [("Ana", "Silva", "Acme"), ("Bob", "Stone", "Bravo"), ("Chen", "Wei", "Delta"),
          ("Dana", "Ortiz", "Echo")]


@pytest.fixture
def infos(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(prompts, "info", lambda _p, _t, text: seen.append(text))
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: seen.append("error: " + text))
    return seen


@pytest.fixture
def page(qtbot, services: Services, infos: list[str]) -> EventsPage:  # type: ignore[no-untyped-def]
    for given, family, org in PEOPLE:
        services.contacts.create(ContactDraft(given_name=given, family_name=family,
                                              organization=org))
    stack = QUndoStack()
    widget = EventsPage(services.events, services.contacts, stack, JobRunner(), services.today)
    widget.undo_stack = stack  # type: ignore[attr-defined]  # kept alive with the page
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    widget.reload()
    return widget


def _ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _create_event(qtbot, page: EventsPage) -> int:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, EventDialog)
    qtbot.keyClicks(dialog.name_edit, "Chamber breakfast")
    qtbot.keyClicks(dialog.place_edit, "Grand Hotel")
    qtbot.keyClicks(dialog.goals_edit, "Meet two bankers")
    _ok(qtbot, dialog)
    event_id = page.current_id()
    assert event_id is not None
    return event_id


def _add_everyone(qtbot, page: EventsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, AttendeePickerDialog), timeout=10_000)
    picker = page.dialog
    assert isinstance(picker, AttendeePickerDialog)
    qtbot.keyClicks(picker.search_edit, "a")  # Ana, Dana, Chen (Delta), Bravo …
    picker.search_edit.clear()
    assert picker.results.count() == 4
    picker.choose(picker.chosen_ids() or [int(picker.results.item(r).data(
        Qt.ItemDataRole.UserRole)) for r in range(picker.results.count())])
    qtbot.keyClicks(picker.goal_edit, "Say hello")
    _ok(qtbot, picker)


def test_empty_page_says_what_to_do(page: EventsPage, shot) -> None:  # type: ignore[no-untyped-def]
    assert page.event_list.count() == 0
    assert page.empty_label.isVisible()
    assert not page.add_button.isEnabled()
    shot(page)


def test_create_event_add_attendees_mark_met_follow_up(qtbot, page: EventsPage,  # type: ignore[no-untyped-def]
                                                       services: Services, infos: list[str],
                                                       shot) -> None:
    event_id = _create_event(qtbot, page)
    assert page.heading.text() == "Chamber breakfast"
    assert "Meet two bankers" in page.plan_label.text()
    _add_everyone(qtbot, page)
    assert page.table.rowCount() == 4
    # Tick the first two as met, like a click on each check box.
    for row in (0, 1):
        page.table.item(row, MET).setCheckState(Qt.CheckState.Checked)
    page.table.item(0, GOAL).setText("Intro to her banker")
    with services.db.unit_of_work() as uow:
        rows = uow.session.query(EventAttendeeRow).filter_by(event_id=event_id).all()
        assert len(rows) == 4
        assert sum(r.met for r in rows) == 2
        assert "Intro to her banker" in {r.goal for r in rows}
    assert "2 met" in page.count_label.text()
    shot(page, "attendees")
    # A week ahead by default: follow-ups only once it has taken place.
    from wombat_desktop.services.events import EventDraft

    services.events.update(event_id, EventDraft("Chamber breakfast",
                                                dt.datetime(2026, 11, 20, 7, 30)))
    page.reload(event_id)
    with qtbot.waitSignal(page.followUpsDone, timeout=10_000) as blocker:
        qtbot.mouseClick(page.followups_button, Qt.MouseButton.LeftButton)
    assert len(blocker.args[0].planned) == 2
    with services.db.unit_of_work() as uow:
        lunches = uow.session.query(FollowUpRow).all()
        assert len(lunches) == 2
        assert all(r.reason.startswith("Met at Chamber breakfast") for r in lunches)


def test_someone_new_met_becomes_a_contact(qtbot, page: EventsPage,  # type: ignore[no-untyped-def]
                                           services: Services) -> None:
    event_id = _create_event(qtbot, page)
    qtbot.mouseClick(page.new_person_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, MetSomeoneDialog)
    _ok(qtbot, dialog)  # no name: refused inside the dialog, which stays open
    assert dialog.isVisible()
    assert "name" in dialog.error_label.text()
    qtbot.keyClicks(dialog.name_edit, "Olga Ivanova")
    qtbot.keyClicks(dialog.company_edit, "Bravo Print")
    qtbot.keyClicks(dialog.email_edit, "olga@bravo.example")
    with qtbot.waitSignal(page.contactsChanged):
        _ok(qtbot, dialog)
    assert page.table.rowCount() == 1
    assert page.table.item(0, NAME).text().startswith("Olga Ivanova")
    assert page.table.item(0, MET).checkState() == Qt.CheckState.Checked
    with services.db.unit_of_work() as uow:
        row = uow.session.query(ContactRow).filter_by(display_name="Olga Ivanova").one()
        assert row.met_at == "Chamber breakfast"
        link = uow.session.get(EventAttendeeRow, (event_id, row.id))
        assert link is not None
        assert link.met


def test_remove_attendee_and_delete_event_undo(qtbot, page: EventsPage,  # type: ignore[no-untyped-def]
                                               services: Services) -> None:
    stack: QUndoStack = page.undo_stack  # type: ignore[attr-defined]
    event_id = _create_event(qtbot, page)
    _add_everyone(qtbot, page)
    page.table.selectRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 3
    stack.undo()
    assert page.table.rowCount() == 4
    assert page.table.item(0, GOAL).text() == "Say hello"  # goals come back too
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.event_list.count() == 0
    with services.db.unit_of_work() as uow:
        assert uow.session.get(EventRow, event_id) is None
    stack.undo()
    assert page.event_list.count() == 1
    assert page.table.rowCount() == 4
    stack.redo()
    assert page.event_list.count() == 0


def test_edit_event_and_notes(qtbot, page: EventsPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    event_id = _create_event(qtbot, page)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, EventDialog)
    dialog.no_date_check.setChecked(False)
    dialog.when_edit.setDateTime(dt.datetime(2026, 12, 1, 7, 30))
    _ok(qtbot, dialog)
    assert services.events.get(event_id).draft.starts_at == dt.datetime(2026, 12, 1, 7, 30)
    qtbot.keyClicks(page.notes_edit, "Great turnout")
    qtbot.mouseClick(page.save_notes_button, Qt.MouseButton.LeftButton)
    assert services.events.get(event_id).draft.notes == "Great turnout"


def test_main_window_lists_events_and_kits(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(services, tmp_path / "w.ini", today=services.today)
    qtbot.addWidget(win)
    labels = [win.nav.item(r).text() for r in range(win.nav.count())]
    assert "Events" in labels
    assert "Print kits" in labels
    win.show_page("events")
    assert win.stack.currentWidget() is win.events_page
    win.show_page("kits")
    assert win.stack.currentWidget() is win.kits_page


def test_dates_counts_and_a_warning_for_a_future_event(qtbot, page: EventsPage,  # type: ignore[no-untyped-def]
                                                       services: Services,
                                                       infos: list[str]) -> None:
    from wombat_desktop.services.events import EventDraft
    from wombat_desktop.ui.widgets.event_attendees import LAST

    ana = services.contacts.list_items()[0].id
    services.interactions.log(ana, "call", dt.date(2026, 10, 17))
    event_id = services.events.create(EventDraft("Chamber mixer",
                                                 dt.datetime(2026, 12, 1, 18, 0)))
    services.events.add_attendees(event_id, [i.id for i in services.contacts.list_items()])
    page.reload(event_id)
    row = next(r for r in range(page.table.rowCount()) if page.table.contact_id(r) == ana)
    assert page.table.item(row, LAST).text() == "2026-10-17 (call)"
    assert page.future_label.isHidden()
    with qtbot.waitSignal(page.message) as blocker:
        page.table.item(row, MET).setCheckState(Qt.CheckState.Checked)  # saved, but warned
    assert "has not started yet" in blocker.args[0]
    assert page.future_label.isVisible()
    assert infos == []  # non-blocking
    qtbot.mouseClick(page.new_person_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, MetSomeoneDialog)
    assert dialog.warning_label.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Kim Lee")
    _ok(qtbot, dialog)
    assert page.count_label.text() == "4 expected, 2 met (1 new)"
    assert page.event_list.currentItem().text().endswith("4 expected, 2 met (1 new)")
    with qtbot.waitSignal(page.followUpsDone, timeout=3_000, raising=False):
        qtbot.mouseClick(page.followups_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(infos), timeout=10_000)
    assert "still ahead" in infos[-1]
