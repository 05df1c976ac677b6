"""A `heraldo ingest` killed with SIGKILL mid-batch resumes without loss or duplicates, on both
store backends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from heraldo.store import open_store

SUBJECTS = ["Rusia", "Ucrania", "Japón", "Chile", "Colombia", "Perú", "México", "Francia"]
VERBS = ["condenó", "criticó", "apoyó", "amenazó", "atacó"]


def _batch(path, n=60):
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            a, b = SUBJECTS[i % len(SUBJECTS)], SUBJECTS[(i + 3) % len(SUBJECTS)]
            text = (
                f"Artículo {i}. {a} {VERBS[i % len(VERBS)]} a {b} el lunes. La policía detuvo a {i + 2} manifestantes."
            )
            fh.write(json.dumps({"id": f"a{i}", "text": text, "lang": "es", "date": "2025-03-03"}) + "\n")


def _state(db):
    store = open_store(db, read_only=True)
    arts = store._all("SELECT article_key FROM articles ORDER BY 1")
    events = store._all(
        "SELECT article_key, cameo, source_code, target_code, trigger_start, merged_id FROM events "
        "ORDER BY 1, 5, 2, 3, 4"
    )
    merged = store._all("SELECT merged_id, num_mentions, num_articles, num_sources FROM merged_events ORDER BY 1")
    store.close()
    return arts, events, merged


def _run(src, db, *extra):
    return subprocess.run(
        [sys.executable, "-m", "heraldo", "run", str(src), "--db", str(db), "--show", "0", *extra],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize("backend", ["duckdb", "postgresql"])
def test_kill_mid_batch_then_resume(tmp_path, request, backend):
    src = tmp_path / "batch.jsonl"
    _batch(src)
    if backend == "duckdb":
        reference, db = tmp_path / "ref.duckdb", tmp_path / "killed.duckdb"
    else:
        make = request.getfixturevalue("new_postgres_db")
        reference, db = make(), make()
    assert _run(src, reference).returncode == 0

    proc = subprocess.Popen(
        [sys.executable, "-m", "heraldo", "ingest", str(src), "--db", str(db), "--show", "0", "--verbose"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    stored = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("stored "):
            stored += 1
            if stored == 17:
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    partial = _state(db)[0]
    assert 17 <= len(partial) < 60  # killed mid-batch, committed articles kept

    resumed = _run(src, db)
    assert resumed.returncode == 0
    assert f"{60 - len(partial)} articles coded, {len(partial)} already in the store" in resumed.stdout
    assert _state(db) == _state(reference)  # no loss, no duplicates


def _batch_500(path):
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(500):
            a, b = SUBJECTS[i % len(SUBJECTS)], SUBJECTS[(i * 5 + 3) % len(SUBJECTS)]
            text = f"Nota {i}. {a} {VERBS[i % len(VERBS)]} a {b}. La policía detuvo a {i % 40 + 2} manifestantes."
            fh.write(json.dumps({"id": f"n{i}", "text": text, "lang": "es", "date": "2025-03-03"}) + "\n")


@pytest.fixture(scope="module")
def batch_500(tmp_path_factory):
    """500 articles and the store of an uninterrupted ingest of them."""
    d = tmp_path_factory.mktemp("b500")
    src = d / "batch.jsonl"
    _batch_500(src)
    reference = d / "ref.duckdb"
    assert _run(src, reference).returncode == 0
    return src, reference


def test_killed_at_random_points_during_500_articles(tmp_path, batch_500):
    """SIGKILL at seeded random moments (mid-transaction included), restart each time: the store
    ends with exactly the articles and events of an uninterrupted run."""
    import random
    import time

    src, reference = batch_500
    db = tmp_path / "killed.duckdb"
    rng = random.Random(20261127)
    kills = 0
    for _ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-m", "heraldo", "ingest", str(src), "--db", str(db), "--verbose"],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        assert proc.stderr is not None
        for line in proc.stderr:  # wait until it is storing, then let it run a random while
            if line.startswith("stored "):
                break
        time.sleep(rng.uniform(0.2, 2.5))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
    assert kills >= 3
    resumed = _run(src, db)
    assert resumed.returncode == 0, resumed.stderr
    assert _state(db) == _state(reference)


def test_a_full_disk_stops_ingest_cleanly_and_a_rerun_completes(tmp_path, batch_500):
    """The store's file may not grow past a limit (RLIMIT_FSIZE, as a full disk): ingest stops with
    a clear error and exit 1; what it committed is whole; a rerun without the limit completes."""
    import resource

    src, reference = batch_500
    db = tmp_path / "full.duckdb"

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG from write() instead of a signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, 400_000))

    full = subprocess.run(
        [sys.executable, "-m", "heraldo", "ingest", str(src), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=small_disk,
    )
    assert full.returncode == 1, full.stdout + full.stderr
    assert "the store failed" in full.stderr and "Traceback" not in full.stderr
    arts, events, _merged = _state(db)
    assert 0 < len(arts) < 500
    store = open_store(db, read_only=True)
    partial = store._all("SELECT a.article_key, a.n_events, count(e.event_key) AS n FROM articles a "
                         "LEFT JOIN events e ON e.article_key = a.article_key GROUP BY 1, 2")  # fmt: skip
    store.close()
    assert all(r["n_events"] == r["n"] for r in partial)  # no half-written article
    assert _run(src, db).returncode == 0
    assert _state(db) == _state(reference)
