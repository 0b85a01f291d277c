"""The Scan cards page driven from the keyboard, as after an event (issue 4 walk-through)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.scan_cards import Card, english_card, render
from wombat_desktop.core.model import ContactDraft, TypedValue
from wombat_desktop.services.registry import Services
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.pages.scan_page import ScanPage
from wombat_desktop.ui.widgets.scan_helpers import time_left


def _two_cards(tmp_path: Path) -> list[str]:
    first = tmp_path / "a-jane.png"
    render(english_card()).save(first)
    second = tmp_path / "b-tom.png"
    render(Card([("Tom Baker", 56, True), ("Regional Sales Manager", 30, False),
                 ("T 206.555.0143", 28, False), ("tom.baker@blueharbor.com", 28, False)],
                layout="center")).save(second)
    return [str(first), str(second)]


def test_keyboard_through_the_queue_and_ctrl_s(qtbot: QtBot, services: Services,
                                               tmp_path: Path) -> None:
    jobs = JobRunner()
    page = ScanPage(services.scanning, jobs)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    qtbot.waitExposed(page)
    page.event_edit.setText("Portland Expo 2026")
    assert page.scan_paths(_two_cards(tmp_path))
    qtbot.waitUntil(lambda: not page.busy and len(page.items) == 2, timeout=60_000)
    assert page.save_button.text() == "&Save 2 contacts"
    page.review.edits["name"].setFocus()
    qtbot.keyClick(page.review.edits["name"], Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert page.queue.currentRow() == 1
    focused = QApplication.focusWidget()
    assert focused is not None
    assert page.review.isAncestorOf(focused)  # the cursor is in the card's fields
    assert page.review.edits["name"].text() == "Tom Baker"
    qtbot.keyClick(focused, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert page.queue.currentRow() == 0
    with qtbot.waitSignal(page.contactsChanged, timeout=30_000) as blocker:
        qtbot.keyClick(page.review.edits["title"], Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
    assert len(blocker.args[0]) == 2
    assert page.queue.count() == 0
    assert page.open_button.hasFocus()  # ready for the next stack of cards
    assert page.event_edit.text() == "Portland Expo 2026"  # kept for the next batch
    tags = {tuple(services.contacts.get(i).draft.tags) for i in blocker.args[0]}
    assert tags == {("Portland Expo 2026",)}
    jobs.wait()


def test_progress_shows_time_left(qtbot: QtBot, services: Services) -> None:
    page = ScanPage(services.scanning, JobRunner())
    qtbot.addWidget(page)
    page._started -= 10.0  # noqa: SLF001 - as if two cards took 10 s
    page._on_progress(2, 12, "c.jpg")  # noqa: SLF001
    assert page.status.text().startswith("Reading card 3 of 12: c.jpg (about ")
    assert time_left(2, 12, 10.0) == "about 50 s left"
    assert time_left(1, 12, 30.0) == "about 6 min left"
    assert time_left(0, 12, 0.0) == ""


def test_duplicate_text_is_not_clipped(qtbot: QtBot, services: Services,
                                       tmp_path: Path) -> None:
    services.contacts.create(ContactDraft(
        formatted_name="Jane Doe", given_name="Jane", family_name="Doe", title="Owner",
        emails=[TypedValue("jane.doe@acme-widgets.com")]))
    jobs = JobRunner()
    page = ScanPage(services.scanning, jobs)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    assert page.scan_paths(_two_cards(tmp_path)[:1])
    qtbot.waitUntil(lambda: not page.busy and len(page.items) == 1, timeout=60_000)
    label = page.review.duplicate_text
    assert page.review.duplicate_box.isVisible()
    assert "title" in label.text()
    assert label.height() >= label.heightForWidth(label.width())  # every line shows
    jobs.wait()
