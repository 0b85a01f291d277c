"""Column mapping for a CSV layout we do not know, with a live preview of the contacts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.csv_formats import ADDRESS_PARTS
from wombat_desktop.core.csv_read import decode
from wombat_desktop.core.csvfiles import (
    FIELDS,
    ColumnMapping,
    CsvFormat,
    base_field,
    mapping_for,
    read_csv,
    sniff_csv,
)
from wombat_desktop.services.settings import SettingsService

SAVED_KEY = "csv_mappings"  # name -> mapping, saved by the user
LAYOUTS_KEY = "csv_mapping_layouts"  # header signature -> last mapping used
MAX_LAYOUTS = 50
PREVIEW_CONTACTS = 10
_PREVIEW_LINES = 40  # physical lines read for the live preview (records may span lines)
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
_SLOTTED = {*ADDRESS_PARTS, "address", "address_label"}


def header_signature(headers: list[str]) -> str:
    """A key for a file layout: the same columns in the same order give the same key."""
    return "\x1f".join(" ".join(h.lower().split()) for h in headers)


def retarget(old: str, base: str) -> str:
    """The new target when the user picks ``base``: address parts keep their slot."""
    if base_field(old) == base:
        return old
    _, _, slot = old.partition("#")
    return f"{base}#{slot}" if slot and base in _SLOTTED else base


class CsvMappingDialog(QDialog):
    """Tell what each column of a generic CSV holds; the preview follows every change.

    ``sample`` is the start of the file (a few hundred KB at most are enough).
    """

    mappingSaved = Signal(str)

    def __init__(self, path: str, sample: bytes, settings: SettingsService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._settings = settings
        self._sniff = sniff_csv(sample)
        self.headers = self._sniff.headers
        text, _ = decode(sample)
        lines = text.splitlines(keepends=True)
        self._preview_data = "".join(lines[: self._sniff.header_line + _PREVIEW_LINES]).encode()
        self._mapping: ColumnMapping = {}
        self.target_combos: dict[str, QComboBox] = {}
        self.name_prompt: QInputDialog | None = None
        self._build_ui()
        self._connect()
        self._reload_saved()
        self.set_mapping(self._initial_mapping())

    # --- building -------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("Columns of %s") % Path(self.path).name)
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "<b>%1</b> is a CSV file whose layout WOMBAT does not know. Choose what each "
            "column holds; the preview below shows the contacts as they will be imported.")
            .replace("%1", Path(self.path).name.replace("<", "&lt;")), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.info_label = QLabel(self.tr("%1 columns · encoding %2 · separator %3").replace(
            "%1", str(len(self.headers))).replace("%2", self._sniff.encoding).replace(
            "%3", self.tr(SEPARATORS.get(self._sniff.delimiter, self._sniff.delimiter))),
            self)
        self.info_label.setEnabled(False)  # secondary text, in the palette's disabled colour
        layout.addWidget(self.info_label)

        bar = QHBoxLayout()
        saved_label = QLabel(self.tr("&Saved mapping:"), self)
        self.saved_combo = QComboBox(self)
        self.saved_combo.setAccessibleName(self.tr("Saved mapping"))
        self.saved_combo.setMinimumContentsLength(18)
        saved_label.setBuddy(self.saved_combo)
        self.save_button = QPushButton(self.tr("Save mapping &as…"), self)
        bar.addWidget(saved_label)
        bar.addWidget(self.saved_combo)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.columns_table = QTableWidget(len(self.headers), 3, splitter)
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Sample values"), self.tr("Imports as")])
        self.columns_table.setAccessibleName(self.tr("Columns and what they hold"))
        self.columns_table.setTabKeyNavigation(False)  # Tab moves through the combo boxes
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns_table.verticalHeader().hide()
        samples = self._samples()
        for row, header in enumerate(self.headers):
            self.columns_table.setItem(row, 0, QTableWidgetItem(header))
            sample = QTableWidgetItem(samples[row])
            sample.setToolTip(samples[row])
            self.columns_table.setItem(row, 1, sample)
            combo = QComboBox(self.columns_table)
            for key, label in FIELDS.items():
                combo.addItem(self.tr(label), key)
            combo.setAccessibleName(self.tr("Column %s imports as") % header)
            self.columns_table.setCellWidget(row, 2, combo)
            self.target_combos[header] = combo
        _fit_columns(self.columns_table, (0, 2))

        preview = QWidget(splitter)
        box = QVBoxLayout(preview)
        box.setContentsMargins(0, 6, 0, 0)
        self.preview_label = QLabel(preview)
        box.addWidget(self.preview_label)
        self.preview_table = QTableWidget(0, 4, preview)
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("E-mail"), self.tr("Phone"), self.tr("Company")])
        self.preview_table.setAccessibleName(self.tr("Preview of the contacts"))
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().hide()
        self.preview_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.preview_table, 1)
        splitter.addWidget(self.columns_table)
        splitter.addWidget(preview)
        splitter.setSizes([330, 250])
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Use these columns"))
        ok.setDefault(True)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        for header, combo in self.target_combos.items():
            combo.activated.connect(
                lambda _i, h=header, c=combo: self._on_target_combo_activated(h, c))
        self.saved_combo.activated.connect(self._on_saved_combo_activated)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _samples(self) -> list[str]:
        samples = []
        for col in range(len(self.headers)):
            values = [r[col].strip() for r in self._sniff.preview if r[col].strip()]
            samples.append(" · ".join(" ".join(v.split())[:40] for v in values[:3]))
        return samples

    # --- the mapping ----------------------------------------------------------------

    def _initial_mapping(self) -> ColumnMapping:
        layouts = self._settings.get_json(LAYOUTS_KEY, {})
        remembered = layouts.get(header_signature(self.headers)) if isinstance(
            layouts, dict) else None
        guess = mapping_for(CsvFormat.GENERIC, self.headers)
        if isinstance(remembered, dict):
            guess.update({h: t for h, t in remembered.items() if h in guess})
        return guess

    def mapping(self) -> ColumnMapping:
        """Header -> target, for `ImportService.read(mappings=...)`."""
        return dict(self._mapping)

    def set_mapping(self, mapping: ColumnMapping) -> None:
        """Show ``mapping`` (headers it lacks keep their current target) and refresh."""
        for header in self.headers:
            target = mapping.get(header, self._mapping.get(header, "ignore"))
            if base_field(target) not in FIELDS:
                target = "ignore"
            self._mapping[header] = target
            combo = self.target_combos[header]
            combo.setCurrentIndex(combo.findData(base_field(target)))
        self.refresh_preview()

    def set_target(self, header: str, base: str) -> None:
        """Map one column to a `FIELDS` key (as picking it in the combo box does)."""
        combo = self.target_combos[header]
        combo.setCurrentIndex(combo.findData(base))
        self._on_target_combo_activated(header, combo)

    def _on_target_combo_activated(self, header: str, combo: QComboBox) -> None:
        self._mapping[header] = retarget(self._mapping.get(header, ""), combo.currentData())
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Read the first rows with the current mapping and show them as contacts."""
        result = read_csv(self._preview_data, source=Path(self.path).name,
                          mapping=self._mapping)
        contacts = result.contacts[:PREVIEW_CONTACTS]
        self.preview_table.setRowCount(len(contacts))
        for row, draft in enumerate(contacts):
            values = (draft.display_name(), draft.emails[0].value if draft.emails else "",
                      draft.phones[0].value if draft.phones else "", draft.organization)
            for col, value in enumerate(values):
                self.preview_table.setItem(row, col, QTableWidgetItem(value))
        shown_all = len(result.contacts) <= PREVIEW_CONTACTS
        last = 1 << 30 if shown_all else int(contacts[-1].source.rpartition("#")[2])
        skipped = sum(1 for e in result.errors if e.row <= last)
        text = (self.tr("Preview of the first contact") if len(contacts) == 1 else
                self.tr("Preview of the first %n contacts", "", len(contacts)))
        if skipped:
            text += " · " + (
                self.tr("1 row would be skipped (no name, e-mail or phone)") if skipped == 1
                else self.tr("%n rows would be skipped (no name, e-mail or phone)", "", skipped))
        self.preview_label.setText(text)

    # --- saved mappings -------------------------------------------------------------

    def saved_mappings(self) -> dict[str, ColumnMapping]:
        saved = self._settings.get_json(SAVED_KEY, {})
        return saved if isinstance(saved, dict) else {}

    def _reload_saved(self, select: str = "") -> None:
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("(none)"), "")
        for name in sorted(self.saved_mappings(), key=str.casefold):
            self.saved_combo.addItem(name, name)
        self.saved_combo.setCurrentIndex(max(0, self.saved_combo.findData(select)))

    def _on_saved_combo_activated(self, index: int) -> None:
        name = self.saved_combo.itemData(index)
        mapping = self.saved_mappings().get(name) if name else None
        if isinstance(mapping, dict):
            self.set_mapping(mapping)

    def _on_save_button_clicked(self) -> None:
        prompt = QInputDialog(self)
        prompt.setWindowTitle(self.tr("Save mapping"))
        prompt.setLabelText(self.tr("Name for this column mapping:"))
        prompt.setTextValue(self.saved_combo.currentData() or Path(self.path).stem)
        prompt.textValueSelected.connect(self.save_mapping)
        self.name_prompt = prompt
        prompt.open()

    def save_mapping(self, name: str) -> None:
        """Store the current mapping under ``name`` (replacing one of that name)."""
        name = name.strip()
        if not name:
            return
        saved = self.saved_mappings()
        saved[name] = self.mapping()
        self._settings.set_json(SAVED_KEY, saved)
        self._reload_saved(select=name)
        self.mappingSaved.emit(name)

    def accept(self) -> None:
        """Remember the mapping for this column layout, so next time it is pre-filled."""
        layouts = self._settings.get_json(LAYOUTS_KEY, {})
        layouts = layouts if isinstance(layouts, dict) else {}
        signature = header_signature(self.headers)
        layouts.pop(signature, None)
        layouts[signature] = self.mapping()
        while len(layouts) > MAX_LAYOUTS:  # oldest first: dicts keep insertion order
            layouts.pop(next(iter(layouts)))
        self._settings.set_json(LAYOUTS_KEY, layouts)
        super().accept()


def _fit_columns(table: QTableWidget, fit: tuple[int, ...]) -> None:
    header = table.horizontalHeader()
    for col in range(table.columnCount()):
        mode = (QHeaderView.ResizeMode.ResizeToContents if col in fit
                else QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(col, mode)
