"""The graph view: project the RDF dataset onto a network and draw it as one offline page.

:func:`project` turns the union of a built dataset's named graphs into a
:class:`networkx.MultiDiGraph` of events, agents and places; :func:`render_view`
draws that network with vis-network (data and options built with pyvis) into a
single self-contained HTML file: vis-network's script and style are inlined from
pyvis's bundled copy, nothing is fetched from the network, and every text from
the graph reaches the page as JSON data inserted with ``textContent``.

The page finds nodes by label and alias, filters by class, source document and
date range, focuses on a node's neighbourhood, and shows each node's and edge's
evidence. Two layouts: ``force`` (physics in the browser until stable, then
off; for large graphs positions are computed here and physics never runs) and
``timeline`` (events left to right by date, actors above and places below,
positions computed here). Large graphs can be cut to their most central nodes
(:func:`most_central`), and leaves collapse into clusters
(:func:`leaf_clusters`). :func:`render_ontology_view` draws the ontology's
class and property hierarchies with instance counts; :func:`to_graphml` writes a
projection for Gephi or Cytoscape.

Colours and shapes come from ``hg:color`` and ``hg:shape`` on the ontology's
classes (see :func:`style_for`); no style is written in Python.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, cast

import networkx as nx
from pyvis.network import Network
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Identifier, Node

from historygraph.errors import HistorygraphError
from historygraph.fsutil import atomic_write_bytes, atomic_write_text
from historygraph.inference import is_inferred_graph
from historygraph.namespaces import HG, WD
from historygraph.view_layout import (  # noqa: F401 - public names kept importable from here
    FORCE_HUBS,
    LABEL_CHARS,
    NO_DATE,
    TIMELINE_LABEL_CHARS,
    DateSpan,
    _drawn_label,
    _iso_day,
    date_span,
    day_number,
    force_positions,
    spring_layout,
    timeline_positions,
    wrap_label,
)
from historygraph.vocab import OWL, RDF, RDFS, SKOS, XSD

#: Classes whose instances (and instances of their subclasses) become nodes.
ROOT_CLASSES: tuple[URIRef, ...] = (HG.Event, HG.Agent, HG.Place)
#: The layouts of :func:`render_view`.
LAYOUTS: tuple[str, ...] = ("force", "timeline")
#: Above this many nodes the force layout is computed in Python and physics never runs.
PHYSICS_MAX_NODES = 150
#: Above this many nodes, frames are kept cheap: straight edges, no edges while panning.
BIG_NODES = 100
#: From this many nodes on, leaves collapse into clusters (double-click expands).
CLUSTER_MIN_NODES = 3000
DEFAULT_COLOR = "#999999"
DEFAULT_SHAPE = "dot"
#: vis-network shapes that need nothing beyond a colour.
VIS_SHAPES = frozenset(
    {
        "box",
        "circle",
        "database",
        "diamond",
        "dot",
        "ellipse",
        "hexagon",
        "square",
        "star",
        "text",
        "triangle",
        "triangleDown",
    }
)
#: Shapes that draw their label inside the (coloured) shape.
_LABEL_INSIDE = frozenset({"box", "circle", "database", "ellipse"})
_COLOR_RE = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|rgba?\([0-9.,%\s]+\)")
_WIKIDATA_PREFIXES = (str(WD), "https://www.wikidata.org/entity/")
_VIS_DIR = ("templates", "lib", "vis-9.1.2")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_PLACEHOLDER_RE = re.compile(r"\{\{ (\w+) \}\}")
#: Properties shown in the details panel's "Identity" group (the rest: "Time" or "Other").
_IDENTITY = frozenset(
    {
        RDF.type,
        RDFS.label,
        RDFS.comment,
        RDFS.seeAlso,
        SKOS.prefLabel,
        SKOS.altLabel,
        SKOS.exactMatch,
        OWL.sameAs,
    }
)
_TIME_TYPES = frozenset({XSD.date, XSD.dateTime, XSD.gYear, XSD.gYearMonth, XSD.duration, XSD.time})
#: Shown in their own sections of the details panel, not among the properties.
_OWN_SECTION = frozenset({HG.evidence, HG.figure})
_GROUP_ORDER = ("Identity", "Time", "Other")


class NodeStyle(NamedTuple):
    """How a class's instances are drawn."""

    color: str
    shape: str
    icon: str = ""


class EvidenceSpan(NamedTuple):
    """A text span that states a fact: document title, offsets, exact text."""

    document: str
    start: int | None
    end: int | None
    quote: str


class FigureReport(NamedTuple):
    """A number a source reports about an event, with the quote stating it."""

    measure: str
    count: int | None  # type: ignore[assignment]  # a field named like tuple.count, kept
    bound: str
    quote: str


@dataclass(frozen=True)
class ViewStats:
    """What a view drew: nodes and edges, nodes left out by ``max_nodes``, clusters."""

    nodes: int
    edges: int
    left_out: int = 0
    clusters: int = 0


@dataclass(frozen=True)
class Cluster:
    """Leaves (nodes with one neighbour) collapsed with that neighbour, their hub."""

    id: str
    hub: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class ViewSettings:
    """How :func:`view_html` lays out and simplifies a projection.

    Attributes:
        layout: ``"force"`` or ``"timeline"``.
        physics_max_nodes: Above this many nodes, force positions come from Python.
        cluster_min_nodes: From this many nodes on, leaves collapse into clusters.
        left_out: Nodes removed before drawing (by ``max_nodes``); shown in the page.
        max_nodes: The ``max_nodes`` limit that removed them, if any.
        seed: Seed of every layout computed in Python (and of vis-network's).
    """

    layout: str = "force"
    physics_max_nodes: int = PHYSICS_MAX_NODES
    cluster_min_nodes: int = CLUSTER_MIN_NODES
    left_out: int = 0
    max_nodes: int | None = None
    seed: int = 7

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise HistorygraphError(
                f"view: unknown layout {self.layout!r} (choose from {', '.join(LAYOUTS)})"
            )


# ---------------------------------------------------------------- ontology helpers


#: ``_is_type(p)``: p is rdf:type (a plain string comparison, not rdflib's ``__eq__``)
_is_type = functools.partial(str.__eq__, str(RDF.type))

_MEMOS: weakref.WeakKeyDictionary[Graph, tuple[int, dict[Any, Any]]] = weakref.WeakKeyDictionary()


def _memo(ontology: Graph) -> dict[Any, Any]:
    """Values derived from ``ontology`` (styles, ancestors), kept while it lives unchanged.

    A graph that gains or loses triples starts a new memo.
    """
    size = len(ontology)
    found = _MEMOS.get(ontology)
    if found is None or found[0] != size:
        found = _MEMOS[ontology] = (size, {})
    return found[1]


