"""SHACL validation of a built graph against the shapes in ``ontology/``."""

from __future__ import annotations

import itertools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from historygraph.ontology import Ontology
from historygraph.shacl import Shapes, compile_shapes
from historygraph.vocab import RDF, RDFS, SH

#: The SHACL engines :func:`validate_dataset` can use.
ENGINES = ("auto", "fast", "pyshacl")


@dataclass(frozen=True)
class Violation:
    """One SHACL result."""

    focus: str
    path: str
    message: str
    severity: str

    def format(self, file: str) -> str:
        """``file: focus node: message``."""
        where = f" ({self.path})" if self.path else ""
        return f"{file}: {self.focus}: {self.message}{where}"


def union_graph(dataset: Dataset) -> Graph:
    """All named graphs of ``dataset`` merged into one graph."""
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def shapes_graph(ontology: Ontology) -> Graph:
    """The SHACL shapes of the ontology (node shapes and the blank nodes they use)."""
    from rdflib import BNode

    from historygraph.indexed_store import IndexedStore

    shapes = Graph(store=IndexedStore())  # filled once, then only read
    todo = list(ontology.graph.subjects(RDF.type, SH.NodeShape))
    seen: set[object] = set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in ontology.graph.predicate_objects(node):
            shapes.add((node, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return shapes


def schema_triples(ontology: Ontology) -> list[tuple[object, object, object]]:
    """What SHACL needs from the ontology: the class hierarchy and the typed concepts."""
    from historygraph.namespaces import HG

    triples: list[tuple[object, object, object]] = list(
        ontology.graph.triples((None, RDFS.subClassOf, None))
    )
    for concept_class in (HG.Measure, HG.Bound):
        triples += list(ontology.graph.triples((None, RDF.type, concept_class)))
    return triples


def prepared_shapes(
    ontology: Ontology,
) -> tuple[Graph, list[tuple[object, object, object]], Shapes | None]:
    """The shapes graph, the schema triples and the compiled shapes (None if unsupported).

    Made once per ontology (:meth:`~historygraph.ontology.Ontology.derived`); callers
    must not change them.
    """

    def make(onto: Ontology) -> tuple[Graph, list[tuple[object, object, object]], Shapes | None]:
        shapes = shapes_graph(onto)
        return shapes, schema_triples(onto), compile_shapes(shapes)

    return ontology.derived("validate.prepared_shapes", make)


def _results(results: Graph) -> list[Violation]:
    violations = []
    for result in results.objects(None, SH.result):  # top-level results, not their sh:detail
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage)
        path = results.value(result, SH.resultPath)
        severity = results.value(result, SH.resultSeverity)
        violations.append(
            Violation(
                focus=str(focus),
                path=str(path) if path is not None else "",
                message=str(message) if message is not None else "violates a shape",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            )
        )
    return violations


def validate_graph(
    graph: Graph, shapes: Graph, schema: list[tuple[object, object, object]]
) -> list[Violation]:
    """Run the shapes over one graph plus the ontology's class hierarchy."""
    from pyshacl import validate

    data = Graph()
    triple: tuple[object, object, object]  # the graph's, then the schema's
    for triple in graph:
        data.add(triple)
    for triple in schema:
        data.add(triple)  # type: ignore[arg-type]
    _conforms, results, _text = validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=False,
        allow_warnings=True,
        inplace=True,
    )
    return _results(results)


_POOL_STATE: dict[str, object] = {}


def _validate_in_worker(name: str) -> list[Violation]:
    dataset = _POOL_STATE["dataset"]
    graph = dataset.graph(URIRef(name))  # type: ignore[attr-defined]
    return validate_graph(graph, _POOL_STATE["shapes"], _POOL_STATE["schema"])  # type: ignore[arg-type]


def validate_dataset(
    dataset: Dataset,
    ontology: Ontology,
    *,
    skip: set[str] | None = None,
    cache: ValidationCache | None = None,
    blocks: dict[str, str] | None = None,
    jobs: int = 1,
    engine: str = "auto",
) -> list[Violation]:
    """Run the ontology's SHACL shapes over each named graph of ``dataset``.

    Each source's graph must conform on its own: what one document says is
    checked as that document's claim (so two sources may date one event
    differently, yet each gives it one date). ``skip`` names graphs not to check
    (the inferred graph); with a ``cache`` and the graphs' canonical TriG
    ``blocks``, graphs that did not change since the last build are not re-checked.
    ``engine`` picks the SHACL implementation: ``fast`` (:mod:`historygraph.shacl`,
    compiled once, for the SHACL Core subset it supports), ``pyshacl`` (the
    reference engine; with ``jobs`` > 1, in forked worker processes) or ``auto``
    (``fast`` when the shapes allow it, else ``pyshacl``).

    Raises:
        ValueError: an unknown ``engine``, or ``fast`` for shapes it does not support.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r}; choose one of {', '.join(ENGINES)}")
    shapes, schema, compiled = prepared_shapes(ontology)
    if engine == "pyshacl":
        compiled = None
    if engine == "fast" and compiled is None:
        raise ValueError(
            "the shapes use SHACL features the fast engine lacks; use --engine pyshacl"
        )
    violations: list[Violation] = []
    todo: list[tuple[str, str | None]] = []
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        name = str(context.identifier)
        if name in (skip or set()) or len(context) == 0:
            continue
        key = None
        if cache is not None and blocks is not None and name in blocks:
            key = cache.key(ontology.digest, blocks[name])
            cached = cache.get(key)
            if cached is not None:
                violations += cached
                continue
        todo.append((name, key))
    results: list[list[Violation]]
    if compiled is not None:
        results = [
            [
                Violation(str(r.focus), r.path, r.message, r.severity)
                for r in compiled.validate(itertools.chain(dataset.graph(URIRef(n)), schema))  # type: ignore[arg-type]
            ]
            for n, _ in todo
        ]
    elif jobs > 1 and len(todo) > 2 and "fork" in multiprocessing.get_all_start_methods():
        _POOL_STATE.update(dataset=dataset, shapes=shapes, schema=schema)  # shared by fork
        try:
            with ProcessPoolExecutor(
                max_workers=jobs, mp_context=multiprocessing.get_context("fork")
            ) as pool:
                chunk = max(1, len(todo) // (jobs * 4))
                results = list(pool.map(_validate_in_worker, [n for n, _ in todo], chunksize=chunk))
        finally:
            _POOL_STATE.clear()
    else:
        results = [validate_graph(dataset.graph(URIRef(n)), shapes, schema) for n, _ in todo]
    for (_, key), found in zip(todo, results, strict=True):
        if cache is not None and key is not None:
            cache.put(key, found)
        violations += found
    return sorted(set(violations), key=lambda v: (v.focus, v.message, v.path))


class ValidationCache:
    """SHACL results per graph, keyed by the ontology hash and the graph's canonical text."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @staticmethod
    def key(ontology_digest: str, block: str) -> str:
        """Cache key of one graph's validation."""
        import hashlib

        return hashlib.sha256(f"{ontology_digest}\0{block}".encode()).hexdigest()

    def get(self, key: str) -> list[Violation] | None:
        """Cached violations (an empty list when the graph conformed), or None."""
        import json

        try:
            data = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return [Violation(**v) for v in data]

    def put(self, key: str, violations: list[Violation]) -> None:
        """Remember the result for ``key``."""
        import json
        from dataclasses import asdict

        from historygraph.fsutil import atomic_write_text

        atomic_write_text(
            self.directory / f"{key}.json", json.dumps([asdict(v) for v in violations])
        )
