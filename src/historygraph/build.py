"""``historygraph build``: sources -> pipeline -> RDF -> SHACL -> graph.trig, graph.html, report.json.

Outputs are written only after everything succeeded, each through a temporary
file and an atomic rename, so a failed build leaves the previous outputs intact.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset
from rdflib.namespace import RDF

from historygraph.config import GraphConfig, load_config
from historygraph.document import Document
from historygraph.emit import Emitter
from historygraph.errors import ValidationError
from historygraph.fsutil import atomic_write_text
from historygraph.ontology import Ontology, load_ontology
from historygraph.pipeline import Context, make_pipeline, run_pipeline
from historygraph.sources import load_document
from historygraph.trig import serialize_trig
from historygraph.validate import Violation, validate_dataset

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    """What a build produced and how long each part took."""

    config: GraphConfig
    dataset: Dataset
    documents: list[Document]
    timings: dict[str, float] = field(default_factory=dict)
    violations: list[Violation] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def report(self) -> dict[str, object]:
        """The build report (``report.json``); deterministic apart from timings."""
        return {
            "graph": self.config.name,
            "documents": [
                {
                    "file": d.path.name,
                    "title": d.title,
                    "sha256": d.content_hash,
                    "events": len(d.live_events()),
                    "figures": len(d.figures),
                    "entities": len(d.entities),
                }
                for d in self.documents
            ],
            "counts": self.counts,
            "shacl": {"conforms": not self.violations, "violations": len(self.violations)},
            "timings_seconds": {k: round(v, 4) for k, v in self.timings.items()},
        }

    def summary(self) -> str:
        """A few human-readable lines for the end of ``build``."""
        counts = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        total = sum(self.timings.values())
        return (
            f"built {self.config.name}: {len(self.documents)} document(s), {counts}\n"
            f"SHACL: {'conforms' if not self.violations else f'{len(self.violations)} violation(s)'}; "
            f"{total:.2f} s"
        )


def extract(
    config: GraphConfig, ontology: Ontology, progress: Progress | None = None
) -> tuple[list[Document], dict[str, float]]:
    """Read every source and run the pipeline on it."""
    from historygraph.nlp import load_model
    from historygraph.stages import DEFAULT_STAGES

    timings: dict[str, float] = {}
    documents = [load_document(config, s) for s in config.sources]
    t0 = time.perf_counter()
    nlp = load_model(config.model)
    timings["load model"] = time.perf_counter() - t0
    ctx = Context(ontology=ontology, nlp=nlp)
    stages = make_pipeline(DEFAULT_STAGES)
    for i, doc in enumerate(documents, 1):
        if progress is not None:
            progress(f"[{i}/{len(documents)}] {doc.path.name}")
        run_pipeline(doc, stages, ctx)
        for name, seconds in doc.timings.items():
            timings[name] = timings.get(name, 0.0) + seconds
    return documents, timings


def to_dataset(config: GraphConfig, ontology: Ontology, documents: list[Document]) -> Dataset:
    """Emit every document into one dataset (a named graph per document)."""
    dataset = Dataset()
    emitter = Emitter(config, ontology, dataset)
    for doc, source in zip(documents, config.sources, strict=True):
        emitter.add_document(doc, source)
    return dataset


def count_classes(dataset: Dataset, ontology: Ontology) -> dict[str, int]:
    """Instances per top-level kind (events, agents, places, figures)."""
    from historygraph.namespaces import HG

    kinds = {"events": HG.Event, "agents": HG.Agent, "places": HG.Place, "figures": HG.Figure}
    seen: dict[str, set[object]] = {k: set() for k in kinds}
    for s, _, o, _ in dataset.quads((None, RDF.type, None, None)):
        for name, cls in kinds.items():
            if o in ontology.graph.subjects() and ontology.is_a(o, cls):  # type: ignore[arg-type]
                seen[name].add(s)
    return {k: len(v) for k, v in seen.items()}


def build(
    graph_dir: Path, *, progress: Progress | None = None, write_view: bool = True
) -> BuildResult:
    """Build ``GRAPH_DIR``: extract, emit, validate, then write the outputs.

    Raises:
        HistorygraphError: bad configuration, ontology or source (nothing is written);
        ValidationError: the graph violates the SHACL shapes (nothing is written).
    """
    config = load_config(graph_dir)
    t0 = time.perf_counter()
    ontology = load_ontology(config.ontology_dirs)
    timings = {"load ontology": time.perf_counter() - t0}
    documents, stage_timings = extract(config, ontology, progress)
    timings.update(stage_timings)

    t0 = time.perf_counter()
    dataset = to_dataset(config, ontology, documents)
    timings["emit"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    violations = validate_dataset(dataset, ontology)
    timings["validate"] = time.perf_counter() - t0
    result = BuildResult(config, dataset, documents, timings, violations, Counter())
    result.counts = count_classes(dataset, ontology)
    if violations:
        first = violations[0].format(str(config.trig_path))
        raise ValidationError(
            f"{first} (and {len(violations) - 1} more; run 'historygraph validate')"
            if len(violations) > 1
            else first
        )

    t0 = time.perf_counter()
    text = serialize_trig(dataset)
    timings["serialize"] = time.perf_counter() - t0
    atomic_write_text(config.trig_path, text)
    if write_view:
        from historygraph.view import render_view

        t0 = time.perf_counter()
        render_view(dataset, ontology.graph, config.html_path, title=config.title)
        timings["view"] = time.perf_counter() - t0
    atomic_write_text(
        config.directory / "report.json",
        json.dumps(result.report(), indent=2, ensure_ascii=False) + "\n",
    )
    return result