def warm_up(ontology: Graph) -> None:
    """Prepare now what every view needs: the projected classes and the bundled assets.

    A build calls it while spaCy parses (see :mod:`historygraph.warmup`). Styles
    and ancestors are left to the first view, which needs only the classes it draws.
    """
    projected_classes(ontology)
    _page_parts()


def projected_classes(ontology: Graph) -> frozenset[URIRef]:
    """Return ``hg:Event``, ``hg:Agent``, ``hg:Place`` and all their subclasses.

    Args:
        ontology: The ontology graph (``rdfs:subClassOf`` is walked transitively).

    Returns:
        The classes whose direct instances become nodes of the view.
    """
    memo = _memo(ontology)
    classes = memo.get("projected")
    if classes is None:
        found: set[URIRef] = set()
        for root in ROOT_CLASSES:
            found.update(
                c
                for c in ontology.transitive_subjects(RDFS.subClassOf, root)
                if isinstance(c, URIRef)
            )
        classes = memo["projected"] = frozenset(found)
    return classes  # type: ignore[no-any-return]


def _superclass_levels(cls: URIRef, ontology: Graph) -> Iterable[list[URIRef]]:
    """Yield ``cls``'s ancestors level by level (itself first), each level sorted."""
    seen = {cls}
    level = [cls]
    while level:
        yield level
        parents = {
            p
            for c in level
            for p in ontology.objects(c, RDFS.subClassOf)
            if isinstance(p, URIRef) and p not in seen
        }
        seen |= parents
        level = sorted(parents)


def _inherited(
    cls: URIRef, prop: URIRef, ontology: Graph, valid: Callable[[str], object]
) -> str | None:
    """Return the nearest valid value of ``prop`` on ``cls`` or an ancestor."""
    for level in _superclass_levels(cls, ontology):
        values = sorted(str(v) for c in level for v in ontology.objects(c, prop))
        for value in values:
            if valid(value.strip()):
                return value.strip()
    return None


def style_for(cls: URIRef, ontology: Graph) -> NodeStyle:
    """Return the colour and shape of a class, inherited down ``rdfs:subClassOf``.

    Colour (``hg:color``), shape (``hg:shape``) and icon (``hg:icon``, a character
    drawn before the label) are looked up separately: the
    nearest ancestor (the class itself first) that declares a valid value wins.
    Unknown shapes and malformed colours are ignored.

    Args:
        cls: The class IRI.
        ontology: The ontology graph holding the styling annotations.

    Returns:
        The style; grey dot when nothing is declared.

    >>> from rdflib import Graph
    >>> style_for(HG.Event, Graph())
    NodeStyle(color='#999999', shape='dot', icon='')
    """
    memo = _memo(ontology)
    style = memo.get(("style", cls))
    if style is None:
        color = _inherited(cls, HG.color, ontology, _COLOR_RE.fullmatch)
        shape = _inherited(cls, HG.shape, ontology, VIS_SHAPES.__contains__)
        icon = _inherited(cls, HG.icon, ontology, lambda v: 0 < len(v) <= 2 and not v.isspace())
        style = NodeStyle(color or DEFAULT_COLOR, shape or DEFAULT_SHAPE, icon or "")
        memo[("style", cls)] = style
    return style  # type: ignore[no-any-return]


def _ancestors(cls: URIRef, ontology: Graph) -> frozenset[Node]:
    """``cls`` and every class above it (memoised per ontology)."""
    memo = _memo(ontology)
    found = memo.get(("ancestors", cls))
    if found is None:
        found = memo[("ancestors", cls)] = frozenset(
            ontology.transitive_objects(cls, RDFS.subClassOf)
        )
    return found  # type: ignore[no-any-return]


def _most_specific(types: Iterable[URIRef], ontology: Graph) -> list[URIRef]:
    """Drop every type that is a superclass of another of the types."""
    types = set(types)
    general: set[Node] = set()
    for t in types:
        general |= (_ancestors(t, ontology) - {t}) & types
    return sorted(types - general) or sorted(types)


def _kind(classes: Iterable[URIRef], ontology: Graph) -> str:
    """Return ``event``, ``agent``, ``place`` or ``other`` for a node's classes."""
    ancestors: set[Node] = set()
    for cls in classes:
        ancestors |= _ancestors(cls, ontology)
    for kind, root in (("event", HG.Event), ("agent", HG.Agent), ("place", HG.Place)):
        if root in ancestors:
            return kind
    return "other"


# ---------------------------------------------------------------- reading the graph


class _Facts:
    """The asserted statements of a dataset, indexed once for fast lookups.

    Inferred graphs (``…/graph/inferred``) are skipped: the view draws what the
    sources say, not what the ontology implies.
    """

    def __init__(self, dataset: Dataset, ontology: Graph) -> None:
        self.ontology = ontology
        self.out: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
        # graphs stating each IRI-valued, non-rdf:type triple (the edges the view may draw)
        self.graphs_of: dict[tuple[Node, Node, Node], set[Node]] = defaultdict(set)
        self.node_graphs: dict[Node, set[Node]] = defaultdict(set)
        # What each context is, decided once per context rather than once per quad:
        # (skip: inferred, named graph IRI or None for the default graph)
        contexts: dict[object, tuple[bool, Node | None]] = {}
        out, graphs_of, node_graphs = self.out, self.graphs_of, self.node_graphs
        for s, p, o, ctx in dataset.quads((None, None, None, None)):
            kind = contexts.get(ctx)
            if kind is None:
                name: Node | None = ctx.identifier if isinstance(ctx, Graph) else ctx
                named = name is not None and name != DATASET_DEFAULT_GRAPH_ID
                kind = contexts[ctx] = (is_inferred_graph(name), name if named else None)
            skip, name = kind
            if skip:
                continue
            out[s][p].add(o)
            if name is None:
                continue
            node_graphs[s].add(name)
            if isinstance(o, URIRef) and not _is_type(p):  # a possible edge: remember its sources
                graphs_of[(s, p, o)].add(name)
                node_graphs[o].add(name)
        self._labels: dict[Node, str] = {}

    def objects(self, subject: Node, prop: Node) -> set[Node]:
        props = self.out.get(subject)
        return props.get(prop, set()) if props else set()

    def label(self, node: Node) -> str:
        """The node's ``rdfs:label`` (data first, then ontology) or its local name."""
        if node not in self._labels:
            labels = sorted(
                str(v) for v in self.objects(node, RDFS.label) if isinstance(v, Literal)
            )
            if not labels:
                labels = sorted(
                    str(v)
                    for v in self.ontology.objects(node, RDFS.label)
                    if isinstance(v, Literal)
                )
            self._labels[node] = labels[0] if labels else _local_name(node)
        return self._labels[node]

    def strings(self, node: Node, prop: URIRef) -> list[str]:
        return sorted({str(v) for v in self.objects(node, prop) if isinstance(v, Literal)})

    def integer(self, node: Node, prop: URIRef) -> int | None:
        for value in sorted(cast("set[Identifier]", self.objects(node, prop))):
            try:
                return int(str(value))
            except ValueError:
                continue
        return None


