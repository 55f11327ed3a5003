"""Schemas every API router shares."""

from ninja import Schema


class Problem(Schema):
    detail: str
    errors: dict[str, str]


def problems(*codes: int) -> dict:
    """Declare the error answers a route can give, so the OpenAPI schema tells the truth."""
    return {code: Problem for code in (401, 422, *codes)}


class Done(Schema):
    ok: bool = True
