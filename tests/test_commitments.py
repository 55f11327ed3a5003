from datetime import UTC, date, datetime, time

import pytest

from mend.commitments import services
from mend.commitments.models import Entry, Occurrence
from mend.errors import RuleBroken
from tests.conftest import frozen

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def _daily(space, maker, **overrides):
    args = {
        "title": "Text when I leave work",
        "repeat": "daily",
        "start_date": date(2026, 6, 1),
        "due_time": time(17, 30),
        **overrides,
    }
    with frozen(MONDAY):
        return services.make(space, maker, **args)


def _occurrence_on(space, day):
    services.bring_due_up_to_date(space)
    return services.occurrences(space).get(local_date=day)


def test_a_commitment_to_the_one_other_member_needs_no_choice(couple, alice, bob):
    assert _daily(couple, alice).receiver == bob


def test_in_a_family_the_maker_chooses_the_receiver(family, alice, carol):
    with pytest.raises(RuleBroken, match="Choose who"):
        _daily(family, alice)
    assert _daily(family, alice, receiver_id=carol.pk).receiver == carol


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "x"}, "title"),
        ({"title": "x" * 141}, "title"),
        ({"repeat": "hourly"}, "repeat"),
        ({"start_date": date(2026, 5, 31)}, "start_date"),
    ],
)
def test_bad_commitments_are_explained(couple, alice, overrides, field):
    with pytest.raises(RuleBroken) as caught:
        _daily(couple, alice, **overrides)
    assert caught.value.field == field
    assert not couple.commitments.exists()


def test_occurrences_appear_as_days_arrive_and_only_once(couple, alice):
    _daily(couple, alice)
    with frozen(datetime(2026, 6, 3, 9, 0, tzinfo=UTC)):
        services.bring_due_up_to_date(couple)
        services.bring_due_up_to_date(couple)
    assert list(Occurrence.objects.values_list("local_date", flat=True).order_by("local_date")) == [
        date(2026, 6, 1),
        date(2026, 6, 2),
        date(2026, 6, 3),
    ]


def test_it_counts_as_kept_when_both_agree(couple, alice, bob):
    _daily(couple, alice)
    with frozen(datetime(2026, 6, 1, 18, 0, tzinfo=UTC)):
        o = _occurrence_on(couple, date(2026, 6, 1))
        services.report(o, alice, "kept", "sent at 17:32")
        assert services.occurrence_in(couple, o.pk).status == "awaiting_confirmation"
        services.respond(services.occurrence_in(couple, o.pk), bob, "confirm")
        assert services.occurrence_in(couple, o.pk).status == "kept"


def test_when_they_disagree_both_accounts_stand(couple, alice, bob):
    _daily(couple, alice)
    with frozen(datetime(2026, 6, 1, 18, 0, tzinfo=UTC)):
        o = _occurrence_on(couple, date(2026, 6, 1))
        services.report(o, alice, "kept")
        services.respond(services.occurrence_in(couple, o.pk), bob, "dispute", "No text came.")
        o = services.occurrence_in(couple, o.pk)
    assert o.status == "disputed"
    assert [(e.role, e.value) for e in o.entries.all()] == [
        ("report", "kept"),
        ("response", "dispute"),
    ]


def test_the_receiver_cannot_report_and_the_maker_cannot_confirm(couple, alice, bob):
    _daily(couple, alice)
    with frozen(datetime(2026, 6, 1, 18, 0, tzinfo=UTC)):
        o = _occurrence_on(couple, date(2026, 6, 1))
        with pytest.raises(RuleBroken, match="Only the person who made"):
            services.report(o, bob, "kept")
        services.report(o, alice, "kept")
        o = services.occurrence_in(couple, o.pk)
        with pytest.raises(RuleBroken, match="You made this commitment"):
            services.respond(o, alice, "confirm")
    assert Entry.objects.count() == 1


def test_nothing_can_be_said_twice_or_rewritten(couple, alice, bob):
    _daily(couple, alice)
    with frozen(datetime(2026, 6, 1, 18, 0, tzinfo=UTC)):
        o = _occurrence_on(couple, date(2026, 6, 1))
        entry = services.report(o, alice, "missed")
        with pytest.raises(RuleBroken, match="already been recorded"):
            services.report(services.occurrence_in(couple, o.pk), alice, "kept")
    entry.note = "changed"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()


def test_a_missed_one_can_get_one_repair_note(couple, alice, bob):
    _daily(couple, alice)
    with frozen(datetime(2026, 6, 1, 18, 0, tzinfo=UTC)):
        o = _occurrence_on(couple, date(2026, 6, 1))
        with pytest.raises(RuleBroken, match="follows a missed"):
            services.repair(o, alice, "sorry")
        services.report(o, alice, "missed")
        services.repair(services.occurrence_in(couple, o.pk), alice, "I forgot. Alarm set.")
        assert services.occurrence_in(couple, o.pk).awaits_repair is False


