"""The promotional-material checklist (II.4) and the networking tools (II.5).

A tree of the 18 materials and 3 tools (the check box says have / don't have) and, for the
chosen item, its staleness hint, notes, refresh date and attached files.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.message_views import ChecklistItemView, ChecklistView
from wombat_desktop.services.messages import MessageService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.widgets.file_links import FileLinks, pick_files

KEY = Qt.ItemDataRole.UserRole
COL_ITEM, COL_HINT, COL_REFRESHED, COL_FILES = range(4)


class ChecklistWidget(QWidget):
    """Tick what you have, attach the files, and see what is due for a refresh."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, service: MessageService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._items: dict[tuple[str, int], ChecklistItemView] = {}
        self._rows: dict[tuple[str, int], QTreeWidgetItem] = {}
        self.file_dialog: QFileDialog | None = None
        self._build_ui()
        self._connect()
        self._show_item(None)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.tree = QTreeWidget(split)
        self.tree.setAccessibleName(self.tr("Materials and tools"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Item (tick what you have)"), self.tr("Status"),
                                   self.tr("Refreshed"), self.tr("Files")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        for col in (COL_HINT, COL_REFRESHED, COL_FILES):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.materials_root = QTreeWidgetItem(self.tree, [self.tr("Promotional materials (II.4)")])
        self.tools_root = QTreeWidgetItem(self.tree, [self.tr("Networking tools (II.5)")])
        for root in (self.materials_root, self.tools_root):
            root.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = root.font(0)
            font.setBold(True)
            root.setFont(0, font)
            root.setFirstColumnSpanned(True)

        detail = QGroupBox(self.tr("Selected item"), split)
        form = QVBoxLayout(detail)
        self.title_label = QLabel(detail)
        self.title_label.setWordWrap(True)
        self.hint_label = QLabel(detail)
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName(self.tr("Staleness hint"))
        self.refreshed_label = QLabel(detail)
        self.notes_edit = QPlainTextEdit(detail)
        self.notes_edit.setAccessibleName(self.tr("Notes on this item"))
        self.notes_edit.setPlaceholderText(self.tr("Where it is kept, what to redo…"))
        self.notes_edit.setTabChangesFocus(True)
        self.files = FileLinks(detail)
        buttons = QHBoxLayout()
        self.save_notes_button = QPushButton(self.tr("Save &notes"), detail)
        self.refresh_button = QPushButton(self.tr("Mark &refreshed today"), detail)
        self.refresh_button.setToolTip(self.tr("You redid this item today (it is then held)"))
        self.attach_button = QPushButton(self.tr("&Attach file…"), detail)
        for b in (self.save_notes_button, self.refresh_button, self.attach_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        form.addWidget(self.title_label)
        form.addWidget(self.hint_label)
        form.addWidget(self.refreshed_label)
        form.addWidget(QLabel(self.tr("Notes:"), detail))
        form.addWidget(self.notes_edit, 1)
        form.addWidget(QLabel(self.tr("Files:"), detail))
        form.addWidget(self.files)
        form.addLayout(buttons)
        split.addWidget(self.tree)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 340])
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.tree.currentItemChanged.connect(
            lambda cur, _prev: self._show_item(self._key(cur)))
        self.save_notes_button.clicked.connect(self._on_save_notes_button_clicked)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.attach_button.clicked.connect(self._on_attach_button_clicked)

    # --- showing --------------------------------------------------------------------

    def set_checklist(self, view: ChecklistView) -> None:
        """Show the items, keeping the chosen one."""
        keep = self.current_key()
        blocker = QSignalBlocker(self.tree)
        self._items.clear()
        for root, items in ((self.materials_root, view.materials), (self.tools_root, view.tools)):
            for it in items:
                key = (it.section, it.number)
                self._items[key] = it
                row = self._rows.get(key)
                if row is None:
                    row = QTreeWidgetItem(root)
                    row.setData(COL_ITEM, KEY, key)
                    row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                                 | Qt.ItemFlag.ItemIsUserCheckable)
                    self._rows[key] = row
                self._fill_row(row, it)
        del blocker
        self.tree.expandAll()
        self.summary_label.setText(self.tr(
            "You have <b>{have} of 18</b> materials; {missing} still to make; "
            "{stale} due for a refresh. Tools: {tools} of 3.").format(
                have=view.have, missing=len(view.missing), stale=view.stale,
                tools=sum(1 for t in view.tools if t.have)))
        if keep is not None:
            self.tree.setCurrentItem(self._rows[keep])
        self._show_item(self.current_key())

    def _fill_row(self, row: QTreeWidgetItem, it: ChecklistItemView) -> None:
        row.setText(COL_ITEM, f"{it.number}. {it.title}")
        row.setCheckState(COL_ITEM, Qt.CheckState.Checked if it.have
                          else Qt.CheckState.Unchecked)
        row.setText(COL_REFRESHED, it.last_refreshed_on.isoformat()
                    if it.last_refreshed_on else "")
        row.setText(COL_FILES, str(len(it.attachments)) if it.attachments else "")
        status = (self.tr("Refresh due") if it.is_stale else self.tr("Have") if it.have
                  else self.tr("Missing"))
        row.setText(COL_HINT, status)
        row.setToolTip(COL_HINT, it.stale_hint or status)
        row.setToolTip(COL_ITEM, f"{it.title}\n{it.stale_hint}".strip())
        font = row.font(COL_HINT)
        font.setBold(it.is_stale)
        row.setFont(COL_HINT, font)

    @staticmethod
    def _key(row: QTreeWidgetItem | None) -> tuple[str, int] | None:
        key = row.data(COL_ITEM, KEY) if row is not None else None
        return tuple(key) if key else None  # type: ignore[return-value]

    def current_key(self) -> tuple[str, int] | None:
        return self._key(self.tree.currentItem())

    def select(self, section: str, number: int) -> None:
        self.tree.setCurrentItem(self._rows[(section, number)])

    def row(self, section: str, number: int) -> QTreeWidgetItem:
        return self._rows[(section, number)]

    def _show_item(self, key: tuple[str, int] | None) -> None:
        it = self._items.get(key) if key else None
        for w in (self.notes_edit, self.save_notes_button, self.refresh_button,
                  self.attach_button):
            w.setEnabled(it is not None)
        if it is None:
            self.title_label.setText(self.tr("Choose an item on the left."))
            self.hint_label.clear()
            self.refreshed_label.clear()
            self.notes_edit.clear()
            self.files.set_files(())
            return
        self.title_label.setText(f"<b>{it.number}. {it.title}</b>")
        self.hint_label.setText(it.stale_hint or (
            self.tr("You have it.") if it.have else self.tr("Missing — make it now.")))
        self.refreshed_label.setText(self.tr("Last refreshed: {d}").format(
            d=it.last_refreshed_on.isoformat() if it.last_refreshed_on else self.tr("not yet")))
        if self.notes_edit.toPlainText() != it.notes:
            self.notes_edit.setPlainText(it.notes)
        self.files.set_files(it.attachments)

    # --- writing --------------------------------------------------------------------

    def _write(self, what: Callable[[], object], done: str) -> None:
        try:
            what()
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot change the checklist"), str(exc))
            return
        self.message.emit(done)
        self.changed.emit()

    def _on_tree_item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        key = self._key(row)
        if key is None or column != COL_ITEM:
            return
        have = row.checkState(COL_ITEM) == Qt.CheckState.Checked
        item = self._items[key]
        if have == item.have:
            return
        self.tree.setCurrentItem(row)
        self._write(lambda: self._service.set_have(key[0], key[1], have),
                    self.tr("Marked “{t}” as {state}.").format(
                        t=item.title, state=self.tr("had") if have else self.tr("missing")))

    def _on_save_notes_button_clicked(self) -> None:
        key = self.current_key()
        if key is not None:
            notes = self.notes_edit.toPlainText()
            self._write(lambda: self._service.set_item_notes(key[0], key[1], notes),
                        self.tr("Saved the notes."))

    def _on_refresh_button_clicked(self) -> None:
        key = self.current_key()
        if key is not None:
            self._write(lambda: self._service.mark_refreshed(key[0], key[1]),
                        self.tr("Marked refreshed today."))

    def _on_attach_button_clicked(self) -> None:
        key = self.current_key()
        if key is None:
            return
        self.file_dialog = pick_files(self, self.tr("Attach files to this item"),
                                      lambda paths: self.attach(key, paths))

    def attach(self, key: tuple[str, int], paths: list[str]) -> None:
        def work() -> None:
            for p in paths:
                self._service.attach_to_item(key[0], key[1], p)

        self._write(work, self.tr("Attached {n} file(s).").format(n=len(paths)))
