"""Hostile inputs (tests/hostile.py) through `heraldo code`: every one gets a clear error record or
a valid coded record, in order, within the time limit; none crashes the batch. Every offset in
every coded record slices the input to the reported text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import ROOT
from tests.hostile import CASES

SCHEMA = json.loads((ROOT / "docs" / "schema" / "coded-article.schema.json").read_text("utf-8"))


def spans(rec: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    """(what, start, end, text) of everything in an output record that points into the input."""
    out = []
    for e in rec.get("events") or []:
        ev = e["evidence"]
        out.append(("sentence", ev["start"], ev["end"], ev["sentence"]))
        out.append(("trigger", ev["trigger"]["start"], ev["trigger"]["end"], ev["trigger"]["text"]))
        for role in ("source", "target", "location"):
            m = e.get(role)
            if m and m.get("start") is not None:
                out.append((role, m["start"], m["end"], m["text"]))
    for m in rec.get("actors") or []:
        out.append(("actor", m["start"], m["end"], m["text"]))
    for p in rec.get("places") or []:
        out.append(("place", p["start"], p["end"], p["text"]))
    for q in rec.get("quotes") or []:
        out.append(("quote", q["start"], q["end"], q["text"]))
    return out


def check_offsets(source: str, rec: dict[str, Any]) -> None:
    for what, start, end, text in spans(rec):
        assert 0 <= start <= end <= len(source), (what, start, end)
        assert source[start:end] == text, (what, start, end, text[:60])


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    src, out = d / "in.jsonl", d / "out.jsonl"
    src.write_bytes(b"\n".join(raw for _name, raw, _want in CASES) + b"\n")
    run = subprocess.run(
        [sys.executable, "-m", "heraldo", "code", "--input", str(src), "--output", str(out), "--time-limit", "60"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    return run, Path(out).read_text("utf-8").splitlines()


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 40 and len({name for name, _, _ in CASES}) == len(CASES)


def test_the_batch_finishes_with_one_line_per_input(outcome):
    run, lines = outcome
    assert run.returncode == 3, run.stderr[-2000:]  # some error records, no crash
    assert len(lines) == len(CASES)
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("n", range(len(CASES)), ids=[name for name, _, _ in CASES])
def test_each_hostile_input(outcome, n):
    name, raw, want = CASES[n]
    rec = json.loads(outcome[1][n])
    jsonschema.validate(rec, SCHEMA)
    assert rec["line"] == n + 1
    got = rec["error"]["type"] if rec["error"] else "coded"
    assert got == want, (name, rec["error"])
    if rec["error"]:
        assert rec["error"]["message"] and rec["events"] == []
        return
    record = json.loads(raw.decode("utf-8").removeprefix("\ufeff"))
    check_offsets(record.get("text") or record.get("html"), rec)
