from datetime import date, datetime

from ninja import Router, Schema

from mend.apischema import Id, problems
from mend.dashboard import summary
from mend.spaces.access import space_for

router = Router(tags=["dashboard"])


class RateOut(Schema):
    days: int
    kept: int
    missed: int
    disputed: int
    rate: float | None
    interval_low: float | None
    interval_high: float | None


class MemberProgress(Schema):
    member_id: int
    display_name: str
    checked_in_today: bool
    days_checked_in_this_month: int
    rates: list[RateOut]
    days: list[date]
    trust: list[int | None]
    safety: list[int | None]
    mood: list[int | None]


class BalanceOut(Schema):
    days: int
    positive: int
    negative: int
    ratio: float | None


class TimelineItem(Schema):
    at: datetime
    who: str
    what: str


class DashboardOut(Schema):
    days_so_far_this_month: int
    days_everyone_checked_in: int
    waiting_on_me: list[int]
    members: list[MemberProgress]
    balance: list[BalanceOut]
    timeline: list[TimelineItem]


def _rates(rates: list) -> list[dict]:
    rows = []
    for days, t in rates:
        low, high = t.interval or (None, None)
        rows.append(
            {
                "days": days,
                "kept": t.kept,
                "missed": t.missed,
                "disputed": t.disputed,
                "rate": t.rate,
                "interval_low": low,
                "interval_high": high,
            }
        )
    return rows


def _person(p: dict) -> dict:
    panels = p["chart"]["panels"]
    return {
        "member_id": p["member"].pk,
        "display_name": p["member"].display_name,
        "checked_in_today": p["checked_in_today"],
        "days_checked_in_this_month": p["days_this_month"],
        "rates": _rates(p["rates"]),
        "days": p["chart"]["days"],
        "trust": panels[0].values,
        "safety": panels[1].values,
        "mood": panels[2].values,
    }


@router.get("/spaces/{space_id}/dashboard", response={200: DashboardOut, **problems(404)})
def dashboard(request, space_id: Id):
    data = summary.gather(space_for(request.user, space_id), request.user)
    return {
        "days_so_far_this_month": data["month"]["days_so_far"],
        "days_everyone_checked_in": data["month"]["everyone"],
        "waiting_on_me": [o.pk for o in data["waiting_on_me"]],
        "members": [_person(p) for p in data["people"]],
        "balance": [{"days": d, **b} for d, b in data["balance"]],
        "timeline": data["timeline"],
    }
