"""Helpers of the Scan cards page: dropped files, the time-left estimate, review shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QStyle, QWidget

from wombat_desktop.core.ocr import IMAGE_SUFFIXES
from wombat_desktop.ui.widgets.card_review import ReviewItem

__all__ = ["card_icon", "dropped_paths", "install_shortcuts", "summary_text", "time_left"]


def dropped_paths(mime: Any) -> list[str]:
    """The local card images and folders in a drag's mime data."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if Path(p).is_dir() or Path(p).suffix.lower() in IMAGE_SUFFIXES]


def time_left(done: int, total: int, elapsed: float) -> str:
    """"about 8 s left" once a card has been read (from the mean time per card), else ""."""
    if done <= 0 or done >= total or elapsed <= 0:
        return ""
    seconds = round(elapsed / done * (total - done))
    if seconds < 60:
        return QCoreApplication.translate("ScanPage", "about {0} s left").format(max(1, seconds))
    return QCoreApplication.translate("ScanPage", "about {0} min left").format(
        round(seconds / 60))


def install_shortcuts(page: QWidget, actions: dict[str, Callable[[], None]]) -> list[QShortcut]:
    """Page-wide keys (they work from any field of the page, not elsewhere in the window).

    ``actions`` maps ``save``, ``next`` and ``previous`` to what they do: Ctrl+S saves the
    batch, Ctrl+PgDown / Ctrl+PgUp move through the review queue without the mouse.
    """
    keys = {"save": QKeySequence.StandardKey.Save,
            "next": QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown),
            "previous": QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp)}
    shortcuts = []
    for name, action in actions.items():
        shortcut = QShortcut(keys[name], page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(action)
        shortcuts.append(shortcut)
    return shortcuts


def card_icon(style: QStyle, item: ReviewItem) -> QIcon:
    """The queue icon of a card: unreadable, fields to check, already a contact, or fine."""
    pixmap = QStyle.StandardPixmap
    if item.result.error:
        return style.standardIcon(pixmap.SP_MessageBoxCritical)
    if item.low:
        return style.standardIcon(pixmap.SP_MessageBoxWarning)
    if item.result.duplicate:
        return style.standardIcon(pixmap.SP_MessageBoxInformation)
    return style.standardIcon(pixmap.SP_DialogApplyButton)


def summary_text(items: list[ReviewItem]) -> str:
    """The status line once a batch is read: how many cards, to check, already known."""
    check = sum(1 for i in items if i.low or i.result.error)
    dupes = sum(1 for i in items if i.result.duplicate)
    return QCoreApplication.translate(
        "ScanPage", "{0} cards to review: {1} with fields to check, {2} already in your "
        "contacts.").format(len(items), check, dupes)
