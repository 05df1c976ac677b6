"""The REST API over a real DuckDB store built from the examples (FastAPI's in-process client)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from heraldo.server.app import create_app
from heraldo.store import open_store
from tests.conftest import add_examples
from tests.test_store import INJECTIONS

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def db(tmp_path_factory, examples):
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    store = open_store(path)
    add_examples(store, examples)
    store.close()
    return path


@pytest.fixture(scope="module")
def client(db):
    store = open_store(db)
    app = create_app(store, token=TOKEN, max_body=200_000)
    with TestClient(app) as c:
        yield c
    app.state.coder.close()
    store.close()


def test_health_and_openapi(client):
    h = client.get("/api/health").json()
    assert h["status"] == "ok" and h["counts"]["articles"] == 5 and h["schema_version"] >= 2
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_key}", "/api/timeline", "/api/ingest", "/api/code"} <= set(spec["paths"])


def test_events_are_paginated_and_filtered(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    assert first["total"] > 10 and len(first["events"]) == 5
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert {e["event_key"] for e in first["events"]}.isdisjoint(e["event_key"] for e in second["events"])
    dyad = client.get("/api/events", params={"dyad": "PRK,RUS", "plover": "CONSULT"}).json()
    assert dyad["total"] >= 2
    for e in dyad["events"]:
        assert {e["source_code"][:3], e["target_code"][:3]} == {"PRK", "RUS"} and e["plover"] == "CONSULT"


def test_one_event_with_its_evidence(client):
    e = client.get("/api/events", params={"dyad": "PRK,RUS", "place": "PRK", "cameo": "04"}).json()["events"][0]
    detail = client.get(f"/api/events/{e['event_key']}").json()
    ev = detail["evidence"]
    assert (
        ev["sentence"][ev["trigger"]["start"] - ev["start"] : ev["trigger"]["end"] - ev["start"]]
        == ev["trigger"]["text"]
    )
    assert (
        detail["location"]["name"] == "Wŏnsan" and detail["reports"] and detail["article"]["id"] == "kim-lavrov-wonsan"
    )
    assert client.get("/api/events/nope").status_code == 404


def test_timeline_network_locations_actors_articles_world(client):
    series = client.get("/api/timeline", params={"dyad": "PRK,RUS", "by": "month"}).json()["series"]
    assert series and all(p["q1"] + p["q2"] + p["q3"] + p["q4"] == p["events"] for p in series)
    assert client.get("/api/timeline", params={"by": "fortnight"}).status_code == 422
    edges = client.get("/api/network").json()["edges"]
    assert any({e["source"][:3], e["target"][:3]} == {"PRK", "RUS"} for e in edges)
    places = client.get("/api/locations").json()["locations"]
    assert any(p["place_name"] == "Wŏnsan" for p in places)
    assert client.get("/api/actors").json()["actors"][0]["events"] > 1
    arts = client.get("/api/articles").json()["articles"]
    assert len(arts) == 5
    full = client.get(f"/api/articles/{arts[0]['article_key']}").json()
    assert full["text"] and full["events"] is not None and "mentions" in full
    assert client.get("/api/articles/nope").status_code == 404
    world = client.get("/api/world").json()["countries"]
    assert len(world) > 150 and any(c["iso3"] == "PRK" for c in world)


def test_a_dyad_side_of_only_spaces_is_accepted_and_matches_nothing(client):
    """The OpenAPI pattern admits "RUS,\x0c" (found by schemathesis): 200 and no event, not 400."""
    for path in ("/api/events", "/api/timeline"):
        r = client.get(path, params={"dyad": "RUS,\x0c"})
        assert r.status_code == 200, r.text
    assert client.get("/api/events", params={"dyad": "RUS,\x0c"}).json()["total"] == 0
    assert client.get("/api/events", params={"dyad": "RUS"}).status_code == 422


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_through_every_filter(client, value):
    before = client.get("/api/health").json()["counts"]
    for key in ("actor", "source", "target", "country", "dyad", "cameo", "plover", "status", "place", "text"):
        for path in ("/api/events", "/api/timeline", "/api/network", "/api/locations", "/api/merged"):
            r = client.get(path, params={key: value})
            assert r.status_code in (200, 400, 422), (path, key, r.text)
            if r.status_code == 200 and path == "/api/events":
                assert r.json()["total"] == 0
    for key in ("quad", "since", "until"):
        assert client.get("/api/events", params={key: value}).status_code == 422
    assert client.get("/api/health").json()["counts"] == before


def test_ingest_needs_the_token(client):
    body = {
        "articles": [
            {"id": "t1", "text": "El Gobierno de Chile condenó el ataque de Rusia contra Ucrania.", "lang": "es"}
        ]
    }
    assert client.post("/api/ingest", json=body).status_code == 401
    assert client.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/ingest", json=body, headers={"Authorization": TOKEN}).status_code == 200  # bare token ok
    again = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["results"][0]["stored"] is False and again["results"][0]["reason"] == "already in the store"
    chile = client.get("/api/events", params={"source": "CHL"}).json()
    assert chile["total"] >= 1 and chile["events"][0]["plover"] in ("ACCUSE", "PROTEST", "REJECT")


def test_ingest_reports_bad_articles_and_keeps_going(client):
    body = {
        "articles": [
            {"id": "empty", "text": "   "},
            {"id": "ok", "text": "Japón envió ayuda humanitaria a Sudán.", "lang": "es"},
        ]
    }
    r = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()["results"]
    assert r[0]["stored"] is False and r[0]["error"]["type"] == "missing_text"
    assert r[1]["stored"] is True


def test_ingest_is_refused_when_no_token_is_configured(db):
    store = open_store(":memory:")
    with TestClient(create_app(store)) as c:
        r = c.post("/api/ingest", json={"articles": []})
        assert r.status_code == 403 and "HERALDO_TOKEN" in r.json()["detail"]
    store.close()


def test_code_one_article_follows_the_contract(client):
    r = client.post(
        "/api/code", json={"id": "x", "text": "Rusia atacó Ucrania ayer.", "lang": "es", "date": "2025-03-01"}
    )
    out = r.json()
    assert r.status_code == 200 and out["id"] == "x" and out["error"] is None
    assert any(e["cameo_root"] in ("19", "18") for e in out["events"])
    before = client.get("/api/health").json()["counts"]["articles"]
    assert before == client.get("/api/health").json()["counts"]["articles"]  # coding stores nothing


def test_size_limits(client):
    huge = {"id": "big", "text": "x" * 300_000}
    assert client.post("/api/code", json=huge).status_code == 413  # body limit (200 kB here)
    assert (
        client.post(
            "/api/code", content=b"{" + b" " * 300_000, headers={"Content-Type": "application/json"}
        ).status_code
        == 413
    )
    assert client.post("/api/code", json={"id": "y" * 600, "text": "hola"}).status_code == 422  # field limit
    many = {"articles": [{"text": f"{i}"} for i in range(101)]}
    assert client.post("/api/ingest", json=many, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422


def test_security_headers_and_no_cors_by_default(client):
    r = client.get("/", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200 and "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in r.headers
    api = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in api.headers


def test_cors_only_for_named_origins():
    store = open_store(":memory:")
    with TestClient(create_app(store, cors=["https://intranet.example"])) as c:
        ok = c.get("/api/health", headers={"Origin": "https://intranet.example"})
        assert ok.headers["access-control-allow-origin"] == "https://intranet.example"
        other = c.get("/api/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
    store.close()
