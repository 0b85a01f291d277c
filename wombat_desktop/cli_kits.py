"""`wombat kit …` and `wombat events`: printed kits from the command line (no Qt)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

Handler = Callable[[argparse.Namespace], int]


def add_parsers(sub: Any) -> dict[str, Handler]:
    """Add the ``kit`` and ``events`` subcommands; returns {command: handler}."""
    kit = sub.add_parser("kit", help="print a kit as PDF: handout, prep, callsheet or plan")
    kit.add_argument("kind", choices=["handout", "prep", "callsheet", "plan"])
    kit.add_argument("--out", required=True, metavar="FILE.pdf")
    kit.add_argument("--event", metavar="NAME|ID",
                     help="the event (prep packs default to the next one)")
    kit.add_argument("--paper", choices=["a4", "letter"], default=None,
                     help="default: letter when your region (the profile's, else the "
                     "locale's) uses US Letter (US, Canada, Mexico, the Philippines …), "
                     "else a4")
    events = sub.add_parser("events", help="list networking events")
    events.add_argument("--json", action="store_true")
    return {"kit": cmd_kit, "events": cmd_events}


def _kits(args: argparse.Namespace) -> Any:
    from wombat_desktop.cli import _open
    from wombat_desktop.services.kits import KitService

    services = _open(args)
    return KitService(services.db, services.today)


def cmd_kit(args: argparse.Namespace) -> int:
    result = _kits(args).build(args.kind, args.out, event=args.event, paper=args.paper)
    print(f"Wrote {result.path} ({result.pages} pages, {result.paper.value}).")
    if result.missing_scripts:
        print("wombat: no font on this machine prints " + ", ".join(result.missing_scripts)
              + ": those characters show as '?'. Install a TrueType font for them (e.g. "
              "WenQuanYi Micro Hei for Chinese, Japanese and Korean).", file=sys.stderr)
    for note in result.notes:
        print(f"wombat: {note}", file=sys.stderr)
    return 2 if result.missing_scripts else 0


def cmd_events(args: argparse.Namespace) -> int:
    events = _kits(args).events()
    if args.json:
        from wombat_desktop.cli import _print_json

        _print_json([e.as_json() for e in events])
        return 0
    for e in events:
        when = f"{e.starts_at:%Y-%m-%d %H:%M}" if e.starts_at else "no date"
        new = f" +{e.walk_ins} new" if e.walk_ins else ""
        print(f"{e.id:>5}  {when}  {e.expected:>4} expected{new}  {e.name}  {e.place}")
    return 0
