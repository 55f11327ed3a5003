"""Everything a space's dashboard shows, gathered once for the web page and the API."""

from datetime import timedelta

from mend.appreciation import services as appreciation
from mend.appreciation.models import Appreciation
from mend.checkins import scales
from mend.checkins import services as checkins
from mend.checkins.models import CheckIn
from mend.commitments import services as commitments
from mend.commitments.models import Commitment, Entry
from mend.dashboard import charts
from mend.safety import services as safety
from mend.spaces.access import members_of

CHART_DAYS = 90
TIMELINE_LENGTH = 15


def today_panel(space, viewer, members, safety_mode: bool) -> dict:
    commitments.bring_due_up_to_date(space)
    return {
        "checked_in": checkins.checked_in_today(space, members),
        "waiting_on_me": commitments.due_today(space, viewer),
        # In safety mode nothing nudges towards warmth with the other person.
        "evening_prompt": not safety_mode and appreciation.evening_prompt_due(space, viewer),
    }


def member_charts(space, viewer, members) -> list[dict]:
    today = viewer.today()
    days = [today - timedelta(days=CHART_DAYS - 1 - i) for i in range(CHART_DAYS)]
    rows = CheckIn.objects.in_space(space).between(days[0], today)
    by_member = {m.pk: {} for m in members}
    for row in rows.only("user_id", "local_date", "trust", "safety", "mood", "conflict"):
        if row.user_id in by_member:
            by_member[row.user_id][row.local_date] = row
    result = []
    for member in members:
        mine = by_member[member.pk]
        panels = [
            charts.Panel(
                "Trust",
                scales.TRUST.low,
                scales.TRUST.high,
                [getattr(mine.get(d), "trust", None) for d in days],
            ),
            charts.Panel(
                "Safety",
                scales.SAFETY.low,
                scales.SAFETY.high,
                [getattr(mine.get(d), "safety", None) for d in days],
            ),
            charts.Panel(
                "Mood",
                scales.MOOD.low,
                scales.MOOD.high,
                [getattr(mine.get(d), "mood", None) for d in days],
            ),
        ]
        conflicts = {d: c.conflict for d, c in mine.items() if c.conflict != "none"}
        result.append(
            {
                "member": member,
                "svg": charts.trend_svg(
                    f"chart-{member.pk}",
                    f"{member.display_name}: trust, safety and mood, last {CHART_DAYS} days",
                    days,
                    panels,
                    conflicts,
                ),
                "sentences": charts.describe(panels, conflicts),
                "table": charts.weekly_rows(days, panels),
                "panels": panels,
                "days": days,
            }
        )
    return result


def timeline(space, viewer) -> list[dict]:
    """Shared moments, newest first. Never private text, never times of private acts."""
    items = [
        {"at": e.at, "who": e.actor.display_name, "what": e.get_kind_display()}
        for e in space.events.select_related("actor")[:TIMELINE_LENGTH]
    ]
    for c in Commitment.objects.filter(space=space).select_related("maker")[:TIMELINE_LENGTH]:
        items.append(
            {
                "at": c.created_at,
                "who": c.maker.display_name,
                "what": f"made a commitment: “{c.title}”",
            }
        )
    entries = (
        Entry.objects.filter(occurrence__commitment__space=space)
        .select_related("author", "occurrence__commitment")
        .order_by("-created_at")[:TIMELINE_LENGTH]
    )
    phrasing = {
        "kept": "kept “{}”",
        "missed": "missed “{}”",
        "confirm": "confirmed “{}”",
        "dispute": "sees “{}” differently",
        "": "added a repair note to “{}”",
    }
    for e in entries:
        items.append(
            {
                "at": e.created_at,
                "who": e.author.display_name,
                "what": phrasing[e.value].format(e.occurrence.commitment.title),
            }
        )
    notes = (
        Appreciation.objects.filter(space=space)
        .seen_by(viewer)
        .select_related("sender", "recipient")[:TIMELINE_LENGTH]
    )
    for a in notes:
        to = "you" if a.recipient_id == viewer.pk else a.recipient.display_name
        items.append(
            {
                "at": a.created_at,
                "who": a.sender.display_name,
                "what": f"sent an appreciation to {to}",
            }
        )
    items.sort(key=lambda item: item["at"], reverse=True)
    return items[:TIMELINE_LENGTH]


def gather(space, viewer) -> dict:
    members = members_of(space)
    safety_mode = safety.mode_on(viewer)
    today = today_panel(space, viewer, members, safety_mode)
    month = checkins.days_this_month(space, members, viewer)
    tallies = commitments.tallies(space, members, viewer)
    charts_by_member = {c["member"].pk: c for c in member_charts(space, viewer, members)}
    people = [
        {
            "member": m,
            "checked_in_today": today["checked_in"][m.pk],
            "days_this_month": month["per_member"][m.pk],
            "rates": list(tallies[m.pk].items()),
            "chart": charts_by_member[m.pk],
        }
        for m in members
    ]
    return {
        "safety_mode": safety_mode,
        "people": people,
        "waiting_on_me": today["waiting_on_me"],
        "evening_prompt": today["evening_prompt"],
        "month": month,
        "balance": list(appreciation.balances(space, viewer, (7, 30)).items()),
        "timeline": timeline(space, viewer),
    }
