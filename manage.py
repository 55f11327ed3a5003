#!/usr/bin/env python
"""Same as the `mend` command, for those who expect manage.py."""

from mend.cli import main

if __name__ == "__main__":
    main()
