"""`heraldo batch --engine spark`: splits as rows of a Spark DataFrame, coded with `mapInPandas`.

Each Spark task receives its splits as pandas frames, loads the pipeline once per Python worker
process (module-level cache; Spark reuses Python workers), codes them with the same `code_split`
as every engine, and yields several output rows per article. Spark writes the result with its
own commit protocol, so a failed and retried task never leaves duplicate rows. With no master
given, `local[N]` runs on this machine; `--master spark://host:7077` (or `yarn`) sends it to a
cluster whose executors have heraldo installed (docs/scale.md). Needs Java 17.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from heraldo.engines import COLUMNS, Split, code_split
from heraldo.pipeline import Config, Pipeline

_PIPE: Pipeline | None = None
SPARK_TYPES = {"int64": "long", "string": "string", "double": "double", "bool": "boolean"}


def spark_schema() -> str:
    return ", ".join(f"{c} {SPARK_TYPES[t]}" for c, t in COLUMNS)


def _code_frames(frames: Iterator[Any], config: Config) -> Iterator[Any]:
    import pandas as pd

    global _PIPE
    if _PIPE is None:
        _PIPE = Pipeline(config)
    columns = [c for c, _ in COLUMNS]
    for frame in frames:
        for rec in frame.to_dict("records"):
            split = Split(
                int(rec["index"]), rec["path"], rec["kind"], int(rec["start"]), int(rec["end"]), int(rec["first_line"])
            )
            rows = code_split(split, _PIPE)
            out = pd.DataFrame(rows, columns=columns)
            for c, t in COLUMNS:
                if t == "int64":
                    out[c] = out[c].astype("Int64")
            yield out


def run_spark(
    splits: list[Split],
    out_dir: str | Path,
    config: Config | None = None,
    master: str | None = None,
    workers: int = 2,
) -> int:
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors run this environment's Python
    os.environ.setdefault("PYARROW_IGNORE_TIMEZONE", "1")
    from pyspark.sql import SparkSession

    cfg = config or Config()
    spark = (
        SparkSession.builder.master(master or f"local[{workers},4]")  # local[N,F]: F attempts per task
        .appName("heraldo")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.task.maxFailures", "4")  # on a cluster
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        rows = [(s.index, s.path, s.kind, s.start, s.end, s.first_line) for s in splits]
        df = spark.createDataFrame(rows, "index long, path string, kind string, start long, end long, first_line long")
        df = df.repartition(max(1, len(splits)), "index")
        coded = df.mapInPandas(lambda frames: _code_frames(frames, cfg), schema=spark_schema())
        coded.write.mode("overwrite").parquet(str(out_dir))
        return int(spark.read.parquet(str(out_dir)).count())
    finally:
        spark.stop()
