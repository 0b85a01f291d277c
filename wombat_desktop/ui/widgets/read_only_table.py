"""A read-only, row-selecting table view: the look shared by the lunch lists and planner."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def read_only_table(parent: QWidget, model: QAbstractItemModel, name: str,
                    widths: Sequence[int]) -> QTableView:
    """A table over ``model``: whole rows, several at once, no editing, alternating rows."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    for col, width in enumerate(widths):
        table.horizontalHeader().resizeSection(col, width)
    return table