def _local_name(iri: Node) -> str:
    text = str(iri).rstrip("/#")
    return re.split(r"[/#]", text)[-1] or text


def _span_key(span: EvidenceSpan) -> tuple[str, int, int, int, int, str]:
    start, end = span.start, span.end
    return (span.document, start is None, start or 0, end is None, end or 0, span.quote)


def _evidence(node: Node, facts: _Facts) -> list[EvidenceSpan]:
    """Return the evidence spans of ``node``, sorted by document, offsets and quote."""
    spans = set()
    for ev in facts.objects(node, HG.evidence):
        docs = sorted(cast("set[Identifier]", facts.objects(ev, HG.document)))
        title = facts.label(docs[0]) if docs else ""
        quote = " ".join(facts.strings(ev, HG.quote))
        spans.add(
            EvidenceSpan(title, facts.integer(ev, HG.start), facts.integer(ev, HG.end), quote)
        )
    return sorted(spans, key=_span_key)


def _figures(event: Node, facts: _Facts) -> list[FigureReport]:
    """Return the figures reported about an event, each with its first quote."""
    reports = set()
    for fig in facts.objects(event, HG.figure):
        measures = sorted(facts.label(m) for m in facts.objects(fig, HG.measure))
        bounds = sorted(facts.label(b) for b in facts.objects(fig, HG.bound))
        quotes = [span.quote for span in _evidence(fig, facts)]
        reports.add(
            FigureReport(
                ", ".join(measures),
                facts.integer(fig, HG.count),
                ", ".join(bounds),
                quotes[0] if quotes else "",
            )
        )
    return sorted(
        reports, key=lambda r: (r.measure, r.count is None, r.count or 0, r.bound, r.quote)
    )


def _date(event: Node, facts: _Facts) -> str | None:
    """Return the event's date(s) as text: every ``hg:date`` given, or start–end."""
    dates = facts.strings(event, HG.date)
    if dates:
        return " / ".join(dates)
    start, end = facts.strings(event, HG.startDate), facts.strings(event, HG.endDate)
    if start or end:
        return f"{' / '.join(start)}–{' / '.join(end)}"
    return None


def _date_span(event: Node, facts: _Facts) -> DateSpan | None:
    """Return the days covered by all the event's dates (the hull, if sources differ)."""
    spans = [
        span
        for prop in (HG.date, HG.startDate, HG.endDate)
        for text in facts.strings(event, prop)
        if (span := date_span(text)) is not None
    ]
    if not spans:
        return None
    return DateSpan(min(s.start for s in spans), max(s.end for s in spans))


def _wikidata(node: Node, facts: _Facts) -> str | None:
    """Return the node's Wikidata entity IRI (from ``skos:exactMatch``), if any."""
    matches = sorted(str(m) for m in facts.objects(node, SKOS.exactMatch) if isinstance(m, URIRef))
    wikidata = [m for m in matches if m.startswith(_WIKIDATA_PREFIXES)]
    return wikidata[0] if wikidata else None


def _value_text(value: Node, label: Callable[[Node], str]) -> str:
    """Return how a property value reads: a literal's text, an IRI's label and IRI."""
    if isinstance(value, Literal):
        return f"{value}@{value.language}" if value.language else str(value)
    name = label(value)
    return f"{name} <{value}>" if name != _local_name(value) else str(value)


def _group(prop: Node, values: Iterable[Node]) -> str:
    if prop in _IDENTITY:
        return "Identity"
    if prop in (HG.date, HG.startDate, HG.endDate, HG.duration) or any(
        isinstance(v, Literal) and v.datatype in _TIME_TYPES for v in values
    ):
        return "Time"
    return "Other"


PropertyGroups = list[tuple[str, list[tuple[str, list[str]]]]]


def _properties(
    statements: Mapping[Node, Iterable[Node]],
    label: Callable[[Node], str],
    is_node: Callable[[Node], bool],
) -> PropertyGroups:
    """Group and label every statement about a node that is not drawn as an edge.

    Args:
        statements: The node's properties and their values.
        label: How a property or an IRI value is named.
        is_node: Whether a value is a node of the view (then the statement is an edge).

    Returns:
        ``[(group, [(property label, sorted value texts)])]``; groups ``Identity``,
        ``Time`` and ``Other`` in that order, properties sorted by label.
        Evidence and figures have their own sections and are left out.
    """
    groups: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for prop, values in statements.items():
        if prop in _OWN_SECTION:
            continue
        kept = [v for v in values if _is_type(prop) or not is_node(v)]
        if not kept:
            continue
        if _is_type(prop):
            texts = sorted({label(v) for v in kept})
        else:
            texts = sorted({_value_text(v, label) for v in kept})
        groups[_group(prop, kept)].append((label(prop), texts))
    return [(name, sorted(groups[name])) for name in _GROUP_ORDER if groups.get(name)]


def _graph_title(name: Node, facts: _Facts) -> str:
    """A named graph's title: the label of its document, else its last path segments."""
    labels = facts.strings(name, RDFS.label)
    if labels:
        return labels[0]
    parts = str(name).rstrip("/#").split("/")
    return "/".join(parts[-2:]) if len(parts) > 1 else str(name)


def _node_attrs(
    node: URIRef, facts: _Facts, classes: frozenset[URIRef], is_node: Callable[[Node], bool]
) -> dict[str, Any]:
    """Return the attributes of one projected node (``classes``: the projected ones)."""
    ontology = facts.ontology
    specific = _most_specific(
        (t for t in facts.objects(node, RDF.type) if isinstance(t, URIRef) and t in classes),
        ontology,
    )
    kind = _kind(specific, ontology)
    is_event = kind == "event"
    return {
        "label": facts.label(node),
        "classes": [facts.label(t) for t in specific],
        "class_iri": str(specific[0]),
        "kind": kind,
        "is_event": is_event,
        "date": _date(node, facts) if is_event else None,
        "date_span": _date_span(node, facts) if is_event else None,
        "wikidata": _wikidata(node, facts),
        "aliases": facts.strings(node, SKOS.altLabel),
        "evidence": _evidence(node, facts),
        "figures": _figures(node, facts) if is_event else [],
        "graphs": sorted(_graph_title(g, facts) for g in facts.node_graphs.get(node, ())),
        "properties": _properties(facts.out.get(node, {}), facts.label, is_node),
    }


def _mentions(quote: str, names: Sequence[str]) -> bool:
    lowered = quote.casefold()
    return any(name.casefold() in lowered for name in names if name)


