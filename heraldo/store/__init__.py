"""The event store: one interface (`SQLStore`), two backends.

`open_store("heraldo.duckdb")` opens (creating and migrating) an embedded DuckDB file, the
default; `open_store("postgresql://…")` a PostgreSQL database. See docs/store.md.
"""

from __future__ import annotations

from pathlib import Path

from heraldo.store.duck import DuckStore
from heraldo.store.sql import FILTERS, SCHEMA_VERSION, FilterError, SQLStore, article_key

Store = SQLStore


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def open_store(target: str | Path, read_only: bool = False) -> SQLStore:
    """A DuckDB file path or a PostgreSQL URL."""
    if is_postgres(target):
        from heraldo.store.postgres import PgStore

        return PgStore(str(target))
    return DuckStore(target, read_only=read_only)


__all__ = [
    "FILTERS",
    "SCHEMA_VERSION",
    "DuckStore",
    "FilterError",
    "SQLStore",
    "Store",
    "article_key",
    "is_postgres",
    "open_store",
]
