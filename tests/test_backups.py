"""A backup, then changes, then a restore: every table is as it was at backup time."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from mend import demo

pytestmark = pytest.mark.django_db(transaction=True)


def _snapshot() -> dict:
    return {
        model._meta.label: sorted(
            (tuple(sorted(row.items())) for row in model.objects.values()), key=repr
        )
        for model in apps.get_models()
    }


def test_backup_and_restore_round_trip(tmp_path):
    demo.build(seed=3)
    before = _snapshot()
    assert sum(len(rows) for rows in before.values()) > 500
    target = tmp_path / "mend.backup"
    call_command("backup", str(target), stdout=io.StringIO())
    assert target.stat().st_size > 0

    demo.build(seed=4)  # different people, different history
    assert _snapshot() != before

    call_command("restore", str(target), "--yes", stdout=io.StringIO())
    assert _snapshot() == before


def test_restore_refuses_a_missing_file(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No backup"):
        call_command("restore", str(tmp_path / "nope"), "--yes")
