"""The Lunches page and the contact activity panel, driven like a user would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import vobject
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from wombat_desktop.core.model import ContactDraft, TypedValue
from wombat_desktop.services.contacts import ContactFlags
from wombat_desktop.services.referrals import ReferralDraft
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.lunch_dialog import ScheduleDialog, SubmitDialog, VisitDialog
from wombat_desktop.ui.main_window import MainWindow
from wombat_desktop.ui.pages.followups_page import FollowUpsPage

LEFT = Qt.MouseButton.LeftButton


def _contact(services: Services, given: str, family: str, phone: str = "",
             flags: ContactFlags | None = None) -> int:
    return services.contacts.create(ContactDraft(
        given_name=given, family_name=family, organization=f"{family} Ltd",
        phones=[TypedValue(phone, ["work"])] if phone else []), flags)


@pytest.fixture
def people(services: Services) -> dict[str, int]:
    ids = {
        "ann": _contact(services, "Ann", "Lee", "+1 503 555 0101"),
        "bob": _contact(services, "Bob", "Stone", "", ContactFlags(want_business=True)),
        "cy": _contact(services, "Cy", "Young", "+1 503 555 0103"),
    }
    services.referrals.record(ReferralDraft("given", ids["ann"], dt.date(2026, 10, 1),
                                            for_name="Dee Prospect"))
    return ids


@pytest.fixture
def window(qtbot, services: Services, people: dict[str, int], tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(services, tmp_path / "w.ini", today=services.today)
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


@pytest.fixture
def page(qtbot, window: MainWindow) -> FollowUpsPage:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.followups_page.loaded, timeout=10_000):
        window.show_page("followups")
    return window.followups_page


def _ok(qtbot, dialog: SubmitDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def _plan_ann(qtbot, page: FollowUpsPage, people: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    page.select_contacts([people["ann"]], "nurture")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.plan_button, LEFT)


def _schedule(qtbot, page: FollowUpsPage, day: QDate, time: QTime) -> ScheduleDialog:  # type: ignore[no-untyped-def]
    planner = page.planner
    qtbot.mouseClick(planner.step_buttons["scheduled"], LEFT)
    dialog = planner.dialog
    assert isinstance(dialog, ScheduleDialog)
    dialog.date_edit.setDate(day)
    dialog.time_edit.setTime(time)
    dialog.place_edit.clear()
    qtbot.keyClicks(dialog.place_edit, "Cafe Nola")
    return dialog


# --- the activity panel ------------------------------------------------------------------


def test_log_an_interaction(qtbot, window: MainWindow, services: Services,  # type: ignore[no-untyped-def]
                            people: dict[str, int], shot) -> None:
    panel = window.activity_panel
    window.contacts_page.select_id(people["cy"])
    assert panel.contact_id == people["cy"]
    assert "never" in panel.last_label.text()
    assert panel.cadence_spin.text() == "default (90 days)"
    qtbot.mouseClick(panel.log_button, LEFT)
    dialog = panel.dialog
    assert dialog is not None
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("call"))
    qtbot.keyClicks(dialog.text_edit, "Talked about the new shop")
    shot(dialog, "dialog")
    _ok(qtbot, dialog)
    logged = services.interactions.for_contact(people["cy"])
    assert [(i.kind, i.summary) for i in logged] == [("call", "Talked about the new shop")]
    assert "today (call)" in panel.last_label.text()
    assert panel.log_list.item(0).text().endswith("Talked about the new shop")
    row = window.contacts_page.model.row_of(people["cy"])
    assert window.contacts_page.model.item(row).last_interaction_on == services.today()
    shot(window)
    window.undo_stack.undo()
    assert services.interactions.for_contact(people["cy"]) == []
    assert "never" in panel.last_label.text()


def test_a_future_interaction_is_refused_in_the_dialog(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                       services: Services,
                                                       people: dict[str, int]) -> None:
    panel = window.activity_panel
    window.contacts_page.select_id(people["cy"])
    qtbot.mouseClick(panel.log_button, LEFT)
    dialog = panel.dialog
    assert dialog is not None
    dialog.date_edit.setMaximumDate(QDate(2030, 1, 1))  # the service must refuse it too
    dialog.date_edit.setDate(QDate(2026, 12, 24))
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "is in the future" in dialog.error_label.text()
    assert services.interactions.for_contact(people["cy"]) == []


def test_record_a_referral_updates_counts_and_tie(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                  services: Services,
                                                  people: dict[str, int], shot) -> None:
    panel = window.activity_panel
    cid = people["cy"]
    window.contacts_page.select_id(cid)
    before = services.contacts.items([cid])[0]
    assert (before.referrals_given, before.referrals_received) == (0, 0)
    for _ in range(2):
        qtbot.mouseClick(panel.referral_button, LEFT)
        dialog = panel.dialog
        assert dialog is not None
        dialog.received_radio.setChecked(True)
        qtbot.keyClicks(dialog.for_edit, "Eve Client")
        dialog.temperature_spin.setValue(5)
        shot(dialog, "dialog")
        _ok(qtbot, dialog)
    after = services.contacts.items([cid])[0]
    assert after.referrals_received == 2
    assert after.tie_reason != before.tie_reason
    assert "2 received" in panel.referrals_label.text()
    page_row = window.contacts_page.model.item(window.contacts_page.model.row_of(cid))
    assert page_row.referrals_received == 2
    assert window.contacts_page.form.tie_reason.text() == after.tie_reason
    ledger = services.referrals.ledger(cid)
    assert [(r.direction, r.for_name, r.temperature) for r in ledger] == [
        ("received", "Eve Client", 5)] * 2
    shot(window)
    window.undo_stack.undo()
    assert services.contacts.items([cid])[0].referrals_received == 1


def test_cadence_is_editable_and_undoable(qtbot, window: MainWindow, services: Services,  # type: ignore[no-untyped-def]
                                          people: dict[str, int]) -> None:
    panel = window.activity_panel
    window.contacts_page.select_id(people["cy"])
    panel.cadence_spin.setValue(14)
    panel.cadence_spin.editingFinished.emit()
    assert services.interactions.cadence(people["cy"]).cadence_days == 14
    window.undo_stack.undo()
    assert services.interactions.cadence(people["cy"]).is_default
    assert panel.cadence_spin.value() == 0


# --- the Lunches page --------------------------------------------------------------------


def test_lists_show_nurture_and_expand(page: FollowUpsPage, people: dict[str, int],  # type: ignore[no-untyped-def]
                                       qtmodeltester, shot) -> None:
    assert [e.contact_id for e in page.nurture_model.items()] == [people["ann"]]
    assert [e.contact_id for e in page.expand_model.items()] == [people["bob"]]
    assert "Dee Prospect" in page.nurture_model.item(0).reason
    assert "(1)" in page.lists_tabs.tabText(0)
    for model in (page.nurture_model, page.expand_model, page.planner.model, page.calls_model):
        qtmodeltester.check(model)
    shot(page)


def test_move_a_lunch_through_its_statuses(qtbot, page: FollowUpsPage, window: MainWindow,  # type: ignore[no-untyped-def]
                                           services: Services, people: dict[str, int],
                                           shot) -> None:
    planner = page.planner
    _plan_ann(qtbot, page, people)
    lunch = planner.current()
    assert lunch is not None
    assert (lunch.contact_id, lunch.status) == (people["ann"], "to_call")
    assert page.nurture_model.item(0).status == "to_call"

    planner.table.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(planner.table, Qt.Key.Key_I)  # Invite, from the keyboard
    assert services.followups.get(lunch.id).status == "invited"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.undo_stack.undo()
    assert services.followups.get(lunch.id).status == "to_call"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.undo_stack.redo()
    assert services.followups.get(lunch.id).status == "invited"

    dialog = _schedule(qtbot, page, QDate(2026, 11, 22), QTime(13, 0))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        _ok(qtbot, dialog)
    done = services.followups.get(lunch.id)
    assert (done.status, done.place, done.starts_at) == (
        "scheduled", "Cafe Nola", dt.datetime(2026, 11, 22, 13, 0))
    assert planner.current().id == lunch.id
    shot(page, "scheduled")

    planner._now = lambda: dt.datetime(2026, 11, 22, 12, 0)  # before the lunch
    planner._on_current_changed()
    assert not planner.step_buttons["held"].isEnabled()
    assert "once it has started" in planner.step_buttons["held"].toolTip()
    planner._now = lambda: dt.datetime(2026, 11, 22, 14, 0)  # after it
    planner._on_current_changed()
    qtbot.mouseClick(planner.step_buttons["held"], LEFT)
    notes = planner.dialog
    assert isinstance(notes, SubmitDialog)
    qtbot.keyClicks(notes.text_edit, "Swapped two introductions")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        _ok(qtbot, notes)
    assert services.followups.get(lunch.id).status == "held"
    assert services.interactions.for_contact(people["ann"])[0].kind == "lunch"
    assert not planner.step_buttons["held"].isEnabled()

    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(planner.step_buttons["followed_up"], LEFT)
    assert services.followups.get(lunch.id).status == "followed_up"
    assert all(not b.isEnabled() for b in planner.step_buttons.values())


def test_decline_and_reopen(qtbot, page: FollowUpsPage, window: MainWindow,  # type: ignore[no-untyped-def]
                            services: Services, people: dict[str, int]) -> None:
    planner = page.planner
    _plan_ann(qtbot, page, people)
    fid = planner.current().id
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(planner.step_buttons["declined"], LEFT)
    assert services.followups.get(fid).status == "declined"
    planner.filter_combo.setCurrentIndex(1)  # all lunches
    assert planner.select_lunch(fid)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(planner.step_buttons["to_call"], LEFT)
    assert services.followups.get(fid).status == "to_call"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.undo_stack.undo()
    assert services.followups.get(fid).status == "declined"


def test_a_lunch_in_the_past_is_refused(qtbot, page: FollowUpsPage, services: Services,  # type: ignore[no-untyped-def]
                                        people: dict[str, int], shot) -> None:
    _plan_ann(qtbot, page, people)
    fid = page.planner.current().id
    dialog = _schedule(qtbot, page, QDate(2026, 11, 1), QTime(12, 0))
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "2026-11-01 12:00 is in the past" in dialog.error_label.text()
    assert services.followups.get(fid).status == "to_call"
    shot(dialog, "refused")
    dialog.reject()


def test_undo_plan_removes_the_lunch(qtbot, page: FollowUpsPage, window: MainWindow,  # type: ignore[no-untyped-def]
                                     services: Services, people: dict[str, int]) -> None:
    _plan_ann(qtbot, page, people)
    assert len(services.followups.lunches()) == 1
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.undo_stack.undo()
    assert services.followups.lunches() == []
    assert page.nurture_model.item(0).status == "new"


def test_call_sheet_flags_a_missing_phone(qtbot, page: FollowUpsPage, people: dict[str, int],  # type: ignore[no-untyped-def]
                                          shot) -> None:
    page.select_contacts([people["bob"]], "expand")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.plan_button, LEFT)
    model = page.calls_model
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "⚠ no phone"
    assert "No phone number" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 without a phone number" in page.hook_label.text()
    page.lower_tabs.setCurrentIndex(1)
    shot(page)


def test_export_to_calendar_and_read_back(qtbot, page: FollowUpsPage, services: Services,  # type: ignore[no-untyped-def]
                                          people: dict[str, int], tmp_path: Path) -> None:
    planner = page.planner
    _plan_ann(qtbot, page, people)
    fid = planner.current().id
    dialog = _schedule(qtbot, page, QDate(2026, 11, 26), QTime(12, 30))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        _ok(qtbot, dialog)
    for action, name in ((planner.export_all_action, "all.ics"),
                         (planner.export_one_action, "one.ics")):
        assert action.isEnabled()
        action.trigger()
        chooser = planner.dialog
        assert isinstance(chooser, QFileDialog)
        target = tmp_path / name
        chooser.fileSelected.emit(str(target))  # what the dialog does on Save
        chooser.reject()
        qtbot.waitUntil(target.exists, timeout=10_000)
        cal = vobject.readOne(target.read_text(encoding="utf-8"))
        (event,) = cal.vevent_list
        assert event.summary.value == "Lunch with Ann Lee"
        assert event.location.value == "Cafe Nola"
        start = event.dtstart.value
        assert start.replace(tzinfo=None) == dt.datetime(2026, 11, 26, 12, 30)
        assert start.tzinfo is not None
    assert services.followups.get(fid).status == "scheduled"


def test_visit_needs_an_organisation(qtbot, page: FollowUpsPage,  # type: ignore[no-untyped-def]
                                     people: dict[str, int]) -> None:
    page.select_contacts([people["ann"]], "nurture")
    qtbot.mouseClick(page.visit_button, LEFT)
    dialog = page.visit_dialog
    assert isinstance(dialog, VisitDialog)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "No organisation" in dialog.error_label.text()
    dialog.reject()


# --- review fixes ------------------------------------------------------------------------


def _plan_both(qtbot, page: FollowUpsPage, people: dict[str, int]) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    _plan_ann(qtbot, page, people)
    page.select_contacts([people["bob"]], "expand")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.plan_button, LEFT)
    lunches = {v.contact_id: v.id for v in page.planner.model.items()}
    return lunches[people["ann"]], lunches[people["bob"]]


def test_typed_notes_are_saved_when_the_selection_moves(qtbot, page: FollowUpsPage,  # type: ignore[no-untyped-def]
                                                        window: MainWindow, services: Services,
                                                        people: dict[str, int]) -> None:
    planner = page.planner
    ann, bob = _plan_both(qtbot, page, people)
    assert planner.select_lunch(ann)
    qtbot.keyClicks(planner.points_edit, "Ask about Dee")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        assert planner.select_lunch(bob)
    assert services.followups.get(ann).talking_points == "Ask about Dee"
    assert planner.points_edit.toPlainText() == ""
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.undo_stack.undo()
    assert services.followups.get(ann).talking_points == ""
    # hiding the planner (another tab) saves too
    qtbot.keyClicks(planner.before_edit, "Bring the brochure")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.lower_tabs.setCurrentIndex(1)
    assert services.followups.get(bob).notes_before == "Bring the brochure"


def test_undo_held_and_followed_up_restore_that_lunch(qtbot, page: FollowUpsPage,  # type: ignore[no-untyped-def]
                                                      window: MainWindow, services: Services,
                                                      people: dict[str, int]) -> None:
    planner = page.planner
    ann, bob = _plan_both(qtbot, page, people)
    assert planner.select_lunch(bob)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(planner.step_buttons["invited"], LEFT)  # an earlier step elsewhere
    assert planner.select_lunch(ann)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        _ok(qtbot, _schedule(qtbot, page, QDate(2026, 11, 22), QTime(13, 0)))
    planner._now = lambda: dt.datetime(2026, 11, 22, 14, 0)
    planner._on_current_changed()
    qtbot.mouseClick(planner.step_buttons["held"], LEFT)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        _ok(qtbot, planner.dialog)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(planner.step_buttons["followed_up"], LEFT)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.undo_stack.undo()
    assert services.followups.get(ann).status == "held"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.undo_stack.undo()
    back = services.followups.get(ann)
    assert (back.status, back.starts_at) == ("scheduled", dt.datetime(2026, 11, 22, 13, 0))
    assert services.interactions.for_contact(people["ann"]) == []
    assert services.followups.get(bob).status == "invited"


def test_held_refused_keeps_the_typed_notes(qtbot, page: FollowUpsPage,  # type: ignore[no-untyped-def]
                                            services: Services, people: dict[str, int]) -> None:
    planner = page.planner
    _plan_ann(qtbot, page, people)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        _ok(qtbot, _schedule(qtbot, page, QDate(2026, 11, 23), QTime(12, 0)))
    planner._now = lambda: dt.datetime(2026, 11, 23, 13, 0)  # the UI clock ran ahead
    planner._on_current_changed()
    qtbot.mouseClick(planner.step_buttons["held"], LEFT)
    dialog = planner.dialog
    assert isinstance(dialog, SubmitDialog)
    qtbot.keyClicks(dialog.text_edit, "Two intros promised")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "once it has happened" in dialog.error_label.text()
    assert dialog.text_edit.toPlainText() == "Two intros promised"
    dialog.reject()


def test_schedule_opens_on_a_free_weekday_slot_and_warns_of_overlaps(  # type: ignore[no-untyped-def]
        qtbot, page: FollowUpsPage, people: dict[str, int]) -> None:
    planner = page.planner
    ann, bob = _plan_both(qtbot, page, people)
    assert planner.select_lunch(ann)
    qtbot.mouseClick(planner.step_buttons["scheduled"], LEFT)
    first = planner.dialog
    assert isinstance(first, ScheduleDialog)
    assert first.starts_at() == dt.datetime(2026, 11, 23, 12, 0)  # today is a Sunday
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        _ok(qtbot, first)
    assert planner.select_lunch(bob)
    qtbot.mouseClick(planner.step_buttons["scheduled"], LEFT)
    second = planner.dialog
    assert isinstance(second, ScheduleDialog)
    assert second.starts_at() == dt.datetime(2026, 11, 24, 12, 0)  # 12:30 overlaps too
    assert second.clash_label.isHidden()
    second.date_edit.setDate(QDate(2026, 11, 23))
    second.time_edit.setTime(QTime(12, 30))
    assert not second.clash_label.isHidden()
    assert "Ann Lee" in second.clash_label.text()
    second.reject()


def test_planner_tab_counts_the_rows_shown(qtbot, page: FollowUpsPage,  # type: ignore[no-untyped-def]
                                          people: dict[str, int]) -> None:
    planner = page.planner
    ann, _bob = _plan_both(qtbot, page, people)
    assert planner.select_lunch(ann)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(planner.step_buttons["declined"], LEFT)
    assert page.lower_tabs.tabText(0) == "Lunch planner (1 open of 2)"
    planner.filter_combo.setCurrentIndex(1)
    assert page.lower_tabs.tabText(0) == "Lunch planner (2)"


def test_a_person_with_an_open_lunch_is_not_planned_again(qtbot, page: FollowUpsPage,  # type: ignore[no-untyped-def]
                                                          services: Services,
                                                          people: dict[str, int]) -> None:
    lunch = services.followups.plan(people["ann"], "other")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    assert page.nurture_model.item(0).status == "to_call"
    page.select_contacts([people["ann"]], "nurture")
    with qtbot.waitSignal(page.message) as said:
        page.plan_selected()
    assert "open lunch" in said.args[0]
    assert [v.id for v in services.followups.lunches()] == [lunch.id]


def test_losing_touch_shows_open_lunches_and_plans_with_a_reason(  # type: ignore[no-untyped-def]
        qtbot, page: FollowUpsPage, services: Services, people: dict[str, int]) -> None:
    services.interactions.log(people["ann"], "one_to_one", dt.date(2026, 8, 1))
    services.interactions.set_cadence(people["ann"], 30)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    model = page.losing_model
    row = model.row_where(lambda v: v.contact_id == people["ann"])
    assert row >= 0
    assert "(one-to-one)" in model.index(row, 2).data()
    assert model.index(row, 5).data() == "not planned"
    page.lists_tabs.setCurrentIndex(2)
    page.losing_table.selectRow(row)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.plan_selected()
    (lunch,) = services.followups.lunches()
    assert lunch.reason == "Keep in touch: last contact 3 months ago."
    assert lunch.list_name == "nurture"
    assert "Dee Prospect" in lunch.talking_points
    row = model.row_where(lambda v: v.contact_id == people["ann"])
    assert model.index(row, 5).data() == "to call"


def test_export_message_counts_properly(qtbot, page: FollowUpsPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.planner.message) as said:
        page.planner._on_exported(tmp_path / "a.ics", 1, None)
    assert said.args[0] == f"Exported 1 lunch to {tmp_path / 'a.ics'}."
    with qtbot.waitSignal(page.planner.message) as said:
        page.planner._on_exported(tmp_path / "a.ics", 9, None)
    assert said.args[0].startswith("Exported 9 lunches to ")


def test_referral_dialog_status_follows_the_direction(qtbot) -> None:  # type: ignore[no-untyped-def]
    from wombat_desktop.ui.dialogs.referral_dialog import ReferralDialog

    dialog = ReferralDialog(1, "Cy Young", dt.date(2026, 11, 22), lambda d: None)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    assert dialog.draft().status == "given"
    dialog.received_radio.setChecked(True)
    assert dialog.draft().status == "contacted"
    dialog.given_radio.setChecked(True)
    assert dialog.draft().status == "given"
