"""Undoable sphere and organisation writes on the window's QUndoStack.

Like the lunch commands, each write runs once before its command is pushed (a refused write
shows its message and never reaches the stack), so the first `redo()` is a no-op. Deleted
spheres and organisations come back as new rows rebuilt from the view read before deletion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from wombat_desktop.core.message_views import MembershipView
from wombat_desktop.core.portfolio import OrganizationView
from wombat_desktop.core.spheres import SphereView
from wombat_desktop.services.organizations import OrganizationDraft, OrganizationService
from wombat_desktop.services.spheres import SphereService

Changed = Callable[[], None]


def _t(text: str) -> str:
    return QCoreApplication.translate("NetworkCommands", text)


class _DoneOnce(QUndoCommand):
    """A command whose first redo was already done by the caller."""

    def __init__(self, text: str, changed: Changed) -> None:
        super().__init__(text)
        self._fresh = True
        self._changed = changed

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self.again()
        self._changed()

    def undo(self) -> None:
        self.back()
        self._changed()

    def again(self) -> None:
        raise NotImplementedError

    def back(self) -> None:
        raise NotImplementedError


class DeleteSphereCommand(_DoneOnce):
    """Delete a sphere; undo rebuilds it with its seats and members."""

    def __init__(self, service: SphereService, sphere: SphereView, changed: Changed) -> None:
        super().__init__(_t("Delete sphere “{name}”").format(name=sphere.name), changed)
        self._service, self._sphere, self._id = service, sphere, sphere.id

    def again(self) -> None:
        self._service.delete(self._id)

    def back(self) -> None:
        s = self._sphere
        self._id = self._service.create(s.name, s.profession, [x.profession for x in s.seats],
                                        is_mine=s.is_mine, notes=s.notes)
        rebuilt = self._service.sphere(self._id)
        for old, new in zip(s.seats, rebuilt.seats, strict=False):
            if old.members:
                self._service.set_members(new.id, [m.contact_id for m in old.members])


class SeatMemberCommand(_DoneOnce):
    """Put a contact in a seat (``add``) or take them out; undo does the opposite."""

    def __init__(self, service: SphereService, seat_id: int, contact_id: int, name: str,
                 add: bool, changed: Changed) -> None:
        text = _t("Seat {name}") if add else _t("Remove {name} from the seat")
        super().__init__(text.format(name=name), changed)
        self._service, self._seat, self._contact, self._add = service, seat_id, contact_id, add

    def _do(self, add: bool) -> None:
        if add:
            self._service.add_member(self._seat, self._contact)
        else:
            self._service.remove_member(self._seat, self._contact)

    def again(self) -> None:
        self._do(self._add)

    def back(self) -> None:
        self._do(not self._add)


def draft_of(org: OrganizationView) -> OrganizationDraft:
    """The draft that recreates (or edits) an organisation as it is now."""
    return OrganizationDraft(org.name, org.kind, org.meeting_cadence, org.dues_per_year,
                             org.hours_per_month, ", ".join(org.professions), org.notes,
                             org.last_attended_on)


class DeleteOrganizationCommand(_DoneOnce):
    """Delete an organisation; undo recreates it and the user's membership of it."""

    def __init__(self, service: OrganizationService, org: OrganizationView,
                 membership: MembershipView | None, changed: Changed) -> None:
        super().__init__(_t("Delete “{name}”").format(name=org.name), changed)
        self._service, self._org, self._membership, self._id = service, org, membership, org.id

    def again(self) -> None:
        self._service.delete(self._id)

    def back(self) -> None:
        self._id = self._service.create(draft_of(self._org))
        m = self._membership
        if m is not None:
            self._service.join(self._id, m.role, m.visibility_positions, m.since)


class MembershipCommand(_DoneOnce):
    """Join (or edit a membership), or leave (``after`` is None); undo restores ``before``."""

    def __init__(self, service: OrganizationService, organization_id: int, name: str,
                 before: MembershipView | None, after: tuple[str, str, dt.date | None] | None,
                 changed: Changed) -> None:
        text = _t("Leave “{name}”") if after is None else _t("Join “{name}”")
        super().__init__(text.format(name=name), changed)
        self._service, self._org = service, organization_id
        self._before, self._after = before, after

    def _apply(self, role: str, positions: str, since: dt.date | None) -> None:
        self._service.join(self._org, role, positions, since)

    def again(self) -> None:
        if self._after is None:
            self._service.leave(self._org)
        else:
            self._apply(*self._after)

    def back(self) -> None:
        b = self._before
        if b is None:
            self._service.leave(self._org)
        else:
            self._apply(b.role, b.visibility_positions, b.since)
