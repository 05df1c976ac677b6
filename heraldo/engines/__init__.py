"""`heraldo batch`: the same per-article function on one machine, on Dask or on Spark.

The input (JSON-lines or Parquet files) is cut into *splits*: byte ranges of a JSON-lines file
that start and end on line boundaries, or row groups of a Parquet file. Each split is coded by
`code_split`, which calls `Pipeline.code_safe` on every record (the function every other entry
point uses) and returns flat rows: one per event, and one for an article with no event or with an
error, so every input record is in the output. Split `i` is written to `part-{i:05d}.parquet`
through a temporary file and a rename, so a retried split replaces its file and never duplicates
rows. Output is a directory of Parquet files, read with `pyarrow.dataset`, DuckDB
(`'out/*.parquet'`), pandas or Polars.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from heraldo.errors import InputError
from heraldo.inputs import parse_line
from heraldo.pipeline import Config, Pipeline
from heraldo.store.sql import article_key

SPLIT_BYTES = 4_000_000  # a JSON-lines split is about this many bytes
MIN_SPLIT = 1_000  # `heraldo batch` never cuts splits smaller than this
FAULT_ENV = "HERALDO_FAULT_SPLIT"  # tests only: "INDEX:MARKER" kills the worker coding split INDEX once

# The output columns and their Arrow types, the same for every engine.
COLUMNS: list[tuple[str, str]] = [
    ("line", "int64"),
    ("source_file", "string"),
    ("id", "string"),
    ("article_key", "string"),
    ("lang", "string"),
    ("article_date", "string"),
    ("error_type", "string"),
    ("error_message", "string"),
    ("n_events", "int64"),
    ("event_index", "int64"),
    ("cameo", "string"),
    ("cameo_root", "string"),
    ("plover", "string"),
    ("quad_class", "int64"),
    ("goldstein", "double"),
    ("source_code", "string"),
    ("target_code", "string"),
    ("date", "string"),
    ("place_name", "string"),
    ("place_country", "string"),
    ("lat", "double"),
    ("lon", "double"),
    ("status", "string"),
    ("hedged", "bool"),
    ("sentence", "string"),
    ("trigger", "string"),
    ("event", "string"),
]


@dataclass(frozen=True)
class Split:
    index: int
    path: str
    kind: str  # jsonl | parquet
    start: int  # byte offset (jsonl) or row group (parquet)
    end: int  # byte offset (jsonl) or row group + 1 (parquet)
    first_line: int  # 1-based line (or row) number of the split's first record


def input_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.suffix in (".jsonl", ".parquet") and f.is_file())
        elif p.is_file():
            out.append(p)
        else:
            raise FileNotFoundError(str(p))
    return out


def make_splits(paths: list[str], split_bytes: int = SPLIT_BYTES) -> list[Split]:
    """Cut inputs into splits on line (or row-group) boundaries, streaming: nothing is parsed."""
    splits: list[Split] = []
    for f in input_files(paths):
        if f.suffix == ".parquet":
            import pyarrow.parquet as pq

            meta = pq.ParquetFile(f).metadata
            first = 1
            for rg in range(meta.num_row_groups):
                splits.append(Split(len(splits), str(f), "parquet", rg, rg + 1, first))
                first += meta.row_group(rg).num_rows
            continue
        start = pos = 0
        line = first = 1
        with open(f, "rb") as fh:
            for raw in fh:
                pos += len(raw)
                line += 1
                if pos - start >= split_bytes:
                    splits.append(Split(len(splits), str(f), "jsonl", start, pos, first))
                    start, first = pos, line
        if pos > start:
            splits.append(Split(len(splits), str(f), "jsonl", start, pos, first))
    return splits


def read_split(split: Split) -> Iterator[tuple[int, Any]]:
    """(line number, record or InputError) for every record of a split."""
    if split.kind == "parquet":
        import pyarrow.parquet as pq

        table = pq.ParquetFile(split.path).read_row_group(split.start)
        for i, rec in enumerate(table.to_pylist()):
            yield split.first_line + i, {k: v for k, v in rec.items() if v is not None}
        return
    with open(split.path, "rb") as fh:
        fh.seek(split.start)
        data = fh.read(split.end - split.start)
    for i, raw in enumerate(data.splitlines()):
        try:
            yield split.first_line + i, parse_line(raw)
        except InputError as exc:
            yield split.first_line + i, exc


def rows_for(coded: Any, line: int, source_file: str, key: str | None) -> list[dict[str, Any]]:
    base: dict[str, Any] = dict.fromkeys(c for c, _ in COLUMNS)
    base.update(
        line=line,
        source_file=source_file,
        id=coded.id,
        article_key=key,
        lang=coded.lang,
        article_date=coded.date,
        error_type=coded.error["type"] if coded.error else None,
        error_message=coded.error["message"] if coded.error else None,
        n_events=len(coded.events),
    )
    if not coded.events:
        return [base]
    rows = []
    for i, e in enumerate(coded.events):
        row = dict(base)
        row.update(
            event_index=i,
            cameo=e.cameo,
            cameo_root=e.cameo_root,
            plover=e.plover,
            quad_class=e.quad_class,
            goldstein=e.goldstein,
            source_code=e.source.code,
            target_code=e.target.code if e.target else None,
            date=e.date,
            place_name=e.location.name if e.location else None,
            place_country=e.location.country if e.location else None,
            lat=e.location.lat if e.location else None,
            lon=e.location.lon if e.location else None,
            status=e.status,
            hedged=bool(e.attribution and e.attribution.hedged),
            sentence=e.evidence.sentence,
            trigger=e.evidence.trigger.text,
            event=json.dumps(e.to_json(), ensure_ascii=False),
        )
        rows.append(row)
    return rows


def code_split(split: Split, pipe: Pipeline) -> list[dict[str, Any]]:
    """Every output row of one split (the one function all engines run)."""
    _maybe_fail(split)
    from heraldo.model import CodedArticle

    rows: list[dict[str, Any]] = []
    for line, rec in read_split(split):
        if isinstance(rec, InputError):
            coded = CodedArticle(id=None, lang=None, title=None, date=None, error=rec.to_json(), line=line)
            rows += rows_for(coded, line, split.path, None)
            continue
        coded = pipe.code_safe(rec, line=line)
        rows += rows_for(coded, line, split.path, article_key(rec) if isinstance(rec, dict) else None)
    return rows


def _maybe_fail(split: Split) -> None:
    """Fault injection for the engine tests: kill this worker process the first time it codes
    the split named in HERALDO_FAULT_SPLIT ("INDEX:MARKER_FILE")."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    index, _, marker = spec.partition(":")
    if int(index) == split.index and not os.path.exists(marker):
        Path(marker).write_text("failed once\n")
        os._exit(17)


