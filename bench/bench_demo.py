"""Time `DemoService.fill` on a fresh SQLite file.

Run: ``.venv/bin/python bench/bench_demo.py [sizes...]`` (default 300 10000 50000).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wombat_desktop.core.model import Tie  # noqa: E402
from wombat_desktop.services.contacts import ContactService  # noqa: E402
from wombat_desktop.services.demo import DemoService  # noqa: E402
from wombat_desktop.storage.database import Database  # noqa: E402


def bench(size: int) -> None:
    """Fill a new database with *size* contacts and print the time and the tie split."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{tmp}/w.sqlite3", Path(tmp) / "backups")
        try:
            start = time.perf_counter()
            summary = DemoService(db).fill(contacts=size)
            fill = time.perf_counter() - start
            start = time.perf_counter()
            items = ContactService(db).list_items()
            listing = time.perf_counter() - start
            strong = sum(1 for i in items if i.tie is Tie.STRONG)
            size_mb = (Path(tmp) / "w.sqlite3").stat().st_size / 1e6
        finally:
            db.close()
    print(f"{size:>7,} contacts: fill {fill:6.2f} s | list {listing:5.2f} s | "
          f"strong {strong:,} ({100 * strong / len(items):.1f}%) weak {len(items) - strong:,} | "
          f"{summary.interactions:,} interactions, {summary.referrals:,} referrals, "
          f"{summary.follow_ups:,} follow-ups | {size_mb:.1f} MB")


def main(argv: list[str]) -> None:
    for size in [int(a) for a in argv] or [300, 10_000, 50_000]:
        bench(size)


if __name__ == "__main__":
    main(sys.argv[1:])
