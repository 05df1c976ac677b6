"""PostgreSQL backend (for teams): the same schema, migrations and queries as DuckDB.

Open it with a libpq URL: `heraldo run examples --db postgresql://user@127.0.0.1:5432/heraldo`.
Several writers may ingest at once: each article is one transaction, its key is the primary
key, and merges are serialised with a transaction-scoped advisory lock.
"""

from __future__ import annotations

from typing import Any

from heraldo.store.sql import SQLStore

MERGE_LOCK = 7_283_901  # pg_advisory_xact_lock key taken by every ingest transaction


class PgStore(SQLStore):
    backend = "postgresql"
    placeholder = "%s"

    def __init__(self, url: str):
        import psycopg

        super().__init__()
        self.path = url
        self.con = psycopg.connect(url, autocommit=True)
        self.migrate()

    def _execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        return self.con.execute(self._sql(sql), list(params) if params else None)

    def _begin(self) -> None:
        self._execute("BEGIN")

    def _lock_merges(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(?)", [MERGE_LOCK])

    def close(self) -> None:
        with self._lock:
            self.con.close()