def arrow_schema() -> Any:
    import pyarrow as pa

    types = {"int64": pa.int64(), "string": pa.string(), "double": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c, types[t]) for c, t in COLUMNS])


def write_part(rows: list[dict[str, Any]], out_dir: str | Path, index: int) -> str:
    """Write split `index` as out_dir/part-INDEX.parquet, atomically (temporary file + rename)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    final = out / f"part-{index:05d}.parquet"
    tmp = out / f".part-{index:05d}.{os.getpid()}.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), tmp)
    os.replace(tmp, final)
    return str(final)


def code_and_write(split: Split, pipe: Pipeline, out_dir: str | Path) -> int:
    """Code one split and write its part file; the unit of work of every engine but Spark
    (which hands the rows to its own writer). Returns the number of rows."""
    rows = code_split(split, pipe)
    write_part(rows, out_dir, split.index)
    return len(rows)


def read_output(out_dir: str | Path) -> list[dict[str, Any]]:
    """All rows of a batch output directory, in input order (file, line, event)."""
    import pyarrow.parquet as pq

    files = sorted(Path(out_dir).glob("*.parquet"))
    rows: list[dict[str, Any]] = []
    for f in files:
        rows += pq.read_table(f, schema=arrow_schema()).to_pylist()
    rows.sort(key=lambda r: (r["source_file"], r["line"], -1 if r["event_index"] is None else r["event_index"]))
    return rows


def run_local(splits: list[Split], out_dir: str | Path, config: Config | None = None, workers: int = 1) -> int:
    """The reference engine: splits coded in this process (or a process pool), in order."""
    if workers <= 1:
        pipe = Pipeline(config or Config())
        return sum(code_and_write(s, pipe, out_dir) for s in splits)
    from multiprocessing import get_context

    with get_context("spawn").Pool(workers, initializer=_init_local, initargs=(config or Config(),)) as pool:
        return sum(pool.imap_unordered(_local_task, [(s, str(out_dir)) for s in splits]))


_LOCAL: Pipeline | None = None


def _init_local(config: Config) -> None:
    global _LOCAL
    _LOCAL = Pipeline(config)


def _local_task(item: tuple[Split, str]) -> int:
    split, out_dir = item
    assert _LOCAL is not None
    return code_and_write(split, _LOCAL, out_dir)
