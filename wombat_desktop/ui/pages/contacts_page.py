"""The Contacts page: search-as-you-type table, detail panel, strong/weak classification."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.model import Tie
from wombat_desktop.core.search import filter_items, refine
from wombat_desktop.core.views import ContactListItem, TieTotals
from wombat_desktop.services.contacts import ContactService, validate
from wombat_desktop.services.recovery import RecoveryStore
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.models.contact_table import ContactTableModel
from wombat_desktop.ui.pages.contact_autosave import ContactAutosave
from wombat_desktop.ui.pages.contacts_actions import build_contact_actions
from wombat_desktop.ui.undo import (
    CreateContactCommand,
    DeleteContactsCommand,
    EditContactCommand,
    SetTieCommand,
)
from wombat_desktop.ui.widgets.contact_form import ContactForm
from wombat_desktop.ui.widgets.contact_search_bar import ContactSearchBar

FOLLOW_MS = 150


class ContactsPage(QWidget):
    """Everyone the user knows, classified strong or weak (plan sections I.1 and I.2)."""

    totalsChanged = Signal(object)  # TieTotals
    loaded = Signal()
    message = Signal(str)

    def __init__(
        self,
        service: ContactService,
        undo_stack: QUndoStack,
        jobs: JobRunner,
        today: Callable[[], dt.date] = dt.date.today,
        recovery: RecoveryStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        # After a keystroke filtered the shown contact away, the first match is shown once
        # typing pauses: loading a contact per keystroke would slow typing down.
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self._on_follow_timeout)
        self._totals = TieTotals(0, 0, 0)
        self._loading = False
        self._changed_while_loading: set[int] = set()
        self._undo = undo_stack
        self._jobs = jobs
        self._all: list[ContactListItem] = []
        self._shown_query = ""
        self._shown_tie: Tie | None = None
        self.model = ContactTableModel(today, self)
        self._build_ui()
        self._autosave = ContactAutosave(self.form, recovery, self)
        self._build_actions()
        self._connect()

    # --- building -------------------------------------------------------------------

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.search_bar = ContactSearchBar(self)
        self.search_edit = self.search_bar.search_edit
        self.tie_combo = self.search_bar.tie_combo
        self.totals_label = self.search_bar.totals_label
        layout.addWidget(self.search_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableView(self.splitter)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((180, 80, 250, 160, 140, 100, 80, 200, 130)):
            header.resizeSection(col, width)
        self.table.setAccessibleName(self.tr("Contacts"))
        self.form = ContactForm(self.splitter)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 420])
        layout.addWidget(self.splitter, 1)

    # >>> activity panel (issue 6)
    def add_detail_panel(self, panel: QWidget) -> None:
        """Put a panel (the activity panel) under the detail form, in a vertical splitter."""
        column = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.replaceWidget(1, column)
        column.addWidget(self.form)
        column.addWidget(panel)
        column.setStretchFactor(0, 1)
        column.setStretchFactor(1, 0)
        column.setCollapsible(0, False)
        self.detail_splitter = column

    # <<< activity panel

    def _build_actions(self) -> None:
        (self.find_action, self.new_action, self.delete_action, self.strong_action,
         self.weak_action, self.auto_action) = build_contact_actions(self)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.tie_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.form.saveRequested.connect(self.save_form)
        self.form.tieChosen.connect(self.classify)
        self._autosave.connect_form()

    # --- loading --------------------------------------------------------------------

    def reload(self) -> None:
        """Load every contact off the UI thread, then show them."""
        self.totals_label.setText(self.tr("Loading contacts …"))
        self._changed_while_loading.clear()
        self._loading = True
        self._jobs.start(self._service.list_items, self.take_loaded)

    def take_loaded(self, items: list[ContactListItem] | None, error: BaseException | None) -> None:
        """Show the result of a list load that ran off the UI thread."""
        self._loading = False
        if error is not None:
            prompts.error(self, self.tr("Could not load contacts"), str(error))
            return
        self.set_all(items or [])
        if self._changed_while_loading:  # edits made while the list was read win over it
            self.refresh_ids(sorted(self._changed_while_loading))
            self._changed_while_loading.clear()
        self.loaded.emit()

    def set_all(self, items: list[ContactListItem]) -> None:
        current = self.current_id()
        self._all = items
        self.model.set_items(items)
        self._shown_query, self._shown_tie = "", None
        self.apply_filter()
        if current is not None:
            self.select_id(current, scroll=False)
        self._update_totals()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.select_row(0)

    def all_items(self) -> list[ContactListItem]:
        return self._all

    # --- filtering ------------------------------------------------------------------

    def apply_filter(self) -> None:
        """Show the contacts matching the search box and the tie choice."""
        query = self.search_edit.text()
        tie = self.tie_combo.currentData()
        current = self.current_id()
        narrowing = tie is self._shown_tie and refine(self.model.items(), self._shown_query, query)

        def keep(pool: Sequence[ContactListItem]) -> list[ContactListItem]:
            if tie is not None and not narrowing:
                pool = [i for i in pool if i.tie is tie]
            return filter_items(pool, query)

        self.model.show_only(keep, narrowing)
        self._shown_query, self._shown_tie = query, tie
        if current is not None and self.select_id(current, scroll=False):
            self._follow.stop()
        elif self.model.rowCount():
            self._follow.start()  # show the first match once typing pauses
        elif not self.form.dirty:
            self.form.show_empty()
        self._show_totals()

    def _update_totals(self) -> None:
        """Recount strong and weak (after the contacts changed) and tell the window."""
        self._totals = self._service.totals(self._all)
        self._show_totals()
        self.totalsChanged.emit(self._totals)

    def _show_totals(self) -> None:
        self.search_bar.show_totals(self._totals, self.model.rowCount())

    def totals(self) -> TieTotals:
        return self._service.totals(self._all)

    # --- selection ------------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()).id if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        return [self.model.item(r).id for r in sorted(rows)]

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)

    def select_id(self, contact_id: int, scroll: bool = True) -> bool:
        row = self.model.row_of(contact_id)
        if row < 0:
            return False
        self.select_row(row)
        if scroll:
            self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_table_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.form.dirty and self.form.detail is not None and previous.isValid():
            self.save_form()  # moving on keeps what was typed
        if not current.isValid():
            self.form.show_empty()
            return
        contact_id = self.model.item(current.row()).id
        shown = self.form.detail
        if shown is not None and shown.id == contact_id and not self.form.dirty:
            return  # the same person again (the list was filtered): nothing to reload
        self._show(contact_id)

    def _show(self, contact_id: int) -> None:
        try:
            self.form.show_detail(self._service.get(contact_id))
        except WombatError as exc:
            self.message.emit(str(exc))

    # --- commands -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def new_contact(self) -> None:
        if self.form.dirty:
            self.save_form()
        self.table.selectionModel().clear()
        self.form.show_empty()
        self.form.given_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save_form(self) -> bool:
        """Save the detail panel (create or update); False when the input is refused."""
        draft, flags = self.form.draft(), self.form.flags()
        try:
            validate(draft)
        except WombatError as exc:
            prompts.error(self, "Cannot save this contact", str(exc))
            return False
        detail = self.form.detail
        try:
            if detail is None:
                command = CreateContactCommand(self._service, draft, flags, self.refresh_ids)
                self._undo.push(command)
                self.form.mark_saved()
                if command.contact_id is not None:
                    self.select_id(command.contact_id)
            else:
                self._service.get(detail.id)  # a clear message if it is gone meanwhile
                before = self.form.saved_state()
                self._undo.push(
                    EditContactCommand(
                        self._service, detail.id, before, (draft, flags), self.refresh_ids
                    )
                )
                self.form.mark_saved()
        except WombatError as exc:
            prompts.error(self, "Cannot save this contact", str(exc))
            return False
        self.message.emit(self.tr("Saved {name}.").format(name=draft.display_name()))
        return True

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        row = self.table.currentIndex().row()
        self._undo.push(DeleteContactsCommand(self._service, ids, self.refresh_ids))
        if self.model.rowCount():
            self.select_row(min(max(row, 0), self.model.rowCount() - 1))
        else:
            self.form.show_empty()
        what = (
            self.tr("1 contact")
            if len(ids) == 1
            else self.tr("{n} contacts").format(n=f"{len(ids):,}")
        )
        self.message.emit(self.tr("Deleted {what}. Undo with Ctrl+Z.").format(what=what))

    def classify(self, tie: Tie | None) -> None:
        ids = self.selected_ids()
        if ids:
            self._undo.push(SetTieCommand(self._service, ids, tie, self.refresh_ids))

    def refresh_ids(self, ids: Sequence[int]) -> None:
        """Reload a few contacts after a change (or drop them when deleted)."""
        wanted = set(ids)
        if self._loading:
            self._changed_while_loading |= wanted
        fresh = self._service.items(list(wanted))
        current = self.current_id()
        self._all = [i for i in self._all if i.id not in wanted] + fresh
        self.model.set_items(self._all)
        self._shown_query, self._shown_tie = "", None
        self.apply_filter()
        self._update_totals()
        if current is not None:
            self.select_id(current, scroll=False)
        shown = self.form.detail
        live = {i.id for i in fresh}
        if shown is not None and shown.id in wanted and shown.id not in live:
            self.form.show_empty()  # its contact was deleted or undone away
        elif current is not None and current in wanted and not self.form.dirty:
            self._show(current)

    def _on_follow_timeout(self) -> None:
        if self.model.rowCount() and self.current_id() is None:
            self.select_row(0)

    # --- crash safety -----------------------------------------------------------------

    def offer_recovery(self) -> bool:
        """Show an edit left unsaved by a crash, if there is one; True when restored."""
        edit = self._autosave.load()
        if edit is None:
            return False
        if edit.contact_id is None or not self.select_id(edit.contact_id):
            self.table.selectionModel().clear()
            self.form.show_empty()
        self.form.restore_edit(edit.draft, edit.flags)
        name = edit.draft.display_name() or self.tr("a new contact")
        self.message.emit(
            self.tr("Restored your unsaved changes to {name}: save (Ctrl+S) or revert.").format(
                name=name
            )
        )
        return True

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.apply_filter()

    def _on_search_edit_return_pressed(self) -> None:
        if self.model.rowCount():
            self.select_row(0)
            self.table.setFocus()
