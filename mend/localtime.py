"""Local days in a person's own time zone. Pure: no Django imports.

A check-in belongs to the day it is on the wall clock of the person who wrote it, and it can be
edited until that day's midnight, wherever that person is.
"""

from datetime import date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo, available_timezones


@cache
def known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_known_zone(name: str) -> bool:
    return name in known_zones()


def local_date(moment: datetime, zone: str) -> date:
    return moment.astimezone(ZoneInfo(zone)).date()


def at_local_time(day: date, clock: time, zone: str) -> datetime:
    """The aware instant of a wall-clock time on a local day (DST gaps resolve forward)."""
    naive = datetime.combine(day, clock)
    aware = naive.replace(tzinfo=ZoneInfo(zone))
    # Round-trip through UTC to normalise times that fall in a spring-forward gap.
    return aware.astimezone(ZoneInfo("UTC")).astimezone(ZoneInfo(zone))


def month_days(day: date) -> list[date]:
    """Every day of the month `day` is in, up to and including `day`."""
    return [day.replace(day=d) for d in range(1, day.day + 1)]
