"""What both store backends share: migrations, ingest with cross-article merge, queries.

The SQL here is written once, in the subset DuckDB and PostgreSQL both speak, with `?`
placeholders (the PostgreSQL backend rewrites them to `%s`). Every value from outside travels as
a parameter; the only strings ever formatted into SQL are column names and units chosen from the
fixed tables below.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from heraldo.model import CodedArticle

TABLES = ("articles", "events", "mentions", "places", "quotes", "merged_events")

# How close two reports of one event must be (docs/store.md, "Cross-article merge").
MERGE_DAYS = 1
MERGE_KM = 100.0


def migrations() -> list[tuple[int, str, list[str]]]:
    """The versioned schema files shipped in heraldo/store/migrations, in order."""
    out = []
    folder = resources.files("heraldo.store") / "migrations"
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".sql"):
            continue
        version = int(f.name.split("_", 1)[0])
        body = "\n".join(line for line in f.read_text("utf-8").splitlines() if not line.lstrip().startswith("--"))
        out.append((version, f.name, [s.strip() for s in body.split(";") if s.strip()]))
    return out


SCHEMA_VERSION = max(v for v, _, _ in migrations())


def article_key(record: dict[str, Any]) -> str:
    """Content hash of an input record: same text (or HTML) and URL -> same key."""
    body = record.get("text") or record.get("html") or ""
    h = hashlib.sha1(body.encode("utf-8", "surrogatepass"))
    if record.get("url"):
        h.update(b"\x00" + str(record["url"]).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def source_of(outlet: str | None, url: str | None) -> str | None:
    """Who published an article: its outlet, else the host of its URL."""
    if outlet:
        return outlet.strip().lower()
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def places_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Unknown places are compatible with anything; known ones share a country and, when both
    are finer than a country, lie within MERGE_KM of each other."""
    if not a.get("place_country") or not b.get("place_country"):
        return True
    if a["place_country"] != b["place_country"]:
        return False
    if a.get("place_feature") == "country" or b.get("place_feature") == "country":
        return True
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return True
    return km(a["lat"], a["lon"], b["lat"], b["lon"]) <= MERGE_KM


def plain(v: Any) -> Any:
    """A database value as JSON likes it."""
    if isinstance(v, datetime):
        return v.isoformat(sep=" ", timespec="seconds")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return float(v)
    return v


# -- filters ---------------------------------------------------------------------------------------

FILTERS = {
    "actor": "actor code prefix, either side (RUS, RUSGOV, IGOUNO)",
    "source": "source actor code prefix",
    "target": "target actor code prefix",
    "country": "country (ISO alpha-3) of either actor",
    "dyad": "A,B: source code prefix A and target code prefix B, either direction",
    "cameo": "CAMEO code prefix (04, 042)",
    "plover": "PLOVER type (CONSULT)",
    "quad": "quad class 1-4",
    "status": "asserted|negated|intended|hypothetical",
    "since": "first date, YYYY-MM-DD",
    "until": "last date, YYYY-MM-DD",
    "place": "place name or its country code",
    "text": "words in the evidence sentence (merged events: in any report's)",
    "article": "article key",
}


class FilterError(ValueError):
    """A filter value the store cannot use: the user's mistake, reported as such (CLI exit 2,
    API 400), never a crash."""


