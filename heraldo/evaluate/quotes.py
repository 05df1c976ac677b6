"""`heraldo eval --task quotes`: quotes against PolNeAR attribution gold (BRAT standoff).

A gold attribution is its Content span(s) and Source span. A predicted quote matches a gold
content when their character spans overlap with a Dice coefficient of at least 0.5 (one-to-one,
best first); it also matches the speaker when the predicted speaker's span overlaps the gold
Source span, or when its name shares its last word with the Source text (a speaker resolved
from an earlier mention).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from heraldo.evaluate.score import prf
from heraldo.pipeline import Pipeline
from heraldo.textutil import fold


@dataclass
class GoldQuote:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    source_text: str
    cue: list[tuple[int, int]] = field(default_factory=list)


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (p.split() for p in field.split(";"))]


def read_ann(path: Path) -> list[GoldQuote]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, loc = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(loc), parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out = []
    for ev in events:
        content = [s for k, v in ev.items() if k.startswith("Content") and v in spans for s in spans[v][1]]
        src = spans.get(ev.get("Source", ""), ("", [], ""))
        if content:
            out.append(GoldQuote(content, src[1], src[2], spans.get(ev.get("Cue", ""), ("", [], ""))[1]))
    return out


def articles(gold_dir: str | Path) -> Iterator[tuple[str, Path, Path]]:
    """(article stem, .ann file, .txt file) of each article of a PolNeAR split folder; an article
    annotated by several annotators (<article>_<annotator>.ann) counts with its first annotation."""
    root = Path(gold_dir)
    seen: set[str] = set()
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if stem in seen:
            continue
        seen.add(stem)
        text_path = root / "text" / f"{stem}.txt"
        if text_path.exists():
            yield stem, ann, text_path


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in spans)


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _dice(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> float:
    total = _length(a) + _length(b)
    return 2 * _overlap(a, b) / total if total else 0.0


def _speaker_ok(pred: Any, gold: GoldQuote) -> bool:
    if pred is None or not gold.source:
        return False
    if pred.end > pred.start and _overlap([(pred.start, pred.end)], gold.source):
        return True
    names = [w for w in re.findall(r"\w+", fold(pred.name or pred.text))]
    gold_words = re.findall(r"\w+", fold(gold.source_text))
    return bool(names and gold_words and names[-1] == gold_words[-1])


def run_quotes_eval(gold_dir: str | Path, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Score direct and indirect quotes on a PolNeAR split folder (with text/ and attributions/)."""
    pipeline = pipeline or Pipeline()
    n_articles = gold_n = pred_n = content_ok = speaker_ok = 0
    for stem, ann, text_path in articles(gold_dir):
        n_articles += 1
        gold = read_ann(ann)
        coded = pipeline.code_safe({"id": stem, "text": text_path.read_text(encoding="utf-8"), "lang": "en"})
        preds = coded.quotes
        gold_n += len(gold)
        pred_n += len(preds)
        pairs = sorted(
            ((_dice(p.content_spans(), g.content), pi, gi) for pi, p in enumerate(preds) for gi, g in enumerate(gold)),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for score, pi, gi in pairs:
            if score < 0.5 or pi in used_p or gi in used_g:
                continue
            used_p.add(pi)
            used_g.add(gi)
            content_ok += 1
            speaker_ok += _speaker_ok(preds[pi].speaker, gold[gi])

    def scores(m: int) -> dict[str, float]:
        p, r, f = prf(m, pred_n, gold_n)
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    return {
        "gold": str(gold_dir),
        "articles": n_articles,
        "gold_quotes": gold_n,
        "predicted_quotes": pred_n,
        "content": scores(content_ok),
        "content_speaker": scores(speaker_ok),
    }


def format_quotes_report(r: dict[str, Any]) -> str:
    lines = [
        f"gold: {r['gold']}",
        f"{r['articles']} articles, {r['gold_quotes']} gold attributions, {r['predicted_quotes']} predicted quotes",
        "",
        "level            precision  recall   F1",
    ]
    for key, label in (("content", "content"), ("content_speaker", "content+speaker")):
        v = r[key]
        lines.append(f"{label:<16} {v['precision']:>9.3f}  {v['recall']:>6.3f}  {v['f1']:>6.3f}")
    return "\n".join(lines)
