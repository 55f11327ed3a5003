"""The JSON API under /api/: one NinjaAPI, a router per product area.

Browsers use their session (with CSRF); other clients send a personal token as
`Authorization: Bearer mend_…`. Every route calls the same domain services as the web pages.
"""

import re

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth

from mend.accounts.api import router as accounts_router
from mend.accounts.models import ApiToken
from mend.appreciation.api import router as appreciation_router
from mend.checkins.api import router as checkins_router
from mend.coaching.api import router as coaching_router
from mend.commitments.api import router as commitments_router
from mend.dashboard.api import router as dashboard_router
from mend.errors import RuleBroken
from mend.spaces.api import router as spaces_router


class PersonalToken(HttpBearer):
    def authenticate(self, request, token):
        user = ApiToken.user_for(token)
        if user is None:
            return None
        request.user = user
        return user


class SignedInSession(SessionAuth):
    """The browser's session. CSRF protects a session that exists: a request from no one signed
    in (or with a mistyped token) is told to sign in (401), not that a CSRF token is missing."""

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


api = NinjaAPI(
    title="Mend API",
    version="1",
    description="Check-ins, commitments, appreciation and progress for a relationship space.",
    # Token first: a request that carries one needs no CSRF check; browsers fall through to
    # their session, which does.
    auth=[PersonalToken(), SignedInSession()],
    urls_namespace="api",
)


def _field_name(loc) -> str:
    # ("body", "payload", "mood") -> "mood"; ("path", "space_id") -> "space_id"
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "data")]
    return ".".join(parts) or "body"


# Choices are declared as patterns such as ^(kept|missed)$; say them as choices.
CHOICES = re.compile(r"^\^\(([\w|]+)\)\$$")


def _message(error: dict) -> str:
    pattern = (error.get("ctx") or {}).get("pattern", "")
    if error.get("type") == "string_pattern_mismatch" and (m := CHOICES.match(pattern)):
        return f"Choose one of: {', '.join(m.group(1).split('|'))}."
    return error.get("msg", "Invalid value.")


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    errors = {}
    for error in exc.errors:
        errors.setdefault(_field_name(error.get("loc", ())), _message(error))
    return api.create_response(
        request, {"detail": "Some values need attention.", "errors": errors}, status=422
    )


@api.exception_handler(RuleBroken)
def on_rule_broken(request, exc: RuleBroken):
    return api.create_response(request, exc.as_dict(), status=exc.status)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, {"detail": "Not found.", "errors": {}}, status=404)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return api.create_response(
        request, {"detail": "Sign in, or send a personal API token.", "errors": {}}, status=401
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    # Ninja wraps every body-parsing failure in this one message (longer when DEBUG is on).
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        return api.create_response(
            request, {"detail": "The request body is not valid JSON.", "errors": {}}, status=400
        )
    return api.create_response(request, {"detail": str(exc), "errors": {}}, status=exc.status_code)


# The coach first: it is called on every pause in typing, and URLs are tried in order.
api.add_router("", coaching_router)
api.add_router("", accounts_router)
api.add_router("", spaces_router)
api.add_router("", checkins_router)
api.add_router("", commitments_router)
api.add_router("", appreciation_router)
api.add_router("", dashboard_router)