def _like_prefix(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where(filters: dict[str, Any], alias: str = "e", merged: bool = False) -> tuple[str, list[Any]]:
    """A WHERE clause and its parameters from user filters (unknown keys raise FilterError)."""
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise FilterError(f"unknown filter(s): {', '.join(sorted(unknown))}")
    a = alias + "."
    conds: list[str] = []
    params: list[Any] = []
    like = " LIKE ? ESCAPE '\\'"
    for key, value in filters.items():
        if value is None or value == "":
            continue
        value = str(value)
        if key == "actor":
            conds.append(f"({a}source_code{like} OR {a}target_code{like})")
            params += [_like_prefix(value.upper())] * 2
        elif key in ("source", "target"):
            conds.append(f"{a}{key}_code{like}")
            params.append(_like_prefix(value.upper()))
        elif key == "country":
            conds.append(f"({a}source_country = ? OR {a}target_country = ?)")
            params += [value.upper()] * 2
        elif key == "dyad":
            left, sep, right = value.upper().partition(",")
            if not sep or not left or not right:
                raise FilterError("dyad must be two actor codes separated by a comma: RUS,PRK")
            # spaces around a code are dropped; a side that is only spaces stays as given (the
            # API's pattern admits it) and matches no actor
            pa, pb = _like_prefix(left.strip() or left), _like_prefix(right.strip() or right)
            conds.append(
                f"(({a}source_code{like} AND {a}target_code{like}) OR ({a}source_code{like} AND {a}target_code{like}))"
            )
            params += [pa, pb, pb, pa]
        elif key == "cameo":
            conds.append(f"{a}cameo{like}")
            params.append(_like_prefix(value))
        elif key == "plover":
            conds.append(f"{a}plover = ?")
            params.append(value.upper())
        elif key == "quad":
            if value not in ("1", "2", "3", "4"):
                raise FilterError("quad must be 1, 2, 3 or 4")
            conds.append(f"{a}quad_class = ?")
            params.append(int(value))
        elif key == "status":
            conds.append(f"{a}status = ?")
            params.append(value)
        elif key in ("since", "until"):
            try:
                d = date.fromisoformat(value)
            except ValueError as exc:
                raise FilterError(f"{key} must be a date YYYY-MM-DD") from exc
            conds.append(f"{a}date {'>=' if key == 'since' else '<='} ?")
            params.append(d)
        elif key == "place":
            conds.append(f"(lower({a}place_name) = lower(?) OR {a}place_country = ?)")
            params += [value, value.upper()]
        elif key == "text":
            if merged:  # a merged event matches when any of its reports' sentences does
                conds.append(
                    f"EXISTS (SELECT 1 FROM events x WHERE x.merged_id = {a}merged_id "
                    "AND lower(x.sentence) LIKE ? ESCAPE '\\')"
                )
            else:
                conds.append(f"lower({a}sentence) LIKE ? ESCAPE '\\'")
            params.append("%" + _like_prefix(value.lower()))
        elif key == "article":
            if merged:
                raise FilterError("article is not a filter of merged events")
            conds.append(f"{a}article_key = ?")
            params.append(value)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}

EVENT_COLUMNS = (
    "event_key, article_key, merged_id, cameo, cameo_root, cameo_name, plover, plover_mode, quad_class, goldstein, "
    "source_code, source_country, source_text, source_name, source_kb_id, "
    "target_code, target_country, target_text, target_name, target_kb_id, "
    "place_name, place_country, place_feature, lat, lon, geonames_id, date, date_precision, status, hedged, "
    "attribution, sentence, sentence_start, sentence_end, trigger, trigger_start, trigger_end, confidence, rule"
)


