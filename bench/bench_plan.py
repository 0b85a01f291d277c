"""Time the plan workbook reads at 50,000 contacts: sphere gaps, portfolio, hub, matrix.

Run: .venv/bin/python -m bench.bench_plan [contacts]
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.matrix import MatrixService
from wombat_desktop.services.organizations import OrganizationService
from wombat_desktop.services.spheres import SphereService
from wombat_desktop.services.weekly import WeeklyService
from wombat_desktop.storage.database import Database

TODAY = dt.date(2026, 11, 22)


def _median(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(contacts: int = 50_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{Path(tmp) / 'plan.sqlite3'}", Path(tmp) / "backups")
        start = time.perf_counter()
        DemoService(db, lambda: TODAY).fill(contacts=contacts)
        print(f"fill {contacts:,} contacts: {time.perf_counter() - start:.1f} s")
        spheres = SphereService(db, lambda: TODAY)
        orgs = OrganizationService(db, lambda: TODAY)
        matrix = MatrixService(db, lambda: TODAY)
        weekly = WeeklyService(db, lambda: TODAY)
        for label, fn in (("sphere gaps", spheres.gaps), ("portfolio", orgs.portfolio),
                          ("hub", spheres.hub), ("matrix", matrix.compute),
                          ("weekly review", weekly.review)):
            print(f"{label:14} {_median(fn) * 1000:8.0f} ms (median of 3)")
        result = matrix.compute()
        hub = spheres.hub()
        print(f"gaps {len(spheres.gaps())}, stage {result.stage.value!r} "
              f"({result.network}/{result.message}), hub {hub.routed_referrals} routed, "
              f"{len(hub.nodes)} nodes")
        db.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