def _edge_evidence(
    source: Mapping[str, Any], target: Mapping[str, Any], titles: Sequence[str]
) -> tuple[list[int], int]:
    """Choose the evidence of a statement: its subject's spans in the documents stating it.

    Spans whose quote names the object (its label or an alias) come first.

    Returns:
        Indices into the subject's evidence, and how many leading ones name the object.
    """
    names = [target["label"], *target["aliases"]]
    spans: list[EvidenceSpan] = source["evidence"]
    chosen = [i for i, span in enumerate(spans) if span.document in titles]
    naming = [i for i in chosen if _mentions(spans[i].quote, names)]
    return naming + [i for i in chosen if i not in naming], len(naming)


def project(dataset: Dataset, ontology: Graph) -> nx.MultiDiGraph:
    """Project a built dataset onto a network of events, agents and places.

    Nodes are the IRIs typed directly with ``hg:Event``, ``hg:Agent``,
    ``hg:Place`` or a subclass of them, keyed by IRI, with the attributes
    ``label``, ``classes`` (labels of the most specific classes), ``class_iri``,
    ``kind`` (``event``, ``agent``, ``place``), ``is_event``, ``date``,
    ``date_span`` (:class:`DateSpan` or None), ``wikidata``, ``aliases``,
    ``evidence`` (sorted :class:`EvidenceSpan`), ``figures`` (sorted
    :class:`FigureReport`), ``graphs`` (titles of the named graphs that mention
    the node), ``properties`` (every other statement, grouped; see
    :func:`_properties`) and, on nodes that share a label with another source's
    node, ``source_note`` (the title of the one source telling it). Edges are the
    triples between two nodes, keyed by property IRI, with the attributes
    ``property``, ``label`` (the property's ``rdfs:label``), ``sources`` (titles
    of the graphs stating it), ``evidence`` (indices into the subject's evidence:
    its spans in those documents, the ones naming the object first) and
    ``evidence_naming`` (how many name it).
    Literals, figures, evidence and documents are not nodes; inferred graphs are
    ignored. Nodes and edges are added sorted.

    Args:
        dataset: The built graph: one named graph per source document.
        ontology: The ontology (classes, property labels, styling).

    Returns:
        The projection.
    """
    facts = _Facts(dataset, ontology)
    classes = projected_classes(ontology)
    nodes = sorted(
        {
            s
            for s, props in facts.out.items()
            if isinstance(s, URIRef) and props.get(RDF.type, set()) & classes
        }
    )
    node_set = set(nodes)
    network = nx.MultiDiGraph()
    for node in nodes:
        network.add_node(str(node), **_node_attrs(node, facts, classes, node_set.__contains__))
    for node in nodes:
        for prop, objects in sorted(facts.out[node].items()):
            if _is_type(prop):
                continue
            for obj in sorted(o for o in objects if isinstance(o, URIRef) and o in node_set):
                titles = sorted(
                    {_graph_title(g, facts) for g in facts.graphs_of.get((node, prop, obj), ())}
                )
                evidence, naming = _edge_evidence(
                    network.nodes[str(node)], network.nodes[str(obj)], titles
                )
                network.add_edge(
                    str(node),
                    str(obj),
                    key=str(prop),
                    property=str(prop),
                    label=facts.label(prop),
                    sources=titles,
                    evidence=evidence,
                    evidence_naming=naming,
                )
    _tell_apart_by_source(network)
    return network


def _tell_apart_by_source(network: nx.MultiDiGraph) -> None:
    """Give each node told by one source only, whose label another node told by other
    sources shares, that source's title as ``source_note`` ("crowd" of one report and
    "crowd" of another, two nodes): the drawn label shows it, so the two do not look like
    one node drawn twice. A node several sources tell keeps its bare label."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for node, attrs in network.nodes(data=True):
        by_label[attrs["label"]].append(node)
    for nodes in by_label.values():
        told_by = {tuple(network.nodes[n]["graphs"]) for n in nodes}
        if len(told_by) < 2:
            continue  # one node, or nodes the same sources tell: a title tells nothing apart
        for node in nodes:
            graphs = network.nodes[node]["graphs"]
            if len(graphs) == 1:
                network.nodes[node]["source_note"] = graphs[0]


# ---------------------------------------------------------------- choosing and grouping nodes


def most_central(projection: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """Keep the ``max_nodes`` most central nodes (networkx degree centrality).

    Ties are broken by IRI, so the choice is deterministic. The returned graph
    keeps the projection's node and edge order.

    Raises:
        HistorygraphError: ``max_nodes`` is less than 1.
    """
    if max_nodes < 1:
        raise HistorygraphError(f"view: --max-nodes must be at least 1, not {max_nodes}")
    if projection.number_of_nodes() <= max_nodes:
        return projection
    centrality = nx.degree_centrality(nx.Graph(projection))
    ranked = sorted(projection.nodes, key=lambda n: (-centrality[n], n))
    keep = set(ranked[:max_nodes])
    kept = nx.MultiDiGraph()
    kept.add_nodes_from((n, a) for n, a in projection.nodes(data=True) if n in keep)
    kept.add_edges_from(
        (s, t, k, a)
        for s, t, k, a in projection.edges(keys=True, data=True)
        if s in keep and t in keep
    )
    return kept


def leaf_clusters(projection: nx.MultiDiGraph, min_members: int = 2) -> list[Cluster]:
    """Group each node's leaves (nodes whose only neighbour it is) into a cluster.

    A pair of nodes linked only to each other is left alone. Clusters are sorted
    by hub and numbered in that order.

    Args:
        projection: The nodes and edges to group.
        min_members: The fewest leaves worth a cluster.

    Returns:
        The clusters: each hub with its leaves.
    """
    simple = nx.Graph(projection)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    leaves: dict[str, list[str]] = defaultdict(list)
    for node in projection.nodes:
        if simple.degree(node) == 1:
            (hub,) = simple[node]
            if simple.degree(hub) > 1:
                leaves[hub].append(node)
    hubs = sorted(h for h, members in leaves.items() if len(members) >= min_members)
    return [
        Cluster(f"hg-cluster-{index}", hub, tuple(sorted(leaves[hub])))
        for index, hub in enumerate(hubs)
    ]


# ---------------------------------------------------------------- drawing


def _figure_text(fig: FigureReport) -> str:
    count = "?" if fig.count is None else str(fig.count)
    return " ".join(part for part in (fig.bound, count, fig.measure) if part)


def _is_dark(color: str) -> bool:
    """Return True for a dark ``#rgb``/``#rrggbb`` colour (white text reads better)."""
    digits = color.lstrip("#")
    if not color.startswith("#") or len(digits) not in (3, 6):
        return False
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.299 * red + 0.587 * green + 0.114 * blue < 140


def _node_options(style: NodeStyle) -> dict[str, Any]:
    """Font options of a shape: labels inside a shape get no halo, white on dark colours."""
    if style.shape not in _LABEL_INSIDE:
        return {}
    font: dict[str, Any] = {"strokeWidth": 0}
    if _is_dark(style.color):
        font["color"] = "#ffffff"
    return {"font": font}


