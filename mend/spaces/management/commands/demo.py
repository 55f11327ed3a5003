from django.core.management.base import BaseCommand

from mend import demo


class Command(BaseCommand):
    help = "Load (or reload) a demo couple with 90 days of history and print their logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=demo.SEED, help="Another seed, another story."
        )

    def handle(self, *args, seed=demo.SEED, **options):
        logins = demo.build(seed)
        self.stdout.write("Demo loaded: Alex & Sam, 90 days of history.\n")
        for email, password in logins.items():
            self.stdout.write(f"  {email}  password: {password}")
        self.stdout.write("\nSign in at http://127.0.0.1:8000/login/ with either of them.")
