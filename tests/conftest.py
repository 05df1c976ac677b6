from __future__ import annotations

import os
from pathlib import Path

import pytest

from heraldo import Pipeline
from heraldo.inputs import iter_paths
from heraldo.model import CodedArticle

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("HERALDO_SHARED", ROOT.parent / "shared")) / "data"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not present")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def examples(pipeline: Pipeline) -> dict[str, tuple[CodedArticle, str]]:
    """Every example article coded once: id -> (coded, input text)."""
    out = {}
    for _origin, _n, rec in iter_paths([str(EXAMPLES)]):
        coded = pipeline.code(rec)
        out[rec["id"]] = (coded, rec.get("text") or rec.get("html"))
    return out


def add_examples(store, examples: dict[str, tuple[CodedArticle, str]]) -> None:
    """Store every coded example article, as `heraldo run examples` would."""
    from heraldo.store import article_key

    for _aid, (coded, text) in sorted(examples.items()):
        store.add(article_key({"text": text, "url": coded.url}), coded)


def code_text(pipeline: Pipeline, text: str, lang: str, date: str = "2025-07-13") -> CodedArticle:
    return pipeline.code({"id": "t", "text": text, "lang": lang, "date": date})


# -- real servers the tests start themselves ------------------------------------------------------
IN_CI = os.environ.get("CI") == "true"


def missing(what: str) -> None:
    """Skip when a system part is absent locally; in CI (CI=true) that is a failure."""
    if IN_CI:
        pytest.fail(f"{what} is required when CI=true (.ci/run installs it)")
    pytest.skip(f"{what} is not installed")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server from Debian's package, as the `postgres` user, on loopback.
    Yields a libpq URL prefix; tests make their own database on it."""
    import shutil
    import subprocess
    import tempfile
    import time

    initdbs = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not initdbs:
        missing("PostgreSQL (Debian package postgresql)")
    bindir = initdbs[-1].parent
    data = Path(tempfile.mkdtemp(prefix="heraldo-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
        shutil.chown(data, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    subprocess.run(
        as_postgres + [str(bindir / "initdb"), "--no-sync", "-A", "trust", "-U", "postgres", "-D", str(data)],
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        as_postgres + [str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(data / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    url = f"postgresql://postgres@127.0.0.1:{port}"
    try:
        yield url
    finally:
        subprocess.run(
            as_postgres + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        time.sleep(0.2)
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture
def new_postgres_db(postgres_server):
    """Makes fresh, empty databases on the test server: call it for each URL you need."""
    import uuid

    import psycopg

    def make() -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(postgres_server + "/postgres", autocommit=True) as con:
            con.execute(f"CREATE DATABASE {name}")
        return f"{postgres_server}/{name}"

    return make


@pytest.fixture
def postgres_url(new_postgres_db) -> str:
    """A fresh, empty database on the test server."""
    return str(new_postgres_db())


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request, tmp_path):
    """The same store tests run against both backends."""
    from heraldo.store import open_store

    if request.param == "duckdb":
        s = open_store(tmp_path / "store.duckdb")
    else:
        s = open_store(request.getfixturevalue("postgres_url"))
    yield s
    s.close()


def start_server(db: str | Path, token: str | None = None, extra: list[str] | None = None):
    """A real `heraldo serve` process on a free loopback port; returns (url, process)."""
    import subprocess
    import sys
    import time
    import urllib.request

    port = free_port()
    env = dict(os.environ)
    env.pop("HERALDO_TOKEN", None)
    if token:
        env["HERALDO_TOKEN"] = token
    import tempfile

    # the server's log goes to a file: a pipe nobody reads fills up and blocks the server
    log = tempfile.NamedTemporaryFile("w+", prefix="heraldo-serve-", suffix=".log", delete=False)  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "heraldo", "serve", "--db", str(db), "--port", str(port), *(extra or [])],
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    proc.log_path = log.name  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/api/health", timeout=1)
            return url, proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("heraldo serve exited: " + Path(log.name).read_text()[-3000:]) from None
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("heraldo serve did not start in 30 s")


def stop_server(proc) -> str:
    """Stop a server from `start_server`; returns its log."""
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except Exception:
        proc.kill()
        proc.wait()
    log = Path(proc.log_path)
    out = log.read_text(errors="replace")
    log.unlink(missing_ok=True)
    return out
