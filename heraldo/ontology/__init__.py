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


def _longest_prefix(table: dict[str, str], code: str) -> str | None:
    """The value of the longest key of `table` (2 to 4 characters) that begins `code`."""
    for n in (4, 3, 2):
        if len(code) >= n and code[:n] in table:
            return table[code[:n]]
    return None


# CAMEO codes an announced or intended action as the intent to do it: a promise of cooperation is
# 03 ("will provide aid" 0333), a promised hostile action is a threat, 13 ("will impose a curfew"
# 1323, "will hold a strike" 133). Keys are code prefixes; the longest that matches wins.
INTENT_OF = {
    "04": "036", "046": "039",
    "05": "032",
    "06": "031",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354",
    "086": "0355", "087": "0356",
    "14": "133",
    "15": "138",
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "17": "130", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324", "175": "137",
    "18": "138", "19": "138", "191": "1381", "192": "1382", "20": "138",
}  # fmt: skip


def intent_of(code: str) -> str | None:
    """The 'express intent' (03) or 'threaten' (13) code for an announced action, if CAMEO has one.

    >>> intent_of("073"), intent_of("1723"), intent_of("141"), intent_of("010")
    ('0333', '1323', '133', None)
    """
    return _longest_prefix(INTENT_OF, code)


# CAMEO codes a refusal of a cooperative action as a rejection, 12: "will not accept more refugees"
# (080 negated) is 124, refuse to yield; "did not meet" (04 negated) is 125. Hostile actions that
# did not happen have no CAMEO code and keep theirs, with status `negated`.
REFUSAL_OF = {
    "03": "120",
    "04": "125", "045": "126", "046": "125",
    "05": "120", "057": "127",
    "06": "121", "061": "1211", "062": "1212",
    "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
    "08": "124", "081": "1241", "082": "1242", "083": "123", "084": "1243", "085": "1244",
    "086": "1245", "087": "1246",
}  # fmt: skip


def refusal_of(code: str) -> str | None:
    """The 'reject' (12) code for a cooperative action that is refused or negated, if any.

    >>> refusal_of("084"), refusal_of("0841"), refusal_of("042"), refusal_of("190")
    ('1243', '1243', '125', None)
    """
    return _longest_prefix(REFUSAL_OF, code)


# CAMEO codes stopping a cooperative relation as reducing it, 16: "halted economic aid" (071 under
# a verb of stopping) is 1621, "broke off the talks" 164.
HALT_OF = {
    "04": "164", "045": "165",
    "05": "160",
    "06": "160",
    "07": "162", "071": "1621", "072": "1622", "073": "1623", "074": "1661",
}  # fmt: skip


def halt_of(code: str) -> str | None:
    """The 'reduce relations' (16) code for a cooperative action that is stopped, if any.

    >>> halt_of("071"), halt_of("046"), halt_of("141")
    ('1621', '164', None)
    """
    return _longest_prefix(HALT_OF, code)


# CAMEO codes lifting a sanction as easing it, 08: "lifted the embargo" (163 under a verb of
# lifting) is 085, "levantó el toque de queda" 0813, "lifted the blockade" 0872.
LIFT_OF = {
    "16": "085",
    "172": "081", "1721": "0811", "1722": "0812", "1723": "0813", "1724": "0814",
    "191": "0872",
}  # fmt: skip


def lift_of(code: str) -> str | None:
    """The 'ease' (08) code for a sanction or restriction that is lifted, if any.

    >>> lift_of("163"), lift_of("1723"), lift_of("191"), lift_of("190")
    ('085', '0813', '0872', None)
    """
    return _longest_prefix(LIFT_OF, code)
