"""Guard against a Qt binding that loses references to None (PySide6 6.12.0 on Python 3.11
did: item setters dropped one per call and the app aborted after a few thousand calls)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidgetItem, QTableWidgetItem


def test_item_setters_keep_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    item, cell, combo = QListWidgetItem("x"), QTableWidgetItem("x"), QComboBox()
    before = sys.getrefcount(None)
    for n in range(2000):
        item.setData(Qt.ItemDataRole.UserRole, n)
        item.setText("y")
        cell.setData(Qt.ItemDataRole.UserRole, "a")
        combo.addItem("z", n)
    # A healthy binding may hold a few more references; a broken one loses ~2000 per setter.
    assert sys.getrefcount(None) - before > -100
