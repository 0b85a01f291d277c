"""Memory hooks (WOMBAT II.9): vivid phrases with versions, tags and the events they were
used at. Loaded off the UI thread when shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.message_views import MemoryHookView
from wombat_desktop.services.messages import MessageService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.message_commands import DeleteHookCommand

Events = Callable[[], list[tuple[int, str]]]
ID = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class HooksSnapshot:
    hooks: list[MemoryHookView]
    events: list[tuple[int, str]]


class HooksPage(QWidget):
    """Write a hook, sharpen it version by version, tag it and note where it worked."""

    loaded = Signal()
    message = Signal(str)
    hooksChanged = Signal()

    def __init__(self, service: MessageService, undo_stack: QUndoStack, jobs: JobRunner,
                 events: Events | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._undo, self._jobs = service, undo_stack, jobs
        self._events = events or list
        self._hooks: list[MemoryHookView] = []
        self._select_after: int | None = None
        self._build_ui()
        self._connect()
        self._show_hook()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        add = QHBoxLayout()
        self.new_edit = QLineEdit(self)
        self.new_edit.setAccessibleName(self.tr("New memory hook"))
        self.new_edit.setPlaceholderText(self.tr(
            "A phrase that lets people picture your work, e.g. “I make paper people keep”"))
        self.new_tags_edit = QLineEdit(self)
        self.new_tags_edit.setAccessibleName(self.tr("Tags of the new hook"))
        self.new_tags_edit.setPlaceholderText(self.tr("tags, e.g. for visitors"))
        self.add_button = QPushButton(self.tr("&Add hook"), self)
        add.addWidget(self.new_edit, 3)
        add.addWidget(self.new_tags_edit, 1)
        add.addWidget(self.add_button)
        layout.addLayout(add)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.tag_filter = QComboBox(left)
        self.tag_filter.setAccessibleName(self.tr("Show hooks tagged"))
        self.archived_check = QCheckBox(self.tr("Show arc&hived"), left)
        filters.addWidget(QLabel(self.tr("Tag:"), left))
        filters.addWidget(self.tag_filter, 1)
        filters.addWidget(self.archived_check)
        self.table = QTableWidget(0, 4, left)
        self.table.setAccessibleName(self.tr("Memory hooks"))
        self.table.setHorizontalHeaderLabels([self.tr("Hook"), self.tr("Ver."),
                                              self.tr("Tags"), self.tr("Used at")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 140)
        header.resizeSection(3, 60)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)

        detail = QGroupBox(self.tr("Chosen hook"), split)
        form = QFormLayout(detail)
        self.text_edit = QPlainTextEdit(detail)
        self.text_edit.setAccessibleName(self.tr("Hook text"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMaximumHeight(80)
        self.revise_button = QPushButton(self.tr("Save as new &version"), detail)
        self.tags_edit = QLineEdit(detail)
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setPlaceholderText(self.tr("comma-separated"))
        self.tags_button = QPushButton(self.tr("Save ta&gs"), detail)
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.tags_edit, 1)
        tags_row.addWidget(self.tags_button)
        self.history_list = QListWidget(detail)
        self.history_list.setAccessibleName(self.tr("Earlier versions"))
        self.uses_list = QListWidget(detail)
        self.uses_list.setAccessibleName(self.tr("Used at events"))
        use_row = QHBoxLayout()
        self.event_combo = QComboBox(detail)
        self.event_combo.setAccessibleName(self.tr("Event"))
        self.use_button = QPushButton(self.tr("Mark &used"), detail)
        use_row.addWidget(self.event_combo, 1)
        use_row.addWidget(self.use_button)
        buttons = QHBoxLayout()
        self.archive_button = QPushButton(self.tr("A&rchive"), detail)
        self.delete_button = QPushButton(self.tr("&Delete hook"), detail)
        buttons.addStretch(1)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.delete_button)
        form.addRow(self.tr("Te&xt:"), self.text_edit)
        form.addRow("", self.revise_button)
        form.addRow(self.tr("Tags:"), tags_row)
        form.addRow(self.tr("Earlier versions:"), self.history_list)
        form.addRow(self.tr("Used at:"), self.uses_list)
        form.addRow(self.tr("Used at event:"), use_row)
        form.addRow(buttons)
        split.addWidget(left)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.new_edit.returnPressed.connect(self._on_add_button_clicked)
        self.table.currentCellChanged.connect(lambda *_a: self._show_hook())
        self.tag_filter.currentIndexChanged.connect(lambda _i: self._fill_table())
        self.archived_check.toggled.connect(lambda _b: self._fill_table())
        self.revise_button.clicked.connect(self._on_revise_button_clicked)
        self.tags_button.clicked.connect(self._on_tags_button_clicked)
        self.tags_edit.returnPressed.connect(self._on_tags_button_clicked)
        self.use_button.clicked.connect(self._on_use_button_clicked)
        self.archive_button.clicked.connect(self._on_archive_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    # --- loading and showing ----------------------------------------------------------

    def reload(self) -> None:
        service, events = self._service, self._events
        self._jobs.start(lambda: HooksSnapshot(service.memory_hooks(), events()),
                         self.take_loaded)

    def take_loaded(self, snap: HooksSnapshot | None, error: BaseException | None) -> None:
        if error is not None or snap is None:
            prompts.error(self, self.tr("Could not load the memory hooks"), str(error))
            return
        self._hooks = snap.hooks
        self.event_combo.clear()
        for eid, name in snap.events:
            self.event_combo.addItem(name, eid)
        tags = sorted({t for h in snap.hooks for t in h.tags}, key=str.casefold)
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("all tags"), "")
        for t in tags:
            self.tag_filter.addItem(t, t)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(chosen or "")))
        self.tag_filter.blockSignals(False)
        self._fill_table()
        self.loaded.emit()

    def _fill_table(self) -> None:
        keep, self._select_after = self._select_after or self.current_id(), None
        tag = self.tag_filter.currentData() or ""
        shown = [h for h in self._hooks if (self.archived_check.isChecked() or not h.archived)
                 and (not tag or tag in h.tags)]
        self.table.setRowCount(len(shown))
        for r, h in enumerate(shown):
            uses = ", ".join(u.event for u in h.uses)
            cells = (h.text + (self.tr(" (archived)") if h.archived else ""), f"v{h.version}",
                     ", ".join(h.tags), str(len(h.uses)) if h.uses else "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID, h.id)
                item.setToolTip(uses if c == 3 else text)
                self.table.setItem(r, c, item)
            if h.id == keep:
                self.table.setCurrentCell(r, 0)
        if self.table.currentRow() < 0 and shown:
            self.table.setCurrentCell(0, 0)
        self._show_hook()

    def current_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(ID) if item is not None else None

    def current(self) -> MemoryHookView | None:
        hid = self.current_id()
        return next((h for h in self._hooks if h.id == hid), None)

    def select(self, hook_id: int) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ID) == hook_id:
                self.table.setCurrentCell(r, 0)

    def _show_hook(self) -> None:
        h = self.current()
        for w in (self.text_edit, self.revise_button, self.tags_edit, self.tags_button,
                  self.archive_button, self.delete_button, self.event_combo, self.use_button):
            w.setEnabled(h is not None)
        self.use_button.setEnabled(h is not None and self.event_combo.count() > 0)
        self.text_edit.setPlainText(h.text if h else "")
        self.tags_edit.setText(", ".join(h.tags) if h else "")
        self.history_list.clear()
        self.uses_list.clear()
        if h is None:
            return
        for v in h.history:
            when = v.created_at.date().isoformat() if v.created_at else ""
            self.history_list.addItem(f"v{v.version} {when}: {v.text}")
        if not h.history:
            self.history_list.addItem(self.tr("(this is the first version)"))
        for u in h.uses:
            when = u.starts_at.date().isoformat() if u.starts_at else ""
            self.uses_list.addItem(f"{when} {u.event}".strip())
        if not h.uses:
            self.uses_list.addItem(self.tr("(not used at an event yet)"))
        self.archive_button.setText(self.tr("Un&archive") if h.archived else self.tr("A&rchive"))

    # --- writing ------------------------------------------------------------------------

    def _write(self, what: Callable[[], int | None], done: str) -> bool:
        try:
            hid = what()
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot change the memory hook"), str(exc))
            return False
        self._select_after = hid or self.current_id()
        self.message.emit(done)
        self.reload()
        self.hooksChanged.emit()
        return True

    def _on_add_button_clicked(self) -> None:
        text, tags = self.new_edit.text(), self.new_tags_edit.text()
        if self._write(lambda: self._service.add_hook(text, tags), self.tr("Added the hook.")):
            self.new_edit.clear()
            self.new_tags_edit.clear()

    def _on_revise_button_clicked(self) -> None:
        hid, text = self.current_id(), self.text_edit.toPlainText()
        if hid is not None:
            self._write(lambda: self._service.revise_hook(hid, text),
                        self.tr("Saved a new version; the old one stays in the history."))

    def _on_tags_button_clicked(self) -> None:
        hid, tags = self.current_id(), self.tags_edit.text()
        if hid is not None:
            self._write(lambda: self._service.set_hook_tags(hid, tags),
                        self.tr("Saved the tags."))

    def _on_use_button_clicked(self) -> None:
        hid, eid = self.current_id(), self.event_combo.currentData()
        if hid is not None and eid is not None:
            self._write(lambda: self._service.mark_hook_used(hid, eid),
                        self.tr("Noted: used at {e}.").format(e=self.event_combo.currentText()))

    def _on_archive_button_clicked(self) -> None:
        h = self.current()
        if h is not None:
            self._write(lambda: self._service.archive_hook(h.id, not h.archived),
                        self.tr("Archived the hook.") if not h.archived
                        else self.tr("Brought the hook back."))

    def _on_delete_button_clicked(self) -> None:
        h = self.current()
        if h is None:
            return
        self._undo.push(DeleteHookCommand(self._service, h, self._after_undoable))
        self.message.emit(self.tr("Deleted the hook. Undo with Ctrl+Z."))

    def _after_undoable(self) -> None:
        self.reload()
        self.hooksChanged.emit()
