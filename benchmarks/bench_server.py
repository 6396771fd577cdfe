"""Benchmark: ``historygraph serve`` under a bounded load on loopback.

A real server (``python -m historygraph serve``, default workers) serves a
temporary copy of ``graphs/black-january`` on a free 127.0.0.1 port. N client
threads (default 20), each with its own keep-alive connection, send the graph's
canned queries round-robin (POST, form-encoded, Accept SPARQL JSON) for a fixed
time, and the benchmark reports throughput, p50/p99/max latency (overall and per
query) and failed requests. The target is **zero failed requests**: every
answer must be HTTP 200 with a JSON body.

For scale, the same queries are first timed in this process (rdflib, one
thread, no HTTP): ``capacity`` = workers / mean in-process time is what the
workers could answer if HTTP, queueing and serialisation cost nothing, and
``efficiency`` = throughput / capacity. With 20 clients and a few workers,
latency is mostly time spent waiting for a free worker (a closed loop: each
client sends its next query as soon as it has an answer).

Run through ``make bench`` (``benchmarks/run.py``: 10 s, or
``HISTORYGRAPH_BENCH_SERVER_SECONDS``) or directly, e.g.
``.venv/bin/python benchmarks/bench_server.py --duration 30 --clients 20``.
Results are printed and written to ``benchmarks/results/server.json``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
SEED_GRAPH = ROOT / "graphs" / "black-january"
ONTOLOGY_DIR = ROOT / "ontology"
RESULTS_PATH = BENCH_DIR / "results" / "server.json"
DEFAULT_SECONDS = 10.0
DEFAULT_CLIENTS = 20


@dataclass
class ClientLog:
    """What one client thread saw."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


@dataclass
class Report:
    """The load test's outcome."""

    clients: int
    workers: int | None
    seconds: float
    requests: int
    failed: int
    throughput_rps: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    per_query_p50_ms: dict[str, float]
    in_process_ms: dict[str, float]
    capacity_rps: float
    efficiency: float
    failures_sample: list[str]
    machine: str
    cpus: int | None
    verdict: str


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``, nearest-rank.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 0.5)
    2.0
    """
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, int(-(-q * len(ordered) // 1)))
    return ordered[min(rank, len(ordered)) - 1]


def canned(graph_dir: Path) -> list[tuple[str, str]]:
    """The graph's canned queries (its own and the built-in ones) as (name, text)."""
    from historygraph.config import load_config
    from historygraph.query import canned_queries

    return [
        (c.name, c.path.read_text(encoding="utf-8")) for c in canned_queries(load_config(graph_dir))
    ]


def in_process_ms(
    graph_dir: Path, queries: list[tuple[str, str]], repeats: int = 3
) -> dict[str, float]:
    """Median in-process time of each query (checked, run, serialised as JSON), in ms."""
    from historygraph.config import load_config
    from historygraph.query import format_result, open_dataset, run_query

    dataset = open_dataset(load_config(graph_dir))
    times: dict[str, list[float]] = {name: [] for name, _ in queries}
    for _ in range(repeats + 1):  # the first round warms caches and is dropped
        for name, text in queries:
            started = time.perf_counter()
            format_result(run_query(dataset, text, name), "json")
            times[name].append(time.perf_counter() - started)
    return {name: round(statistics.median(v[1:]) * 1000, 2) for name, v in times.items()}


def server_workers(url: str) -> int:
    """How many query workers the server runs (from /health)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", "/health")
        return int(json.loads(conn.getresponse().read())["of"])
    finally:
        conn.close()


def start_server(graph_dir: Path, workers: int | None) -> tuple[subprocess.Popen[str], str]:
    """Start the real CLI's server on a free port; return it and its base URL."""
    extra = ["--workers", str(workers)] if workers else []
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "historygraph",
            "serve",
            str(graph_dir),
            "--port",
            "0",
            "-q",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    match = re.search(r"at (http://[^/ ]+)/", line)
    if match is None:
        process.kill()
        raise RuntimeError(f"historygraph serve did not start: {line!r}")
    return process, match.group(1)


