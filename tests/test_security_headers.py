import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/login/", "/signup/"])
def test_every_page_carries_a_strict_content_security_policy(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_no_template_has_inline_script_or_style():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "mend" / "templates"
    for template in root.rglob("*.html"):
        text = template.read_text()
        assert "<script>" not in text and " style=" not in text, template
        assert "onclick" not in text and "onload" not in text, template


def test_no_page_loads_anything_from_another_host(alice_client, couple, settings):
    for path in (f"/s/{couple.pk}/", f"/s/{couple.pk}/checkin/", "/account/", "/safety/"):
        html = alice_client.get(path).content.decode()
        # The one way out is the quick-exit link, which the person chooses to follow.
        html = html.replace(f'href="{settings.MEND_QUICK_EXIT_URL}"', "")
        assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in html


def test_deploy_checks_pass_with_production_settings(tmp_path):
    # The browser tests relax Django's async check for themselves only.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "MEND_ENV": "production",
        "MEND_SECRET_KEY": "x" * 20 + Fernet.generate_key().decode(),
        "MEND_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "MEND_ALLOWED_HOSTS": "mend.example.org",
        "MEND_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "mend.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_error_reports_never_carry_what_someone_typed(rf):
    from mend.security import PrivateTextReporterFilter

    request = rf.post("/s/1/checkin/", {"note": "I am afraid of him", "mood": "2"})
    cleaned = PrivateTextReporterFilter().get_post_parameters(request)
    assert "I am afraid" not in str(cleaned)
    assert set(cleaned) == {"note", "mood"}
