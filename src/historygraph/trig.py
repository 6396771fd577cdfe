"""A deterministic TriG writer: sorted graphs, subjects, predicates and objects.

rdflib's serialisers follow store order; this writer sorts everything so the
same dataset always gives byte-identical text, and it is fast on large graphs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from typing import Any, cast

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from historygraph.namespaces import PREFIXES
from historygraph.quads import QuadBuffer
from historygraph.vocab import RDF

_TYPE = RDF.type

_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_PN_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
#: Characters an IRIREF may not contain as such; written as \uXXXX.
_IRI_UNSAFE = re.compile(r'[<>"{}|^`\\ ]')
#: Characters a quoted string escapes: the named escapes, controls, DEL, lone surrogates.
_STRING_UNSAFE = re.compile('[\\\\"\\x00-\\x1f\\x7f\\ud800-\\udfff]')
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def _uchar(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04X}"


def _string_escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def _iri(iri: str, prefixes: dict[str, str]) -> str:
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and _PN_LOCAL.match(iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{_IRI_UNSAFE.sub(_uchar, iri)}>"


def _string(text: str) -> str:
    return '"' + _STRING_UNSAFE.sub(_string_escape, text) + '"'


def term(node: Node, prefixes: dict[str, str]) -> str:
    """One RDF term in Turtle syntax."""
    if isinstance(node, URIRef):
        return _iri(str(node), prefixes)
    if isinstance(node, Literal):
        text = _string(str(node))
        if node.language:
            return f"{text}@{node.language}"
        if str(node.datatype) == _XSD_INTEGER and _INTEGER.match(str(node)):
            return str(node)
        if (
            node.datatype is not None
            and str(node.datatype) != "http://www.w3.org/2001/XMLSchema#string"
        ):
            return f"{text}^^{_iri(str(node.datatype), prefixes)}"
        return text
    if isinstance(node, BNode):
        return f"_:{node}"
    raise TypeError(f"cannot write {node!r}")


def _sort_key(node: Node) -> tuple[int, str, str]:
    kind = 0 if isinstance(node, URIRef) else 1 if isinstance(node, BNode) else 2
    extra = ""
    if isinstance(node, Literal):
        extra = f"{node.datatype or ''}@{node.language or ''}"
    return kind, str(node), extra


def _by_graph(
    dataset: Dataset | QuadBuffer,
) -> Iterator[tuple[str, Iterable[tuple[Node, Node, Node]]]]:
    """``(graph name, triples)`` for every named graph of ``dataset``."""
    if isinstance(dataset, QuadBuffer):
        for graph in dataset.graphs():
            yield str(graph.identifier), graph
        return
    grouped: dict[str, list[tuple[Node, Node, Node]]] = defaultdict(list)
    for s, p, o, g in dataset.quads((None, None, None, None)):
        grouped[str(cast(Any, g).identifier if hasattr(g, "identifier") else g)].append((s, p, o))
    yield from grouped.items()


def graph_blocks(
    dataset: Dataset | QuadBuffer,
    prefixes: dict[str, str] | None = None,
    skip: Container[str] = (),
) -> list[tuple[str, str]]:
    """Each named graph as a TriG block ``<g> { ... }``, sorted by graph name.

    Graphs named in ``skip`` are left out. Terms are formatted and given their
    sort key once each (a dataset repeats the same IRIs many times).
    """
    prefixes = dict(sorted((prefixes or PREFIXES).items()))
    formatted: dict[Node, str] = {}
    keys: dict[Node, tuple[int, str, str]] = {}
    predicate_keys: dict[Node, tuple[bool, str]] = {}

    def fmt(node: Node) -> str:
        text = formatted.get(node)
        if text is None:
            text = formatted[node] = term(node, prefixes)
        return text

    def key(node: Node) -> tuple[int, str, str]:
        value = keys.get(node)
        if value is None:
            value = keys[node] = _sort_key(node)
        return value

    def predicate_key(p: Node) -> tuple[bool, str]:
        value = predicate_keys.get(p)
        if value is None:
            value = predicate_keys[p] = (p != _TYPE, str(p))
        return value

    blocks = []
    for name, triples in _by_graph(dataset):
        if name in skip:
            continue
        subjects: dict[Node, dict[Node, list[Node]]] = {}
        for s, p, o in triples:
            preds = subjects.get(s)
            if preds is None:
                subjects[s] = {p: [o]}
                continue
            objs = preds.get(p)
            if objs is None:
                preds[p] = [o]
            else:
                objs.append(o)
        lines = [f"{_iri(name, prefixes)} {{"]
        for s in sorted(subjects, key=key):
            preds = subjects[s]
            parts = []
            for p in sorted(preds, key=predicate_key):
                objs = preds[p]
                if len(objs) == 1:
                    shown = fmt(objs[0])
                else:
                    shown = ", ".join(fmt(o) for o in sorted(set(objs), key=key))
                parts.append(f"{'a' if p == _TYPE else fmt(p)} {shown}")
            body = " ;\n        ".join(parts)
            lines.append(f"    {fmt(s)} {body} .")
        lines.append("}")
        blocks.append((name, "\n".join(lines)))
    blocks.sort(key=lambda block: block[0])
    return blocks


def trig_document(blocks: list[tuple[str, str]], prefixes: dict[str, str] | None = None) -> str:
    """Prefix declarations followed by the graph blocks."""
    prefixes = dict(sorted((prefixes or PREFIXES).items()))
    header = [f"@prefix {p}: <{ns}> ." for p, ns in prefixes.items()]
    return "\n\n".join(["\n".join(header), *(block for _, block in blocks)]) + "\n"


def serialize_trig(dataset: Dataset, prefixes: dict[str, str] | None = None) -> str:
    """The dataset as TriG text, every part in a canonical order."""
    return trig_document(graph_blocks(dataset, prefixes), prefixes)
