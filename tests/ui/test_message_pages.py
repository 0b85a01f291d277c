"""Messages & materials, memory hooks and introductions (plan part II), driven like a user."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QFileDialog

from wombat_desktop.core.scripts import ScriptParts
from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.rehearse_dialog import RehearseDialog
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.main_window import MainWindow
from wombat_desktop.ui.pages.hooks_page import HooksPage
from wombat_desktop.ui.pages.messages_page import MessagesPage
from wombat_desktop.ui.pages.scripts_page import ScriptsPage

LEFT = Qt.MouseButton.LeftButton
WAIT = 10_000


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: seen.append(text))
    return seen


@pytest.fixture
def jobs() -> JobRunner:
    runner = JobRunner()
    yield runner  # type: ignore[misc]
    runner.wait()


@pytest.fixture
def undo(qtbot) -> QUndoStack:  # type: ignore[no-untyped-def]
    return QUndoStack()


def _load(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.reload()


@pytest.fixture
def messages(qtbot, services: Services, undo: QUndoStack, jobs: JobRunner,  # type: ignore[no-untyped-def]
             errors: list[str]) -> MessagesPage:
    page = MessagesPage(services.messages, undo, jobs, services.today)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    _load(qtbot, page)
    return page


def test_edit_the_image_statement_and_a_press_topic(qtbot, messages: MessagesPage,  # type: ignore[no-untyped-def]
                                                    services: Services, shot) -> None:
    qtbot.keyClicks(messages.image_edit, "The printer people call first.")
    qtbot.mouseClick(messages.image_save_button, LEFT)
    assert services.messages.profile().image_statement == "The printer people call first."
    qtbot.keyClicks(messages.topic_edits[1], "Why letterpress is back")
    qtbot.keyClicks(messages.outlet_edits[1], "Metro Weekly")
    messages.status_combos[1].setCurrentIndex(messages.status_combos[1].findData("drafting"))
    with qtbot.waitSignal(messages.loaded, timeout=WAIT):
        qtbot.mouseClick(messages.press_save_button, LEFT)
    topic = services.messages.press_topics()[1]
    assert (topic.topic, topic.outlet, topic.status) == (
        "Why letterpress is back", "Metro Weekly", "drafting")
    assert services.messages.press_topics()[0].is_empty
    shot(messages)


def test_tick_an_item_attach_a_file_and_see_the_staleness_hint(  # type: ignore[no-untyped-def]
        qtbot, messages: MessagesPage, services: Services, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, shot) -> None:
    checklist = messages.checklist
    messages.tabs.setCurrentIndex(1)
    assert checklist.materials_root.childCount() == 18
    assert checklist.tools_root.childCount() == 3
    row = checklist.row("material", 12)
    with qtbot.waitSignal(messages.loaded, timeout=WAIT):
        row.setCheckState(0, Qt.CheckState.Checked)
    item = services.messages.checklist().materials[11]
    assert item.have
    assert item.last_refreshed_on == services.today()
    assert "<b>1 of 18</b>" in checklist.summary_label.text()

    scan = tmp_path / "testimonial.pdf"
    scan.write_bytes(b"%PDF-1.4\n")
    checklist.select("material", 1)
    qtbot.mouseClick(checklist.attach_button, LEFT)
    chooser = checklist.file_dialog
    assert isinstance(chooser, QFileDialog)
    with qtbot.waitSignal(messages.loaded, timeout=WAIT):
        chooser.filesSelected.emit([str(scan)])
    chooser.reject()
    (attached,) = services.messages.checklist().materials[0].attachments
    assert attached.file_name == "testimonial.pdf"
    assert "testimonial.pdf" in checklist.files.text()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    checklist.files.linkActivated.emit(f"file://{attached.path}")
    assert opened == [attached.path]

    services.messages.set_have("material", 2, True, refreshed_on=dt.date(2024, 5, 1))
    _load(qtbot, messages)
    checklist.select("material", 2)
    assert checklist.row("material", 2).text(1) == "Refresh due"
    assert "months old" in checklist.hint_label.text()
    assert "1 due for a refresh" in checklist.summary_label.text()
    shot(messages)


def test_incentive_marked_best_and_delete_undone(qtbot, messages: MessagesPage,  # type: ignore[no-untyped-def]
                                                 services: Services, undo: QUndoStack) -> None:
    panel = messages.incentives
    messages.tabs.setCurrentIndex(2)
    assert panel.table.rowCount() == 4
    panel.select_target("suppliers")
    for scheme in ("Sample-book mention", "Joint open day"):
        qtbot.mouseClick(panel.new_button, LEFT)
        qtbot.keyClicks(panel.scheme_edit, scheme)
        qtbot.keyClicks(panel.steps_edit, "Ask the merchants")
        with qtbot.waitSignal(messages.loaded, timeout=WAIT):
            qtbot.mouseClick(panel.save_button, LEFT)
    suppliers = services.messages.incentives()[2]
    assert suppliers.best is not None
    assert suppliers.best.scheme == "Sample-book mention"  # the first scheme starts as best
    assert panel.current_scheme_id() == suppliers.schemes[1].id
    with qtbot.waitSignal(messages.loaded, timeout=WAIT):
        qtbot.mouseClick(panel.best_button, LEFT)
    best = services.messages.incentives()[2].best
    assert best is not None
    assert best.scheme == "Joint open day"
    assert panel.table.item(2, 1).text() == "Joint open day"
    with qtbot.waitSignal(messages.loaded, timeout=WAIT):
        qtbot.mouseClick(panel.delete_button, LEFT)
    assert services.messages.incentives()[2].best is None
    with qtbot.waitSignal(messages.loaded, timeout=WAIT):
        undo.undo()
    restored = services.messages.incentives()[2].best
    assert restored is not None
    assert restored.scheme == "Joint open day"


def test_add_revise_tag_and_delete_a_hook(qtbot, services: Services, undo: QUndoStack,  # type: ignore[no-untyped-def]
                                          jobs: JobRunner, errors: list[str], shot) -> None:
    page = HooksPage(services.messages, undo, jobs, lambda: [(7, "Chamber mixer")])
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    _load(qtbot, page)
    qtbot.keyClicks(page.new_edit, "I make paper people keep.")
    qtbot.keyClicks(page.new_tags_edit, "for visitors")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.add_button, LEFT)
    (hook,) = services.messages.memory_hooks()
    assert hook.tags == ("for visitors",)
    assert page.current_id() == hook.id
    page.text_edit.setPlainText("I make paper that people don't throw away.")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.revise_button, LEFT)
    (hook,) = services.messages.memory_hooks()
    assert hook.version == 2
    assert [v.text for v in hook.history] == ["I make paper people keep."]
    assert page.history_list.item(0).text().endswith("I make paper people keep.")
    page.tags_edit.setText("for visitors, favourite")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.tags_button, LEFT)
    assert services.messages.memory_hooks()[0].tags == ("for visitors", "favourite")
    assert page.table.item(0, 2).text() == "for visitors, favourite"
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("favourite"))
    assert page.table.rowCount() == 1
    shot(page)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.delete_button, LEFT)
    assert services.messages.memory_hooks() == []
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        undo.undo()
    (back,) = services.messages.memory_hooks()
    assert (back.text, back.version) == ("I make paper that people don't throw away.", 2)
    assert errors == []


@pytest.fixture
def scripts(qtbot, services: Services, undo: QUndoStack, jobs: JobRunner,  # type: ignore[no-untyped-def]
            errors: list[str]) -> ScriptsPage:
    services.messages.update_profile(background="Twelve years in print. I run the press.",
                                     product_intro="We print cards and menus. Fast.")
    services.messages.add_hook("I make paper people keep.")
    page = ScriptsPage(services.messages, undo, jobs)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    _load(qtbot, page)
    return page


def test_build_a_30_second_script_with_live_counts(qtbot, scripts: ScriptsPage,  # type: ignore[no-untyped-def]
                                                   services: Services, shot) -> None:
    page = scripts
    qtbot.mouseClick(page.profile_button, LEFT)
    page.name_edit.setText("I'm Alex Morgan.")
    page.hook_combo.setCurrentIndex(1)
    qtbot.mouseClick(page.length_buttons[30], LEFT)
    text = page.script_edit.toPlainText()
    assert text.startswith("I'm Alex Morgan. Twelve years in print.")
    assert "I make paper people keep." in text
    est = services.messages.estimate(text)
    assert f"{est.words} words" in page.count_label.text()
    assert "(English)" in page.count_label.text()
    assert "fits 30 s" in page.count_label.text()
    assert "30 s (" in page.length_buttons[30].text()
    page.script_edit.setPlainText("我是王小明，做室内设计十年了。我帮小公司把办公室变得让客户记住。")
    label = page.count_label.text()
    assert "29 characters" in label
    assert "(Chinese)" in label
    assert "· 7 s" in label  # 29 hanzi at 4 a second
    qtbot.keyClicks(page.title_edit, "Chamber mixer")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.save_button, LEFT)
    (saved,) = services.messages.intro_scripts()
    assert (saved.title, saved.seconds, saved.estimate.language) == ("Chamber mixer", 30, "zh")
    assert saved.memory_hook_id == page.hook_combo.currentData()
    assert "never rehearsed" in page.list.item(0).text()
    shot(page)


def test_script_on_an_older_hook_version_picks_the_current_one(  # type: ignore[no-untyped-def]
        qtbot, services: Services, undo: QUndoStack, jobs: JobRunner, errors: list[str]) -> None:
    old = services.messages.add_hook("I make paper people keep.")
    new = services.messages.revise_hook(old, "I make paper nobody throws away.")
    services.messages.add_hook("Long hook. " * 60)
    services.messages.save_script("Mixer", 30, ScriptParts("I'm Alex."), memory_hook_id=old,
                                  text="I'm Alex. I make paper people keep.")
    page = ScriptsPage(services.messages, undo, jobs)
    qtbot.addWidget(page)
    page.show()
    _load(qtbot, page)
    offered = [page.hook_combo.itemData(i) for i in range(page.hook_combo.count())]
    assert old not in offered  # a superseded version is not offered
    page.select(services.messages.intro_scripts()[0].id)
    assert page.hook_combo.currentData() == new
    assert max(len(page.hook_combo.itemText(i)) for i in range(page.hook_combo.count())) <= 90
    page.script_edit.setPlainText("")
    assert "Empty" in page.count_label.text()
    page.script_edit.setPlainText("我是王小明，做室内设计十年了。")
    assert page.count_label.text().count("characters") == 1
    assert errors == []


def test_rehearse_stamps_the_script(qtbot, scripts: ScriptsPage, services: Services,  # type: ignore[no-untyped-def]
                                    errors: list[str], monkeypatch: pytest.MonkeyPatch,
                                    shot) -> None:
    monkeypatch.setattr(RehearseDialog, "TICK_MS", 5)
    page = scripts
    qtbot.mouseClick(page.profile_button, LEFT)
    qtbot.keyClicks(page.name_edit, "I'm Alex.")
    page.hook_combo.setCurrentIndex(1)
    qtbot.mouseClick(page.length_buttons[10], LEFT)
    assert page.script_edit.toPlainText() == "I'm Alex. I make paper people keep."
    qtbot.mouseClick(page.rehearse_button, LEFT)
    dialog = page.rehearse_dialog
    assert isinstance(dialog, RehearseDialog)
    assert dialog.isFullScreen()
    assert dialog.clock_label.text() == "0:10"
    assert dialog.text_label.text() == page.script_edit.toPlainText()
    with qtbot.waitSignal(dialog.rehearsed, timeout=WAIT):
        pass
    assert dialog.clock_label.text() == "0:00"
    (script,) = services.messages.intro_scripts()
    assert script.seconds == 10
    assert script.last_rehearsed_at is not None
    assert script.last_rehearsed_at.date() == services.today()
    qtbot.waitUntil(lambda: "rehearsed 2026-11-22" in page.list.item(0).text(), timeout=WAIT)
    assert errors == []
    shot(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.rehearse_dialog is None, timeout=WAIT)


def test_pages_load_when_shown_on_the_demo_network(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path, errors: list[str],
                                                   shot) -> None:
    DemoService(services.db, services.today).fill(contacts=50)
    win = MainWindow(services, tmp_path / "w.ini", today=services.today)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    labels = [win.nav.item(i).text() for i in range(win.nav.count())]
    for label in ("Messages & materials", "Memory hooks", "Introductions"):
        assert label in labels
    for key, page in (("messages", win.messages_page), ("hooks", win.hooks_page),
                      ("scripts", win.scripts_page)):
        with qtbot.waitSignal(page.loaded, timeout=WAIT):
            win.show_page(key)
        assert win.stack.currentWidget() is page
        shot(win, key)
    assert win.hooks_page.table.rowCount() == 4  # the archived one is hidden
    assert win.hooks_page.event_combo.count() > 0
    assert win.scripts_page.list.count() == 3
    assert win.messages_page.clippings.list.count() == 2
    assert errors == []
    win.jobs.wait()
