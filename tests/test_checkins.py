from datetime import UTC, date, datetime

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from mend import crypto
from mend.checkins import services
from mend.checkins.models import CheckIn
from mend.errors import RuleBroken
from tests.conftest import CHECKIN, frozen

pytestmark = pytest.mark.django_db


def _answers(**overrides):
    return services.Answers(**{**CHECKIN, **overrides})


def test_it_records_one_check_in_per_local_day(couple, alice):
    services.record(couple, alice, _answers())
    with pytest.raises(RuleBroken, match="already checked in today") as caught:
        services.record(couple, alice, _answers(mood=5))
    assert caught.value.status == 409
    assert CheckIn.objects.get().mood == 3


def test_the_day_is_the_authors_own(couple, alice, bob):
    bob.time_zone = "Asia/Tokyo"
    bob.save()
    with frozen(datetime(2026, 6, 1, 20, 0, tzinfo=UTC)):  # 05:00 on 2 June in Tokyo
        assert services.record(couple, alice, _answers()).local_date == date(2026, 6, 1)
        assert services.record(couple, bob, _answers()).local_date == date(2026, 6, 2)


def test_it_can_be_edited_until_local_midnight_only(couple, alice):
    alice.time_zone = "America/New_York"
    alice.save()
    with frozen(datetime(2026, 6, 1, 14, 0, tzinfo=UTC)):
        services.record(couple, alice, _answers(trust=4))
    with frozen(datetime(2026, 6, 2, 3, 59, tzinfo=UTC)):  # 23:59 in New York
        assert services.revise(couple, alice, _answers(trust=6)).trust == 6
    with (
        frozen(datetime(2026, 6, 2, 4, 1, tzinfo=UTC)),  # 00:01 the next day
        pytest.raises(RuleBroken, match="no check-in for today"),
    ):
        services.revise(couple, alice, _answers(trust=9))
    assert CheckIn.objects.get().trust == 6


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("mood", 0),
        ("mood", 6),
        ("safety", 11),
        ("trust", -1),
        ("communication", 9),
        ("conflict", "huge"),
        ("checking", "always"),
        ("note", "x" * 4001),
    ],
)
def test_out_of_range_answers_are_refused_and_nothing_is_written(couple, alice, field, value):
    with pytest.raises(RuleBroken) as caught:
        services.record(couple, alice, _answers(**{field: value}))
    assert caught.value.field == field
    assert not CheckIn.objects.exists()


def test_the_web_form_saves_and_then_edits_todays_check_in(couple, alice_client):
    assert alice_client.post(f"/s/{couple.pk}/checkin/", CHECKIN).status_code == 302
    page = alice_client.get(f"/s/{couple.pk}/checkin/")
    assert page.context["editing"] is True
    alice_client.post(f"/s/{couple.pk}/checkin/", {**CHECKIN, "mood": 5})
    assert CheckIn.objects.get().mood == 5


def test_the_web_form_explains_a_missing_answer_and_keeps_the_rest(couple, alice_client):
    data = {**CHECKIN, "note": "keep me"}
    del data["trust"]
    page = alice_client.post(f"/s/{couple.pk}/checkin/", data)
    assert page.status_code == 200
    assert "trust" in page.context["form"].errors
    assert b"keep me" in page.content
    assert not CheckIn.objects.exists()


def test_private_notes_are_encrypted_at_rest(couple, alice):
    services.record(couple, alice, _answers(note="I checked his phone again"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM checkins_checkin")
        (stored,) = cursor.fetchone()
    assert "phone" not in stored
    assert CheckIn.objects.get().note == "I checked his phone again"


def test_a_private_note_is_for_its_author_only(couple, alice, bob, bob_client, alice_client):
    services.record(couple, alice, _answers(note="only mine"))
    assert b"only mine" in alice_client.get(f"/s/{couple.pk}/checkins/").content
    for path in (f"/s/{couple.pk}/", f"/s/{couple.pk}/checkins/", f"/s/{couple.pk}/checkin/"):
        assert b"only mine" not in bob_client.get(path).content
    assert CheckIn.objects.get().note_visible_to(bob) == ""


def test_a_shared_note_is_visible_to_the_space(couple, alice, bob):
    services.record(couple, alice, _answers(note="you can read this", note_shared=True))
    assert CheckIn.objects.get().note_visible_to(bob) == "you can read this"


def test_key_rotation_reseals_with_the_new_key(couple, alice, settings):
    services.record(couple, alice, _answers(note="rotate me"))
    old = list(settings.ENCRYPTION_KEYS)
    new = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new, *old]
    call_command("rotate_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.ENCRYPTION_KEYS = [new]  # the old key is gone
    assert CheckIn.objects.get().note == "rotate me"
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM checkins_checkin")
        (stored,) = cursor.fetchone()
    assert crypto.unseal(stored) == "rotate me"


def test_members_see_who_checked_in_today_and_nothing_more(couple, alice, bob, bob_client):
    services.record(couple, alice, _answers())
    page = bob_client.get(f"/s/{couple.pk}/")
    assert b"Alice has checked in" in page.content
    assert b"Bob has not checked in yet" in page.content


def test_days_this_month_counts_each_member_and_everyone(couple, alice, bob):
    for day in (1, 2, 3):
        CheckIn.objects.create(space=couple, user=alice, local_date=date(2026, 6, day), **CHECKIN)
    CheckIn.objects.create(space=couple, user=bob, local_date=date(2026, 6, 2), **CHECKIN)
    CheckIn.objects.create(space=couple, user=bob, local_date=date(2026, 5, 31), **CHECKIN)
    with frozen(datetime(2026, 6, 3, 12, 0, tzinfo=UTC)):
        month = services.days_this_month(couple, [alice, bob], alice)
    assert month == {"days_so_far": 3, "per_member": {alice.pk: 3, bob.pk: 1}, "everyone": 1}
