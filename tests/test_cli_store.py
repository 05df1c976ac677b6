"""`heraldo query | timeline | export` on a store made by `heraldo run` from the examples."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES


def heraldo(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    out = subprocess.run([sys.executable, "-m", "heraldo", *args], capture_output=True, text=True, timeout=600)
    if check:
        assert out.returncode == 0, out.stderr
    return out


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "examples.duckdb"
    run = heraldo("run", str(EXAMPLES), "--db", str(path), "--show", "0")
    assert "heraldo serve --db" in run.stdout  # make run tells the user how to look at what it built
    return str(path)


def test_query_table_json_csv_parquet(db, tmp_path):
    table = heraldo("query", "--db", db, "--dyad", "PRK,RUS", "--plover", "CONSULT")
    assert "Wŏnsan" in table.stdout and "matching events" in table.stdout
    rows = [
        json.loads(line)
        for line in heraldo("query", "--db", db, "--dyad", "PRK,RUS", "--format", "json").stdout.splitlines()
    ]
    assert len(rows) >= 5
    assert all({r["source_code"][:3], r["target_code"][:3]} == {"PRK", "RUS"} for r in rows)
    table_csv = list(csv.DictReader(io.StringIO(heraldo("query", "--db", db, "--quad", "4", "--format", "csv").stdout)))
    assert table_csv and all(r["quad_class"] == "4" for r in table_csv)
    out = tmp_path / "events.parquet"
    heraldo("query", "--db", db, "--format", "parquet", "--output", str(out))
    import pyarrow.parquet as pq

    t = pq.read_table(out)
    everything = heraldo("query", "--db", db, "--format", "json").stdout.splitlines()
    assert t.num_rows == len(everything) > 20
    assert {"event_key", "cameo", "plover", "source_code", "sentence", "num_articles"} <= set(t.column_names)


def test_bad_filters_are_usage_errors(db):
    assert heraldo("query", "--db", db, "--since", "yesterday", check=False).returncode == 2
    assert heraldo("query", "--db", db, "--quad", "7", check=False).returncode == 2
    assert heraldo("timeline", "--db", db, "--dyad", "RUS", check=False).returncode == 2


def test_timeline(db):
    series = json.loads(
        heraldo("timeline", "--db", db, "--dyad", "PRK,RUS", "--by", "month", "--format", "json").stdout
    )
    assert [p["period"] for p in series] == sorted(p["period"] for p in series)
    assert sum(p["q1"] + p["q2"] for p in series) >= 3
    assert "verb.coop" in heraldo("timeline", "--db", db).stdout


def test_gdelt_export(db, tmp_path):
    from heraldo.store.export import GDELT_COLUMNS

    out = tmp_path / "events.tsv"
    heraldo("export", "--db", db, "--format", "gdelt", "--output", str(out), "--header")
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].split("\t") == GDELT_COLUMNS
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines[1:]]
    assert len(rows) > 20
    ids = [r["GLOBALEVENTID"] for r in rows]
    assert len(set(ids)) == len(ids) and all(i.isdigit() for i in ids)
    wonsan = [r for r in rows if r["ActionGeo_FullName"].startswith("Wŏnsan")]
    assert wonsan and all(r["ActionGeo_CountryCode"] == "KN" for r in wonsan)  # FIPS 10-4, as GDELT
    consult = [r for r in wonsan if r["EventRootCode"] == "04" and r["Actor1CountryCode"] == "PRK"]
    assert consult and consult[0]["Actor2CountryCode"] == "RUS" and consult[0]["QuadClass"] == "1"
    for r in rows:
        assert r["EventCode"].startswith(r["EventBaseCode"]) and r["EventBaseCode"].startswith(r["EventRootCode"])
        assert int(r["NumArticles"]) >= 1 and int(r["NumMentions"]) >= int(r["NumArticles"])
        if r["SQLDATE"]:
            assert r["MonthYear"] == r["SQLDATE"][:6] and r["Year"] == r["SQLDATE"][:4]


def test_gdelt_actor_columns_use_cameo_country_codes():
    from heraldo.store.export import _actor

    kosovo = _actor({"source_code": "XKXGOV", "source_country": "XKX", "source_name": "Kosovo"}, "source")
    assert kosovo[:3] == ["KSVGOV", "KOSOVO", "KSV"] and kosovo[7] == "GOV"
    assert _actor({"target_code": "RUSMIL", "target_country": "RUS"}, "target")[:3] == ["RUSMIL", "", "RUS"]


def test_polecat_export(db):
    recs = [
        json.loads(line)
        for line in heraldo("export", "--db", db, "--format", "polecat", "--output", "-").stdout.splitlines()
    ]
    assert len(recs) > 20
    r = next(r for r in recs if r["event"] == "CONSULT" and r["location"] and r["location"]["placename"] == "Wŏnsan")
    assert r["source"][0]["country"] in ("PRK", "RUS") and r["target"][0]["country"] in ("PRK", "RUS")
    assert r["text"] and r["eventText"] and r["numArticles"] >= 1 and r["id"].startswith("heraldo-")


def test_ingest_into_a_read_only_database_fails_cleanly(postgres_url, tmp_path):
    import psycopg

    from heraldo.store import open_store

    open_store(postgres_url).close()  # create the schema, then make the database read-only
    with psycopg.connect(postgres_url, autocommit=True) as con:
        con.execute(f"ALTER DATABASE {postgres_url.rsplit('/', 1)[1]} SET default_transaction_read_only = on")
    out = heraldo("ingest", str(EXAMPLES), "--db", postgres_url, check=False)
    assert out.returncode == 1
    assert "the store failed" in out.stderr and "read-only" in out.stderr and "Traceback" not in out.stderr
    store = open_store(postgres_url)
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0  # nothing half-written
    store.close()
