"""A fast SHACL Core validator for the shapes historygraph uses, cross-checked against pyshacl.

pyshacl re-creates every constraint object and walks rdflib's context-aware
memory store for each of them, which costs about 40 ms per 500-triple source
graph: on a 100-document build that was a fifth of the whole build. This module
compiles the shapes graph once into plain Python objects and checks each graph
over a dictionary index of its triples, following the SHACL 1.0 Core semantics
(https://www.w3.org/TR/shacl/) for the features listed in :data:`SUPPORTED`.

:func:`compile_shapes` returns ``None`` when a shapes graph uses anything
outside that subset (SPARQL constraints, complex paths, qualified shapes,
``sh:closed``, ...); callers then fall back to pyshacl, which stays the
reference engine (``historygraph validate --engine pyshacl``).
``tests/test_shacl.py`` checks both engines report the same results on valid
and deliberately broken graphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from historygraph.vocab import OWL, RDF, RDFS, SH, XSD

Triple = tuple[Node, Node, Node]

#: The ``sh:`` predicates a shape may use for :func:`compile_shapes` to accept it.
SUPPORTED = frozenset(
    SH[name]
    for name in [
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
        "path",
        "property",
        "node",
        "and",
        "or",
        "not",
        "xone",
        "class",
        "datatype",
        "nodeKind",
        "minCount",
        "maxCount",
        "minInclusive",
        "maxInclusive",
        "minExclusive",
        "maxExclusive",
        "minLength",
        "maxLength",
        "pattern",
        "flags",
        "in",
        "hasValue",
        "lessThan",
        "lessThanOrEquals",
        "equals",
        "disjoint",
        "message",
        "severity",
        "deactivated",
        "name",
        "description",
        "order",
        "group",
        "defaultValue",
    ]
)
_TYPE, _SUBCLASS, _LANG_STRING, _STRING = RDF.type, RDFS.subClassOf, RDF.langString, XSD.string
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_NUMERIC = {
    XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.short, XSD.byte,
    XSD.nonNegativeInteger, XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger,
    XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte,
}  # fmt: skip


class UnsupportedShapeError(Exception):
    """The shapes graph uses a SHACL feature this validator does not implement."""


@dataclass(frozen=True)
class Result:
    """One validation result: the focus node, the path (or ``""``), message and severity."""

    focus: Node
    path: str
    message: str
    severity: str


@dataclass
class Shape:
    """One compiled node or property shape."""

    node: Node
    path: URIRef | None = None
    inverse: bool = False
    message: str | None = None
    severity: str = "Violation"
    deactivated: bool = False
    targets: list[tuple[URIRef, Node]] = field(default_factory=list)
    constraints: list[tuple[str, Any]] = field(default_factory=list)  # (sh: local name, argument)

    @property
    def path_text(self) -> str:
        """The path as text: the property IRI, ``^IRI`` for an inverse path."""
        if self.path is None:
            return ""
        return f"^{self.path}" if self.inverse else str(self.path)


class Index:
    """One data graph's triples, indexed for the lookups SHACL needs."""

    def __init__(
        self,
        triples: Iterable[Triple],
        inbound: frozenset[Node] | None = None,
        targets: frozenset[Node] | None = None,
    ) -> None:
        """Index ``triples``.

        Args:
            triples: The data graph.
            inbound: The predicates that need an object-to-subject index (all when None).
            targets: The predicates of ``sh:targetSubjectsOf``/``sh:targetObjectsOf`` (all when None).
        """
        self.out: dict[Node, dict[Node, list[Node]]] = {}
        self.inn: dict[Node, dict[Node, list[Node]]] = {}
        self.by_predicate: dict[Node, set[Node]] = {}
        self.objects_of: dict[Node, set[Node]] = {}
        out, inn = self.out, self.inn
        for s, p, o in triples:
            props = out.get(s)
            if props is None:
                out[s] = {p: [o]}
            else:
                values = props.get(p)
                if values is None:
                    props[p] = [o]
                else:
                    values.append(o)
            if inbound is None or p in inbound:
                inn.setdefault(o, {}).setdefault(p, []).append(s)
            if targets is None or p in targets:
                self.by_predicate.setdefault(p, set()).add(s)
                self.objects_of.setdefault(p, set()).add(o)
        self._supers: dict[Node, set[Node]] = {}

    def values(self, node: Node, path: URIRef, inverse: bool = False) -> list[Node]:
        """The distinct values of ``path`` at ``node``, in graph order."""
        found = (self.inn if inverse else self.out).get(node, {}).get(path, ())
        return list(dict.fromkeys(found))

    def superclasses(self, cls: Node) -> set[Node]:
        """``cls`` and everything it is an rdfs:subClassOf, transitively."""
        cached = self._supers.get(cls)
        if cached is None:
            cached = self._supers[cls] = _subclass_closure(cls, self.out)
        return cached

    def is_instance(self, node: Node, cls: Node) -> bool:
        """SHACL instance: ``node rdf:type/rdfs:subClassOf* cls``."""
        return any(cls in self.superclasses(t) for t in self.out.get(node, {}).get(_TYPE, ()))

    def instances(self, cls: Node) -> set[Node]:
        """Every SHACL instance of ``cls``."""
        found: set[Node] = set()
        for c in _subclass_closure(cls, self.inn):
            found.update(self.inn.get(c, {}).get(_TYPE, ()))
        return found


