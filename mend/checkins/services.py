"""Recording and editing daily check-ins."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from mend import localtime
from mend.checkins import scales
from mend.checkins.models import CheckIn
from mend.errors import RuleBroken


@dataclass
class Answers:
    mood: int
    safety: int
    trust: int
    conflict: str
    communication: int
    checking: str
    note: str = ""
    note_shared: bool = False

    def check(self) -> None:
        for scale in scales.SCALES:
            value = getattr(self, scale.name)
            if not isinstance(value, int) or not scale.low <= value <= scale.high:
                raise RuleBroken(f"Choose a number from {scale.low} to {scale.high}.", scale.name)
        if self.conflict not in dict(scales.CONFLICT_CHOICES):
            raise RuleBroken("Choose none, minor or major.", "conflict")
        if self.checking not in dict(scales.CHECKING_CHOICES):
            raise RuleBroken("Choose one of the answers.", "checking")
        if len(self.note) > scales.NOTE_MAX:
            raise RuleBroken(f"Keep this to {scales.NOTE_MAX} characters or fewer.", "note")


def todays_checkin(space, user) -> CheckIn | None:
    return CheckIn.objects.filter(space=space, user=user, local_date=user.today()).first()


def record(space, user, answers: Answers) -> CheckIn:
    """Today's first check-in. A second one for the same local day is refused."""
    answers.check()
    day = user.today()
    try:
        with transaction.atomic():
            return CheckIn.objects.create(space=space, user=user, local_date=day, **vars(answers))
    except IntegrityError as exc:
        raise RuleBroken(
            "You have already checked in today. You can edit today's check-in until midnight.",
            status=409,
        ) from exc


def revise(space, user, answers: Answers) -> CheckIn:
    """Change today's check-in; yesterday's is closed at the author's local midnight."""
    answers.check()
    checkin = todays_checkin(space, user)
    if checkin is None:
        raise RuleBroken("There is no check-in for today yet.", status=404)
    for name, value in vars(answers).items():
        setattr(checkin, name, value)
    checkin.updated_at = timezone.now()
    checkin.save()
    return checkin


def checked_in_today(space, members) -> dict[int, bool]:
    """Who has checked in today, each by their own local day. Nothing more. One query."""
    today = {member.pk: member.today() for member in members}
    rows = CheckIn.objects.filter(
        space=space, user_id__in=today, local_date__in=set(today.values())
    ).values_list("user_id", "local_date")
    done = {(user_id, day) for user_id, day in rows}
    return {pk: (pk, day) in done for pk, day in today.items()}


def days_this_month(space, members, viewer) -> dict:
    """Days this month (in the viewer's calendar) each member checked in, and all did."""
    today = viewer.today()
    days = localtime.month_days(today)
    rows = (
        CheckIn.objects.in_space(space).between(days[0], today).values_list("user_id", "local_date")
    )
    by_member: dict[int, set] = {m.pk: set() for m in members}
    for user_id, day in rows:
        if user_id in by_member:
            by_member[user_id].add(day)
    everyone = set(days)
    for dates in by_member.values():
        everyone &= dates
    return {
        "days_so_far": len(days),
        "per_member": {pk: len(dates) for pk, dates in by_member.items()},
        "everyone": len(everyone) if members else 0,
    }
