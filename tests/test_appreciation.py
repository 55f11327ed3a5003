from datetime import UTC, date, datetime, time

import pytest

from mend.appreciation import services
from mend.appreciation.models import Appreciation
from mend.checkins.models import CheckIn
from mend.commitments import services as commitments
from mend.errors import RuleBroken
from tests.conftest import CHECKIN, client_for, frozen

pytestmark = pytest.mark.django_db


def test_it_sends_a_note_the_recipient_reads_on_their_page(couple, alice, bob, bob_client):
    services.send(couple, alice, bob.pk, "Thank you for dinner.")
    page = bob_client.get(f"/s/{couple.pk}/appreciation/")
    assert [a.text for a in page.context["received"]] == ["Thank you for dinner."]


def test_long_lists_come_a_page_at_a_time_each_on_its_own(couple, alice, bob, bob_client):
    for n in range(25):
        services.send(couple, alice, bob.pk, f"Thanks number {n}.")
    services.send(couple, bob, alice.pk, "Thanks back.")
    url = f"/s/{couple.pk}/appreciation/"
    first = bob_client.get(url)
    assert len(first.context["received"]) == 20
    assert first.context["received"][0].text == "Thanks number 24."  # newest first
    assert b'href="?received=2"' in first.content
    second = bob_client.get(url + "?received=2&sent=1")
    assert [a.text for a in second.context["received"]][-1] == "Thanks number 0."
    assert [a.text for a in second.context["sent"]] == ["Thanks back."]
    assert b'href="?received=1&amp;sent=1"' in second.content


def test_it_refuses_notes_to_oneself_or_strangers_or_empty(couple, alice, outsider):
    for recipient, text in ((alice.pk, "me"), (outsider.pk, "hi"), (None, "x")):
        with pytest.raises(RuleBroken):
            services.send(couple, alice, recipient, text)
    with pytest.raises(RuleBroken, match="Write what"):
        services.send(couple, alice, couple.memberships.last().user_id, "   ")
    assert not Appreciation.objects.exists()


def test_three_things_are_sent_together_or_not_at_all(couple, alice, bob):
    with pytest.raises(RuleBroken):
        services.send_three_things(couple, alice, bob.pk, ["fine", "x" * 501, "also fine"])
    assert not Appreciation.objects.exists()
    sent = services.send_three_things(couple, alice, bob.pk, ["one", "", "three"])
    assert [a.text for a in sent] == ["one", "three"]
    assert all(a.from_three_things for a in sent)


def test_the_evening_prompt_shows_after_six_until_sent(couple, alice, bob):
    with frozen(datetime(2026, 6, 1, 17, 0, tzinfo=UTC)):
        assert not services.evening_prompt_due(couple, alice)
    with frozen(datetime(2026, 6, 1, 19, 0, tzinfo=UTC)):
        assert services.evening_prompt_due(couple, alice)
        services.send_three_things(couple, alice, bob.pk, ["the tea"])
        assert not services.evening_prompt_due(couple, alice)


def test_the_web_form_keeps_text_on_error(couple, bob, alice_client):
    page = alice_client.post(
        f"/s/{couple.pk}/appreciation/", {"form": "note", "recipient_id": bob.pk, "text": "z" * 501}
    )
    assert page.status_code == 400
    assert ("z" * 501).encode() in page.content


def test_a_family_note_is_between_sender_and_recipient(family, alice, bob, carol):
    services.send(family, alice, bob.pk, "for Bob only")
    assert b"for Bob only" not in client_for(carol).get(f"/s/{family.pk}/appreciation/").content
    assert b"for Bob only" in client_for(bob).get(f"/s/{family.pk}/appreciation/").content


def test_the_balance_weighs_good_moments_against_hard_ones(couple, alice, bob):
    with frozen(datetime(2026, 6, 1, 8, 0, tzinfo=UTC)):
        commitments.make(couple, alice, "Walk", "daily", date(2026, 6, 1), time(9, 0))
    with frozen(datetime(2026, 6, 2, 20, 0, tzinfo=UTC)):
        commitments.bring_due_up_to_date(couple)
        first, second = sorted(commitments.occurrences(couple), key=lambda o: o.local_date)
        commitments.report(first, alice, "kept")
        commitments.respond(commitments.occurrence_in(couple, first.pk), bob, "confirm")
        commitments.report(second, alice, "missed")
        for text in ("a", "b", "c"):
            services.send(couple, bob, alice.pk, text)
        CheckIn.objects.create(
            space=couple, user=bob, local_date=date(2026, 6, 2), **{**CHECKIN, "conflict": "major"}
        )
        balance = services.balances(couple, alice, (7,))[7]
    assert balance == {"positive": 4, "negative": 2, "ratio": 2.0}
