"""``historygraph build``: sources -> pipeline -> RDF -> SHACL -> graph.trig, graph.html, report.json.

Outputs are written only after everything succeeded, each through a temporary
file and an atomic rename, so a failed build leaves the previous outputs intact.
"""

from __future__ import annotations

import gc
import json
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from rdflib import Dataset, URIRef

from historygraph.config import GraphConfig, load_config
from historygraph.document import Document
from historygraph.emit import Emitter
from historygraph.errors import ValidationError
from historygraph.extract import ExtractStats, Progress, extract_documents
from historygraph.forked_view import FORK_VIEW_MIN_QUADS, ForkedView, can_fork
from historygraph.fsutil import atomic_write_text
from historygraph.inference import add_inferred_graph, inferred_graph_iri
from historygraph.ontology import Ontology
from historygraph.quads import QuadBuffer
from historygraph.store import (
    StoreLoad,
    choose_store,
    commit_store,
    configured_store,
    current_store_text,
    prepare_store,
    update_store,
)
from historygraph.trig import graph_blocks, trig_document
from historygraph.validate import ValidationCache, Violation, validate_dataset
from historygraph.vocab import RDF
from historygraph.warmup import PendingOntology


@dataclass
class BuildResult:
    """What a build produced and how long each part took.

    ``quads`` holds the built named graphs as the build wrote them; ``dataset``
    gives them as an rdflib :class:`~rdflib.Dataset` (made on first use).
    """

    config: GraphConfig
    quads: QuadBuffer
    documents: list[Document]
    timings: dict[str, float] = field(default_factory=dict)
    violations: list[Violation] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    stats: ExtractStats = field(default_factory=ExtractStats)
    proposed_merges: list[dict[str, object]] = field(default_factory=list)
    _dataset: Dataset | None = field(default=None, repr=False)

    @property
    def dataset(self) -> Dataset:
        """The built graphs as an rdflib Dataset (converted once, on first use)."""
        if self._dataset is None:
            self._dataset = self.quads.to_dataset()
        return self._dataset

    def report(self) -> dict[str, object]:
        """The build report (``report.json``): everything but timings is deterministic."""
        from historygraph.namespaces import HG

        seen: dict[str, set[object]] = {}
        for s, _, o, _ in self.quads.quads((None, RDF.type, None, None)):
            if isinstance(o, URIRef) and str(o).startswith(str(HG._NS)):
                seen.setdefault(str(o).split("#")[-1], set()).add(s)
        unresolved = sorted(
            {
                (e.label, e.cls.split("#")[-1])
                for d in self.documents
                for e in d.entities.values()
                if e.gazetteer is None
            }
        )
        return {
            "graph": self.config.name,
            "documents": [
                {
                    "file": source.file,
                    "title": d.title,
                    "sha256": d.content_hash,
                    "skipped": d.skipped,
                    "events": len(d.live_events()),
                    "figures": len(d.figures),
                    "entities": len(d.entities),
                }
                for d, source in zip(self.documents, self.config.sources, strict=True)
            ],
            "counts": self.counts,
            "instances_per_class": {k: len(v) for k, v in sorted(seen.items())},
            "figures": sum(len(d.figures) for d in self.documents),
            "unresolved_names": [{"label": label, "class": cls} for label, cls in unresolved],
            "proposed_merges": self.proposed_merges,
            "shacl": {"conforms": not self.violations, "violations": len(self.violations)},
            "extraction": {
                "extracted": self.stats.extracted,
                "from_cache": self.stats.cached,
                "skipped": self.stats.skipped,
                "jobs": self.stats.jobs,
            },
            "timings_seconds": {k: round(v, 4) for k, v in self.timings.items()},
        }

    def summary(self) -> str:
        """A few human-readable lines for the end of ``build``."""
        counts = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        total = sum(self.timings.values())
        cache = f" ({self.stats.cached} from cache)" if self.stats.cached else ""
        skipped = f", {len(self.stats.skipped)} skipped" if self.stats.skipped else ""
        return (
            f"built {self.config.name}: {len(self.documents)} document(s){cache}{skipped}, {counts}\n"
            f"SHACL: {'conforms' if not self.violations else f'{len(self.violations)} violation(s)'}; "
            f"{total:.2f} s"
            + (
                f"\n{len(self.proposed_merges)} proposed merge(s) of look-alike names: see report.json; "
                "confirm with owl:sameAs or reject with owl:differentFrom in curation.ttl"
                if self.proposed_merges
                else ""
            )
        )


