"""Server-rendered SVG trend charts, with a text equivalent. Pure: no Django imports.

One chart per person: stacked panels (trust, safety, mood) sharing a 90-day axis, gaps left
where no check-in was made (a missing day is not a zero), conflicts marked as ticks.
"""

from dataclasses import dataclass
from datetime import date
from html import escape
from statistics import mean

WIDTH = 360
PANEL_H = 56
GAP = 22
LEFT = 30
RIGHT = 8
TOP = 6


@dataclass(frozen=True)
class Panel:
    label: str
    low: int
    high: int
    values: list  # one per day, None where there was no check-in


def _x(i: int, n: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * i / (n - 1) if n > 1 else span / 2)


def _y(value: float, panel: Panel, top: float) -> float:
    frac = (value - panel.low) / (panel.high - panel.low)
    return top + PANEL_H - frac * PANEL_H


def _segments(values: list) -> list[list[tuple[int, float]]]:
    """Runs of consecutive days with values, so the line breaks over missing days."""
    runs, current = [], []
    for i, v in enumerate(values):
        if v is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((i, v))
    if current:
        runs.append(current)
    return runs


def trend_svg(
    chart_id: str, title: str, days: list[date], panels: list[Panel], conflicts: dict[date, str]
) -> str:
    n = len(days)
    height = TOP + len(panels) * (PANEL_H + GAP) + 4
    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
    ]
    for p_index, panel in enumerate(panels):
        top = TOP + p_index * (PANEL_H + GAP) + 14
        out.append(
            f'<text class="chart-label" x="{LEFT}" y="{top - 4}">{escape(panel.label)}</text>'
        )
        for value in (panel.low, panel.high):
            y = _y(value, panel, top)
            out.append(
                f'<line class="chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
                f'y1="{y:.1f}" y2="{y:.1f}"/>'
            )
            out.append(
                f'<text class="chart-axis" x="{LEFT - 4}" y="{y + 3:.1f}" '
                f'text-anchor="end">{value}</text>'
            )
        for i, day in enumerate(days):
            kind = conflicts.get(day)
            if kind:
                x = _x(i, n)
                out.append(
                    f'<line class="chart-conflict-{kind}" x1="{x:.1f}" x2="{x:.1f}" '
                    f'y1="{top:.1f}" y2="{top + PANEL_H:.1f}"/>'
                )
        for run in _segments(panel.values):
            points = " ".join(f"{_x(i, n):.1f},{_y(v, panel, top):.1f}" for i, v in run)
            if len(run) == 1:
                i, v = run[0]
                out.append(
                    f'<circle class="chart-dot" cx="{_x(i, n):.1f}" '
                    f'cy="{_y(v, panel, top):.1f}" r="1.8"/>'
                )
            else:
                out.append(f'<polyline class="chart-line" points="{points}"/>')
    if n:
        bottom = height - 2
        out.append(f'<text class="chart-axis" x="{LEFT}" y="{bottom}">{days[0]:%d %b}</text>')
        out.append(
            f'<text class="chart-axis" x="{WIDTH - RIGHT}" y="{bottom}" '
            f'text-anchor="end">{days[-1]:%d %b}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _avg(values: list) -> float | None:
    present = [v for v in values if v is not None]
    return round(mean(present), 1) if present else None


def describe(panels: list[Panel], conflicts: dict[date, str]) -> list[str]:
    """Plain sentences saying what the chart shows, for screen readers and for everyone."""
    sentences = []
    for panel in panels:
        n = len(panel.values)
        first, last = _avg(panel.values[: n // 3]), _avg(panel.values[-(n // 3) :])
        count = sum(v is not None for v in panel.values)
        if count == 0:
            sentences.append(f"{panel.label}: no check-ins yet.")
        elif first is None or last is None or n < 6:
            sentences.append(
                f"{panel.label}: averaged {_avg(panel.values)} "
                f"({panel.low}–{panel.high}) over {count} check-ins."
            )
        else:
            sentences.append(
                f"{panel.label}: averaged {first} in the first month and {last} in "
                f"the last month ({panel.low}–{panel.high}; {count} check-ins)."
            )
    major = sum(1 for k in conflicts.values() if k == "major")
    minor = sum(1 for k in conflicts.values() if k == "minor")
    sentences.append(f"Conflicts marked: {major} major, {minor} minor.")
    return sentences


def weekly_rows(days: list[date], panels: list[Panel]) -> list[dict]:
    """Weekly averages, newest first, for the chart's table view."""
    rows = []
    for start in range(0, len(days), 7):
        week = slice(start, start + 7)
        rows.append(
            {
                "week_of": days[start],
                "values": [_avg(p.values[week]) for p in panels],
            }
        )
    return rows[::-1]
