"""One store test-suite, run against both backends: a real DuckDB file and a real PostgreSQL
server started by the tests (tests/conftest.py)."""

from __future__ import annotations

import pytest

from heraldo.model import CodedArticle, Event, Evidence, Mention, Place, Span
from heraldo.store import SCHEMA_VERSION, open_store
from heraldo.store.sql import article_key, migrations

PLACES = {
    "Wonsan": Place("Wonsan", 0, 6, "Wŏnsan", "PRK", 39.15, 127.44, "city", 1713084, "event"),
    "Pyongyang": Place("Pyongyang", 0, 9, "Pyongyang", "PRK", 39.03, 125.75, "city", 1871859, "event"),
    "Hamhung": Place("Hamhung", 0, 7, "Hamhŭng", "PRK", 39.92, 127.54, "city", 1877030, "event"),
    "Moscow": Place("Moscow", 0, 6, "Moscow", "RUS", 55.75, 37.62, "city", 524901, "event"),
}
CODES = {"040": ("CONSULT", 1, 1.0), "043": ("CONSULT", 1, 2.8), "190": ("ASSAULT", 4, -10.0)}


def actor(code: str) -> Mention:
    return Mention(code.lower(), 0, 3, name=code, type="country", code=code, country=code[:3], sector=code[3:] or None)


def event(cameo: str, src: str, tgt: str | None, date: str | None, place: str | None, sentence: str) -> Event:
    plover, quad, goldstein = CODES[cameo]
    trigger = sentence.split()[1]
    t0 = sentence.index(trigger)
    return Event(
        cameo=cameo,
        cameo_root=cameo[:2],
        plover=plover,
        plover_mode=None,
        quad_class=quad,
        goldstein=goldstein,
        source=actor(src),
        target=actor(tgt) if tgt else None,
        location=PLACES[place] if place else None,
        date=date,
        date_precision="day" if date else "none",
        status="asserted",
        attribution=None,
        evidence=Evidence(sentence, 0, len(sentence), Span(trigger, t0, t0 + len(trigger))),
        confidence=0.8,
        rule="test",
    )


def article(aid: str, outlet: str | None, url: str | None, events: list[Event], text: str | None = None):
    text = text or " ".join(e.evidence.sentence for e in events) or aid
    coded = CodedArticle(id=aid, lang="en", title=aid, date="2025-07-12", url=url, outlet=outlet, events=events)
    coded.text = text
    coded.actors = [e.source for e in events]
    coded.places = [e.location for e in events if e.location]
    return article_key({"text": text, "url": url}), coded


def test_new_store_is_at_the_latest_schema_and_reopening_applies_nothing(store):
    assert store.schema_version() == SCHEMA_VERSION == max(v for v, _, _ in migrations())
    assert store.migrate() == []
    assert store.counts() == dict.fromkeys(store.counts(), 0)


def test_ingest_is_idempotent_by_content_hash(store):
    key, coded = article(
        "a1", "KCNA", None, [event("040", "PRKGOV", "RUSGOV", "2025-07-12", "Wonsan", "Kim met Lavrov")]
    )
    assert store.add(key, coded) is True
    assert store.add(key, coded) is False
    assert store.has(key)
    counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == 1 and counts["merged_events"] == 1
    assert counts["places"] == 1 and counts["mentions"] == 1


def test_error_records_are_not_stored(store):
    coded = CodedArticle(id="bad", lang=None, title=None, date=None, error={"type": "missing_text", "message": "x"})
    assert store.add("k", coded) is False
    assert store.counts()["articles"] == 0


def test_a_failure_mid_article_leaves_nothing_behind(store, monkeypatch):
    key, coded = article(
        "a1",
        "KCNA",
        None,
        [
            event("040", "PRKGOV", "RUSGOV", "2025-07-12", "Wonsan", "Kim met Lavrov"),
            event("190", "RUS", "UKR", None, None, "Russia attacked Ukraine"),
        ],
    )

    def boom(merged_id: str) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_recount", boom)
    with pytest.raises(RuntimeError):
        store.add(key, coded)
    assert not store.has(key)
    assert all(n == 0 for n in store.counts().values())
    monkeypatch.undo()
    assert store.add(key, coded) is True