class SQLStore:
    """The store interface; subclasses open the connection and say how placeholders look."""

    placeholder = "?"

    def __init__(self) -> None:
        self._lock = threading.RLock()

    # -- plumbing ----------------------------------------------------------------------------------
    def _execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _all(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        cur = self._execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [{c: plain(v) for c, v in zip(cols, row, strict=True)} for row in cur.fetchall()]

    def _one(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        row = self._execute(sql, params).fetchone()
        return row[0] if row else None

    def _begin(self) -> None:
        self._execute("BEGIN TRANSACTION")

    def _lock_merges(self) -> None:
        """Serialise merges between writers (PostgreSQL); DuckDB has one writer per file."""

    def migrate(self) -> list[int]:
        """Apply the migrations this database has not seen; returns the versions applied."""
        with self._lock:
            try:  # read first: a database that is up to date is never written to (read-only replicas)
                done = {r["version"] for r in self._all("SELECT version FROM schema_migrations")}
            except Exception:
                self._execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations "
                    "(version INTEGER PRIMARY KEY, name TEXT, applied_at TIMESTAMP DEFAULT current_timestamp)"
                )
                done = set()
            applied = []
            for version, name, statements in migrations():
                if version in done:
                    continue
                self._begin()
                try:
                    for stmt in statements:
                        self._execute(stmt)
                    self._execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
                    self._execute("COMMIT")
                except Exception:
                    self._execute("ROLLBACK")
                    raise
                applied.append(version)
            return applied

    def schema_version(self) -> int:
        with self._lock:
            return int(self._one("SELECT max(version) FROM schema_migrations") or 0)

    # -- ingest ------------------------------------------------------------------------------------
    def has(self, key: str) -> bool:
        with self._lock:
            return self._one("SELECT 1 FROM articles WHERE article_key = ?", [key]) is not None

    def add(self, key: str, coded: CodedArticle) -> bool:
        """Store one coded article in one transaction; False when it was already there."""
        if coded.error is not None:
            return False
        with self._lock:
            self._begin()
            try:
                self._lock_merges()
                if self._one("SELECT 1 FROM articles WHERE article_key = ?", [key]) is not None:
                    self._execute("ROLLBACK")
                    return False
                self._insert(key, coded)
                self._execute("COMMIT")
            except Exception:
                self._execute("ROLLBACK")
                raise
            return True

    def _insert(self, key: str, coded: CodedArticle) -> None:
        from heraldo.ontology import cameo

        x = self._execute
        source = source_of(coded.outlet, coded.url)
        x(
            "INSERT INTO articles (article_key, id, url, outlet, title, date, lang, text, credits, n_events, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                key,
                coded.id,
                coded.url,
                coded.outlet,
                coded.title,
                _date(coded.date),
                coded.lang,
                coded.text,
                json.dumps(coded.credits, ensure_ascii=False),
                len(coded.events),
                source,
            ],
        )
        touched: list[str] = []
        for i, e in enumerate(coded.events):
            s, t, p = e.source, e.target, e.location
            row: dict[str, Any] = {
                "event_key": f"{key}:{i}",
                "article_key": key,
                "cameo": e.cameo,
                "cameo_root": e.cameo_root,
                "cameo_name": cameo(e.cameo).name,
                "plover": e.plover,
                "plover_mode": e.plover_mode,
                "quad_class": e.quad_class,
                "goldstein": e.goldstein,
                "source_code": s.code,
                "source_country": s.country,
                "source_text": s.text,
                "source_name": s.name,
                "source_kb_id": s.kb_id,
                "target_code": t.code if t else None,
                "target_country": t.country if t else None,
                "target_text": t.text if t else None,
                "target_name": t.name if t else None,
                "target_kb_id": t.kb_id if t else None,
                "place_name": p.name if p else None,
                "place_country": p.country if p else None,
                "place_feature": p.feature if p else None,
                "lat": p.lat if p else None,
                "lon": p.lon if p else None,
                "geonames_id": p.geonames_id if p else None,
                "date": _date(e.date),
                "date_precision": e.date_precision,
                "status": e.status,
                "hedged": bool(e.attribution and e.attribution.hedged),
                "attribution": e.attribution.text if e.attribution else None,
                "sentence": e.evidence.sentence,
                "sentence_start": e.evidence.start,
                "sentence_end": e.evidence.end,
                "trigger": e.evidence.trigger.text,
                "trigger_start": e.evidence.trigger.start,
                "trigger_end": e.evidence.trigger.end,
                "confidence": e.confidence,
                "rule": e.rule,
                "record": json.dumps(e.to_json(), ensure_ascii=False),
            }
            row["merged_id"] = self._merge(row)
            touched.append(row["merged_id"])
            cols = list(row)
            x(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", list(row.values()))
        for merged_id in dict.fromkeys(touched):  # each merged event recounted once per article
            self._recount(merged_id)
        for i, m in enumerate(coded.actors):
            x(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [key, i, m.text, m.start, m.end, m.name, m.kb_id, m.type, m.code, m.country, m.sector],
            )
        for i, pl in enumerate(coded.places):
            x(
                "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [key, i, pl.text, pl.start, pl.end, pl.name, pl.country, pl.lat, pl.lon, pl.feature, pl.geonames_id]
                + [pl.role],
            )
        for i, q in enumerate(coded.quotes):
            sp = q.speaker
            x(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [key, i, q.text, q.start, q.end, q.direct, q.cue.text if q.cue else None]
                + [sp.text if sp else None, sp.name if sp else None, sp.code if sp else None]
                + [q.kind_name()],
            )

    def _merge(self, ev: dict[str, Any]) -> str:
        """The merged event this report belongs to, created when no earlier report matches."""
        conds = ["cameo_root = ?", "status = ?"]
        params: list[Any] = [ev["cameo_root"], ev["status"]]
        for col in ("source_code", "target_code", "plover"):
            if ev[col] is None:
                conds.append(f"{col} IS NULL")
            else:
                conds.append(f"{col} = ?")
                params.append(ev[col])
        if ev["date"] is None:
            conds.append("date IS NULL")
        else:
            conds.append("date BETWEEN ? AND ?")
            params += [ev["date"] - timedelta(days=MERGE_DAYS), ev["date"] + timedelta(days=MERGE_DAYS)]
        candidates = self._all(
            "SELECT merged_id, date, place_country, place_feature, lat, lon FROM merged_events WHERE "
            + " AND ".join(conds)
            + " ORDER BY merged_id",
            params,
        )
        compatible = [c for c in candidates if places_compatible(c, ev)]
        if compatible:
            if ev["date"] is not None:
                compatible.sort(key=lambda c: abs((date.fromisoformat(c["date"]) - ev["date"]).days))
            return str(compatible[0]["merged_id"])
        merged_id = hashlib.sha1(ev["event_key"].encode()).hexdigest()[:16]
        cols = (
            "cameo cameo_root plover quad_class goldstein status source_code source_country target_code "
            "target_country date place_name place_country lat lon place_feature"
        ).split()
        self._execute(
            f"INSERT INTO merged_events (merged_id, first_event_key, num_mentions, num_articles, num_sources, "
            f"{', '.join(cols)}) VALUES (?, ?, 0, 0, 0, {', '.join('?' * len(cols))})",
            [merged_id, ev["event_key"]] + [ev[c] for c in cols],
        )
        return merged_id

    def _recount(self, merged_id: str) -> None:
        row = self._execute(
            "SELECT count(*), count(DISTINCT e.article_key), count(DISTINCT a.source) "
            "FROM events e JOIN articles a ON a.article_key = e.article_key WHERE e.merged_id = ?",
            [merged_id],
        ).fetchone()
        self._execute(
            "UPDATE merged_events SET num_mentions = ?, num_articles = ?, num_sources = ? WHERE merged_id = ?",
            [int(row[0]), int(row[1]), max(1, int(row[2])), merged_id],
        )

    # -- reading -----------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self._lock:
            return {t: int(self._one(f"SELECT count(*) FROM {t}")) for t in TABLES}

    def events(self, limit: int = 100, offset: int = 0, filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Coded events (one per report) with their article and merge counts, oldest article first."""
        cond, params = where(filters or {})
        with self._lock:
            return self._all(
                "SELECT "
                + ", ".join("e." + c.strip() for c in EVENT_COLUMNS.split(","))
                + ", a.id AS article_id, a.title AS article_title, a.url AS article_url, a.source AS article_source, "
                "m.num_articles, m.num_sources FROM events e JOIN articles a ON a.article_key = e.article_key "
                "LEFT JOIN merged_events m ON m.merged_id = e.merged_id"
                + cond
                + " ORDER BY a.coded_at, e.article_key, e.sentence_start, e.trigger_start, e.event_key"
                + " LIMIT ? OFFSET ?",
                params + [int(limit), int(offset)],
            )

    def iter_events(
        self, filters: dict[str, Any] | None = None, limit: int | None = None, page: int = 5000
    ) -> Iterator[dict[str, Any]]:
        """Every matching event, a page at a time (bounded memory for exports)."""
        return _pages(self.events, filters, limit, page)

    def count_events(self, filters: dict[str, Any] | None = None) -> int:
        cond, params = where(filters or {})
        with self._lock:
            return int(self._one("SELECT count(*) FROM events e" + cond, params))

    def event(self, event_key: str) -> dict[str, Any] | None:
        """One event with its evidence: the record, the article, and every report merged with it."""
        with self._lock:
            found = self._all(
                "SELECT e.record, e.merged_id, e.article_key, e.event_key FROM events e WHERE e.event_key = ?",
                [event_key],
            )
            if not found:
                return None
            ev = found[0]
            out: dict[str, Any] = {"event_key": event_key, "merged_id": ev["merged_id"], **json.loads(ev["record"])}
            out["article"] = self.article(ev["article_key"], with_text=False)
            merged = self._all("SELECT * FROM merged_events WHERE merged_id = ?", [ev["merged_id"]])
            out["merged"] = merged[0] if merged else None
            out["reports"] = self._all(
                "SELECT e.event_key, e.article_key, a.id AS article_id, a.title AS article_title, a.url, a.source, "
                "e.date, e.sentence, e.sentence_start, e.trigger_start, e.trigger_end, e.status, e.hedged "
                "FROM events e JOIN articles a ON a.article_key = e.article_key WHERE e.merged_id = ? "
                "ORDER BY e.date, a.coded_at, e.event_key",
                [ev["merged_id"]],
            )
            return out

    def merged(self, limit: int = 100, offset: int = 0, filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Merged events (one per real-world event), most reported first."""
        cond, params = where(filters or {}, alias="m", merged=True)
        with self._lock:
            return self._all(
                "SELECT m.*, e.source_name, e.source_text, e.source_kb_id, e.target_name, e.target_text, "
                "e.target_kb_id, e.plover_mode, e.hedged, e.geonames_id, e.trigger, e.sentence, e.cameo_name, "
                "a.url, a.lang, a.source, a.coded_at, "
                "e.sentence_start = (SELECT min(x.sentence_start) FROM events x WHERE x.article_key = e.article_key) "
                "AS is_root FROM merged_events m JOIN events e ON e.event_key = m.first_event_key "
                "JOIN articles a ON a.article_key = e.article_key"
                + cond
                + " ORDER BY m.date, m.merged_id LIMIT ? OFFSET ?",
                params + [int(limit), int(offset)],
            )

    def iter_merged(self, filters: dict[str, Any] | None = None, page: int = 5000) -> Iterator[dict[str, Any]]:
        """Every matching merged event, a page at a time."""
        return _pages(self.merged, filters, None, page)

    def timeline(self, filters: dict[str, Any] | None = None, by: str = "month") -> list[dict[str, Any]]:
        """Merged events per period and quad class, with summed Goldstein scores."""
        if by not in PERIODS:
            raise FilterError(f"by must be one of {', '.join(PERIODS)}")
        cond, params = where(filters or {}, alias="m", merged=True)
        cond = (cond + " AND" if cond else " WHERE") + " m.date IS NOT NULL"
        with self._lock:
            rows = self._all(
                f"SELECT CAST(date_trunc('{PERIODS[by]}', CAST(m.date AS TIMESTAMP)) AS DATE) AS period, "
                "m.quad_class, count(*) AS events, sum(m.goldstein) AS goldstein FROM merged_events m"
                + cond
                + " GROUP BY 1, 2 ORDER BY 1, 2",
                params,
            )
        series: dict[str, dict[str, Any]] = {}
        for r in rows:
            p = series.setdefault(
                r["period"], {"period": r["period"], "q1": 0, "q2": 0, "q3": 0, "q4": 0, "events": 0, "goldstein": 0.0}
            )
            p[f"q{r['quad_class']}"] = int(r["events"])
            p["events"] += int(r["events"])
            p["goldstein"] = round(p["goldstein"] + float(r["goldstein"] or 0.0), 2)
        return list(series.values())

    def actors(self, limit: int = 50) -> list[dict[str, Any]]:
        """Actor codes by how many events they take part in."""
        with self._lock:
            return self._all(
                "SELECT code, count(*) AS events, max(name) AS name FROM ("
                "SELECT source_code AS code, source_name AS name FROM events WHERE source_code IS NOT NULL "
                "UNION ALL SELECT target_code AS code, target_name AS name FROM events WHERE target_code IS NOT NULL"
                ") x GROUP BY code ORDER BY events DESC, code LIMIT ?",
                [int(limit)],
            )

    def network(self, filters: dict[str, Any] | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """Directed edges between actor codes: merged events, and the mean Goldstein score."""
        cond, params = where(filters or {}, alias="m", merged=True)
        cond = (cond + " AND" if cond else " WHERE") + " m.target_code IS NOT NULL AND m.source_code IS NOT NULL"
        with self._lock:
            return self._all(
                "SELECT m.source_code AS source, m.target_code AS target, count(*) AS events, "
                "avg(m.goldstein) AS goldstein FROM merged_events m"
                + cond
                + " GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT ?",
                params + [int(limit)],
            )

    def locations(self, filters: dict[str, Any] | None = None, limit: int = 2000) -> list[dict[str, Any]]:
        """Where merged events happened: one row per place, with counts and mean Goldstein score."""
        cond, params = where(filters or {}, alias="m", merged=True)
        cond = (cond + " AND" if cond else " WHERE") + " m.lat IS NOT NULL AND m.lon IS NOT NULL"
        with self._lock:
            return self._all(
                "SELECT m.place_name, m.place_country, m.lat, m.lon, count(*) AS events, "
                "sum(CASE WHEN m.quad_class >= 3 THEN 1 ELSE 0 END) AS conflict, avg(m.goldstein) AS goldstein "
                "FROM merged_events m" + cond + " GROUP BY 1, 2, 3, 4 ORDER BY events DESC, 1 LIMIT ?",
                params + [int(limit)],
            )

    def articles(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        with self._lock:
            return self._all(
                "SELECT article_key, id, url, outlet, source, title, date, lang, n_events, coded_at FROM articles "
                "ORDER BY coded_at, article_key LIMIT ? OFFSET ?",
                [int(limit), int(offset)],
            )

    def article(self, key: str, with_text: bool = True) -> dict[str, Any] | None:
        with self._lock:
            cols = "article_key, id, url, outlet, source, title, date, lang, n_events, coded_at, credits" + (
                ", text" if with_text else ""
            )
            rows = self._all(f"SELECT {cols} FROM articles WHERE article_key = ?", [key])
            if not rows:
                return None
            art = rows[0]
            art["credits"] = json.loads(art["credits"] or "[]")
            if with_text:
                art["events"] = self.events(limit=10_000, filters={"article": key})
                art["mentions"] = self._all("SELECT * FROM mentions WHERE article_key = ? ORDER BY idx", [key])
                art["places"] = self._all("SELECT * FROM places WHERE article_key = ? ORDER BY idx", [key])
                art["quotes"] = self._all("SELECT * FROM quotes WHERE article_key = ? ORDER BY idx", [key])
            return art

    def close(self) -> None:
        raise NotImplementedError


def _pages(
    fetch: Callable[..., list[dict[str, Any]]], filters: dict[str, Any] | None, limit: int | None, page: int
) -> Iterator[dict[str, Any]]:
    """Rows of a paginated query (`fetch(limit=, offset=, filters=)`), up to `limit` if given."""
    offset = 0
    while limit is None or offset < limit:
        size = page if limit is None else min(page, limit - offset)
        rows = fetch(limit=size, offset=offset, filters=filters)
        yield from rows
        if len(rows) < size:
            return
        offset += size


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
