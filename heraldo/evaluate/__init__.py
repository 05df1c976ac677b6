"""`heraldo eval`: code the gold sentences, score them, and write the errors for analysis.

Sentences are coded in their documents (the sentences of one document joined as paragraphs,
in order), so article context such as a dropped subject or "ambos países" works as it does on
real input; each event is then scored against the gold sentence its evidence lies in.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from heraldo.evaluate.gold import GoldSentence, read_gold
from heraldo.evaluate.score import LEVELS, Predicted, Tally
from heraldo.model import CodedArticle
from heraldo.pipeline import Pipeline

# Published figures of the only open Spanish coder, on its own Spanish AFP gold set.
UNIVERSALPETRARCH_ES = {"correct": 0.4421, "uncoded": 0.5579, "extra": 3.1552}


def _documents(sentences: list[GoldSentence]) -> dict[str, list[GoldSentence]]:
    docs: dict[str, list[GoldSentence]] = defaultdict(list)
    for s in sentences:
        docs[s.doc_id].append(s)
    for v in docs.values():
        v.sort(key=lambda s: s.order)
    return docs


def _errors(s: GoldSentence, pred: list[Predicted], pairs: dict[str, list[tuple[int, int]]]) -> list[dict[str, Any]]:
    """miss: gold event with no predicted event of its root; false: predicted event matching no
    gold root; actors: root right, source or target wrong."""
    out: list[dict[str, Any]] = []
    root_g = {g: p for g, p in pairs["ROOT"]}
    root_p = {p for _, p in pairs["ROOT"]}
    full_g = {g for g, _ in pairs["FULL"]}
    base = {"sid": s.sid, "text": s.text}
    for gi, g in enumerate(s.events):
        if gi not in root_g:
            out.append({"kind": "miss", **base, "gold": vars(g), "predicted": [vars(p) for p in pred]})
        elif gi not in full_g:
            out.append({"kind": "actors", **base, "gold": vars(g), "event": vars(pred[root_g[gi]])})
    for pi, pe in enumerate(pred):
        if pi not in root_p:
            out.append({"kind": "false", **base, "event": vars(pe), "gold": [vars(g) for g in s.events]})
    return out


def code_document(
    pipeline: Pipeline, doc_id: str, doc: list[GoldSentence], lang: str | None = None
) -> tuple[CodedArticle, list[tuple[int, int]]]:
    """Code a gold document's sentences joined as one article (so article context works as on
    real input); returns the coded article and each sentence's character span in it."""
    spans, parts, pos = [], [], 0
    for s in doc:
        spans.append((pos, pos + len(s.text)))
        parts.append(s.text)
        pos += len(s.text) + 2
    coded = pipeline.code_safe(
        {"id": doc_id, "text": "\n\n".join(parts), "lang": lang or doc[0].lang, "date": doc[0].date}
    )
    return coded, spans


def write_errors(path: str | Path, errors: list[dict[str, Any]]) -> None:
    """The `--errors` file: one JSON object per line."""
    with open(path, "w", encoding="utf-8") as fh:
        for err in errors:
            fh.write(json.dumps(err, ensure_ascii=False) + "\n")


def run_eval(
    gold_path: str | Path,
    pipeline: Pipeline | None = None,
    lang: str | None = None,
    errors_path: str | Path | None = None,
) -> dict[str, Any]:
    """Score heraldo on a gold file; returns the report as a dict (see `format_report`)."""
    pipeline = pipeline or Pipeline()
    sentences = read_gold(gold_path, lang)
    tally = Tally()
    errors: list[dict[str, Any]] = []
    for doc_id, doc in _documents(sentences).items():
        coded, spans = code_document(pipeline, doc_id, doc, lang)
        per_sentence: list[list[Predicted]] = [[] for _ in doc]
        for e in coded.events:
            for k, (a, b) in enumerate(spans):
                if a <= e.evidence.trigger.start < b:
                    per_sentence[k].append(
                        Predicted(
                            e.cameo, e.source.code, e.target.code if e.target else None, e.plover, e.confidence, e.rule
                        )
                    )
                    break
        for s, pred in zip(doc, per_sentence, strict=True):
            pairs = tally.add(s.events, pred)
            errors.extend(_errors(s, pred, pairs))
    report: dict[str, Any] = {
        "gold": str(gold_path),
        "sentences": len(sentences),
        "gold_events": tally.gold,
        "predicted_events": tally.pred,
        "levels": {},
        "uncoded_share": tally.uncoded / tally.sentences_with_gold if tally.sentences_with_gold else 0.0,
        "extra_per_gold": (tally.pred - tally.matched["ROOT"]) / tally.gold if tally.gold else 0.0,
        "plover_accuracy": (tally.plover_right / tally.plover_total) if tally.plover_total else None,
        "plover_sentences": tally.plover_total,
        "confidence_auc": tally.confidence_auc(),
        "confusion": {f"{g}>{p}": n for (g, p), n in tally.confusion.most_common()},
    }
    for lvl in LEVELS:
        prec, rec, f1 = tally.prf(lvl)
        report["levels"][lvl] = {
            "precision": round(prec, 4),
            "recall": round(rec, 4),
            "f1": round(f1, 4),
            "matched": tally.matched[lvl],
        }
    if errors_path:
        write_errors(errors_path, errors)
        report["errors_file"] = str(errors_path)
    return report


def format_report(r: dict[str, Any]) -> str:
    lines = [
        f"gold: {r['gold']}",
        f"{r['sentences']} sentences, {r['gold_events']} gold events, {r['predicted_events']} predicted",
        "",
        "level    precision  recall   F1",
    ]
    for lvl, v in r["levels"].items():
        lines.append(f"{lvl:<8} {v['precision']:>9.3f}  {v['recall']:>6.3f}  {v['f1']:>6.3f}")
    lines.append("")
    lines.append(f"gold sentences left uncoded: {r['uncoded_share']:.1%}")
    lines.append(f"extra events per gold event: {r['extra_per_gold']:.2f}")
    if r["plover_accuracy"] is not None:
        lines.append(
            f"PLOVER type accuracy (one-event sentences, n={r['plover_sentences']}): {r['plover_accuracy']:.3f}"
        )
    if r.get("confidence_auc") is not None:
        lines.append(f"confidence AUC (right vs wrong events at ROOT): {r['confidence_auc']:.3f}")
    lines.append("")
    lines.append("most frequent gold>predicted root pairs (none = missed / extra):")
    for k, n in list(r["confusion"].items())[:15]:
        lines.append(f"  {k:<12} {n}")
    if r.get("errors_file"):
        lines.append(f"\nmisses and false events: {r['errors_file']}")
    return "\n".join(lines)
