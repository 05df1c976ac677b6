"""Load: bench/load.py drives a real `heraldo serve` from a second process on loopback, 32 clients
for 30 s mixing reads, codings and ingests; no request may fail."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from heraldo.store import open_store
from tests.conftest import ROOT, add_examples, start_server, stop_server

TOKEN = "load-test-token-0123456789"


@pytest.fixture(scope="module")
def served(tmp_path_factory, examples):
    db = tmp_path_factory.mktemp("load") / "load.duckdb"
    store = open_store(db)
    add_examples(store, examples)
    store.close()
    url, proc = start_server(db, token=TOKEN)
    yield url, proc, db
    log = stop_server(proc)
    assert "dashboard on http://127.0.0.1:" in log  # loopback unless told otherwise
    assert TOKEN not in log  # the token is never logged
    assert "Traceback" not in log


def test_32_clients_for_30_seconds_without_errors(served):
    url, proc, _db = served
    seconds = float(os.environ.get("HERALDO_LOAD_SECONDS", "30"))
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--url", url, "--clients", "32", "--seconds", str(seconds)]
        + ["--json"],
        capture_output=True,
        text=True,
        timeout=seconds + 300,
        env=dict(os.environ, HERALDO_TOKEN=TOKEN),
    )
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout)
    print(json.dumps(report, indent=1))  # the figures, with -s
    assert report["errors"] == 0, report
    assert report["requests"] > 200
    kinds = report["by_kind"]
    assert kinds["code"]["requests"] > 0 and kinds["ingest"]["requests"] > 0 and kinds["events"]["requests"] > 100
    import httpx

    counts = httpx.get(url + "/api/health").json()["counts"]
    assert counts["articles"] == 5 + kinds["ingest"]["requests"]  # every ingest really stored its article
    assert proc.poll() is None  # the server is still up
