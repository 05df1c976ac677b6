"""Command line: `heraldo code | run | kb`.

`heraldo code` follows docs/coding-contract.md exactly: one output line per input line, in
order, progress on stderr, exit status 0 (all coded), 3 (some error records), 2 (bad usage).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
import time
from collections.abc import Iterator
from multiprocessing import get_context
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from heraldo.errors import InputError
from heraldo.inputs import iter_paths, parse_line
from heraldo.model import CodedArticle
from heraldo.pipeline import Config, Pipeline

EXIT_OK, EXIT_USAGE, EXIT_SOME_ERRORS = 0, 2, 3

# -- workers: one Pipeline per process, loaded once ---------------------------------------------
_WORKER: Pipeline | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    _WORKER = Pipeline(config)


def _code_line(item: tuple[int, bytes, str | None]) -> str:
    n, raw, lang = item
    assert _WORKER is not None
    return _code_raw(_WORKER, n, raw, lang)


def _code_raw(pipe: Pipeline, n: int, raw: bytes, lang: str | None) -> str:
    try:
        record = parse_line(raw)
    except InputError as exc:
        return json.dumps(
            CodedArticle(id=None, lang=None, title=None, date=None, error=exc.to_json(), line=n).to_json(),
            ensure_ascii=False,
        )
    if lang and lang != "auto" and isinstance(record, dict) and not record.get("lang"):
        record["lang"] = lang
    return json.dumps(pipe.code_safe(record, line=n).to_json(), ensure_ascii=False)


class Progress:
    """A bar on a terminal, a line every 10 s otherwise; a summary at the end (stderr)."""

    def __init__(self, stream: TextIO = sys.stderr):
        self.stream, self.tty = stream, stream.isatty()
        self.t0 = self.last = time.monotonic()
        self.n = self.events = self.errors = 0

    def update(self, out_line: str) -> None:
        self.n += 1
        rec = json.loads(out_line)
        self.events += len(rec.get("events") or [])
        self.errors += rec.get("error") is not None
        now = time.monotonic()
        if self.tty and now - self.last > 0.2:
            self.stream.write(f"\r{self.n} records, {self.events} events, {self.errors} errors")
            self.stream.flush()
            self.last = now
        elif not self.tty and now - self.last > 10:
            self.stream.write(f"progress: {self.n} records, {self.events} events, {self.errors} errors\n")
            self.last = now

    def summary(self) -> None:
        dt = time.monotonic() - self.t0
        rate = self.n / dt if dt > 0 else 0.0
        self.stream.write(
            ("\r" if self.tty else "") + f"coded {self.n} records: {self.events} events, "
            f"{self.errors} errors in {dt:.1f} s ({rate:.1f} records/s)\n"
        )


def _raw_lines(fh: BinaryIO) -> Iterator[tuple[int, bytes]]:
    for n, raw in enumerate(fh, 1):
        yield n, raw.rstrip(b"\r\n")


def cmd_code(args: argparse.Namespace) -> int:
    config = Config(max_chars=args.max_chars, time_limit=args.time_limit)
    if args.input != "-" and not Path(args.input).is_file():
        print(f"heraldo code: input file not found: {args.input}", file=sys.stderr)
        return EXIT_USAGE
    fin = sys.stdin.buffer if args.input == "-" else open(args.input, "rb")
    fout = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    progress = Progress()
    try:
        items = ((n, raw, args.lang) for n, raw in _raw_lines(fin))
        if args.workers > 1:
            ctx = get_context("spawn")
            with ctx.Pool(args.workers, initializer=_init_worker, initargs=(config,)) as pool:
                for out in pool.imap(_code_line, items, chunksize=4):
                    fout.write(out + "\n")
                    progress.update(out)
        else:
            pipe = Pipeline(config)
            for n, raw, lang in items:
                out = _code_raw(pipe, n, raw, lang)
                fout.write(out + "\n")
                progress.update(out)
    finally:
        if fout is not sys.stdout:
            fout.close()
        else:
            fout.flush()
        if fin is not sys.stdin.buffer:
            fin.close()
    progress.summary()
    return EXIT_SOME_ERRORS if progress.errors else EXIT_OK


def _mark(sentence: str, start: int, t0: int, t1: int) -> str:
    a, b = t0 - start, t1 - start
    return sentence[:a] + "[" + sentence[a:b] + "]" + sentence[b:]


def print_events(events: list[dict[str, Any]], out: TextIO = sys.stdout, width: int = 100) -> None:
    """A readable table: date, source -> target, CAMEO, PLOVER, place, evidence."""
    for e in events:
        target = e["target_code"] or "—"
        place = f"{e['place_name']}, {e['place_country']}" if e["place_name"] else "—"
        flags = [] if e["status"] == "asserted" else [e["status"]]
        if e["hedged"]:
            flags.append("hedged")
        head = (
            f"{e['date'] or '????-??-??'}  {e['source_code'] or '—'} → {target}  {e['cameo']} {e['cameo_name']}  "
            f"[{e['plover'] or '-'}]  @ {place}" + (f"  ({', '.join(flags)})" if flags else "")
        )
        out.write(head + "\n")
        marked = _mark(e["sentence"], e["sentence_start"], e["trigger_start"], e["trigger_end"])
        out.write(textwrap.fill(marked, width=width, initial_indent="    ", subsequent_indent="    ") + "\n")
        out.write(f"    — {e['article_id']}: {e['source_text'] or '(not named)'} / {e['target_text'] or '—'}\n\n")


def cmd_run(args: argparse.Namespace) -> int:
    from heraldo.store import article_key, open_store

    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    if missing:
        print(f"heraldo run: not found: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    pipe = Pipeline(Config(max_chars=args.max_chars))
    store = open_store(args.db)
    added = skipped = errors = 0
    for origin, n, rec in iter_paths(args.paths):
        if isinstance(rec, InputError):
            errors += 1
            print(f"{origin}:{n}: {rec.type}: {rec.message}", file=sys.stderr)
            continue
        if isinstance(rec, dict) and args.lang and not rec.get("lang"):
            rec["lang"] = args.lang
        key = article_key(rec) if isinstance(rec, dict) else ""
        if key and store.has(key):
            skipped += 1
            continue
        coded = pipe.code_safe(rec, line=n)
        if coded.error:
            errors += 1
            print(f"{origin}:{n}: {coded.error['type']}: {coded.error['message']}", file=sys.stderr)
            continue
        store.add(key, coded)
        added += 1
        if args.verbose:
            print(f"stored {coded.id} {key}", file=sys.stderr, flush=True)
    events = store.events(limit=args.show)
    counts = store.counts()
    store.close()
    print_events(events)
    print(f"{added} articles coded, {skipped} already in the store, {errors} errors.")
    print(
        f"Store: {os.path.abspath(args.db)} — {counts['articles']} articles, {counts['events']} events, "
        f"{counts['mentions']} actor mentions, {counts['places']} places, {counts['quotes']} quotes."
    )
    print(
        "Next: query it with DuckDB, e.g.\n"
        f"  .venv/bin/python -c \"import duckdb; print(duckdb.connect('{args.db}', read_only=True)"
        ".sql('SELECT cameo, source_code, target_code, place_name FROM events'))\"\n"
        "  or code your own articles: .venv/bin/heraldo code --input my.jsonl --output coded.jsonl"
    )
    return EXIT_SOME_ERRORS if errors else EXIT_OK


def cmd_kb_show(args: argparse.Namespace) -> int:
    from datetime import date

    from heraldo import kb

    on = date.fromisoformat(args.date) if args.date else None
    entries = kb.find(args.name)
    if not entries:
        print(f"no knowledge-base entry matches {args.name!r}")
        return 1
    for e in entries:
        code, country, sector = e.code_on(on)
        print(f"{e.kb_id}  {e.name}  ({e.type})")
        for r in e.roles:
            print(f"    {r.country}{r.sector or ''}  {r.title}  {r.start or '…'} – {r.end or 'now'}")
        print(f"    code on {on or 'today'}: {code}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from heraldo.evaluate import format_report, run_eval

    if args.task == "quotes":
        from heraldo.evaluate.quotes import format_quotes_report, run_quotes_eval

        if not (Path(args.gold) / "attributions").is_dir():
            print(f"heraldo eval: {args.gold} is not a PolNeAR split (no attributions/ folder)", file=sys.stderr)
            return EXIT_USAGE
        qreport = run_quotes_eval(args.gold)
        print(json.dumps(qreport, indent=2) if args.json else format_quotes_report(qreport))
        low = [f for f in args.min_f1 or [] if qreport[f.partition("=")[0].lower()]["f1"] < float(f.partition("=")[2])]
        if low:
            print("accuracy below floor: " + "; ".join(low), file=sys.stderr)
            return 1
        return EXIT_OK
    if not Path(args.gold).is_file():
        print(f"heraldo eval: gold file not found: {args.gold}", file=sys.stderr)
        return EXIT_USAGE
    errors = args.errors or Path(args.gold).stem + ".errors.jsonl"
    report = run_eval(args.gold, lang=args.lang, errors_path=errors)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    failed = []
    for floor in args.min_f1 or []:
        level, _, value = floor.partition("=")
        got = report["levels"][level.upper()]["f1"]
        if got < float(value):
            failed.append(f"{level.upper()} F1 {got:.3f} < floor {value}")
    if args.min_plover is not None and (report["plover_accuracy"] or 0.0) < args.min_plover:
        failed.append(f"PLOVER accuracy {report['plover_accuracy'] or 0.0:.3f} < floor {args.min_plover}")
    if failed:
        print("accuracy below floor: " + "; ".join(failed), file=sys.stderr)
        return 1
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="heraldo", description="Political event data from news articles.")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("code", help="code JSON lines (the batch contract)")
    c.add_argument("--input", required=True, help="input JSON lines file, or - for stdin")
    c.add_argument("--output", required=True, help="output JSON lines file, or - for stdout")
    c.add_argument("--lang", default="auto", choices=["es", "en", "auto"])
    c.add_argument("--workers", type=int, default=1)
    c.add_argument("--max-chars", type=int, default=Config().max_chars)
    c.add_argument("--time-limit", type=float, default=Config().time_limit, help="seconds per article (0 = none)")
    c.set_defaults(func=cmd_code)
    r = sub.add_parser("run", help="code files or folders into a DuckDB store and print the events")
    r.add_argument("paths", nargs="+", help=".jsonl, .txt, .html files or folders")
    r.add_argument("--db", default="heraldo.duckdb")
    r.add_argument("--lang", default=None, choices=["es", "en"])
    r.add_argument("--show", type=int, default=100, help="how many events to print")
    r.add_argument("--max-chars", type=int, default=Config().max_chars)
    r.add_argument("--verbose", action="store_true", help="print a line on stderr for each stored article")
    r.set_defaults(func=cmd_run)
    e = sub.add_parser("eval", help="score heraldo against a gold file")
    e.add_argument("--gold", required=True, help="UniversalPetrarch/PETRARCH XML or PLOVER gold JSON")
    e.add_argument("--lang", default=None, choices=["es", "en"])
    e.add_argument("--task", default="events", choices=["events", "quotes"], help="quotes: --gold is a PolNeAR split")
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.add_argument("--errors", default=None, help="where to write misses and false events (JSON lines)")
    e.add_argument(
        "--min-f1",
        action="append",
        metavar="LEVEL=F1",
        help="exit 1 if below, e.g. ROOT=0.5 (quotes: CONTENT=, CONTENT_SPEAKER=)",
    )
    e.add_argument("--min-plover", type=float, default=None, help="exit 1 if PLOVER accuracy is below")
    e.set_defaults(func=cmd_eval)
    k = sub.add_parser("kb", help="the knowledge base")
    ksub = k.add_subparsers(dest="kb_command", required=True)
    ks = ksub.add_parser("show", help="show entries for a name and the code they get on a date")
    ks.add_argument("name")
    ks.add_argument("--date", default=None, help="YYYY-MM-DD")
    ks.set_defaults(func=cmd_kb_show)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
