"""Which offices the curated people.yaml leaves empty: for each country the issue names (the G20,
the Security Council's members since 2016, and the countries whose codes the gold sets in
../shared/data use, when that folder is there), print the offices (head of state or government,
foreign minister, defence minister) that no curated person holds on 1 July of each year from
2016 to 2025, or the years given (offices that do not exist, such as Costa Rica's defence
minister, are not counted):

    .venv/bin/python scripts/kb_coverage.py [--shared ../shared/data] [--years 2016-2026] [--imported 2000-2015]

With --imported, it first lists the country-years the imported PETRARCH dictionaries barely hold
(fewer than three people with a government role in force on 1 July; they carry no titles, so
their offices cannot be told apart).

Titles are read loosely ("Foreign Secretary", "Secretary of State", "Armed Forces Minister").
Before 2016 the imported PETRARCH dictionaries hold most office holders of 2003-2015, without
titles; --imported measures them by head count (above), the curated table does not count them.
"""

from __future__ import annotations

import argparse
import glob
import re
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = ROOT / "heraldo" / "kb" / "data" / "people.yaml"

G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
COUNCIL = (
    (  # permanent members, then the elected members of 2016-2027
        "CHN FRA RUS GBR USA "
        "ANG EGY JPN MYS NZL SEN ESP UKR URY VEN "  # 2016 (ANG = AGO)
        "BOL ETH ITA KAZ SWE NLD "  # 2017-2018
        "CIV GNQ KWT PER POL "  # 2018-2019
        "BEL DOM DEU IDN ZAF "  # 2019-2020
        "EST NER VCT TUN VNM "  # 2020-2021
        "IND IRL KEN MEX NOR "  # 2021-2022
        "ALB BRA GAB GHA ARE "  # 2022-2023
        "ECU JPN MLT MOZ CHE "  # 2023-2024
        "DZA GUY KOR SLE SVN "  # 2024-2025
        "DNK GRC PAK PAN SOM "  # 2025-2026
        "BHR COL COD LVA LBR"  # 2026-2027
    )
    .replace("ANG", "AGO")
    .split()
)

KINDS = {
    "head": (
        "president",
        "prime minister",
        "chancellor",
        "emir",
        "king",
        "supreme leader",
        "general secretary",
        "taoiseach",
        "premier",
        "chairman",
        "state counsellor",
        "junta",
        "leader",
    ),
    "foreign": ("foreign", "secretary of state", "external affairs"),
    "defence": ("defence", "defense", "armed forces"),
}
# Offices that do not exist, so cannot be empty: countries without armed forces or a defence
# ministry (their police and coast guards answer to a security or home affairs ministry).
NO_OFFICE = {
    ("CRI", "defence"): "no army since 1948; a Ministry of Public Security",
    ("PAN", "defence"): "no army since 1990; a Ministry of Public Security",
    ("VCT", "defence"): "no armed forces; the police answer to the prime minister's national security portfolio",
    ("PSE", "defence"): "the Palestinian Authority has no defence ministry",
    ("MLT", "defence"): "the Armed Forces of Malta answer to the home affairs and national security minister",
    (
        "GUY",
        "defence",
    ): "no defence ministry: the Guyana Defence Force answers to the Defence Board, chaired by the president",
}
NOT_HEAD = ("vice", "deputy", "opposition", "former", "interim president of the assembly")
ROLE_NOUNS = {
    "IGO",
    "NGO",
    "MED",
    "GOV",
    "MIL",
    "COP",
    "REB",
    "OPP",
    "CVL",
    "BUS",
    "JUD",
    "EDU",
    "LAB",
    "REF",
    "HLH",
    "SPY",
    "ELI",
    "CRM",
    "UAF",
    "LEG",
    "AGR",
    "MOD",
    "RAD",
    "HRI",
    "MUS",
    "CHR",
    "JEW",
    "BUD",
    "HIN",
    "MAF",
}  # religions; MAF is a gold-set typo


def gold_countries(shared: Path) -> set[str]:
    """Three-letter country codes the event gold sets give their actors."""
    codes: set[str] = set()
    patterns = {
        "events-es/*.xml": r'\b(?:sourcecode|targetcode)="([A-Z]{3})',
        "plover/PLOVER_GSR_CAMEO.json": r'"(?:source|target)\w*":\s*"([A-Z]{3})',
    }
    for files, pattern in patterns.items():
        for name in glob.glob(str(shared / files)):
            codes.update(re.findall(pattern, Path(name).read_text(encoding="utf-8", errors="ignore")))
    return codes - ROLE_NOUNS


