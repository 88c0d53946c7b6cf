"""The API under schemathesis: every operation of the OpenAPI document, fed generated
parameters and bodies over the demo store, answers no 5xx and nothing its schema does not
declare (a bounded number of examples per operation, so CI stays quick)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from wirescope.cli.main import cli
from wirescope.serve.api import Server, create_app

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis (dev extra) not installed")

from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

EXAMPLES = 40  # per operation


@pytest.fixture(scope="module")
def demo_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path: Path = tmp_path_factory.mktemp("fuzz") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(path)])
    assert result.exit_code == 0, result.output
    app = create_app(Server(db=path, token="s3cret-token-of-the-server",
                            hosts=("localhost", "testserver")))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_api_fuzz_no_server_error_and_nothing_undeclared(demo_schema: Any) -> None:
    operations = [result.ok() for result in demo_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case: Any) -> None:
            # A filter the schema allows may still mean nothing ("bbox" upside down): a
            # documented 400, which the positive-data check would call a rejection.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        call()