class _IndexedIds(list[str]):
    """A list of node ids with constant-time membership.

    pyvis scans its list of node ids on every ``add_node`` and ``add_edge``
    (quadratic for large graphs); this list answers ``in`` from a set.
    """

    def __init__(self) -> None:
        super().__init__()
        self._members: set[str] = set()

    def append(self, item: str) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _network() -> Network:
    """A directed pyvis network whose id checks are constant-time."""
    net = Network(directed=True)
    net.node_ids = _IndexedIds()
    return net


def _vis_options(net: Network, *, physics: bool, big: bool, seed: int) -> dict[str, Any]:
    """Return vis-network options: pyvis's defaults, stabilising physics or none, seeded.

    ``big`` graphs (over :data:`BIG_NODES` nodes) draw straight edges, hide edges while panning
    and zooming, skip hover effects and draw arrowheads only when zoomed in, so that every
    frame stays cheap.
    """
    net.force_atlas_2based(
        gravity=-150, central_gravity=0.015, spring_length=170, spring_strength=0.06, overlap=0.8
    )
    options: dict[str, Any] = json.loads(net.options.to_json())
    options["physics"]["enabled"] = physics
    options["physics"]["stabilization"].update(
        enabled=physics, iterations=600, updateInterval=25, fit=True
    )
    # vis-network's improved (Kamada-Kawai) start is slow and often gives up on big graphs.
    options["layout"] = {"randomSeed": seed, "improvedLayout": physics and not big}
    options["interaction"].update(
        hover=not big,
        tooltipDelay=150,
        hideEdgesOnDrag=big,
        hideEdgesOnZoom=big,
        multiselect=False,
    )
    options["edges"] = {
        # Big graphs start zoomed out, where arrowheads are specks that cost a third of
        # every frame: the page turns them on once zoomed in (ARROW_SCALE in the template).
        "arrows": {"to": {"enabled": not big, "scaleFactor": 0.6}},
        "color": {"color": "#8a8a8a", "highlight": "#333333", "hover": "#333333"},
        "font": {"size": 12, "align": "middle", "color": "#444444", "strokeWidth": 3},
        "smooth": {"enabled": not big, "type": "continuous"},
    }
    options["nodes"] = {
        "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        "borderWidth": 1,
        "size": 14,
        "scaling": {"label": {"drawThreshold": 5}},
    }
    return options


def _parallel_curve(rank: int) -> dict[str, Any]:
    """Bend the second, third… edge between two nodes so parallel edges stay apart."""
    if rank == 0:
        return {}
    return {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.25 * rank}}


def build_network(
    projection: nx.MultiDiGraph,
    ontology: Graph,
    positions: Mapping[str, tuple[float, float]] | None = None,
    *,
    event_chars: int | None = None,
) -> Network:
    """Build the pyvis network (nodes, edges, styles, positions) of a projection.

    Args:
        projection: The result of :func:`project` (or :func:`ontology_projection`):
            nodes carry ``label``, ``class_iri`` and optionally ``style``
            (a :class:`NodeStyle` that overrides the class's).
        ontology: The ontology (for styles).
        positions: Node positions in pixels, if computed in Python.
        event_chars: Wrap event labels at this many characters instead of :data:`LABEL_CHARS`.

    Returns:
        A directed pyvis :class:`~pyvis.network.Network`; parallel edges are kept,
        edge ``i`` has the id ``e{i}``.
    """
    net = _network()
    styles: dict[str, NodeStyle] = {}
    for node, attrs in projection.nodes(data=True):
        cls = attrs["class_iri"]
        style = attrs.get("style") or styles.get(cls)
        if style is None:
            style = styles[cls] = style_for(URIRef(cls), ontology)
        extra = _node_options(style)
        if positions is not None and node in positions:
            extra.update(x=positions[node][0], y=positions[node][1])
        label = _drawn_label(attrs, event_chars)
        net.add_node(
            node,
            label=f"{style.icon} {label}" if style.icon else label,
            shape=style.shape,
            color=style.color,
            **extra,
        )
    pairs: Counter[frozenset[str]] = Counter()
    for index, (source, target, attrs) in enumerate(projection.edges(data=True)):
        pair = frozenset((source, target))
        extra = _parallel_curve(pairs[pair])
        pairs[pair] += 1
        if event_chars is not None and not extra and _both_events(projection, source, target):
            # Timeline: arc event-to-event edges over the row of events instead of through it.
            extra = {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.35}}
        if attrs.get("dashes"):
            extra["dashes"] = True
        net.add_edge(source, target, id=f"e{index}", label=attrs["label"], **extra)
    return net


def _both_events(projection: nx.MultiDiGraph, source: str, target: str) -> bool:
    return bool(
        projection.nodes[source].get("is_event") and projection.nodes[target].get("is_event")
    )


def _compact(values: Mapping[str, Any]) -> dict[str, Any]:
    """Drop empty values (the page treats a missing key as empty)."""
    return {k: v for k, v in values.items() if v not in (None, [], {}, "", False)}


def _node_details(attrs: Mapping[str, Any], graph_index: Mapping[str, int]) -> dict[str, Any]:
    """What the page knows of a node besides its drawing (empty values left out).

    ``evidence`` items are ``[document, start, end, quote]``, ``figures`` items
    ``[text, quote]``, ``span`` the first and last day of an event's dates,
    ``graphs`` indices into the page's list of source graphs and ``props`` the
    grouped properties (see :func:`_properties`).
    """
    days: DateSpan | None = attrs.get("date_span")
    return _compact(
        {
            "label": attrs["label"],
            "classes": attrs["classes"],
            "cls": attrs["class_iri"],
            "event": attrs.get("is_event", False),
            "date": attrs.get("date"),
            "span": list(days) if days else None,
            "wikidata": attrs.get("wikidata"),
            "aliases": attrs.get("aliases"),
            "evidence": [list(span) for span in attrs.get("evidence", [])],
            "figures": [[_figure_text(fig), fig.quote] for fig in attrs.get("figures", [])],
            "graphs": [graph_index[g] for g in attrs.get("graphs", [])],
            "props": [
                [group, [[label, values] for label, values in items]]
                for group, items in attrs.get("properties", [])
            ],
        }
    )


def _legend(projection: nx.MultiDiGraph, ontology: Graph) -> list[dict[str, Any]]:
    counts = Counter(attrs["class_iri"] for _, attrs in projection.nodes(data=True))
    items = []
    for iri, count in counts.items():
        cls = URIRef(iri)
        style = style_for(cls, ontology)
        labels = sorted(str(v) for v in ontology.objects(cls, RDFS.label))
        label = labels[0] if labels else _local_name(cls)
        items.append(
            {"label": label, "iri": iri, "count": count, "color": style.color, "shape": style.shape}
        )
    return sorted(items, key=lambda item: (item["label"], item["iri"]))


