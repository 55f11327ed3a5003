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
