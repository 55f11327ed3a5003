from datetime import date, datetime

from ninja import Field, Router, Schema, Status

from mend.apischema import Id, Input, problems
from mend.appreciation import services
from mend.appreciation.models import Appreciation
from mend.spaces.access import space_for

router = Router(tags=["appreciation"])


class AppreciationIn(Input):
    recipient_id: int
    text: str = Field(max_length=services.TEXT_MAX)


class ThreeThingsIn(Input):
    recipient_id: int
    things: list[str] = Field(min_length=1, max_length=3)


class AppreciationOut(Schema):
    id: int
    sender_id: int
    recipient_id: int
    text: str
    from_three_things: bool
    local_date: date
    created_at: datetime


@router.get(
    "/spaces/{space_id}/appreciations", response={200: list[AppreciationOut], **problems(404)}
)
def list_appreciations(request, space_id: Id):
    """Notes you sent or received here, newest first."""
    space = space_for(request.user, space_id)
    return Appreciation.objects.filter(space=space).seen_by(request.user)[:500]


@router.post(
    "/spaces/{space_id}/appreciations", response={201: AppreciationOut, **problems(400, 404)}
)
def send(request, space_id: Id, payload: AppreciationIn):
    space = space_for(request.user, space_id)
    return Status(201, services.send(space, request.user, payload.recipient_id, payload.text))


@router.post(
    "/spaces/{space_id}/appreciations/three-things",
    response={201: list[AppreciationOut], **problems(400, 404)},
)
def three_things(request, space_id: Id, payload: ThreeThingsIn):
    space = space_for(request.user, space_id)
    sent = services.send_three_things(space, request.user, payload.recipient_id, payload.things)
    return Status(201, sent)
