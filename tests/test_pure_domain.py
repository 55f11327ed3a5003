"""The domain modules stay plain Python, so they are fast to test and easy to reuse."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "mend"
PURE = [
    "localtime.py",
    "errors.py",
    "checkins/scales.py",
    "commitments/schedule.py",
    "commitments/outcome.py",
    "dashboard/charts.py",
    "accounts/totp.py",
    "safety/questions.py",
    "safety/resources.py",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "coach").glob("*.py")),
]


@pytest.mark.parametrize("module", PURE)
def test_it_imports_nothing_from_django(module):
    tree = ast.parse((ROOT / module).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert not any(name.split(".")[0] in ("django", "ninja") for name in imported), imported


def test_browsers_are_named_in_words():
    from mend.accounts.browsers import describe

    chrome_linux = (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/130.0 Safari/537.36"
    )
    assert describe(chrome_linux) == "Chrome on Linux"
    assert describe("Mozilla/5.0 (Android 14; Mobile; rv:130.0) Gecko/130.0 Firefox/130.0") == (
        "Firefox on Android"
    )
    iphone = (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"
    )
    assert describe(iphone) == "Safari on iPhone"
    assert describe("Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36 Edg/130.0") == (
        "Edge on Windows"
    )
    assert describe("curl/8.5") == "A browser or app"
