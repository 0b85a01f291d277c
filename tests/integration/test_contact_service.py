import datetime as dt

import pytest
from sqlalchemy import insert

from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.model import ContactDraft, Photo, Tie, TypedValue
from wombat_desktop.services.contacts import ContactFlags
from wombat_desktop.services.registry import Services
from wombat_desktop.storage.contact_stats import refresh_stats
from wombat_desktop.storage.orm import InteractionRow, ReferralRow


def _add(services: Services, **fields) -> int:  # type: ignore[no-untyped-def]
    return services.contacts.create(ContactDraft(**fields))


def _log(services: Services, cid: int, kind: str, day: dt.date) -> None:
    with services.db.unit_of_work() as uow:
        uow.session.execute(insert(InteractionRow).values(contact_id=cid, kind=kind,
                                                          occurred_on=day, summary=""))
        refresh_stats(uow.session, [cid])
        uow.commit()


def _refer(services: Services, cid: int, direction: str, kind: str = "referral") -> None:
    with services.db.unit_of_work() as uow:
        uow.session.execute(insert(ReferralRow).values(
            contact_id=cid, direction=direction, kind=kind, occurred_on=dt.date(2026, 10, 1)))
        refresh_stats(uow.session, [cid])
        uow.commit()


def test_create_and_read_back_every_field(services: Services) -> None:
    draft = ContactDraft(
        given_name="Zoë", family_name="Ødegård", organization="Fjord Print", title="Owner",
        emails=[TypedValue("zoe@fjord.example", ["work"], pref=True)],
        phones=[TypedValue("+47 22 33 44 55", ["cell"])], tags=["print", "golf"],
        note="Likes sailing", birthday="1980-04-12",
        photo=Photo(b"\x89PNG\r\n\x1a\nxx", "image/png"),
        extra_lines=["X-CUSTOM;TYPE=a:b"], uid="urn:uuid:abc",
    )
    cid = services.contacts.create(draft)
    detail = services.contacts.get(cid)
    got = detail.draft
    assert got.emails == draft.emails
    assert got.phones == draft.phones
    assert got.tags == ["golf", "print"]
    assert got.photo == draft.photo
    assert got.extra_lines == ["X-CUSTOM;TYPE=a:b"]
    assert got.birthday == "1980-04-12"
    assert got.note == "Likes sailing"
    assert detail.uids == ("urn:uuid:abc",)
    assert detail.sources == ("manual",)
    (row,) = services.contacts.export_rows(services.contacts.list_items())
    assert row["has_photo"] is True
    assert row["uid"] == "urn:uuid:abc"
    assert row["emails"] == ["zoe@fjord.example"]
    assert row["phones"] == ["+47 22 33 44 55"]


def test_every_new_contact_gets_a_uid(services: Services) -> None:
    cid = _add(services, given_name="Ann")
    assert services.contacts.get(cid).uids[0].startswith("urn:uuid:")


def test_update_keeps_uids_sources_and_unshown_fields(services: Services) -> None:
    cid = services.contacts.create(ContactDraft(given_name="Ann", uid="u-1",
                                                extra_lines=["X-A:1"], source="vcard:a.vcf#1"))
    draft = services.contacts.get(cid).draft
    draft.organization = "New Co"
    services.contacts.update(cid, draft, ContactFlags(relation="client", want_business=True))
    detail = services.contacts.get(cid)
    assert detail.draft.organization == "New Co"
    assert detail.draft.extra_lines == ["X-A:1"]
    assert detail.uids == ("u-1",)
    assert detail.sources == ("vcard:a.vcf#1",)
    assert detail.relation == "client"
    assert detail.want_business


@pytest.mark.parametrize(
    "draft",
    [ContactDraft(), ContactDraft(given_name="   "), ContactDraft(note="x" * 200_000)],
)
def test_bad_input_is_refused_with_a_clear_message(services: Services, draft) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.contacts.create(draft)
    assert services.contacts.list_items() == []


