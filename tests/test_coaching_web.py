import pytest

pytestmark = pytest.mark.django_db


def test_the_api_analyzes_without_storing_anything(alice_api, django_assert_num_queries):
    with django_assert_num_queries(1):  # the token lookup, and nothing written
        response = alice_api.post(
            "/coach/analyze", {"text": "You never listen to me.", "purpose": "message"}
        )
    assert response.status_code == 200
    data = response.json()
    assert data["labels"] == ["blame", "absolute"]
    assert data["findings"][0]["text"]
    assert data["rewrites"][0]["text"].startswith("I feel")


def test_the_api_assesses_apologies(alice_api):
    data = alice_api.post(
        "/coach/analyze", {"text": "Sorry if you were upset.", "purpose": "apology"}
    ).json()
    assert "non_apology" in data["labels"]
    assert {p["part"] for p in data["apology"]} == {
        "specific",
        "wrong",
        "impact",
        "no_excuse",
        "commitment",
        "asks_nothing",
    }


def test_the_api_refuses_bad_input_clearly(alice_api, client):
    assert alice_api.post("/coach/analyze", {"text": "x", "purpose": "poem"}).status_code == 422
    assert alice_api.post("/coach/analyze", {"text": "x" * 5001}).status_code == 422
    assert client.post("/api/coach/analyze", {}, content_type="application/json").status_code == 401


def test_the_practice_page_works_without_javascript(alice_client):
    page = alice_client.post(
        "/coach/", {"form": "check", "purpose": "message", "text": "Whatever."}
    )
    assert b"Stonewalling" in page.content
    assert b"Who sees this" in page.content


def test_writing_boxes_to_others_carry_the_live_coach(alice_client, couple):
    assert b'data-coach="message"' in alice_client.get(f"/s/{couple.pk}/appreciation/").content
