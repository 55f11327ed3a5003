"""When a commitment falls due. Pure: no Django imports.

Due times are wall-clock times in the maker's time zone: "text when I leave work at 17:30"
stays 17:30 through daylight-saving changes.
"""

from datetime import date, datetime, time, timedelta

from mend import localtime

ONCE, DAILY, WEEKLY = "once", "daily", "weekly"
REPEATS = ((ONCE, "Once"), (DAILY, "Every day"), (WEEKLY, "Every week"))


def due_days(repeat: str, start: date, first: date, last: date, end: date | None = None):
    """Local days in [first, last] on which a commitment starting on `start` falls due."""
    first = max(first, start)
    if end is not None:
        last = min(last, end)
    if first > last:
        return []
    if repeat == ONCE:
        return [start] if first <= start <= last else []
    step = 1 if repeat == DAILY else 7
    offset = (first - start).days % step
    day = first + timedelta(days=(step - offset) % step)
    days = []
    while day <= last:
        days.append(day)
        day += timedelta(days=step)
    return days


def due_instants(
    repeat: str,
    start: date,
    clock: time,
    zone: str,
    first: date,
    last: date,
    end: date | None = None,
) -> list[tuple[date, datetime]]:
    return [
        (day, localtime.at_local_time(day, clock, zone))
        for day in due_days(repeat, start, first, last, end)
    ]
