"""Schemas every API router shares."""

from typing import Annotated

from ninja import Path, Schema
from pydantic import field_validator

from mend.ids import MAX_ID


class Input(Schema):
    """Base of every request body: text never carries NUL characters (databases refuse them)."""

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value):
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("Text must not contain NUL characters.")
        if isinstance(value, list) and any(isinstance(v, str) and "\x00" in v for v in value):
            raise ValueError("Text must not contain NUL characters.")
        return value


class Problem(Schema):
    detail: str
    errors: dict[str, str]


def problems(*codes: int) -> dict:
    """Declare the error answers a route can give, so the OpenAPI schema tells the truth."""
    # 400: a body that is not JSON; 401: not signed in; 403: a browser session without its
    # CSRF token; 422: a value out of shape.
    return {code: Problem for code in (400, 401, 403, 422, *codes)}


class Done(Schema):
    ok: bool = True


# A path id: positive and within a 64-bit column, or the request is refused before any query.
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
