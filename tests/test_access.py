"""The authorisation matrix: every route × anonymous / outsider / member.

A space you are not in does not exist for you: every page and API route of it answers 404.
Each route must be classified below; a new route that is not fails `test_every_route_is_classified`
until someone decides, and writes down, who may use it.
"""

import functools
import json
import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from mend.accounts.models import ApiToken
from tests.conftest import CHECKIN, client_for

pytestmark = pytest.mark.django_db

# Anyone may use these, signed in or not.
PUBLIC = {
    "",
    "signup/",
    "login/",
    "logout/",
    "password/reset/",
    "password/reset/sent/",
    "password/reset/<uidb64>/<token>/",
    "password/reset/complete/",
    "invite/<str:token>/",
    "api/",
    "api/openapi.json",
    "api/docs",
    "api/auth/signup",
    "api/auth/token",
    "api/auth/password-reset",
    "api/auth/signup/confirm",
    "signup/confirm/<str:token>/",
    "login/code/",
}
# Signed-in people, each about their own account only.
OWN = {
    "spaces/new/",
    "spaces/switch/",
    "account/",
    "account/password/",
    "account/tokens/",
    "account/tokens/<id:token_id>/revoke/",
    "api/me",
    "api/me/password",
    "api/me/tokens",
    "api/me/tokens/<token_id>",
    "api/spaces",
    "api/invites/<token>/accept",
    "account/security/",
    "account/data/",
    "account/data/export.json",
    "account/data/export.zip",
    "api/me/export",
    "api/me/delete",
    "api/me/security-log",
    "account/two-factor/",
    "account/two-factor/off/",
    "account/sign-out-everywhere/",
    "safety/",
    "safety/check/",
    "safety/mode/",
    "safety/country/",
    "safety/plan/",
    # The professional's side: tested in test_professionals.py.
    "pro/",
    "pro/accept/<str:token>/",
    "pro/<id:access_id>/",
    "coach/",
    "api/coach/analyze",
    "api/coach/scenario",
}
# A valid body for each API operation that takes one, so that the answer an outsider gets
# is about access, not about a malformed request.
BODIES = {
    "check_in": CHECKIN,
    "revise": CHECKIN,
    "make": {
        "title": "Call at noon",
        "repeat": "once",
        "start_date": "2030-01-01",
        "due_time": "12:00",
    },
    "report": {"value": "kept"},
    "respond": {"value": "confirm"},
    "repair": {"note": "Sorry."},
    "send": {"recipient_id": 1, "text": "Thanks"},
    "three_things": {"recipient_id": 1, "things": ["a"]},
}


def _routes():
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            else:
                yield prefix + str(p.pattern), p.name

    return sorted(set(walk(get_resolver().url_patterns)))


@functools.cache
def _api_methods():
    """{(path, operation name): method} from the served OpenAPI schema."""
    schema = Client().get("/api/openapi.json").json()
    methods = {}
    for path, operations in schema["paths"].items():
        route = path.lstrip("/").replace("{", "<").replace("}", ">")
        for method, op in operations.items():
            methods[(route, op["operationId"].rsplit("_api_", 1)[1])] = method
    return methods


SPACE_ROUTES = [(r, n) for r, n in _routes() if "space_id" in r]


def test_every_route_is_classified():
    unclassified = [
        route
        for route, _ in _routes()
        if "space_id" not in route and route not in PUBLIC | OWN and not route.startswith("admin/")
    ]
    assert unclassified == []


def test_the_matrix_covers_every_space_route():
    # Guard against the walk silently finding nothing.
    assert len(SPACE_ROUTES) >= 25


def _fill(route: str, values: dict) -> str:
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)
    return "/" + path


def _ask(client, method: str, path: str, name: str):
    body = BODIES.get(name)
    if body is None:
        return getattr(client, method)(path)
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


def _methods(route, name, api_methods):
    if route.startswith("api/"):
        return [api_methods[(route, name)]]
    return ["get", "post"]


@pytest.mark.parametrize(("route", "name"), SPACE_ROUTES)
def test_an_outsider_gets_404_from_every_space_route(world, outsider, route, name):
    api_methods = _api_methods()
    client = client_for(outsider)
    # Alice and Bob's space, and their objects seen through Olga's own space.
    paths = [_fill(route, world), _fill(route, {**world, "space_id": world["own_space_id"]})]
    for path in paths:
        if path == _fill(route, {**world, "space_id": world["own_space_id"]}) and not (
            "commitment_id" in route or "occurrence_id" in route or "access_id" in route
        ):
            continue  # Olga's own space is hers to use
        for method in _methods(route, name, api_methods):
            status = _ask(client, method, path, name).status_code
            if method == "get" and status == 405:
                continue  # a POST-only page; the POST below must still be 404
            assert status == 404, f"{method.upper()} {path} gave {status}"


@pytest.mark.parametrize(("route", "name"), SPACE_ROUTES)
def test_anonymous_people_are_asked_to_sign_in(world, route, name):
    api_methods = _api_methods()
    path = _fill(route, world)
    for method in _methods(route, name, api_methods):
        response = _ask(Client(), method, path, name)
        if route.startswith("api/"):
            assert response.status_code == 401
        elif response.status_code != 405:
            assert response.status_code == 302
            assert response.url.startswith("/login/")


@pytest.mark.parametrize(("route", "name"), SPACE_ROUTES)
def test_a_member_can_reach_every_space_route(world, alice, route, name):
    """The other side of the matrix, so that 404 above means "not yours", not "broken"."""
    api_methods = _api_methods()
    method = _methods(route, name, api_methods)[0]
    status = _ask(client_for(alice), method, _fill(route, world), name).status_code
    assert status != 404


def test_someone_elses_token_cannot_be_revoked(world, alice, outsider):
    token, _ = ApiToken.issue(alice, "phone")
    assert client_for(outsider).post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    assert client_for(outsider).delete(f"/api/me/tokens/{token.pk}").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_members_are_not_staff(world, alice):
    response = client_for(alice).get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_no_route_shows_another_members_private_text(world, couple, alice, bob):
    """Bob walks every page and API route he can reach; Alice's private words never appear."""
    from mend.checkins.models import CheckIn
    from mend.safety import services as safety

    secret = "alice-private-words-7f3"
    CheckIn.objects.filter(user=alice).update(note="")
    checkin = CheckIn.objects.get(user=alice)
    checkin.note = secret
    checkin.save()
    safety.save_plan(alice, people=secret, code_word=secret)
    safety.record_check(alice, {"fear": True})
    client = client_for(bob)
    api_methods = _api_methods()
    seen = 0
    for route, name in _routes():
        if route.startswith("admin/") or "<token>" in route or "<str:token>" in route:
            continue
        if "<" in route and not set(re.findall(r"<(?:\w+:)?(\w+)>", route)) <= set(world):
            continue
        if route.startswith("api/") and api_methods.get((route, name)) != "get":
            continue
        response = client.get(_fill(route, world))
        seen += 1
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert secret.encode() not in body, route
        assert b"Safety mode is on" not in body or route.startswith("safety"), route
    assert seen > 40
