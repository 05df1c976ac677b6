"""`heraldo batch --engine dask`: splits as tasks on a dask.distributed cluster.

The pipeline is loaded once per worker by a `WorkerPlugin`; each task codes one split with the
same `code_split` as the local engine and writes its own part file (idempotent on retry). With
no scheduler address a `LocalCluster` is started on this machine; with `--scheduler
tcp://host:8786` the tasks go to an existing cluster whose workers have heraldo installed and can
read the input paths and write the output directory (a shared filesystem); see docs/scale.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from heraldo.engines import Split, code_and_write
from heraldo.pipeline import Config, Pipeline

PLUGIN_NAME = "heraldo-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Loads heraldo's pipeline once per Dask worker (a distributed WorkerPlugin)."""

    name = PLUGIN_NAME

    def __init__(self, config: Config):
        self.config = config

    def setup(self, worker: Any) -> None:
        worker.heraldo_pipeline = Pipeline(self.config)
        worker.heraldo_pipeline.stages("es")  # load models and gazetteers before the first task

    def teardown(self, worker: Any) -> None:
        worker.heraldo_pipeline = None


def _task(split: Split, out_dir: str) -> int:
    from distributed import get_worker

    pipe = getattr(get_worker(), "heraldo_pipeline", None)
    if pipe is None:  # a worker that joined after the plugin was registered
        pipe = Pipeline()
        setattr(get_worker(), "heraldo_pipeline", pipe)  # noqa: B010
    return code_and_write(split, pipe, out_dir)


def run_dask(
    splits: list[Split],
    out_dir: str | Path,
    config: Config | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    retries: int = 3,
) -> int:
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        client.register_plugin(PipelinePlugin(config or Config()), name=PLUGIN_NAME)
        futures = client.map(_task, splits, out_dir=str(out_dir), retries=retries, pure=False)
        return sum(client.gather(futures))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