def test_the_same_event_from_several_outlets_merges(store):
    reports = [
        ("a1", "KCNA", "Kim met Lavrov in Wonsan", "2025-07-12", "Wonsan"),
        ("a2", "Yonhap", "Kim received Lavrov on Saturday", "2025-07-12", "Wonsan"),
        ("a3", None, "Kim welcomed Lavrov yesterday", "2025-07-13", None),  # a day later, no place: same event
        ("a4", "KCNA", "Kim met Lavrov again", "2025-07-12", "Hamhung"),  # 85 km away: compatible
    ]
    for aid, outlet, sentence, date, place in reports:
        url = None if outlet else "https://www.example.org/kim-lavrov"
        store.add(*article(aid, outlet, url, [event("040", "PRKGOV", "RUSGOV", date, place, sentence)]))
    # not the same event: another week, another country, another direction, another root
    store.add(
        *article(
            "b1", "TASS", None, [event("040", "PRKGOV", "RUSGOV", "2025-07-20", "Wonsan", "Kim met Lavrov once more")]
        )
    )
    store.add(
        *article(
            "b2", "TASS", None, [event("040", "PRKGOV", "RUSGOV", "2025-07-12", "Moscow", "Kim met Lavrov in Moscow")]
        )
    )
    store.add(
        *article("b3", "TASS", None, [event("040", "RUSGOV", "PRKGOV", "2025-07-12", "Wonsan", "Lavrov met Kim")])
    )
    store.add(
        *article("b4", "TASS", None, [event("190", "PRKGOV", "RUSGOV", "2025-07-12", "Wonsan", "Kim attacked Lavrov")])
    )

    merged = store.merged(limit=100)
    assert len(merged) == 5
    big = max(merged, key=lambda m: m["num_articles"])
    assert (big["num_mentions"], big["num_articles"], big["num_sources"]) == (4, 4, 3)  # KCNA, Yonhap, example.org
    assert big["date"] == "2025-07-12" and big["place_name"] == "Wŏnsan"
    detail = store.event(store.events(limit=1)[0]["event_key"])
    assert detail is not None
    assert detail["merged"]["num_articles"] == 4
    assert {r["sentence"] for r in detail["reports"]} == {r[2] for r in reports}
    assert detail["reports"][-1]["date"] == "2025-07-13"  # reports in date order
    assert detail["evidence"]["trigger"]["text"] == "met"
    assert detail["article"]["id"] == "a1"


def test_events_from_one_article_can_merge_but_count_one_article(store):
    sentence_a, sentence_b = "Kim met Lavrov", "Kim received Lavrov"
    store.add(
        *article(
            "a1",
            "KCNA",
            None,
            [
                event("040", "PRKGOV", "RUSGOV", "2025-07-12", None, sentence_a),
                event("043", "PRKGOV", "RUSGOV", "2025-07-12", None, sentence_b),
            ],
        )
    )
    (m,) = store.merged()
    assert (m["num_mentions"], m["num_articles"], m["num_sources"]) == (2, 1, 1)


@pytest.fixture
def filled(store):
    store.add(
        *article(
            "a1", "KCNA", None, [event("040", "PRKGOV", "RUSGOV", "2025-07-12", "Wonsan", "Kim met Lavrov in Wonsan")]
        )
    )
    store.add(
        *article(
            "a2", "TASS", None, [event("043", "RUSGOV", "PRKGOV", "2025-08-02", "Moscow", "Lavrov visited Kim's envoy")]
        )
    )
    store.add(
        *article(
            "a3", "EFE", None, [event("190", "RUSMIL", "UKR", "2025-08-03", None, "Russia shelled Ukraine's east")]
        )
    )
    store.add(
        *article("a4", "EFE", None, [event("190", "UKRMIL", "RUS", None, None, "Ukraine struck Russia's refinery")])
    )
    return store


@pytest.mark.parametrize(
    "filters, sentences",
    [
        ({}, 4),
        ({"dyad": "RUS,PRK"}, 2),
        ({"dyad": "PRK,RUS"}, 2),
        ({"source": "RUSGOV"}, 1),
        ({"actor": "UKR"}, 2),
        ({"country": "PRK"}, 2),
        ({"cameo": "04"}, 2),
        ({"cameo": "043"}, 1),
        ({"plover": "assault"}, 2),
        ({"quad": 4}, 2),
        ({"since": "2025-08-01"}, 2),
        ({"since": "2025-07-01", "until": "2025-07-31"}, 1),
        ({"place": "Moscow"}, 1),
        ({"place": "prk"}, 1),
        ({"text": "REFINERY"}, 1),
        ({"status": "negated"}, 0),
        ({"actor": "RUS", "quad": 1}, 2),
    ],
)
def test_query_filters(filled, filters, sentences):
    rows = filled.events(filters=filters)
    assert len(rows) == sentences == filled.count_events(filters)


