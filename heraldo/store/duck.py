"""DuckDB backend: one file, one writer process.

Each article is written in one transaction keyed by a content hash, so re-ingesting the same
article adds nothing and a run killed mid-way leaves no half-written article.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Protocol

from heraldo.model import CodedArticle

SCHEMA_VERSION = 1

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)",
    """CREATE TABLE IF NOT EXISTS articles (
        article_key TEXT PRIMARY KEY, id TEXT, url TEXT, outlet TEXT, title TEXT, date DATE, lang TEXT,
        text TEXT, credits TEXT, n_events INTEGER, coded_at TIMESTAMP DEFAULT current_timestamp)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_key TEXT PRIMARY KEY, article_key TEXT, cameo TEXT, cameo_root TEXT, cameo_name TEXT, plover TEXT,
        plover_mode TEXT, quad_class INTEGER, goldstein DOUBLE,
        source_code TEXT, source_country TEXT, source_text TEXT, source_name TEXT, source_kb_id TEXT,
        target_code TEXT, target_country TEXT, target_text TEXT, target_name TEXT, target_kb_id TEXT,
        place_name TEXT, place_country TEXT, lat DOUBLE, lon DOUBLE, geonames_id BIGINT,
        date DATE, date_precision TEXT, status TEXT, hedged BOOLEAN, attribution TEXT,
        sentence TEXT, sentence_start INTEGER, sentence_end INTEGER,
        trigger TEXT, trigger_start INTEGER, trigger_end INTEGER, confidence DOUBLE, rule TEXT, record TEXT)""",
    """CREATE TABLE IF NOT EXISTS mentions (
        article_key TEXT, idx INTEGER, text TEXT, start_char INTEGER, end_char INTEGER, name TEXT, kb_id TEXT,
        type TEXT, code TEXT, country TEXT, sector TEXT, PRIMARY KEY (article_key, idx))""",
    """CREATE TABLE IF NOT EXISTS places (
        article_key TEXT, idx INTEGER, text TEXT, start_char INTEGER, end_char INTEGER, name TEXT, country TEXT,
        lat DOUBLE, lon DOUBLE, feature TEXT, geonames_id BIGINT, role TEXT, PRIMARY KEY (article_key, idx))""",
    """CREATE TABLE IF NOT EXISTS quotes (
        article_key TEXT, idx INTEGER, text TEXT, start_char INTEGER, end_char INTEGER, direct BOOLEAN, cue TEXT,
        speaker_text TEXT, speaker_name TEXT, speaker_code TEXT, PRIMARY KEY (article_key, idx))""",
]


def article_key(record: dict[str, Any]) -> str:
    """Content hash of an input record: same text (or HTML) and URL -> same key."""
    body = record.get("text") or record.get("html") or ""
    h = hashlib.sha1(body.encode("utf-8", "surrogatepass"))
    if record.get("url"):
        h.update(b"\x00" + str(record["url"]).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class Store(Protocol):
    """What every backend offers."""

    def has(self, key: str) -> bool: ...
    def add(self, key: str, coded: CodedArticle) -> bool: ...
    def counts(self) -> dict[str, int]: ...
    def events(self, limit: int = 100) -> list[dict[str, Any]]: ...
    def close(self) -> None: ...


class DuckStore:
    def __init__(self, path: str | Path):
        import duckdb

        self.path = str(path)
        self.con = duckdb.connect(self.path)
        for stmt in SCHEMA:
            self.con.execute(stmt)
        if not self.con.execute("SELECT count(*) FROM schema_version").fetchone()[0]:  # type: ignore[index]
            self.con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])

    def has(self, key: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE article_key = ?", [key]).fetchone() is not None

    def add(self, key: str, coded: CodedArticle) -> bool:
        """Store one coded article; returns False when it was already there."""
        if coded.error is not None or self.has(key):
            return False
        c = self.con
        c.execute("BEGIN TRANSACTION")
        try:
            c.execute(
                "INSERT INTO articles (article_key, id, url, outlet, title, date, lang, text, credits, n_events) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    key,
                    coded.id,
                    coded.url,
                    coded.outlet,
                    coded.title,
                    coded.date,
                    coded.lang,
                    coded.text,
                    json.dumps(coded.credits),
                    len(coded.events),
                ],
            )
            for i, e in enumerate(coded.events):
                s, t, p = e.source, e.target, e.location
                from heraldo.ontology import cameo

                c.execute(
                    "INSERT INTO events VALUES (" + ", ".join(["?"] * 38) + ")",
                    [
                        f"{key}:{i}",
                        key,
                        e.cameo,
                        e.cameo_root,
                        cameo(e.cameo).name,
                        e.plover,
                        e.plover_mode,
                        e.quad_class,
                        e.goldstein,
                        s.code,
                        s.country,
                        s.text,
                        s.name,
                        s.kb_id,
                        t.code if t else None,
                        t.country if t else None,
                        t.text if t else None,
                        t.name if t else None,
                        t.kb_id if t else None,
                        p.name if p else None,
                        p.country if p else None,
                        p.lat if p else None,
                        p.lon if p else None,
                        p.geonames_id if p else None,
                        e.date,
                        e.date_precision,
                        e.status,
                        bool(e.attribution and e.attribution.hedged),
                        e.attribution.text if e.attribution else None,
                        e.evidence.sentence,
                        e.evidence.start,
                        e.evidence.end,
                        e.evidence.trigger.text,
                        e.evidence.trigger.start,
                        e.evidence.trigger.end,
                        e.confidence,
                        e.rule,
                        json.dumps(e.to_json()),
                    ],
                )
            for i, m in enumerate(coded.actors):
                c.execute(
                    "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [key, i, m.text, m.start, m.end, m.name, m.kb_id, m.type, m.code, m.country, m.sector],
                )
            for i, pl in enumerate(coded.places):
                c.execute(
                    "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        key,
                        i,
                        pl.text,
                        pl.start,
                        pl.end,
                        pl.name,
                        pl.country,
                        pl.lat,
                        pl.lon,
                        pl.feature,
                        pl.geonames_id,
                        pl.role,
                    ],
                )
            for i, q in enumerate(coded.quotes):
                sp = q.speaker
                c.execute(
                    "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        key,
                        i,
                        q.text,
                        q.start,
                        q.end,
                        q.direct,
                        q.cue.text if q.cue else None,
                        sp.text if sp else None,
                        sp.name if sp else None,
                        sp.code if sp else None,
                    ],
                )
            c.execute("COMMIT")
        except Exception:
            c.execute("ROLLBACK")
            raise
        return True

    def counts(self) -> dict[str, int]:
        return {
            t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[index]
            for t in ("articles", "events", "mentions", "places", "quotes")
        }

    def events(self, limit: int = 100) -> list[dict[str, Any]]:
        cur = self.con.execute(
            "SELECT e.*, a.id AS article_id FROM events e JOIN articles a USING (article_key) "
            "ORDER BY a.coded_at, e.article_key, e.sentence_start, e.trigger_start LIMIT ?",
            [limit],
        )
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def close(self) -> None:
        self.con.close()


def open_store(path: str | Path) -> DuckStore:
    """Open (creating if needed) a DuckDB store file."""
    return DuckStore(path)
