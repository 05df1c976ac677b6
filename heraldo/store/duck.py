"""DuckDB backend: one embedded file, one writer process (the default store)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from heraldo.store.sql import SQLStore


class DuckStore(SQLStore):
    backend = "duckdb"

    def __init__(self, path: str | Path, read_only: bool = False):
        import duckdb

        super().__init__()
        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.migrate()

    def _execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        return self.con.execute(sql, list(params))

    def close(self) -> None:
        with self._lock:
            self.con.close()
