"""The command line: the same services as the window, without importing Qt.

``wombat`` alone opens the app. ``--db URL`` goes before any subcommand. JSON shapes printed
here are a contract that other tools rely on: extend them, never rename or drop keys.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from wombat_desktop import __version__
from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.model import Tie
from wombat_desktop.paths import app_paths, database_url

Handler = Callable[[argparse.Namespace], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wombat",
        description="WOMBAT Desktop - your word-of-mouth networking assistant.",
    )
    parser.add_argument("--version", action="version", version=f"wombat {__version__}")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL "
                        "(default: $WOMBAT_DB, else SQLite in the data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill the database with a demo network")
    demo.add_argument("--contacts", type=int, default=300, metavar="N")
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--replace", action="store_true",
                      help="delete what the database holds first")

    stats = sub.add_parser("stats", help="totals: contacts, strong and weak ties")
    stats.add_argument("--json", action="store_true")

    contacts = sub.add_parser("contacts", help="list contacts")
    contacts.add_argument("--tie", choices=[t.value for t in Tie])
    contacts.add_argument("--search", metavar="TEXT", default="")
    contacts.add_argument("--json", action="store_true")

    snap = sub.add_parser("snapshot", help="render a page of the app to a PNG")
    snap.add_argument("page", nargs="?")
    snap.add_argument("--out", metavar="FILE.png")
    snap.add_argument("--size", default="1280x800", metavar="WxH")
    snap.add_argument("--list", action="store_true", help="name the pages")
    return parser


def _open(args: argparse.Namespace) -> Any:
    """Open (and migrate) the database and build the services."""
    from wombat_desktop.services.registry import build_services
    from wombat_desktop.storage.database import Database

    paths = app_paths().ensure()
    db = Database.open(database_url(args.db, paths), paths.backups)
    return build_services(db)


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_demo(args: argparse.Namespace) -> int:
    from wombat_desktop.services.demo import DemoService

    if args.contacts < 1 or args.contacts > 1_000_000:
        raise WombatError("--contacts must be between 1 and 1,000,000.")
    services = _open(args)

    def progress(done: int, total: int, label: str = "") -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{label} {done}/{total}   ")

    summary = DemoService(services.db).fill(
        contacts=args.contacts, seed=args.seed, replace=args.replace, progress=progress
    )
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"Demo network ready: {summary.contacts:,} contacts, "
          f"{summary.interactions:,} interactions, {summary.referrals:,} referrals.")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    services = _open(args)
    items = services.contacts.list_items()
    totals = services.contacts.totals(items)
    data = {"contacts": totals.contacts, "strong": totals.strong, "weak": totals.weak}
    if args.json:
        _print_json(data)
    else:
        print(f"Contacts: {totals.contacts:,}  strong: {totals.strong:,}  "
              f"weak: {totals.weak:,}")
    return 0


def cmd_contacts(args: argparse.Namespace) -> int:
    services = _open(args)
    tie = Tie(args.tie) if args.tie else None
    items = services.contacts.search(args.search, tie)
    items.sort(key=lambda i: (i.sort_name, i.id))
    if args.json:
        _print_json(services.contacts.export_rows(items))
        return 0
    for i in items:
        print(f"{i.id:>6}  {i.tie.value:<6}  {i.name}  {i.organization}  {i.email}  {i.phone}")
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    from wombat_desktop.app import snapshot_pages, take_snapshot

    if args.list:
        for name in snapshot_pages():
            print(name)
        return 0
    if not args.page or not args.out:
        raise WombatError("snapshot needs a PAGE and --out FILE.png (see --list).")
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError as exc:
        raise WombatError(f"--size must look like 1280x800, not {args.size!r}.") from exc
    take_snapshot(args.db, args.page, args.out, (width, height))
    print(args.out)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from wombat_desktop.app import run_gui

    return run_gui(args.db)


COMMANDS: dict[str | None, Handler] = {
    None: cmd_gui,
    "demo": cmd_demo,
    "stats": cmd_stats,
    "contacts": cmd_contacts,
    "snapshot": cmd_snapshot,
}


def main(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    try:
        return COMMANDS[args.command](args)
    except WombatError as exc:
        print(f"wombat: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `wombat contacts --json | head`: the reader went away
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
