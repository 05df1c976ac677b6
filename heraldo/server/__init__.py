"""`heraldo serve`: REST API and dashboard over a store (docs/api.md)."""

from __future__ import annotations

import sys


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    cors: list[str] | None = None,
    max_body: int = 2_000_000,
) -> int:
    import uvicorn

    from heraldo.server.app import create_app
    from heraldo.store import open_store

    try:
        store = open_store(db)
    except Exception as exc:
        print(f"heraldo serve: cannot open the store {db}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    app = create_app(store, token=token, cors=cors, max_body=max_body)
    app.state.coder.warm()  # the coding process loads its models while the server starts
    where = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    print(f"heraldo: dashboard on {where}  API docs on {where}docs", file=sys.stderr)
    print(
        "heraldo: ingest " + ("enabled (bearer token from HERALDO_TOKEN)" if token else "disabled (set HERALDO_TOKEN)"),
        file=sys.stderr,
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"heraldo: listening on {host}: reachable from other machines", file=sys.stderr)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
    finally:
        store.close()
    return 0