def _date_ticks(projection: nx.MultiDiGraph) -> list[list[Any]]:
    """The distinct first and last days of the events, sorted: ``[day number, ISO text]``.

    An event's last day counts too, so the range reaches the latest date any source
    gives (sources that date one event 9 and 22 January: both are stops).
    """
    spans = [a["date_span"] for _, a in projection.nodes(data=True) if a.get("date_span")]
    days = sorted({s.start for s in spans} | {s.end for s in spans})
    return [[day, _iso_day(day)] for day in days]


def _timeline_axis(
    projection: nx.MultiDiGraph, positions: Mapping[str, tuple[float, float]]
) -> list[list[Any]]:
    """Date labels of the timeline's columns, ``[x, text]``, at most about 200 of them."""
    columns: dict[float, set[str]] = defaultdict(set)
    for node, attrs in projection.nodes(data=True):
        if attrs.get("is_event") and node in positions:
            columns[positions[node][0]].add(attrs["date"] or NO_DATE)
    ordered = sorted((x, min(texts)) for x, texts in columns.items())
    step = max(1, math.ceil(len(ordered) / 200))
    return [[x, text] for x, text in ordered[::step]]


def page_data(
    projection: nx.MultiDiGraph,
    ontology: Graph,
    *,
    title: str,
    settings: ViewSettings | None = None,
    mode: str = "graph",
) -> dict[str, Any]:
    """Return everything the page script needs, as JSON-ready data.

    Args:
        projection: The result of :func:`project` (or :func:`ontology_projection`).
        ontology: The ontology (for styles and class labels).
        title: The page heading.
        settings: Layout and simplification (default :class:`ViewSettings`).
        mode: ``"graph"`` or ``"ontology"`` (what the page calls its nodes).

    Returns:
        ``title``, vis ``nodes``/``edges``/``options``, per-node ``details``,
        per-edge ``edgeDetails``, the ``legend`` of classes present, the
        ``graphs`` (documents) nodes come from, date ``ticks``, ``clusters``,
        the timeline ``axis``, ``layout``, ``positioned`` (whether positions
        come from Python), and ``leftOut``/``maxNodes``.
    """
    settings = settings or ViewSettings()
    count = projection.number_of_nodes()
    positions: Mapping[str, tuple[float, float]] | None = None
    if mode == "ontology":
        positions = {n: a["position"] for n, a in projection.nodes(data=True)}
    elif settings.layout == "timeline":
        positions = timeline_positions(projection)
    elif count > settings.physics_max_nodes:
        positions = force_positions(projection, seed=settings.seed)
    big = count > BIG_NODES
    clusters = leaf_clusters(projection) if count >= settings.cluster_min_nodes else []
    timeline = settings.layout == "timeline" and mode == "graph"
    net = build_network(
        projection, ontology, positions, event_chars=TIMELINE_LABEL_CHARS if timeline else None
    )
    nodes, edges, *_ = net.get_network_data()
    for edge in edges:  # directed: the options draw every arrow
        edge.pop("arrows", None)
    graph_titles = sorted({g for _, a in projection.nodes(data=True) for g in a.get("graphs", [])})
    graph_index = {g: i for i, g in enumerate(graph_titles)}
    edge_details = {}
    for index, (_, _, attrs) in enumerate(projection.edges(data=True)):
        edge_details[f"e{index}"] = _compact(
            {
                "property": attrs["property"],
                "graphs": [graph_index[g] for g in attrs.get("sources", []) if g in graph_index],
                "evidence": attrs.get("evidence"),
                "naming": attrs.get("evidence_naming"),
            }
        )
    graph_counts = Counter(g for _, a in projection.nodes(data=True) for g in a.get("graphs", []))
    options = _vis_options(net, physics=positions is None, big=big, seed=settings.seed)
    if mode == "ontology":  # every edge is "subclass of": the tree says it (hover tells)
        options["edges"]["font"]["size"] = 0
    return {
        "title": title,
        "mode": mode,
        "layout": "ontology" if mode == "ontology" else settings.layout,
        "positioned": positions is not None,
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "details": {node: _node_details(a, graph_index) for node, a in projection.nodes(data=True)},
        "edgeDetails": edge_details,
        "legend": _legend_of(projection, ontology),
        "graphs": [[g, graph_counts[g]] for g in graph_titles],
        "ticks": _date_ticks(projection),
        "axis": _timeline_axis(projection, positions) if timeline and positions else [],
        "clusters": [
            {
                "id": c.id,
                "hub": c.hub,
                "members": list(c.members),
                "label": wrap_label(f"{projection.nodes[c.hub]['label']} (+{len(c.members)})"),
            }
            for c in clusters
        ],
        "leftOut": settings.left_out,
        "maxNodes": settings.max_nodes,
    }


def _legend_of(projection: nx.MultiDiGraph, ontology: Graph) -> list[dict[str, Any]]:
    """The legend: a projection may carry its own (the ontology view does)."""
    own = projection.graph.get("legend")
    return list(own) if own is not None else _legend(projection, ontology)


def script_json(data: Any) -> str:
    """Serialise ``data`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>``, ``&`` and the JavaScript line separators are written as
    ``\\uXXXX`` escapes, so no text in the data can close the script element.

    >>> script_json({"q": "</script>"})
    '{"q":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _JSON_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def _vis_asset(name: str) -> bytes:
    """pyvis's bundled copy of a vis-network file, UTF-8, with line endings as text mode reads them."""
    data = resources.files("pyvis").joinpath(*_VIS_DIR, name).read_bytes()
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def _inline(data: bytes, element: str) -> bytes:
    """Check that ``data`` can be inlined in ``<element>`` without closing it early."""
    if re.search(rb"</" + element.encode() + rb"|<!--", data, flags=re.IGNORECASE):
        raise RuntimeError(f"bundled vis-network asset cannot be inlined in <{element}>")
    return data


def _page_values(data: Mapping[str, Any]) -> dict[str, str]:
    """The page's placeholder values that depend on ``data``."""
    return {
        "page_title": html.escape(str(data["title"])),
        "node_count": str(len(data["nodes"])),
        "edge_count": str(len(data["edges"])),
        "data_json": script_json(data),
    }


@functools.cache
def _page_parts() -> tuple[bytes | str, ...]:
    """The template as UTF-8 pieces: fixed text and assets as bytes, data placeholders as names.

    The vis-network assets are most of every page (about 500 kB); read as bytes
    once here, they are never decoded into text and encoded again.
    """
    template = resources.files("historygraph").joinpath("templates", "view.html")
    fixed = {
        "vis_css": _inline(_vis_asset("vis-network.css"), "style"),
        "vis_js": _inline(_vis_asset("vis-network.min.js"), "script"),
    }
    pieces = _PLACEHOLDER_RE.split(template.read_text(encoding="utf-8"))
    return tuple(
        piece.encode("utf-8") if i % 2 == 0 else fixed.get(piece, piece)
        for i, piece in enumerate(pieces)
    )


