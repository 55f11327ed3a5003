"""Two-factor sign-in, lockout per account and address, sessions, and resets that do not
slip past the second factor."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from mend.accounts import totp, two_factor
from mend.accounts.models import SecurityEvent
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def _current_code(secret: str, offset: int = 0) -> str:
    return totp.code_at(secret, totp.step_of(time.time()) + offset)


@pytest.fixture
def alice_with_2fa(alice):
    secret = totp.new_secret()
    codes = two_factor.turn_on(alice, secret, _current_code(secret, -1))
    return alice, secret, codes


def _password_step(client, email="alice@example.org", password=PASSWORD, ip="10.0.0.1"):
    return client.post("/login/", {"username": email, "password": password}, REMOTE_ADDR=ip)


def test_turning_it_on_through_the_pages(alice, alice_client):
    page = alice_client.get("/account/two-factor/")
    assert b"<svg" in page.content  # the QR code, drawn here, fetched from nowhere
    secret = page.context["secret"]
    wrong = alice_client.post("/account/two-factor/", {"code": "000000"})
    assert b"does not match" in wrong.content
    done = alice_client.post("/account/two-factor/", {"code": _current_code(secret)})
    assert len(done.context["codes"]) == 10
    assert two_factor.is_on(alice)
    assert SecurityEvent.objects.filter(user=alice, kind="2fa_on").exists()


def test_sign_in_asks_for_the_code_and_a_code_works_once(alice_with_2fa):
    alice, secret, _ = alice_with_2fa
    client = Client()
    assert _password_step(client).url == "/login/code/"
    assert client.get("/account/").status_code == 302  # not signed in yet
    code = _current_code(secret)
    assert client.post("/login/code/", {"code": code}).status_code == 302
    assert client.get("/account/").status_code == 200
    # The same code, again, from another browser: refused.
    other = Client()
    _password_step(other)
    assert b"does not match" in other.post("/login/code/", {"code": code}).content


def test_a_recovery_code_works_once(alice_with_2fa):
    _, _, codes = alice_with_2fa
    first = Client()
    _password_step(first)
    assert first.post("/login/code/", {"code": codes[0].upper()}).status_code == 302
    second = Client()
    _password_step(second)
    assert second.post("/login/code/", {"code": codes[0]}).status_code == 200


def test_too_many_wrong_codes_start_over(alice_with_2fa):
    client = Client()
    _password_step(client)
    for _ in range(5):
        response = client.post("/login/code/", {"code": "123456"})
    assert response.url == "/login/"
    assert client.get("/login/code/").url == "/login/"


def test_a_password_reset_does_not_skip_the_second_factor(alice_with_2fa):
    client = Client()
    client.post("/password/reset/", {"email": "alice@example.org"})
    path = re.search(r"testserver(/\S+)", mail.outbox[-1].body).group(1)
    form = client.get(path, follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a fresh long phrase", "new_password2": "a fresh long phrase"},
    )
    assert client.get("/account/").status_code == 302  # a reset never signs anyone in
    step = _password_step(client, password="a fresh long phrase")
    assert step.url == "/login/code/"


def test_the_api_token_needs_the_code_too(alice_with_2fa, client):
    import json

    _, secret, _ = alice_with_2fa
    body = {"email": "alice@example.org", "password": PASSWORD}
    refused = client.post("/api/auth/token", json.dumps(body), content_type="application/json")
    assert refused.status_code == 400
    assert "code" in refused.json()["errors"]
    granted = client.post(
        "/api/auth/token",
        json.dumps({**body, "code": _current_code(secret)}),
        content_type="application/json",
    )
    assert granted.status_code == 201


def test_turning_it_off_needs_password_and_code(alice_with_2fa):
    alice, secret, _ = alice_with_2fa
    client = client_for(alice)
    refused = client.post("/account/two-factor/off/", {"password": "nope", "code": "1"})
    assert b"not your password" in refused.content
    client.post(
        "/account/two-factor/off/", {"password": PASSWORD, "code": _current_code(secret, 1)}
    )
    assert not two_factor.is_on(alice)


def test_guessing_locks_out_that_account_from_that_address_only(alice):
    guesser = Client()
    for _ in range(5):
        _password_step(guesser, password="wrong guess", ip="10.0.0.66")
    locked = _password_step(guesser, ip="10.0.0.66")  # even the right password now waits
    assert locked.status_code == 429
    assert b"Too many attempts" in locked.content
    # Alice, on her own phone, is not locked out by her partner's guessing.
    assert _password_step(Client(), ip="10.0.0.7").status_code == 302


def test_the_api_token_endpoint_is_throttled_too(alice, client):
    import json

    body = {"email": "alice@example.org", "password": "wrong"}
    for _ in range(5):
        client.post("/api/auth/token", json.dumps(body), content_type="application/json")
    locked = client.post(
        "/api/auth/token",
        json.dumps({**body, "password": PASSWORD}),
        content_type="application/json",
    )
    assert locked.status_code == 429
    assert locked.json()["detail"].startswith("Too many attempts")


def test_sign_out_everywhere(alice):
    phone, laptop = Client(), Client()
    _password_step(phone)
    _password_step(laptop)
    page = phone.get("/account/")
    assert len(page.context["sessions"]) == 2
    phone.post("/account/sign-out-everywhere/")
    assert phone.get("/account/").status_code == 302
    assert laptop.get("/account/").status_code == 302


def test_a_browser_whose_session_ran_out_is_not_listed_and_is_forgotten_at_sign_in(alice):
    from django.contrib.sessions.models import Session

    from mend.accounts.models import SignedInSession

    old, new = Client(), Client()
    _password_step(old)
    Session.objects.filter(session_key=old.session.session_key).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )
    _password_step(new)
    assert len(new.get("/account/").context["sessions"]) == 1
    assert SignedInSession.objects.filter(user=alice).count() == 1
