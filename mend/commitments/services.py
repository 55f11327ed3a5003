"""Making commitments, reporting on them, and adding up the record."""

from datetime import date, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from mend import localtime
from mend.commitments import outcome, schedule
from mend.commitments.models import Commitment, Entry, Occurrence
from mend.errors import RuleBroken
from mend.spaces.access import members_of

TITLE_MIN, TITLE_MAX = 3, 140
NOTE_MAX = 500
WINDOWS = (7, 30, 90)


def _pick_receiver(space, maker, receiver_id: int | None):
    others = [m for m in members_of(space) if m.pk != maker.pk]
    if receiver_id is None:
        if len(others) > 1:
            raise RuleBroken("Choose who this commitment is to.", "receiver_id")
        return others[0] if others else None
    if receiver_id == maker.pk:
        raise RuleBroken(
            "A commitment to yourself needs no receiver: leave it empty.", "receiver_id"
        )
    receiver = next((m for m in others if m.pk == receiver_id), None)
    if receiver is None:
        raise RuleBroken("Choose someone who is in this space.", "receiver_id")
    return receiver


def make(
    space,
    maker,
    title: str,
    repeat: str,
    start_date: date,
    due_time: time,
    receiver_id: int | None = None,
) -> Commitment:
    title = title.strip()
    if not TITLE_MIN <= len(title) <= TITLE_MAX:
        raise RuleBroken(
            f"Describe it in {TITLE_MIN} to {TITLE_MAX} characters: small and specific.", "title"
        )
    if repeat not in dict(schedule.REPEATS):
        raise RuleBroken("Choose once, every day or every week.", "repeat")
    today = maker.today()
    if start_date < today:
        raise RuleBroken("Choose today or a later day.", "start_date")
    if start_date > today + timedelta(days=366):
        raise RuleBroken("Choose a day within the next year.", "start_date")
    receiver = _pick_receiver(space, maker, receiver_id)
    return Commitment.objects.create(
        space=space,
        maker=maker,
        receiver=receiver,
        title=title,
        repeat=repeat,
        start_date=start_date,
        due_time=due_time,
        time_zone=maker.time_zone,
    )


def end(commitment: Commitment, user) -> None:
    if commitment.maker_id != user.pk:
        raise RuleBroken("Only the person who made a commitment can end it.", status=403)
    if commitment.ended_on is None:
        commitment.ended_on = user.today()
        commitment.save(update_fields=["ended_on"])


def bring_due_up_to_date(space) -> None:
    """Create an occurrence row for every day a commitment has fallen due, up to today in its
    maker's time zone. Idempotent: safe to call on every page."""
    for c in space.commitments.all():
        today = localtime.local_date(timezone.now(), c.time_zone)
        first = (
            c.materialised_through + timedelta(days=1) if c.materialised_through else c.start_date
        )
        if first > today:
            continue
        due = schedule.due_instants(
            c.repeat, c.start_date, c.due_time, c.time_zone, first, today, c.ended_on
        )
        Occurrence.objects.bulk_create(
            [Occurrence(commitment=c, local_date=day, due_at=at) for day, at in due],
            ignore_conflicts=True,
        )
        Commitment.objects.filter(pk=c.pk).update(materialised_through=today)


def occurrences(space):
    return (
        Occurrence.objects.filter(commitment__space=space)
        .select_related("commitment__maker", "commitment__receiver")
        .prefetch_related(Prefetch("entries", queryset=Entry.objects.select_related("author")))
    )


def commitment_in(space, commitment_id: int) -> Commitment:
    """A commitment of this space, or 404: ids from other spaces do not exist here."""
    found = space.commitments.select_related("maker", "receiver").filter(pk=commitment_id).first()
    if found is None:
        raise Http404("No such commitment")
    return found


def occurrence_in(space, occurrence_id: int) -> Occurrence:
    found = occurrences(space).filter(pk=occurrence_id).first()
    if found is None:
        raise Http404("No such occurrence")
    return found


def _add(occurrence: Occurrence, author, role: str, value: str, note: str) -> Entry:
    if len(note) > NOTE_MAX:
        raise RuleBroken(f"Keep the note to {NOTE_MAX} characters or fewer.", "note")
    try:
        with transaction.atomic():
            return Entry.objects.create(
                occurrence=occurrence, author=author, role=role, value=value, note=note.strip()
            )
    except IntegrityError as exc:
        raise RuleBroken(
            "That has already been recorded, and the record cannot be changed.", status=409
        ) from exc


def report(occurrence: Occurrence, user, value: str, note: str = "") -> Entry:
    if occurrence.commitment.maker_id != user.pk:
        raise RuleBroken("Only the person who made this commitment reports on it.", status=403)
    if value not in (outcome.KEPT, outcome.MISSED):
        raise RuleBroken("Report kept or missed.", "value")
    return _add(occurrence, user, Entry.Role.REPORT, value, note)


def respond(occurrence: Occurrence, user, value: str, note: str = "") -> Entry:
    commitment = occurrence.commitment
    if commitment.maker_id == user.pk:
        raise RuleBroken(
            "You made this commitment, so the other person confirms it, not you.", status=403
        )
    if commitment.receiver_id != user.pk:
        raise RuleBroken("Only the person this commitment was made to can confirm it.", status=403)
    if value not in (outcome.CONFIRM, outcome.DISPUTE):
        raise RuleBroken("Confirm or dispute.", "value")
    if occurrence.entry(Entry.Role.REPORT) is None:
        raise RuleBroken("Wait for the maker's report before confirming.", status=409)
    return _add(occurrence, user, Entry.Role.RESPONSE, value, note)


def repair(occurrence: Occurrence, user, note: str) -> Entry:
    if occurrence.commitment.maker_id != user.pk:
        raise RuleBroken("Only the person who made this commitment adds a repair note.", status=403)
    if occurrence.status not in (outcome.MISSED, outcome.DISPUTED):
        raise RuleBroken("A repair note follows a missed commitment.", status=409)
    if not note.strip():
        raise RuleBroken("Write a few words of repair.", "note")
    return _add(occurrence, user, Entry.Role.REPAIR, "", note)


def tallies(space, members, viewer) -> dict[int, dict[int, outcome.Tally]]:
    """Kept, missed and disputed per member over the last 7, 30 and 90 days."""
    today = viewer.today()
    since = today - timedelta(days=max(WINDOWS) - 1)
    rows = list(occurrences(space).filter(local_date__gte=since, local_date__lte=today))
    result = {}
    for member in members:
        mine = [o for o in rows if o.commitment.maker_id == member.pk]
        result[member.pk] = {
            days: outcome.tally(
                o.status for o in mine if o.local_date > today - timedelta(days=days)
            )
            for days in WINDOWS
        }
    return result


def due_today(space, user):
    """What needs this person's attention: their reports to give, confirmations to give."""
    waiting = []
    for o in occurrences(space).filter(local_date__gte=user.today() - timedelta(days=7)):
        c, s = o.commitment, o.status
        if (c.maker_id == user.pk and s == outcome.AWAITING_REPORT) or (
            c.receiver_id == user.pk and s == outcome.AWAITING_CONFIRMATION
        ):
            waiting.append(o)
    return waiting