def _page_bytes(data: Mapping[str, Any]) -> bytes:
    """The self-contained page for ``data``, as UTF-8 (each placeholder filled once)."""
    values = _page_values(data)
    return b"".join(
        part if isinstance(part, bytes) else values[part].encode("utf-8") for part in _page_parts()
    )


def _page(data: Mapping[str, Any]) -> str:
    return _page_bytes(data).decode("utf-8")


def view_html(
    projection: nx.MultiDiGraph,
    ontology: Graph,
    *,
    title: str,
    settings: ViewSettings | None = None,
) -> str:
    """Return the self-contained HTML page of a projection.

    Args:
        projection: The result of :func:`project`.
        ontology: The ontology (for styles and class labels).
        title: The page heading (inserted as text).
        settings: Layout and simplification (default :class:`ViewSettings`).

    Returns:
        The page; the same input always gives the same text.
    """
    return _page(page_data(projection, ontology, title=title, settings=settings))


def render_view(
    dataset: Dataset,
    ontology: Graph,
    output: Path,
    *,
    title: str,
    layout: str = "force",
    max_nodes: int | None = None,
    physics_max_nodes: int = PHYSICS_MAX_NODES,
    cluster_min_nodes: int = CLUSTER_MIN_NODES,
) -> ViewStats:
    """Project ``dataset`` and write its interactive view to ``output`` (atomically).

    Args:
        dataset: The built graph: one named graph per source document.
        ontology: The ontology (classes, property labels, styling).
        output: The HTML file to write.
        title: The page heading.
        layout: ``"force"`` or ``"timeline"``.
        max_nodes: Keep only this many nodes, the most central (see :func:`most_central`).
        physics_max_nodes: Above this many nodes, force positions are computed in Python.
        cluster_min_nodes: From this many nodes on, leaves collapse into clusters.

    Returns:
        The numbers of nodes and edges drawn, of nodes left out and of clusters.

    Raises:
        HistorygraphError: an unknown layout or a ``max_nodes`` below 1.
    """
    settings = ViewSettings(layout, physics_max_nodes, cluster_min_nodes)
    projection = project(dataset, ontology)
    total = projection.number_of_nodes()
    if max_nodes is not None:
        projection = most_central(projection, max_nodes)
    left_out = total - projection.number_of_nodes()
    settings = ViewSettings(
        layout, physics_max_nodes, cluster_min_nodes, left_out, max_nodes, settings.seed
    )
    data = page_data(projection, ontology, title=title, settings=settings)
    atomic_write_bytes(Path(output), _page_bytes(data))
    return ViewStats(
        nodes=projection.number_of_nodes(),
        edges=projection.number_of_edges(),
        left_out=left_out,
        clusters=len(data["clusters"]),
    )


# ---------------------------------------------------------------- the ontology view

_ONTOLOGY_KINDS: dict[str, tuple[str, NodeStyle]] = {
    "class": ("Class (in its instances' colour)", NodeStyle("#4e79a7", "box")),
    "external": ("Class of another vocabulary", NodeStyle("#bab0ac", "box")),
    "object": ("Object property", NodeStyle("#f28e2b", "box")),
    "datatype": ("Datatype property", NodeStyle("#edc948", "box")),
}


@dataclass
class _Terms:
    """The classes and properties of an ontology and how they nest."""

    classes: list[URIRef] = field(default_factory=list)
    properties: list[URIRef] = field(default_factory=list)
    parents: dict[URIRef, list[URIRef]] = field(default_factory=dict)


def _terms(ontology: Graph, used_classes: Iterable[URIRef]) -> _Terms:
    terms = _Terms()
    classes: set[URIRef] = set(used_classes)
    for kind in (OWL.Class, RDFS.Class):
        classes.update(c for c in ontology.subjects(RDF.type, kind) if isinstance(c, URIRef))
    for s, o in ontology.subject_objects(RDFS.subClassOf):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            classes.update((s, o))
    properties: set[URIRef] = set()
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        properties.update(p for p in ontology.subjects(RDF.type, kind) if isinstance(p, URIRef))
    for s, o in ontology.subject_objects(RDFS.subPropertyOf):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            properties.update((s, o))
    terms.classes = sorted(classes - {OWL.Thing, RDFS.Resource})
    terms.properties = sorted(properties)
    for term in terms.classes:
        terms.parents[term] = sorted(
            p
            for p in ontology.objects(term, RDFS.subClassOf)
            if isinstance(p, URIRef) and p in classes and p != term
        )
    for term in terms.properties:
        terms.parents[term] = sorted(
            p
            for p in ontology.objects(term, RDFS.subPropertyOf)
            if isinstance(p, URIRef) and p in properties and p != term
        )
    return terms


def _tree_positions(
    terms: Sequence[URIRef], parents: Mapping[URIRef, list[URIRef]], x0: float, own: str
) -> dict[URIRef, tuple[float, float]]:
    """Lay out one hierarchy: the ``own`` vocabulary's terms as an indented tree.

    An own term sits under its first own parent (x by depth, y in depth-first
    order, bigger subtrees first); terms of other vocabularies (the alignment
    targets) sit in a column on the left, level with the first own term below
    them.
    """
    mine = [t for t in terms if str(t).startswith(own)]
    children: dict[URIRef, list[URIRef]] = defaultdict(list)
    has_parent: set[URIRef] = set()
    for term in mine:
        own_parents = [p for p in parents.get(term, []) if str(p).startswith(own)]
        if own_parents:
            children[own_parents[0]].append(term)
            has_parent.add(term)
    sizes: dict[URIRef, int] = {}

    def size(term: URIRef, seen: frozenset[URIRef] = frozenset()) -> int:
        if term not in sizes:
            below = [c for c in children.get(term, []) if c not in seen]
            sizes[term] = 1 + sum(size(c, seen | {term}) for c in below)
        return sizes[term]

    positions: dict[URIRef, tuple[float, float]] = {}
    row = 0

    def visit(term: URIRef, depth: int) -> None:
        nonlocal row
        positions[term] = (x0 + 220 + depth * 180, row * _ROW)
        row += 1
        for child in sorted(children.get(term, []), key=lambda c: (-size(c), str(c))):
            if child not in positions:
                visit(child, depth + 1)

    for root in sorted((t for t in mine if t not in has_parent), key=lambda r: (-size(r), str(r))):
        visit(root, 0)
    for term in mine:  # terms on a cycle of subclass statements
        if term not in positions:
            visit(term, 0)
    wanted: list[tuple[float, str, URIRef]] = []
    for term in terms:
        if term in positions:
            continue
        below = [positions[t][1] for t in mine if term in parents.get(t, [])]
        wanted.append((min(below) if below else row * _ROW, str(term), term))
    floor = -math.inf
    for y, _, term in sorted(wanted):
        floor = max(y, floor + _ROW)
        positions[term] = (x0, round(floor))
    return positions


