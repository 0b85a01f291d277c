"""Time kit builds: a prep pack for an event with 200 attendees, and the one-page handout.

Run: ``.venv/bin/python bench/bench_kits.py``. Aims: prep pack < 1 s, handout < 0.3 s.
Prints the first (cold: fonts parsed) and the median of five warm builds.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wombat_desktop.core.kits.data import Attendee, KitKind, Paper  # noqa: E402
from wombat_desktop.services.demo import DemoService  # noqa: E402
from wombat_desktop.services.kits import KitService, render  # noqa: E402
from wombat_desktop.storage.database import Database  # noqa: E402

NAMES = ["José Ødegård", "Ольга Иванова", "Γιώργος Παπαδόπουλος", "王小明", "佐藤健", "김민준"]


def timed(fn: object, runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def main() -> None:
    today = dt.date(2026, 11, 22)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{tmp}/w.sqlite3", Path(tmp) / "backups")
        try:
            DemoService(db, lambda: today).fill(contacts=1000)
            kits = KitService(db, lambda: today)
            data = kits.data(KitKind.PREP)
            assert data.event is not None
            base = data.event.attendees[0]
            people = tuple(
                Attendee(i, f"{NAMES[i % len(NAMES)]} {i}", base.company, base.title,
                         base.tie, base.last_on, base.last_kind, base.last_summary,
                         i % 3, base.goal or "Ask about their new location", "")
                for i in range(200))
            data.event = type(data.event)(**{**{f: getattr(data.event, f) for f in
                                                data.event.__slots__}, "attendees": people})
            out = Path(tmp)
            cold, warm = timed(lambda: render(KitKind.PREP, data, out / "p.pdf", Paper.A4))
            pages = render(KitKind.PREP, data, out / "p.pdf", Paper.A4).pages
            print(f"prep pack, 200 attendees ({pages} pages): first {cold:.3f} s, "
                  f"median {warm:.3f} s (aim < 1 s)")
            cold, warm = timed(lambda: kits.build(KitKind.HANDOUT, out / "h.pdf"))
            print(f"handout, read + layout (2 pages): first {cold:.3f} s, median {warm:.3f} s "
                  "(aim < 0.3 s)")
        finally:
            db.close()


if __name__ == "__main__":
    main()
