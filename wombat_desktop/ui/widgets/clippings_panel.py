"""Press coverage held (WOMBAT II.3): a list of clippings with their attached files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.message_views import ClippingView
from wombat_desktop.services.messages import MessageService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.message_commands import DeleteClippingCommand
from wombat_desktop.ui.widgets.file_links import FileLinks, pick_files

ID = Qt.ItemDataRole.UserRole


class ClippingsPanel(QWidget):
    """Add a clipping, attach its scan or PDF, open it, delete it (undoable)."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, service: MessageService, undo_stack: QUndoStack,
                 today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._undo, self._today = service, undo_stack, today
        self._clippings: dict[int, ClippingView] = {}
        self.file_dialog: QFileDialog | None = None
        self._select_after: int | None = None
        self._build_ui()
        self._connect()
        self._on_list_current_changed()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        add = QHBoxLayout()
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Headline of the piece"))
        self.title_edit.setAccessibleName(self.tr("Clipping headline"))
        self.outlet_edit = QLineEdit(self)
        self.outlet_edit.setPlaceholderText(self.tr("Paper, site or station"))
        self.outlet_edit.setAccessibleName(self.tr("Clipping outlet"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setAccessibleName(self.tr("Published on"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate(self._today()))
        self.add_button = QPushButton(self.tr("Add clipping"), self)
        add.addWidget(self.title_edit, 3)
        add.addWidget(self.outlet_edit, 2)
        add.addWidget(self.date_edit)
        add.addWidget(self.add_button)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Clippings"))
        self.files = FileLinks(self)
        bar = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("Attach &file…"), self)
        self.delete_button = QPushButton(self.tr("Delete clipping"), self)
        bar.addWidget(self.files, 1)
        bar.addWidget(self.attach_button)
        bar.addWidget(self.delete_button)
        layout.addLayout(add)
        layout.addWidget(self.list, 1)
        layout.addLayout(bar)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.title_edit.returnPressed.connect(self._on_add_button_clicked)
        self.list.currentItemChanged.connect(lambda *_a: self._on_list_current_changed())
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    def set_clippings(self, clippings: list[ClippingView]) -> None:
        keep, self._select_after = self._select_after or self.current_id(), None
        self._clippings = {c.id: c for c in clippings}
        self.list.clear()
        for c in clippings:
            when = c.published_on.isoformat() if c.published_on else self.tr("undated")
            files = self.tr(" · {n} file(s)").format(n=len(c.attachments)) if c.attachments \
                else ""
            item = QListWidgetItem(f"{c.title} — {c.outlet or '?'}, {when}{files}", self.list)
            item.setData(ID, c.id)
            if c.id == keep:
                self.list.setCurrentItem(item)
        if not clippings:
            QListWidgetItem(self.tr("No clippings yet: add the coverage you hold."), self.list
                            ).setFlags(Qt.ItemFlag.NoItemFlags)
        self._on_list_current_changed()

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID) if item is not None else None

    def select(self, clipping_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID) == clipping_id:
                self.list.setCurrentRow(row)

    def _on_list_current_changed(self) -> None:
        c = self._clippings.get(self.current_id() or 0)
        self.attach_button.setEnabled(c is not None)
        self.delete_button.setEnabled(c is not None)
        self.files.set_files(c.attachments if c else ())

    def _on_add_button_clicked(self) -> None:
        title = self.title_edit.text()
        try:
            cid = self._service.save_clipping(title, self.outlet_edit.text(),
                                              self.date_edit.date().toPython())
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot add the clipping"), str(exc))
            return
        self.title_edit.clear()
        self.outlet_edit.clear()
        self.message.emit(self.tr("Added the clipping; attach its scan or PDF."))
        self._select_after = cid
        self.changed.emit()

    def _on_attach_button_clicked(self) -> None:
        cid = self.current_id()
        if cid is not None:
            self.file_dialog = pick_files(self, self.tr("Attach files to the clipping"),
                                          lambda paths: self.attach(cid, paths))

    def attach(self, clipping_id: int, paths: list[str]) -> None:
        try:
            for p in paths:
                self._service.attach_to_clipping(clipping_id, p)
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot attach the file"), str(exc))
        self.changed.emit()

    def _on_delete_button_clicked(self) -> None:
        c = self._clippings.get(self.current_id() or 0)
        if c is None:
            return
        self._undo.push(DeleteClippingCommand(self._service, c, self.changed.emit))
        self.message.emit(self.tr("Deleted “{t}”. Undo with Ctrl+Z.").format(t=c.title))
