"""Contact spheres (WOMBAT I.3) and the hub (I.4): templates, seats, gaps, recruiting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.hub import HubView, build_hub
from wombat_desktop.core.spheres import (
    TEMPLATES,
    Coverage,
    SeatGap,
    SphereView,
    coverage,
    sphere_gaps,
)
from wombat_desktop.core.views import ContactListItem
from wombat_desktop.storage import plan_store, sphere_store
from wombat_desktop.storage.database import Database

MAX_SEATS = 40


def clean_name(text: str, what: str, limit: int = 300, *, required: bool = True) -> str:
    """Trim a one-line value; ValidationError when required and empty, or too long."""
    text = " ".join(text.split())
    if required and not text:
        raise ValidationError(f"The {what} cannot be empty.")
    if len(text) > limit:
        raise ValidationError(f"The {what} is longer than {limit} characters.")
    return text


class SphereService:
    """Spheres the user keeps, the editable templates, gaps and the hub picture."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today

    # --- reading --------------------------------------------------------------------

    def templates(self) -> list[SphereView]:
        """The sphere templates (the built-in ones are added on first use, then editable)."""
        with self._db.unit_of_work() as uow:
            if sphere_store.ensure_templates(uow.session, TEMPLATES):
                uow.commit()
        with self._db.unit_of_work() as uow:
            return sphere_store.list_spheres(uow.session, self._today(), templates=True)

    def spheres(self) -> list[SphereView]:
        """The user's spheres, their own first, seats with members (strong first)."""
        with self._db.unit_of_work() as uow:
            return sphere_store.list_spheres(uow.session, self._today())

    def sphere(self, sphere_id: int) -> SphereView:
        with self._db.unit_of_work() as uow:
            found = sphere_store.list_spheres(uow.session, self._today(), sphere_id=sphere_id)
        if not found:
            raise NotFoundError(f"Sphere {sphere_id} no longer exists.")
        return found[0]

    def gaps(self) -> list[SeatGap]:
        """Seats with no strong contact (empty first), each with where to recruit."""
        with self._db.unit_of_work() as uow:
            spheres = sphere_store.list_spheres(uow.session, self._today())
            recruiters = sphere_store.recruiters(uow.session)
        return sphere_gaps(spheres, recruiters)

    def coverage(self) -> Coverage:
        return coverage(self.spheres())

    def candidates(self, seat_id: int, limit: int = 20) -> list[ContactListItem]:
        """Contacts whose title or company names the seat's profession (not yet seated)."""
        with self._db.unit_of_work() as uow:
            seat = sphere_store.seat_row(uow.session, seat_id)
            seated = set(sphere_store.seat_member_ids(uow.session, seat_id))
            found = sphere_store.candidates(uow.session, self._today(), seat.profession,
                                            limit + len(seated))
        return [c for c in found if c.id not in seated][:limit]

    def hub(self, max_nodes: int = 60) -> HubView:
        """How central the user is, with a star picture of who they connected to whom."""
        today = self._today()
        with self._db.unit_of_work() as uow:
            s = uow.session
            links = plan_store.hub_links(s, plan_store.self_contact_id(s))
            spheres_of, total = plan_store.spheres_of_contacts(s)
            ids = {p for ln in links for p in (ln.source, ln.target) if p}
            names = plan_store.names(s, ids)
            view = build_hub(links, names, {}, spheres_of, total, max_nodes)
            shown = [n.id for n in view.nodes if n.id]
            ties = {i: item.tie.value
                    for i, item in sphere_store.items_for(s, today, shown).items()}
        return build_hub(links, names, ties, spheres_of, total, max_nodes)

    # --- writing --------------------------------------------------------------------

    def create(self, name: str, profession: str = "", seats: Sequence[str] = (), *,
               is_mine: bool = False, notes: str = "") -> int:
        """A new sphere with the given seats (professions); returns its id."""
        values = self._checked(name, profession, seats)
        with self._db.unit_of_work() as uow:
            sid = sphere_store.create_sphere(uow.session, values[0], values[1], values[2],
                                             is_mine=is_mine, notes=notes.strip())
            uow.commit()
        return sid

    def create_from_template(self, template_id: int, name: str = "", *,
                             is_mine: bool = False) -> int:
        """Copy a template (its seats, empty) into a sphere of the user's; returns its id."""
        template = self.sphere(template_id)
        if not template.is_template:
            raise ValidationError(f"“{template.name}” is not a template.")
        return self.create(name or template.name, template.profession,
                           [s.profession for s in template.seats], is_mine=is_mine,
                           notes=template.notes)

    def update(self, sphere_id: int, name: str, profession: str = "", notes: str = "", *,
               is_mine: bool = False) -> None:
        name, profession, _ = self._checked(name, profession, ())
        with self._db.unit_of_work() as uow:
            sphere_store.update_sphere(uow.session, sphere_id, name, profession, notes.strip(),
                                       is_mine)
            uow.commit()

    def delete(self, sphere_id: int) -> None:
        with self._db.unit_of_work() as uow:
            sphere_store.delete_sphere(uow.session, sphere_id)
            uow.commit()

    def add_seat(self, sphere_id: int, profession: str) -> int:
        profession = clean_name(profession, "seat's profession", 200)
        with self._db.unit_of_work() as uow:
            found = sphere_store.list_spheres(uow.session, self._today(), sphere_id=sphere_id)
            if not found:
                raise NotFoundError(f"Sphere {sphere_id} no longer exists.")
            if len(found[0].seats) >= MAX_SEATS:
                raise ValidationError(f"A sphere holds at most {MAX_SEATS} seats.")
            seat_id = sphere_store.add_seat(uow.session, sphere_id, profession)
            uow.commit()
        return seat_id

    def rename_seat(self, seat_id: int, profession: str) -> None:
        profession = clean_name(profession, "seat's profession", 200)
        with self._db.unit_of_work() as uow:
            sphere_store.rename_seat(uow.session, seat_id, profession)
            uow.commit()

    def remove_seat(self, seat_id: int) -> None:
        with self._db.unit_of_work() as uow:
            sphere_store.remove_seat(uow.session, seat_id)
            uow.commit()

    def set_members(self, seat_id: int, contact_ids: Sequence[int]) -> None:
        """Put exactly these contacts in a seat."""
        with self._db.unit_of_work() as uow:
            live = sphere_store.items_for(uow.session, self._today(), contact_ids)
            missing = [c for c in contact_ids if c not in live]
            if missing:
                raise NotFoundError(f"Contact {missing[0]} is not in your network.")
            sphere_store.set_members(uow.session, seat_id, contact_ids)
            uow.commit()

    def add_member(self, seat_id: int, contact_id: int) -> None:
        with self._db.unit_of_work() as uow:
            current = sphere_store.seat_member_ids(uow.session, seat_id)
        if contact_id not in current:
            self.set_members(seat_id, [*current, contact_id])

    def remove_member(self, seat_id: int, contact_id: int) -> None:
        with self._db.unit_of_work() as uow:
            current = sphere_store.seat_member_ids(uow.session, seat_id)
        self.set_members(seat_id, [c for c in current if c != contact_id])

    @staticmethod
    def _checked(name: str, profession: str, seats: Sequence[str]
                 ) -> tuple[str, str, list[str]]:
        cleaned = [clean_name(s, "seat's profession", 200) for s in seats if s.strip()]
        if len(cleaned) > MAX_SEATS:
            raise ValidationError(f"A sphere holds at most {MAX_SEATS} seats.")
        return (clean_name(name, "sphere's name"),
                clean_name(profession, "profession", 200, required=False), cleaned)
