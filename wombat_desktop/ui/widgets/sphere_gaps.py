"""The Gaps tab of the Spheres page: the seats without a strong contact, worst first."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from wombat_desktop.core.spheres import SeatGap
from wombat_desktop.ui.models.network_tables import GapTableModel


class GapsTab(QWidget):
    """A hint line over the table of sphere gaps (the model is the page's)."""

    def __init__(self, model: GapTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gap_table = QTableView(self)
        self.gap_table.setModel(model)
        self.gap_table.setAccessibleName(self.tr("Sphere gaps"))
        self.gap_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.gap_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gap_table.setAlternatingRowColors(True)
        self.gap_table.setWordWrap(False)
        self.gap_table.verticalHeader().hide()
        self.gap_table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((140, 75, 150, 170, 170)):
            self.gap_table.horizontalHeader().resizeSection(col, width)
        gv = QVBoxLayout(self)
        self.gaps_hint = QLabel(self)
        self.gaps_hint.setWordWrap(True)
        gv.addWidget(self.gaps_hint)
        gv.addWidget(self.gap_table, 1)

    def show_gaps(self, gaps: list[SeatGap]) -> None:
        self.gaps_hint.setText(self.tr(
            "{n} seats have no strong contact. Empty seats come first; double-click one to "
            "fill it.").format(n=len(gaps)) if gaps else self.tr(
            "Every seat has a strong contact. Well done."))
