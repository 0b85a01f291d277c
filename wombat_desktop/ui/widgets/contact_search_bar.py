"""The bar above the contacts table: search box, tie filter and the strong/weak totals."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from wombat_desktop.core.model import Tie
from wombat_desktop.core.views import TieTotals

TIE_FILTERS = [
    (QT_TRANSLATE_NOOP("ContactSearchBar", "All ties"), None),
    (QT_TRANSLATE_NOOP("ContactSearchBar", "Strong only"), Tie.STRONG),
    (QT_TRANSLATE_NOOP("ContactSearchBar", "Weak only"), Tie.WEAK),
]


class ContactSearchBar(QWidget):
    """Search-as-you-type box, "which ties" choice and a label with the totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(
            self.tr("Search names, companies, e-mails, phones …  (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search contacts"))
        self.tie_combo = QComboBox(self)
        for label, tie in TIE_FILTERS:
            self.tie_combo.addItem(self.tr(label), tie)
        self.tie_combo.setAccessibleName(self.tr("Show ties"))
        self.totals_label = QLabel(self)
        self.totals_label.setAccessibleName(self.tr("Strong and weak totals"))
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.tie_combo)
        bar.addWidget(self.totals_label)

    def show_totals(self, totals: TieTotals, shown: int) -> None:
        """"3 strong · 5 weak · 2 of 8 shown" (or all of them, or no match)."""
        if shown == totals.contacts:
            scope = self.tr("{n} contacts").format(n=f"{totals.contacts:,}")
        elif shown == 0:
            scope = self.tr("<b>no contact matches</b>")
        else:
            scope = self.tr("{shown} of {n} shown").format(
                shown=f"{shown:,}", n=f"{totals.contacts:,}"
            )
        self.totals_label.setText(
            self.tr("<b>{strong}</b> strong · <b>{weak}</b> weak · {scope}").format(
                strong=f"{totals.strong:,}", weak=f"{totals.weak:,}", scope=scope
            )
        )