def holds(roles: list[dict], country: str, kind: str, day: str) -> bool:
    for r in roles:
        title = r["title"].lower()
        if r["country"] != country or not any(k in title for k in KINDS[kind]):
            continue
        if kind == "head" and any(k in title for k in NOT_HEAD):
            continue
        if str(r["start"]) <= day and ("end" not in r or str(r["end"]) > day):
            return True
    return False


def empty_years(roles: list[dict], countries: set[str], years: range) -> dict[str, dict[str, list[int]]]:
    """For each country, the offices with no curated holder on 1 July of each of the years."""
    gaps: dict[str, dict[str, list[int]]] = {}
    for country in sorted(countries):
        for kind in KINDS:
            if (country, kind) in NO_OFFICE:
                continue
            empty = [y for y in years if not holds(roles, country, kind, f"{y}-07-01")]
            if empty:
                gaps.setdefault(country, {})[kind] = empty
    return gaps


def curated_people() -> list[dict]:
    return yaml.safe_load(PEOPLE.read_text(encoding="utf-8"))


def curated_roles() -> list[dict]:
    return [r for p in curated_people() for r in p["roles"]]


IMPORTED = ROOT / "heraldo" / "kb" / "data" / "imported" / "people.tsv"
THIN = 3  # fewer government members than this on record: the imported dictionaries miss that year


def imported_thin(
    countries: set[str], years: range, path: Path = IMPORTED, minimum: int = THIN
) -> dict[str, list[tuple[int, int]]]:
    """The imported dictionaries give no titles, so offices cannot be told apart: for each country,
    the years whose 1 July finds fewer than `minimum` people with a government (GOV…) role in
    force, imported or curated, as (year, how many)."""
    from heraldo.kb.tabari import parse_roles

    spans: dict[str, list[tuple[date | None, date | None]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        for code, start, end in parse_roles(line.split("\t")[3]):
            if code[3:6] == "GOV":
                spans.setdefault(code[:3], []).append((start, end))
    for r in curated_roles():
        if r["sector"] == "GOV":
            end = date.fromisoformat(str(r["end"])) if "end" in r else None
            spans.setdefault(r["country"], []).append((date.fromisoformat(str(r["start"])), end))
    thin: dict[str, list[tuple[int, int]]] = {}
    for country in sorted(countries):
        for y in years:
            day = date(y, 7, 1)
            n = sum(
                1
                for start, end in spans.get(country, [])
                if (start is None or start <= day) and (end is None or end > day)
            )
            if n < minimum:
                thin.setdefault(country, []).append((y, n))
    return thin


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--years", default="2016-2025", help="first-last year of the curated table (default 2016-2025)")
    ap.add_argument(
        "--imported",
        default="",
        metavar="FIRST-LAST",
        help="also list the years (e.g. 2000-2015) whose government the imported dictionaries barely hold",
    )
    args = ap.parse_args()
    countries = set(G20) | set(COUNCIL)
    if args.shared.is_dir():
        countries |= gold_countries(args.shared) & _known_countries()
    first, _, last = args.years.partition("-")
    years = range(int(first), int(last or first) + 1)
    if args.imported:
        a, _, b = args.imported.partition("-")
        thin = imported_thin(countries, range(int(a), int(b or a) + 1))
        for country, ys in thin.items():
            print(f"{country}  imported, fewer than {THIN} in government: " + ", ".join(f"{y} ({n})" for y, n in ys))
        print(
            f"{sum(len(v) for v in thin.values())} thin country-years of {len(countries) * (int(b or a) - int(a) + 1)}"
        )
    gaps = empty_years(curated_roles(), countries, years)
    for country, kinds in gaps.items():
        print(
            f"{country}  "
            + "; ".join(f"{k} {v[0]}" + (f"-{v[-1]}" if len(v) > 1 else "") + f" ({len(v)})" for k, v in kinds.items())
        )
    empty = sum(len(v) for kinds in gaps.values() for v in kinds.values())
    offices = len(countries) * len(KINDS) - sum(1 for c, _k in NO_OFFICE if c in countries)
    print(f"{len(countries)} countries, {empty} empty office-years of {offices * len(years)}")


def _known_countries() -> set[str]:
    """ISO/CAMEO country codes heraldo knows (drops typos such as GUA or ITL in the gold)."""
    from heraldo.kb import iso_countries

    points = ROOT / "heraldo" / "places" / "data" / "country_points.tsv"
    iso3 = {line.split("\t")[0] for line in points.read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
    return iso3 | set(iso_countries())


if __name__ == "__main__":
    main()
