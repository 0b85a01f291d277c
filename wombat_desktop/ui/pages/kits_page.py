"""The Print kits page: choose event, kit and paper, build off the UI thread, preview, print."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTemporaryDir, Signal
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.kits.data import KitKind, Paper, paper_for_region
from wombat_desktop.services.kits import KitResult, KitService, check_target
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.widgets.pdf_preview import (
    PdfPreview,
    paint_pages,
    print_dpi,
    render_pages,
)


@dataclass(frozen=True, slots=True)
class BuiltKit:
    """A kit written to a temporary file, with its pages rendered for the preview."""

    result: KitResult
    images: list[QImage]


def locale_region(locale: QLocale | None = None) -> str:
    """The locale's territory as an ISO 3166 code ("en_US" -> "US"; "" when it has none)."""
    territory = (locale or QLocale()).name().rpartition("_")[2]
    return territory.upper() if len(territory) == 2 and territory.isalpha() else ""


def default_paper(locale: QLocale | None = None) -> Paper:
    """US Letter where the locale's territory uses it (US, Canada, Mexico …), A4 elsewhere."""
    return paper_for_region(locale_region(locale))


class KitsPage(QWidget):
    """Builds a kit PDF, shows its pages, saves or prints it."""

    built = Signal(object)  # KitResult
    printed = Signal(bool)
    message = Signal(str)

    def __init__(self, kits: KitService, jobs: JobRunner,
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kits, self._jobs, self._today = kits, jobs, today
        self._temp = QTemporaryDir()
        self._builds = 0
        self.result: KitResult | None = None
        self.print_dialog: QPrintDialog | None = None
        self.printer: QPrinter | None = None
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.event_combo = QComboBox(self)
        self.event_combo.setAccessibleName(self.tr("Event"))
        self.event_combo.setMinimumContentsLength(36)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(self.tr("Kit"))
        for kind, label, tip in (
            (KitKind.HANDOUT, self.tr("Handout to give away"),
             self.tr("A one-page introduction with a QR code, plus cut-out referral cards")),
            (KitKind.PREP, self.tr("Prep pack to carry"),
             self.tr("Your script, hooks, goals, an attendee cheat sheet and note cards")),
            (KitKind.CALLSHEET, self.tr("Call sheet"),
             self.tr("The lunches to call about, with what to say")),
            (KitKind.PLAN, self.tr("The whole plan"),
             self.tr("Every WOMBAT section as filled in, for a binder")),
        ):
            self.kind_combo.addItem(label, kind)
            self.kind_combo.setItemData(self.kind_combo.count() - 1, tip,
                                         Qt.ItemDataRole.ToolTipRole)
        self.kind_combo.setCurrentIndex(1)
        self.paper_combo = QComboBox(self)
        self.paper_combo.setAccessibleName(self.tr("Paper"))
        self.paper_combo.addItem(self.tr("A4"), Paper.A4)
        self.paper_combo.addItem(self.tr("US Letter"), Paper.LETTER)
        try:  # the profile's region first, the locale's when it has none
            paper = self._kits.default_paper(locale_region())
        except WombatError:
            paper = default_paper()
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(paper))
        form.addRow(self.tr("&Event:"), self.event_combo)
        form.addRow(self.tr("&Kit:"), self.kind_combo)
        form.addRow(self.tr("&Paper:"), self.paper_combo)

        bar = QHBoxLayout()
        self.build_button = QPushButton(self.tr("&Build"), self)
        self.build_button.setDefault(True)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Building"))
        self.progress.setRange(0, 0)  # busy: reportlab reports no steps
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Build status"))
        self.save_button = QPushButton(self.tr("&Save PDF…"), self)
        self.print_button = QPushButton(self.tr("P&rint…"), self)
        for b in (self.save_button, self.print_button):
            b.setEnabled(False)
        bar.addWidget(self.build_button)
        bar.addWidget(self.progress)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)

        top = QHBoxLayout()
        top.addLayout(form, 0)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addLayout(bar)
        self.notice_label = QLabel(self)
        self.notice_label.setWordWrap(True)
        self.notice_label.setAccessibleName(self.tr("Scripts that cannot print"))
        self.notice_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice_label.setMargin(8)
        self.notice_label.hide()
        layout.addWidget(self.notice_label)
        self.preview = PdfPreview(self)
        self.preview.set_placeholder(self.tr("Choose a kit and press Build to see its pages."))
        layout.addWidget(self.preview, 1)

    def _connect(self) -> None:
        self.build_button.clicked.connect(self._on_build_button_clicked)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)

    # --- choices --------------------------------------------------------------------

    def reload(self) -> None:
        """Refill the events (the next upcoming one chosen, unless one was chosen before)."""
        keep = self.event_combo.currentData()
        try:
            events = self._kits.events()
            upcoming = self._kits.resolve_event(None)
        except WombatError as exc:
            self.message.emit(str(exc))
            return
        self.event_combo.clear()
        for e in events:  # upcoming (soonest first), then past (most recent first)
            when = e.starts_at.strftime("%Y-%m-%d") if e.starts_at else self.tr("no date")
            text = (self.tr("{name} — {when} ({n} expected, {w} new met there)") if e.walk_ins
                    else self.tr("{name} — {when} ({n} expected)"))
            self.event_combo.addItem(text.format(name=e.name, when=when, n=e.expected,
                                                 w=e.walk_ins), e.id)
        if not events:
            self.event_combo.addItem(self.tr("No events yet (add one on the Events page)"), None)
        chosen = keep if self.event_combo.findData(keep) >= 0 and keep is not None else upcoming
        self.event_combo.setCurrentIndex(max(0, self.event_combo.findData(chosen)))
        self._on_kind_combo_current_index_changed(self.kind_combo.currentIndex())

    def _on_kind_combo_current_index_changed(self, _index: int) -> None:
        kind = KitKind(self.kind_combo.currentData())
        # Call sheet and plan do not depend on an event; the handout takes its hook/script.
        self.event_combo.setEnabled(kind in (KitKind.PREP, KitKind.HANDOUT))

    def choose(self, kind: KitKind, paper: Paper, event_id: int | None = None) -> None:
        """Set the three choices (as a user picking them would)."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(paper))
        if event_id is not None:
            self.event_combo.setCurrentIndex(self.event_combo.findData(event_id))

    # --- building -------------------------------------------------------------------

    def _on_build_button_clicked(self) -> None:
        self.build()

    def build(self) -> None:
        """Build the chosen kit off the UI thread; `built` fires when the preview shows."""
        kind = KitKind(self.kind_combo.currentData())  # Qt hands StrEnums back as str
        paper = Paper(self.paper_combo.currentData())
        event = self.event_combo.currentData() if self.event_combo.isEnabled() else None
        self._builds += 1
        out = Path(self._temp.path()) / f"kit-{self._builds}-{kind.value}-{paper.value}.pdf"
        dpi = self.logicalDpiX() * self.devicePixelRatioF() * 1.25
        kits = self._kits

        def work() -> BuiltKit:
            result = kits.build(kind, out, event=event, paper=paper)
            return BuiltKit(result, render_pages(result.path, dpi))

        self.build_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.progress.show()
        self.status_label.setText(self.tr("Building the {kit} …").format(
            kit=self.kind_combo.currentText().lower()))
        self._jobs.start(work, self._on_built)

    def _on_built(self, built: BuiltKit | None, error: BaseException | None) -> None:
        self.progress.hide()
        self.build_button.setEnabled(True)
        if error is not None or built is None:
            self.status_label.setText(self.tr("Not built."))
            prompts.error(self, self.tr("Could not build the kit"), str(error))
            return
        r = built.result
        self.result = r
        self.preview.set_pages(built.images)
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        paper = self.paper_combo.itemText(self.paper_combo.findData(r.paper))
        self.status_label.setText(self.tr("{n} page(s) on {paper}.").format(n=r.pages,
                                                                            paper=paper))
        self._show_notice(r)
        self.built.emit(r)

    def _show_notice(self, r: KitResult) -> None:
        parts: list[str] = []
        if r.missing_scripts:
            parts.append(self.tr(
                "<b>Cannot print on this computer:</b> {scripts}. No installed font has these "
                "letters, so names and texts in them are left out or shown as boxes. Install a "
                "font that covers them (for example WenQuanYi Micro Hei or DejaVu Sans) and "
                "build again.").format(scripts=escape(", ".join(r.missing_scripts))))
        parts += [escape(n) for n in r.notes]
        self.notice_label.setText("<br>".join(parts))
        self.notice_label.setVisible(bool(parts))

    # --- saving and printing ------------------------------------------------------------

    def _on_save_button_clicked(self) -> None:
        if self.result is None:
            return
        name = f"{self.result.kind.value}-{self._today():%Y-%m-%d}.pdf"
        dialog = QFileDialog(self, self.tr("Save the kit as PDF"), str(Path.home() / name),
                             self.tr("PDF files (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.save_to)
        self.save_dialog = dialog
        dialog.open()

    def save_to(self, target: str) -> Path | None:
        """Copy the built PDF to ``target`` (via ``*.part`` and a rename)."""
        if self.result is None or not target:
            return None
        try:
            path = check_target(target)
        except WombatError as exc:
            prompts.error(self, self.tr("Could not save the PDF"), str(exc))
            return None
        part = path.with_name(path.name + ".part")
        try:
            shutil.copyfile(self.result.path, part)
            part.replace(path)
        except OSError as exc:
            part.unlink(missing_ok=True)
            prompts.error(self, self.tr("Could not save the PDF"), str(exc))
            return None
        self.message.emit(self.tr("Saved {path}.").format(path=path))
        return path

    def _on_print_button_clicked(self) -> None:
        if self.result is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = QPageSize.PageSizeId.Letter if self.result.paper is Paper.LETTER \
            else QPageSize.PageSizeId.A4
        printer.setPageSize(QPageSize(size))
        printer.setDocName(self.kind_combo.currentText())
        printer.setFullPage(False)
        self.printer = printer
        self.print_dialog = QPrintDialog(printer, self)
        self.print_dialog.accepted.connect(self.print_now)
        self.print_dialog.open()

    def print_now(self) -> None:
        """Rasterise the pages at printer resolution off the UI thread, then print them."""
        if self.result is None or self.printer is None:
            return
        printer, path, dpi = self.printer, self.result.path, print_dpi(self.printer)
        self.print_button.setEnabled(False)
        self.progress.show()
        self.status_label.setText(self.tr("Preparing pages for the printer …"))

        def done(images: list[QImage] | None, error: BaseException | None) -> None:
            self.progress.hide()
            self.print_button.setEnabled(True)
            ok = error is None and images is not None and paint_pages(printer, images)
            if not ok:
                prompts.error(self, self.tr("Could not print"), str(error or
                                                                    self.tr("Printer error")))
            self.status_label.setText(self.tr("Sent to the printer.") if ok
                                      else self.tr("Not printed."))
            self.printed.emit(ok)

        self._jobs.start(lambda: render_pages(path, dpi), done)
