import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from mend.checkins.models import CheckIn
from mend.commitments.models import Entry
from mend.spaces.models import Space

pytestmark = pytest.mark.django_db


def _load() -> dict[str, str]:
    out = io.StringIO()
    call_command("demo", "--seed", "7", stdout=out)
    return dict(re.findall(r"(\S+@example\.org)\s+password: (\S+)", out.getvalue()))


def test_the_demo_has_90_days_of_history_and_prints_working_logins():
    logins = _load()
    assert set(logins) == {"alex@example.org", "sam@example.org"}
    space = Space.objects.get()
    days = CheckIn.objects.filter(space=space).dates("local_date", "day")
    assert 75 <= len(days) <= 90
    assert Entry.objects.filter(value="dispute").exists()
    assert Entry.objects.filter(role="repair").exists()
    client = Client()
    signed_in = client.post(
        "/login/", {"username": "alex@example.org", "password": logins["alex@example.org"]}
    )
    assert signed_in.status_code == 302
    page = client.get(f"/s/{space.pk}/")
    assert page.status_code == 200
    assert b"<svg" in page.content


def test_loading_it_again_replaces_it():
    _load()
    _load()
    assert Space.objects.count() == 1
