"""Inviting a professional, consenting, revoking, and the read-only shared report."""

import secrets

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from mend.accounts import security_log
from mend.errors import RuleBroken
from mend.professionals.models import Consent, ProfessionalAccess, ReportView
from mend.spaces.access import members_of

Kind = security_log.Kind


def _tell_members(space, kind: str, detail: str, request=None) -> None:
    for member in members_of(space):
        security_log.record(member, kind, request, detail)


def invite(space, member, email: str, request=None) -> tuple[ProfessionalAccess, str]:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise RuleBroken("Please enter the professional's email address.", "email") from exc
    if any(m.email == email for m in members_of(space)):
        raise RuleBroken("A member of this space cannot also be its professional.", "email")
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        access = ProfessionalAccess.objects.create(
            space=space, invited_by=member, email=email, digest=ProfessionalAccess.digest_of(token)
        )
        Consent.objects.create(access=access, member=member)
    _tell_members(space, Kind.PRO_INVITED, email, request)
    return access, token


def consent(access: ProfessionalAccess, member, request=None) -> None:
    Consent.objects.get_or_create(access=access, member=member)
    security_log.record(member, Kind.PRO_CONSENTED, request, access.email)


def revoke(access: ProfessionalAccess, member, request=None) -> None:
    """Any one member ends it, at once, for everyone."""
    if access.revoked_at is None:
        access.revoked_at = timezone.now()
        access.save(update_fields=["revoked_at"])
        _tell_members(access.space, Kind.PRO_REVOKED, access.email, request)


def invitation(token: str) -> ProfessionalAccess:
    """The invitation a link names, while it has not been ended; 404 otherwise."""
    access = ProfessionalAccess.objects.filter(
        digest=ProfessionalAccess.digest_of(token), revoked_at__isnull=True
    ).first()
    if access is None:
        raise RuleBroken("This invitation is not valid any more.", status=404)
    return access


def accept(token: str, professional) -> ProfessionalAccess:
    access = invitation(token)
    if access.professional_id and access.professional_id != professional.pk:
        raise RuleBroken("This invitation is not valid any more.", status=404)
    if any(m.pk == professional.pk for m in members_of(access.space)):
        raise RuleBroken("A member of this space cannot also be its professional.", status=409)
    access.professional = professional
    access.accepted_at = access.accepted_at or timezone.now()
    access.save(update_fields=["professional", "accepted_at"])
    return access


def waiting_for(access: ProfessionalAccess) -> list:
    """Members who have not consented yet (a new member must consent too)."""
    consented = set(access.consents.values_list("member_id", flat=True))
    return [m for m in members_of(access.space) if m.pk not in consented]


ACTIVE = "Active"


def status(access: ProfessionalAccess) -> str:
    if access.revoked_at:
        return "Ended"
    if waiting_for(access):
        return "Waiting for everyone's consent"
    if access.professional_id is None:
        return "Waiting for them to accept"
    return ACTIVE


def is_active(access: ProfessionalAccess) -> bool:
    return status(access) == ACTIVE


def access_in(space, access_id: int) -> ProfessionalAccess:
    found = space.professionals.filter(pk=access_id).first()
    if found is None:
        raise Http404("No such professional")
    return found


def report_for(professional, access_id: int) -> ProfessionalAccess:
    """The professional's door: 404 unless it is theirs and fully consented, and logged."""
    access = (
        ProfessionalAccess.objects.select_related("space")
        .filter(pk=access_id, professional=professional)
        .first()
    )
    if access is None or not is_active(access):
        raise Http404("No such report")
    ReportView.objects.create(access=access)
    _tell_members(access.space, Kind.PRO_VIEWED, professional.display_name)
    return access
