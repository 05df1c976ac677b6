"""Load on a running `heraldo serve`: N concurrent clients for S seconds, mixing reads, codings
and (with HERALDO_TOKEN set) ingests, from this separate process over loopback.

    HERALDO_TOKEN=... .venv/bin/python bench/load.py --url http://127.0.0.1:8000 --clients 32 --seconds 30

Prints requests, errors, throughput and p50/p99 latency per kind of request (--json for
machines). A request counts as an error when the server answers 5xx, the connection fails, or it
does not answer within --timeout seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import threading
import time
from typing import Any

import httpx

SUBJECTS = ["Rusia", "Ucrania", "Japón", "Chile", "Colombia", "Perú", "México", "Francia", "Corea del Norte"]
VERBS = ["condenó", "criticó", "apoyó", "amenazó", "atacó", "se reunió con", "felicitó a"]


def article(rng: random.Random, n: int) -> dict[str, Any]:
    a, b = rng.sample(SUBJECTS, 2)
    text = f"{a} {rng.choice(VERBS)} {b} el lunes en Lima, según fuentes oficiales. Nota {n} {rng.random():.6f}."
    return {"id": f"load-{n}", "text": text, "lang": "es", "date": "2025-03-03"}


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--code-share", type=float, default=0.08)
    ap.add_argument("--ingest-share", type=float, default=0.04)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    token = os.environ.get("HERALDO_TOKEN")
    keys = [e["event_key"] for e in httpx.get(f"{args.url}/api/events", params={"limit": 200}).json()["events"]]
    lat: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds
    counter = iter(range(10**9))

    def client(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=args.url, timeout=args.timeout) as c:
            while time.monotonic() < deadline:
                r = rng.random()
                try:
                    t0 = time.perf_counter()
                    if r < args.code_share:
                        kind = "code"
                        resp = c.post("/api/code", json=article(rng, next(counter)))
                    elif r < args.code_share + args.ingest_share and token:
                        kind = "ingest"
                        body = {"articles": [article(rng, next(counter))]}
                        resp = c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {token}"})
                    else:
                        kind, path, params = rng.choice(
                            [
                                ("events", "/api/events", {"limit": 50, "offset": rng.randrange(0, 40)}),
                                ("events", "/api/events", {"dyad": "PRK,RUS"}),
                                ("events", "/api/events", {"quad": rng.randint(1, 4), "text": "ataque"}),
                                ("event", f"/api/events/{rng.choice(keys)}", {}),
                                (
                                    "timeline",
                                    "/api/timeline",
                                    {"by": "month", "actor": rng.choice(["RUS", "PRK", "USA"])},
                                ),
                                ("network", "/api/network", {}),
                                ("locations", "/api/locations", {}),
                                ("articles", "/api/articles", {}),
                            ]
                        )
                        resp = c.get(path, params=params)
                    ok = resp.status_code < 500
                except httpx.HTTPError:
                    ok = False
                dt = time.perf_counter() - t0
                with lock:
                    lat.setdefault(kind, []).append(dt)
                    if not ok:
                        errors[kind] = errors.get(kind, 0) + 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    t_start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t_start
    every = [x for v in lat.values() for x in v]
    report = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "requests": len(every),
        "errors": sum(errors.values()),
        "requests_per_s": round(len(every) / elapsed, 1),
        "p50_ms": round(1000 * percentile(every, 50), 1),
        "p99_ms": round(1000 * percentile(every, 99), 1),
        "by_kind": {
            k: {
                "requests": len(v),
                "errors": errors.get(k, 0),
                "p50_ms": round(1000 * percentile(v, 50), 1),
                "p99_ms": round(1000 * percentile(v, 99), 1),
                "mean_ms": round(1000 * statistics.fmean(v), 1),
            }
            for k, v in sorted(lat.items())
        },
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"{report['clients']} clients, {report['seconds']} s: {report['requests']} requests "
        f"({report['requests_per_s']}/s), {report['errors']} errors, "
        f"p50 {report['p50_ms']} ms, p99 {report['p99_ms']} ms"
    )
    for k, v in report["by_kind"].items():
        print(
            f"  {k:<10} {v['requests']:>6} requests  {v['errors']} errors  "
            f"p50 {v['p50_ms']:>7} ms  p99 {v['p99_ms']:>7} ms"
        )


if __name__ == "__main__":
    main()
