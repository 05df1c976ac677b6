"""CAMEO event codes with Goldstein score and quad class, and their PLOVER type and mode."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """All CAMEO codes, keyed by code ('057')."""
    path = resources.files("heraldo.ontology") / "data" / "cameo.tsv"
    table: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            table[row["code"]] = CameoCode(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]) if row["goldstein"] else None,
                quad_class=int(row["quad_class"]),
                plover=row["plover"] or None,
                plover_mode=row["plover_mode"] or None,
            )
    return table


def cameo(code: str) -> CameoCode:
    """Look up a CAMEO code; raises KeyError with a helpful message for unknown codes.

    >>> cameo("057").plover
    'SUPPORT'
    """
    try:
        return cameo_table()[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}; see heraldo/ontology/data/cameo.tsv") from None
