"""schemathesis against ``quoth serve``'s ``/openapi.json`` (issue #11), on a real server on
loopback: generated requests to every JSON endpoint, time-bounded (a few examples each), and no
server error, no undocumented status, no response outside its schema."""

from __future__ import annotations

import pytest

pytest.importorskip("schemathesis", reason="schemathesis is not installed")

import schemathesis  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.serve_fixtures import sample_db  # noqa: E402,F401
from tests.serve_server import running_server  # noqa: E402

pytestmark = pytest.mark.issue(11)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def test_the_api_keeps_its_description(sample_db):  # noqa: F811
    # schemathesis' own pytest plugin (from_fixture) does not run under pytest 9: each operation's
    # strategy is driven by hypothesis here instead, with the same checks.
    with running_server(sample_db) as base:
        schema = schemathesis.openapi.from_url(base + "/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 10
        failures = []
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(max_examples=12, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))
            def run(case):
                case.call_and_validate(checks=CHECKS, timeout=20)

            try:
                run()
            except Exception as e:  # noqa: BLE001 - collected, then reported all together
                failures.append(f"{operation.label}: {type(e).__name__}: {str(e)[:800]}")
        assert not failures, "\n\n".join(failures)
