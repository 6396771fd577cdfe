"""Benchmark: RDFS (and OWL 2 RL subset) materialisation on a 100,000-triple graph.

The graph is generated, shaped like real output: synthetic documents with the
per-document make-up of the Black January build (about 11 events of the nine
event classes, 12 agents and places, 5 figures and 59 evidence spans, some 470
asserted triples a document), each document with its own entities, emitted by
the real :class:`historygraph.emit.Emitter` (``historygraph.build.to_dataset``)
until the graph holds at least 100,000 asserted triples. No spaCy is involved.

Measured in one process, ``REPEATS`` times each, medians reported:

* ``emit``: ``to_dataset`` (annotations to RDF, cross-document event identity);
* ``serialise``: the canonical TriG writer on the asserted graph;
* ``infer rdfs``: :func:`historygraph.inference.add_inferred_graph`'s work with
  the ``rdfs`` profile (compile the ontology's axioms, forward-chain, add the
  ``<base>graph/inferred`` named graph);
* ``infer owlrl``: the same with the OWL 2 RL subset;
* ``serialise + inferred``: the TriG writer on the graph with the inferred graph.

The target: RDFS materialisation under 10 s. The ratio reported is
``infer rdfs / (emit + serialise)``: what inference adds to the build's
RDF part (extraction with spaCy, validation and the view are not counted).

Run through ``make bench`` (``benchmarks/run.py``) or directly with
``.venv/bin/python benchmarks/bench_inference.py``. Results are printed and
written to ``benchmarks/results/inference.json``.
"""

from __future__ import annotations

import gc
import json
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import Dataset
from rdflib.namespace import XSD

from historygraph.build import to_dataset
from historygraph.config import GraphConfig, SourceConfig
from historygraph.document import Document, Entity, EventRecord, FigureRecord, Mention, Span
from historygraph.document import TimeExpression as Time
from historygraph.inference import compile_rules, data_triples, infer, inferred_graph_iri
from historygraph.namespaces import HG
from historygraph.ontology import Ontology, load_ontology
from historygraph.trig import serialize_trig

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
ONTOLOGY_DIR = ROOT / "ontology"
RESULTS_PATH = BENCH_DIR / "results" / "inference.json"
BASE = "https://example.org/bench/"

TARGET_TRIPLES = 100_000
TARGET_SECONDS = 10.0
REPEATS = 3
#: Per-document make-up, as in the seed graph's build.
EVENT_CLASSES = (
    HG.Massacre,
    HG.Condemnation,
    HG.LegislativeDecision,
    HG.Declaration,
    HG.Commemoration,
    HG.Deportation,
    HG.Protest,
    HG.War,
    HG.MilitaryOperation,
)
AGENT_CLASSES = (HG.Person, HG.Organization, HG.MilitaryForce, HG.Legislature, HG.Group, HG.State)
EVENTS, AGENTS, PLACES, FIGURES, MENTIONS = 11, 6, 6, 5, 43


def synthetic_document(d: int) -> Document:
    """Document ``d``: sentences of text, entities, mentions, events and figures."""
    sentences: list[str] = []

    def sentence(words: str) -> Span:
        start = sum(len(s) + 1 for s in sentences)
        sentences.append(f"In document {d}, {words}.")
        return Span(start, start + len(sentences[-1]))

    entities = {}
    for i in range(AGENTS + PLACES):
        cls = AGENT_CLASSES[i % len(AGENT_CLASSES)] if i < AGENTS else HG.Place
        key = f"e{i}"
        entities[key] = Entity(key=key, cls=cls, label=f"Entity {d}-{i}")
    keys = list(entities)
    mentions = [
        Mention(sentence(f"entity {i} is named"), keys[i % len(keys)], "ner")
        for i in range(MENTIONS)
    ]
    events = []
    for i in range(EVENTS):
        span = sentence(f"event {i} happened")
        day = f"19{50 + d % 50:02d}-{1 + i % 12:02d}-{1 + d % 28:02d}"
        events.append(
            EventRecord(
                id=i,
                cls=EVENT_CLASSES[i % len(EVENT_CLASSES)],
                evidence=[span],
                triggers=[span],
                date=Time(span, "date", day, XSD.date, True, False, None),
                place=keys[AGENTS + i % PLACES],
                agents=[keys[i % AGENTS]],
                affected=[keys[(i + 1) % AGENTS]] if i % 3 == 0 else [],
                relations=[(HG.respondsTo, i - 1)] if i % 4 == 1 else [],
            )
        )
    figures = [
        FigureRecord(i % EVENTS, HG.Killed, 10 * (i + 1), HG.Exact, sentence(f"{i} were killed"))
        for i in range(FIGURES)
    ]
    text = " ".join(sentences)
    doc = Document(id=f"doc-{d}", path=Path(f"doc-{d:04d}.txt"), text=text, title=f"Doc {d}")
    doc.entities, doc.mentions, doc.events, doc.figures = entities, mentions, events, figures
    return doc


def make_corpus(directory: Path, documents: int) -> tuple[GraphConfig, list[Document]]:
    """A graph configuration and ``documents`` synthetic documents."""
    sources = tuple(
        SourceConfig(file=f"sources/doc-{d:04d}.txt", title=f"Document {d}")
        for d in range(documents)
    )
    config = GraphConfig(
        directory=directory,
        name="bench-inference",
        title="inference benchmark",
        base=BASE,
        model="none",
        ontology_dirs=(ONTOLOGY_DIR,),
        sources=sources,
    )
    return config, [synthetic_document(d) for d in range(documents)]


