"""Bad input in every form gets an answer, never a server error, and writes nothing it
should not. Walks every web route that takes a POST with garbage in every usual field."""

import pytest
from django.test import Client

from tests.test_access import _fill, _routes

pytestmark = pytest.mark.django_db

GARBAGE = {
    "name": "x" * 5000,
    "kind": "spaceship",
    "email": "not an email\x00",
    "password": "",
    "display_name": "",
    "time_zone": "Mars/Base",
    "mood": "-1",
    "safety": "eleven",
    "trust": "999999999999999999999",
    "conflict": "<script>",
    "communication": "",
    "checking": "sometimes",
    "note": "y" * 10000,
    "note_shared": "maybe",
    "title": "",
    "repeat": "hourly",
    "start_date": "2026-02-30",
    "due_time": "25:61",
    "receiver_id": "abc",
    "recipient_id": "-5",
    "text": "",
    "first": "z" * 600,
    "value": "perhaps",
    "code": "12",
    "current_password": "",
    "space_id": "9" * 40,
    "on": "sideways",
    "country": "XX",
    "people": "p" * 3000,
    "purpose": "poem",
    "form": "check",
    "scenario": "",
    "message": "",
    "username": "\x00",
    "new_password1": "a",
    "new_password2": "b",
}


def test_no_form_answers_bad_input_with_a_server_error(world, alice):
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    checked = 0
    for route, _ in _routes():
        if route.startswith(("api/", "admin/")) or "logout" in route or "delete" in route:
            continue
        if "<" in route and not all(k in route for k in ("space_id",)) and "token" not in route:
            continue
        path = _fill(route, {**world, "token": "nonsense", "uidb64": "xx", "token_id": 1})
        response = client.post(path, GARBAGE)
        assert response.status_code < 500, (path, response.status_code)
        checked += 1
    assert checked > 25
