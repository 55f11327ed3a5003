"""A demo relationship with 90 days of believable history, for a first look at Mend.

Alex was hurt; Sam broke the trust and is showing change through small kept commitments.
Trust climbs slowly and unevenly, dips after major conflicts, and hypervigilance fades — the
pattern the research describes, not a straight line.
"""

import random
import secrets
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from mend import localtime
from mend.accounts.models import User
from mend.appreciation.models import Appreciation
from mend.checkins.models import CheckIn
from mend.commitments.models import Commitment, Entry, Occurrence
from mend.commitments.schedule import due_instants
from mend.spaces.models import Membership, Space, SpaceEvent

DAYS = 90
ZONE = "Europe/London"
PEOPLE = {
    "alex": ("alex@example.org", "Alex"),
    "sam": ("sam@example.org", "Sam"),
}
NOTES = [
    "Slept badly again. The mornings are the hardest.",
    "I noticed I didn't check his phone today. That felt strange, and a bit good.",
    "Talked about the first night. It still hurts to say it out loud.",
    "A calm day. I let myself enjoy dinner.",
]
THANKS = [
    "Thank you for texting when you left work, without me asking.",
    "You listened tonight without explaining yourself. I noticed.",
    "Thanks for making breakfast when I was wiped out.",
    "I appreciated you telling me about the lunch before I found out another way.",
    "You stayed in the hard conversation. Thank you.",
    "Thank you for the walk. I needed it.",
    "You put your phone face-up without being asked.",
    "Thanks for being patient when I went quiet.",
]


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _at(day, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(ZONE))


def _remove_previous() -> None:
    emails = [email for email, _ in PEOPLE.values()]
    Space.objects.filter(memberships__user__email__in=emails).delete()
    User.objects.filter(email__in=emails).delete()


def _checkins(space, person, today, rng, conflicts, hurt: bool) -> None:
    rows = []
    for offset in range(DAYS, 0, -1):
        day = today - timedelta(days=offset)
        progress = 1 - offset / DAYS  # 0 at the start, ~1 now
        if rng.random() > (0.8 + 0.15 * progress):
            continue  # a skipped day: life happens
        conflict = conflicts.get(day, "none")
        dip = {"none": 0, "minor": -0.8, "major": -2.5}[conflict]
        base_trust = (2.5 + 4.5 * progress) if hurt else (6 + 2 * progress)
        rows.append(
            CheckIn(
                space=space,
                user=person,
                local_date=day,
                trust=_clamp(base_trust + dip + rng.gauss(0, 0.7), 0, 10),
                safety=_clamp(base_trust + 0.8 + dip + rng.gauss(0, 0.8), 0, 10),
                mood=_clamp(2 + 2 * progress + dip / 2 + rng.gauss(0, 0.5), 1, 5),
                communication=_clamp(2 + 2 * progress + dip / 2 + rng.gauss(0, 0.5), 1, 5),
                conflict=conflict,
                checking=("often" if progress < 0.35 else "some" if progress < 0.7 else "never")
                if hurt
                else "never",
                note=rng.choice(NOTES) if hurt and rng.random() < 0.15 else "",
                created_at=_at(day, 21, rng.randint(0, 59)),
                updated_at=_at(day, 21, rng.randint(0, 59)),
            )
        )
    CheckIn.objects.bulk_create(rows)


