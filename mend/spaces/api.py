from datetime import datetime

from django.urls import reverse
from ninja import Field, Router, Schema, Status

from mend.apischema import Done, Id, Input, problems
from mend.spaces import services
from mend.spaces.access import members_of, space_for
from mend.spaces.models import Membership

router = Router(tags=["spaces"])


class MemberOut(Schema):
    id: int
    display_name: str


class SpaceOut(Schema):
    id: int
    name: str
    kind: str
    capacity: int
    members: list[MemberOut]


class SpaceIn(Input):
    name: str = Field(max_length=services.NAME_MAX)
    kind: str = Field(pattern="^(couple|family|friendship)$")


class InviteOut(Schema):
    link: str
    expires_at: datetime


def _space_out(space) -> dict:
    return {
        "id": space.pk,
        "name": space.name,
        "kind": space.kind,
        "capacity": space.capacity,
        "members": members_of(space),
    }


@router.get("/spaces", response={200: list[SpaceOut], **problems()})
def list_spaces(request):
    return [_space_out(m.space) for m in Membership.objects.of(request.user)]


@router.post("/spaces", response={201: SpaceOut, **problems(400)})
def create_space(request, payload: SpaceIn):
    return Status(201, _space_out(services.create_space(request.user, payload.name, payload.kind)))


@router.get("/spaces/{space_id}", response={200: SpaceOut, **problems(404)})
def get_space(request, space_id: Id):
    return _space_out(space_for(request.user, space_id))


@router.post("/spaces/{space_id}/invites", response={201: InviteOut, **problems(400, 404)})
def create_invite(request, space_id: Id):
    invite, token = services.create_invite(space_for(request.user, space_id), request.user)
    link = request.build_absolute_uri(reverse("invite_accept", args=[token]))
    return Status(201, {"link": link, "expires_at": invite.expires_at})


@router.post("/invites/{token}/accept", response={200: SpaceOut, **problems(404, 409, 410)})
def accept_invite(request, token: str):
    return _space_out(services.accept_invite(token, request.user))


@router.post("/spaces/{space_id}/leave", response={200: Done, **problems(404)})
def leave(request, space_id: Id):
    services.leave_space(space_for(request.user, space_id), request.user)
    return {"ok": True}
