from datetime import date

from django.http import Http404
from ninja import Field, Router, Schema, Status

from mend.apischema import Id, Input, problems
from mend.checkins import scales, services
from mend.checkins.models import CheckIn
from mend.spaces.access import space_for

router = Router(tags=["check-ins"])

Conflict = Field(pattern="^(none|minor|major)$")
Checking = Field(pattern="^(never|some|often)$")


class CheckInIn(Input):
    mood: int = Field(ge=scales.MOOD.low, le=scales.MOOD.high)
    safety: int = Field(ge=scales.SAFETY.low, le=scales.SAFETY.high)
    trust: int = Field(ge=scales.TRUST.low, le=scales.TRUST.high)
    conflict: str = Conflict
    communication: int = Field(ge=scales.COMMUNICATION.low, le=scales.COMMUNICATION.high)
    checking: str = Checking
    note: str = Field("", max_length=scales.NOTE_MAX)
    note_shared: bool = False


class CheckInOut(Schema):
    id: int
    member_id: int
    local_date: date
    mood: int
    safety: int
    trust: int
    conflict: str
    communication: int
    checking: str
    note: str = Field(description="Empty unless you wrote it, or its author shared it.")
    note_shared: bool


def _out(checkin: CheckIn, viewer) -> dict:
    return {**checkin.as_seen_by(viewer), "id": checkin.pk, "member_id": checkin.user_id}


@router.get("/spaces/{space_id}/checkins", response={200: list[CheckInOut], **problems(404)})
def list_checkins(request, space_id: Id, since: date | None = None):
    """Everyone's check-ins in this space, newest first (notes only where allowed)."""
    space = space_for(request.user, space_id)
    rows = CheckIn.objects.in_space(space).order_by("-local_date", "user_id")
    if since:
        rows = rows.filter(local_date__gte=since)
    return [_out(c, request.user) for c in rows[:1000]]


@router.post("/spaces/{space_id}/checkins", response={201: CheckInOut, **problems(400, 404, 409)})
def check_in(request, space_id: Id, payload: CheckInIn):
    """Today's check-in, in your own time zone. Once a day; edit it with PUT .../today."""
    space = space_for(request.user, space_id)
    checkin = services.record(space, request.user, services.Answers(**payload.dict()))
    return Status(201, _out(checkin, request.user))


@router.get("/spaces/{space_id}/checkins/today", response={200: CheckInOut, **problems(404)})
def todays(request, space_id: Id):
    space = space_for(request.user, space_id)
    checkin = services.todays_checkin(space, request.user)
    if checkin is None:
        raise Http404("No check-in today")
    return _out(checkin, request.user)


@router.put("/spaces/{space_id}/checkins/today", response={200: CheckInOut, **problems(400, 404)})
def revise(request, space_id: Id, payload: CheckInIn):
    space = space_for(request.user, space_id)
    checkin = services.revise(space, request.user, services.Answers(**payload.dict()))
    return _out(checkin, request.user)