def _commitment(space, maker, receiver, title, repeat, start, clock, today, rng, reliability):
    c = Commitment.objects.create(
        space=space,
        maker=maker,
        receiver=receiver,
        title=title,
        repeat=repeat,
        start_date=start,
        due_time=clock,
        time_zone=ZONE,
        created_at=_at(start, 9),
        materialised_through=today - timedelta(days=1),
    )
    for day, due_at in due_instants(repeat, start, clock, ZONE, start, today - timedelta(days=1)):
        occurrence = Occurrence.objects.create(commitment=c, local_date=day, due_at=due_at)
        progress = (day - start).days / max(1, (today - start).days)
        if rng.random() < 0.05:
            continue  # never reported: shows as waiting
        kept = rng.random() < reliability + 0.2 * progress
        later = due_at + timedelta(minutes=rng.randint(5, 90))
        Entry.objects.create(
            occurrence=occurrence,
            author=maker,
            role="report",
            value="kept" if kept else "missed",
            created_at=later,
        )
        if kept and rng.random() < 0.06 * (1 - progress):
            Entry.objects.create(
                occurrence=occurrence,
                author=receiver,
                role="response",
                value="dispute",
                note="I don't remember getting that.",
                created_at=later + timedelta(hours=2),
            )
        elif rng.random() < 0.9:
            Entry.objects.create(
                occurrence=occurrence,
                author=receiver,
                role="response",
                value="confirm",
                created_at=later + timedelta(hours=2),
            )
        if not kept and rng.random() < 0.7:
            Entry.objects.create(
                occurrence=occurrence,
                author=maker,
                role="repair",
                note="I let this slip. I'll set a reminder so it doesn't again.",
                created_at=later + timedelta(hours=3),
            )


# A fixed default so every newcomer sees the same, representative story.
SEED = 11


def build(seed: int = SEED) -> dict[str, str]:
    """Create the demo space and return {email: password} for its two people."""
    rng = random.Random(seed)
    logins = {}
    with transaction.atomic():
        _remove_previous()
        users = {}
        for key, (email, name) in PEOPLE.items():
            password = secrets.token_urlsafe(9)
            users[key] = User.objects.create_user(
                email, password, display_name=name, time_zone=ZONE
            )
            logins[email] = password
        alex, sam = users["alex"], users["sam"]
        today = localtime.local_date(timezone.now(), ZONE)
        start = today - timedelta(days=DAYS)
        space = Space.objects.create(name="Alex & Sam", kind="couple", created_at=_at(start, 8))
        Membership.objects.create(space=space, user=alex, joined_at=_at(start, 8))
        Membership.objects.create(space=space, user=sam, joined_at=_at(start, 20))
        SpaceEvent.objects.create(space=space, actor=alex, kind="created", at=_at(start, 8))
        SpaceEvent.objects.create(space=space, actor=sam, kind="joined", at=_at(start, 20))

        conflicts = {}
        for offset in range(DAYS, 0, -1):
            progress = 1 - offset / DAYS
            roll = rng.random()
            if roll < 0.10 * (1 - progress) + 0.02:
                conflicts[today - timedelta(days=offset)] = "major"
            elif roll < 0.30 * (1 - progress) + 0.08:
                conflicts[today - timedelta(days=offset)] = "minor"
        _checkins(space, alex, today, rng, conflicts, hurt=True)
        _checkins(space, sam, today, rng, conflicts, hurt=False)

        _commitment(
            space,
            sam,
            alex,
            "Text when I leave work",
            "daily",
            start + timedelta(days=1),
            time(17, 30),
            today,
            rng,
            0.72,
        )
        _commitment(
            space,
            sam,
            alex,
            "Phone face-up on the table at dinner",
            "daily",
            start + timedelta(days=10),
            time(19, 30),
            today,
            rng,
            0.7,
        )
        _commitment(
            space,
            sam,
            alex,
            "Sunday walk and an honest talk",
            "weekly",
            start + timedelta(days=6),
            time(11, 0),
            today,
            rng,
            0.8,
        )
        _commitment(
            space,
            alex,
            sam,
            "Say when I need space instead of going quiet",
            "daily",
            start + timedelta(days=20),
            time(21, 0),
            today,
            rng,
            0.75,
        )

        notes = []
        for offset in range(DAYS, 0, -1):
            day = today - timedelta(days=offset)
            for sender, recipient, chance in (
                (sam, alex, 0.35),
                (alex, sam, 0.12 + 0.3 * (1 - offset / DAYS)),
            ):
                if rng.random() < chance:
                    notes.append(
                        Appreciation(
                            space=space,
                            sender=sender,
                            recipient=recipient,
                            text=rng.choice(THANKS),
                            from_three_things=rng.random() < 0.3,
                            local_date=day,
                            created_at=_at(day, 22, rng.randint(0, 59)),
                        )
                    )
        Appreciation.objects.bulk_create(notes)
    return logins
