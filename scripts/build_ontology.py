"""Build heraldo/ontology/data/cameo.tsv from the code tables in ../shared/data.

Run from the repository root: python scripts/build_ontology.py [SHARED_DATA_DIR]
Sources (see heraldo/ontology/data/ATTRIBUTION.md): GDELT's CAMEO event codes and Goldstein
scale, and PLOVER's CAMEO2PLOVER-2021 table (CC BY-SA 4.0).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data"
OUT = Path(__file__).resolve().parents[1] / "heraldo" / "ontology" / "data" / "cameo.tsv"


# Where heraldo departs from the 2021 table (heraldo/ontology/data/ATTRIBUTION.md says why):
# 163 sanctions are SANCTION; 1712 (destroy property) is COERCE / seize, the mode the table gives
# it and that PLOVER's mode table lists under COERCE only; 0813/0814 (ease a curfew, a state of
# emergency) are CONCEDE like the other easings of administrative sanctions (081, 0811, 0812).
PLOVER_CHANGES = {
    "163": ("SANCTION", "discontinue"),
    "1712": ("COERCE", "seize"),
    "0813": ("CONCEDE", ""),
    "0814": ("CONCEDE", ""),
}


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def main() -> None:
    names: dict[str, str] = {}
    raw = (SHARED / "cameo" / "GDELT_CAMEO.eventcodes.txt").read_text(encoding="utf-8")
    for line in raw.splitlines()[1:]:
        code, _, name = line.strip().partition("\t")
        if not re.fullmatch(r"\d{2,4}", code):
            continue
        # Known defect of the copy: code 106 is glued to the 1056 line.
        m = re.match(r"(.*?)106:\[-5\.0\] (.*)", name)
        if m:
            name = m.group(1)
            names["106"] = m.group(2).strip()
        names[code] = name.replace("\u0093", "'").replace("\u0092", "'").replace("Ò", "'").replace("Ó", "'").strip()
    names["044"] = "Meet at a 'third' location"
    names["033"] = names["033"].replace("matyerial", "material")  # a typo of the copy
    gold: dict[str, float] = {}
    for line in (SHARED / "cameo" / "GDELT_CAMEO.goldsteinscale.txt").read_text().splitlines()[1:]:
        code, _, score = line.strip().partition("\t")
        if code:
            gold[code] = float(score)
    plover: dict[str, tuple[str, str]] = {}
    for line in (SHARED / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,?\s*([^,#]*)", line)
        if not m:
            continue
        code, event, mode = m.group(1), m.group(2), m.group(3).strip()
        if len(code) == 2 and code in plover:
            continue  # 08 is listed twice (CONCEDE and RETREAT); the first is the root default
        plover.setdefault(code, (event, mode))
    # CAMEO 02 (appeal) has no line in the 2021 table; PLOVER folds appeals into REQUEST.
    for code in names:
        if code.startswith("02"):
            plover.setdefault(code, ("REQUEST", ""))
    # heraldo's changes where the PLOVER codebook (ngec/PLOVER_structured_codebook_updated.csv)
    # and its gold records disagree with the 2021 table: an embargo, boycott or sanctions curtail
    # commercial exchanges, SANCTION's "discontinue" mode ("imposed sanctions on the Taliban" is
    # SANCTION in PLOVER_GSR_CAMEO.json), not COERCE's "restrict" (political freedoms, movement).
    plover.update(PLOVER_CHANGES)
    rows = ["code\tname\tgoldstein\tquad_class\tplover\tplover_mode"]
    for code in sorted(names, key=lambda c: (c[:2], c)):
        g = gold.get(code, gold.get(code[:3], gold.get(code[:2])))
        ev, mode = plover.get(code, plover.get(code[:3], plover.get(code[:2], ("", ""))))
        rows.append(f"{code}\t{names[code]}\t{'' if g is None else g}\t{quad_class(code)}\t{ev}\t{mode}")
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} codes to {OUT}")


if __name__ == "__main__":
    main()
