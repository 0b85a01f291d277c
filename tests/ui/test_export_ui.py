"""Exporting through the controller and dialog, to real files, from real services."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from wombat_desktop.core.model import ContactDraft, Tie, TypedValue
from wombat_desktop.services.exporting import ExportFormat
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.export_dialog import ExportDialog
from wombat_desktop.ui.export_controller import ExportController
from wombat_desktop.ui.jobs import JobRunner


@pytest.fixture
def ids(services: Services) -> dict[str, int]:
    create = services.contacts.create
    out = {
        "jose": create(ContactDraft(given_name="José", family_name="García", organization="Acme",
                                    emails=[TypedValue("jose@acme.example", ["work"])],
                                    note='=HYPERLINK("http://evil.example","click")')),
        "anna": create(ContactDraft(given_name="Anna", family_name="Müller",
                                    phones=[TypedValue("+49 30 123456", ["cell"])])),
        "wang": create(ContactDraft(given_name="小明", family_name="王", organization="北京印刷")),
    }
    services.contacts.set_tie([out["anna"]], Tie.STRONG)
    return out


@pytest.fixture
def selection() -> list[int]:
    return []


@pytest.fixture
def host(qtbot) -> QMainWindow:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    window.resize(700, 500)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def ctl(host: QMainWindow, services: Services, selection: list[int],
        tmp_path: Path) -> ExportController:
    controller = ExportController(host, services, JobRunner(), lambda: list(selection))
    controller.directory = tmp_path
    return controller


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {"info": [], "error": []}
    monkeypatch.setattr(prompts, "info", lambda _p, _t, text: seen["info"].append(text))
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: seen["error"].append(text))
    return seen


def _open(qtbot, ctl: ExportController) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = ctl.open_dialog()
    qtbot.waitUntil(lambda: "(3)" in dialog.all_radio.text())
    return dialog


def _run(qtbot, ctl: ExportController, dialog: ExportDialog) -> tuple[int, Path]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(ctl.exported, timeout=10_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    count, path = done.args
    return count, Path(path)


def test_ctrl_e_opens_the_dialog_with_counts(qtbot, ctl: ExportController, host: QMainWindow,
                                             ids: dict[str, int], tmp_path: Path, shot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keySequence(host, QKeySequence("Ctrl+E"))
    assert ctl.dialog is not None
    dialog = _open(qtbot, ctl)
    assert dialog.all_radio.text() == "&All contacts (3)"
    assert dialog.strong_radio.text() == "&Strong contacts only (1)"
    assert dialog.weak_radio.text() == "&Weak contacts only (2)"
    assert not dialog.selected_radio.isEnabled()  # nothing selected
    assert dialog.path_edit.text() == str(tmp_path / "wombat-contacts.vcf")
    dialog.set_format(ExportFormat.CSV)
    assert dialog.path_edit.text() == str(tmp_path / "wombat-contacts.csv")
    dialog.set_format(ExportFormat.VCARD3)
    assert dialog.path_edit.text().endswith("wombat-contacts.vcf")
    qtbot.wait(20)
    shot(dialog)
    dialog.close()


@pytest.mark.parametrize(("fmt", "version"), [(ExportFormat.VCARD4, "4.0"),
                                              (ExportFormat.VCARD3, "3.0")])
def test_vcard_all_contacts(qtbot, ctl: ExportController, ids: dict[str, int],
                            reports: dict[str, list[str]], tmp_path: Path,
                            fmt: ExportFormat, version: str) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, ctl)
    dialog.set_format(fmt)
    count, path = _run(qtbot, ctl, dialog)
    assert count == 3
    assert path == tmp_path / "wombat-contacts.vcf"
    text = path.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 3
    assert f"VERSION:{version}" in text
    for name in ("José García", "Anna Müller", "王小明"):
        assert name in text
    assert reports["info"] == [f"Exported 3 contacts to {path}."]
    assert not list(tmp_path.glob("*.part"))


def test_strong_and_weak_only(qtbot, ctl: ExportController, ids: dict[str, int],
                              reports: dict[str, list[str]], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, ctl)
    dialog.strong_radio.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "strong.vcf"))
    count, path = _run(qtbot, ctl, dialog)
    assert count == 1
    text = path.read_text(encoding="utf-8")
    assert "Anna Müller" in text
    assert "García" not in text
    assert reports["info"] == [f"Exported 1 contact to {path}."]
    dialog = _open(qtbot, ctl)
    dialog.weak_radio.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "weak.vcf"))
    count, path = _run(qtbot, ctl, dialog)
    text = path.read_text(encoding="utf-8")
    assert count == 2
    assert "José García" in text
    assert "Anna" not in text


def test_selection_to_google_csv(qtbot, ctl: ExportController, ids: dict[str, int],
                                 selection: list[int], reports: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    selection[:] = [ids["jose"], ids["wang"]]
    dialog = _open(qtbot, ctl)
    assert dialog.selected_radio.isChecked()  # several selected: that scope is preselected
    assert dialog.selected_radio.text() == "The 2 se&lected contacts"
    dialog.set_format(ExportFormat.CSV)
    count, path = _run(qtbot, ctl, dialog)
    assert count == 2
    assert path.suffix == ".csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["First Name", "Middle Name", "Last Name"]
    assert "Organization Name" in rows[0]
    notes = rows[0].index("Notes")
    by_first = {r[0]: r for r in rows[1:]}
    assert set(by_first) == {"José", "小明"}
    assert by_first["José"][notes] == '\'=HYPERLINK("http://evil.example","click")'
    assert by_first["小明"][rows[0].index("Organization Name")] == "北京印刷"


def test_an_unwritable_target_is_reported(qtbot, ctl: ExportController, ids: dict[str, int],
                                          reports: dict[str, list[str]], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    dialog = _open(qtbot, ctl)
    dialog.path_edit.setText(str(blocker / "out.vcf"))
    with qtbot.waitSignal(ctl.failed, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(reports["error"]) == 1
    assert reports["info"] == []
    assert ctl.export_action.isEnabled()


def test_empty_scope_or_path_disables_export(qtbot, ctl: ExportController,
                                             services: Services) -> None:  # type: ignore[no-untyped-def]
    services.contacts.create(ContactDraft(given_name="Only", family_name="Weak"))
    dialog = ctl.open_dialog()
    qtbot.waitUntil(lambda: "(0)" in dialog.strong_radio.text())
    assert dialog.export_button.isEnabled()
    dialog.strong_radio.setChecked(True)
    assert not dialog.export_button.isEnabled()
    dialog.all_radio.setChecked(True)
    dialog.path_edit.clear()
    assert not dialog.export_button.isEnabled()
    dialog.close()


def test_choose_opens_a_save_dialog_with_the_suffix(qtbot, ctl: ExportController,
                                                    ids: dict[str, int], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, ctl)
    dialog.set_format(ExportFormat.CSV)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert chooser is not None
    assert chooser.defaultSuffix() == "csv"
    chooser.fileSelected.emit(str(tmp_path / "picked.csv"))
    assert dialog.path_edit.text() == str(tmp_path / "picked.csv")
    chooser.close()
    dialog.close()
