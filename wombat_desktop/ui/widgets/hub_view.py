"""The hub picture (I.4): the user in the middle, the people they connected on a ring,
a line for each connection. Painted with QPainter in palette colours only."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from wombat_desktop.core.hub import HubNode, HubView


class HubPicture(QWidget):
    """Draws a `HubView`; ``hub`` is the model tests read, ``node_points()`` the layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub: HubView | None = None
        self.setMinimumSize(320, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Hub picture"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_hub(self, hub: HubView) -> None:
        self.hub = hub
        self.setAccessibleDescription(hub.summary)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 420)

    def node_points(self) -> dict[int, QPointF]:
        """Where each node sits in widget coordinates (the user is id 0)."""
        if self.hub is None:
            return {}
        label_room = QFontMetrics(self.font()).horizontalAdvance("M" * 9)
        w, h = self.width(), self.height()
        rx = max(40.0, w / 2 - label_room)
        ry = max(40.0, h / 2 - 2.2 * QFontMetrics(self.font()).height())
        cx, cy = w / 2, h / 2
        return {n.id: QPointF(cx + n.x * rx, cy + n.y * ry) for n in self.hub.nodes}

    def label_rects(self) -> dict[int, tuple[QRectF, str]]:
        """Where each contact's name is drawn, so that no two names overlap.

        The outer ring is placed first; each name tries its side of the ring, then the other
        side, above and below, then a shorter (elided) form; a name with no free spot is left
        out (hovering the dot still names the person).
        """
        if self.hub is None:
            return {}
        metrics = QFontMetrics(self.font())
        points = self.node_points()
        bounds = QRectF(self.rect()).adjusted(2, 2, -2, -2.5 * metrics.height())
        taken = [QRectF(points[n.id].x() - self._radius(n), points[n.id].y() - self._radius(n),
                        2 * self._radius(n), 2 * self._radius(n)) for n in self.hub.nodes]
        order = sorted(self.hub.nodes[1:], key=lambda n: -math.hypot(n.x, n.y))
        placed: dict[int, tuple[QRectF, str]] = {}
        for node in order:
            for width in (130, 70):
                label = metrics.elidedText(node.label, Qt.TextElideMode.ElideRight, width)
                spot = next((rect for rect in self._label_spots(node, label, metrics)
                             if bounds.contains(rect)
                             and not any(rect.intersects(t) for t in taken)), None)
                if spot is not None:
                    taken.append(spot)
                    placed[node.id] = (spot, label)
                    break
        return placed

    def _label_spots(self, node: HubNode, label: str, metrics: QFontMetrics) -> list[QRectF]:
        """Candidate rectangles for a name, the natural one first."""
        p = self.node_points()[node.id]
        r = self._radius(node)
        w, h = metrics.horizontalAdvance(label) + 2, float(metrics.height())
        inner = math.hypot(node.x, node.y) < 0.8  # the staggered inner ring
        right = QRectF(p.x() + r + 3, p.y() - h / 2, w, h)
        left = QRectF(p.x() - r - 3 - w, p.y() - h / 2, w, h)
        above = QRectF(p.x() - w / 2, p.y() - r - 2 - h, w, h)
        below = QRectF(p.x() - w / 2, p.y() + r + 2, w, h)
        sides = [right, left] if (node.x >= -0.05) != inner else [left, right]
        ends = [above, below] if (node.y < 0) != inner else [below, above]
        return [*ends, *sides] if abs(node.x) < 0.2 else [*sides, *ends]

    def _radius(self, node: HubNode) -> float:
        if node.id == 0:
            return 16.0
        return 5.0 + min(7.0, 1.5 * math.sqrt(node.degree))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        hub = self.hub
        if hub is None or len(hub.nodes) <= 1:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect().adjusted(20, 20, -20, -20),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("Nobody connected through you yet. Give a referral or "
                                     "introduce two contacts and they appear here."))
            painter.end()
            return
        points = self.node_points()
        highlight = pal.color(QPalette.ColorRole.Highlight)
        mid = pal.color(QPalette.ColorRole.Mid)
        text = pal.color(QPalette.ColorRole.Text)
        for edge in hub.edges:
            a, b = points.get(edge.source), points.get(edge.target)
            if a is None or b is None:
                continue
            pen = QPen(highlight if edge.via_you else mid, 1.0 + min(3.0, edge.count - 1))
            if edge.kind == "introduction":
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if edge.via_you:  # bend the line through the user: they made this connection
                path = QPainterPath(a)
                path.quadTo(points[0], b)
                painter.drawPath(path)
            else:
                painter.drawLine(a, b)
        metrics = QFontMetrics(self.font())
        labels = self.label_rects()
        for node in hub.nodes:
            p = points[node.id]
            r = self._radius(node)
            if node.id == 0:
                painter.setPen(QPen(text, 2))
                painter.setBrush(QBrush(highlight))
            elif node.tie == "strong":
                painter.setPen(QPen(text, 1))
                painter.setBrush(QBrush(highlight))
            else:
                painter.setPen(QPen(mid, 1.5))
                painter.setBrush(QBrush(pal.color(QPalette.ColorRole.Base)))
            painter.drawEllipse(p, r, r)
            painter.setPen(pal.color(QPalette.ColorRole.HighlightedText) if node.id == 0
                           else text)
            if node.id == 0:
                painter.drawText(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r),
                                 Qt.AlignmentFlag.AlignCenter, node.label)
            elif node.id in labels:
                rect, label = labels[node.id]
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        self._legend(painter, metrics)
        painter.end()

    def _legend(self, painter: QPainter, metrics: QFontMetrics) -> None:
        """The key, wrapped to two lines on a narrow picture, and how many were left out."""
        pal = self.palette()
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        key = self.tr("Filled: strong contact · ring: weak · solid line: referral · dashed: "
                      "introduction · highlighted lines: made by you")
        if self.hub is not None and self.hub.hidden_nodes:
            key = self.tr("{n} more people not drawn. ").format(n=self.hub.hidden_nodes) + key
        box = QRectF(8, self.height() - 2 * metrics.height() - 6, self.width() - 16,
                     2 * metrics.height() + 2)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
                                  | Qt.TextFlag.TextWordWrap), key)

    def node_at(self, pos: QPointF) -> HubNode | None:
        if self.hub is None:
            return None
        points = self.node_points()
        for node in self.hub.nodes:
            p = points[node.id]
            if math.hypot(p.x() - pos.x(), p.y() - pos.y()) <= self._radius(node) + 3:
                return node
        return None

    def event(self, e: object) -> bool:
        if isinstance(e, QHelpEvent):
            node = self.node_at(QPointF(e.pos()))
            if node is None:
                QToolTip.hideText()
            else:
                tip = self.tr("{name}\n{tie} contact · {sphere}\n{n} connections").format(
                    name=node.label, tie=node.tie or self.tr("you"),
                    sphere=node.sphere or self.tr("no sphere"), n=node.degree)
                QToolTip.showText(e.globalPos(), tip, self)
            return True
        return super().event(e)  # type: ignore[arg-type]


