"""The strategy matrix drawn with QPainter: the 2x2 with named stages, and the progress
chart over saved snapshots. Palette colours only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from wombat_desktop.core.matrix import THRESHOLD, MatrixStage
from wombat_desktop.services.matrix import MatrixSnapshotView

# (stage, column, row): column 0 = weak network, row 0 = ready message (top)
_QUADRANTS = ((MatrixStage.KNOWN_THIN, 0, 0), (MatrixStage.ENGINE, 1, 0),
              (MatrixStage.STARTING_OUT, 0, 1), (MatrixStage.CONNECTED_QUIET, 1, 1))


def _faint(color: QColor, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


class MatrixGrid(QWidget):
    """Network strength across, message readiness up; the user's stage is highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.position: tuple[float, float] | None = None  # network, message
        self.stage: MatrixStage | None = None
        self.trail: list[tuple[float, float]] = []
        self.setMinimumSize(260, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Strategy matrix"))

    def set_position(self, network: float, message: float, stage: MatrixStage,
                     trail: Sequence[tuple[float, float]] = ()) -> None:
        self.position, self.stage, self.trail = (network, message), stage, list(trail)
        self.setAccessibleDescription(self.tr("{stage}: network {n:.0f}, message {m:.0f}"
                                              ).format(stage=stage.value, n=network, m=message))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(380, 320)

    def _area(self) -> QRectF:
        fm = QFontMetrics(self.font())
        return QRectF(fm.height() + 10, 6, self.width() - fm.height() - 16,
                      self.height() - fm.height() - 16)

    def _point(self, network: float, message: float) -> QPointF:
        a = self._area()
        return QPointF(a.left() + a.width() * network / 100,
                       a.bottom() - a.height() * message / 100)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        a = self._area()
        hl = pal.color(QPalette.ColorRole.Highlight)
        text = pal.color(QPalette.ColorRole.Text)
        for stage, col, row in _QUADRANTS:
            cell = QRectF(a.left() + col * a.width() / 2, a.top() + row * a.height() / 2,
                          a.width() / 2, a.height() / 2)
            current = stage == self.stage
            p.fillRect(cell, _faint(hl, 60) if current else pal.color(QPalette.ColorRole.Base))
            p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
            p.drawRect(cell)
            p.setPen(text if current else pal.color(QPalette.ColorRole.PlaceholderText))
            font = p.font()
            font.setBold(current)
            p.setFont(font)
            p.drawText(cell.adjusted(6, 4, -6, -4),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                       | Qt.TextFlag.TextWordWrap, stage.value)
        font = p.font()
        font.setBold(False)
        p.setFont(font)
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        fm = QFontMetrics(font)
        p.drawText(QRectF(a.left(), a.bottom() + 2, a.width(), fm.height() + 4),
                   Qt.AlignmentFlag.AlignCenter, self.tr("Network strength →"))
        p.save()
        p.translate(fm.height(), a.bottom())
        p.rotate(-90)
        p.drawText(QRectF(0, -fm.height() - 2, a.height(), fm.height() + 2),
                   Qt.AlignmentFlag.AlignCenter, self.tr("Message readiness →"))
        p.restore()
        if len(self.trail) > 1:
            p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
            pts = [self._point(n, m) for n, m in self.trail]
            for x, y in zip(pts, pts[1:], strict=False):
                p.drawLine(x, y)
        if self.position is not None:
            dot = self._point(*self.position)
            p.setPen(QPen(text, 2))
            p.setBrush(QBrush(hl))
            p.drawEllipse(dot, 8, 8)
        p.end()


class MatrixChart(QWidget):
    """Network and message scores of every saved snapshot, oldest on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshots: list[MatrixSnapshotView] = []
        self.setMinimumSize(300, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Progress over time"))

    def set_snapshots(self, snapshots: Sequence[MatrixSnapshotView]) -> None:
        self.snapshots = list(snapshots)
        last = self.snapshots[-1] if self.snapshots else None
        self.setAccessibleDescription(self.tr("{n} snapshots").format(n=len(self.snapshots))
                                      + (f"; {last.stage}" if last else ""))
        self.update()

    def point_count(self) -> int:
        return len(self.snapshots)

    def sizeHint(self) -> QSize:
        return QSize(600, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = QFontMetrics(self.font())
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        dim = pal.color(QPalette.ColorRole.PlaceholderText)
        left = fm.horizontalAdvance("100") + 10
        a = QRectF(left, fm.height(), self.width() - left - 12,
                   self.height() - 3 * fm.height() - 8)
        if not self.snapshots:
            p.setPen(dim)
            p.drawText(self.rect().adjusted(12, 12, -12, -12),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.tr("No snapshots yet. Save one now, work the plan, and save "
                               "again to see how far you have come."))
            p.end()
            return
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        for v in (0, 50, 100):
            y = a.bottom() - a.height() * v / 100
            p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1,
                          Qt.PenStyle.DashLine if v == THRESHOLD else Qt.PenStyle.SolidLine))
            p.drawLine(QPointF(a.left(), y), QPointF(a.right(), y))
            p.setPen(dim)
            p.drawText(QRectF(0, y - fm.height() / 2, left - 4, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
        n = len(self.snapshots)

        def x_of(i: int) -> float:
            return a.left() + (a.width() * i / (n - 1) if n > 1 else a.width() / 2)

        series = ((self.tr("Network strength"), pal.color(QPalette.ColorRole.Highlight),
                   Qt.PenStyle.SolidLine, [s.network for s in self.snapshots]),
                  (self.tr("Message readiness"), pal.color(QPalette.ColorRole.Text),
                   Qt.PenStyle.DashLine, [s.message for s in self.snapshots]))
        for _name, color, style, values in series:
            pts = [QPointF(x_of(i), a.bottom() - a.height() * v / 100)
                   for i, v in enumerate(values)]
            p.setPen(QPen(color, 2, style))
            for x, y in zip(pts, pts[1:], strict=False):
                p.drawLine(x, y)
            p.setBrush(QBrush(color))
            for pt in pts:
                p.drawEllipse(pt, 3.5, 3.5)
        p.setPen(dim)
        step = max(1, n // max(1, int(a.width() // (fm.horizontalAdvance("0000-00-00") + 16))))
        for i in range(0, n, step):
            label = f"{self.snapshots[i].taken_at:%Y-%m-%d}"
            w = fm.horizontalAdvance(label)
            x = min(max(x_of(i) - w / 2, 0), self.width() - w)
            p.drawText(QPointF(x, a.bottom() + fm.height() + 2), label)
        x = a.left()
        y = self.height() - 6
        for name, color, style, _values in series:
            p.setPen(QPen(color, 2, style))
            p.drawLine(QPointF(x, y - fm.ascent() / 2), QPointF(x + 20, y - fm.ascent() / 2))
            p.setPen(pal.color(QPalette.ColorRole.Text))
            p.drawText(QPointF(x + 26, y), name)
            x += 26 + fm.horizontalAdvance(name) + 24
        p.end()
