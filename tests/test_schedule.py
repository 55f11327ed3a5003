from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mend.commitments import schedule

START = date(2026, 5, 4)  # a Monday


def test_a_one_off_is_due_once():
    assert schedule.due_days("once", START, date(2026, 5, 1), date(2026, 5, 31)) == [START]
    assert schedule.due_days("once", START, date(2026, 5, 5), date(2026, 5, 31)) == []


def test_a_daily_commitment_is_due_every_day_from_its_start():
    days = schedule.due_days("daily", START, date(2026, 5, 1), date(2026, 5, 7))
    assert days == [START + timedelta(days=i) for i in range(4)]


def test_a_weekly_commitment_keeps_its_weekday():
    days = schedule.due_days("weekly", START, date(2026, 5, 5), date(2026, 6, 1))
    assert days == [date(2026, 5, 11), date(2026, 5, 18), date(2026, 5, 25), date(2026, 6, 1)]


def test_an_ended_commitment_stops_falling_due():
    days = schedule.due_days("daily", START, START, START + timedelta(days=30), end=START)
    assert days == [START]


@given(
    repeat=st.sampled_from(["once", "daily", "weekly"]),
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 1, 1)),
    first_offset=st.integers(-40, 40),
    length=st.integers(0, 60),
)
def test_due_days_are_in_range_in_order_and_on_rhythm(repeat, start, first_offset, length):
    first = start + timedelta(days=first_offset)
    last = first + timedelta(days=length)
    days = schedule.due_days(repeat, start, first, last)
    assert days == sorted(set(days))
    for day in days:
        assert max(first, start) <= day <= last
        gap = (day - start).days
        assert gap == 0 if repeat == "once" else gap % (1 if repeat == "daily" else 7) == 0
    # Splitting a range in two gives the same days as asking for it whole.
    middle = first + timedelta(days=length // 2)
    split = schedule.due_days(repeat, start, first, middle) + schedule.due_days(
        repeat, start, middle + timedelta(days=1), last
    )
    assert split == days