def test_unusual_but_valid_input_is_kept(services: Services) -> None:
    long_note = "Ä" * 5000
    ids = [
        _add(services, formatted_name="🦘 Kanga Roo", note=long_note),
        _add(services, given_name="محمد", family_name="العلي"),
        _add(services, given_name="יעל", family_name="כהן"),
        _add(services, emails=[TypedValue("only@mail.example")]),
    ]
    names = {i.id: i.name for i in services.contacts.list_items()}
    assert names[ids[0]] == "🦘 Kanga Roo"
    assert names[ids[1]] == "محمد العلي"
    assert names[ids[3]] == "only@mail.example"
    assert services.contacts.get(ids[0]).draft.note == long_note
    assert [i.id for i in services.contacts.search("kanga")] == [ids[0]]
    assert [i.id for i in services.contacts.search("כהן")] == [ids[2]]


def test_delete_and_restore(services: Services) -> None:
    a, b = _add(services, given_name="A"), _add(services, given_name="B")
    assert services.contacts.delete([a, 999]) == [a]
    assert [i.id for i in services.contacts.list_items()] == [b]
    with pytest.raises(NotFoundError):
        services.contacts.get(a)
    services.contacts.restore([a])
    assert {i.id for i in services.contacts.list_items()} == {a, b}


def test_tie_suggestion_from_interactions_and_referrals(services: Services, today) -> None:
    cid = _add(services, given_name="Rita")
    _refer(services, cid, "received")
    _refer(services, cid, "received")
    _log(services, cid, "lunch", today - dt.timedelta(days=21))
    item = services.contacts.items([cid])[0]
    assert item.tie is Tie.STRONG
    assert item.tie_reason == "strong: 2 referrals received, lunch 3 weeks ago"
    assert (item.referrals_given, item.referrals_received) == (0, 2)


def test_promotion_counts_as_given(services: Services) -> None:
    cid = _add(services, given_name="Paul")
    _refer(services, cid, "given", kind="promotion")
    (row,) = services.contacts.export_rows(services.contacts.items([cid]))
    assert (row["referrals_given"], row["referrals_received"]) == (1, 0)


def test_override_and_undo_of_the_override(services: Services) -> None:
    cid = _add(services, given_name="Olga")
    before = services.contacts.set_tie([cid], Tie.STRONG)
    item = services.contacts.items([cid])[0]
    assert item.tie is Tie.STRONG
    assert item.tie_is_override
    assert item.tie_reason.startswith("strong: set by you")
    assert services.contacts.get(cid).suggested_tie is Tie.WEAK
    services.contacts.restore_ties(before)
    assert services.contacts.items([cid])[0].tie is Tie.WEAK


def test_totals_and_tie_filter(services: Services) -> None:
    ids = [_add(services, given_name=n) for n in ("A", "B", "C")]
    services.contacts.set_tie(ids[:1], Tie.STRONG)
    totals = services.contacts.totals(services.contacts.list_items())
    assert (totals.contacts, totals.strong, totals.weak) == (3, 1, 2)
    assert [i.id for i in services.contacts.search("", Tie.STRONG)] == ids[:1]


def test_update_of_a_deleted_contact_says_so(services: Services) -> None:
    cid = _add(services, given_name="Gone")
    services.contacts.delete([cid])
    with pytest.raises(NotFoundError, match="no longer exists"):
        services.contacts.update(cid, ContactDraft(given_name="Back"))


@pytest.mark.parametrize(
    ("emails", "phones", "message"),
    [(["not-an-email"], [], "does not look like an e-mail"),
     (["a b@x.example"], [], "does not look like an e-mail"),
     ([], ["abc"], "does not look like a phone")],
)
def test_typed_e_mails_and_phones_are_checked(services: Services, emails, phones,  # type: ignore[no-untyped-def]
                                              message: str) -> None:
    draft = ContactDraft(given_name="Check", emails=[TypedValue(e) for e in emails],
                         phones=[TypedValue(p) for p in phones])
    with pytest.raises(ValidationError, match=message):
        services.contacts.create(draft)
