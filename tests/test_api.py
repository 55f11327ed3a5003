import json
import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import Client

from mend.checkins.models import CheckIn
from mend.spaces.models import Space
from tests.conftest import CHECKIN, PASSWORD

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/spaces/{space_id}/checkins" in paths
    assert client.get("/api/docs").status_code == 200


def test_it_needs_a_session_or_a_token(client):
    response = client.get("/api/me")
    assert response.status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer mend_wrong").get("/api/me").status_code == 401


def test_a_write_without_a_session_or_with_a_wrong_token_is_told_to_sign_in():
    # Not "CSRF check failed": there is no session for CSRF to protect.
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer mend_wrong"}):
        strict = Client(enforce_csrf_checks=True, **headers)
        response = strict.post(
            "/api/coach/analyze", json.dumps({"text": "hi"}), content_type="application/json"
        )
        assert response.status_code == 401
        assert "Sign in" in response.json()["detail"]


def test_sign_up_then_get_a_token_then_use_it(client):
    asked = client.post(
        "/api/auth/signup",
        json.dumps(
            {
                "email": "Zoe@Example.org",
                "password": "tidal meadow fern",
                "display_name": "Zoe",
                "time_zone": "Europe/Oslo",
            }
        ),
        content_type="application/json",
    )
    assert asked.status_code == 202
    token = re.search(r"/signup/confirm/(\S+)/", mail.outbox[-1].body).group(1)
    created = client.post(
        "/api/auth/signup/confirm",
        json.dumps({"token": token, "password": "tidal meadow fern"}),
        content_type="application/json",
    )
    assert created.status_code == 201
    assert created.json()["email"] == "zoe@example.org"
    token = client.post(
        "/api/auth/token",
        json.dumps({"email": "zoe@example.org", "password": "tidal meadow fern", "name": "phone"}),
        content_type="application/json",
    ).json()["token"]
    me = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/me")
    assert me.json()["time_zone"] == "Europe/Oslo"


