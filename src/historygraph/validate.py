"""SHACL validation of a built graph against the shapes in ``ontology/``."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph
from rdflib.namespace import SH

from historygraph.ontology import Ontology


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


def validate_dataset(dataset: Dataset, ontology: Ontology) -> list[Violation]:
    """Run the ontology's SHACL shapes over the union of the dataset's graphs.

    The ontology (class hierarchy) is mixed into the data graph so ``sh:class``
    and ``sh:targetClass`` follow ``rdfs:subClassOf``.
    """
    from pyshacl import validate

    data = union_graph(dataset)
    for triple in ontology.graph:
        data.add(triple)
    _conforms, results, _text = validate(
        data,
        shacl_graph=ontology.graph,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    violations = []
    for result in results.subjects(SH.focusNode, None):
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
    return sorted(violations, key=lambda v: (v.focus, v.message, v.path))
