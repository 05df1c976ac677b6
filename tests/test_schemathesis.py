"""schemathesis generates requests from heraldo's own OpenAPI description and checks every
response: no server error, status codes and content types as documented, bodies that match."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from heraldo.server.app import create_app
from heraldo.store import open_store
from tests.conftest import add_examples

TOKEN = "schemathesis-token-0123456789"


@pytest.fixture(scope="module")
def app(tmp_path_factory, examples):
    store = open_store(tmp_path_factory.mktemp("st") / "st.duckdb")
    add_examples(store, examples)
    application = create_app(store, token=TOKEN, max_body=300_000)
    application.state.coder.warm(wait=True)  # as `heraldo serve` does at start-up
    yield application
    application.state.coder.close()
    store.close()


def test_api_conforms_to_its_openapi(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True
        )
        def check(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})

        check()
