"""`wombat scan IMAGE...`: business cards to contacts from the command line (no Qt).

Exit status: 0 when every image was read, 2 when some could not be (the others are still
read and, with ``--save``, saved), 1 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from wombat_desktop.core.errors import WombatError

Handler = Callable[[argparse.Namespace], int]


def add_parsers(sub: Any) -> dict[str, Handler]:
    """Add the ``scan`` subcommand; returns {command: handler}."""
    scan = sub.add_parser("scan", help="read business-card photos or scans (offline OCR)")
    scan.add_argument("images", nargs="+", metavar="IMAGE",
                      help="JPEG/PNG photos, PDF scans (first page), or folders of them")
    scan.add_argument("--json", action="store_true",
                      help="print a JSON list with one object per image")
    scan.add_argument("--save", action="store_true", help="add the cards as contacts")
    scan.add_argument("--region", metavar="CC", type=str.upper,
                      help="country for numbers without a country code (default US)")
    scan.add_argument("--event", default="", metavar="NAME",
                      help="with --save: tag the contacts with the event you met them at")
    return {"scan": cmd_scan}


def cmd_scan(args: argparse.Namespace) -> int:
    from wombat_desktop.cli import _open
    from wombat_desktop.core.ocr import image_files

    if args.region and (len(args.region) != 2 or not args.region.isalpha()):
        raise WombatError(f"--region must be a two-letter country code, not {args.region!r}.")
    files = image_files(args.images)
    if not files:
        raise WombatError("No card images found there.")
    services = _open(args)
    scanning = services.scanning
    if args.region:
        scanning.region = args.region

    def progress(done: int, total: int, label: str = "") -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{label} ({done}/{total})\033[K")

    results = scanning.scan(files, args.region, progress)
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
    summary = scanning.save_results(results, args.event) if args.save else None
    if args.json:
        from wombat_desktop.cli import _print_json

        _print_json([r.as_json() for r in results])
    else:
        for r in results:
            if r.error:
                print(f"{r.path}: {r.error}")
                continue
            data = r.as_json()
            phones = ", ".join(p["value"] for p in data["phones"])
            print(f"{r.path}: {data['name'] or '(no name)'} | {data['title']} | "
                  f"{data['company']} | {phones} | {', '.join(data['emails'])} "
                  f"({data['confidence']:.0%} sure)")
    for r in results:
        if r.error and args.json:
            print(f"wombat: {r.error}", file=sys.stderr)
    if summary is not None:
        print(f"Saved {len(summary.created)} contacts (undo with: wombat import --undo "
              f"{summary.batch_id}).", file=sys.stderr)
        for reason in summary.skipped:
            print(f"wombat: not saved: {reason}", file=sys.stderr)
    return 2 if any(r.error for r in results) else 0
