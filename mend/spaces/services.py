"""Creating, joining and leaving relationship spaces."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mend.accounts import security_log
from mend.errors import RuleBroken
from mend.spaces.models import Invite, Membership, Space, SpaceEvent

NAME_MAX = 80


def create_space(user, name: str, kind: str) -> Space:
    name = name.strip()
    if not name:
        raise RuleBroken("Give this space a name, such as “Us” or “The Garcias”.", "name")
    if len(name) > NAME_MAX:
        raise RuleBroken(f"Keep the name to {NAME_MAX} characters or fewer.", "name")
    if kind not in Space.Kind.values:
        raise RuleBroken("Choose couple, family or friendship.", "kind")
    with transaction.atomic():
        space = Space.objects.create(name=name, kind=kind)
        Membership.objects.create(space=space, user=user)
        SpaceEvent.objects.create(space=space, actor=user, kind=SpaceEvent.Kind.CREATED)
    return space


def _full_message(space: Space) -> str:
    if space.kind == Space.Kind.COUPLE:
        return "A couple has two people, and this one is complete."
    return f"This space already has {space.capacity} people, the most it can hold."


def create_invite(space: Space, user) -> tuple[Invite, str]:
    """A new single-use invite link token; returned once, only its digest is kept."""
    if space.memberships.count() >= space.capacity:
        raise RuleBroken(_full_message(space))
    token = secrets.token_urlsafe(24)
    invite = Invite.objects.create(
        space=space,
        created_by=user,
        digest=Invite.digest_of(token),
        expires_at=timezone.now() + timedelta(hours=settings.MEND_INVITE_HOURS),
    )
    return invite, token


def open_invite(token: str) -> Invite:
    """The invite behind a link, if it can still be used."""
    invite = (
        Invite.objects.select_related("space", "created_by")
        .filter(digest=Invite.digest_of(token))
        .first()
    )
    if invite is None:
        raise RuleBroken("This invite link is not valid. Ask for a new one.", status=404)
    if invite.used_at is not None:
        raise RuleBroken("This invite link has already been used. Ask for a new one.", status=410)
    if invite.expires_at <= timezone.now():
        raise RuleBroken("This invite link has expired. Ask for a new one.", status=410)
    return invite


def accept_invite(token: str, user) -> Space:
    with transaction.atomic():
        invite = open_invite(token)
        # Lock the invite row so two people cannot both use it (SQLite already holds the
        # write lock: transactions there are IMMEDIATE).
        Invite.objects.select_for_update().filter(pk=invite.pk).first()
        space = invite.space
        if space.memberships.filter(user=user).exists():
            raise RuleBroken("You are already in this space.", status=409)
        if space.memberships.count() >= space.capacity:
            raise RuleBroken(_full_message(space), status=409)
        used = Invite.objects.filter(pk=invite.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if used != 1:
            raise RuleBroken(
                "This invite link has already been used. Ask for a new one.", status=410
            )
        Membership.objects.create(space=space, user=user)
        SpaceEvent.objects.create(space=space, actor=user, kind=SpaceEvent.Kind.JOINED)
        security_log.record(user, security_log.Kind.JOINED, detail=space.name)
    return space


def leave_space(space: Space, user, announce: bool = True) -> None:
    """Leave at once, alone. The leaver's own check-ins here go with them; what others wrote,
    and the shared record of commitments, stays with the others. `announce=False` (account
    deletion) leaves no trace of the person on the timeline."""
    from mend.checkins.models import CheckIn

    with transaction.atomic():
        CheckIn.objects.filter(space=space, user=user).delete()
        Membership.objects.filter(space=space, user=user).delete()
        Invite.objects.filter(space=space, created_by=user, used_at__isnull=True).delete()
        if not space.memberships.exists():
            space.delete()
        elif announce:
            SpaceEvent.objects.create(space=space, actor=user, kind=SpaceEvent.Kind.LEFT)
        if announce:
            security_log.record(user, security_log.Kind.LEFT, detail=space.name)
