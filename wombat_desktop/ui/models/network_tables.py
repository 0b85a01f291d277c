"""Table models of the network pages: sphere gaps, organisations and memberships."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from wombat_desktop.core.message_views import MembershipView
from wombat_desktop.core.portfolio import OrganizationView, kind_label
from wombat_desktop.core.spheres import SeatGap, SeatStatus
from wombat_desktop.ui.models.lunch_table import ViewTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("NetworkTables", text)


def status_label(status: SeatStatus) -> str:
    return {SeatStatus.COVERED: _t("covered"), SeatStatus.THIN: _t("weak only"),
            SeatStatus.EMPTY: _t("empty")}[status]


def _money(value: float | None) -> str:
    return "" if value is None else f"${value:,.0f}"


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:g} h"


class GapTableModel(ViewTableModel[SeatGap]):
    """Seats without a strong contact, empty first, with where to recruit."""

    columns = [
        (_t("Seat"), lambda g: g.profession),
        (_t("Status"), lambda g: status_label(g.status)),
        (_t("Sphere"), lambda g: g.sphere_name),
        (_t("Weak contacts in it"), lambda g: ", ".join(g.weak_members)),
        (_t("Recruit at"), lambda g: ", ".join(g.recruit_at)),
        (_t("What to do"), lambda g: g.advice),
    ]
    tips = [_t("The profession the seat is for"),
            _t("Empty: nobody yet; weak only: no strong contact yet"),
            _t("The sphere the seat belongs to"), _t("Weak contacts already in the seat"),
            _t("Your organisations whose members include this profession"), ""]

    def extra(self, item: SeatGap, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and column == 1 and item.status is SeatStatus.EMPTY:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column in (3, 4, 5):
            return self.columns[column][1](item) or None
        return None


class OrganizationTableModel(ViewTableModel[OrganizationView]):
    """The portfolio: every organisation, joined first, with its cost and return."""

    columns = [
        (_t("Organisation"), lambda o: o.name),
        (_t("Kind"), lambda o: o.kind_label + (" ⚠" if o.kind_joined_twice else "")),
        (_t("Member"), lambda o: (o.role or _t("yes")) if o.joined else ""),
        (_t("Meets"), lambda o: o.meeting_cadence),
        (_t("Last there"), lambda o: f"{o.last_attended_on:%Y-%m-%d}"
         if o.last_attended_on else ""),
        (_t("Dues / year"), lambda o: _money(o.dues_per_year)),
        (_t("Hrs / month"), lambda o: _hours(o.hours_per_month)),
        (_t("Returned"), lambda o: o.return_label),
    ]
    tips = ["", _t("⚠: you joined more than one organisation of this kind"),
            _t("Your role when you are a member"), _t("Meeting cadence"),
            _t("When you last went to a meeting"), "", "",
            _t("Referrals received through it and its members")]

    def extra(self, item: OrganizationView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and item.joined and column == 0:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and not item.joined:
            return self._dim()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1 and item.kind_joined_twice:
                return _t("You joined more than one {kind}: keep the one that returns most."
                          ).format(kind=item.kind_label.lower())
            if column == 4 and item.days_overdue is not None:
                return _t("{n} days overdue by its cadence").format(n=item.days_overdue)
            if column == 0:
                return "\n".join(x for x in (item.name, ", ".join(item.professions),
                                             item.notes) if x)
            return self.columns[column][1](item) or None
        if role == Qt.ItemDataRole.FontRole and column == 4 and item.days_overdue is not None:
            return self._bold
        return None


class MembershipTableModel(ViewTableModel[MembershipView]):
    """The user's memberships and the positions that raise visibility (II.8)."""

    columns = [
        (_t("Organisation"), lambda m: m.organization),
        (_t("Kind"), lambda m: kind_label(m.kind)),
        (_t("Role"), lambda m: m.role),
        (_t("Since"), lambda m: f"{m.since:%Y-%m-%d}" if m.since else ""),
        (_t("Positions that raise your visibility"),
         lambda m: " ".join(m.visibility_positions.split())),
    ]

    def extra(self, item: MembershipView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return item.visibility_positions or None
        return None
