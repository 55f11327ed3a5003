"""Two people, two browsers: sign up, pair through the invite link, check in, make and
confirm a commitment, and both see it on the dashboard. Saves screenshots of the main pages
at phone and desktop widths to artifacts/screenshots/ (git ignores it)."""

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core import mail

# Playwright's sync API runs an event loop in this thread; the live server's ORM calls are in
# another thread, and the test's own ORM calls are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
playwright = pytest.importorskip("playwright.sync_api")

SHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: apt-get install -y chromium")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)


def submit(page, selector: str) -> None:
    """Click something that loads a new page, and wait until it has."""
    with page.expect_navigation():
        page.click(selector)


def sign_up(page, base: str, name: str, email: str) -> None:
    """Fill in the form, open the emailed link, confirm with the password."""
    page.fill("#id_display_name", name)
    page.fill("#id_email", email)
    page.fill("#id_password", "gentle river stones")
    submit(page, "main button[type=submit]")
    assert "Check your email" in page.content()
    message = next(m for m in reversed(mail.outbox) if email in m.to)
    link = re.search(r"https?://\S+/signup/confirm/\S+/", message.body).group(0)
    page.goto(link)
    page.fill("#id_password", "gentle river stones")
    submit(page, "main button[type=submit]")


def check_in(page, trust: str) -> None:
    submit(page, "nav.tabs >> text=Check in")
    page.check("input[name=mood][value='4']")
    page.check("input[name=safety][value='7']")
    page.check(f"input[name=trust][value='{trust}']")
    page.check("input[name=conflict][value='none']")
    page.check("input[name=communication][value='4']")
    page.check("input[name=checking][value='some']")
    page.fill("#id_note", "Private words that only I should ever see.")
    submit(page, "main button[type=submit]")
    assert "Check-in saved" in page.content()


def test_two_people_pair_check_in_and_keep_a_commitment(browser, live_server):
    base = live_server.url
    alice = browser.new_context(viewport=DESKTOP).new_page()
    bob = browser.new_context(viewport=PHONE, is_mobile=True).new_page()

    alice.goto(base + "/")
    shot(alice, "welcome")
    submit(alice, 'main >> role=link[name="Create an account"]')
    shot(alice, "signup")
    sign_up(alice, base, "Alice", "alice@example.org")
    alice.fill("#id_name", "Alice & Bob")
    alice.check("input[name=kind][value='couple']")
    submit(alice, "main button[type=submit]")
    submit(alice, 'role=button[name="Make an invite link"]')
    link = alice.input_value("#invite-link")
    shot(alice, "invite")

    bob.goto(link)
    assert "Alice invites you" in bob.content()
    shot(bob, "invite-accept")
    submit(bob, 'role=link[name="Create an account to join"]')
    sign_up(bob, base, "Bob", "bob@example.org")
    submit(bob, 'role=button[name="Join Alice & Bob"]')
    assert "Welcome to Alice &amp; Bob" in bob.content()

    check_in(alice, "5")
    check_in(bob, "8")
    submit(bob, "nav.tabs >> text=Check in")
    shot(bob, "checkin")

    submit(bob, "nav.tabs >> text=Commitments")
    bob.fill("#id_title", "Text when I leave work")
    bob.check("input[name=repeat][value='once']")
    bob.fill("#id_start_date", datetime.now(UTC).date().isoformat())
    bob.fill("#id_due_time", "00:00")
    submit(bob, 'role=button[name="Commit"]')
    assert "Commitment made" in bob.content()
    submit(bob, '#waiting-h + ul >> role=button[name="I kept it"]')
    shot(bob, "commitments")

    submit(alice, "nav.tabs >> text=Today")
    submit(alice, 'main >> role=link[name="Text when I leave work"]')
    submit(alice, 'role=button[name="Confirm"]')
    assert "Added to the record" in alice.content()
    shot(alice, "commitment")

    for page, other in ((alice, "Bob"), (bob, "Alice")):
        submit(page, "nav.tabs >> text=Today")
        text = page.content()
        assert f"{other} has checked in" in text
        assert "Private words" not in text
        assert "confirmed “Text when I leave work”" in text
        assert "1 of 1" in text  # Bob's kept rate
        shot(page, "dashboard")

    submit(bob, "nav.tabs >> text=Appreciation")
    bob.fill("#id_text", "Thank you for confirming so quickly.")
    submit(bob, "section[aria-labelledby=note-h] button[type=submit]")
    shot(bob, "appreciation")
    submit(alice, "nav.tabs >> text=Appreciation")
    assert "Thank you for confirming so quickly." in alice.content()
    shot(alice, "appreciation")


def _neutral_site(page, url: str) -> None:
    """Stand in for the neutral site, so the test sends nothing off this machine."""
    page.route(
        url + "*",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weather</title><p>Sunny</p>"
        ),
    )


def test_quick_exit_leaves_at_once_and_back_does_not_return(browser, live_server, alice, settings):
    page = browser.new_context(viewport=PHONE).new_page()
    _neutral_site(page, settings.MEND_QUICK_EXIT_URL)
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "alice@example.org")
    page.fill("#id_password", "correct horse battery staple")
    submit(page, "main button[type=submit]")
    page.goto(live_server.url + "/safety/")
    shot(page, "safety")
    with page.expect_navigation():
        page.click("[data-quick-exit]")
    assert page.url.startswith(settings.MEND_QUICK_EXIT_URL)
    page.go_back()
    # The safety page was replaced: Back lands on the page before it, never on /safety/.
    assert "/safety/" not in page.url

    page.goto(live_server.url + "/account/")
    with page.expect_navigation():
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    assert page.url.startswith(settings.MEND_QUICK_EXIT_URL)


def test_the_coach_gives_live_feedback_while_typing(browser, live_server, alice):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "alice@example.org")
    page.fill("#id_password", "correct horse battery staple")
    submit(page, "main button[type=submit]")
    page.goto(live_server.url + "/coach/")
    page.type("#id_text", "You never listen to me.")
    page.wait_for_selector(".coach-live mark.harmful")
    assert "Blame" in page.inner_text(".coach-live")
    assert page.inner_text(".coach-live mark.harmful").startswith("You never")
    shot(page, "coach")
    # Shorthand is read written out, and the highlight still covers what was typed.
    page.fill("#id_text", "")
    page.type("#id_text", "u never listen, ur so selfish")
    page.wait_for_selector(".coach-live mark.harmful:text-is('ur so selfish')")
    marks = page.locator(".coach-live mark.harmful").all_inner_texts()
    assert "ur so selfish" in marks
    shot(page, "coach-shorthand")
