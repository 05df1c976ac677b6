"""Convert a TABARI/PETRARCH verb dictionary into heraldo's trigger format.

    python scripts/import_verbs.py es   # UniversalPetrarch verbpatterns_es_190128.txt
    python scripts/import_verbs.py en   # PETRARCH-2 CAMEO.2.0.txt

Writes heraldo/lang/<lang>/events_imported.tsv: one single-word verb per line with the CAMEO code
of its synonym block (or its own bracketed code). Multiword entries and the noun patterns are
left out; codes that are not in the CAMEO table, and root 01 (statements), are dropped. The
curated lang/<lang>/events.tsv always wins over this file. Sources (both MIT):
github.com/openeventdata/UniversalPetrarch ((c) 2016 Open Event Data Alliance) and
github.com/openeventdata/petrarch2 ((c) 2014 Open Event Data).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DICTS = ROOT.parent / "shared/data/dictionaries"
SOURCES = {
    "es": (
        DICTS / "universalpetrarch-es/verbpatterns_es_190128.txt",
        "UniversalPetrarch verbpatterns_es_190128.txt",
        "(c) 2016 Open Event Data Alliance",
    ),
    "en": (DICTS / "petrarch2-en/CAMEO.2.0.txt", "PETRARCH-2 CAMEO.2.0.txt", "(c) 2014 Open Event Data"),
}
HEADER = re.compile(r"^---\s+(\S+)\s+\[([0-9-]+)\]")
VERB = re.compile(r"^([A-ZÁÉÍÓÚÑÜ]+)\s*(?:\{[^}]*\})?\s*(?:\[(\d+)\])?\s*(?:#.*)?$")


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "es"
    src, name, owner = SOURCES[lang]
    out = ROOT / f"heraldo/lang/{lang}/events_imported.tsv"
    codes = {line.split("\t")[0] for line in (ROOT / "heraldo/ontology/data/cameo.tsv").read_text().splitlines()[1:]}
    block_code: str | None = None
    block_name = ""
    seen: dict[str, tuple[str, str]] = {}
    in_verbs = False
    for raw in src.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if "VERB PATTERNS" in line or (lang == "en" and line.startswith("--- ")):
            in_verbs = True
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
            or (lang == "es" and not verb.endswith(("ar", "er", "ir", "arse", "erse", "irse")))
        ):
            continue
        seen.setdefault(verb, (code, block_name))
    rows = [
        f"# Imported from {name} (MIT, {owner})",
        f"# by scripts/import_verbs.py; do not edit by hand: curate lang/{lang}/events.tsv, which wins.",
        "# lemma\tpos\tcameo\tflags\tblock",
    ]
    for verb, (code, block) in sorted(seen.items()):
        refl = lang == "es" and verb.endswith("se")
        lemma = verb[:-2] if refl else verb
        rows.append(f"{lemma}\tVERB\t{code}\t{'refl' if refl else ''}\t{block}")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 3} verbs to {out}")


if __name__ == "__main__":
    main()
