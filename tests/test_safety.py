import re
from datetime import UTC, datetime

import pytest
from django.db import connection

from mend.safety import questions, resources, services
from mend.safety.models import SafetyPlan, SafetyProfile
from tests.conftest import frozen

pytestmark = pytest.mark.django_db

ALL_NO = {key: "no" for key, _ in questions.QUESTIONS}


def _without_tokens(html: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html.decode())


def test_any_yes_turns_on_safety_mode(alice_client, alice):
    alice_client.post("/safety/check/", {**ALL_NO, "country": "GB"})
    assert not services.mode_on(alice)
    alice_client.post("/safety/check/", {**ALL_NO, "monitoring": "yes"})
    assert services.mode_on(alice)
    profile = SafetyProfile.objects.get(user=alice)
    assert profile.country == "GB"
    # The answers themselves are not kept anywhere.
    assert {f.name for f in SafetyProfile._meta.fields} == {
        "id",
        "user",
        "safety_mode",
        "country",
        "checked_at",
    }


def test_the_check_shows_a_privacy_note_before_any_question(alice_client):
    html = alice_client.get("/safety/check/").content.decode()
    assert html.index("Who sees this") < html.index(questions.QUESTIONS[0][1])


def test_safety_mode_stops_nudges_for_that_person_only(
    couple, alice, bob, alice_client, bob_client
):
    evening = datetime(2026, 6, 1, 19, 0, tzinfo=UTC)
    with frozen(evening):
        before_alice = alice_client.get(f"/s/{couple.pk}/")
        before_bob = bob_client.get(f"/s/{couple.pk}/")
    assert before_alice.context["evening_prompt"]
    alice_client.post("/safety/check/", {**ALL_NO, "fear": "yes"})
    with frozen(evening):
        after_alice = alice_client.get(f"/s/{couple.pk}/")
        after_bob = bob_client.get(f"/s/{couple.pk}/")
    assert not after_alice.context["evening_prompt"]
    assert b"Your safety comes first" in after_alice.content
    assert b"five positive moments" not in after_alice.content
    # Bob's page is byte for byte what it was.
    assert _without_tokens(after_bob.content) == _without_tokens(before_bob.content)


def test_crisis_resources_cover_at_least_ten_countries_with_the_us_hotline():
    countries = resources.all_countries()
    assert len(countries) >= 10
    assert countries["US"]["lines"][0]["phone"] == "1-800-799-7233"
    for country in countries.values():
        assert country["emergency"] and country["lines"], country["code"]


def test_the_safety_page_shows_lines_for_the_chosen_country(alice_client):
    assert b"1-800-799-7233" in alice_client.get("/safety/").content
    alice_client.post("/safety/country/", {"country": "DE"})
    page = alice_client.get("/safety/").content
    assert b"116 016" in page


def test_the_safety_plan_is_sealed_and_its_authors_alone(alice, bob, alice_client, bob_client):
    alice_client.post("/safety/plan/", {"people": "Call my sister Dana", "code_word": "pineapple"})
    assert SafetyPlan.objects.get(user=alice).code_word == "pineapple"
    with connection.cursor() as cursor:
        cursor.execute("SELECT people, code_word FROM safety_safetyplan")
        stored = " ".join(cursor.fetchone())
    assert "Dana" not in stored and "pineapple" not in stored
    assert b"pineapple" not in bob_client.get("/safety/plan/").content


def test_quick_exit_is_on_every_page(client, alice_client, couple, settings):
    for c, path in (
        (client, "/"),
        (client, "/login/"),
        (alice_client, f"/s/{couple.pk}/"),
        (alice_client, "/safety/"),
    ):
        html = c.get(path).content.decode()
        assert f'href="{settings.MEND_QUICK_EXIT_URL}" rel="noreferrer" data-quick-exit' in html
