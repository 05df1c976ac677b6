"""Command line: `heraldo code | run | ingest | query | timeline | export | serve | batch | eval | kb`.

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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


class _Ticker:
    """A progress line on stderr: rewritten in place every 0.2 s on a terminal, printed every
    10 s otherwise."""

    def __init__(self, stream: TextIO = sys.stderr):
        self.stream, self.tty = stream, stream.isatty()
        self.t0 = self.last = time.monotonic()
        self.wrote_line = False

    def show(self, line: str) -> None:
        now = time.monotonic()
        if now - self.last < (0.2 if self.tty else 10):
            return
        self.last = now
        self.stream.write(("\r" + line) if self.tty else f"progress: {line}\n")
        self.stream.flush()
        self.wrote_line = True


class Progress(_Ticker):
    """`heraldo code`: records, events and errors so far; a summary at the end (stderr)."""

    def __init__(self, stream: TextIO = sys.stderr):
        super().__init__(stream)
        self.n = self.events = self.errors = 0

    def update(self, out_line: str) -> None:
        self.n += 1
        rec = json.loads(out_line)
        self.events += len(rec.get("events") or [])
        self.errors += rec.get("error") is not None
        self.show(f"{self.n} records, {self.events} events, {self.errors} errors")

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


def _ordered_window(pool: Any, items: Iterator[tuple[int, bytes, str | None]], window: int) -> Iterator[str]:
    """Results in input order with at most `window` lines in flight: memory stays bounded
    however long the input is (Pool.imap would read the whole input ahead)."""
    from collections import deque

    pending: deque[Any] = deque()
    for item in items:
        pending.append(pool.apply_async(_code_line, (item,)))
        if len(pending) >= window:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


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
                for out in _ordered_window(pool, items, window=args.workers * 16):
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


class IngestProgress(_Ticker):
    """`heraldo ingest`: articles stored, skipped and failed so far (silent for `heraldo run`)."""

    def __init__(self, stream: TextIO = sys.stderr, quiet: bool = False):
        super().__init__(stream)
        self.quiet = quiet
        self.added = self.skipped = self.errors = 0

    def finish(self) -> None:
        if self.tty and self.wrote_line:  # end the progress line before the summary
            self.stream.write("\n")

    def tick(self) -> None:
        if not self.quiet:
            rate = self.added / max(time.monotonic() - self.t0, 1e-9)
            self.show(
                f"{self.added} stored, {self.skipped} already there, {self.errors} errors ({rate:.1f} articles/s)"
            )


def ingest(args: argparse.Namespace, store: Any, progress: IngestProgress) -> None:
    """Code every input not yet in the store, one transaction per article (resumable)."""
    from heraldo.store import article_key

    pipe = Pipeline(Config(max_chars=args.max_chars))
    for origin, n, rec in iter_paths(args.paths):
        if isinstance(rec, InputError):
            progress.errors += 1
            print(f"{origin}:{n}: {rec.type}: {rec.message}", file=sys.stderr)
            continue
        if isinstance(rec, dict) and args.lang and not rec.get("lang"):
            rec["lang"] = args.lang
        key = article_key(rec) if isinstance(rec, dict) else ""
        if key and store.has(key):
            progress.skipped += 1
            progress.tick()
            continue
        coded = pipe.code_safe(rec, line=n)
        if coded.error:
            progress.errors += 1
            print(f"{origin}:{n}: {coded.error['type']}: {coded.error['message']}", file=sys.stderr)
            continue
        store.add(key, coded)
        progress.added += 1
        progress.tick()
        if args.verbose:
            print(f"stored {coded.id} {key}", file=sys.stderr, flush=True)


def _open_db(db: str, read_only: bool = False) -> Any:
    from heraldo.store import open_store

    try:
        return open_store(db, read_only=read_only)
    except Exception as exc:  # a clear message, never a traceback, for a store that cannot be opened
        print(f"heraldo: cannot open the store {db}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None


def _store_label(db: str) -> str:
    from heraldo.store import is_postgres

    return db.split("@")[-1] if is_postgres(db) else os.path.abspath(db)


def cmd_ingest(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    if missing:
        print(f"heraldo {args.command}: not found: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    store = _open_db(args.db)
    if store is None:
        return 1
    progress = IngestProgress(quiet=args.command == "run")
    try:
        ingest(args, store, progress)
    except Exception as exc:  # the store failed (disk full, read-only): what was committed stays valid
        progress.finish()
        try:
            store.close()
        except Exception:  # noqa: BLE001 - closing a broken store may fail too; the message below matters
            pass
        print(f"heraldo {args.command}: the store failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("Articles committed before the failure are complete; rerun to resume.", file=sys.stderr)
        return 1
    events = store.events(limit=args.show) if args.command == "run" else []
    counts = store.counts()
    store.close()
    if args.command == "run":
        print_events(events)
    progress.finish()
    print(f"{progress.added} articles coded, {progress.skipped} already in the store, {progress.errors} errors.")
    print(
        f"Store: {_store_label(args.db)} — {counts['articles']} articles, {counts['events']} events "
        f"({counts['merged_events']} after merging reports of the same event), {counts['mentions']} actor mentions, "
        f"{counts['places']} places, {counts['quotes']} quotes."
    )
    if args.command == "run":
        print(
            "Next:\n"
            f"  .venv/bin/heraldo serve --db {args.db}      # dashboard and API on http://127.0.0.1:8000\n"
            f"  .venv/bin/heraldo query --db {args.db} --dyad PRK,RUS\n"
            f"  .venv/bin/heraldo export --db {args.db} --format gdelt --output events.tsv\n"
            "  .venv/bin/heraldo code --input my.jsonl --output coded.jsonl   # the JSON-lines contract"
        )
    return EXIT_SOME_ERRORS if progress.errors else EXIT_OK


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    from heraldo.store import FILTERS

    return {k: getattr(args, k) for k in FILTERS if getattr(args, k, None) not in (None, "")}


def _add_filters(p: argparse.ArgumentParser) -> None:
    from heraldo.store import FILTERS

    g = p.add_argument_group("filters")
    for key, help_text in FILTERS.items():
        if key != "article":
            g.add_argument(f"--{key}", default=None, help=help_text)


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """The file to write, or stdout for None or "-" (left open)."""
    if path in (None, "-"):
        yield sys.stdout
        return
    with open(str(path), "w", encoding="utf-8", newline="") as fh:
        yield fh


def _reading(args: argparse.Namespace, body: Callable[[Any], int]) -> int:
    """Run a command that reads the store: opened read-only, closed after; a bad filter is a
    usage error (exit 2) with its message, never a traceback."""
    store = _open_db(args.db, read_only=True)
    if store is None:
        return 1
    try:
        return body(store)
    except ValueError as exc:
        print(f"heraldo {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        store.close()


def cmd_query(args: argparse.Namespace) -> int:
    from heraldo.store import export

    def body(store: Any) -> int:
        filters = _filters(args)
        if args.format == "table":
            rows = store.events(limit=args.limit or 1_000_000, filters=filters)
            print_events(rows)
            print(f"{len(rows)} of {store.count_events(filters)} matching events.")
            return EXIT_OK
        rows_iter = store.iter_events(filters, limit=args.limit or None)
        if args.format == "parquet":
            if not args.output or args.output == "-":
                print("heraldo query: --format parquet needs --output FILE", file=sys.stderr)
                return EXIT_USAGE
            n = export.write_parquet(rows_iter, args.output)
        else:
            with _output(args.output) as out:
                n = (export.write_csv if args.format == "csv" else export.write_jsonl)(rows_iter, out)
        print(f"{n} events written.", file=sys.stderr)
        return EXIT_OK

    return _reading(args, body)


def cmd_timeline(args: argparse.Namespace) -> int:
    def body(store: Any) -> int:
        series = store.timeline(_filters(args), by=args.by)
        if args.format == "json":
            print(json.dumps(series, indent=1))
        elif args.format == "csv":
            from heraldo.store.export import write_csv

            write_csv(series, sys.stdout)
        else:
            print(
                f"{'period':<12}{'events':>7}{'verb.coop':>10}{'mat.coop':>9}{'verb.conf':>10}{'mat.conf':>9}"
                f"{'goldstein':>10}"
            )
            for p in series:
                print(
                    f"{p['period']:<12}{p['events']:>7}{p['q1']:>10}{p['q2']:>9}{p['q3']:>10}{p['q4']:>9}"
                    f"{p['goldstein']:>10.1f}"
                )
        return EXIT_OK

    return _reading(args, body)


def cmd_export(args: argparse.Namespace) -> int:
    from heraldo.store import export

    def body(store: Any) -> int:
        filters = _filters(args)
        if args.format == "parquet":
            rows = store.iter_merged(filters) if args.merged else store.iter_events(filters)
            n = export.write_parquet(rows, args.output)
        else:
            with _output(args.output) as out:
                if args.format == "gdelt":
                    n = export.write_gdelt(store.iter_merged(filters), out, header=args.header)
                else:
                    n = export.write_jsonl((export.polecat_record(m) for m in store.iter_merged(filters)), out)
        what = "merged events" if args.format in ("gdelt", "polecat") or args.merged else "events"
        print(f"{n} {what} written ({args.format}).", file=sys.stderr)
        return EXIT_OK

    return _reading(args, body)


def cmd_batch(args: argparse.Namespace) -> int:
    from heraldo.engines import MIN_SPLIT, input_files, make_splits

    try:
        files = input_files(args.inputs)  # folders walked once
        total = sum(f.stat().st_size for f in files)
        # at least ~8 splits per worker, so that no worker is left alone with the last big split
        split_bytes = max(MIN_SPLIT, min(int(args.split_mb * 1_000_000), total // (8 * max(1, args.workers)) + 1))
        splits = make_splits([str(f) for f in files], split_bytes=split_bytes)
    except FileNotFoundError as exc:
        print(f"heraldo batch: not found: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out = Path(args.output)
    if out.exists() and any(out.iterdir()) and not args.overwrite:
        print(f"heraldo batch: {out} is not empty (use --overwrite)", file=sys.stderr)
        return EXIT_USAGE
    config = Config(max_chars=args.max_chars, time_limit=args.time_limit)
    t0 = time.monotonic()
    if args.engine == "dask":
        from heraldo.engines.dask_engine import run_dask

        rows = run_dask(splits, out, config, scheduler=args.scheduler, workers=args.workers)
    elif args.engine == "spark":
        from heraldo.engines.spark_engine import run_spark

        rows = run_spark(splits, out, config, master=args.master, workers=args.workers)
    else:
        from heraldo.engines import run_local

        rows = run_local(splits, out, config, workers=args.workers)
    print(
        f"heraldo batch ({args.engine}): {len(splits)} splits, {rows} rows in {time.monotonic() - t0:.1f} s -> {out}",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from heraldo.server import serve

    token = os.environ.get("HERALDO_TOKEN") or None
    return serve(db=args.db, host=args.host, port=args.port, token=token, cors=args.cors or [], max_body=args.max_body)


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
        print(f"{e.kb_id}  {e.name}  ({e.type}, from {e.source})")
        for r in e.roles:
            print(f"    {r.country}{r.sector or ''}  {r.title}  {r.start or '…'} – {r.end or 'now'}")
        if e.type == "country" and e.country in kb.cameo_countries():
            print(
                f"    CAMEO code: {kb.cameo_countries()[e.country]} "
                f"(heraldo writes ISO {e.country}; the GDELT export writes CAMEO)"
            )
        if e.roles and (e.country or e.sector):
            print(f"    out of office: {(e.country or '---') + (e.sector or '')}")
        print(f"    code on {on or 'today'}: {code}")
    return 0


def cmd_kb_import(args: argparse.Namespace) -> int:
    from datetime import date

    from heraldo.kb import tabari

    paths = [Path(f) for f in args.files]
    for f in paths:
        if not f.is_file():
            print(f"heraldo: no such dictionary: {f}", file=sys.stderr)
            return EXIT_USAGE
    warnings: list[str] = []
    out = Path(args.output)
    if args.agents:
        if not args.lang:
            print("heraldo: --agents needs --lang (the language of the nouns: es or en)", file=sys.stderr)
            return EXIT_USAGE
        pairs: dict[str, str] = {}
        for f in paths:
            with open(f, encoding="utf-8", errors="replace") as fh:
                for noun, sector in tabari.read_agents(fh):
                    pairs.setdefault(noun, sector)
        with out.open("w", encoding="utf-8") as fh:
            fh.write(f"# heraldo imported agents lang={args.lang} from: {', '.join(f.name for f in paths)}\n")
            fh.write("# noun\tsector\n")
            for noun, sector in pairs.items():
                fh.write(f"{noun}\t{sector}\n")
        print(f"{len(pairs)} agent nouns -> {out}", file=sys.stderr)
        return EXIT_OK
    types = frozenset(args.types.split(",")) if args.types else None
    until = date.fromisoformat(args.until) if args.until else None
    actors = tabari.import_actors(paths, types, warnings, until)
    n = tabari.write_actor_tsv(tabari.actor_rows(actors, args.prefix), out, [f.name for f in paths])
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"{n} actors -> {out} (use it with --kb {out} or HERALDO_KB={out})", file=sys.stderr)
    return EXIT_OK


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
    if args.task == "geo":
        from heraldo.evaluate.geo import (
            format_event_location_report,
            format_geo_report,
            run_event_location_eval,
            run_geo_eval,
        )

        try:
            if "<Sentence" in Path(args.gold).read_text(encoding="utf-8", errors="replace")[:20000]:
                greport = run_event_location_eval(args.gold, errors_path=args.errors)
            else:
                greport = run_geo_eval(args.gold, errors_path=args.errors)
        except (ValueError, OSError) as exc:
            print(f"heraldo eval: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if greport.get("task") == "event_locations":
            print(json.dumps(greport, indent=2) if args.json else format_event_location_report(greport))
            values = {"RECALL": greport["recall"], "PRECISION": greport["precision"], "COUNTRY": greport["country"]}
        else:
            print(json.dumps(greport, indent=2) if args.json else format_geo_report(greport))
            values = {
                "TOPONYMS": greport["toponyms"]["f1"],
                "COUNTRY": greport["matched"]["country"],
                "WITHIN": greport["matched"]["within_161km"],
            }
        low = [f for f in args.min_f1 or [] if values[f.partition("=")[0].upper()] < float(f.partition("=")[2])]
        if low:
            print("accuracy below floor: " + "; ".join(low), file=sys.stderr)
            return 1
        return EXIT_OK
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
    coders = [c]
    c.add_argument("--input", required=True, help="input JSON lines file, or - for stdin")
    c.add_argument("--output", required=True, help="output JSON lines file, or - for stdout")
    c.add_argument("--lang", default="auto", choices=["es", "en", "auto"])
    c.add_argument("--workers", type=int, default=1)
    c.add_argument("--max-chars", type=int, default=Config().max_chars)
    c.add_argument("--time-limit", type=float, default=Config().time_limit, help="seconds per article (0 = none)")
    c.set_defaults(func=cmd_code)
    for name, help_text in (
        ("run", "code files or folders into the store and print the events"),
        ("ingest", "code files or folders into the store (resumable, progress on stderr)"),
    ):
        r = sub.add_parser(name, help=help_text)
        r.add_argument("paths", nargs="+", help=".jsonl, .txt, .html files or folders")
        r.add_argument("--db", default="heraldo.duckdb", help="DuckDB file or postgresql:// URL")
        r.add_argument("--lang", default=None, choices=["es", "en"])
        r.add_argument("--show", type=int, default=100, help="how many events to print (run)")
        r.add_argument("--max-chars", type=int, default=Config().max_chars)
        r.add_argument("--verbose", action="store_true", help="print a line on stderr for each stored article")
        r.set_defaults(func=cmd_ingest)
        coders.append(r)
    q = sub.add_parser("query", help="events from the store, filtered, as a table, CSV, JSON lines or Parquet")
    q.add_argument("--db", default="heraldo.duckdb", help="DuckDB file or postgresql:// URL")
    q.add_argument("--format", default="table", choices=["table", "csv", "json", "parquet"])
    q.add_argument("--output", default=None, help="file (default stdout; required for parquet)")
    q.add_argument("--limit", type=int, default=0, help="at most this many events (0 = all)")
    _add_filters(q)
    q.set_defaults(func=cmd_query)
    t = sub.add_parser("timeline", help="merged events per period and quad class, with summed Goldstein scores")
    t.add_argument("--db", default="heraldo.duckdb", help="DuckDB file or postgresql:// URL")
    t.add_argument("--by", default="month", choices=["day", "week", "month", "year"])
    t.add_argument("--format", default="table", choices=["table", "csv", "json"])
    _add_filters(t)
    t.set_defaults(func=cmd_timeline)
    x = sub.add_parser("export", help="GDELT 2.0 event table, POLECAT-style JSON lines, or Parquet")
    x.add_argument("--db", default="heraldo.duckdb", help="DuckDB file or postgresql:// URL")
    x.add_argument("--format", required=True, choices=["gdelt", "polecat", "parquet"])
    x.add_argument("--output", required=True, help="file, or - for stdout (not for parquet)")
    x.add_argument("--header", action="store_true", help="gdelt: write the column names first")
    x.add_argument("--merged", action="store_true", help="parquet: one row per merged event instead of per report")
    _add_filters(x)
    x.set_defaults(func=cmd_export)
    b = sub.add_parser(
        "batch", help="code JSON-lines/Parquet inputs into a Parquet directory, locally or on Dask/Spark"
    )
    b.add_argument("inputs", nargs="+", help=".jsonl or .parquet files, or folders of them")
    b.add_argument("--output", required=True, help="output directory (one Parquet file per split)")
    b.add_argument("--engine", default="local", choices=["local", "dask", "spark"])
    b.add_argument("--workers", type=int, default=2, help="local processes, LocalCluster workers or local[N]")
    b.add_argument("--scheduler", default=None, help="dask: address of an existing scheduler (tcp://host:8786)")
    b.add_argument("--master", default=None, help="spark: master URL (default local[--workers])")
    b.add_argument(
        "--split-mb",
        type=float,
        default=4.0,
        help="largest JSON-lines split in MB (smaller when needed for 8 splits per worker)",
    )
    b.add_argument("--overwrite", action="store_true", help="write into a non-empty output directory")
    b.add_argument("--max-chars", type=int, default=Config().max_chars)
    b.add_argument("--time-limit", type=float, default=Config().time_limit, help="seconds per article (0 = none)")
    b.set_defaults(func=cmd_batch)
    v = sub.add_parser("serve", help="the REST API and the dashboard")
    v.add_argument("--db", default="heraldo.duckdb", help="DuckDB file or postgresql:// URL")
    v.add_argument("--host", default="127.0.0.1", help="interface to bind (default loopback only)")
    v.add_argument("--port", type=int, default=8000)
    v.add_argument("--cors", action="append", metavar="ORIGIN", help="allow this origin (CORS is off by default)")
    v.add_argument("--max-body", type=int, default=2_000_000, help="largest request body in bytes")
    v.set_defaults(func=cmd_serve)
    e = sub.add_parser("eval", help="score heraldo against a gold file")
    e.add_argument("--gold", required=True, help="UniversalPetrarch/PETRARCH XML or PLOVER gold JSON")
    e.add_argument("--lang", default=None, choices=["es", "en"])
    e.add_argument(
        "--task",
        default="events",
        choices=["events", "quotes", "geo"],
        help="quotes: --gold is a PolNeAR split; geo: LGL or GeoWebNews XML",
    )
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.add_argument("--errors", default=None, help="where to write misses and false events (JSON lines)")
    e.add_argument(
        "--min-f1",
        action="append",
        metavar="LEVEL=F1",
        help="exit 1 if below, e.g. ROOT=0.5 (quotes: CONTENT=, CONTENT_SPEAKER=; geo: TOPONYMS=, COUNTRY=, WITHIN=; "
        "geo on Spanish event gold: RECALL=, PRECISION=, COUNTRY=)",
    )
    e.add_argument("--min-plover", type=float, default=None, help="exit 1 if PLOVER accuracy is below")
    e.set_defaults(func=cmd_eval)
    k = sub.add_parser("kb", help="the knowledge base")
    ksub = k.add_subparsers(dest="kb_command", required=True)
    ks = ksub.add_parser("show", help="show entries for a name and the code they get on a date")
    ks.add_argument("name")
    ks.add_argument("--date", default=None, help="YYYY-MM-DD")
    ks.set_defaults(func=cmd_kb_show)
    ki = ksub.add_parser(
        "import",
        help="convert TABARI/PETRARCH actor (or --agents) dictionaries into heraldo's knowledge-base format",
    )
    ki.add_argument("files", nargs="+", metavar="DICTIONARY")
    ki.add_argument("-o", "--output", required=True, help="the heraldo file to write (.tsv)")
    ki.add_argument("--types", default=None, help="keep only these types, e.g. person,group (default: all)")
    ki.add_argument("--prefix", default="imported", help="prefix of the kb_id of every entry (default: imported)")
    ki.add_argument("--agents", action="store_true", help="the files are agent dictionaries (noun -> sector)")
    ki.add_argument(
        "--until",
        default=None,
        metavar="YYYY-MM-DD",
        help="end open-ended dated roles on this day (stale dictionaries)",
    )
    ki.add_argument("--lang", choices=["es", "en"], default=None, help="language of an agent dictionary")
    ki.set_defaults(func=cmd_kb_import)
    for parser in (*coders, b, v, e, ks):
        parser.add_argument(
            "--kb",
            action="append",
            metavar="FILE",
            help="also use this imported knowledge-base file (heraldo kb import); repeatable; default: $HERALDO_KB",
        )
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "kb", None):
        for f in args.kb:
            if not Path(f).is_file():
                print(f"heraldo: no such knowledge-base file: {f}", file=sys.stderr)
                return EXIT_USAGE
        # The environment reaches every process that codes: worker pools, the server's coder.
        os.environ["HERALDO_KB"] = os.pathsep.join(str(Path(f).resolve()) for f in args.kb)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `heraldo export ... | head`: the reader left; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
