"""The optional language-model backend, over real HTTP against a local server process."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mend.coach import analyze, llm
from mend.coach.analyze import HARMFUL

SERVER = Path(__file__).resolve().parent / "fake_llm_server.py"


@pytest.fixture(scope="module")
def model_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, str(SERVER), str(port)])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/v1"
    process.terminate()
    process.wait(timeout=5)


def test_suggestions_the_coach_flags_as_harmful_are_never_shown(model_url):
    options = llm.rewrites(llm.Backend(model_url, "test"), "You never plan anything.", "message")
    assert [o["text"] for o in options] == [
        "I felt hurt when our plans changed without a word.",
        "I'd like us to talk about how we plan our evenings.",
    ]
    for option in options:
        assert not set(analyze(option["text"], "message")["labels"]) & set(HARMFUL)


def test_a_slow_model_times_out_cleanly(model_url):
    backend = llm.Backend(model_url, "test", timeout=0.5)
    started = time.monotonic()
    with pytest.raises(llm.Unavailable):
        llm.rewrites(backend, "SLOW: you never call", "message")
    assert time.monotonic() - started < 2


def test_only_http_urls_are_accepted():
    with pytest.raises(ValueError):
        llm.Backend("file:///etc/passwd", "test")


@pytest.mark.django_db
def test_the_api_adds_checked_ai_suggestions_and_falls_back(model_url, settings, alice_api):
    settings.MEND_LLM_URL = model_url
    settings.MEND_LLM_TIMEOUT = 1
    used = alice_api.post("/coach/analyze", {"text": "You never plan anything.", "ai": True})
    data = used.json()
    assert data["ai"] == "used"
    sources = [r["source"] for r in data["rewrites"]]
    assert sources.count("llm") == 2 and "local" in sources
    slow = alice_api.post("/coach/analyze", {"text": "SLOW you never plan", "ai": True}).json()
    assert slow["ai"] == "unavailable"
    assert all(r["source"] == "local" for r in slow["rewrites"])
    off = alice_api.post("/coach/analyze", {"text": "You never plan anything."}).json()
    assert off["ai"] == "off"


@pytest.mark.django_db
def test_role_play_over_the_api(model_url, settings, alice_api):
    settings.MEND_LLM_URL = model_url
    reply = alice_api.post(
        "/coach/scenario",
        {"scenario": "Telling my partner I'm hurt", "message": "You always forget our plans."},
    )
    assert reply.status_code == 200
    assert reply.json()["reply"] == "I didn't know it hurt you that much."
    assert {f["category"] for f in reply.json()["your_findings"]} >= {"absolute"}


@pytest.mark.django_db
def test_role_play_is_not_offered_without_a_model(alice_api, alice_client):
    missing = alice_api.post("/coach/scenario", {"scenario": "abc", "message": "hi"})
    assert missing.status_code == 404
    assert b"AI suggestions are available" not in alice_client.get("/coach/").content


@pytest.mark.django_db
def test_the_page_says_plainly_when_ai_is_on(model_url, settings, alice_client):
    settings.MEND_LLM_URL = model_url
    page = alice_client.get("/coach/").content.decode()
    assert "AI suggestions are available here" in page
    assert "127.0.0.1" in page


def test_a_language_model_url_that_is_not_http_stops_start_up(settings):
    from mend.coaching.checks import language_model_settings

    settings.MEND_LLM_URL = "file:///etc/passwd"
    assert [e.id for e in language_model_settings(None)] == ["coaching.E001"]
    settings.MEND_LLM_URL = ""
    assert language_model_settings(None) == []
