"""The event store. `open_store(path)` returns the DuckDB backend (the default); a PostgreSQL
backend will implement the same `Store` interface (see docs/architecture.md).
"""

from heraldo.store.duck import DuckStore, Store, article_key, open_store

__all__ = ["DuckStore", "Store", "article_key", "open_store"]
