"""`heraldo batch` on the local engine, on a real Dask LocalCluster and on Spark local mode: the
same rows everywhere, and a worker killed mid-split is retried without duplicate rows."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from heraldo.engines import COLUMNS, FAULT_ENV, make_splits, read_output, run_local
from tests.conftest import missing

SUBJECTS = ["Rusia", "Ucrania", "Japón", "Chile", "Colombia", "Perú", "México", "Francia"]
VERBS = ["condenó", "criticó", "apoyó", "amenazó", "atacó"]


@pytest.fixture(scope="module")
def batch_input(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("batch") / "in.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(48):
            if i == 5:
                fh.write("{not json\n")
                continue
            if i == 9:
                fh.write(json.dumps({"id": "empty", "text": " "}) + "\n")
                continue
            a, b = SUBJECTS[i % len(SUBJECTS)], SUBJECTS[(i + 3) % len(SUBJECTS)]
            verb = VERBS[i % len(VERBS)]
            text = f"Artículo {i}. {a} {verb} a {b} el lunes en Lima. La policía detuvo a {i} manifestantes."
            fh.write(
                json.dumps({"id": f"a{i}", "text": text, "lang": "es", "date": "2025-03-03"}, ensure_ascii=False) + "\n"
            )
    return path


@pytest.fixture(scope="module")
def reference(batch_input, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref")
    splits = make_splits([str(batch_input)], split_bytes=1500)
    run_local(splits, out)
    return read_output(out)


def key(rows):
    return [(r["line"], r["event_index"]) for r in rows]


def test_splits_cover_every_line_once(batch_input):
    splits = make_splits([str(batch_input)], split_bytes=1500)
    assert len(splits) > 4
    assert splits[0].start == 0 and splits[-1].end == batch_input.stat().st_size
    assert all(a.end == b.start for a, b in zip(splits, splits[1:], strict=False))
    lines = [
        n
        for s in splits
        for n in range(s.first_line, s.first_line + batch_input.read_bytes()[s.start : s.end].count(b"\n"))
    ]
    assert lines == list(range(1, 49))


def test_local_rows_are_the_contract_output(reference, batch_input, pipeline):
    assert len(set(key(reference))) == len(reference)  # one row per (line, event)
    by_line: dict[int, list[dict]] = {}
    for r in reference:
        by_line.setdefault(r["line"], []).append(r)
    assert sorted(by_line) == list(range(1, 49))  # every input line is in the output
    assert by_line[6][0]["error_type"] == "invalid_json" and by_line[10][0]["error_type"] == "missing_text"
    record = json.loads(batch_input.read_text("utf-8").splitlines()[0])
    coded = pipeline.code(record)
    assert [json.loads(r["event"]) for r in by_line[1]] == [e.to_json() for e in coded.events]
    assert all(r["n_events"] == len(by_line[r["line"]]) for r in reference if r["event_index"] is not None)


def test_parquet_input(reference, batch_input, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [json.loads(line) for line in batch_input.read_text("utf-8").splitlines() if line.startswith('{"id": "a')]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "in.parquet", row_group_size=10)
    splits = make_splits([str(tmp_path / "in.parquet")])
    assert len(splits) == 5
    run_local(splits, tmp_path / "out")
    rows = read_output(tmp_path / "out")
    ours = [(r["id"], r["cameo"], r["source_code"], r["target_code"]) for r in rows]
    theirs = [
        (r["id"], r["cameo"], r["source_code"], r["target_code"]) for r in reference if r["id"] and r["id"] != "empty"
    ]
    assert ours == theirs


def _strip(rows):
    return [{k: v for k, v in r.items() if k != "source_file"} for r in rows]


def test_dask_equals_local_even_when_a_worker_dies(reference, batch_input, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    from heraldo.engines.dask_engine import run_dask

    splits = make_splits([str(batch_input)], split_bytes=1500)
    out = tmp_path / "dask"
    # an existing cluster, reached by its scheduler address as a real one would be
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert run_dask(splits, out, scheduler=cluster.scheduler_address) == len(reference)
    assert _strip(read_output(out)) == _strip(reference)

    marker = tmp_path / "killed-once"
    monkeypatch.setenv(FAULT_ENV, f"3:{marker}")  # the worker coding split 3 dies the first time
    out2 = tmp_path / "dask-fault"
    assert run_dask(splits, out2, workers=2) == len(reference)
    assert marker.exists()  # the fault really happened
    rows = read_output(out2)
    assert len(set(key(rows))) == len(rows) and _strip(rows) == _strip(reference)


def test_spark_equals_local_even_when_a_task_dies(reference, batch_input, tmp_path):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        missing("Java 17 (Debian package openjdk-17-jre-headless)")
    marker = tmp_path / "killed-once"
    out = tmp_path / "spark"
    env = dict(os.environ, **{FAULT_ENV: f"2:{marker}"})
    run = subprocess.run(
        [sys.executable, "-m", "heraldo", "batch", str(batch_input), "--output", str(out), "--engine", "spark"]
        + ["--split-mb", "0.0015"],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert marker.exists()
    rows = read_output(out)
    assert len(set(key(rows))) == len(rows) and _strip(rows) == _strip(reference)


def test_batch_cli_refuses_a_non_empty_output(batch_input, tmp_path):
    (tmp_path / "x").write_text("keep me")
    run = subprocess.run(
        [sys.executable, "-m", "heraldo", "batch", str(batch_input), "--output", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2 and "not empty" in run.stderr
    assert [c for c, _ in COLUMNS][:3] == ["line", "source_file", "id"]
