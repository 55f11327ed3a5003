"""Sending appreciation, and the positive-to-negative balance of a space."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from mend.appreciation.models import Appreciation
from mend.checkins.models import CheckIn
from mend.commitments import outcome
from mend.commitments.services import occurrences
from mend.errors import RuleBroken
from mend.spaces.access import members_of

TEXT_MAX = 500
# The nightly prompt appears from this local hour on.
EVENING_HOUR = 18


def _recipient(space, sender, recipient_id: int):
    if recipient_id == sender.pk:
        raise RuleBroken("Appreciation goes to someone else in this space.", "recipient_id")
    found = next((m for m in members_of(space) if m.pk == recipient_id), None)
    if found is None:
        raise RuleBroken("Choose someone who is in this space.", "recipient_id")
    return found


def _clean(text: str, field: str = "text") -> str:
    text = text.strip()
    if not text:
        raise RuleBroken("Write what you appreciated.", field)
    if len(text) > TEXT_MAX:
        raise RuleBroken(f"Keep it to {TEXT_MAX} characters or fewer.", field)
    return text


def send(space, sender, recipient_id: int, text: str) -> Appreciation:
    recipient = _recipient(space, sender, recipient_id)
    return Appreciation.objects.create(
        space=space,
        sender=sender,
        recipient=recipient,
        text=_clean(text),
        local_date=sender.today(),
    )


def send_three_things(space, sender, recipient_id: int, things: list[str]) -> list[Appreciation]:
    """Up to three notes at once; all are sent or none is."""
    recipient = _recipient(space, sender, recipient_id)
    written = [t for t in things if t.strip()]
    if not written:
        raise RuleBroken("Write at least one thing you appreciated today.", "things")
    if len(things) > 3:
        raise RuleBroken("Three things at most.", "things")
    cleaned = [_clean(t, "things") for t in written]
    day = sender.today()
    with transaction.atomic():
        return [
            Appreciation.objects.create(
                space=space,
                sender=sender,
                recipient=recipient,
                text=t,
                from_three_things=True,
                local_date=day,
            )
            for t in cleaned
        ]


def evening_prompt_due(space, user) -> bool:
    """Show the nightly prompt after EVENING_HOUR if the three things have not been sent."""
    local_now = timezone.now().astimezone(ZoneInfo(user.time_zone))
    if local_now.hour < EVENING_HOUR or len(members_of(space)) < 2:
        return False
    return not Appreciation.objects.filter(
        space=space, sender=user, from_three_things=True, local_date=local_now.date()
    ).exists()


def balances(space, viewer, windows=(7, 30)) -> dict[int, dict]:
    """Appreciations and kept commitments against misses and major conflicts, for each window
    of days; read from the database once for the longest window."""
    today = viewer.today()
    since = today - timedelta(days=max(windows) - 1)
    thanks = list(
        Appreciation.objects.filter(space=space, local_date__gte=since).values_list(
            "local_date", flat=True
        )
    )
    due = [(o.local_date, o.status) for o in occurrences(space).filter(local_date__gte=since)]
    fights = list(
        CheckIn.objects.filter(space=space, local_date__gte=since, conflict="major").values_list(
            "local_date", flat=True
        )
    )
    result = {}
    for days in windows:
        start = today - timedelta(days=days - 1)
        t = outcome.tally(status for day, status in due if day >= start)
        result[days] = outcome.positive_ratio(
            sum(day >= start for day in thanks),
            t.kept,
            t.missed,
            sum(day >= start for day in fights),
        )
    return result
