from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mend.operations import backups


class Command(BaseCommand):
    help = "Replace everything in the database with a backup made by `mend backup`."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, path, yes=False, **options):
        source = Path(path)
        if not source.exists():
            raise CommandError(f"No backup at {source}")
        if not yes and input("This replaces all current data. Type 'restore' to go on: ") != (
            "restore"
        ):
            raise CommandError("Nothing was changed.")
        backups.restore(source)
        self.stdout.write(f"Restored from {source}")
