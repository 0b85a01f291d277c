"""Undoable lunch, interaction, referral and cadence writes on the window's QUndoStack.

Each write runs once *before* its command is pushed (so a refused write shows its message
and never reaches the stack); the command's first `redo()` is therefore a no-op.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from wombat_desktop.core import followups as rules
from wombat_desktop.core.activity_views import InteractionView, LunchView, ReferralView
from wombat_desktop.services.followups import FollowUpService
from wombat_desktop.services.interactions import InteractionService
from wombat_desktop.services.referrals import ReferralDraft, ReferralService
from wombat_desktop.ui.models.lunch_table import kind_label

Changed = Callable[[Sequence[int]], None]  # contact ids whose figures changed


def _t(text: str) -> str:
    return QCoreApplication.translate("FollowUpCommands", text)


class _DoneOnce(QUndoCommand):
    """A command whose first redo was already done by the caller."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._fresh = True

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self.again()

    def again(self) -> None:
        raise NotImplementedError


class MoveLunchCommand(_DoneOnce):
    """A status step; undo puts the lunch back exactly (`FollowUpService.restore`)."""

    def __init__(self, service: FollowUpService, before: LunchView, after: LunchView,
                 step: Callable[[], LunchView], changed: Callable[[], None]) -> None:
        super().__init__(_t("{name}: {status}").format(
            name=after.name, status=rules.LABEL[rules.LunchStatus(after.status)]))
        self._service, self._before, self._step, self._changed = service, before, step, changed

    def again(self) -> None:
        self._step()
        self._changed()

    def undo(self) -> None:
        self._service.restore(self._before)
        self._changed()


class PlanLunchesCommand(_DoneOnce):
    """New lunches on the call list; undo deletes them, redo plans them again."""

    def __init__(self, service: FollowUpService, planned: list[LunchView],
                 again: Callable[[], list[LunchView]], changed: Callable[[], None]) -> None:
        n = len(planned)
        super().__init__(_t("Plan lunch with {name}").format(name=planned[0].name) if n == 1
                         else _t("Plan {n} lunches").format(n=n))
        self._service, self._planned, self._again, self._changed = (
            service, planned, again, changed)

    def again(self) -> None:
        self._planned = self._again()
        self._changed()

    def undo(self) -> None:
        for v in self._planned:
            self._service.delete(v.id)
        self._changed()


class EditLunchCommand(_DoneOnce):
    """Talking points and notes; undo writes the old text back."""

    def __init__(self, service: FollowUpService, before: LunchView, values: dict[str, str],
                 changed: Callable[[], None]) -> None:
        super().__init__(_t("Edit lunch notes for {name}").format(name=before.name))
        self._service, self._id, self._values, self._changed = (
            service, before.id, values, changed)
        self._old = {k: getattr(before, k) for k in values}

    def again(self) -> None:
        self._service.edit(self._id, **self._values)
        self._changed()

    def undo(self) -> None:
        self._service.edit(self._id, **self._old)
        self._changed()


class LogInteractionCommand(_DoneOnce):
    """A logged lunch, call …; undo deletes it, redo logs it again."""

    def __init__(self, service: InteractionService, view: InteractionView,
                 changed: Changed) -> None:
        super().__init__(_t("Log {kind} with {name}").format(kind=kind_label(view.kind),
                                                             name=view.contact_name))
        self._service, self._view, self._changed = service, view, changed

    def again(self) -> None:
        v = self._view
        self._view = self._service.log(v.contact_id, v.kind, v.occurred_on, v.summary)
        self._changed([v.contact_id])

    def undo(self) -> None:
        self._service.delete(self._view.id)
        self._changed([self._view.contact_id])


class RecordReferralCommand(_DoneOnce):
    """A ledger record; undo deletes it, redo records the same draft again."""

    def __init__(self, service: ReferralService, draft: ReferralDraft, view: ReferralView,
                 changed: Changed) -> None:
        super().__init__(_t("Record {kind} ({direction}) with {name}").format(
            kind=view.kind, direction=view.direction, name=view.contact_name))
        self._service, self._draft, self._view, self._changed = service, draft, view, changed

    def _ids(self) -> list[int]:
        return [i for i in (self._view.contact_id, self._view.for_contact_id) if i is not None]

    def again(self) -> None:
        self._view = self._service.record(self._draft)
        self._changed(self._ids())

    def undo(self) -> None:
        self._service.delete(self._view.id)
        self._changed(self._ids())


class SetCadenceCommand(_DoneOnce):
    """A contact's keep-in-touch days (None: the default for the tie)."""

    def __init__(self, service: InteractionService, contact_id: int, name: str,
                 before: int | None, after: int | None, changed: Changed) -> None:
        super().__init__(_t("Keep in touch with {name}").format(name=name))
        self._service, self._id, self._changed = service, contact_id, changed
        self._before, self._after = before, after

    def again(self) -> None:
        self._service.set_cadence(self._id, self._after)
        self._changed([self._id])

    def undo(self) -> None:
        self._service.set_cadence(self._id, self._before)
        self._changed([self._id])

