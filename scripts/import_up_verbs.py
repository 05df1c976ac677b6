"""Convert UniversalPetrarch's Spanish verb dictionary into heraldo's trigger format.

    python scripts/import_up_verbs.py [../shared/data/dictionaries/universalpetrarch-es/verbpatterns_es_190128.txt]

Writes heraldo/lang/es/events_imported.tsv: one single-word verb per line with the CAMEO code of
its synonym block (or its own bracketed code). Multiword entries and the noun patterns are left
out; codes that are not in the CAMEO table, and root 01 (statements), are dropped. The curated lang/es/events.tsv always
wins over this file. Source: github.com/openeventdata/UniversalPetrarch (MIT, (c) 2016 Open
Event Data Alliance).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared/data/dictionaries/universalpetrarch-es/verbpatterns_es_190128.txt"
OUT = ROOT / "heraldo/lang/es/events_imported.tsv"
HEADER = re.compile(r"^---\s+(\S+)\s+\[([0-9-]+)\]")
VERB = re.compile(r"^([A-ZÁÉÍÓÚÑÜ]+)\s*(?:\[(\d+)\])?\s*(?:#.*)?$")


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    codes = {line.split("\t")[0] for line in (ROOT / "heraldo/ontology/data/cameo.tsv").read_text().splitlines()[1:]}
    block_code: str | None = None
    block_name = ""
    seen: dict[str, tuple[str, str]] = {}
    in_verbs = False
    for raw in src.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if "VERB PATTERNS" in line:
            in_verbs = True
            continue
        if not in_verbs or not line:
            continue
        h = HEADER.match(line)
        if h:
            block_name, block_code = h.group(1), (h.group(2) if h.group(2) != "---" else None)
            continue
        m = VERB.match(line)
        if not m:
            continue
        verb, own = m.group(1).lower(), m.group(2)
        code = own or block_code
        # Root 01 (public statements) is left out: heraldo reports statements as quotes, and
        # PLOVER has no statement type.
        if (
            not code
            or code not in codes
            or code.startswith("01")
            or not verb.endswith(("ar", "er", "ir", "arse", "erse", "irse"))
        ):
            continue
        seen.setdefault(verb, (code, block_name))
    rows = [
        "# Imported from UniversalPetrarch verbpatterns_es_190128.txt (MIT, (c) 2016 Open Event Data Alliance)",
        "# by scripts/import_up_verbs.py; do not edit by hand: curate lang/es/events.tsv, which wins.",
        "# lemma\tpos\tcameo\tflags\tblock",
    ]
    for verb, (code, block) in sorted(seen.items()):
        refl = verb.endswith("se")
        lemma = verb[:-2] if refl else verb
        rows.append(f"{lemma}\tVERB\t{code}\t{'refl' if refl else ''}\t{block}")
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 3} verbs to {OUT}")


if __name__ == "__main__":
    main()
