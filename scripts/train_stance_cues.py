"""Learn which verbs attribute a stance, from the PolNeAR training split.

    python scripts/train_stance_cues.py [--data ../shared/data] [--out heraldo/lang/en/stance.tsv]

PolNeAR's annotators mark attributions that are not speech: beliefs, plans, endorsements,
criticism ("Clinton criticized [the plan]", "Sanders wants [to win]", "the poll shows [that …]").
Every verb of every sentence of the training split (`polnear/train`, never the dev split that
`heraldo eval --task quotes` scores) is a candidate with the complement heraldo would report
(`heraldo.quotes.stance_candidates`: a clause, an infinitive, an object, a prepositional object)
and the class of its subject (`heraldo.quotes.subject_class`). A candidate is an attribution when
a gold attribution's cue holds the verb and its content overlaps the complement with a Dice
coefficient of at least 0.5 (the eval's own match).

The output counts, per (lemma, complement, subject class) seen at least MIN_SEEN times, how often
the candidate was an attribution. No text is shipped: lemmas and counts only. At run time a
candidate is a stance quote when its share is at least `heraldo.quotes.STANCE_MIN`.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from heraldo.evaluate.quotes import _dice, articles, read_ann  # noqa: E402
from heraldo.nlp import DEFAULT_MODELS, load_model  # noqa: E402
from heraldo.quotes import stance_candidates, subject_class  # noqa: E402
from heraldo.textutil import fold  # noqa: E402

MIN_SEEN = 4  # rarer triples are left out: their share is noise
MIN_SHARE = 0.2  # rows below this could never pass a useful STANCE_MIN; left out to keep the file small


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(ROOT / "heraldo" / "lang" / "en" / "stance.tsv"))
    args = ap.parse_args()
    root = Path(args.data) / "quotes" / "polnear" / "train"
    nlp = load_model(DEFAULT_MODELS["en"])
    seen_n: Counter[tuple[str, str, str]] = Counter()
    hits: Counter[tuple[str, str, str]] = Counter()
    n_articles = 0
    for _stem, ann, text_path in articles(root):
        n_articles += 1
        text = text_path.read_text(encoding="utf-8")
        gold = read_ann(ann)
        paragraphs, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                paragraphs.append((pos, line))
            pos += len(line) + 1
        for (base, _line), doc in zip(paragraphs, nlp.pipe([p for _, p in paragraphs]), strict=True):
            for sent in doc.sents:
                for verb, kind, toks in stance_candidates(sent):
                    key = (fold(verb.lemma_), kind, subject_class(verb))
                    at = base + verb.idx
                    content = [(base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text))]
                    seen_n[key] += 1
                    hits[key] += any(
                        any(a <= at < b for a, b in g.cue) and _dice(content, g.content) >= 0.5 for g in gold
                    )
    rows = sorted(
        (k for k, n in seen_n.items() if n >= MIN_SEEN and hits[k] / n >= MIN_SHARE),
        key=lambda k: (-hits[k] / seen_n[k], k),
    )
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(
            "# Stance cues learned from PolNeAR's training split (scripts/train_stance_cues.py;\n"
            "# Newell, Margolin & Ruths, LREC 2018): lemma, complement, subject class, times seen,\n"
            "# times an attribution. Counts only, no text.\n"
        )
        for k in rows:
            fh.write(f"{k[0]}\t{k[1]}\t{k[2]}\t{seen_n[k]}\t{hits[k]}\n")
    print(f"{n_articles} articles, {sum(seen_n.values())} candidates, {len(rows)} rows -> {args.out}")


if __name__ == "__main__":
    main()
