import xml.etree.ElementTree as ET
from datetime import date, timedelta

from mend.dashboard import charts

DAYS = [date(2026, 1, 1) + timedelta(days=i) for i in range(90)]


def _panel(values):
    return charts.Panel("Trust", 0, 10, values)


def test_it_draws_valid_svg_with_a_title():
    values = [i % 11 for i in range(90)]
    svg = charts.trend_svg("c1", "Alice & <Bob>", DAYS, [_panel(values)], {})
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find("{http://www.w3.org/2000/svg}title").text == "Alice & <Bob>"


def test_it_breaks_the_line_over_days_without_a_check_in():
    values = [5] * 10 + [None] * 5 + [6] * 10 + [None] * 65
    svg = charts.trend_svg("c", "t", DAYS, [_panel(values)], {})
    assert svg.count("<polyline") == 2


def test_it_marks_conflicts():
    svg = charts.trend_svg("c", "t", DAYS, [_panel([5] * 90)], {DAYS[3]: "major", DAYS[9]: "minor"})
    assert svg.count("chart-conflict-major") == 1
    assert svg.count("chart-conflict-minor") == 1


def test_it_describes_the_trend_in_words():
    values = [2] * 30 + [None] * 30 + [7] * 30
    sentences = charts.describe([_panel(values)], {DAYS[0]: "major"})
    assert "averaged 2 in the first month and 7 in the last month" in sentences[0]
    assert sentences[-1] == "Conflicts marked: 1 major, 0 minor."


def test_it_says_so_when_there_is_nothing_yet():
    assert charts.describe([_panel([None] * 90)], {})[0] == "Trust: no check-ins yet."


def test_weekly_rows_average_each_week_newest_first():
    values = [1] * 7 + [3] * 7 + [None] * 76
    rows = charts.weekly_rows(DAYS, [_panel(values)])
    assert rows[-1] == {"week_of": DAYS[0], "values": [1]}
    assert rows[-2] == {"week_of": DAYS[7], "values": [3]}
    assert rows[0]["values"] == [None]
