"""The Scan cards page: a real scan lands in the review queue, edits are saved."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.scan_cards import english_card, render
from wombat_desktop.core.model import ContactDraft, TypedValue
from wombat_desktop.services.registry import Services
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.pages.scan_page import ScanPage


def test_review_queue_edit_and_save(qtbot: QtBot, services: Services, tmp_path: Path,
                                    shot) -> None:  # type: ignore[no-untyped-def]
    services.contacts.create(ContactDraft(formatted_name="Jane Doe", given_name="Jane",
                                          family_name="Doe",
                                          emails=[TypedValue("jane.doe@acme-widgets.com")]))
    card = tmp_path / "jane.png"
    render(english_card()).save(card)
    (tmp_path / "junk.jpg").write_bytes(b"junk")
    jobs = JobRunner()
    page = ScanPage(services.scanning, jobs)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    page.event_edit.setText("Chamber mixer")
    assert page.scan_paths([str(tmp_path)])  # a folder: both images
    qtbot.waitUntil(lambda: not page.busy and len(page.items) == 2, timeout=60_000)
    shot(page, "queue")
    assert page.queue.count() == 2
    page.queue.setCurrentRow(0)
    review = page.review
    assert review.edits["name"].text() == "Jane Doe"
    assert review.duplicate_box.isVisibleTo(page)
    review.edits["title"].clear()
    qtbot.keyClicks(review.edits["title"], "Head of Sales")
    review.update_existing.setChecked(False)
    entries = page.entries()
    assert len(entries) == 1  # the unreadable image is left out
    assert entries[0].draft.title == "Head of Sales"
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(page.contactsChanged, timeout=30_000) as blocker:
        page.save_button.click()
    (new_id,) = blocker.args[0]
    draft = services.contacts.get(new_id).draft
    assert draft.title == "Head of Sales"
    assert draft.tags == ["Chamber mixer"]
    assert page.queue.count() == 0
    jobs.wait()
