from datetime import UTC, date, datetime, time

from mend import localtime


def test_it_puts_the_same_instant_on_different_local_days():
    moment = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)
    assert localtime.local_date(moment, "UTC") == date(2026, 3, 10)
    assert localtime.local_date(moment, "Asia/Tokyo") == date(2026, 3, 11)
    assert localtime.local_date(moment, "America/Los_Angeles") == date(2026, 3, 10)


def test_it_keeps_wall_clock_time_across_daylight_saving():
    winter = localtime.at_local_time(date(2026, 1, 15), time(17, 30), "Europe/London")
    summer = localtime.at_local_time(date(2026, 7, 15), time(17, 30), "Europe/London")
    assert winter.astimezone(UTC).hour == 17
    assert summer.astimezone(UTC).hour == 16


def test_it_moves_a_time_in_the_spring_gap_forward():
    # 02:30 does not exist in Berlin on 29 March 2026.
    moment = localtime.at_local_time(date(2026, 3, 29), time(2, 30), "Europe/Berlin")
    assert moment.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_it_knows_real_zones_only():
    assert localtime.is_known_zone("Europe/Madrid")
    assert not localtime.is_known_zone("Mars/Olympus_Mons")
    assert not localtime.is_known_zone("")


def test_it_lists_the_month_so_far():
    days = localtime.month_days(date(2026, 2, 3))
    assert days == [date(2026, 2, 1), date(2026, 2, 2), date(2026, 2, 3)]
