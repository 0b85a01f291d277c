"""The import flow driven like a user would: real services on a real SQLite file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from wombat_desktop.core.model import ContactDraft, TypedValue
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.csv_mapping_dialog import LAYOUTS_KEY, SAVED_KEY
from wombat_desktop.ui.dialogs.import_dialog import ImportDialog
from wombat_desktop.ui.import_controller import FOLDER_KEY, ImportController
from wombat_desktop.ui.jobs import JobRunner

LEFT = Qt.MouseButton.LeftButton
VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nEMAIL:ann@lee.example\r\n"
    "TEL:+1 555 010 1111\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Ray\r\nN:Ray;Bob;;;\r\nEMAIL:bob@ray.example\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Daniel Okafur\r\nN:Okafur;Daniel;;;\r\nORG:Kite Ltd\r\n"
    "EMAIL:dan@kite.example\r\nEND:VCARD\r\n"
)
LINKEDIN = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Cara,Diaz,,cara@diaz.example,Acme,CEO,01 Mar 2024\n"
    "Bob,Ray,,bob@ray.example,,,02 Mar 2024\n"
)
GENERIC = (
    "Wer,Kontakt,Tel.,Firma,Egal\n"
    "Eva Stein,eva@stein.example,+49 30 1234567,Stein AG,x\n"
    "Max Hahn,max@hahn.example,,Hahn KG,y\n"
    ",,,,z\n"
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"vcf": tmp_path / "phone.vcf", "csv": tmp_path / "linkedin.csv",
             "generic": tmp_path / "kunden.csv"}
    paths["vcf"].write_text(VCARDS, encoding="utf-8")
    paths["csv"].write_text(LINKEDIN, encoding="utf-8")
    paths["generic"].write_text(GENERIC, encoding="utf-8")
    return paths


@pytest.fixture
def jobs() -> Any:
    runner = JobRunner(QThreadPool())
    yield runner
    runner.wait()


@pytest.fixture
def controller(qtbot, services: Services, jobs: JobRunner) -> ImportController:  # type: ignore[no-untyped-def]
    services.contacts.create(ContactDraft(given_name="Ann", family_name="Lee",
                                          emails=[TypedValue("ann@lee.example", [])]))
    services.contacts.create(ContactDraft(
        given_name="Daniel", family_name="Okafor", organization="Kite Ltd",
        phones=[TypedValue("+1 555 010 9999", [])]))
    window = QWidget()
    window.resize(900, 600)
    qtbot.addWidget(window)
    window.show()
    return ImportController(window, services, jobs)


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: seen.append(text))
    return seen


def wait_stage(qtbot, dialog: ImportDialog, stage: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.stage == stage, timeout=20_000)


def names(services: Services) -> set[str]:
    return {item.name for item in services.contacts.list_items()}


def row_texts(table: Any, row: int) -> list[str]:
    return [table.item(row, col).text() for col in range(table.columnCount())]


def start(qtbot, controller: ImportController, *paths: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = controller.import_paths([str(p) for p in paths])
    assert dialog is not None
    return dialog


def test_two_files_preview_commit_report_and_undo(qtbot, controller: ImportController,  # type: ignore[no-untyped-def]
                                                  services: Services, files, errors, shot
                                                  ) -> None:
    dialog = start(qtbot, controller, files["vcf"], files["csv"])
    wait_stage(qtbot, dialog, "preview")
    shot(dialog, "preview")
    # Ann merges into the stored Ann, Bob appears twice (folded), Daniel Okafur looks like
    # the stored Daniel Okafor at the same company, the empty card is an error.
    # Figures: cards and rows read, new, merged, to review, errors.
    assert dialog.summary.figure_values() == [6, 3, 2, 1, 1]
    table = dialog.summary.files_table
    assert table.rowCount() == 2
    assert row_texts(table, 0) == ["phone.vcf", "vCard", "4", "2", "1", "1"]
    assert row_texts(table, 1) == ["linkedin.csv", "LinkedIn CSV", "2", "1", "1", "0"]
    assert dialog.label_edit.text() == "Imported from phone.vcf, linkedin.csv on 2026-11-22"
    assert dialog.import_button.isVisible()
    assert dialog.import_button.isEnabled()
    dialog.label_edit.clear()
    qtbot.keyClicks(dialog.label_edit, "Phone and LinkedIn")

    with qtbot.waitSignal(controller.contactsChanged, timeout=20_000), \
            qtbot.waitSignal(controller.message) as message:
        qtbot.mouseClick(dialog.import_button, LEFT)
    wait_stage(qtbot, dialog, "report")
    shot(dialog, "report")
    assert message.args == ["Imported: 3 new, 2 merged, 1 errors"]
    assert names(services) >= {"Ann Lee", "Bob Ray", "Cara Diaz", "Daniel Okafur"}
    assert len(services.contacts.list_items()) == 5
    assert dialog.summary.title == "Phone and LinkedIn"
    assert dialog.undo_button.isVisible()
    assert dialog.review_button.isVisible()
    assert dialog.review_button.text() == "&Review 1 possible duplicate"
    [batch] = services.importing.batches()
    assert (batch.label, batch.imported, batch.merged, batch.errors) == (
        "Phone and LinkedIn", 3, 2, 1)

    qtbot.mouseClick(dialog.undo_button, LEFT)
    assert dialog.confirm_bar.isVisible()
    shot(dialog, "confirm-undo")
    with qtbot.waitSignal(controller.contactsChanged, timeout=20_000):
        qtbot.mouseClick(dialog.confirm_bar.confirm_button, LEFT)
    wait_stage(qtbot, dialog, "report")
    assert names(services) == {"Ann Lee", "Daniel Okafor"}
    assert services.importing.batches()[0].undone_at is not None
    assert not dialog.undo_button.isVisible()
    assert not dialog.review_button.isVisible()
    assert "undone" in dialog.summary.note_label.text()
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert not dialog.isVisible()
    assert errors == []


def test_review_button_hands_over_the_pairs(qtbot, controller: ImportController, files  # type: ignore[no-untyped-def]
                                            ) -> None:
    dialog = start(qtbot, controller, files["vcf"])
    wait_stage(qtbot, dialog, "preview")
    qtbot.mouseClick(dialog.import_button, LEFT)
    wait_stage(qtbot, dialog, "report")
    with qtbot.waitSignal(controller.reviewRequested) as blocker:
        qtbot.mouseClick(dialog.review_button, LEFT)
    [pair] = blocker.args[0]
    assert pair.score >= 80
    assert pair.new_id != pair.existing_id
    assert not dialog.isVisible()


def test_broken_card_is_reported_with_file_card_and_line(qtbot, controller: ImportController,  # type: ignore[no-untyped-def]
                                                         files, shot) -> None:
    dialog = start(qtbot, controller, files["vcf"])
    wait_stage(qtbot, dialog, "preview")
    summary = dialog.summary
    assert summary.errors_toggle.isVisible()
    assert not summary.errors_list.isVisible()
    qtbot.mouseClick(summary.errors_toggle, LEFT)
    assert summary.errors_list.isVisible()
    shot(dialog, "errors")
    lines = [summary.errors_list.item(i).text() for i in range(summary.errors_list.count())]
    assert lines == ["phone.vcf — card 3, line 14: empty card: no name, e-mail, phone or "
                     "organisation"]


def test_cancel_while_reading_closes_without_writing(qtbot, controller: ImportController,  # type: ignore[no-untyped-def]
                                                     services: Services, files,
                                                     monkeypatch: pytest.MonkeyPatch, shot
                                                     ) -> None:
    importing = services.importing
    real_read = importing.read
    started = threading.Event()

    def slow_read(paths, mappings=None, progress=None, cancel=None):  # type: ignore[no-untyped-def]
        started.set()
        for _ in range(500):  # until the user cancels (10 s at most)
            if cancel is not None and cancel.cancelled:
                break
            threading.Event().wait(0.02)
        return real_read(paths, mappings, progress, cancel)

    monkeypatch.setattr(importing, "read", slow_read)
    dialog = start(qtbot, controller, files["vcf"])
    qtbot.waitUntil(started.is_set)
    assert dialog.stage == "reading"
    assert dialog.cancel_button.isVisible()
    shot(dialog, "reading")
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert dialog.result is None
    assert names(services) == {"Ann Lee", "Daniel Okafor"}
    assert services.importing.batches() == []


def test_cancel_while_committing_rolls_back(qtbot, controller: ImportController,  # type: ignore[no-untyped-def]
                                            services: Services, files,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    importing = services.importing
    real_commit = importing.commit
    started = threading.Event()

    def slow_commit(preview, label="", progress=None, cancel=None):  # type: ignore[no-untyped-def]
        started.set()
        for _ in range(500):
            if cancel is not None and cancel.cancelled:
                break
            threading.Event().wait(0.02)
        return real_commit(preview, label, progress, cancel)

    monkeypatch.setattr(importing, "commit", slow_commit)
    dialog = start(qtbot, controller, files["vcf"], files["csv"])
    wait_stage(qtbot, dialog, "preview")
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(started.is_set)
    assert dialog.stage == "committing"
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert names(services) == {"Ann Lee", "Daniel Okafor"}
    assert services.importing.batches() == []


def test_generic_csv_goes_through_the_mapping_dialog(qtbot, controller: ImportController,  # type: ignore[no-untyped-def]
                                                     services: Services, files, shot) -> None:
    dialog = start(qtbot, controller, files["generic"], files["csv"])
    wait_stage(qtbot, dialog, "mapping")
    mapping = dialog.mapping_dialog
    assert mapping is not None
    qtbot.waitUntil(mapping.isVisible)
    assert mapping.headers == ["Wer", "Kontakt", "Tel.", "Firma", "Egal"]
    assert mapping.columns_table.item(0, 1).text() == "Eva Stein · Max Hahn"
    guessed = mapping.mapping()
    assert guessed["Tel."] == "phone_other"
    assert guessed["Firma"] == "organization"
    assert mapping.preview_table.item(0, 0).text() != "Eva Stein"  # "Wer" is not guessed
    mapping.set_target("Wer", "formatted_name")
    mapping.set_target("Kontakt", "email_work")
    preview = mapping.preview_table
    assert [preview.item(0, c).text() for c in range(4)] == [
        "Eva Stein", "eva@stein.example", "+49 30 1234567", "Stein AG"]
    assert preview.rowCount() == 2
    assert "1 row would be skipped" in mapping.preview_label.text()
    shot(mapping, "mapping")

    qtbot.mouseClick(mapping.save_button, LEFT)
    assert mapping.name_prompt is not None
    mapping.name_prompt.setTextValue("Kundenliste")
    mapping.name_prompt.accept()
    assert controller.settings.get_json(SAVED_KEY)["Kundenliste"]["Wer"] == (
        "formatted_name")
    assert mapping.saved_combo.currentText() == "Kundenliste"

    qtbot.mouseClick(mapping.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    wait_stage(qtbot, dialog, "preview")
    table = dialog.summary.files_table
    assert row_texts(table, 0) == ["kunden.csv", "CSV (own columns)", "3", "2", "0", "1"]
    qtbot.mouseClick(dialog.import_button, LEFT)
    wait_stage(qtbot, dialog, "report")
    assert {"Eva Stein", "Max Hahn", "Cara Diaz"} <= names(services)
    assert controller.settings.get_json(LAYOUTS_KEY)  # remembered by its headers
    dialog.accept()

    # The same layout again: the mapping is pre-filled from the remembered one.
    again = start(qtbot, controller, files["generic"])
    wait_stage(qtbot, again, "mapping")
    second = again.mapping_dialog
    assert second is not None
    assert second.mapping()["Wer"] == "formatted_name"
    assert second.preview_table.item(0, 0).text() == "Eva Stein"
    second.set_target("Wer", "ignore")  # a saved mapping can be loaded by name
    second.saved_combo.setCurrentIndex(second.saved_combo.findData("Kundenliste"))
    second.saved_combo.activated.emit(second.saved_combo.currentIndex())
    assert second.mapping()["Wer"] == "formatted_name"
    second.reject()  # leaving the mapping out leaves nothing to import
    qtbot.waitUntil(lambda: not again.isVisible())


def test_history_lists_batches_and_undoes_one(qtbot, controller: ImportController,  # type: ignore[no-untyped-def]
                                             services: Services, files, shot) -> None:
    services.importing.import_paths([files["csv"]])
    services.importing.import_paths([files["vcf"]])
    history = controller.show_history()
    qtbot.waitUntil(lambda: history.table.rowCount() == 2, timeout=10_000)
    shot(history, "history")
    assert history.table.item(0, 0).text().startswith("Imported from phone.vcf on ")
    assert history.table.item(0, 6).text() == "Imported"
    assert history.undo_button.isEnabled()
    history.table.selectRow(1)
    history.table.selectRow(0)  # the newer, vCard import
    qtbot.mouseClick(history.undo_button, LEFT)
    assert history.confirm_bar.isVisible()
    assert "phone.vcf" in history.confirm_bar.label.text()
    with qtbot.waitSignal(history.loaded, timeout=10_000), \
            qtbot.waitSignal(controller.contactsChanged, timeout=10_000):
        qtbot.mouseClick(history.confirm_bar.confirm_button, LEFT)
    assert history.table.item(0, 6).text().startswith("Undone ")
    assert history.table.item(1, 6).text() == "Imported"
    assert names(services) == {"Ann Lee", "Daniel Okafor", "Bob Ray", "Cara Diaz"}
    history.table.selectRow(0)
    assert not history.undo_button.isEnabled()  # an import is undone once
    shot(history, "history-undone")


# Qt marks the QPoint constructor deprecated, yet it is the one a QDragEnterEvent has.
DRAG_EVENT_WARNING = pytest.mark.filterwarnings(
    "ignore:Function.*QDragEnterEvent:DeprecationWarning")


def drag_and_drop(widget: QWidget, mime: QMimeData) -> tuple[QDragEnterEvent, QDropEvent]:
    """What a real drag does: enter, then drop."""
    action, none = Qt.DropAction.CopyAction, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), action, mime, LEFT, none)
    enter.setAccepted(False)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(10, 10), action, mime, LEFT, none)
    drop.setAccepted(False)
    if enter.isAccepted():
        QApplication.sendEvent(widget, drop)
    return enter, drop


@DRAG_EVENT_WARNING
def test_drop_files_and_folders(qtbot, controller: ImportController, files,  # type: ignore[no-untyped-def]
                                tmp_path: Path) -> None:
    window = controller.parent()
    assert isinstance(window, QWidget)
    seen: list[list[str]] = []
    drop_filter = controller.install_drop(window)
    drop_filter._callback = seen.append  # look at the paths instead of opening the dialog
    folder = tmp_path / "more"
    (folder / "deep").mkdir(parents=True)
    (folder / "deep" / "x.VCF").write_text(VCARDS, encoding="utf-8")
    (folder / "notes.txt").write_text("not contacts", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["vcf"])), QUrl.fromLocalFile(str(folder)),
                  QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    enter, drop = drag_and_drop(window, mime)
    assert enter.isAccepted()
    assert drop.isAccepted()
    assert seen == [[str(files["vcf"]), str(folder / "deep" / "x.VCF")]]

    text = QMimeData()
    text.setText("just words")
    refused, _ = drag_and_drop(window, text)
    assert not refused.isAccepted()
    assert len(seen) == 1


@DRAG_EVENT_WARNING
def test_dropped_files_open_the_import(qtbot, controller: ImportController, files) -> None:  # type: ignore[no-untyped-def]
    window = controller.parent()
    assert isinstance(window, QWidget)
    controller.install_drop(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["csv"]))])
    drag_and_drop(window, mime)
    dialog = controller.dialog
    assert dialog is not None
    wait_stage(qtbot, dialog, "preview")
    assert dialog.summary.figure_values()[:2] == [2, 2]
    dialog.reject()
    assert not dialog.isVisible()


def test_import_action_opens_files_and_remembers_the_folder(qtbot, controller: ImportController,  # type: ignore[no-untyped-def]
                                                            files) -> None:
    assert controller.import_action.shortcut().toString() == "Ctrl+I"
    assert controller.import_action.text() == "&Import contacts…"
    controller.import_action.trigger()
    picker = controller.file_dialog
    assert picker is not None
    picker.filesSelected.emit([str(files["vcf"])])
    assert controller.settings.get_json(FOLDER_KEY) == str(files["vcf"].parent)
    dialog = controller.dialog
    assert dialog is not None
    wait_stage(qtbot, dialog, "preview")
    dialog.reject()
    controller.import_action.trigger()
    assert controller.file_dialog is not None
    assert Path(controller.file_dialog.directory().absolutePath()) == files["vcf"].parent
    controller.file_dialog.reject()
