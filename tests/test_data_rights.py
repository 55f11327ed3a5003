import io
import json
import zipfile
from datetime import UTC, datetime

import pytest
from django.apps import apps
from django.db import connection

from mend.accounts import rights
from mend.accounts.models import ApiToken, SecurityEvent, User
from mend.appreciation import services as appreciation
from mend.checkins import services as checkins
from mend.checkins.models import CheckIn
from mend.commitments import services as commitments
from mend.commitments.models import Commitment
from tests.conftest import CHECKIN, PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_couple(couple, alice, bob):
    """Alice and Bob, each with check-ins, commitments both ways, responses and notes."""
    today = datetime.now(UTC).date()
    for person, note in ((alice, "alice private words"), (bob, "bob private words")):
        checkins.record(couple, person, checkins.Answers(**{**CHECKIN, "note": note}))
    mine = commitments.make(couple, alice, "Alice calls", "once", today, datetime.min.time())
    theirs = commitments.make(couple, bob, "Bob texts", "once", today, datetime.min.time())
    commitments.bring_due_up_to_date(couple)
    for c, maker, receiver in ((mine, alice, bob), (theirs, bob, alice)):
        o = commitments.occurrences(couple).get(commitment=c)
        commitments.report(o, maker, "kept", f"{maker.display_name} report")
        commitments.respond(
            commitments.occurrence_in(couple, o.pk),
            receiver,
            "confirm",
            f"{receiver.display_name} response",
        )
    appreciation.send(couple, alice, bob.pk, "from alice with thanks")
    appreciation.send(couple, bob, alice.pk, "from bob with thanks")
    ApiToken.issue(alice, "phone")
    return couple


def _rows_pointing_at(user_pk: int) -> list[str]:
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            points_at_users = field.many_to_one and field.related_model is User
            if points_at_users and model.objects.filter(**{field.name: user_pk}).exists():
                found.append(f"{model.__name__}.{field.name}")
    return found


def _text_anywhere(needle: str) -> list[str]:
    """Search every text column of every table, raw, for a string."""
    hits = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if field.get_internal_type() in ("CharField", "TextField", "EmailField"):
                    table = connection.ops.quote_name(model._meta.db_table)
                    column = connection.ops.quote_name(field.column)
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {table} WHERE {column} LIKE %s", [f"%{needle}%"]
                    )
                    if cursor.fetchone()[0]:
                        hits.append(f"{model.__name__}.{field.name}")
    return hits


def test_deleting_an_account_leaves_no_row_of_the_person(busy_couple, alice, bob):
    alice_pk = alice.pk
    rights.delete_account(alice)
    assert _rows_pointing_at(alice_pk) == []
    for text in (
        "alice@example.org",
        "Alice calls",
        "from alice with thanks",
        "Alice report",
        "Alice response",
    ):
        assert _text_anywhere(text) == [], text
    # Bob keeps what he wrote: his check-in, his commitment and its record, his notes.
    assert CheckIn.objects.get(user=bob).note == "bob private words"
    bob_commitment = Commitment.objects.get(maker=bob)
    assert bob_commitment.receiver is None
    assert _text_anywhere("Bob report")


def test_the_last_member_deleting_removes_the_space(alice):
    from mend.spaces.models import Space
    from mend.spaces.services import create_space

    create_space(alice, "Alone", "couple")
    rights.delete_account(alice)
    assert not Space.objects.exists()


def test_deletion_through_the_web_needs_the_password(busy_couple, alice, alice_client):
    wrong = alice_client.post("/account/data/", {"password": "nope"})
    assert b"not your password" in wrong.content
    assert User.objects.filter(pk=alice.pk).exists()
    done = alice_client.post("/account/data/", {"password": PASSWORD})
    assert done["Clear-Site-Data"]
    assert not User.objects.filter(pk=alice.pk).exists()
    assert alice_client.get("/account/").status_code == 302


def test_deletion_through_the_api(busy_couple, alice_api, alice):
    assert alice_api.post("/me/delete", {"password": "nope"}).status_code == 400
    assert alice_api.post("/me/delete", {"password": PASSWORD}).status_code == 200
    assert not User.objects.filter(pk=alice.pk).exists()


def test_export_has_my_words_and_never_anyone_elses_private_text(busy_couple, alice, alice_client):
    response = alice_client.get("/account/data/export.json")
    data = json.loads(response.content)
    assert data["checkins"][0]["note"] == "alice private words"
    assert "bob private words" not in response.content.decode()
    assert [c["title"] for c in data["commitments"]] == ["Alice calls"]
    assert [e["note"] for e in data["commitments"][0]["record"]] == [
        "Alice report",
        "Bob response",
    ]
    assert data["responses_to_others"][0]["note"] == "Alice response"
    assert SecurityEvent.objects.filter(user=alice, kind="exported").exists()

    archive = zipfile.ZipFile(io.BytesIO(alice_client.get("/account/data/export.zip").content))
    assert set(archive.namelist()) == {
        "checkins.csv",
        "commitments.csv",
        "appreciation.csv",
        "security_log.csv",
    }
    assert "alice private words" in archive.read("checkins.csv").decode()
    assert "bob private words" not in b"".join(archive.read(n) for n in archive.namelist()).decode()


def test_the_security_log_records_sign_ins_and_failures_for_its_owner_only(client, alice, bob):
    client.post("/login/", {"username": "alice@example.org", "password": "wrong"})
    client.post("/login/", {"username": "alice@example.org", "password": PASSWORD})
    kinds = list(SecurityEvent.objects.filter(user=alice).values_list("kind", flat=True))
    assert kinds == ["signed_in", "sign_in_failed"]
    page = client.get("/account/security/")
    assert b"Failed sign-in attempt" in page.content
    assert not SecurityEvent.objects.filter(user=bob).exists()