def extract(
    config: GraphConfig,
    ontology: Ontology | PendingOntology,
    progress: Progress | None = None,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
) -> tuple[list[Document], ExtractStats]:
    """Read every source and run the pipeline on it (see :mod:`historygraph.extract`)."""
    return extract_documents(config, ontology, progress=progress, jobs=jobs, use_cache=use_cache)


def to_dataset(config: GraphConfig, ontology: Ontology, documents: list[Document]) -> Dataset:
    """Emit every document into one rdflib dataset (a named graph per document)."""
    return emit_documents(config, ontology, documents)[0].to_dataset()


def emit_documents(
    config: GraphConfig, ontology: Ontology, documents: list[Document]
) -> tuple[QuadBuffer, list[dict[str, object]]]:
    """The named graphs, and the entity merges the builder proposes (see curation.py)."""
    quads = QuadBuffer()
    emitter = Emitter(config, ontology, cast(Dataset, quads))  # has the Dataset API it uses
    emitter.add_documents(documents, list(config.sources))
    return quads, emitter.proposals


def count_classes(dataset: Dataset | QuadBuffer, ontology: Ontology) -> dict[str, int]:
    """Instances per top-level kind (events, agents, places, figures)."""
    from historygraph.namespaces import HG

    kinds = {"events": HG.Event, "agents": HG.Agent, "places": HG.Place, "figures": HG.Figure}
    seen: dict[str, set[object]] = {k: set() for k in kinds}
    kind_of: dict[object, list[str]] = {}
    for s, _, o, _ in dataset.quads((None, RDF.type, None, None)):
        names = kind_of.get(o)
        if names is None:
            names = kind_of[o] = [
                name
                for name, cls in kinds.items()
                if isinstance(o, URIRef) and ontology.is_a(o, cls)
            ]
        for name in names:
            seen[name].add(s)
    return {k: len(v) for k, v in seen.items()}


def _utf8_size(text: str) -> int:
    """The size in bytes of ``text`` written as UTF-8."""
    return len(text.encode("utf-8"))


