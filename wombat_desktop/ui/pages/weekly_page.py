"""The weekly review: one Monday screen of what slipped (sphere gaps, stale materials,
scripts not rehearsed, organisations not attended). Loaded off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.weekly import WeeklyReview
from wombat_desktop.services.weekly import WeeklyService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # the page key an entry opens


class WeeklyPage(QWidget):
    """Four sections, each a short list with a hint; an all-clear state when nothing slipped."""

    loaded = Signal()
    message = Signal(str)
    openRequested = Signal(str)  # a page key: spheres, organizations, checklist, scripts

    def __init__(self, service: WeeklyService, jobs: JobRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self.review: WeeklyReview | None = None
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(self.tr("Weekly review"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName(self.tr("Week"))
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read the plan again (F5)"))
        top.addWidget(self.title, 1)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("This week's review"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Why / what to do")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().resizeSection(0, 320)
        self.tree.header().setStretchLastSection(True)
        layout.addWidget(self.tree, 1)
        self.all_clear = QLabel(self)
        self.all_clear.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.all_clear.setWordWrap(True)
        self.all_clear.setAccessibleName(self.tr("All clear"))
        big = QFont(self.all_clear.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        self.all_clear.setFont(big)
        self.all_clear.hide()
        layout.addWidget(self.all_clear, 1)
        self.open_button = QPushButton(self.tr("&Open the page for this item"), self)
        self.open_button.setEnabled(False)
        bottom = QHBoxLayout()
        self.hint = QLabel(self.tr("Double-click (or Enter) on an item to go to its page."), self)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.open_button)
        layout.addLayout(bottom)
        self.reload_action = QAction(self.tr("&Refresh review"), self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.reload_action)

    def _connect(self) -> None:
        self.refresh_button.clicked.connect(self.reload)
        self.reload_action.triggered.connect(self.reload)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the review on the job runner; `loaded` fires when it is shown."""
        self.refresh_button.setEnabled(False)
        self._jobs.start(self._service.review, self._on_review_loaded)

    def _on_review_loaded(self, result: WeeklyReview | None, error: BaseException | None
                          ) -> None:
        self.refresh_button.setEnabled(True)
        if error is not None or result is None:
            prompts.error(self, self.tr("Weekly review"), str(error))
            return
        self.show_review(result)
        self.loaded.emit()

    def show_review(self, review: WeeklyReview) -> None:
        self.review = review
        self.title.setText(self.tr("Week of {day}").format(day=f"{review.week_of:%A %d %B %Y}"))
        self.tree.clear()
        clear = review.is_clear
        self.tree.setVisible(not clear)
        self.all_clear.setVisible(clear)
        self.hint.setVisible(not clear)
        self.open_button.setVisible(not clear)
        if clear and not review.plan_started:
            self.summary.setText(self.tr("Your plan is empty, so there is nothing to review."))
            self.all_clear.setText(self.tr(
                "Nothing to review yet.\n\nStart your plan: add a sphere under “Spheres & "
                "hub”, the organisations you belong to under “Organisations”, and tick the "
                "materials you have under “Messages & materials”. Each Monday this page then "
                "lists what slipped."))
            return
        if clear:
            self.summary.setText(self.tr("Nothing slipped."))
            self.all_clear.setText(self.tr(
                "All clear this week.\n\nEvery seat has a strong contact, your materials are "
                "fresh, your scripts rehearsed and you went to your meetings. Enjoy Monday."))
            return
        self.summary.setText(self.tr(
            "{n} things to look at this week. Work down the list: fill a seat, refresh a "
            "material, rehearse a script, go to a meeting.").format(n=review.total))
        self._section(self.tr("Sphere gaps"), "spheres",
                      [(f"{g.profession} — {g.sphere_name}", g.advice)
                       for g in review.sphere_gaps],
                      self.tr("Every seat has a strong contact."))
        self._section(self.tr("Stale materials"), "messages",
                      [(m.title, m.hint) for m in review.stale_materials],
                      self.tr("Your materials are fresh."))
        self._section(self.tr("Scripts to rehearse"), "scripts",
                      [(s.title, s.hint) for s in review.scripts_to_rehearse],
                      self.tr("All scripts rehearsed in the last two weeks."))
        self._section(self.tr("Organisations not attended"), "organizations",
                      [(a.name, a.hint) for a in review.organisations_to_attend],
                      self.tr("You are up to date with your meetings."))
        self.tree.expandAll()

    def _section(self, title: str, page: str, rows: list[tuple[str, str]], ok: str) -> None:
        head = QTreeWidgetItem(self.tree, [f"{title} ({len(rows)})", "" if rows else ok])
        font = QFont(self.tree.font())
        font.setBold(True)
        head.setFont(0, font)
        head.setData(0, PAGE_ROLE, page)
        head.setFirstColumnSpanned(False)
        for what, why in rows:
            item = QTreeWidgetItem(head, [what, why])
            item.setToolTip(0, what)
            item.setToolTip(1, why)
            item.setData(0, PAGE_ROLE, page)

    def section_titles(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    # --- slots ------------------------------------------------------------------------

    def _on_tree_current_item_changed(self, current: QTreeWidgetItem | None,
                                      _previous: QTreeWidgetItem | None) -> None:
        self.open_button.setEnabled(current is not None)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.openRequested.emit(str(item.data(0, PAGE_ROLE)))

    def _on_open_button_clicked(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.openRequested.emit(str(item.data(0, PAGE_ROLE)))
