"""Shared fixtures: the people healthchecks-style tests need — two members and an outsider."""

import json
from contextlib import contextmanager
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

from mend.accounts.models import ApiToken, User
from mend.checkins import services as checkins
from mend.commitments import services as commitments
from mend.professionals import services as professionals
from mend.spaces import services as spaces

PASSWORD = "correct horse battery staple"

# Properties, not timings: speed is measured by the scripts in bench/. Without this, an example
# that happens to load the coach's rules first (seconds) fails Hypothesis's 200 ms deadline.
hypothesis_settings.register_profile("mend", deadline=None)
hypothesis_settings.load_profile("mend")


@pytest.fixture(autouse=True)
def static_files_from_source(settings):
    """Production serves hashed files that `collectstatic` made; tests read app folders."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are not about hashing need not wait for it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db):
    def make(name: str, zone: str = "UTC") -> User:
        return User.objects.create_user(
            f"{name.lower()}@example.org", PASSWORD, display_name=name, time_zone=zone
        )

    return make


@pytest.fixture
def alice(make_user):
    return make_user("Alice")


@pytest.fixture
def bob(make_user):
    return make_user("Bob")


@pytest.fixture
def outsider(make_user):
    return make_user("Olga")


@pytest.fixture
def couple(alice, bob):
    """A couple space with Alice (who made it) and Bob (who joined by invite)."""
    space = spaces.create_space(alice, "Us", "couple")
    _, token = spaces.create_invite(space, alice)
    spaces.accept_invite(token, bob)
    return space


@pytest.fixture
def carol(make_user):
    return make_user("Carol")


@pytest.fixture
def family(alice, bob, carol):
    """A family space: Alice, Bob and Carol."""
    space = spaces.create_space(alice, "Fam", "family")
    for person in (bob, carol):
        _, token = spaces.create_invite(space, alice)
        spaces.accept_invite(token, person)
    return space


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice):
    return client_for(alice)


@pytest.fixture
def bob_client(bob):
    return client_for(bob)


class ApiClient:
    """Talks to /api/ with a personal token, the way a phone app would."""

    def __init__(self, user):
        _, self.token = ApiToken.issue(user, "tests")
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {self.token}")

    def call(self, method: str, path: str, body=None):
        kwargs = {}
        if body is not None:
            kwargs = {"data": json.dumps(body), "content_type": "application/json"}
        return getattr(self.client, method)(f"/api{path}", **kwargs)

    def get(self, path):
        return self.call("get", path)

    def post(self, path, body=None):
        return self.call("post", path, body if body is not None else {})

    def put(self, path, body):
        return self.call("put", path, body)

    def patch(self, path, body):
        return self.call("patch", path, body)

    def delete(self, path):
        return self.call("delete", path)


@pytest.fixture
def alice_api(alice):
    return ApiClient(alice)


@pytest.fixture
def bob_api(bob):
    return ApiClient(bob)


@contextmanager
def frozen(moment: datetime):
    """Pretend it is `moment` (an aware datetime) for Mend's code."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


CHECKIN = {
    "mood": 3,
    "safety": 6,
    "trust": 5,
    "conflict": "none",
    "communication": 3,
    "checking": "some",
    "note": "",
    "note_shared": False,
}


@pytest.fixture
def world(couple, alice, bob, outsider):
    """Alice and Bob's couple with a commitment that has fallen due; Olga has her own space."""
    today = datetime.now(UTC).date()
    commitment = commitments.make(
        couple, alice, "Call at lunch", "once", today, datetime.min.time()
    )
    commitments.bring_due_up_to_date(couple)
    occurrence = commitments.occurrences(couple).get()
    checkins.record(couple, alice, checkins.Answers(**CHECKIN))
    access, _ = professionals.invite(couple, alice, "thea@example.org")
    theirs = spaces.create_space(outsider, "Olga's", "couple")
    return {
        "space_id": couple.pk,
        "commitment_id": commitment.pk,
        "occurrence_id": occurrence.pk,
        "access_id": access.pk,
        "own_space_id": theirs.pk,
    }