def _subclass_closure(cls: Node, edges: dict[Node, dict[Node, list[Node]]]) -> set[Node]:
    """``cls`` and every class ``rdfs:subClassOf`` edges lead to, transitively.

    With the subject-to-object index, that is ``cls``'s superclasses; with the
    object-to-subject index, its subclasses.
    """
    seen = {cls}
    todo = [cls]
    while todo:
        for other in edges.get(todo.pop(), {}).get(_SUBCLASS, ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


class Shapes:
    """A compiled shapes graph; :meth:`validate` checks one data graph."""

    def __init__(self, shapes: dict[Node, Shape]) -> None:
        self.shapes = shapes
        self.targeted = sorted(
            (s for s in shapes.values() if s.targets and not s.deactivated),
            key=lambda s: str(s.node),
        )
        inbound: set[Node] = {_TYPE, _SUBCLASS}
        targets: set[Node] = set()
        for shape in shapes.values():
            if shape.inverse and shape.path is not None:
                inbound.add(shape.path)
            targets.update(
                value
                for kind, value in shape.targets
                if kind in (SH.targetSubjectsOf, SH.targetObjectsOf)
            )
        self._inbound = frozenset(inbound)
        self._targets = frozenset(targets)

    def validate(self, triples: Iterable[Triple]) -> list[Result]:
        """Every result of the shapes over the data graph made of ``triples``."""
        index = Index(triples, self._inbound, self._targets)
        results: list[Result] = []
        for shape in self.targeted:
            for focus in sorted(self._focus_nodes(shape, index), key=str):
                results.extend(self._check(shape, focus, index))
        return results

    # --- targets and checks --------------------------------------------------------

    @staticmethod
    def _focus_nodes(shape: Shape, index: Index) -> set[Node]:
        found: set[Node] = set()
        for kind, value in shape.targets:
            if kind == SH.targetClass:
                found |= index.instances(value)
            elif kind == SH.targetNode:
                found.add(value)
            elif kind == SH.targetSubjectsOf:
                found |= index.by_predicate.get(value, set())
            elif kind == SH.targetObjectsOf:
                found |= index.objects_of.get(value, set())
        return found

    def conforms(self, node: Node, shape_node: Node, index: Index) -> bool:
        """Whether ``node`` conforms to the shape ``shape_node``."""
        shape = self.shapes[shape_node]
        return next(iter(self._check(shape, node, index)), None) is None

    def _check(self, shape: Shape, focus: Node, index: Index) -> Iterator[Result]:
        if shape.deactivated:
            return
        values = [focus] if shape.path is None else index.values(focus, shape.path, shape.inverse)
        for kind, arg in shape.constraints:
            if kind == "property":  # results of a property shape are its own
                for value in values:
                    yield from self._check(self.shapes[arg], value, index)
                continue
            for failing, detail in self._evaluate(kind, arg, focus, values, index):
                yield Result(
                    focus=focus,
                    path=shape.path_text,
                    message=shape.message or _default_message(kind, arg, failing, detail),
                    severity=shape.severity,
                )

    def _evaluate(
        self, kind: str, arg: Any, focus: Node, values: list[Node], index: Index
    ) -> Iterator[tuple[Node | None, str]]:
        """Yield ``(offending value node or None, detail)`` for each failure."""
        if kind == "minCount":
            if len(values) < arg:
                yield None, f"{len(values)} value(s)"
        elif kind == "maxCount":
            if len(values) > arg:
                yield None, f"{len(values)} value(s)"
        elif kind == "hasValue":
            if arg not in values:
                yield None, ""
        elif kind in ("equals", "disjoint", "lessThan", "lessThanOrEquals"):
            others = index.values(focus, arg)
            yield from _pair_failures(kind, values, others)
        else:
            for value in values:
                if not self._value_ok(kind, arg, value, index):
                    yield value, ""

    def _value_ok(self, kind: str, arg: Any, value: Node, index: Index) -> bool:
        if kind == "class":
            return index.is_instance(value, arg)
        if kind == "datatype":
            return _has_datatype(value, arg)
        if kind == "nodeKind":
            return _node_kind(value) in arg
        if kind == "in":
            return value in arg
        if kind == "node":
            return self.conforms(value, arg, index)
        if kind == "not":
            return not self.conforms(value, arg, index)
        if kind == "and":
            return all(self.conforms(value, s, index) for s in arg)
        if kind == "or":
            return any(self.conforms(value, s, index) for s in arg)
        if kind == "xone":
            return sum(self.conforms(value, s, index) for s in arg) == 1
        if kind in ("minLength", "maxLength"):
            if isinstance(value, BNode):
                return False
            n = len(str(value))
            return n >= arg if kind == "minLength" else n <= arg
        if kind == "pattern":
            return not isinstance(value, BNode) and arg.search(str(value)) is not None
        if kind in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
            order = _compare(value, arg)
            if order is None:
                return False
            return {
                "minInclusive": order >= 0,
                "maxInclusive": order <= 0,
                "minExclusive": order > 0,
                "maxExclusive": order < 0,
            }[kind]
        raise UnsupportedShapeError(str(kind))  # pragma: no cover - compile_shapes rejects these


def _pair_failures(
    kind: str, values: list[Node], others: list[Node]
) -> Iterator[tuple[Node | None, str]]:
    if kind == "equals":
        for v in set(values) ^ set(others):
            yield v, ""
    elif kind == "disjoint":
        for v in set(values) & set(others):
            yield v, ""
    else:
        for v in values:
            for w in others:
                order = _compare(v, w)
                ok = order is not None and (order < 0 if kind == "lessThan" else order <= 0)
                if not ok:
                    yield v, f"not {'<' if kind == 'lessThan' else '<='} {w}"


def _has_datatype(value: Node, datatype: Node) -> bool:
    if not isinstance(value, Literal):
        return False
    actual = value.datatype or (_LANG_STRING if value.language else _STRING)
    if actual != datatype:
        return False
    return not getattr(value, "ill_typed", False)


def _node_kind(value: Node) -> str:
    if isinstance(value, BNode):
        return "B"
    if isinstance(value, Literal):
        return "L"
    return "I"


_KINDS = {
    SH.IRI: "I",
    SH.BlankNode: "B",
    SH.Literal: "L",
    SH.BlankNodeOrIRI: "BI",
    SH.BlankNodeOrLiteral: "BL",
    SH.IRIOrLiteral: "IL",
}


def _compare(a: Node, b: Node) -> int | None:
    """SPARQL-style ordering of two literals: -1, 0, 1, or None when incomparable."""
    if not (isinstance(a, Literal) and isinstance(b, Literal)):
        return None
    if getattr(a, "ill_typed", False) or getattr(b, "ill_typed", False):
        return None
    x, y = a.toPython(), b.toPython()
    a_num = a.datatype in _NUMERIC
    b_num = b.datatype in _NUMERIC
    if a_num != b_num:
        return None
    if a_num:
        x, y = Decimal(str(x)), Decimal(str(y))
    elif a.datatype != b.datatype or isinstance(x, Literal) or isinstance(y, Literal):
        return None  # different non-numeric types, or a value rdflib could not convert
    try:
        return (x > y) - (x < y)
    except TypeError:
        return None


def _default_message(name: str, arg: Any, value: Node | None, detail: str) -> str:
    shown = arg if isinstance(arg, (int, str, URIRef)) else ""
    subject = f"value {value.n3()} " if value is not None else ""
    return f"{subject}violates sh:{name} {shown} {detail}".replace("  ", " ").strip()


# --- compiling --------------------------------------------------------------------------


def compile_shapes(shapes: Graph) -> Shapes | None:
    """Compile ``shapes``; ``None`` when it uses a feature outside :data:`SUPPORTED`."""
    try:
        return _Compiler(shapes).run()
    except UnsupportedShapeError:
        return None


class _Compiler:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.shapes: dict[Node, Shape] = {}

    def run(self) -> Shapes:
        roots: set[Node] = set()
        for kind in (SH.NodeShape, SH.PropertyShape):
            roots.update(self.graph.subjects(RDF.type, kind))
        for target in _TARGETS:
            roots.update(self.graph.subjects(target, None))
        for cls in (RDFS.Class, OWL.Class):  # implicit class targets
            for node in self.graph.subjects(RDF.type, cls):
                if (node, RDF.type, SH.NodeShape) in self.graph:
                    self.shape(node).targets.append((SH.targetClass, node))
        for node in sorted(roots, key=str):
            self.shape(node)
        return Shapes(self.shapes)

    def shape(self, node: Node) -> Shape:
        existing = self.shapes.get(node)
        if existing is not None:
            return existing
        shape = Shape(node)
        self.shapes[node] = shape  # before the constraints: shapes may refer to themselves
        for p, o in sorted(
            self.graph.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))
        ):
            if not str(p).startswith(str(SH)):
                continue
            if p not in SUPPORTED:
                raise UnsupportedShapeError(str(p))
            self._component(shape, cast(URIRef, p), o)
        if shape.path is None and (node, SH.path, None) in self.graph:
            raise UnsupportedShapeError("path")  # pragma: no cover
        return shape

    def _list(self, node: Node) -> list[Node]:
        return list(Collection(self.graph, node))

    def _component(self, shape: Shape, p: URIRef, o: Node) -> None:
        if p in _TARGETS:
            shape.targets.append((p, o))
        elif p == SH.path:
            if isinstance(o, URIRef):
                shape.path = o
            else:
                inverse = self.graph.value(o, SH.inversePath)
                others = [q for q in self.graph.predicates(o, None) if q != SH.inversePath]
                if not isinstance(inverse, URIRef) or others:
                    raise UnsupportedShapeError("complex path")
                shape.path, shape.inverse = inverse, True
        elif p == SH.message:
            if shape.message is None or str(o) < shape.message:
                shape.message = str(o)
        elif p == SH.severity:
            shape.severity = str(o).rsplit("#", 1)[-1]
        elif p == SH.deactivated:
            shape.deactivated = isinstance(o, Literal) and o.toPython() is True
        elif p in (SH.name, SH.description, SH.order, SH.group, SH.defaultValue):
            return
        elif p in (SH.minCount, SH.maxCount, SH.minLength, SH.maxLength):
            shape.constraints.append((_local(p), int(cast(Literal, o))))
        elif p == SH.nodeKind:
            if o not in _KINDS:
                raise UnsupportedShapeError(f"nodeKind {o}")
            shape.constraints.append((_local(p), _KINDS[cast(URIRef, o)]))
        elif p == SH["in"]:
            shape.constraints.append((_local(p), frozenset(self._list(o))))
        elif p == SH.pattern:
            flags = self.graph.value(shape.node, SH.flags)
            shape.constraints.append((_local(p), re.compile(str(o), _re_flags(str(flags or "")))))
        elif p == SH.flags:
            return  # read with sh:pattern
        elif p in (SH.property, SH.node, SH["not"]):
            self.shape(o)
            shape.constraints.append((_local(p), o))
        elif p in (SH["and"], SH["or"], SH.xone):
            members = self._list(o)
            for member in members:
                self.shape(member)
            shape.constraints.append((_local(p), tuple(members)))
        else:  # class, datatype, hasValue, min/max Inclusive/Exclusive, equals, disjoint, lessThan(OrEquals)
            shape.constraints.append((_local(p), o))


def _local(predicate: URIRef) -> str:
    return str(predicate).rsplit("#", 1)[-1]


def _re_flags(flags: str) -> int:
    value = 0
    for char, flag in (("i", re.I), ("s", re.S), ("m", re.M), ("x", re.X)):
        if char in flags:
            value |= flag
    return value
