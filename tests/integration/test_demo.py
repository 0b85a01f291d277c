"""`DemoService.fill` on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from wombat_desktop.core import demo_plan as plan
from wombat_desktop.core.errors import CancelledError, ValidationError
from wombat_desktop.core.model import LunchStatus, Tie
from wombat_desktop.core.progress import CancelToken
from wombat_desktop.services.contacts import ContactService
from wombat_desktop.services.demo import DemoService, DemoSummary
from wombat_desktop.storage.database import Database
from wombat_desktop.storage.orm import (
    ChecklistItemRow,
    ContactRow,
    EventAttendeeRow,
    EventRow,
    FollowUpRow,
    InteractionRow,
    ProfileRow,
    ReferralRow,
)

TODAY = dt.date(2025, 6, 1)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(f"sqlite:///{tmp_path}/w.sqlite3", tmp_path / "backups")
    yield database
    database.close()


@pytest.fixture
def filled(db: Database) -> tuple[Database, DemoSummary]:
    return db, DemoService(db, today=lambda: TODAY).fill()


def _scalars(db: Database, stmt: object) -> list:
    with db.unit_of_work() as uow:
        return list(uow.session.execute(stmt).scalars())  # type: ignore[call-overload]


def test_names_in_several_scripts(filled: tuple[Database, DemoSummary]) -> None:
    db, summary = filled
    assert summary.contacts == 300
    names = [i.name for i in ContactService(db, lambda: TODAY).list_items()]
    assert len(names) == 300  # the list leaves out the user's own card
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in n) for n in names)
    assert any(any("\u0400" <= ch <= "\u04ff" for ch in n) for n in names)
    assert any(any(ch in "éèüöäłøåñçãó" for ch in n) for n in names)


def test_strong_and_weak_both_present(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    items = ContactService(db, lambda: TODAY).list_items()
    strong = sum(1 for i in items if i.tie is Tie.STRONG)
    assert 0.15 <= strong / len(items) <= 0.27
    assert any(i.tie is Tie.WEAK for i in items)
    assert any(i.tie_is_override for i in items) or len(items) < 500


def test_referrals_both_directions(filled: tuple[Database, DemoSummary]) -> None:
    db, summary = filled
    directions = _scalars(db, select(ReferralRow.direction).distinct())
    assert set(directions) == {"given", "received"}
    assert summary.referrals == len(_scalars(db, select(ReferralRow.id)))


def test_every_lunch_status(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    statuses = set(_scalars(db, select(FollowUpRow.status).distinct()))
    assert statuses == {s.value for s in LunchStatus}


def test_checklist_titles_exact(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    titles = _scalars(db, select(ChecklistItemRow.title)
                      .where(ChecklistItemRow.section == "material")
                      .order_by(ChecklistItemRow.number))
    assert titles == plan.MATERIAL_TITLES
    assert len(titles) == 18
    assert len(_scalars(db, select(ChecklistItemRow.id)
                        .where(ChecklistItemRow.section == "tool"))) == 3


def test_upcoming_event_has_attendees(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    now = dt.datetime.combine(TODAY, dt.time())
    with db.unit_of_work() as uow:
        event_id = uow.session.execute(
            select(EventRow.id).where(EventRow.starts_at > now)).scalar_one()
        n = uow.session.execute(select(func.count()).select_from(EventAttendeeRow)
                                .where(EventAttendeeRow.event_id == event_id)).scalar_one()
    assert n >= 12


def test_self_contact_and_profile(filled: tuple[Database, DemoSummary]) -> None:
    db, summary = filled
    assert _scalars(db, select(ContactRow.id).where(ContactRow.is_self.is_(True))) == [
        summary.self_contact_id]
    assert _scalars(db, select(ProfileRow.contact_id)) == [summary.self_contact_id]


def test_refuses_a_database_with_contacts(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    with pytest.raises(ValidationError, match="already holds"):
        DemoService(db, today=lambda: TODAY).fill(contacts=10)


def test_replace_deletes_old_data_first(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    summary = DemoService(db, today=lambda: TODAY).fill(contacts=40, seed=2, replace=True)
    assert len(_scalars(db, select(ContactRow.id))) == 41
    assert len(_scalars(db, select(ChecklistItemRow.id))) == 21
    assert len(_scalars(db, select(InteractionRow.id))) == summary.interactions
    assert list(db.backups.glob("wombat-*before-demo*.sqlite3"))


def test_same_seed_same_data(tmp_path: Path) -> None:
    rows = []
    for name in ("a", "b"):
        database = Database.open(f"sqlite:///{tmp_path}/{name}.sqlite3", tmp_path / name)
        try:
            DemoService(database, today=lambda: TODAY).fill(contacts=60, seed=11)
            with database.unit_of_work() as uow:
                rows.append(uow.session.execute(
                    select(ContactRow.display_name, ContactRow.primary_email,
                           ContactRow.relation).order_by(ContactRow.id)).all())
        finally:
            database.close()
    assert rows[0] == rows[1]


def test_progress_and_cancel(db: Database) -> None:
    seen: list[tuple[int, int, str]] = []
    DemoService(db, today=lambda: TODAY).fill(
        contacts=30, progress=lambda d, t, label="": seen.append((d, t, label)))
    assert seen[-1][0] == seen[-1][1]
    assert len(seen) > 3

    token = CancelToken()

    def cancel_soon(done: int, total: int, label: str = "") -> None:
        token.cancel()

    with pytest.raises(CancelledError):
        DemoService(db, today=lambda: TODAY).fill(contacts=30, progress=cancel_soon,
                                                  cancel=token, replace=True)
    assert len(_scalars(db, select(ContactRow.id))) == 31  # rolled back


@pytest.mark.slow
def test_fill_50k(db: Database) -> None:
    summary = DemoService(db, today=lambda: TODAY).fill(contacts=50_000)
    items = ContactService(db, lambda: TODAY).list_items()
    assert len(items) == 50_000
    strong = sum(1 for i in items if i.tie is Tie.STRONG)
    assert 0.15 <= strong / len(items) <= 0.27
    assert 2 <= summary.interactions / summary.contacts <= 4