class HubPanel(QWidget):
    """The hub's figures over its picture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Hub summary"))
        grid = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        names = [("score", self.tr("Hub score (of 100)")),
                 ("routed", self.tr("Referrals routed")),
                 ("intros", self.tr("Introductions by you")),
                 ("people", self.tr("People connected")),
                 ("spheres", self.tr("Spheres reached")),
                 ("bridges", self.tr("Bridges between spheres"))]
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        for i, (key, label) in enumerate(names):
            value = QLabel("–", self)
            value.setFont(big)
            value.setAccessibleName(label)
            caption = QLabel(label, self)
            caption.setWordWrap(True)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            grid.addWidget(value, 0, i)
            grid.addWidget(caption, 1, i)
            self.figures[key] = value
        self.picture = HubPicture(self)
        v.addWidget(self.summary)
        v.addLayout(grid)
        v.addWidget(self.picture, 1)

    def set_hub(self, hub: HubView) -> None:
        self.summary.setText(hub.summary)
        values = {"score": f"{hub.score:.0f}", "routed": str(hub.routed_referrals),
                  "intros": str(hub.introductions_by_you), "people": str(hub.people_connected),
                  "spheres": f"{hub.spheres_connected}/{hub.spheres_total}",
                  "bridges": str(hub.bridges)}
        for key, text in values.items():
            self.figures[key].setText(text)
        self.picture.set_hub(hub)