def client(
    url: str, queries: list[tuple[str, str]], offset: int, until: float, log: ClientLog
) -> None:
    """Send queries round-robin until ``until`` (monotonic), recording each latency."""
    parts = urlsplit(url)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json",
    }
    bodies = [(name, urlencode({"query": text}).encode()) for name, text in queries]
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    i = offset
    while time.monotonic() < until:
        name, body = bodies[i % len(bodies)]
        i += 1
        started = time.perf_counter()
        try:
            conn.request("POST", "/sparql", body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            elapsed = time.perf_counter() - started
            if response.status != 200:
                log.failures.append(f"{name}: HTTP {response.status}: {data[:120]!r}")
                continue
            json.loads(data)
        except (OSError, http.client.HTTPException, ValueError) as e:
            log.failures.append(f"{name}: {type(e).__name__}: {e}")
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            continue
        log.latencies.setdefault(name, []).append(elapsed)
    conn.close()


def run(seconds: float, clients: int, workers: int | None, only: Sequence[str] = ()) -> Report:
    """Serve a scratch copy of the seed graph and load it for ``seconds``.

    ``only`` names the canned queries to send (default: all of them).
    """
    with tempfile.TemporaryDirectory(prefix="hg-bench-server-") as tmp:
        root = Path(tmp)
        shutil.copytree(ONTOLOGY_DIR, root / "ontology")
        graph_dir = root / "graphs" / SEED_GRAPH.name
        shutil.copytree(SEED_GRAPH, graph_dir)
        if not (graph_dir / "graph.trig").is_file():
            raise RuntimeError(f"{SEED_GRAPH}: no graph.trig; run 'make graphs' first")
        queries = [(n, t) for n, t in canned(graph_dir) if not only or n in only]
        if not queries:
            raise RuntimeError(f"no canned query named {', '.join(only)}")
        baseline = in_process_ms(graph_dir, queries)
        process, url = start_server(graph_dir, workers)
        try:
            workers = server_workers(url)
            logs = [ClientLog() for _ in range(clients)]
            until = time.monotonic() + seconds
            started = time.monotonic()
            threads = [
                threading.Thread(target=client, args=(url, queries, i, until, logs[i]))
                for i in range(clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
        finally:
            process.terminate()
            process.wait(15)
    per_query: dict[str, list[float]] = {}
    for log in logs:
        for name, values in log.latencies.items():
            per_query.setdefault(name, []).extend(values)
    everything = [v for values in per_query.values() for v in values]
    failures = [f for log in logs for f in log.failures]
    requests = len(everything) + len(failures)
    throughput = len(everything) / elapsed
    capacity = (workers or 1) / (statistics.mean(baseline.values()) / 1000)
    return Report(
        clients=clients,
        workers=workers,
        seconds=round(elapsed, 2),
        requests=requests,
        failed=len(failures),
        throughput_rps=round(throughput, 1),
        p50_ms=round(percentile(everything, 0.50) * 1000, 1),
        p99_ms=round(percentile(everything, 0.99) * 1000, 1),
        max_ms=round(max(everything, default=float("nan")) * 1000, 1),
        per_query_p50_ms={
            name: round(statistics.median(values) * 1000, 1)
            for name, values in sorted(per_query.items())
        },
        in_process_ms=baseline,
        capacity_rps=round(capacity, 1),
        efficiency=round(throughput / capacity, 2),
        failures_sample=failures[:5],
        machine=platform.platform(),
        cpus=os.cpu_count(),
        verdict="PASS" if not failures and everything else "MISS",
    )


def print_report(report: Report) -> None:
    """The report as a small table."""
    print(
        f"load test: {report.clients} clients for {report.seconds} s, "
        f"{report.workers} server workers, {report.cpus} CPUs"
    )
    print(f"{'requests':>10} {'failed':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    print(
        f"{report.requests:>10} {report.failed:>7} {report.throughput_rps:>8} "
        f"{report.p50_ms:>8} {report.p99_ms:>8} {report.max_ms:>8}"
    )
    print(
        f"capacity (workers / mean in-process time): {report.capacity_rps} req/s; "
        f"efficiency {report.efficiency}"
    )
    print(f"  {'canned query':20} {'p50 ms':>8} {'in-process ms':>14}")
    for name, ms in report.per_query_p50_ms.items():
        print(f"  {name:20} {ms:>8} {report.in_process_ms.get(name, float('nan')):>14}")
    for failure in report.failures_sample:
        print(f"  failed: {failure}")
    print(f"target: zero failed requests: {report.verdict}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the load test; ``argv`` None (as from ``run.py``) takes the defaults."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = float(os.environ.get("HISTORYGRAPH_BENCH_SERVER_SECONDS", DEFAULT_SECONDS))
    parser.add_argument("--duration", type=float, default=default, help="seconds of load")
    parser.add_argument("--clients", type=int, default=DEFAULT_CLIENTS, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=None, help="server query workers")
    parser.add_argument(
        "--queries", default="", help="comma-separated canned query names (default: all)"
    )
    args = parser.parse_args([] if argv is None else list(argv))
    only = [name for name in args.queries.split(",") if name]
    report = run(args.duration, args.clients, args.workers, only)
    print_report(report)
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(json.dumps(asdict(report), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