INJECTIONS = [
    "'; DROP TABLE events; --",
    "RUS' OR '1'='1",
    '" OR 1=1 --',
    "%",
    "_",
    "\\",
    "RUS%' UNION SELECT * FROM articles --",
    "1); DELETE FROM articles; --",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_every_filter_is_a_parameter(filled, value):
    for key in ("actor", "source", "target", "country", "cameo", "plover", "status", "place", "text", "article"):
        assert filled.events(filters={key: value}) == [], key
        assert filled.count_events({key: value}) == 0
    assert filled.events(filters={"dyad": value + "," + value}) == []
    for bad in ({"quad": value}, {"since": value}, {"until": value}):
        with pytest.raises(ValueError):
            filled.events(filters=bad)
    assert filled.counts()["events"] == 4 and filled.counts()["articles"] == 4


def test_unknown_filter_is_refused(filled):
    with pytest.raises(ValueError, match="unknown filter"):
        filled.events(filters={"source_code = 'x' OR 1": "1"})


def test_timeline_network_actors_and_articles(filled):
    months = filled.timeline({"dyad": "RUS,PRK"}, by="month")
    assert [(m["period"], m["q1"], m["events"]) for m in months] == [("2025-07-01", 1, 1), ("2025-08-01", 1, 1)]
    assert months[0]["goldstein"] == 1.0 and months[1]["goldstein"] == 2.8
    all_months = filled.timeline(by="month")
    assert sum(m["events"] for m in all_months) == 3  # the undated event has no place in a time series
    assert all_months[-1]["q4"] == 1 and all_months[-1]["goldstein"] == pytest.approx(2.8 - 10.0)
    days = filled.timeline({"actor": "RUS"}, by="day")
    assert [d["period"] for d in days] == ["2025-07-12", "2025-08-02", "2025-08-03"]
    with pytest.raises(ValueError):
        filled.timeline(by="fortnight")
    edges = {(e["source"], e["target"]): e["events"] for e in filled.network()}
    assert edges == {("PRKGOV", "RUSGOV"): 1, ("RUSGOV", "PRKGOV"): 1, ("RUSMIL", "UKR"): 1, ("UKRMIL", "RUS"): 1}
    actors = {a["code"]: a["events"] for a in filled.actors()}
    assert actors["PRKGOV"] == 2 and actors["UKR"] == 1
    arts = filled.articles()
    assert [a["id"] for a in arts] == ["a1", "a2", "a3", "a4"]
    full = filled.article(arts[0]["article_key"])
    assert (
        full["text"] == "Kim met Lavrov in Wonsan"
        and len(full["events"]) == 1
        and full["places"][0]["name"] == "Wŏnsan"
    )
    assert filled.article("nope") is None and filled.event("nope") is None


def test_examples_round_trip(store, examples):
    for aid, (coded, text) in sorted(examples.items()):
        assert store.add(article_key({"text": text, "url": coded.url}), coded), aid
    n = sum(len(c.events) for c, _ in examples.values())
    assert store.counts()["events"] == n
    seed = store.events(filters={"dyad": "PRK,RUS", "plover": "CONSULT", "place": "PRK"})
    assert seed and seed[0]["place_name"] == "Wŏnsan"


def test_an_old_duckdb_file_is_migrated_in_place(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    (version, name, statements) = migrations()[0]
    for stmt in statements:
        con.execute(stmt)
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TIMESTAMP)")
    con.execute("INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)", [version, name])
    con.execute("INSERT INTO articles (article_key, id, text, n_events) VALUES ('k1', 'old', 'old text', 0)")
    con.close()
    s = open_store(path)
    assert s.schema_version() == SCHEMA_VERSION
    assert s.has("k1") and s.counts()["articles"] == 1
    s.close()


def test_quotes_keep_their_kind(store):
    from heraldo.model import Quote

    key, coded = article("q1", None, None, [event("040", "PRKGOV", "RUSGOV", None, None, "Kim met Lavrov")])
    speaker = actor("FRAGOV")
    coded.quotes = [
        Quote("We will win", 0, 11, True, Span("said", 12, 16), speaker),
        Quote("the plan", 20, 28, False, Span("criticized", 9, 19), speaker, kind="stance"),
        Quote("talks resume", 30, 42, False, Span("said", 25, 29), speaker),
    ]
    store.add(key, coded)
    quotes = store.article(key)["quotes"]
    assert [(q["direct"], q["kind"]) for q in quotes] == [(True, "direct"), (False, "stance"), (False, "reported")]
