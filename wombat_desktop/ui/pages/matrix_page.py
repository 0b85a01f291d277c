"""The strategy matrix (plan section 13): where the user stands, why, the next three
steps, saved snapshots and a chart of progress over time."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.matrix import MatrixResult
from wombat_desktop.services.matrix import MatrixService, MatrixSnapshotView
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.widgets.matrix_chart import MatrixChart, MatrixGrid


@dataclass(frozen=True, slots=True)
class MatrixSnapshot:
    result: MatrixResult
    snapshots: list[MatrixSnapshotView]


class MatrixPage(QWidget):
    """The 2x2 and the stage on top, the parts and next steps beside, the chart below."""

    loaded = Signal()
    message = Signal(str)

    def __init__(self, service: MatrixService, jobs: JobRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self.result: MatrixResult | None = None
        self.steps: list[str] = []
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(split)
        th = QHBoxLayout(top)
        th.setContentsMargins(0, 0, 0, 0)
        self.grid = MatrixGrid(top)
        th.addWidget(self.grid, 2)
        right = QVBoxLayout()
        self.stage_label = QLabel(top)
        font = QFont(self.stage_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.stage_label.setFont(font)
        self.stage_label.setAccessibleName(self.tr("Your stage"))
        self.stage_text = QLabel(top)
        self.stage_text.setWordWrap(True)
        self.scores_label = QLabel(top)
        right.addWidget(self.stage_label)
        right.addWidget(self.stage_text)
        right.addWidget(self.scores_label)
        steps_box = QGroupBox(self.tr("The next three steps"), top)
        sv = QVBoxLayout(steps_box)
        self.steps_label = QLabel(steps_box)
        self.steps_label.setAccessibleName(self.tr("Next steps"))
        self.steps_label.setWordWrap(True)
        self.steps_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                 | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.steps_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        sv.addWidget(self.steps_label)
        right.addWidget(steps_box)
        self.parts_tree = QTreeWidget(top)
        self.parts_tree.setAccessibleName(self.tr("Why: the parts of each axis"))
        self.parts_tree.setHeaderLabels([self.tr("Part"), self.tr("Score"), self.tr("Detail")])
        self.parts_tree.header().resizeSection(0, 170)
        self.parts_tree.header().resizeSection(1, 55)
        self.parts_tree.setWordWrap(True)
        right.addWidget(self.parts_tree, 2)
        th.addLayout(right, 3)
        bottom = QWidget(split)
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.chart_title = QLabel(self.tr("Progress over time"), bottom)
        self.save_button = QPushButton(self.tr("&Save snapshot"), bottom)
        self.save_button.setToolTip(self.tr("Keep today's position for the progress chart"))
        self.refresh_button = QPushButton(self.tr("&Refresh"), bottom)
        bar.addWidget(self.chart_title, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.save_button)
        self.chart = MatrixChart(bottom)
        bv.addLayout(bar)
        bv.addWidget(self.chart, 1)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.refresh_button.clicked.connect(self.reload)

    def reload(self) -> None:
        """Compute the matrix and read the snapshots on the job runner."""
        s = self._service
        self._jobs.start(lambda: MatrixSnapshot(s.compute(), s.snapshots()), self._on_loaded)

    def _on_loaded(self, snap: MatrixSnapshot | None, error: BaseException | None) -> None:
        if error is not None or snap is None:
            prompts.error(self, self.tr("Strategy matrix"), str(error))
            return
        r = self.result = snap.result
        trail = [(s.network, s.message) for s in snap.snapshots]
        self.grid.set_position(r.network, r.message, r.stage, [*trail, (r.network, r.message)])
        self.stage_label.setText(r.stage.value)
        self.stage_text.setText(r.stage_text)
        self.scores_label.setText(self.tr(
            "Network strength {n:.0f} / 100 · Message readiness {m:.0f} / 100 "
            "(50 is the line between stages)").format(n=r.network, m=r.message))
        self.scores_label.setWordWrap(True)
        self.steps = []
        for i, step in enumerate(r.next_steps, 1):
            axis = self.tr("network") if step.axis == "network" else self.tr("message")
            self.steps.append(self.tr("{i}. {text}  (+{gain:.1f} {axis})").format(
                i=i, text=step.text, gain=step.gain, axis=axis))
        self.steps_label.setText("\n".join(self.steps) or self.tr(
            "Nothing obvious left: keep the plan current."))
        self.parts_tree.clear()
        bold = QFont(self.parts_tree.font())
        bold.setBold(True)
        for axis, label, total in (("network", self.tr("Network strength"), r.network),
                                   ("message", self.tr("Message readiness"), r.message)):
            head = QTreeWidgetItem(self.parts_tree, [label, f"{total:.0f}", ""])
            head.setFont(0, bold)
            head.setFont(1, bold)
            for part in r.axis_parts(axis):
                item = QTreeWidgetItem(head, [part.label, f"{part.score:.0f}", part.detail])
                item.setToolTip(2, part.detail)
                item.setToolTip(0, self.tr("{w:.0f}% of the axis").format(w=part.weight * 100))
        self.parts_tree.expandAll()
        self.chart.set_snapshots(snap.snapshots)
        self.chart_title.setText(self.tr("Progress over time ({n} snapshots)").format(
            n=len(snap.snapshots)))
        self.loaded.emit()

    def _on_save_button_clicked(self) -> None:
        self.save_button.setEnabled(False)
        self._jobs.start(self._service.save_snapshot, self._on_saved)

    def _on_saved(self, snap: MatrixSnapshotView | None, error: BaseException | None) -> None:
        self.save_button.setEnabled(True)
        if error is not None or snap is None:
            text = str(error) if isinstance(error, WombatError) else repr(error)
            prompts.error(self, self.tr("Save snapshot"), text)
            return
        self.message.emit(self.tr("Snapshot saved: {stage} ({n:.0f} / {m:.0f}).").format(
            stage=snap.stage, n=snap.network, m=snap.message))
        self.reload()
