"""The review queue's crop control: drag over the card on a desk photo, Crop, Whole image."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.integration.test_scan_crop import DESK, desk_photo
from wombat_desktop.services.registry import Services
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.pages.scan_page import ScanPage
from wombat_desktop.ui.widgets.crop_image import CropImage


def _at(image: CropImage, fx: float, fy: float) -> QPoint:
    rect = image.image_rect()
    return QPoint(round(rect.left() + fx * rect.width()), round(rect.top() + fy * rect.height()))


def test_drag_crop_and_reset(qtbot: QtBot, services: Services, tmp_path: Path,
                             shot) -> None:  # type: ignore[no-untyped-def]
    photo = tmp_path / "desk.jpg"
    left, top, right, bottom = desk_photo(photo)
    jobs = JobRunner()
    page = ScanPage(services.scanning, jobs)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    assert page.scan_paths([str(photo)])
    qtbot.waitUntil(lambda: not page.busy and len(page.items) == 1, timeout=60_000)
    review = page.review
    item = page.items[0]
    assert "sales@flyer-deals.com" in review.edits["emails"].toPlainText()  # the whole desk
    assert not review.reset_crop.isEnabled()

    image = review.image
    start = _at(image, left / DESK[0] - 0.01, top / DESK[1] - 0.01)
    end = _at(image, right / DESK[0] + 0.01, bottom / DESK[1] + 0.01)
    QTest.mousePress(image, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(image, (start + end) / 2)
    QTest.mouseMove(image, end)
    QTest.mouseRelease(image, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert image.cropping
    assert "Esc" in review.crop_hint.text()
    selection = image.selection()
    assert selection is not None
    assert selection[0] < left / DESK[0] < selection[2]
    shot(page, "crop-selection")
    image.grab().save(str(tmp_path / "crop-selection.png"))

    qtbot.mouseClick(review.crop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy and item.result.crop is not None, timeout=60_000)
    assert not image.cropping
    assert review.edits["name"].text() == "Jane Doe"
    assert review.edits["company"].text() == "Acme Widgets Inc."
    assert "flyer" not in review.edits["emails"].toPlainText()
    assert "jane.doe@acme-widgets.com" in review.edits["emails"].toPlainText()
    assert page.entries()[0].draft.photo is not None
    assert page.entries()[0].draft.photo.data == item.result.image  # the cropped card is kept
    assert review.reset_crop.isEnabled()
    shot(page, "cropped")

    # The keys: Crop enters crop mode with a selection, Esc leaves it untouched.
    review.crop_button.click()
    assert image.cropping
    assert image.hasFocus() or not page.isActiveWindow()
    QTest.keyClick(image, Qt.Key.Key_Escape)
    assert not image.cropping
    assert image.selection() is None

    review.reset_crop.click()
    qtbot.waitUntil(lambda: not page.busy and item.result.crop is None, timeout=60_000)
    assert "sales@flyer-deals.com" in review.edits["emails"].toPlainText()
    jobs.wait()