def build(
    graph_dir: Path,
    *,
    progress: Progress | None = None,
    write_view: bool = True,
    jobs: int | None = None,
    use_cache: bool = True,
    store: str | None = None,
) -> BuildResult:
    """Build ``GRAPH_DIR``: extract, emit, validate, then write the outputs.

    ``store`` (``memory``, ``oxigraph``, ``auto``; default: ``graph.toml``'s
    ``store``) decides whether ``graph.trig`` is also bulk-loaded into the
    on-disk Oxigraph store ``GRAPH_DIR/store`` (see :mod:`historygraph.store`).

    Raises:
        HistorygraphError: bad configuration, ontology or source (nothing is written);
        ValidationError: the graph violates the SHACL shapes (nothing is written).
    """
    config = load_config(graph_dir)
    requested_store = store or configured_store(config)  # a bad 'store' fails before any work
    # The ontology loads and compiles in a thread while spaCy parses (see warmup.py);
    # "load ontology" is the time the build waited for it (stage timings exclude it).
    pending = PendingOntology(
        config.ontology_dirs,
        cache_dir=config.cache_dir / "ontology" if use_cache else None,
        freeze=True,  # long-lived for this build: kept out of the GC's scans until its end
    )
    try:
        documents, stats = extract(config, pending, progress, jobs=jobs, use_cache=use_cache)
        ontology = pending.result()
        timings = {"load ontology": pending.waited, **stats.timings}

        with gc_paused():
            return _assemble(
                config, ontology, documents, stats, timings,
                write_view=write_view, use_cache=use_cache, requested_store=requested_store,
            )  # fmt: skip
    finally:
        pending.unfreeze()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (if it was on) for the block.

    Emission, inference and serialisation allocate millions of tuples and
    sets that hold no reference cycles (reference counting frees them). The
    cyclic collector would still rescan every live object, the documents read
    from the cache included, again and again; that took up to half of the
    inference stage on a cached rebuild. It is switched back on afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _assemble(
    config: GraphConfig,
    ontology: Ontology,
    documents: list[Document],
    stats: ExtractStats,
    timings: dict[str, float],
    *,
    write_view: bool,
    use_cache: bool,
    requested_store: str,
) -> BuildResult:
    """Emit, serialise, infer, validate and write the outputs of an extracted build."""
    t0 = time.perf_counter()
    quads, proposals = emit_documents(config, ontology, documents)
    timings["emit"] = time.perf_counter() - t0

    # --- the view draws only asserted statements (it skips inferred graphs), so with
    # worker processes allowed (jobs > 1) and a large graph it is drawn in a forked
    # process from here on, while this one infers, serialises and validates. Forked
    # before the store thread starts, so the child never inherits a running thread.
    view: ForkedView | None = None
    if write_view and stats.jobs > 1 and len(quads) >= FORK_VIEW_MIN_QUADS and can_fork():
        view = ForkedView(quads, ontology.graph, config.html_path, config.title)
    store: StoreLoad | None = None
    try:
        # --- serialise the asserted graphs now: the Oxigraph store (when the graph
        # gets one) starts loading them in a thread (Oxigraph does not hold the GIL)
        # while the inferred graph is computed; it is put in place only once
        # graph.trig is written. timings["store"] is the time the build still waited.
        t0 = time.perf_counter()
        asserted = graph_blocks(quads)
        asserted_text = trig_document(asserted)
        timings["serialize"] = time.perf_counter() - t0
        # A store that holds exactly the previous graph.trig is updated in place at
        # the end (only the statements that changed), not loaded again.
        previous = current_store_text(config, ontology)
        if (
            previous is None
            and choose_store(config, requested_store, size=_utf8_size(asserted_text)) == "oxigraph"
        ):
            store = StoreLoad(config, ontology, config.trig_path)
            store.add(asserted_text)

        t0 = time.perf_counter()
        add_inferred_graph(quads, ontology, config)  # <base>graph/inferred, per 'reasoning'
        timings["infer"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        inferred = graph_blocks(quads, skip={name for name, _ in asserted})
        blocks = sorted(asserted + inferred)
        text = trig_document(blocks)
        timings["serialize"] += time.perf_counter() - t0
        if store is not None:
            if inferred:
                store.add(trig_document(inferred))
        elif previous is None and (
            choose_store(config, requested_store, size=_utf8_size(text)) == "oxigraph"
        ):
            store = StoreLoad(config, ontology, config.trig_path)
            store.add(text)

        t0 = time.perf_counter()
        cache = ValidationCache(config.cache_dir / "shacl") if use_cache else None
        violations = validate_dataset(
            cast(Dataset, quads),  # a QuadBuffer has the Dataset API validation reads
            ontology,
            skip={str(inferred_graph_iri(config.base))},
            cache=cache,
            blocks=dict(blocks),
            jobs=stats.jobs,
        )
        timings["validate"] = time.perf_counter() - t0
        result = BuildResult(
            config, quads, documents, timings, violations, Counter(), stats, proposals
        )
        result.counts = count_classes(quads, ontology)
        if violations:
            first = violations[0].format(str(config.trig_path))
            raise ValidationError(
                f"{first} (and {len(violations) - 1} more; run 'historygraph validate')"
                if len(violations) > 1
                else first
            )
        atomic_write_text(config.trig_path, text)
        if view is not None:
            t0 = time.perf_counter()
            view.finish()  # the time the build still waited for the forked view
            view = None
            timings["view"] = time.perf_counter() - t0
        elif write_view:
            from historygraph.view import render_view

            t0 = time.perf_counter()
            render_view(cast(Dataset, quads), ontology.graph, config.html_path, title=config.title)
            timings["view"] = time.perf_counter() - t0
        if store is not None:
            t0 = time.perf_counter()
            prepared = store.result()
            store = None
            commit_store(config, prepared)
            timings["store"] = time.perf_counter() - t0
        elif previous is not None and (
            choose_store(config, requested_store, size=_utf8_size(text)) == "oxigraph"
        ):
            t0 = time.perf_counter()
            if update_store(config, previous, text) is None:  # cannot: load it in full
                commit_store(config, prepare_store(config, ontology, text, config.trig_path))
            timings["store"] = time.perf_counter() - t0
    finally:
        if view is not None:  # the build failed: stop the view, keep the old graph.html
            view.cancel()
        if store is not None:  # the build failed: drop the half-made store
            store.cancel()

    atomic_write_text(
        config.directory / "report.json",
        json.dumps(result.report(), indent=2, ensure_ascii=False) + "\n",
    )
    return result
