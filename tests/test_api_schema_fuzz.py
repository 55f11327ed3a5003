"""Schemathesis: generated requests against every operation in the OpenAPI schema, through
the real WSGI application. No request may cause a server error, and every answer must match
what the schema promises. Bounded: a fixed number of examples per operation."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from mend.accounts.models import ApiToken, User
from mend.spaces import services as spaces
from mend.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def keep_test_connection():
    """Schemathesis calls the WSGI app directly, which would close the test's database
    connection at the end of each request; Django's own test client switches that off too."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


@pytest.fixture
def token(db, keep_test_connection):
    user = User.objects.create_user("fuzz@example.org", "fuzzy lemon kettle", display_name="Fuzz")
    spaces.create_space(user, "Fuzz space", "couple")
    return ApiToken.issue(user, "fuzz")[1]


@schema.parametrize()
@settings(max_examples=15, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_honours_its_schema(case, token):
    # Business rules (an unknown time zone, a full couple) may still refuse a request the
    # schema allows; what must never happen is a crash or an answer the schema does not promise.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_headers_conformance,
            response_schema_conformance,
        ],
    )
