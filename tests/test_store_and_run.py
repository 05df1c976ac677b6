"""`heraldo run` codes files into a real DuckDB file; re-running adds nothing."""

from __future__ import annotations

import subprocess
import sys

import duckdb

from tests.conftest import EXAMPLES


def test_run_stores_and_is_idempotent(tmp_path):
    db = tmp_path / "h.duckdb"
    first = subprocess.run(
        [sys.executable, "-m", "heraldo", "run", str(EXAMPLES), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert first.returncode == 0, first.stderr
    assert "Wŏnsan" in first.stdout and "[reunión]" in first.stdout
    con = duckdb.connect(str(db), read_only=True)
    n_articles, n_events = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)"
    ).fetchone()
    cameo = con.execute("SELECT count(*) FROM events WHERE plover = 'CONSULT' AND place_country = 'PRK'").fetchone()[0]
    con.close()
    assert n_articles == len([p for p in EXAMPLES.iterdir() if p.suffix == ".txt"])
    assert n_events > 10 and cameo >= 1
    second = subprocess.run(
        [sys.executable, "-m", "heraldo", "run", str(EXAMPLES), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert second.returncode == 0
    assert "0 articles coded" in second.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == n_events
    con.close()


def test_kb_show_prints_dated_code():
    out = subprocess.run(
        [sys.executable, "-m", "heraldo", "kb", "show", "Lavrov", "--date", "2025-07-12"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0
    assert "person:sergey-lavrov" in out.stdout and "code on 2025-07-12: RUSGOV" in out.stdout
