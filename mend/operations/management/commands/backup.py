from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from mend.operations import backups


class Command(BaseCommand):
    help = "Back up the whole database to a file (default: data/backups/mend-<time>.backup)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Where to write the backup.")

    def handle(self, *args, path=None, **options):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = Path(path) if path else settings.DATA_DIR / "backups" / f"mend-{stamp}.backup"
        backups.backup(target)
        self.stdout.write(f"Backed up to {target}")
