"""Self-introduction scripts (WOMBAT II.10): compose from name, background, a memory hook and
the product; 10-, 30- and 60-second variants; live count and spoken time; rehearse."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.message_views import IntroScriptView, MemoryHookView
from wombat_desktop.core.scripts import LENGTHS, ScriptParts, ScriptVariant
from wombat_desktop.services.messages import MessageService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.rehearse_dialog import RehearseDialog
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.message_commands import DeleteScriptCommand

ID = Qt.ItemDataRole.UserRole
LANGUAGES = {"en": "English", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
             "mixed": "mixed languages"}


HOOK_CHARS = 90  # a longer hook is shortened in the picker (its tooltip shows it all)


@dataclass(frozen=True, slots=True)
class ScriptsSnapshot:
    scripts: list[IntroScriptView]
    hooks: list[MemoryHookView]
    parts: ScriptParts


class ScriptsPage(QWidget):
    """Saved introductions on the left, the builder on the right."""

    loaded = Signal()
    message = Signal(str)

    def __init__(self, service: MessageService, undo_stack: QUndoStack, jobs: JobRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._undo, self._jobs = service, undo_stack, jobs
        self._scripts: dict[int, IntroScriptView] = {}
        self._hooks: list[MemoryHookView] = []
        self._profile_parts = ScriptParts()
        self._variants: tuple[ScriptVariant, ...] = ()
        self._editing: int | None = None  # id of the saved script in the builder
        self._select_after: int | None = None
        self.rehearse_dialog: RehearseDialog | None = None
        self._build_ui()
        self._connect()
        self._on_parts_changed()

    def _build_ui(self) -> None:
        layout = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QGroupBox(self.tr("Your introductions"), split)
        left_layout = QVBoxLayout(left)
        self.list = QListWidget(left)
        self.list.setAccessibleName(self.tr("Saved introductions"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New"), left)
        self.delete_button = QPushButton(self.tr("&Delete"), left)
        bar.addWidget(self.new_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(bar)

        right = QGroupBox(self.tr("Builder: name, background, memory hook, product"), split)
        form = QFormLayout(right)
        self.title_edit = QLineEdit(right)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Chamber mixer"))
        self.name_edit = QLineEdit(right)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.background_edit = self._part_edit(right, self.tr("Background"))
        self.hook_combo = QComboBox(right)
        self.hook_combo.setAccessibleName(self.tr("Memory hook"))
        self.product_edit = self._part_edit(right, self.tr("Product introduction"))
        self.profile_button = QPushButton(self.tr("Fill from my &profile"), right)
        lengths = QHBoxLayout()
        self.length_group = QButtonGroup(self)
        self.length_buttons: dict[int, QRadioButton] = {}
        for n in LENGTHS:
            button = QRadioButton(self.tr("{n} s").format(n=n), right)
            button.setAccessibleName(self.tr("{n}-second variant").format(n=n))
            self.length_group.addButton(button, n)
            self.length_buttons[n] = button
            lengths.addWidget(button)
        lengths.addStretch(1)
        self.length_buttons[30].setChecked(True)
        self.script_edit = QPlainTextEdit(right)
        self.script_edit.setAccessibleName(self.tr("Script"))
        self.script_edit.setTabChangesFocus(True)
        self.script_edit.setPlaceholderText(self.tr(
            "The composed script appears here; edit it freely."))
        self.count_label = QLabel(right)
        self.count_label.setAccessibleName(self.tr("Word count and spoken time"))
        self.count_label.setWordWrap(True)
        buttons = QHBoxLayout()
        self.compose_button = QPushButton(self.tr("Re&compose"), right)
        self.compose_button.setToolTip(self.tr("Replace the script with the chosen variant"))
        self.save_button = QPushButton(self.tr("&Save script"), right)
        self.rehearse_button = QPushButton(self.tr("&Rehearse…"), right)
        self.rehearse_button.setToolTip(self.tr("Full screen with a countdown (saves first)"))
        buttons.addWidget(self.compose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.rehearse_button)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("N&ame:"), self.name_edit)
        form.addRow(self.tr("&Background:"), self.background_edit)
        form.addRow(self.tr("Memory &hook:"), self.hook_combo)
        form.addRow(self.tr("Pr&oduct:"), self.product_edit)
        form.addRow("", self.profile_button)
        form.addRow(self.tr("Length:"), lengths)
        form.addRow(self.tr("Script:"), self.script_edit)
        form.addRow("", self.count_label)
        form.addRow(buttons)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout.addWidget(split)

    @staticmethod
    def _part_edit(parent: QWidget, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(70)
        return edit

    def _connect(self) -> None:
        self.list.currentItemChanged.connect(lambda *_a: self._on_list_current_changed())
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.name_edit.textChanged.connect(self._on_parts_changed)
        self.background_edit.textChanged.connect(self._on_parts_changed)
        self.product_edit.textChanged.connect(self._on_parts_changed)
        self.hook_combo.currentIndexChanged.connect(self._on_parts_changed)
        self.length_group.idToggled.connect(self._on_length_group_id_toggled)
        self.script_edit.textChanged.connect(self._on_script_edit_text_changed)
        self.profile_button.clicked.connect(self._on_profile_button_clicked)
        self.compose_button.clicked.connect(self.compose)
        self.save_button.clicked.connect(self.save)
        self.rehearse_button.clicked.connect(self.rehearse)

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        s = self._service
        self._jobs.start(lambda: ScriptsSnapshot(s.intro_scripts(), s.memory_hooks(False),
                                                 s.script_parts()), self.take_loaded)

    def take_loaded(self, snap: ScriptsSnapshot | None, error: BaseException | None) -> None:
        if error is not None or snap is None:
            prompts.error(self, self.tr("Could not load the introductions"), str(error))
            return
        keep = self._select_after or self._editing
        self._select_after = None
        self._scripts = {s.id: s for s in snap.scripts}
        self._hooks, self._profile_parts = snap.hooks, snap.parts
        chosen = self.hook_combo.currentData()
        self.hook_combo.blockSignals(True)
        self.hook_combo.clear()
        self.hook_combo.addItem(self.tr("(no memory hook)"), None)
        for h in snap.hooks:  # current versions only: older ones live in the hook's history
            short = h.text if len(h.text) <= HOOK_CHARS else h.text[:HOOK_CHARS - 1] + "…"
            self.hook_combo.addItem(short, h.id)
            self.hook_combo.setItemData(self.hook_combo.count() - 1, h.text,
                                        Qt.ItemDataRole.ToolTipRole)
        self.hook_combo.setCurrentIndex(self.hook_index(chosen))
        self.hook_combo.blockSignals(False)
        self.list.blockSignals(True)
        self.list.clear()
        for s in snap.scripts:
            item = QListWidgetItem(self._script_line(s), self.list)
            item.setData(ID, s.id)
            item.setToolTip(s.text)
        self.list.blockSignals(False)
        if keep in self._scripts:
            self.select(keep)
        elif snap.scripts and self._editing is None and not self.script_edit.toPlainText():
            self.list.setCurrentRow(0)
        self.delete_button.setEnabled(self._editing is not None)
        self.loaded.emit()

    def _script_line(self, s: IntroScriptView) -> str:
        fit = self.tr("fits") if s.fits else self.tr("runs {n} s").format(
            n=round(s.estimate.seconds))
        when = (self.tr("rehearsed {d}").format(d=s.last_rehearsed_at.date().isoformat())
                if s.last_rehearsed_at else self.tr("never rehearsed"))
        return f"{s.title}\n{s.seconds} s · {fit} · {when}"

    def select(self, script_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID) == script_id:
                self.list.setCurrentRow(row)

    # --- the builder --------------------------------------------------------------------

    def parts(self) -> ScriptParts:
        hook = next((h.text for h in self._hooks if h.id == self.hook_combo.currentData()), "")
        return ScriptParts(self.name_edit.text(), self.background_edit.toPlainText(), hook,
                           self.product_edit.toPlainText())

    def seconds(self) -> int:
        return self.length_group.checkedId()

    def _on_parts_changed(self, *_args: object) -> None:
        self._variants = self._service.build_variants(self.parts())
        for v in self._variants:
            fit = "✓" if v.fits else self.tr("over by {n} s").format(n=round(v.over_by))
            self.length_buttons[v.seconds].setText(
                self.tr("{n} s ({e} s {fit})").format(n=v.seconds, e=round(v.estimate.seconds),
                                                      fit=fit))
        self.compose()

    def compose(self) -> None:
        """Put the chosen variant into the script editor."""
        variant = next((v for v in self._variants if v.seconds == self.seconds()), None)
        if variant is not None:
            self.script_edit.setPlainText(variant.text)

    def _on_length_group_id_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.compose()

    def _on_script_edit_text_changed(self) -> None:
        est = self._service.estimate(self.script_edit.toPlainText())
        target = self.seconds()
        lang = LANGUAGES.get(est.language, "")
        verdict = (self.tr("fits {n} s").format(n=target) if est.seconds <= target
                   else self.tr("<b>{d} s too long</b> for {n} s").format(
                       d=round(est.seconds - target), n=target))
        if not est.characters:
            self.count_label.setText(self.tr(
                "Empty: fill in the parts above (or “Fill from my profile”), then Recompose."))
            return
        # CJK text is already counted in characters; a second count would only confuse.
        chars = "" if est.cjk_characters else self.tr(" · {n} characters").format(
            n=est.characters)
        self.count_label.setText(self.tr("{label} spoken ({lang}){chars} · {verdict}").format(
            label=est.label, lang=self.tr(lang), chars=chars, verdict=verdict))

    def _on_profile_button_clicked(self) -> None:
        p = self._profile_parts
        self.name_edit.setText(p.name)
        self.background_edit.setPlainText(p.background)
        self.product_edit.setPlainText(p.product)

    def hook_index(self, hook_id: int | None) -> int:
        """The picker row for a hook id; an older version picks the hook's current one."""
        current = next((h.id for h in self._hooks
                        if h.id == hook_id or any(v.id == hook_id for v in h.history)), None)
        return max(0, self.hook_combo.findData(current)) if current is not None else 0

    def _on_list_current_changed(self) -> None:
        item = self.list.currentItem()
        s = self._scripts.get(item.data(ID)) if item is not None else None
        if s is None:
            return
        self._editing = s.id
        for w in (self.name_edit, self.background_edit, self.product_edit, self.hook_combo,
                  self.length_group):
            w.blockSignals(True)
        self.title_edit.setText(s.title)
        self.name_edit.setText(s.name_part)
        self.background_edit.setPlainText(s.background_part)
        self.product_edit.setPlainText(s.product_part)
        self.hook_combo.setCurrentIndex(self.hook_index(s.memory_hook_id))
        button = self.length_buttons.get(s.seconds)
        if button is not None:
            button.setChecked(True)
        for w in (self.name_edit, self.background_edit, self.product_edit, self.hook_combo,
                  self.length_group):
            w.blockSignals(False)
        self._on_parts_changed()
        self.script_edit.setPlainText(s.text)
        self.delete_button.setEnabled(True)

    def _on_new_button_clicked(self) -> None:
        self._editing = None
        self.list.clearSelection()
        self.list.setCurrentItem(None)  # type: ignore[arg-type]
        self.title_edit.clear()
        self._on_profile_button_clicked()
        self.delete_button.setEnabled(False)
        self.title_edit.setFocus()

    def save(self) -> int | None:
        """Save the builder's script (a new one, or the one being edited); returns its id."""
        try:
            sid = self._service.save_script(
                self.title_edit.text(), self.seconds(), self.parts(),
                memory_hook_id=self.hook_combo.currentData(),
                text=self.script_edit.toPlainText(), script_id=self._editing)
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot save the script"), str(exc))
            return None
        self._editing = self._select_after = sid
        self.message.emit(self.tr("Saved the introduction."))
        self.reload()
        return sid

    def _on_delete_button_clicked(self) -> None:
        s = self._scripts.get(self._editing or 0)
        if s is None:
            return
        hooks = {h.id for h in self._hooks}
        self._undo.push(DeleteScriptCommand(self._service, s, self._after_delete,
                                            lambda hid: hid in hooks))
        self.message.emit(self.tr("Deleted “{t}”. Undo with Ctrl+Z.").format(t=s.title))

    def _after_delete(self) -> None:
        self._editing = None
        self.reload()

    # --- rehearsing ---------------------------------------------------------------------

    def rehearse(self) -> RehearseDialog | None:
        """Save, then open the full-screen rehearse mode for this script."""
        sid = self.save()
        if sid is None:
            return None
        service = self._service

        def stamp() -> None:
            service.mark_rehearsed(sid)
            self.message.emit(self.tr("Rehearsal noted."))
            self.reload()

        dialog = RehearseDialog(self.title_edit.text() or self.tr("Introduction"),
                                self.script_edit.toPlainText(), self.seconds(), stamp, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "rehearse_dialog", None))
        self.rehearse_dialog = dialog
        dialog.start()
        return dialog
