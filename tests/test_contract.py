"""`heraldo code` follows the batch contract (docs/coding-contract.md) on good and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import EXAMPLES, ROOT

SCHEMA = json.loads((ROOT / "docs" / "schema" / "coded-article.schema.json").read_text())


def run_code(tmp_path: Path, lines: list[bytes], *extra: str) -> tuple[int, list[dict], str]:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "heraldo", "code", "--input", str(src), "--output", str(out), *extra],
        capture_output=True,
        timeout=600,
    )
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return proc.returncode, records, proc.stderr.decode()


def _seed_record() -> bytes:
    text = (EXAMPLES / "01-kim-lavrov-wonsan.es.txt").read_text(encoding="utf-8")
    return json.dumps({"id": "seed", "text": text, "date": "2025-07-13"}).encode()


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory):
    lines = [
        _seed_record(),
        b"this is not json",
        json.dumps({"id": "no-text"}).encode(),
        json.dumps({"id": "junk", "text": "\x00\x01\x02\x03\x04\x05" * 200}).encode(),
        json.dumps({"id": "huge", "text": "palabra " * 2_600_000}).encode(),  # ~20 MB
        b'{"id": "latin1", "text": "Espa\xf1a protest\xf3"}',
        json.dumps({"id": "wrong-type", "text": 42}).encode(),
        json.dumps(["not", "an", "object"]).encode(),
        json.dumps({"id": "bad-date", "text": "Rusia condenó a Ucrania.", "date": "yesterday"}).encode(),
        json.dumps({"id": "en", "text": "Russia condemned Ukraine on Monday.", "date": "2025-07-14"}).encode(),
        json.dumps({"id": "empty", "text": "   "}).encode(),
    ]
    return run_code(tmp_path_factory.mktemp("bad"), lines)


def test_one_output_line_per_input_line_in_order(bad_batch):
    rc, records, _ = bad_batch
    assert len(records) == 11
    assert [r.get("line") for r in records] == list(range(1, 12))
    assert records[0]["id"] == "seed" and records[9]["id"] == "en"


@pytest.mark.parametrize(
    "line, error_type",
    [
        (2, "invalid_json"),
        (3, "missing_text"),
        (4, "binary"),
        (5, "too_large"),
        (6, "encoding"),
        (7, "invalid_field"),
        (8, "not_an_object"),
        (9, "invalid_field"),
        (11, "missing_text"),
    ],
)
def test_bad_input_gives_an_error_record(bad_batch, line, error_type):
    _, records, _ = bad_batch
    rec = records[line - 1]
    assert rec["error"]["type"] == error_type, rec["error"]
    assert rec["error"]["message"]
    assert rec["events"] == []


def test_good_records_are_coded_and_exit_status_is_3(bad_batch):
    rc, records, stderr = bad_batch
    assert rc == 3
    assert records[0]["error"] is None and records[0]["events"]
    assert records[9]["error"] is None and records[9]["lang"] == "en" and records[9]["events"]
    assert "coded 11 records" in stderr


def test_output_validates_against_the_published_schema(bad_batch):
    _, records, _ = bad_batch
    for rec in records:
        jsonschema.validate(rec, SCHEMA)


def test_all_good_exits_0_and_workers_keep_order(tmp_path):
    lines = [
        json.dumps({"id": str(i), "text": t, "lang": lang}).encode()
        for i, (t, lang) in enumerate(
            [
                ("Rusia condenó a Ucrania.", "es"),
                ("Russia condemned Ukraine.", "en"),
                ("Los manifestantes protestaron contra el Gobierno.", "es"),
                ("Hamas released two hostages.", "en"),
                ("Japón prometió ayuda a Sudán.", "es"),
            ]
        )
    ]
    rc, records, _ = run_code(tmp_path, lines, "--workers", "2")
    assert rc == 0
    assert [r["id"] for r in records] == ["0", "1", "2", "3", "4"]
    assert all(r["error"] is None for r in records)


def test_stdin_stdout_and_usage_errors(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "heraldo", "code", "--input", "-", "--output", "-"],
        input=b'{"id": "x", "text": "Rusia conden\xc3\xb3 a Ucrania.", "lang": "es"}\n',
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == 0
    rec = json.loads(proc.stdout.decode().strip())
    assert rec["id"] == "x" and rec["events"][0]["cameo_root"] == "11"
    missing = subprocess.run(
        [sys.executable, "-m", "heraldo", "code", "--input", str(tmp_path / "nope.jsonl"), "--output", "-"],
        capture_output=True,
        timeout=60,
    )
    assert missing.returncode == 2
    unknown = subprocess.run([sys.executable, "-m", "heraldo", "code", "--bogus"], capture_output=True, timeout=60)
    assert unknown.returncode == 2


def test_an_article_over_the_time_limit_gives_a_timeout_record_and_the_batch_goes_on(tmp_path):
    paragraph = "El Gobierno condenó el ataque {} de los rebeldes contra la población civil. " * 10
    long_text = "\n\n".join(paragraph.replace("{}", str(i)) for i in range(300))  # distinct paragraphs, ~20 s of work
    lines = [
        json.dumps({"id": "slow", "text": long_text, "lang": "es"}).encode(),
        json.dumps({"id": "ok", "text": "Rusia condenó a Ucrania.", "lang": "es"}).encode(),
    ]
    rc, records, _ = run_code(tmp_path, lines, "--time-limit", "1")
    assert rc == 3
    assert records[0]["error"]["type"] == "timeout"
    assert records[1]["error"] is None and records[1]["events"]
