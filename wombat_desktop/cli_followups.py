"""`wombat followups` and `wombat lunches`: the lunch lists and the planner on the command line.

JSON shapes are a contract (extend, never rename or drop keys):

* ``followups --json`` -> ``{"nurture": [entry…], "expand": [entry…]}``, each entry with
  ``contact_id``, ``name``, ``reason``, ``status`` (a lunch status, or "new"), ``list``,
  ``follow_up_id``, ``organization``, ``phone``, ``email``, ``given``, ``last_given_on``.
* ``lunches --json`` -> ``[lunch…]`` with ``id``, ``contact_id``, ``name``, ``status``,
  ``kind``, ``list``, ``due_on``, ``starts_at`` (naive local ISO time), ``ends_at``,
  ``duration_minutes``, ``place``, ``organization``, ``phone``, ``reason``,
  ``talking_points``, ``due_state``, ``uid``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from wombat_desktop.core.activity_views import ListEntryView, LunchView
from wombat_desktop.core.model import LunchStatus

Handler = Callable[[argparse.Namespace], int]


def add_parsers(sub: Any) -> dict[str, Handler]:
    """Add the subcommands to an argparse sub-parser set; returns {name: handler}."""
    fol = sub.add_parser("followups", help="the nurture and expand lunch lists")
    fol.add_argument("--json", action="store_true")
    fol.add_argument("--open", action="store_true",
                     help="hide people whose lunch was held, followed up or declined")
    lun = sub.add_parser("lunches", help="list lunches; --ics writes the scheduled ones")
    lun.add_argument("--json", action="store_true")
    lun.add_argument("--status", action="append", choices=[s.value for s in LunchStatus],
                     help="only these statuses (repeatable)")
    lun.add_argument("--ics", metavar="FILE", help="write the scheduled lunches as iCalendar")
    return {"followups": cmd_followups, "lunches": cmd_lunches}


def _services(args: argparse.Namespace) -> Any:
    from wombat_desktop.cli import _open

    return _open(args)


def _follow_ups(args: argparse.Namespace) -> Any:
    from wombat_desktop.services.followups import FollowUpService

    services = _services(args)
    return FollowUpService(services.db, services.today)


def _print_json(value: Any) -> None:
    from wombat_desktop.cli import _print_json as dump

    dump(value)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def entry_json(e: ListEntryView) -> dict[str, Any]:
    return {
        "contact_id": e.contact_id, "name": e.name, "reason": e.reason, "status": e.status,
        "list": e.list_name, "follow_up_id": e.follow_up_id, "organization": e.organization,
        "phone": e.phone, "email": e.email, "given": e.given,
        "last_given_on": _iso(e.last_given_on), "want_business": e.want_business,
        "want_refer": e.want_refer,
    }


def lunch_json(v: LunchView) -> dict[str, Any]:
    return {
        "id": v.id, "contact_id": v.contact_id, "name": v.name, "status": v.status,
        "kind": v.kind, "list": v.list_name, "due_on": _iso(v.due_on),
        "starts_at": _iso(v.starts_at), "ends_at": _iso(v.ends_at),
        "duration_minutes": v.duration_minutes, "place": v.place,
        "organization": v.organization_name, "phone": v.phone, "reason": v.reason,
        "talking_points": v.talking_points, "due_state": v.due_state, "uid": v.ics_uid,
    }


def cmd_followups(args: argparse.Namespace) -> int:
    lists = _follow_ups(args).lists(include_finished=not args.open)
    if args.json:
        _print_json({"nurture": [entry_json(e) for e in lists.nurture],
                     "expand": [entry_json(e) for e in lists.expand]})
        return 0
    for title, entries in (("Nurture: you gave, nothing came back (II.11)", lists.nurture),
                           ("Expand: people you want to work with (II.12)", lists.expand)):
        print(f"{title}: {len(entries)}")
        for e in entries:
            print(f"  {e.contact_id:>6}  {e.status:<11}  {e.name}  {e.phone or '(no phone)'}"
                  f"  - {e.reason}")
    return 0


def cmd_lunches(args: argparse.Namespace) -> int:
    """List lunches; with ``--ics`` write the scheduled ones and say only how many."""
    import sys

    service = _follow_ups(args)
    if args.ics:
        try:
            count = service.export_ics(args.ics)
        except OSError as exc:
            print(f"cannot write {args.ics}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        if not args.json:
            print(f"Wrote {count} scheduled lunch{'es' if count != 1 else ''} to {args.ics}")
            return 0
    rows = service.lunches(args.status)
    if args.json:
        _print_json([lunch_json(v) for v in rows])
        return 0
    print(f"{'id':>5}  {'status':<11}  {'when':<16}  name  place")
    for v in rows:
        when = f"{v.starts_at:%Y-%m-%d %H:%M}" if v.starts_at else (
            f"due {v.due_on:%Y-%m-%d}" if v.due_on and v.status != "declined" else "")
        print(f"{v.id:>5}  {v.status:<11}  {when:<16}  {v.name}  {v.place}")
    return 0