def asserted_count(dataset: Dataset) -> int:
    """Number of quads in the dataset."""
    return sum(1 for _ in dataset.quads((None, None, None, None)))


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds and result of ``action()``, after a garbage collection."""
    gc.collect()
    t0 = time.perf_counter()
    result = action()
    return time.perf_counter() - t0, result


def materialise_into(dataset: Dataset, ontology: Ontology, profile: str) -> int:
    """What the build step does: compile, infer, add ``<base>graph/inferred``; triples added."""
    rules = compile_rules(ontology.graph, profile)
    triples = infer(data_triples(dataset), rules)
    target = dataset.graph(inferred_graph_iri(BASE))
    target.addN((s, p, o, target) for s, p, o in triples)
    return len(triples)


def run_once(config: GraphConfig, ontology: Ontology, docs: list[Document]) -> dict[str, Any]:
    """One measurement of every step on a fresh dataset."""
    emit, dataset = timed(lambda: to_dataset(config, ontology, docs))
    triples = asserted_count(dataset)
    serialise, text = timed(lambda: serialize_trig(dataset))
    rdfs, added = timed(lambda: materialise_into(dataset, ontology, "rdfs"))
    with_inferred, text_inferred = timed(lambda: serialize_trig(dataset))
    dataset.remove_graph(dataset.graph(inferred_graph_iri(BASE)))  # back to the asserted graph
    owlrl, added_owl = timed(lambda: materialise_into(dataset, ontology, "owlrl"))
    return {
        "asserted_triples": triples,
        "inferred_triples_rdfs": added,
        "inferred_triples_owlrl": added_owl,
        "trig_bytes": len(text.encode()),
        "trig_bytes_with_inferred": len(text_inferred.encode()),
        "seconds": {
            "emit": emit,
            "serialise": serialise,
            "infer rdfs": rdfs,
            "infer owlrl": owlrl,
            "serialise + inferred": with_inferred,
        },
    }


def main() -> None:
    """Measure, print the table and write ``results/inference.json``."""
    ontology = load_ontology([ONTOLOGY_DIR])
    with tempfile.TemporaryDirectory(prefix="hg-bench-inference-") as tmp:
        probe_config, probe = make_corpus(Path(tmp), 1)
        per_doc = asserted_count(to_dataset(probe_config, ontology, probe))
        documents = -(-TARGET_TRIPLES // max(per_doc - 10, 1))
        config, docs = make_corpus(Path(tmp), documents)
        runs = []
        for i in range(REPEATS):
            runs.append(run_once(config, ontology, docs))
            s = runs[-1]["seconds"]
            print(
                f"  run {i + 1}/{REPEATS}: emit {s['emit']:.2f} s, serialise {s['serialise']:.2f} s, "
                f"rdfs {s['infer rdfs']:.2f} s, owlrl {s['infer owlrl']:.2f} s",
                flush=True,
            )
    steps = list(runs[0]["seconds"])
    median = {k: statistics.median(r["seconds"][k] for r in runs) for k in steps}
    baseline = median["emit"] + median["serialise"]
    first = runs[0]
    summary = {
        "documents": documents,
        "asserted_triples": first["asserted_triples"],
        "inferred_triples_rdfs": first["inferred_triples_rdfs"],
        "inferred_triples_owlrl": first["inferred_triples_owlrl"],
        "trig_bytes": first["trig_bytes"],
        "trig_bytes_with_inferred": first["trig_bytes_with_inferred"],
        "median_seconds": median,
        "build_without_inference_seconds": baseline,
        "build_with_rdfs_seconds": median["emit"]
        + median["infer rdfs"]
        + median["serialise + inferred"],
        "ratio_rdfs_to_build": median["infer rdfs"] / baseline,
        "ratio_owlrl_to_build": median["infer owlrl"] / baseline,
        "target_seconds": TARGET_SECONDS,
        "verdict": "PASS" if median["infer rdfs"] < TARGET_SECONDS else "MISS",
    }
    print(
        f"\n== inference: {documents} synthetic documents, {summary['asserted_triples']:,} asserted "
        f"triples; {REPEATS} runs, medians =="
    )
    print(f"{'step':<28}{'seconds':>10}{'x build':>10}")
    for step in steps:
        print(f"{step:<28}{median[step]:>10.3f}{median[step] / baseline:>10.2f}")
    print(f"{'build = emit + serialise':<28}{baseline:>10.3f}{1:>10.2f}")
    print(
        f"inferred triples: rdfs {summary['inferred_triples_rdfs']:,}, "
        f"owlrl {summary['inferred_triples_owlrl']:,}; graph.trig "
        f"{summary['trig_bytes'] / 1e6:.1f} MB -> {summary['trig_bytes_with_inferred'] / 1e6:.1f} MB "
        "with the inferred graph"
    )
    print(
        f"RDFS materialisation {median['infer rdfs']:.2f} s = {summary['ratio_rdfs_to_build']:.2f}x "
        f"the build without inference; target < {TARGET_SECONDS:.0f} s: {summary['verdict']}"
    )
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": "inference",
        "target": f"RDFS materialisation of a {TARGET_TRIPLES:,}-triple graph in under {TARGET_SECONDS:.0f} s",
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "method": {
            "graph": "synthetic documents shaped like the seed build, emitted by historygraph.build.to_dataset",
            "build": "emit (to_dataset) + serialise (serialize_trig), no spaCy, no SHACL, no view",
            "infer": "compile_rules + infer + add <base>graph/inferred (what add_inferred_graph does)",
            "median": f"statistics.median over {REPEATS} runs",
        },
        "summary": summary,
        "runs": runs,
    }
    RESULTS_PATH.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
