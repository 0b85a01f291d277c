"""Incentive programmes (WOMBAT II.6–7): the best scheme per target and how to prepare it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.message_views import IncentiveTargetView, IncentiveView, MembershipView
from wombat_desktop.services.messages import MessageService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.message_commands import DeleteIncentiveCommand

ID = Qt.ItemDataRole.UserRole


class IncentivesPanel(QWidget):
    """The II.7 table (target, best scheme, preparation steps) and an editor per scheme."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, service: MessageService, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._undo = service, undo_stack
        self._targets: list[IncentiveTargetView] = []
        self._schemes: dict[int, IncentiveView] = {}
        self._select_after: int | None = None
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Best scheme per target"))
        self.table.setHorizontalHeaderLabels([self.tr("For"), self.tr("Best scheme"),
                                              self.tr("Preparation steps")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(210)
        layout.addWidget(self.table)

        box = QGroupBox(self.tr("Schemes for the chosen target"), self)
        row = QHBoxLayout(box)
        self.schemes_list = QListWidget(box)
        self.schemes_list.setAccessibleName(self.tr("Schemes"))
        row.addWidget(self.schemes_list, 2)
        editor = QVBoxLayout()
        form = QFormLayout()
        self.scheme_edit = QLineEdit(box)
        self.scheme_edit.setAccessibleName(self.tr("Scheme"))
        self.description_edit = QPlainTextEdit(box)
        self.description_edit.setAccessibleName(self.tr("Who it is for and what it is"))
        self.description_edit.setTabChangesFocus(True)
        self.steps_edit = QPlainTextEdit(box)
        self.steps_edit.setAccessibleName(self.tr("Preparation steps"))
        self.steps_edit.setTabChangesFocus(True)
        form.addRow(self.tr("&Scheme:"), self.scheme_edit)
        form.addRow(self.tr("Who and &what:"), self.description_edit)
        form.addRow(self.tr("Pre&paration:"), self.steps_edit)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New scheme"), box)
        self.save_button = QPushButton(self.tr("Sa&ve scheme"), box)
        self.best_button = QPushButton(self.tr("Mark &best"), box)
        self.delete_button = QPushButton(self.tr("&Delete"), box)
        for b in (self.new_button, self.save_button, self.best_button, self.delete_button):
            buttons.addWidget(b)
        editor.addLayout(form)
        editor.addLayout(buttons)
        row.addLayout(editor, 3)
        layout.addWidget(box, 1)
        self.memberships_label = QLabel(self)
        self.memberships_label.setWordWrap(True)
        self.memberships_label.setAccessibleName(self.tr("Memberships"))
        layout.addWidget(self.memberships_label)

    def _connect(self) -> None:
        self.table.currentCellChanged.connect(lambda *_a: self._show_target())
        self.schemes_list.currentItemChanged.connect(lambda *_a: self._show_scheme())
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.best_button.clicked.connect(self._on_best_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    # --- showing --------------------------------------------------------------------

    def set_incentives(self, targets: list[IncentiveTargetView],
                       memberships: list[MembershipView]) -> None:
        keep_row = max(self.table.currentRow(), 0)
        keep_id = self._select_after or self.current_scheme_id()
        self._select_after = None
        self._targets = targets
        self.table.setRowCount(len(targets))
        for r, t in enumerate(targets):
            best = t.best
            cells = (t.label, best.scheme if best else self.tr("— none chosen yet —"),
                     best.preparation_steps if best else "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.table.setCurrentCell(min(keep_row, len(targets) - 1), 0)
        self._show_target(keep_id)
        lines = [f"<b>{m.organization}</b> — {m.role or self.tr('member')}"
                 + (f": {m.visibility_positions}" if m.visibility_positions else "")
                 for m in memberships]
        self.memberships_label.setText(
            self.tr("Memberships and the positions that raise your visibility (II.8): ")
            + ("; ".join(lines) if lines else self.tr("none yet (add them on the "
                                                      "organisations page).")))

    def current_target(self) -> IncentiveTargetView | None:
        r = self.table.currentRow()
        return self._targets[r] if 0 <= r < len(self._targets) else None

    def current_scheme_id(self) -> int | None:
        item = self.schemes_list.currentItem()
        return item.data(ID) if item is not None else None

    def select_target(self, target: str) -> None:
        for r, t in enumerate(self._targets):
            if t.target == target:
                self.table.setCurrentCell(r, 0)

    def _show_target(self, select_id: int | None = None) -> None:
        t = self.current_target()
        self.schemes_list.clear()
        self._schemes = {s.id: s for s in t.schemes} if t else {}
        for s in t.schemes if t else ():
            item = QListWidgetItem(("★ " if s.is_best else "") + s.scheme, self.schemes_list)
            item.setData(ID, s.id)
            item.setToolTip(s.description)
            if s.id == select_id:
                self.schemes_list.setCurrentItem(item)
        if self.schemes_list.currentItem() is None and self.schemes_list.count():
            self.schemes_list.setCurrentRow(0)
        self._show_scheme()

    def _show_scheme(self) -> None:
        s = self._schemes.get(self.current_scheme_id() or 0)
        self.scheme_edit.setText(s.scheme if s else "")
        self.description_edit.setPlainText(s.description if s else "")
        self.steps_edit.setPlainText(s.preparation_steps if s else "")
        self.best_button.setEnabled(s is not None and not s.is_best)
        self.delete_button.setEnabled(s is not None)

    # --- writing --------------------------------------------------------------------

    def _on_new_button_clicked(self) -> None:
        self.schemes_list.setCurrentItem(None)  # type: ignore[arg-type]
        self._show_scheme()
        self.scheme_edit.setFocus()

    def _on_save_button_clicked(self) -> None:
        t = self.current_target()
        if t is None:
            return
        sid = self.current_scheme_id()
        try:
            self._select_after = self._service.save_incentive(
                t.target, self.scheme_edit.text(), self.description_edit.toPlainText(),
                self.steps_edit.toPlainText(), is_best=not t.schemes or bool(
                    sid and self._schemes[sid].is_best), incentive_id=sid)
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot save the scheme"), str(exc))
            return
        self.message.emit(self.tr("Saved the scheme for {t}.").format(t=t.label))
        self.changed.emit()

    def _on_best_button_clicked(self) -> None:
        sid = self.current_scheme_id()
        if sid is None:
            return
        try:
            self._service.set_best_incentive(sid)
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot mark the scheme"), str(exc))
            return
        self._select_after = sid
        self.message.emit(self.tr("“{s}” is now the best scheme.").format(
            s=self._schemes[sid].scheme))
        self.changed.emit()

    def _on_delete_button_clicked(self) -> None:
        s = self._schemes.get(self.current_scheme_id() or 0)
        if s is not None:
            self._undo.push(DeleteIncentiveCommand(self._service, s, self.changed.emit))
            self.message.emit(self.tr("Deleted “{s}”. Undo with Ctrl+Z.").format(s=s.scheme))
