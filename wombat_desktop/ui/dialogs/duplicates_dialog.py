"""Reviewing likely duplicates: pairs on the left, the two records side by side on the right."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.dedupe import DuplicatePair
from wombat_desktop.core.errors import WombatError
from wombat_desktop.services.contacts import ContactService
from wombat_desktop.services.duplicates import DuplicateService
from wombat_desktop.ui.widgets.merge_table import LEFT, RIGHT, MergeTable

PAIR_ROLE = Qt.ItemDataRole.UserRole


class DuplicatesDialog(QDialog):
    """Shows pairs; the controller acts on the requests and calls `resolve` when done."""

    mergeRequested = Signal(object, int, int, dict)  # pair, keep id, other id, choices
    keepBothRequested = Signal(object)  # DuplicatePair

    def __init__(self, duplicates: DuplicateService, contacts: ContactService,
                 pairs: Sequence[DuplicatePair], parent: QWidget | None = None,
                 undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicates"))
        self._duplicates = duplicates
        self._contacts = contacts
        self._names: dict[int, str] = {}
        self._pairs: list[DuplicatePair] = []
        self._undo_stack = undo_stack
        self._build_ui()
        self._connect()
        self.resize(960, 560)
        self.set_pairs(pairs)

    # --- building -------------------------------------------------------------------

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.stack)
        self.pair_list = QListWidget(self.splitter)
        self.pair_list.setAccessibleName(self.tr("Likely duplicate pairs"))
        self.pair_list.setWordWrap(True)
        self.pair_list.setAlternatingRowColors(True)
        self.pair_list.setSpacing(2)
        right = QWidget(self.splitter)
        side = QVBoxLayout(right)
        side.setContentsMargins(8, 0, 0, 0)
        self.score_label = QLabel(right)
        big = QFont(self.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.2)
        self.score_label.setFont(big)
        self.score_label.setAccessibleName(self.tr("Score"))
        self.reasons_label = QLabel(right)
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setAccessibleName(self.tr("Reasons"))
        hint = QLabel(self.tr("Pick the value to keep in each row; lists, UIDs and sources are "
                              "always united. The merge button decides which record survives."),
                      right)
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.merge_table = MergeTable(right)
        buttons = QHBoxLayout()
        self.merge_left_button = QPushButton(self.tr("Merge into &left"), right)
        self.merge_right_button = QPushButton(self.tr("Merge into &right"), right)
        self.keep_both_button = QPushButton(self.tr("&Keep both"), right)
        self.keep_both_button.setToolTip(self.tr("Not a duplicate: remembered, not asked again"))
        self.skip_button = QPushButton(self.tr("&Skip"), right)
        self.skip_button.setToolTip(self.tr("Decide later"))
        for button in (self.merge_left_button, self.merge_right_button, self.keep_both_button,
                       self.skip_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.undo_action: QAction | None = None
        if self._undo_stack is not None:
            # The main window's Ctrl+Z does not reach this window: offer the same stack here.
            self.undo_action = self._undo_stack.createUndoAction(self, self.tr("&Undo"))
            self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
            self.addAction(self.undo_action)
        side.addWidget(self.score_label)
        side.addWidget(self.reasons_label)
        side.addWidget(hint)
        side.addWidget(self.merge_table, 1)
        side.addLayout(buttons)
        self.splitter.addWidget(self.pair_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([280, 680])
        self.empty_label = QLabel(self.tr("No duplicates found"), self.stack)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setFont(big)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty_label)
        self.count_label = QLabel(self)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        if self.undo_action is not None:  # below the pages, so it stays in the empty state
            self.undo_button = QToolButton(self)
            self.undo_button.setDefaultAction(self.undo_action)
            self.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bottom.addWidget(self.undo_button)
        bottom.addWidget(self.button_box)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.pair_list.currentItemChanged.connect(self._on_pair_list_current_changed)
        self.merge_left_button.clicked.connect(self._on_merge_left_button_clicked)
        self.merge_right_button.clicked.connect(self._on_merge_right_button_clicked)
        self.keep_both_button.clicked.connect(self._on_keep_both_button_clicked)
        self.skip_button.clicked.connect(self._on_skip_button_clicked)
        self.button_box.rejected.connect(self.reject)

    # --- pairs ----------------------------------------------------------------------

    def set_pairs(self, pairs: Sequence[DuplicatePair]) -> None:
        """Show these pairs, best first, and select the first one."""
        self.pair_list.clear()
        self._pairs = list(pairs)  # in list order; the list widget shows the same rows
        self._learn_names(i for p in pairs for i in (p.a, p.b))
        for pair in pairs:
            self.pair_list.addItem(self._item(pair))
        self._after_change(0)

    def pairs(self) -> list[DuplicatePair]:
        return list(self._pairs)

    def current_pair(self) -> DuplicatePair | None:
        item = self.pair_list.currentItem()
        return item.data(PAIR_ROLE) if item is not None else None

    def _learn_names(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        self._names.update({i.id: i.name for i in self._contacts.items(list(wanted))})

    def _item(self, pair: DuplicatePair) -> QListWidgetItem:
        a = self._names.get(pair.a, f"#{pair.a}")
        b = self._names.get(pair.b, f"#{pair.b}")
        text = f"{pair.score}   {a}  ↔  {b}\n{'; '.join(pair.reasons)}"
        item = QListWidgetItem(text)
        item.setData(PAIR_ROLE, pair)
        item.setToolTip(text)
        return item

    def _row_of(self, pair: DuplicatePair) -> int:
        return next((r for r, p in enumerate(self._pairs) if p == pair), -1)

    def _take(self, row: int) -> None:
        del self._pairs[row]
        self.pair_list.takeItem(row)

    def resolve(self, pair: DuplicatePair, merged: tuple[int, int] | None = None) -> None:
        """Drop a decided pair and show the next. After a merge (keep, other), pairs that
        named the absorbed person now name the survivor. Only the rows concerned change, so
        a decision stays instant with tens of thousands of pairs."""
        row = self._row_of(pair)
        if row >= 0:
            self._take(row)
        if merged is not None:
            keep, other = merged
            self._learn_names([keep])
            seen = {(p.a, p.b) for p in self._pairs if other not in (p.a, p.b)}
            for r in reversed(range(len(self._pairs))):
                p = self._pairs[r]
                if other not in (p.a, p.b):
                    continue
                (moved,) = _remap([p], keep, other) or (None,)
                if moved is None or (moved.a, moved.b) in seen:
                    self._take(r)  # now the same person twice, or a pair already listed
                    continue
                seen.add((moved.a, moved.b))
                self._pairs[r] = moved
                fresh = self._item(moved)
                item = self.pair_list.item(r)
                item.setText(fresh.text())
                item.setToolTip(fresh.toolTip())
                item.setData(PAIR_ROLE, moved)
        self._after_change(max(row, 0))

    def restore_pair(self, pair: DuplicatePair) -> None:
        """Put an undone pair back in its place (best score first) and show it."""
        if self._row_of(pair) >= 0:
            return
        self._learn_names([pair.a, pair.b])
        key = (not pair.exact, -pair.score)
        row = next((r for r, p in enumerate(self._pairs) if (not p.exact, -p.score) > key),
                   len(self._pairs))
        self._pairs.insert(row, pair)
        self.pair_list.insertItem(row, self._item(pair))
        self._after_change(row)

    def _after_change(self, row: int) -> None:
        count = self.pair_list.count()
        self.stack.setCurrentIndex(0 if count else 1)
        self.count_label.setText(
            "" if not count else self.tr("1 pair to review") if count == 1
            else self.tr("{n:,} pairs to review").format(n=count))
        if count:
            self.pair_list.setCurrentRow(min(row, count - 1))
        else:
            self.merge_table.clear()

    # --- showing one pair -----------------------------------------------------------

    def _on_pair_list_current_changed(self, current: QListWidgetItem | None,
                                      _previous: QListWidgetItem | None) -> None:
        pair = current.data(PAIR_ROLE) if current is not None else None
        for button in (self.merge_left_button, self.merge_right_button,
                       self.keep_both_button, self.skip_button):
            button.setEnabled(pair is not None)
        if pair is None:
            self.score_label.clear()
            self.reasons_label.clear()
            self.merge_table.clear()
            return
        try:
            view = self._duplicates.view(pair)
            ids = (self._describe_ids(pair.a), self._describe_ids(pair.b))
        except WombatError:  # merged or deleted meanwhile: nothing left to decide
            self.resolve(pair)
            return
        kind = self.tr("exact match") if pair.exact else self.tr("likely the same person")
        self.score_label.setText(self.tr("Score {score} — {kind}").format(score=pair.score,
                                                                        kind=kind))
        self.reasons_label.setText(self.tr("Why: {reasons}").format(
            reasons="; ".join(pair.reasons)))
        self.merge_table.set_view(view, *ids)

    def _describe_ids(self, contact_id: int) -> str:
        detail = self._contacts.get(contact_id)
        n, m = len(detail.uids), len(detail.sources)
        uids = self.tr("1 UID") if n == 1 else self.tr("{n} UIDs").format(n=n)
        sources = self.tr("1 source") if m == 1 else self.tr("{n} sources").format(n=m)
        return f"{uids}, {sources}"

    # --- actions --------------------------------------------------------------------

    def _merge(self, keep_side: str) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        keep, other = (pair.a, pair.b) if keep_side == LEFT else (pair.b, pair.a)
        self.mergeRequested.emit(pair, keep, other, self.merge_table.choices(keep_side))

    def _on_merge_left_button_clicked(self) -> None:
        self._merge(LEFT)

    def _on_merge_right_button_clicked(self) -> None:
        self._merge(RIGHT)

    def _on_keep_both_button_clicked(self) -> None:
        pair = self.current_pair()
        if pair is not None:
            self.keepBothRequested.emit(pair)

    def _on_skip_button_clicked(self) -> None:
        pair = self.current_pair()
        if pair is not None:
            self.resolve(pair)

    def name_of(self, contact_id: int) -> str:
        return self._names.get(contact_id, f"#{contact_id}")


def _remap(pairs: Sequence[DuplicatePair], keep: int, other: int) -> list[DuplicatePair]:
    out: list[DuplicatePair] = []
    seen: set[tuple[int, int]] = set()
    for p in pairs:
        a, b = (keep if p.a == other else p.a), (keep if p.b == other else p.b)
        a, b = min(a, b), max(a, b)
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        out.append(DuplicatePair(a, b, p.score, p.reasons, p.exact))
    return out