def test_the_receiver_must_wait_for_the_report(couple, alice, bob):
    _daily(couple, alice)
    with frozen(datetime(2026, 6, 1, 18, 0, tzinfo=UTC)):
        o = _occurrence_on(couple, date(2026, 6, 1))
        with pytest.raises(RuleBroken, match="Wait for"):
            services.respond(o, bob, "confirm")


def test_rates_per_person_over_7_30_and_90_days(couple, alice, bob):
    _daily(couple, alice)
    with frozen(datetime(2026, 6, 20, 20, 0, tzinfo=UTC)):
        services.bring_due_up_to_date(couple)
        for o in services.occurrences(couple):
            day = o.local_date.day
            if day <= 10:
                services.report(o, alice, "missed")
            elif day < 20:
                services.report(o, alice, "kept")
                services.respond(services.occurrence_in(couple, o.pk), bob, "confirm")
        tallies = services.tallies(couple, [alice, bob], alice)
    week, month = tallies[alice.pk][7], tallies[alice.pk][30]
    assert (week.kept, week.missed) == (6, 0)  # 14–19 June kept; the 20th not yet reported
    assert (month.kept, month.missed) == (9, 10)
    assert tallies[bob.pk][30].settled == 0


def test_ending_stops_new_occurrences_but_keeps_the_record(couple, alice, bob):
    c = _daily(couple, alice)
    with frozen(datetime(2026, 6, 2, 9, 0, tzinfo=UTC)):
        services.bring_due_up_to_date(couple)
        with pytest.raises(RuleBroken):
            services.end(c, bob)
        services.end(c, alice)
    with frozen(datetime(2026, 6, 9, 9, 0, tzinfo=UTC)):
        services.bring_due_up_to_date(couple)
    assert Occurrence.objects.count() == 2


def test_the_web_flow_report_then_confirm(couple, alice, bob, alice_client, bob_client):
    today = datetime.now(UTC).date().isoformat()
    made = alice_client.post(
        f"/s/{couple.pk}/commitments/",
        {"title": "Call at lunch", "repeat": "once", "start_date": today, "due_time": "00:00"},
    )
    assert made.status_code == 302
    c = couple.commitments.get()
    page = alice_client.get(f"/s/{couple.pk}/commitments/{c.pk}/")
    o = page.context["record"][0]
    alice_client.post(f"/s/{couple.pk}/occurrences/{o.pk}/report/", {"value": "kept", "note": ""})
    # Confirming your own commitment is refused, with the note kept on the page.
    refused = alice_client.post(
        f"/s/{couple.pk}/occurrences/{o.pk}/respond/", {"value": "confirm", "note": "my own words"}
    )
    assert refused.status_code == 400
    assert b"the other person confirms it" in refused.content
    bob_client.post(f"/s/{couple.pk}/occurrences/{o.pk}/respond/", {"value": "confirm"})
    assert services.occurrence_in(couple, o.pk).status == "kept"
    assert b"Kept" in bob_client.get(f"/s/{couple.pk}/commitments/{c.pk}/").content


def test_an_over_long_note_is_refused_with_the_note_kept(couple, alice, alice_client):
    _daily(couple, alice)
    with frozen(datetime(2026, 6, 1, 18, 0, tzinfo=UTC)):
        o = _occurrence_on(couple, date(2026, 6, 1))
        page = alice_client.post(
            f"/s/{couple.pk}/occurrences/{o.pk}/report/", {"value": "kept", "note": "y" * 501}
        )
    assert page.status_code == 400
    assert ("y" * 501).encode() in page.content
    assert not Entry.objects.exists()


def test_a_long_record_is_shown_a_page_at_a_time(couple, alice, alice_client):
    _daily(couple, alice)
    with frozen(datetime(2026, 7, 15, 18, 0, tzinfo=UTC)):
        services.bring_due_up_to_date(couple)
        c = couple.commitments.get()
        first = alice_client.get(f"/s/{couple.pk}/commitments/{c.pk}/")
        last = alice_client.get(f"/s/{couple.pk}/commitments/{c.pk}/?page=3")
    assert len(first.context["record"]) == 20
    assert first.context["record"][0].local_date == date(2026, 7, 15)
    assert [o.local_date for o in last.context["record"]][-1] == date(2026, 6, 1)


def test_a_commitment_says_when_it_falls_due_in_words(couple, alice):
    once = _daily(couple, alice, repeat="once", due_time=time(17, 30))
    daily = _daily(couple, alice, due_time=time(7, 5))
    assert once.rhythm == "on 1 Jun by 17:30"
    assert daily.rhythm == "every day by 07:05"