_ROW = 36


def ontology_projection(dataset: Dataset, ontology: Graph) -> nx.MultiDiGraph:
    """Project the ontology's class and property hierarchies, with instance counts.

    Nodes are the classes (``owl:Class``, ``rdfs:Class`` and any class in a
    ``rdfs:subClassOf`` statement or used as a type in the data) and the object
    and datatype properties; edges their ``rdfs:subClassOf`` and
    ``rdfs:subPropertyOf`` statements (domains, ranges and every other statement
    about a term are in its details).
    A class's label carries the number of instances in the graph, counting its
    subclasses' (the details give the direct count); a property's, the number of
    statements using it. Positions: an indented tree per hierarchy.
    """
    facts = _Facts(dataset, ontology)
    direct: Counter[Node] = Counter()
    uses: Counter[Node] = Counter()
    props: dict[Node, set[Node]] | PropertyGroups  # the data's, then each term's details
    for props in facts.out.values():
        for cls in props.get(RDF.type, ()):
            direct[cls] += 1
        for prop, objects in props.items():
            uses[prop] += len(objects)
    terms = _terms(ontology, (c for c in direct if isinstance(c, URIRef)))
    own = str(HG)
    total: Counter[Node] = Counter()
    ancestry: dict[Node, set[Node]] = {}
    for props in facts.out.values():
        ancestors: set[Node] = set()
        for cls in props.get(RDF.type, ()):
            if cls not in ancestry:
                ancestry[cls] = set(_ancestors(cls, ontology)) if isinstance(cls, URIRef) else {cls}
            ancestors |= ancestry[cls]
        total.update(ancestors)
    positions = _tree_positions(terms.classes, terms.parents, 0, own)
    depth = max((p[0] for p in positions.values()), default=0)
    positions.update(_tree_positions(terms.properties, terms.parents, depth + 260, own))
    network = nx.MultiDiGraph()
    legend_counts: Counter[str] = Counter()
    prop_kinds = {
        p: ("object" if (p, RDF.type, OWL.ObjectProperty) in ontology else "datatype")
        for p in terms.properties
    }
    for term in terms.classes + terms.properties:
        is_class = term not in prop_kinds
        if is_class:
            kind = "class" if str(term).startswith(own) else "external"
        else:
            kind = prop_kinds[term]
        legend_counts[kind] += 1
        label = facts.label(term)
        count = total[term] if is_class else uses[term]
        style = style_for(term, ontology) if kind == "class" else _ONTOLOGY_KINDS[kind][1]
        if kind == "class":
            style = NodeStyle(style.color, "box")
        statements: dict[Node, list[Node]] = defaultdict(list)
        for prop, value in ontology.predicate_objects(term):
            statements[prop].append(value)
        props = _properties(statements, facts.label, lambda _: False)
        counts = (
            [
                ("instances, with subclasses", [str(total[term])]),
                ("direct instances", [str(direct[term])]),
            ]
            if is_class
            else [("statements using it", [str(uses[term])])]
        )
        network.add_node(
            str(term),
            label=f"{label} ({count})",
            classes=[_ONTOLOGY_KINDS[kind][0]],
            class_iri=kind,
            kind=kind,
            is_event=False,
            style=style,
            position=positions[term],
            properties=[("In the graph", counts), *props],
        )
    network.graph["legend"] = [
        {
            "label": _ONTOLOGY_KINDS[kind][0],
            "iri": kind,
            "count": legend_counts[kind],
            "color": _ONTOLOGY_KINDS[kind][1].color,
            "shape": _ONTOLOGY_KINDS[kind][1].shape,
        }
        for kind in _ONTOLOGY_KINDS
        if legend_counts[kind]
    ]
    for term in terms.classes + terms.properties:
        for parent in terms.parents.get(term, []):
            relation = RDFS.subPropertyOf if term in prop_kinds else RDFS.subClassOf
            network.add_edge(
                str(term),
                str(parent),
                key=str(relation),
                property=str(relation),
                label="subproperty of" if term in prop_kinds else "subclass of",
            )
    return network


def render_ontology_view(
    dataset: Dataset, ontology: Graph, output: Path, *, title: str
) -> ViewStats:
    """Write the ontology's class and property hierarchies as an offline page.

    Args:
        dataset: The built graph (for instance and statement counts).
        ontology: The ontology to draw.
        output: The HTML file to write.
        title: The page heading.

    Returns:
        The numbers of nodes (classes and properties) and edges drawn.
    """
    projection = ontology_projection(dataset, ontology)
    # The details list every statement about a term in the ontology.
    data = page_data(projection, ontology, title=title, mode="ontology")
    atomic_write_bytes(Path(output), _page_bytes(data))
    return ViewStats(nodes=projection.number_of_nodes(), edges=projection.number_of_edges())


# ---------------------------------------------------------------- export


def to_graphml(projection: nx.MultiDiGraph, path: Path) -> None:
    """Write a projection as GraphML (for Gephi, Cytoscape, yEd), deterministically.

    Node attributes: ``label``, ``classes`` and ``aliases`` (joined with ``; ``),
    ``class_iri``, ``kind``, ``date``, ``wikidata``, ``evidence_count`` and
    ``quote`` (the first evidence quote). Edge attributes: ``property``,
    ``label``, ``sources`` (joined with ``; ``). Missing values are empty strings.

    Args:
        projection: The result of :func:`project` (or :func:`most_central`).
        path: The file to write (atomically).
    """
    flat = nx.MultiDiGraph()
    for node, attrs in projection.nodes(data=True):
        evidence: list[EvidenceSpan] = attrs.get("evidence", [])
        flat.add_node(
            node,
            label=str(attrs.get("label", "")),
            classes="; ".join(attrs.get("classes", [])),
            class_iri=str(attrs.get("class_iri", "")),
            kind=str(attrs.get("kind", "")),
            date=str(attrs.get("date") or ""),
            wikidata=str(attrs.get("wikidata") or ""),
            aliases="; ".join(attrs.get("aliases", [])),
            evidence_count=len(evidence),
            quote=evidence[0].quote if evidence else "",
        )
    for source, target, key, attrs in projection.edges(keys=True, data=True):
        flat.add_edge(
            source,
            target,
            key=key,
            property=str(attrs.get("property", key)),
            label=str(attrs.get("label", "")),
            sources="; ".join(attrs.get("sources", [])),
        )
    text = "\n".join(nx.generate_graphml(flat, prettyprint=True)) + "\n"
    atomic_write_text(Path(path), text)
