import re

import pytest
from django.core import mail
from django.db import connection

from mend.accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _signup(client, path="/signup/", **overrides):
    data = {
        "display_name": "Rosa",
        "email": "rosa@example.org",
        "password": "plum orchard lantern",
        "time_zone": "Europe/Madrid",
        **overrides,
    }
    return client.post(path, data)


def _emailed_link() -> str:
    return re.search(r"https?://testserver(/\S+)", mail.outbox[-1].body).group(1)


def test_sign_up_confirms_by_email_and_password_then_signs_in(client):
    response = _signup(client)
    assert b"Check your email" in response.content
    assert not User.objects.exists()  # nothing exists until the link is used
    assert mail.outbox[0].subject == "Your account link"
    link = _emailed_link()
    wrong = client.post(link, {"password": "not the one"})
    assert b"not the password you chose" in wrong.content
    assert not User.objects.exists()
    done = client.post(link, {"password": "plum orchard lantern"})
    assert done.status_code == 302
    user = User.objects.get(email="rosa@example.org")
    assert user.time_zone == "Europe/Madrid"
    assert client.get("/").status_code == 302  # signed in, on to "start a space"
    assert client.get(link).status_code == 410  # the link works once


def test_sign_up_answers_the_same_for_a_taken_address(client, alice):
    fresh = _signup(client, email="new@example.org")
    taken = _signup(client, email="ALICE@example.org")
    assert fresh.status_code == taken.status_code == 200
    assert fresh.content.replace(b"new@example.org", b"X") == taken.content.replace(
        b"ALICE@example.org", b"X"
    )
    assert "already has one" in mail.outbox[-1].body
    assert User.objects.filter(email="alice@example.org").count() == 1


def test_it_stores_passwords_with_argon2(client, settings):
    from mend import settings as mend_settings

    settings.PASSWORD_HASHERS = mend_settings.PASSWORD_HASHERS
    _signup(client)
    client.post(_emailed_link(), {"password": "plum orchard lantern"})
    assert User.objects.get().password.startswith("argon2")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"time_zone": "Mars/Base"}, "time_zone", "not a time zone we know"),
        ({"password": "short"}, "password", "too short"),
        ({"password": "password123"}, "password", "too common"),
        ({"email": "not-an-email"}, "email", "valid email"),
        ({"display_name": "x" * 61}, "display_name", "at most 60"),
    ],
)
def test_it_explains_bad_sign_up_input_and_keeps_what_was_typed(client, overrides, field, message):
    response = _signup(client, **overrides)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert User.objects.count() == 0
    # What was typed is still in the form (passwords excepted).
    assert b'value="Rosa"' in response.content or field == "display_name"


def test_every_sign_up_problem_shows_at_once(client):
    response = _signup(client, email="not-an-email", password="short", time_zone="Mars/Base")
    assert set(response.context["form"].errors) == {"email", "password", "time_zone"}
    assert len(mail.outbox) == 0


def test_it_logs_in_and_out(client, alice):
    response = client.post("/login/", {"username": "alice@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200
    signed_out = client.post("/logout/")
    assert signed_out["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert client.get("/account/").status_code == 302


def test_a_wrong_password_is_explained(client, alice):
    response = client.post("/login/", {"username": "alice@example.org", "password": "nope"})
    assert b"do not match an account" in response.content


def test_password_reset_sends_a_discreet_email_and_the_link_works(client, alice):
    response = client.post("/password/reset/", {"email": "alice@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Your account link"
    link = next(line for line in message.body.splitlines() if "/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "new quiet harbour", "new_password2": "new quiet harbour"},
    )
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("new quiet harbour")


def test_password_reset_answers_the_same_for_unknown_emails(client):
    response = client.post("/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0


def test_it_changes_the_password_only_with_the_current_one(alice_client, alice):
    wrong = alice_client.post(
        "/account/password/", {"current_password": "nope", "password": "a brand new phrase"}
    )
    assert b"current password is not right" in wrong.content
    right = alice_client.post(
        "/account/password/", {"current_password": PASSWORD, "password": "a brand new phrase"}
    )
    assert right.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a brand new phrase")
    assert alice_client.get("/account/").status_code == 200  # still signed in


def test_it_updates_name_and_time_zone(alice_client, alice):
    response = alice_client.post("/account/", {"display_name": "Ali", "time_zone": "Asia/Tokyo"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.display_name, alice.time_zone) == ("Ali", "Asia/Tokyo")


def test_an_unknown_time_zone_changes_nothing(alice_client, alice):
    response = alice_client.post("/account/", {"display_name": "Ali", "time_zone": "Nowhere"})
    assert b"not a time zone we know" in response.content
    alice.refresh_from_db()
    assert (alice.display_name, alice.time_zone) == ("Alice", "UTC")


def test_personal_tokens_are_shown_once_and_stored_as_digests(alice_client, alice):
    alice_client.post("/account/tokens/", {"name": "phone"})
    page = alice_client.get("/account/")
    raw = page.context["new_token"]
    assert raw.startswith("mend_")
    assert alice_client.get("/account/").context["new_token"] is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT digest FROM accounts_apitoken")
        (digest,) = cursor.fetchone()
    assert raw not in digest
    token = alice.api_tokens.get()
    alice_client.post(f"/account/tokens/{token.pk}/revoke/")
    assert not alice.api_tokens.exists()


def test_pages_for_signed_in_people_are_not_cached(alice_client):
    assert alice_client.get("/account/")["Cache-Control"] == "no-store"


def test_sign_up_never_redirects_off_site(client):
    _signup(client, path="/signup/?next=https://evil.example/")
    response = client.post(_emailed_link(), {"password": "plum orchard lantern"})
    assert response.url == "/"
