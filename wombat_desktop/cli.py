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
from pathlib import Path
from typing import Any

from wombat_desktop import __version__
from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.model import Tie
from wombat_desktop.core.ties import plural
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
    demo.add_argument("--contacts", type=int, default=300, metavar="N",
                      help="how many people (default 300; 50,000 takes about 15 s)")
    demo.add_argument("--seed", type=int, default=7, help="the same seed gives the same network")
    demo.add_argument("--replace", action="store_true",
                      help="delete what the database holds first")

    stats = sub.add_parser("stats", help="totals: contacts, strong and weak ties")
    stats.add_argument("--json", action="store_true", help="print a JSON object")

    contacts = sub.add_parser("contacts", help="list contacts")
    contacts.add_argument("--tie", choices=[t.value for t in Tie], help="only strong or weak")
    contacts.add_argument("--search", metavar="TEXT", default="",
                          help="names in any script, companies, e-mails, phones")
    contacts.add_argument("--json", action="store_true", help="print a JSON list")

    imp = sub.add_parser("import", help="import vCard or CSV files (folders too)")
    imp.add_argument("paths", nargs="*", metavar="PATH",
                     help="vCard (.vcf) or CSV files, or folders holding them")
    imp.add_argument("--dry-run", action="store_true", help="read and compare, write nothing")
    imp.add_argument("--json", action="store_true",
                     help="print per-file results and totals as JSON")
    imp.add_argument("--undo", type=int, metavar="BATCH", help="take an import back")
    imp.add_argument("--list", action="store_true", help="list the import batches")

    exp = sub.add_parser("export", help="export contacts as vCard or CSV")
    exp.add_argument("--format", choices=["vcard4", "vcard3", "csv"], default="vcard4",
                     help="vCard 4.0 (default), vCard 3.0, or CSV in Google's layout")
    exp.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    exp.add_argument("--tie", choices=[t.value for t in Tie], help="only strong or weak")

    dup = sub.add_parser("duplicates", help="list likely duplicate people")
    dup.add_argument("--json", action="store_true", help="print a JSON list of pairs")
    dup.add_argument("--min-score", type=int, default=80, choices=range(0, 101),
                     metavar="0-100", help="least score of a likely pair (default 80)")

    from wombat_desktop.cli_followups import add_parsers as add_followup_parsers
    from wombat_desktop.cli_kits import add_parsers as add_kit_parsers
    from wombat_desktop.cli_scan import add_parsers as add_scan_parsers  # issue 4

    COMMANDS.update(add_followup_parsers(sub))
    COMMANDS.update(add_kit_parsers(sub))
    COMMANDS.update(add_scan_parsers(sub))  # issue 4

    snap = sub.add_parser("snapshot", help="render a page of the app to a PNG")
    snap.add_argument("page", nargs="?", help="a page name (see --list)")
    snap.add_argument("--out", metavar="FILE.png", help="the PNG to write")
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
    # Indented for people; a long list is written compact, which lets the C encoder do it
    # (50,000 contacts: 0.4 s instead of 4.5 s).
    indent = 2 if not isinstance(value, list) or len(value) < 2000 else None
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=indent))
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


CONTACT_SUFFIXES = {".vcf", ".vcard", ".csv"}


def _expand(paths: Sequence[str]) -> list[str]:
    """Files as given; folders become the contact files inside them (recursively)."""
    out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*"))
                       if p.is_file() and p.suffix.lower() in CONTACT_SUFFIXES)
        else:
            out.append(raw)
    return out


def cmd_import(args: argparse.Namespace) -> int:
    services = _open(args)
    importing = services.importing
    if args.list:
        batches = importing.batches()
        if args.json:
            _print_json([b.as_json() for b in batches])
        for b in [] if args.json else batches:
            state = f"undone {b.undone_at:%Y-%m-%d %H:%M}" if b.undone_at else "active"
            print(f"{b.id:>5}  {b.created_at:%Y-%m-%d %H:%M}  {b.imported:>6} new  "
                  f"{b.merged:>6} merged  {b.errors:>4} errors  {state}  {b.label}")
        return 0
    if args.undo is not None:
        batch = importing.undo(args.undo)
        if args.json:
            _print_json(batch.as_json())
        else:
            print(f"Import {batch.id} undone: {batch.imported:,} new contacts moved to the "
                  f"trash, {batch.merged:,} merges reverted.")
        return 0
    if not args.paths:
        raise WombatError("import needs at least one PATH (or --list / --undo BATCH).")
    files = _expand(args.paths)
    if not files:
        raise WombatError("No vCard or CSV files found there.")
    result = importing.import_paths(files, dry_run=args.dry_run)
    totals = result.totals()
    if args.json:
        _print_json(result.as_json())
    else:
        for f in result.files:
            print(f"{f.path}: {f.found} found, {f.imported} new, {f.merged} merged, "
                  f"{plural(len(f.errors), 'error')}")
            item = "row" if f.format not in ("vcard", "") else "card"
            for e in f.errors:
                where = f"{item} {e.card} (line {e.line}): " if e.card else ""
                print(f"  {where}{e.message}")
        would = args.dry_run
        print(f"{'Would import' if would else 'Imported'} {totals['imported']:,} new, "
              f"{'would merge' if would else 'merged'} {totals['merged']:,}; "
              f"{plural(totals['to_review'], 'possible duplicate')} to review; "
              f"{plural(totals['errors'], 'error')}."
              + (f" Undo with: wombat import --undo {result.batch_id}" if result.batch_id
                 else ""))
    read = totals["imported"] + totals["merged"]
    if totals["errors"] and not read:
        return 1
    if totals["found"] == 0 and not read:
        return 1
    return 2 if totals["errors"] else 0


def cmd_export(args: argparse.Namespace) -> int:
    from wombat_desktop.services.exporting import ExportFormat

    services = _open(args)
    count = services.exporting.export(ExportFormat(args.format), args.out,
                                      tie=Tie(args.tie) if args.tie else None)
    print(f"Exported {count:,} contacts to {args.out}")
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    services = _open(args)
    pairs = services.duplicates.find(min_score=args.min_score)
    if args.json:
        _print_json([{"a": p.a, "b": p.b, "score": p.score, "reasons": list(p.reasons),
                      "exact": p.exact} for p in pairs])
        return 0
    names = {i.id: i.name for i in services.contacts.list_items()}
    for p in pairs:
        print(f"{p.score:>3}  {p.a:>6} {names.get(p.a, '?')}  ~  {p.b:>6} "
              f"{names.get(p.b, '?')}  ({'; '.join(p.reasons)})")
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
    "import": cmd_import,
    "export": cmd_export,
    "duplicates": cmd_duplicates,
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
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"wombat: cannot write or read{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
