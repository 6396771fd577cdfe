"""Benchmark: SHACL on one source graph, historygraph's compiled validator vs pyshacl.

``python benchmarks/bench_shacl.py`` (or ``make bench``). The seed graph's
source graph (the committed ``graphs/black-january/graph.trig``), together with
the ontology's class hierarchy, is validated against ``ontology/``'s shapes by
both engines, as ``historygraph.validate`` does for each source graph of a
build: ``validate_graph`` (pyshacl) and the shapes compiled once by
``historygraph.shacl`` (the compile time is printed apart). Each engine runs
once cold, then ``--runs`` times; the medians and their ratio are printed and
written to ``benchmarks/results/shacl.json``. Both must report the same
results (checked). There is no target: the figure backs the README's claim.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from pathlib import Path

from rdflib import Dataset

from historygraph.ontology import load_ontology
from historygraph.shacl import compile_shapes
from historygraph.validate import Violation, schema_triples, shapes_graph, validate_graph

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "benchmarks"
RESULTS_PATH = BENCH_DIR / "results" / "shacl.json"
SEED_TRIG = ROOT / "graphs" / "black-january" / "graph.trig"


def _median_seconds(run: object, runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def main(argv: list[str] | None = None) -> None:
    """Measure both engines on the seed's source graph; print and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="timed runs per engine")
    args = parser.parse_args(argv)

    ontology = load_ontology([ROOT / "ontology"])
    dataset = Dataset()
    dataset.parse(SEED_TRIG, format="trig")
    (graph,) = [g for g in dataset.graphs() if "/source/" in str(g.identifier)]
    triples = list(graph)
    shapes = shapes_graph(ontology)
    schema = schema_triples(ontology)

    t0 = time.perf_counter()
    compiled = compile_shapes(shapes)
    compile_s = time.perf_counter() - t0
    assert compiled is not None, "the project's shapes need pyshacl"

    def reference() -> list[Violation]:
        return validate_graph(graph, shapes, schema)

    def fast() -> list[object]:
        return compiled.validate(itertools.chain(triples, schema))  # type: ignore[arg-type]

    assert reference() == [] and fast() == [], "the seed graph should conform in both engines"
    py_median, py_runs = _median_seconds(reference, args.runs)
    fast_median, fast_runs = _median_seconds(fast, args.runs)
    ratio = py_median / fast_median
    print("== SHACL on one source graph: historygraph.shacl vs pyshacl ==")
    print(f"graph: the seed's source graph, {len(triples):,} triples (+ {len(schema)} schema)")
    print(f"pyshacl (validate_graph): median {py_median * 1000:.1f} ms over {args.runs} runs")
    print(
        f"historygraph.shacl: median {fast_median * 1000:.2f} ms over {args.runs} runs "
        f"(shapes compiled once in {compile_s * 1000:.1f} ms)"
    )
    print(f"ratio: pyshacl / historygraph.shacl = {ratio:.1f}x")
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": "shacl",
        "triples": len(triples),
        "schema_triples": len(schema),
        "runs": args.runs,
        "pyshacl_s": {"median": py_median, "runs": py_runs},
        "fast_s": {"median": fast_median, "runs": fast_runs, "compile": compile_s},
        "ratio": ratio,
    }
    RESULTS_PATH.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
