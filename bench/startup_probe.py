"""Child process of bench_contacts.py: start the app (or a bare Qt table) and report the
wall-clock time of the first paint of a populated table, then exit.

Usage: python bench/startup_probe.py app|bare ROWS_OR_DB_URL
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _paint_probe(widget, app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject

    class Probe(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            model = getattr(widget.parent(), "model", lambda: None)()
            if event.type() == QEvent.Type.Paint and model is not None and model.rowCount():
                print(f"PAINTED {time.time():.6f} rows={model.rowCount()}", flush=True)
                app.quit()
            return False

    probe = Probe(widget)
    widget.installEventFilter(probe)


def bare(rows: int) -> None:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    class Model(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.data_ = [(f"Person {i}", f"Company {i % 997}", f"p{i}@example.com")
                          for i in range(rows)]

        def rowCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008
            return 0 if parent.isValid() else len(self.data_)

        def columnCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008
            return 3

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.data_[index.row()][index.column()]
            return None

    app = QApplication(sys.argv[:1])
    view = QTableView()
    model = Model()
    view.setModel(model)
    view.resize(1280, 800)
    _paint_probe(view.viewport(), app)
    view.show()
    app.exec()


def full(url: str) -> None:
    from PySide6.QtWidgets import QApplication

    from wombat_desktop.app import build_window, open_services

    app = QApplication(sys.argv[:1])
    services, ini = open_services(url)
    window = build_window(services, ini)  # exactly what `wombat` does
    _paint_probe(window.contacts_page.table.viewport(), app)
    window.show()
    app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare(int(sys.argv[2]))
    else:
        full(sys.argv[2])
