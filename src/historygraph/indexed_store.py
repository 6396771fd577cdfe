"""A small in-memory rdflib store for graphs that are loaded once and then only read.

rdflib's default ``Memory`` store keeps context bookkeeping for every triple and
spends about 10 microseconds adding one. The ontology (a few thousand triples,
loaded at the start of every build) is written once and read many times, so
:class:`IndexedStore` keeps only three plain indexes (subject, predicate and
object first) and fills them from a list in one pass. Any rdflib
:class:`~rdflib.Graph` works on it: ``Graph(store=IndexedStore())``.

It is not context-aware, has no transactions and ignores ``quoted``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import URIRef
from rdflib.store import Store
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
#: first key -> second key -> third keys (a dict used as an insertion-ordered set, so
#: results come in the order the triples were added, as with rdflib's Memory store)
_Index = dict[Node, dict[Node, dict[Node, None]]]


class IndexedStore(Store):
    """Three dictionary indexes (s-p-o, p-o-s, o-s-p) and namespace bindings."""

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, configuration: str | None = None, identifier: URIRef | None = None) -> None:
        super().__init__(configuration, identifier)
        self._spo: _Index = {}
        self._pos: _Index = {}
        self._osp_index: _Index | None = None
        self._size = 0
        self._prefixes: dict[str, URIRef] = {}
        self._namespaces: dict[URIRef, str] = {}

    # ------------------------------------------------------------------ writing
    def add(self, triple: Triple, context: Any = None, quoted: bool = False) -> None:  # type: ignore[override]
        """Add one triple (a duplicate is ignored)."""
        self.add_all((triple,))

    def add_all(self, triples: Iterable[Triple]) -> None:
        """Add many triples (the bulk load; no events are dispatched).

        The object-first index is built on the first query that needs it.
        """
        spo, pos, osp = self._spo, self._pos, self._osp_index
        added = 0
        for s, p, o in triples:
            by_p = spo.get(s)
            if by_p is None:
                by_p = spo[s] = {}
            objects = by_p.get(p)
            if objects is None:
                objects = by_p[p] = {}
            elif o in objects:
                continue
            objects[o] = None
            by_o = pos.get(p)
            if by_o is None:
                by_o = pos[p] = {}
            subjects = by_o.get(o)
            if subjects is None:
                by_o[o] = {s: None}
            else:
                subjects[s] = None
            if osp is not None:
                osp.setdefault(o, {}).setdefault(s, {})[p] = None
            added += 1
        self._size += added

    @property
    def _osp(self) -> _Index:
        """The object-first index (built from the subject-first one when first needed)."""
        osp = self._osp_index
        if osp is None:
            osp = self._osp_index = {}
            for s, by_p in self._spo.items():
                for p, objects in by_p.items():
                    for o in objects:
                        osp.setdefault(o, {}).setdefault(s, {})[p] = None
        return osp

    def addN(self, quads: Iterable[tuple[Node, Node, Node, Any]]) -> None:  # type: ignore[override]  # noqa: N802 - rdflib's name
        """Add ``(s, p, o, context)`` quads; the context is ignored."""
        self.add_all((s, p, o) for s, p, o, _ in quads)

    def remove(
        self, triple: tuple[Node | None, Node | None, Node | None], context: Any = None
    ) -> None:  # type: ignore[override]
        """Remove every triple matching the pattern."""
        for (s, p, o), _ in list(self.triples(triple)):
            del self._spo[s][p][o]
            del self._pos[p][o][s]
            if self._osp_index is not None:
                del self._osp_index[o][s][p]
            self._size -= 1

    # ------------------------------------------------------------------ reading
    def triples(  # type: ignore[override]
        self, triple_pattern: tuple[Node | None, Node | None, Node | None], context: Any = None
    ) -> Iterator[tuple[Triple, Iterator[Any]]]:
        """Every stored triple matching the pattern (``None`` matches anything)."""
        s, p, o = triple_pattern
        for found in self._match(s, p, o):
            yield found, iter(())

    def _match(self, s: Node | None, p: Node | None, o: Node | None) -> Iterator[Triple]:
        if s is not None:
            by_p = self._spo.get(s)
            if not by_p:
                return
            chosen = [(p, by_p.get(p, {}))] if p is not None else list(by_p.items())
            for pred, objects in chosen:
                if o is not None:
                    if o in objects:
                        yield s, pred, o
                    continue
                for obj in list(objects):
                    yield s, pred, obj
            return
        if p is not None:
            by_o = self._pos.get(p)
            if not by_o:
                return
            if o is not None:
                for subj in list(by_o.get(o, ())):
                    yield subj, p, o
                return
            for obj, subjects in list(by_o.items()):
                for subj in list(subjects):
                    yield subj, p, obj
            return
        if o is not None:
            for subj, preds in list(self._osp.get(o, {}).items()):
                for pred in list(preds):
                    yield subj, pred, o
            return
        for subj, by_p in list(self._spo.items()):
            for pred, objects in list(by_p.items()):
                for obj in list(objects):
                    yield subj, pred, obj

    def description(self, subject: Node) -> dict[Node, list[Node]]:
        """Every ``predicate -> objects`` of ``subject``, in the order they were added."""
        return {p: list(objects) for p, objects in self._spo.get(subject, {}).items()}

    def __len__(self, context: Any = None) -> int:
        return self._size

    def contexts(self, triple: Triple | None = None) -> Iterator[Any]:  # type: ignore[override]
        """No named contexts: an empty iterator."""
        return iter(())

    # ------------------------------------------------------------------ prefixes
    def bind(self, prefix: str, namespace: URIRef, override: bool = True) -> None:
        """Bind ``prefix`` to ``namespace`` (an existing binding is kept unless ``override``)."""
        if not override and (prefix in self._prefixes or namespace in self._namespaces):
            return
        old = self._prefixes.get(prefix)
        if old is not None:
            self._namespaces.pop(old, None)
        self._prefixes[prefix] = namespace
        self._namespaces[namespace] = prefix

    def prefix(self, namespace: URIRef) -> str | None:
        """The prefix bound to ``namespace``, if any."""
        return self._namespaces.get(namespace)

    def namespace(self, prefix: str) -> URIRef | None:
        """The namespace bound to ``prefix``, if any."""
        return self._prefixes.get(prefix)

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        """Every (prefix, namespace) binding."""
        yield from list(self._prefixes.items())
