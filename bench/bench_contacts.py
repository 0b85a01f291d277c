"""Contact book at scale: cold start, keystroke-to-table, sort and memory at N contacts.

    python bench/bench_contacts.py [--contacts 50000] [--db URL]

Cold start is measured from process launch to the first paint of a populated table, for
the app and, in the same run, for a bare PySide6 window showing an N-row table.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def cold_start(kind: str, arg: str, runs: int = 3) -> float:
    """Median seconds from launching a process to its first painted, populated table."""
    times = []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run(
            [sys.executable, str(HERE / "startup_probe.py"), kind, arg],
            capture_output=True, text=True, check=True, timeout=120,
        ).stdout
        painted = float(next(line for line in out.splitlines()
                             if line.startswith("PAINTED")).split()[1])
        times.append(painted - start)
    return statistics.median(times)


def interactive(url: str) -> dict[str, float]:
    """Keystroke and sort timings inside one running window."""
    from PySide6.QtWidgets import QApplication

    from wombat_desktop.app import open_services
    from wombat_desktop.ui.main_window import MainWindow
    from wombat_desktop.ui.models.contact_table import COLUMNS

    app = QApplication.instance() or QApplication(sys.argv[:1])
    services, _ini = open_services(url)
    t = time.perf_counter()
    items = services.contacts.list_items()
    load = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(services, Path(tmp) / "w.ini")
        window.show()
        page = window.contacts_page
        page.set_all(items)
        app.processEvents()
        keystrokes = []
        for word in ("mar", "müller", "wang", "555", "王", "ив"):
            page.search_edit.clear()
            app.processEvents()
            typed = ""
            for ch in word:
                typed += ch
                t = time.perf_counter()
                page.search_edit.setText(typed)
                app.processEvents()
                keystrokes.append(time.perf_counter() - t)
        t = time.perf_counter()
        page.search_edit.clear()
        app.processEvents()
        clear = time.perf_counter() - t
        sorts = []
        for col in range(len(COLUMNS)):
            t = time.perf_counter()
            page.model.sort(col)
            app.processEvents()
            sorts.append(time.perf_counter() - t)
        window.close()
    services.db.close()
    return {
        "rows": len(items),
        "list_load_s": load,
        "keystroke_median_ms": statistics.median(keystrokes) * 1000,
        "keystroke_max_ms": max(keystrokes) * 1000,
        "clear_search_ms": clear * 1000,
        "sort_median_ms": statistics.median(sorts) * 1000,
        "sort_max_ms": max(sorts) * 1000,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=50_000)
    parser.add_argument("--db", help="an existing database URL (default: a new demo one)")
    args = parser.parse_args()
    url = args.db
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="wombat-bench-"))
        os.environ["WOMBAT_HOME"] = str(folder)
        url = f"sqlite:///{folder / 'bench.sqlite3'}"
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "wombat_desktop", "--db", url, "demo",
                        "--contacts", str(args.contacts)], check=True)
        print(f"demo fill of {args.contacts:,} contacts: {time.perf_counter() - t:.1f} s")
    bare = cold_start("bare", str(args.contacts))
    full = cold_start("app", url)
    print(f"cold start, bare PySide6 {args.contacts:,}-row table: {bare:.2f} s")
    print(f"cold start, WOMBAT main window with {args.contacts:,} contacts: {full:.2f} s "
          f"({full / bare:.2f}x bare; aim <= 1.5x)")
    for key, value in interactive(url).items():
        print(f"{key}: {value:,.1f}" if isinstance(value, float) else f"{key}: {value:,}")


if __name__ == "__main__":
    main()
