"""Benchmark: the query stores on a generated graph of about 1,000,000 triples.

Three backends, each measured in its own subprocess (so that its peak memory
is its own), on the same generated ``graph.trig``:

* ``rdflib``: historygraph's memory store: ``graph.trig`` parsed into an rdflib
  Dataset (plus the ontology's schema), queried with ``KnowledgeGraph.query``;
* ``historygraph-oxigraph``: the on-disk Oxigraph store as ``historygraph
  build`` loads it (:func:`historygraph.store.load_store`), then, in a second
  process, opened read-only and queried with ``KnowledgeGraph.query`` (rows as
  dicts of rdflib terms: checking, parsing gate, conversion all included);
* ``pyoxigraph``: bare pyoxigraph: ``Store(path).bulk_load(graph.trig)`` and
  ``optimize()``, then,
  in a second process, ``Store.read_only(path).query(q,
  use_default_graph_as_union=True)`` with every row's terms read; and the
  same asked as ``SELECT DISTINCT`` (``bare-d``). The union repeats a
  solution once per named graph that states its triples (entities are
  re-described in each source), so on the join with ``LIMIT 100`` bare's 100
  rows can be a few distinct ones; the table shows rows and distinct rows
  for every backend and, for the shapes without ``LIMIT``, whether each
  backend's distinct rows are hg's;
* ``engine``: pyoxigraph alone on historygraph's own store (the merged
  default graph), no checks, no conversion: historygraph's own overhead.

The graph imitates real output: events of nine classes with a label, a date
(``xsd:date``, ``gYearMonth`` or ``gYear``), a place, agents, evidence nodes
(document, start, end, quote) and figures, in one named graph per source
document, entities re-described in each source that mentions them (as the
builder does), plus a reference graph of places and agents. It is generated
deterministically (a fixed seed); the size is an argument.

Query shapes (those of the canned queries): a lookup by label, a 3-way join,
a GROUP BY and a date-range FILTER. Each is run once cold, then
``--repeats`` times; the table gives the median of the repeats.

Targets (issue 5): historygraph on Oxigraph within 1.2x of bare pyoxigraph;
every shape at least 30x faster than rdflib memory; peak memory at most half
of rdflib's. Run with ``make bench`` or ``.venv/bin/python
benchmarks/bench_store.py [--size N]``; results go to ``results/store.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
ONTOLOGY_DIR = ROOT / "ontology"
RESULTS_PATH = BENCH_DIR / "results" / "store.json"

DEFAULT_SIZE = 1_000_000
SEED = 20240120
BASE = "https://w3id.org/historygraph/graphs/bench/"
HG = "https://w3id.org/historygraph/ontology#"

TARGET_VS_BARE = 1.2
TARGET_VS_RDFLIB = 30.0
TARGET_MEMORY_SHARE = 0.5

EVENT_CLASSES = (
    "Massacre",
    "Condemnation",
    "LegislativeDecision",
    "Declaration",
    "Commemoration",
    "Deportation",
    "Protest",
    "War",
    "MilitaryOperation",
)
AGENT_CLASSES = ("Person", "Organization", "MilitaryForce", "Legislature", "State", "Group")
MEASURES = ("Killed", "Wounded", "Missing", "Imprisoned")
BOUNDS = ("Exact", "AtLeast", "AtMost", "Approximate")
PLACES = 1_000
AGENTS = 3_000
SOURCES = 40

QUERIES: dict[str, str] = {
    "lookup": """
        SELECT ?event ?label ?date WHERE {
          ?place rdfs:label "Place 0042" .
          ?event hg:place ?place ; rdfs:label ?label ; hg:date ?date .
        }""",
    "join3": """
        SELECT ?event ?agent ?place ?quote WHERE {
          ?event a hg:Massacre ; hg:agent/rdfs:label ?agent ; hg:place/rdfs:label ?place ;
                 hg:evidence/hg:quote ?quote .
        } LIMIT 100""",
    "group_by": """
        SELECT ?measure (COUNT(?figure) AS ?figures) (SUM(?count) AS ?total) WHERE {
          ?figure hg:measure ?measure ; hg:count ?count .
        } GROUP BY ?measure""",
    "date_range": """
        SELECT ?event ?date WHERE {
          ?event hg:date ?date .
          FILTER (?date >= "1990-01-01"^^xsd:date && ?date < "1990-04-01"^^xsd:date)
        }""",
}


# --- the generated graph ---------------------------------------------------------------


def _date(rng: random.Random) -> str:
    year = rng.randint(1900, 2024)
    roll = rng.random()
    if roll < 0.7:
        return f'"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"^^xsd:date'
    if roll < 0.9:
        return f'"{year}-{rng.randint(1, 12):02d}"^^xsd:gYearMonth'
    return f'"{year}"^^xsd:gYear'


def generate(path: Path, size: int) -> dict[str, int]:
    """Write a TriG file of about ``size`` triples shaped like a build's output.

    Deterministic: the same ``size`` gives the same bytes.

    Returns:
        Counts: triples, events, figures, evidence nodes, named graphs.
    """
    rng = random.Random(SEED)
    agent_classes = [AGENT_CLASSES[i % len(AGENT_CLASSES)] for i in range(AGENTS)]
    lines = [
        "@prefix hg: <https://w3id.org/historygraph/ontology#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        f"@prefix b: <{BASE}> .",
        "",
        "<" + BASE + "graph/reference> {",
    ]
    triples = 0
    for i in range(PLACES):
        lines.append(f'  b:place-{i:04d} a hg:Place ; rdfs:label "Place {i:04d}" .')
        lines.append(
            f"  b:place-{i:04d} skos:exactMatch <http://www.wikidata.org/entity/Q{i + 1}> ."
        )
        triples += 3
        if i >= 50:
            lines.append(f"  b:place-{i:04d} hg:locatedIn b:place-{i % 50:04d} .")
            triples += 1
    for i, cls in enumerate(agent_classes):
        lines.append(f'  b:agent-{i:04d} a hg:{cls} ; rdfs:label "Agent {i:04d}" .')
        triples += 2
    lines.append("}")
    counts = {"events": 0, "figures": 0, "evidence": 0, "graphs": 1 + SOURCES}
    per_source: list[list[str]] = [[] for _ in range(SOURCES)]
    mentioned: list[set[str]] = [set() for _ in range(SOURCES)]
    offsets = [0] * SOURCES

    def evidence(s: int, text: str) -> str:
        nonlocal triples
        start = offsets[s]
        end = start + len(text)
        offsets[s] = end + 2
        node = f"<{BASE}source/s-{s:02d}#char={start},{end}>"
        per_source[s].append(
            f"  {node} a hg:Evidence ; hg:document b:source-{s:02d} ; "
            f'hg:start {start} ; hg:end {end} ; hg:quote "{text}" .'
        )
        triples += 5
        counts["evidence"] += 1
        return node

    def mention(s: int, entity: str, cls: str, label: str) -> None:
        nonlocal triples
        if entity in mentioned[s]:
            return
        mentioned[s].add(entity)
        ev = evidence(s, label)
        per_source[s].append(f'  b:{entity} a hg:{cls} ; rdfs:label "{label}" ; hg:evidence {ev} .')
        triples += 3

    for s in range(SOURCES):
        per_source[s].append(f'  b:source-{s:02d} a hg:Document ; rdfs:label "Source {s:02d}" .')
        triples += 2
    n = 0
    while triples < size:
        s = rng.randrange(SOURCES)
        cls = EVENT_CLASSES[rng.randrange(len(EVENT_CLASSES))]
        event = f"b:event-{n:06d}"
        place = int(PLACES * rng.random() ** 3)  # a few places and agents come up often
        agent = int(AGENTS * rng.random() ** 3)
        parts = [f"a hg:{cls}", f'rdfs:label "{cls} {n:06d}"', f"hg:date {_date(rng)}"]
        if rng.random() < 0.9:
            parts.append(f"hg:place b:place-{place:04d}")
            mention(s, f"place-{place:04d}", "Place", f"Place {place:04d}")
        if rng.random() < 0.8:
            parts.append(f"hg:agent b:agent-{agent:04d}")
            mention(s, f"agent-{agent:04d}", agent_classes[agent], f"Agent {agent:04d}")
        if rng.random() < 0.4:
            other = int(AGENTS * rng.random() ** 3)
            parts.append(f"hg:affected b:agent-{other:04d}")
            mention(s, f"agent-{other:04d}", agent_classes[other], f"Agent {other:04d}")
        for _ in range(1 + (rng.random() < 0.5)):
            parts.append(f"hg:evidence {evidence(s, f'the {cls.lower()} number {n}')}")
        if rng.random() < 0.25:
            measure = MEASURES[rng.randrange(len(MEASURES))]
            bound = BOUNDS[rng.randrange(len(BOUNDS))]
            count = rng.randint(1, 5000)
            figure = f"<{BASE}event-{n:06d}/figure/{measure.lower()}>"
            ev = evidence(s, f"{count} people were {measure.lower()}")
            per_source[s].append(
                f"  {figure} a hg:Figure ; hg:measure hg:{measure} ; hg:count {count} ; "
                f"hg:bound hg:{bound} ; hg:evidence {ev} ."
            )
            parts.append(f"hg:figure {figure}")
            triples += 5
            counts["figures"] += 1
        per_source[s].append(f"  {event} " + " ; ".join(parts) + " .")
        triples += len(parts)
        counts["events"] += 1
        n += 1
    for s in range(SOURCES):
        lines.append(f"<{BASE}source/s-{s:02d}> {{")
        lines.extend(per_source[s])
        lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts["triples"] = triples
    return counts


def make_graph_dir(target: Path, size: int) -> dict[str, int]:
    """A graph folder: ``graph.toml`` (ontology = the repository's) and a generated ``graph.trig``."""
    target.mkdir(parents=True)
    (target / "graph.toml").write_text(
        "[graph]\n"
        'name = "bench"\n'
        f'base = "{BASE}"\n'
        f"ontology = [{json.dumps(str(ONTOLOGY_DIR))}]\n"
        'store = "oxigraph"\n\n'
        "[[sources]]\n"
        'file = "sources/generated.txt"\n',
        encoding="utf-8",
    )
    return generate(target / "graph.trig", size)


# --- workers (each in its own process) ---------------------------------------------------


def _rdflib_rows(rows: Any) -> list[tuple[str, ...]]:
    """``KnowledgeGraph.query`` rows (dicts of rdflib terms) as tuples of N-Triples terms."""
    return [tuple("UNDEF" if t is None else t.n3() for t in row.values()) for row in rows]


def _peak_rss_mib() -> float:
    """This process's peak RSS in MiB.

    ``VmHWM`` of ``/proc/self/status`` where there is one: it belongs to the
    process's own memory map, made new by ``exec``. ``ru_maxrss`` is kept across
    ``exec`` on Linux, so a worker started by a large parent (``make bench`` runs
    this after the build benchmark) would report the parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _answer_digest(rows: set[tuple[str, ...]]) -> str:
    """A digest of a set of rows written as N-Triples terms (to compare answers across backends)."""
    import hashlib

    return hashlib.sha256("\n".join(sorted("\t".join(row) for row in rows)).encode()).hexdigest()


def _time_queries(run: Any, repeats: int, answer: Any, distinct: bool = False) -> dict[str, Any]:
    """Time each shape (one cold run, then ``repeats``); then, untimed, read its distinct rows.

    ``answer(text)`` gives the rows as tuples of N-Triples terms; their
    distinct count and digest show whether two backends answered the same.
    ``distinct`` asks every shape as ``SELECT DISTINCT``.
    """
    out: dict[str, Any] = {}
    for shape, query in QUERIES.items():
        text = query.replace("SELECT ", "SELECT DISTINCT ", 1) if distinct else query
        t0 = time.perf_counter()
        rows = run(text)
        cold = time.perf_counter() - t0
        warm = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            run(text)
            warm.append(time.perf_counter() - t0)
        unique = set(answer(text))
        out[shape] = {
            "rows": rows,
            "distinct_rows": len(unique),
            "answer_digest": _answer_digest(unique),
            "cold": cold,
            "median": statistics.median(warm),
            "runs": warm,
        }
    return out


def worker(kind: str, graph_dir: Path, repeats: int) -> dict[str, Any]:
    """Measure one backend phase in this process; return its numbers."""
    store_path = graph_dir / "bare-store"
    if kind == "rdflib":
        import historygraph

        t0 = time.perf_counter()
        kg = historygraph.open(graph_dir, store="memory")
        load = time.perf_counter() - t0

        def run(text: str) -> int:
            return len(kg.query(text))  # type: ignore[arg-type]

        def answer(text: str) -> list[tuple[str, ...]]:
            return _rdflib_rows(kg.query(text))

        queries = _time_queries(run, repeats, answer)
        return {"load": load, "queries": queries, "peak_mib": _peak_rss_mib()}
    if kind == "hg-load":
        from historygraph.config import load_config
        from historygraph.store import load_store

        t0 = time.perf_counter()
        status = load_store(load_config(graph_dir))
        return {
            "load": time.perf_counter() - t0,
            "quads": status.quads,
            "peak_mib": _peak_rss_mib(),
        }
    if kind == "hg-query":
        import historygraph

        t0 = time.perf_counter()
        kg = historygraph.open(graph_dir, store="oxigraph", refresh=False)
        kg.query("ASK { ?s ?p ?o }")
        opened = time.perf_counter() - t0

        def run(text: str) -> int:
            return len(kg.query(text))  # type: ignore[arg-type]

        def answer(text: str) -> list[tuple[str, ...]]:
            return _rdflib_rows(kg.query(text))

        queries = _time_queries(run, repeats, answer)
        return {"open": opened, "queries": queries, "peak_mib": _peak_rss_mib()}
    import pyoxigraph as ox

    if kind == "bare-load":
        t0 = time.perf_counter()
        store = ox.Store(str(store_path))
        store.bulk_load(path=str(graph_dir / "graph.trig"), format=ox.RdfFormat.TRIG)
        store.optimize()  # as historygraph does: compacted runs answer faster
        store.flush()
        quads = len(store)
        return {"load": time.perf_counter() - t0, "quads": quads, "peak_mib": _peak_rss_mib()}
    if kind in {"bare-query", "bare-distinct", "engine-query"}:
        from historygraph.namespaces import PREFIXES

        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        # engine-query: historygraph's store, its merged default graph
        union = kind != "engine-query"
        path = store_path if union else graph_dir / "store" / "oxigraph"
        t0 = time.perf_counter()
        store = ox.Store.read_only(str(path))
        opened = time.perf_counter() - t0

        def run(text: str) -> int:
            answer = store.query(text, prefixes=prefixes, use_default_graph_as_union=union)
            return len([list(solution) for solution in answer])

        def answer(text: str) -> list[tuple[str, ...]]:
            solutions = store.query(text, prefixes=prefixes, use_default_graph_as_union=union)
            return [
                tuple("UNDEF" if term is None else str(term) for term in solution)
                for solution in solutions
            ]

        queries = _time_queries(run, repeats, answer, distinct=kind == "bare-distinct")
        return {"open": opened, "queries": queries, "peak_mib": _peak_rss_mib()}
    raise ValueError(f"unknown worker {kind!r}")


def run_worker(kind: str, graph_dir: Path, repeats: int) -> dict[str, Any]:
    """Run :func:`worker` in a fresh Python process and return its JSON answer."""
    done = subprocess.run(
        [
            *(sys.executable, str(Path(__file__).resolve())),
            *("--worker", kind, str(graph_dir), "--repeats", str(repeats)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"worker {kind} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# --- report ----------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    """PASS or MISS."""
    return "PASS" if ok else "MISS"


def summarise(results: dict[str, Any]) -> dict[str, Any]:
    """Ratios against the targets, per shape, and the memory comparison."""
    rd, hg = results["rdflib"], results["hg-query"]
    bare, engine = results["bare-query"], results["engine-query"]
    bare_d = results["bare-distinct"]
    named = (
        ("rdflib", rd),
        ("hg", hg),
        ("bare", bare),
        ("bare_distinct", bare_d),
        ("engine", engine),
    )
    shapes = {}
    for shape, text in QUERIES.items():
        r, h, b, d, e = (x["queries"][shape]["median"] for x in (rd, hg, bare, bare_d, engine))
        answers = {name: x["queries"][shape] for name, x in named}
        digest = answers["hg"]["answer_digest"]
        shapes[shape] = {
            "rdflib_s": r,
            "hg_oxigraph_s": h,
            "bare_pyoxigraph_s": b,
            "bare_distinct_s": d,
            "engine_only_s": e,
            "hg_vs_bare": h / b,
            "hg_vs_bare_distinct": h / d,
            "hg_vs_engine": h / e,
            "rdflib_vs_hg": r / h,
            "rows": {name: a["rows"] for name, a in answers.items()},
            "distinct_rows": {name: a["distinct_rows"] for name, a in answers.items()},
            # with LIMIT and no ORDER BY, each engine may pick other rows: not compared
            "same_answer_as_hg": None
            if "LIMIT" in text
            else {name: a["answer_digest"] == digest for name, a in answers.items()},
            "vs_bare": verdict(h / b <= TARGET_VS_BARE),
            "vs_bare_distinct": verdict(h / d <= TARGET_VS_BARE),
            "vs_engine": verdict(h / e <= TARGET_VS_BARE),
            "vs_rdflib": verdict(r / h >= TARGET_VS_RDFLIB),
        }
    hg_peak = max(results["hg-load"]["peak_mib"], hg["peak_mib"])
    return {
        "shapes": shapes,
        "memory": {
            "rdflib_peak_mib": rd["peak_mib"],
            "hg_peak_mib": hg_peak,
            "hg_load_peak_mib": results["hg-load"]["peak_mib"],
            "hg_query_peak_mib": hg["peak_mib"],
            "bare_load_peak_mib": results["bare-load"]["peak_mib"],
            "bare_query_peak_mib": bare["peak_mib"],
            "share": hg_peak / rd["peak_mib"],
            "verdict": verdict(hg_peak <= TARGET_MEMORY_SHARE * rd["peak_mib"]),
        },
        "load": {
            "rdflib_s": rd["load"],
            "hg_oxigraph_s": results["hg-load"]["load"],
            "bare_pyoxigraph_s": results["bare-load"]["load"],
        },
    }


def print_report(counts: dict[str, int], results: dict[str, Any], summary: dict[str, Any]) -> None:
    """The tables."""
    print(
        f"graph: {counts['triples']:,} triples ({counts['events']:,} events, {counts['figures']:,} "
        f"figures, {counts['evidence']:,} evidence nodes) in {counts['graphs']} named graphs; "
        f"graph.trig {counts['trig_bytes'] / 1e6:.0f} MB, generated in {counts['generate_s']:.1f} s"
    )
    load = summary["load"]
    print(
        f"load: rdflib {load['rdflib_s']:.1f} s (parse graph.trig + ontology); historygraph on "
        f"Oxigraph {load['hg_oxigraph_s']:.1f} s (bulk_load of graph.trig in 8 MB pieces and of "
        f"the merged default-graph copy + schema + optimize; {results['hg-load']['quads']:,} quads "
        "read); "
        "bare pyoxigraph "
        f"{load['bare_pyoxigraph_s']:.1f} s (bulk_load + optimize, {results['bare-load']['quads']:,} quads)"
    )
    print(
        f"open read-only: historygraph {results['hg-query']['open'] * 1000:.0f} ms (stale check + "
        f"first query), bare {results['bare-query']['open'] * 1000:.0f} ms"
    )
    print(
        "columns: rdflib = historygraph memory store; hg = historygraph on Oxigraph "
        "(KnowledgeGraph.query, rows of rdflib terms); bare = pyoxigraph, own bulk_load, "
        "use_default_graph_as_union=True; bare-d = the same asked SELECT DISTINCT; "
        "engine = pyoxigraph alone on historygraph's store (merged default graph), no checks, "
        "no conversion"
    )
    print(
        "rows: rows returned (distinct rows), per rdflib/hg/bare/bare-d/engine. The union of "
        "the named graphs repeats a solution once per graph that states its triples, so bare's "
        "rows can be copies of one another where hg (and rdflib) answer over the merge of the "
        "graphs; bare-d removes the copies, and also merges rows that only project alike"
    )
    print()
    header = (
        f"{'shape':<11} {'rdflib':>10} {'hg':>10} {'bare':>10} {'bare-d':>10} {'engine':>10} "
        f"{'hg/bare':>8} {'hg/bare-d':>9} {'hg/engine':>9} {'rdflib/hg':>9}  rows (distinct)"
    )
    print(header)
    print("-" * len(header))
    for shape, s in summary["shapes"].items():
        rows = "/".join(f"{s['rows'][name]}({s['distinct_rows'][name]})" for name in s["rows"])
        print(
            f"{shape:<11} {s['rdflib_s'] * 1000:>8.1f}ms {s['hg_oxigraph_s'] * 1000:>8.2f}ms "
            f"{s['bare_pyoxigraph_s'] * 1000:>8.2f}ms {s['bare_distinct_s'] * 1000:>8.2f}ms "
            f"{s['engine_only_s'] * 1000:>8.2f}ms "
            f"{s['hg_vs_bare']:>7.2f}x {s['hg_vs_bare_distinct']:>8.2f}x {s['hg_vs_engine']:>8.2f}x "
            f"{s['rdflib_vs_hg']:>8.0f}x  {rows}"
        )
    print()
    for shape, s in summary["shapes"].items():
        print(
            f"{shape:<11} hg <= 1.2x bare pyoxigraph: {s['vs_bare']} ({s['hg_vs_bare']:.2f}x); "
            f"the same, bare asked SELECT DISTINCT: {s['vs_bare_distinct']} "
            f"({s['hg_vs_bare_distinct']:.2f}x); "
            f"hg >= 30x faster than rdflib: {s['vs_rdflib']} ({s['rdflib_vs_hg']:.0f}x); "
            f"hg <= 1.2x engine alone: {s['vs_engine']} ({s['hg_vs_engine']:.2f}x)"
        )
    for shape, s in summary["shapes"].items():
        same = s["same_answer_as_hg"]
        if same is None:
            text = "not compared (LIMIT without ORDER BY: any rows may be picked)"
        else:
            text = ", ".join(f"{name} {'yes' if ok else 'NO'}" for name, ok in same.items())
        print(f"{shape:<11} same distinct rows as hg: {text}")
    cold = ", ".join(
        f"{shape} {results['hg-query']['queries'][shape]['cold'] * 1000:.0f} ms"
        for shape in QUERIES
    )
    print(f"historygraph first (cold) run, including the rdflib parse of the query: {cold}")
    m = summary["memory"]
    print(
        f"peak RSS: rdflib {m['rdflib_peak_mib']:.0f} MiB; historygraph on Oxigraph "
        f"{m['hg_peak_mib']:.0f} MiB (load {m['hg_load_peak_mib']:.0f}, query "
        f"{m['hg_query_peak_mib']:.0f}) = {m['share']:.0%} of rdflib, target <= 50%: {m['verdict']}; "
        f"bare pyoxigraph load {m['bare_load_peak_mib']:.0f} / query {m['bare_query_peak_mib']:.0f} MiB"
    )


def main(argv: list[str] | None = None) -> None:
    """Generate the graph, measure every backend in its own process, print and save."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size", type=int, default=DEFAULT_SIZE, help="triples (default 1,000,000)"
    )
    parser.add_argument(
        "--repeats", type=int, default=5, help="timed runs per shape after a cold one"
    )
    parser.add_argument("--rdflib-repeats", type=int, default=3, help="the same for rdflib (slow)")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, directory = args.worker
        print(json.dumps(worker(kind, Path(directory), args.repeats)))
        return
    print("== store benchmark: rdflib memory vs historygraph on Oxigraph vs bare pyoxigraph ==")
    print(
        f"machine: nproc {os.cpu_count()}, {platform.processor() or platform.machine()}; Python {platform.python_version()}"
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hg-bench-store-") as tmp:
        graph_dir = Path(tmp) / "bench"
        t0 = time.perf_counter()
        counts = make_graph_dir(graph_dir, args.size)
        counts["generate_s"] = time.perf_counter() - t0
        counts["trig_bytes"] = (graph_dir / "graph.trig").stat().st_size
        results: dict[str, Any] = {}
        for kind, repeats in (
            ("bare-load", 0),
            ("hg-load", 0),
            ("bare-query", args.repeats),
            ("bare-distinct", args.repeats),
            ("engine-query", args.repeats),
            ("hg-query", args.repeats),
            ("rdflib", args.rdflib_repeats),
        ):
            print(f"  running {kind} ...", flush=True)
            results[kind] = run_worker(kind, graph_dir, repeats)
    summary = summarise(results)
    print()
    print_report(counts, results, summary)
    total = time.perf_counter() - started
    print(f"benchmark wall time: {total:.0f} s")
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(
        json.dumps(
            {
                "size": args.size,
                "counts": counts,
                "results": results,
                "summary": summary,
                "wall_seconds": total,
                "queries": QUERIES,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {RESULTS_PATH}")


if __name__ == "__main__":
    main()
