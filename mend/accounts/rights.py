"""A person's rights over their data: take a copy of it, or delete it all, at once."""

import csv
import io
import zipfile

from django.db import transaction
from django.utils import timezone

from mend.accounts import security_log
from mend.appreciation.models import Appreciation
from mend.checkins.models import CheckIn
from mend.commitments.models import Commitment, Entry
from mend.spaces.models import Membership
from mend.spaces.services import leave_space


def _checkins(user) -> list[dict]:
    rows = CheckIn.objects.filter(user=user).select_related("space").order_by("local_date")
    return [{"space": c.space.name, **c.as_seen_by(user)} for c in rows]


def _commitments(user) -> list[dict]:
    made = list(Commitment.objects.filter(maker=user).select_related("space", "receiver"))
    # Every record line of every commitment in one query, not one query per commitment.
    records = {c.pk: [] for c in made}
    entries = Entry.objects.filter(occurrence__commitment__in=made).select_related(
        "occurrence", "author"
    )
    for e in entries:
        records[e.occurrence.commitment_id].append(
            {
                "day": e.occurrence.local_date,
                "by": e.author.display_name,
                "role": e.role,
                "value": e.value,
                "note": e.note,
            }
        )
    return [
        {
            "space": c.space.name,
            "title": c.title,
            "repeat": c.repeat,
            "start_date": c.start_date,
            "due_time": c.due_time,
            "time_zone": c.time_zone,
            "to": c.receiver.display_name if c.receiver else None,
            "ended_on": c.ended_on,
            "record": records[c.pk],
        }
        for c in made
    ]


def _my_entries(user) -> list[dict]:
    """What this person said about other people's commitments."""
    rows = Entry.objects.filter(author=user).exclude(occurrence__commitment__maker=user)
    return [
        {
            "commitment": e.occurrence.commitment.title,
            "day": e.occurrence.local_date,
            "role": e.role,
            "value": e.value,
            "note": e.note,
        }
        for e in rows.select_related("occurrence__commitment")
    ]


def _appreciations(user) -> list[dict]:
    rows = (
        Appreciation.objects.seen_by(user)
        .select_related("sender", "recipient", "space")
        .order_by("created_at")
    )
    return [
        {
            "space": a.space.name,
            "from": a.sender.display_name,
            "to": a.recipient.display_name,
            "text": a.text,
            "day": a.local_date,
        }
        for a in rows
    ]


def export(user, request=None) -> dict:
    """Everything this person wrote, and what was written to them. Nobody else's private text."""
    security_log.record(user, security_log.Kind.EXPORTED, request)
    return {
        "exported_at": timezone.now(),
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "time_zone": user.time_zone,
            "joined": user.date_joined,
        },
        "spaces": [
            {"name": m.space.name, "kind": m.space.kind, "joined": m.joined_at}
            for m in Membership.objects.of(user)
        ],
        "checkins": _checkins(user),
        "commitments": _commitments(user),
        "responses_to_others": _my_entries(user),
        "appreciation": _appreciations(user),
        "security_log": [
            {"at": e.at, "event": e.get_kind_display(), "detail": e.detail}
            for e in user.security_events.all()
        ],
    }


def export_csv_zip(user, request=None) -> bytes:
    data = export(user, request)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("checkins", "appreciation", "security_log"):
            rows = data[name]
            text = io.StringIO()
            if rows:
                writer = csv.DictWriter(text, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            archive.writestr(f"{name}.csv", text.getvalue())
        commitments = io.StringIO()
        writer = csv.writer(commitments)
        writer.writerow(["commitment", "day", "by", "role", "value", "note"])
        for c in data["commitments"]:
            for e in c["record"]:
                writer.writerow([c["title"], e["day"], e["by"], e["role"], e["value"], e["note"]])
        archive.writestr("commitments.csv", commitments.getvalue())
    return buffer.getvalue()


def delete_account(user) -> None:
    """Delete the person and everything they wrote, now. Others keep what they wrote."""
    with transaction.atomic():
        for membership in list(Membership.objects.of(user)):
            leave_space(membership.space, user, announce=False)
        user.delete()
