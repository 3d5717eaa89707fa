"""A closed-loop HTTP load generator: N client processes against one URL, for a fixed time.

    .venv/bin/python bench/load.py --port 8123 --path /cases/ --concurrency 8 --duration 10

With several ``--path``, each client takes them in turn, starting at a different one. Each
client is its own process (so the generator's GIL does not cap the rate) with one
``http.client`` connection, kept alive when the server allows it (gunicorn's sync workers close
it after every response, and http.client then reconnects). Every client sends requests back to
back: first for ``--warmup`` seconds, not recorded, then, from the same instant in every client,
for ``--duration`` seconds (and at least ``--min-requests`` each); a request started before the
end is waited for. Each response body is read to the end. It prints one JSON object: requests,
errors, status counts, requests per second, latency percentiles in milliseconds, bytes, and the
values of the ``X-SQL-Queries`` header seen. Standard library only; used by bench/pages.py.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import statistics
import time
from collections import Counter

HEADER = "X-SQL-Queries"


def _one(conn: http.client.HTTPConnection, path: str) -> tuple[float, int, int, str | None, str]:
    """One GET: (seconds, status or 0, body bytes, X-SQL-Queries, error)."""
    started = time.perf_counter()
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = conn.getresponse()
        size = 0
        while chunk := response.read(65536):
            size += len(chunk)
        result = (response.status, size, response.getheader(HEADER), "")
    except (OSError, http.client.HTTPException) as exc:
        conn.close()
        result = (0, 0, None, f"{type(exc).__name__}: {exc}")
    return (time.perf_counter() - started, *result)


def _client(job: dict) -> dict:
    """One client: the paths in turn (from its own starting point), back to back."""
    conn = http.client.HTTPConnection(job["host"], job["port"], timeout=job["timeout"])
    paths = job["paths"]
    turn = job["index"]

    def next_path() -> str:
        nonlocal turn
        turn += 1
        return paths[(turn - 1) % len(paths)]

    warm = 0
    while time.time() < job["start_at"]:
        _one(conn, next_path())
        warm += 1
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    queries: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    errors: list[str] = []
    size = 0
    first = time.time()
    while time.time() < job["stop_at"] or len(latencies) < job["min_requests"]:
        path = next_path()
        took, status, body, header, error = _one(conn, path)
        latencies.append(took)
        statuses[status] += 1
        if status != 200:
            failed[f"{status} {path}"] += 1
        size += body
        if header is not None:
            queries[header] += 1
        if error and len(errors) < 5:
            errors.append(error)
    conn.close()
    return {
        "latencies": latencies,
        "statuses": dict(statuses),
        "queries": dict(queries),
        "errors": errors,
        "failed": dict(failed),
        "bytes": size,
        "warm_up_requests": warm,
        "first": first,
        "last": time.time(),
    }


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Linear interpolation between closest ranks (the 'inclusive' method)."""
    if not sorted_values:
        return float("nan")
    if len(sorted_values) == 1:
        return sorted_values[0]
    position = fraction * (len(sorted_values) - 1)
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def run(
    *,
    host: str,
    port: int,
    path: str | list[str],
    concurrency: int,
    warmup: float,
    duration: float,
    min_requests: int = 1,
    timeout: float = 120.0,
) -> dict:
    start_at = time.time() + warmup + 0.2  # the processes need a moment to start
    paths = [path] if isinstance(path, str) else list(path)
    job = {
        "host": host,
        "port": port,
        "paths": paths,
        "timeout": timeout,
        "start_at": start_at,
        "stop_at": start_at + duration,
        "min_requests": min_requests,
    }
    with multiprocessing.get_context("fork").Pool(concurrency) as pool:
        parts = pool.map(_client, [job | {"index": n} for n in range(concurrency)])
    latencies = sorted(t for part in parts for t in part["latencies"])
    statuses: Counter[int] = Counter()
    queries: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    for part in parts:
        statuses.update({int(k): v for k, v in part["statuses"].items()})
        queries.update(part["queries"])
        failed.update(part["failed"])
    elapsed = max(p["last"] for p in parts) - min(p["first"] for p in parts)
    requests = len(latencies)
    errors = sum(n for status, n in statuses.items() if status != 200)
    ms = 1000.0
    return {
        "path": paths[0] if len(paths) == 1 else paths,
        "concurrency": concurrency,
        "duration_s": round(elapsed, 3),
        "requests": requests,
        "warm_up_requests": sum(p["warm_up_requests"] for p in parts),
        "errors": errors,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "error_samples": [e for p in parts for e in p["errors"]][:5],
        "failed_by_path": dict(failed.most_common(10)),
        "rps": round(requests / elapsed, 2) if elapsed > 0 else 0.0,
        "p50_ms": round(percentile(latencies, 0.50) * ms, 1),
        "p95_ms": round(percentile(latencies, 0.95) * ms, 1),
        "p99_ms": round(percentile(latencies, 0.99) * ms, 1),
        "max_ms": round(latencies[-1] * ms, 1) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies) * ms, 1) if latencies else None,
        "bytes_per_response": round(sum(p["bytes"] for p in parts) / max(1, requests)),
        "sql_queries": dict(sorted(queries.items(), key=lambda kv: int(kv[0]))),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument(
        "--path", required=True, action="append", help="again for more: taken in turn"
    )
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds, not recorded")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds recorded")
    parser.add_argument("--min-requests", type=int, default=1, help="per client")
    parser.add_argument("--timeout", type=float, default=120.0, help="per request, seconds")
    args = parser.parse_args()
    print(json.dumps(run(**vars(args) | {"min_requests": args.min_requests})))


if __name__ == "__main__":
    main()
