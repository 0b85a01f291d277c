"""Nothing the user has is lost by undo, demo, scanning or merging (found by review)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY
from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.model import ContactDraft, Tie, TypedValue
from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.registry import Services
from wombat_desktop.services.scanning import ScanEntry

CARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:Anna Berg\r\nN:Berg;Anna;;;\r\n"
        "EMAIL:anna@acme.example\r\n{extra}END:VCARD\r\n")


def _import(services: Services, folder: Path, name: str, uid: str, extra: str) -> int:
    path = folder / name
    path.write_text(CARD.format(uid=uid, extra=extra))
    result = services.importing.import_paths([path])
    assert result.batch_id is not None
    return result.batch_id


def test_undoing_an_older_import_keeps_later_imports_and_edits(services: Services,
                                                               tmp_path: Path) -> None:
    anna = services.contacts.create(ContactDraft(
        given_name="Anna", family_name="Berg", emails=[TypedValue("anna@acme.example")]))
    first = _import(services, tmp_path, "a.vcf", "u-1", "TEL:+1 555 0101\r\n")
    second = _import(services, tmp_path, "b.vcf", "u-2", "TITLE:CEO\r\nNOTE:from batch 2\r\n")
    draft = services.contacts.get(anna).draft
    draft.note += "\nmy own edit"
    services.contacts.update(anna, draft)

    services.importing.undo(first)
    after = services.contacts.get(anna).draft
    assert after.title == "CEO"
    assert "my own edit" in after.note
    assert after.phones == []  # what the first import added is gone
    services.importing.undo(second)
    after = services.contacts.get(anna).draft
    assert (after.title, after.phones) == ("", [])
    assert "my own edit" in after.note


def test_a_changed_card_keeps_its_new_values(services: Services, tmp_path: Path) -> None:
    _import(services, tmp_path, "a.vcf", "u-9", "")
    path = tmp_path / "b.vcf"
    path.write_text(CARD.format(uid="u-9", extra="ROLE:Head buyer\r\n").replace(
        "N:Berg;Anna", "N:Olsen;Anna"))
    services.importing.import_paths([path])
    (item,) = services.contacts.list_items()
    note = services.contacts.get(item.id).draft.note
    assert "family name: Olsen" in note
    services.importing.import_paths([path])  # the same card again adds nothing more
    assert services.contacts.get(item.id).draft.note == note


def test_demo_refuses_a_plan_without_contacts(services: Services) -> None:
    services.messages.update_profile(image_statement="My own words")
    with pytest.raises(ValidationError, match="plan records"):
        DemoService(services.db, lambda: TODAY).fill(contacts=5)
    assert services.messages.profile().image_statement == "My own words"


def test_a_scan_saved_onto_a_trashed_contact_becomes_a_new_one(services: Services) -> None:
    tom = services.contacts.create(ContactDraft(given_name="Tom", family_name="Hart"))
    services.contacts.delete([tom])
    card = ContactDraft(given_name="Tom", family_name="Hart", title="CTO",
                        source="scan:card.jpg")
    services.scanning.save([ScanEntry(card, update_id=tom)])
    (item,) = services.contacts.list_items()
    assert item.id != tom
    assert item.title == "CTO"


def test_undoing_a_tie_change_restores_its_note(services: Services) -> None:
    cid = services.contacts.create(ContactDraft(given_name="Mia"))
    services.contacts.set_tie([cid], Tie.STRONG, "mentor since 2015")
    before = services.contacts.set_tie([cid], Tie.WEAK, "")
    services.contacts.restore_ties(before)
    assert before == {cid: (Tie.STRONG, "mentor since 2015")}
    assert services.contacts.items([cid])[0].tie is Tie.STRONG


def test_merging_keeps_what_the_user_said_about_both_and_undo_restores(
    services: Services,
) -> None:
    from wombat_desktop.services.contacts import ContactFlags

    keep = services.contacts.create(ContactDraft(given_name="Jo", family_name="Lee",
                                                 organization="Acme"))
    other = services.contacts.create(
        ContactDraft(given_name="Jo", family_name="Lee", organization="Acme"),
        ContactFlags(relation="client", want_refer=True, opinion_leader=True))
    services.contacts.set_tie([other], Tie.STRONG, "refers me monthly")
    undo = services.duplicates.merge(keep, other)
    detail = services.contacts.get(keep)
    assert (detail.relation, detail.want_refer, detail.opinion_leader) == ("client", True, True)
    assert detail.tie is Tie.STRONG
    services.duplicates.undo_merge(undo)
    detail = services.contacts.get(keep)
    assert (detail.relation, detail.want_refer, detail.tie_override) == ("", False, None)


def test_an_event_deleted_then_its_id_reused_still_comes_back(services: Services) -> None:
    from wombat_desktop.services.events import EventDraft

    events = services.events
    first = events.create(EventDraft(name="Mixer"))
    snapshot = events.delete(first)
    newer = events.create(EventDraft(name="Breakfast"))  # SQLite may hand out the old id
    restored = events.restore(snapshot)
    names = {e.id: e.name for e in events.list_events()}
    assert names[restored] == "Mixer"
    assert names[newer] == "Breakfast"


def test_undoing_an_import_keeps_a_contact_the_user_merged_others_into(
    services: Services, tmp_path: Path,
) -> None:
    old = services.contacts.create(ContactDraft(given_name="Carl", family_name="Dunn",
                                                note="known for years"))
    path = tmp_path / "c.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:c-1\r\nFN:Carl Dunn\r\n"
                    "N:Dunn;Carl;;;\r\nEMAIL:carl@dunn.example\r\nEND:VCARD\r\n")
    batch = services.importing.import_paths([path]).batch_id
    assert batch is not None
    new = next(i.id for i in services.contacts.list_items() if i.id != old)
    services.duplicates.merge(new, old)
    services.importing.undo(batch)
    (item,) = services.contacts.list_items()
    assert item.id == new
    assert "known for years" in services.contacts.get(new).draft.note


def test_unmerging_gives_the_other_contact_its_primary_uid_back(services: Services) -> None:
    keep = services.contacts.create(ContactDraft(given_name="Ann", uid="urn:uuid:keep"))
    other = services.contacts.create(ContactDraft(given_name="Ann", uid="urn:uuid:other"))
    undo = services.duplicates.merge(keep, other)
    services.duplicates.undo_merge(undo)
    assert services.contacts.get(other).uids == ("urn:uuid:other",)
    assert services.contacts.export_rows(services.contacts.items([other]))[0]["uid"] == (
        "urn:uuid:other")
