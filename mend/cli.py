"""The `mend` console command: Django's management commands, with local secrets ensured.

mend migrate | mend demo | mend rotate_keys | mend createsuperuser | mend help
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mend.settings")
    if os.environ.get("MEND_ENV", "development") != "production":
        from mend import devsecrets

        devsecrets.ensure()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["mend", *sys.argv[1:]])


if __name__ == "__main__":
    main()