def test_a_browser_session_works_and_needs_csrf_for_writes(alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    assert browser.get("/api/me").status_code == 200
    refused = browser.post(
        "/api/spaces", json.dumps({"name": "Us", "kind": "couple"}), content_type="application/json"
    )
    assert refused.status_code == 403
    assert not Space.objects.exists()


def test_validation_errors_name_each_field(alice_api, couple):
    response = alice_api.post(
        f"/spaces/{couple.pk}/checkins", {**CHECKIN, "mood": 9, "conflict": "huge"}
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"mood", "conflict"}
    assert not CheckIn.objects.exists()


def test_malformed_json_is_a_clear_4xx(alice_api, couple):
    response = alice_api.client.post(
        f"/api/spaces/{couple.pk}/checkins", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "The request body is not valid JSON."


def test_check_in_once_then_edit(alice_api, couple):
    first = alice_api.post(f"/spaces/{couple.pk}/checkins", CHECKIN)
    assert first.status_code == 201
    again = alice_api.post(f"/spaces/{couple.pk}/checkins", CHECKIN)
    assert again.status_code == 409
    assert "already checked in" in again.json()["detail"]
    edited = alice_api.put(f"/spaces/{couple.pk}/checkins/today", {**CHECKIN, "trust": 8})
    assert edited.json()["trust"] == 8


def test_private_notes_do_not_leave_through_the_api(alice_api, bob_api, couple):
    alice_api.post(f"/spaces/{couple.pk}/checkins", {**CHECKIN, "note": "secret"})
    assert alice_api.get(f"/spaces/{couple.pk}/checkins").json()[0]["note"] == "secret"
    assert bob_api.get(f"/spaces/{couple.pk}/checkins").json()[0]["note"] == ""


def test_spaces_invites_and_joining(alice_api, bob_api, outsider):
    space = alice_api.post("/spaces", {"name": "Us", "kind": "couple"}).json()
    link = alice_api.post(f"/spaces/{space['id']}/invites").json()["link"]
    token = link.rstrip("/").rsplit("/", 1)[1]
    joined = bob_api.post(f"/invites/{token}/accept")
    assert [m["display_name"] for m in joined.json()["members"]] == ["Alice", "Bob"]
    reused = bob_api.post(f"/invites/{token}/accept")
    assert reused.status_code == 410
    full = alice_api.post(f"/spaces/{space['id']}/invites")
    assert full.status_code == 400
    assert "two people" in full.json()["detail"]


def test_an_unknown_kind_or_over_long_name_is_refused(alice_api):
    wrong_kind = alice_api.post("/spaces", {"name": "Us", "kind": "team"})
    assert wrong_kind.status_code == 422
    assert wrong_kind.json()["errors"]["kind"] == "Choose one of: couple, family, friendship."
    response = alice_api.post("/spaces", {"name": "x" * 81, "kind": "couple"})
    assert "name" in response.json()["errors"]


def test_commitment_record_through_the_api(alice_api, bob_api, couple, alice, bob):
    today = datetime.now(UTC).date().isoformat()
    made = alice_api.post(
        f"/spaces/{couple.pk}/commitments",
        {"title": "Call at lunch", "repeat": "once", "start_date": today, "due_time": "00:00"},
    )
    assert made.status_code == 201
    assert made.json()["receiver_id"] == bob.pk
    occurrence = alice_api.get(f"/spaces/{couple.pk}/occurrences").json()[0]
    path = f"/spaces/{couple.pk}/occurrences/{occurrence['id']}"
    assert (
        alice_api.post(f"{path}/report", {"value": "kept"}).json()["status"]
        == "awaiting_confirmation"
    )
    own = alice_api.post(f"{path}/respond", {"value": "confirm"})
    assert own.status_code == 403
    disputed = bob_api.post(f"{path}/respond", {"value": "dispute", "note": "Didn't get it"})
    assert disputed.json()["status"] == "disputed"
    assert [e["role"] for e in disputed.json()["record"]] == ["report", "response"]


def test_appreciation_and_three_things(alice_api, bob_api, couple, bob):
    sent = alice_api.post(
        f"/spaces/{couple.pk}/appreciations",
        {"recipient_id": bob.pk, "text": "Thanks for listening"},
    )
    assert sent.status_code == 201
    three = alice_api.post(
        f"/spaces/{couple.pk}/appreciations/three-things",
        {"recipient_id": bob.pk, "things": ["a", "b", "c"]},
    )
    assert len(three.json()) == 3
    four = alice_api.post(
        f"/spaces/{couple.pk}/appreciations/three-things",
        {"recipient_id": bob.pk, "things": ["a", "b", "c", "d"]},
    )
    assert four.status_code == 422
    assert len(bob_api.get(f"/spaces/{couple.pk}/appreciations").json()) == 4


def test_the_dashboard_summary(alice_api, couple, alice, bob):
    alice_api.post(f"/spaces/{couple.pk}/checkins", CHECKIN)
    data = alice_api.get(f"/spaces/{couple.pk}/dashboard").json()
    people = {m["display_name"]: m for m in data["members"]}
    assert people["Alice"]["checked_in_today"] is True
    assert people["Bob"]["checked_in_today"] is False
    assert len(people["Alice"]["trust"]) == 90
    assert people["Alice"]["trust"][-1] == CHECKIN["trust"]
    assert [r["days"] for r in people["Alice"]["rates"]] == [7, 30, 90]


def test_profile_and_password(alice_api, alice):
    bad = alice_api.patch("/me", {"display_name": "Al", "time_zone": "Atlantis"})
    assert bad.status_code == 400
    assert "time_zone" in bad.json()["errors"]
    assert (
        alice_api.patch("/me", {"display_name": "Al", "time_zone": "Asia/Seoul"}).json()[
            "time_zone"
        ]
        == "Asia/Seoul"
    )
    wrong = alice_api.post("/me/password", {"current_password": "x", "password": "new phrase ok"})
    assert wrong.status_code == 400
    ok = alice_api.post(
        "/me/password", {"current_password": PASSWORD, "password": "new phrase for me"}
    )
    assert ok.status_code == 200


def test_tokens_can_be_listed_and_revoked(alice_api):
    tokens = alice_api.get("/me/tokens").json()
    assert [t["name"] for t in tokens] == ["tests"]
    assert alice_api.delete(f"/me/tokens/{tokens[0]['id']}").status_code == 204
    assert alice_api.get("/me").status_code == 401


def test_a_deactivated_persons_token_stops_working(alice, alice_api):
    assert alice_api.get("/me").status_code == 200
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    assert alice_api.get("/me").status_code == 401


def test_a_tokens_person_is_loaded_as_the_orm_loads_them(alice):
    """The token check reads the person with its own query: every field must come back as the
    ORM gives it (time zone aware dates, booleans, the time zone), on either database."""
    from mend.accounts.models import ApiToken, User

    alice.last_login = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    alice.time_zone = "Europe/Madrid"
    alice.save()
    _, raw = ApiToken.issue(alice, "phone")
    by_token = ApiToken.user_for(raw)
    by_orm = User.objects.get(pk=alice.pk)
    for field in User._meta.concrete_fields:
        assert getattr(by_token, field.attname) == getattr(by_orm, field.attname), field.name
    assert by_token.date_joined.tzinfo is not None
    assert not by_token._state.adding and by_token._state.db == "default"
    assert ApiToken.user_for(raw + "x") is None


def test_nul_characters_are_refused_not_crashed_on(alice_api, couple):
    response = alice_api.post(f"/spaces/{couple.pk}/checkins", {**CHECKIN, "note": "a\x00b"})
    assert response.status_code == 422
    assert "NUL" in response.json()["errors"]["note"]


def test_a_token_client_needs_no_csrf_token(alice, couple):
    from mend.accounts.models import ApiToken

    _, raw = ApiToken.issue(alice, "phone")
    strict = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")
    response = strict.post(
        f"/api/spaces/{couple.pk}/checkins", json.dumps(CHECKIN), content_type="application/json"
    )
    assert response.status_code == 201
