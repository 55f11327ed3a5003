from datetime import date, datetime, time

from ninja import Field, Router, Schema, Status

from mend.apischema import Done, Id, Input, problems
from mend.commitments import services
from mend.commitments.models import Occurrence
from mend.spaces.access import space_for

router = Router(tags=["commitments"])


class CommitmentIn(Input):
    title: str = Field(max_length=services.TITLE_MAX)
    repeat: str = Field(pattern="^(once|daily|weekly)$")
    start_date: date
    due_time: time
    receiver_id: int | None = Field(None, description="Omit when there is one other member.")


class CommitmentOut(Schema):
    id: int
    title: str
    maker_id: int
    receiver_id: int | None
    repeat: str
    start_date: date
    due_time: time
    time_zone: str
    ended_on: date | None


class EntryOut(Schema):
    author_id: int
    role: str
    value: str
    note: str
    created_at: datetime


class OccurrenceOut(Schema):
    id: int
    commitment_id: int
    title: str
    local_date: date
    due_at: datetime
    status: str
    record: list[EntryOut]


class ReportIn(Input):
    value: str = Field(pattern="^(kept|missed)$")
    note: str = Field("", max_length=services.NOTE_MAX)


class RespondIn(Input):
    value: str = Field(pattern="^(confirm|dispute)$")
    note: str = Field("", max_length=services.NOTE_MAX)


class RepairIn(Input):
    note: str = Field(max_length=services.NOTE_MAX)


def _occurrence_out(o: Occurrence) -> dict:
    return {
        "id": o.pk,
        "commitment_id": o.commitment_id,
        "title": o.commitment.title,
        "local_date": o.local_date,
        "due_at": o.due_at,
        "status": o.status,
        "record": list(o.entries.all()),
    }


@router.get("/spaces/{space_id}/commitments", response={200: list[CommitmentOut], **problems(404)})
def list_commitments(request, space_id: Id):
    return space_for(request.user, space_id).commitments.all()


@router.post("/spaces/{space_id}/commitments", response={201: CommitmentOut, **problems(400, 404)})
def make(request, space_id: Id, payload: CommitmentIn):
    space = space_for(request.user, space_id)
    return Status(201, services.make(space, request.user, **payload.dict()))


@router.get(
    "/spaces/{space_id}/commitments/{commitment_id}", response={200: CommitmentOut, **problems(404)}
)
def get_commitment(request, space_id: Id, commitment_id: Id):
    return services.commitment_in(space_for(request.user, space_id), commitment_id)


@router.post(
    "/spaces/{space_id}/commitments/{commitment_id}/end", response={200: Done, **problems(403, 404)}
)
def end(request, space_id: Id, commitment_id: Id):
    commitment = services.commitment_in(space_for(request.user, space_id), commitment_id)
    services.end(commitment, request.user)
    return {"ok": True}


@router.get("/spaces/{space_id}/occurrences", response={200: list[OccurrenceOut], **problems(404)})
def list_occurrences(request, space_id: Id):
    """Every time a commitment here fell due, with its full record, newest first."""
    space = space_for(request.user, space_id)
    services.bring_due_up_to_date(space)
    return [_occurrence_out(o) for o in services.occurrences(space)[:500]]


def _then(space, occurrence_id):
    return _occurrence_out(services.occurrence_in(space, occurrence_id))


@router.post(
    "/spaces/{space_id}/occurrences/{occurrence_id}/report",
    response={200: OccurrenceOut, **problems(400, 403, 404, 409)},
)
def report(request, space_id: Id, occurrence_id: Id, payload: ReportIn):
    space = space_for(request.user, space_id)
    services.report(services.occurrence_in(space, occurrence_id), request.user, **payload.dict())
    return _then(space, occurrence_id)


@router.post(
    "/spaces/{space_id}/occurrences/{occurrence_id}/respond",
    response={200: OccurrenceOut, **problems(400, 403, 404, 409)},
)
def respond(request, space_id: Id, occurrence_id: Id, payload: RespondIn):
    space = space_for(request.user, space_id)
    services.respond(services.occurrence_in(space, occurrence_id), request.user, **payload.dict())
    return _then(space, occurrence_id)


@router.post(
    "/spaces/{space_id}/occurrences/{occurrence_id}/repair",
    response={200: OccurrenceOut, **problems(400, 403, 404, 409)},
)
def repair(request, space_id: Id, occurrence_id: Id, payload: RepairIn):
    space = space_for(request.user, space_id)
    services.repair(services.occurrence_in(space, occurrence_id), request.user, payload.note)
    return _then(space, occurrence_id)
