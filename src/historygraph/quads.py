"""A light, write-once quad collection for the build.

The builder writes each statement once and then reads the whole dataset a few
times (inference, serialisation, SHACL, the view, the report). rdflib's
context-aware memory store keeps several indexes and a context map per triple,
and spends most of a large build's post-extraction time maintaining them.
:class:`QuadBuffer` keeps each named graph's triples in an insertion-ordered
dict instead, offers the small part of the rdflib ``Dataset`` API the build
stages use (``graph()``, ``graphs()``, ``quads()``, ``add``/``addN``, ``len``),
and converts to a real :class:`rdflib.Dataset` on demand (:meth:`to_dataset`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Dataset, URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
Pattern = tuple[Node | None, Node | None, Node | None, Node | None]


class GraphBuffer:
    """The triples of one named graph, without duplicates, in insertion order."""

    __slots__ = ("_triples", "identifier")

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._triples: dict[Triple, None] = {}

    def add(self, triple: Triple) -> GraphBuffer:
        """Add one triple (a duplicate is ignored)."""
        self._triples[triple] = None
        return self

    def addN(self, quads: Iterable[tuple[Node, Node, Node, object]]) -> GraphBuffer:  # noqa: N802 - rdflib's name
        """Add ``(s, p, o, context)`` quads; the context is ignored (it is this graph)."""
        triples = self._triples
        for s, p, o, _ in quads:
            triples[(s, p, o)] = None
        return self

    def update(self, triples: Iterable[Triple]) -> GraphBuffer:
        """Add many triples at once (duplicates are ignored)."""
        self._triples.update(dict.fromkeys(triples))
        return self

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples


class QuadBuffer:
    """Named graphs of triples, with the read API of an rdflib ``Dataset`` the build needs."""

    def __init__(self) -> None:
        self._graphs: dict[URIRef, GraphBuffer] = {}

    def graph(self, identifier: URIRef) -> GraphBuffer:
        """The named graph ``identifier``, created empty if new."""
        found = self._graphs.get(identifier)
        if found is None:
            found = self._graphs[identifier] = GraphBuffer(identifier)
        return found

    def graphs(self) -> list[GraphBuffer]:
        """Every named graph, in creation order."""
        return list(self._graphs.values())

    def quads(
        self, pattern: Pattern = (None, None, None, None)
    ) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        """``(s, p, o, graph IRI)`` for every quad matching ``pattern`` (``None`` = any)."""
        s0, p0, o0, g0 = pattern
        if s0 is None and o0 is None and type(p0) is URIRef:
            # The common "every rdf:type statement" scan, compared at C speed: a
            # predicate equals an IRI exactly when it is a URIRef with the same text.
            for name, graph in self._graphs.items():
                if g0 is not None and name != getattr(g0, "identifier", g0):
                    continue
                for s, p, o in graph:
                    if type(p) is URIRef and str.__eq__(p, p0):
                        yield s, p, o, name
            return
        for name, graph in self._graphs.items():
            if g0 is not None and name != getattr(g0, "identifier", g0):
                continue
            for s, p, o in graph:
                if (s0 is None or s == s0) and (p0 is None or p == p0) and (o0 is None or o == o0):
                    yield s, p, o, name

    def __len__(self) -> int:
        return sum(len(g) for g in self._graphs.values())

    def to_dataset(self) -> Dataset:
        """The same quads in an rdflib :class:`~rdflib.Dataset`."""
        dataset = Dataset()
        for name, graph in self._graphs.items():
            target = dataset.graph(name)
            target.addN((s, p, o, target) for s, p, o in graph)
        return dataset
