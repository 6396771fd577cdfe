"""A deterministic TriG writer: sorted graphs, subjects, predicates and objects.

rdflib's serialisers follow store order; this writer sorts everything so the
same dataset always gives byte-identical text, and it is fast on large graphs.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from historygraph.namespaces import PREFIXES

_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_PN_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def _iri(iri: str, prefixes: dict[str, str]) -> str:
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and _PN_LOCAL.match(iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    escaped = "".join(ch if ch not in '<>"{}|^`\\ ' else f"\\u{ord(ch):04X}" for ch in iri)
    return f"<{escaped}>"


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


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


def graph_blocks(dataset: Dataset, prefixes: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Each named graph as a TriG block ``<g> { ... }``, sorted by graph name.

    Terms are formatted once each (a dataset repeats the same IRIs many times).
    """
    prefixes = dict(sorted((prefixes or PREFIXES).items()))
    by_graph: dict[str, dict[Node, dict[Node, list[Node]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = str(g.identifier if hasattr(g, "identifier") else g)
        by_graph[name][s][p].append(o)
    formatted: dict[Node, str] = {}
    keys: dict[Node, tuple[int, str, str]] = {}

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

    blocks = []
    for name in sorted(by_graph):
        subjects = by_graph[name]
        lines = [f"{_iri(name, prefixes)} {{"]
        for s in sorted(subjects, key=key):
            preds = subjects[s]
            ordered = sorted(preds, key=lambda p: (p != RDF.type, str(p)))
            parts = []
            for p in ordered:
                objs = ", ".join(fmt(o) for o in sorted(set(preds[p]), key=key))
                parts.append(f"{'a' if p == RDF.type else fmt(p)} {objs}")
            body = " ;\n        ".join(parts)
            lines.append(f"    {fmt(s)} {body} .")
        lines.append("}")
        blocks.append((name, "\n".join(lines)))
    return blocks


def trig_document(blocks: list[tuple[str, str]], prefixes: dict[str, str] | None = None) -> str:
    """Prefix declarations followed by the graph blocks."""
    prefixes = dict(sorted((prefixes or PREFIXES).items()))
    header = [f"@prefix {p}: <{ns}> ." for p, ns in prefixes.items()]
    return "\n\n".join(["\n".join(header), *(block for _, block in blocks)]) + "\n"


def serialize_trig(dataset: Dataset, prefixes: dict[str, str] | None = None) -> str:
    """The dataset as TriG text, every part in a canonical order."""
    return trig_document(graph_blocks(dataset, prefixes), prefixes)
