"""The graph view: project the RDF dataset onto a network and draw it as one offline page.

:func:`project` turns the union of a built dataset's named graphs into a
:class:`networkx.MultiDiGraph` of events, agents and places; :func:`render_view`
draws that network with vis-network (data and options built with pyvis) into a
single self-contained HTML file: vis-network's script and style are inlined from
pyvis's bundled copy, nothing is fetched from the network, and every text from
the graph reaches the page as JSON data inserted with ``textContent``.

Colours and shapes come from ``hg:color`` and ``hg:shape`` on the ontology's
classes (see :func:`style_for`); no style is written in Python.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx
from pyvis.network import Network
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from historygraph.fsutil import atomic_write_text
from historygraph.namespaces import HG, WD

#: Classes whose instances (and instances of their subclasses) become nodes.
ROOT_CLASSES: tuple[URIRef, ...] = (HG.Event, HG.Agent, HG.Place)
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
_TOOLTIP_QUOTES = 3
_TOOLTIP_QUOTE_CHARS = 160
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_PLACEHOLDER_RE = re.compile(r"\{\{ (\w+) \}\}")


class NodeStyle(NamedTuple):
    """How a class's instances are drawn."""

    color: str
    shape: str


class EvidenceSpan(NamedTuple):
    """A text span that states a fact: document title, offsets, exact text."""

    document: str
    start: int | None
    end: int | None
    quote: str


class FigureReport(NamedTuple):
    """A number a source reports about an event, with the quote stating it."""

    measure: str
    count: int | None
    bound: str
    quote: str


@dataclass(frozen=True)
class ViewStats:
    """What :func:`render_view` drew."""

    nodes: int
    edges: int


# ---------------------------------------------------------------- ontology helpers


def projected_classes(ontology: Graph) -> frozenset[URIRef]:
    """Return ``hg:Event``, ``hg:Agent``, ``hg:Place`` and all their subclasses.

    Args:
        ontology: The ontology graph (``rdfs:subClassOf`` is walked transitively).

    Returns:
        The classes whose direct instances become nodes of the view.
    """
    found: set[URIRef] = set()
    for root in ROOT_CLASSES:
        found.update(
            c for c in ontology.transitive_subjects(RDFS.subClassOf, root) if isinstance(c, URIRef)
        )
    return frozenset(found)


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

    Colour (``hg:color``) and shape (``hg:shape``) are looked up separately: the
    nearest ancestor (the class itself first) that declares a valid value wins.
    Unknown shapes and malformed colours are ignored.

    Args:
        cls: The class IRI.
        ontology: The ontology graph holding the styling annotations.

    Returns:
        The style; grey dot when nothing is declared.

    >>> from rdflib import Graph
    >>> style_for(HG.Event, Graph())
    NodeStyle(color='#999999', shape='dot')
    """
    color = _inherited(cls, HG.color, ontology, _COLOR_RE.fullmatch)
    shape = _inherited(cls, HG.shape, ontology, VIS_SHAPES.__contains__)
    return NodeStyle(color or DEFAULT_COLOR, shape or DEFAULT_SHAPE)


def _most_specific(types: Iterable[URIRef], ontology: Graph) -> list[URIRef]:
    """Drop every type that is a superclass of another of the types."""
    types = set(types)
    general: set[URIRef] = set()
    for t in types:
        ancestors = set(ontology.transitive_objects(t, RDFS.subClassOf)) - {t}
        general |= ancestors & types
    return sorted(types - general) or sorted(types)


# ---------------------------------------------------------------- reading the graph


def _union(dataset: Dataset) -> Graph:
    """Copy the union of all graphs of ``dataset`` into one graph."""
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _local_name(iri: Node) -> str:
    text = str(iri).rstrip("/#")
    return re.split(r"[/#]", text)[-1] or text


def _label(node: Node, graph: Graph, ontology: Graph) -> str:
    """Return the node's ``rdfs:label`` (graph first, then ontology) or its local name."""
    for source in (graph, ontology):
        labels = sorted(str(v) for v in source.objects(node, RDFS.label) if isinstance(v, Literal))
        if labels:
            return labels[0]
    return _local_name(node)


def _strings(node: Node, prop: URIRef, graph: Graph) -> list[str]:
    return sorted({str(v) for v in graph.objects(node, prop) if isinstance(v, Literal)})


def _int(node: Node, prop: URIRef, graph: Graph) -> int | None:
    for value in sorted(graph.objects(node, prop)):
        try:
            return int(str(value))
        except ValueError:
            continue
    return None


def _span_key(span: EvidenceSpan) -> tuple[str, int, int, int, int, str]:
    start, end = span.start, span.end
    return (span.document, start is None, start or 0, end is None, end or 0, span.quote)


def _evidence(node: Node, graph: Graph, ontology: Graph) -> list[EvidenceSpan]:
    """Return the evidence spans of ``node``, sorted by document, offsets and quote."""
    spans = set()
    for ev in graph.objects(node, HG.evidence):
        docs = sorted(graph.objects(ev, HG.document))
        title = _label(docs[0], graph, ontology) if docs else ""
        quote = " ".join(_strings(ev, HG.quote, graph))
        spans.add(EvidenceSpan(title, _int(ev, HG.start, graph), _int(ev, HG.end, graph), quote))
    return sorted(spans, key=_span_key)


def _figures(event: Node, graph: Graph, ontology: Graph) -> list[FigureReport]:
    """Return the figures reported about an event, each with its first quote."""
    reports = set()
    for fig in graph.objects(event, HG.figure):
        measures = sorted(_label(m, graph, ontology) for m in graph.objects(fig, HG.measure))
        bounds = sorted(_label(b, graph, ontology) for b in graph.objects(fig, HG.bound))
        quotes = [span.quote for span in _evidence(fig, graph, ontology)]
        reports.add(
            FigureReport(
                ", ".join(measures),
                _int(fig, HG.count, graph),
                ", ".join(bounds),
                quotes[0] if quotes else "",
            )
        )
    return sorted(
        reports, key=lambda r: (r.measure, r.count is None, r.count or 0, r.bound, r.quote)
    )


def _date(event: Node, graph: Graph) -> str | None:
    """Return the event's date(s) as text: every ``hg:date`` given, or start–end."""
    dates = _strings(event, HG.date, graph)
    if dates:
        return " / ".join(dates)
    start, end = _strings(event, HG.startDate, graph), _strings(event, HG.endDate, graph)
    if start or end:
        return f"{' / '.join(start)}–{' / '.join(end)}"
    return None


def _wikidata(node: Node, graph: Graph) -> str | None:
    """Return the node's Wikidata entity IRI (from ``skos:exactMatch``), if any."""
    matches = sorted(str(m) for m in graph.objects(node, SKOS.exactMatch) if isinstance(m, URIRef))
    wikidata = [m for m in matches if m.startswith(_WIKIDATA_PREFIXES)]
    return wikidata[0] if wikidata else None


def _node_attrs(
    node: URIRef, graph: Graph, ontology: Graph, classes: frozenset[URIRef]
) -> dict[str, Any]:
    """Return the attributes of one projected node (``classes``: the projected ones)."""
    specific = _most_specific((t for t in graph.objects(node, RDF.type) if t in classes), ontology)
    is_event = any(HG.Event in ontology.transitive_objects(t, RDFS.subClassOf) for t in specific)
    return {
        "label": _label(node, graph, ontology),
        "classes": [_label(t, ontology, graph) for t in specific],
        "class_iri": str(specific[0]),
        "is_event": is_event,
        "date": _date(node, graph) if is_event else None,
        "wikidata": _wikidata(node, graph),
        "aliases": _strings(node, SKOS.altLabel, graph),
        "evidence": _evidence(node, graph, ontology),
        "figures": _figures(node, graph, ontology) if is_event else [],
    }


def _edge_sources(
    dataset: Dataset, triple: tuple[Node, Node, Node], graph: Graph, ontology: Graph
) -> list[str]:
    """Return the titles of the documents whose named graphs hold ``triple``."""
    names = set()
    for *_, ctx in dataset.quads((*triple, None)):
        name = ctx.identifier if isinstance(ctx, Graph) else ctx
        if name is not None and name != DATASET_DEFAULT_GRAPH_ID:
            names.add(name)
    return sorted({_label(n, graph, ontology) for n in names})


def project(dataset: Dataset, ontology: Graph) -> nx.MultiDiGraph:
    """Project a built dataset onto a network of events, agents and places.

    Nodes are the IRIs typed directly with ``hg:Event``, ``hg:Agent``,
    ``hg:Place`` or a subclass of them, keyed by IRI, with the attributes
    ``label``, ``classes`` (labels of the most specific classes), ``class_iri``,
    ``is_event``, ``date``, ``wikidata``, ``aliases``, ``evidence`` (sorted
    :class:`EvidenceSpan`) and ``figures`` (sorted :class:`FigureReport`).
    Edges are the triples between two nodes, keyed by property IRI, with the
    attributes ``property``, ``label`` (the property's ``rdfs:label``) and
    ``sources`` (titles of the documents stating it). Literals, figures,
    evidence and documents are not nodes. Nodes and edges are added sorted.

    Args:
        dataset: The built graph: one named graph per source document.
        ontology: The ontology (classes, property labels, styling).

    Returns:
        The projection.
    """
    graph = _union(dataset)
    classes = projected_classes(ontology)
    nodes = sorted(
        {s for s, o in graph.subject_objects(RDF.type) if o in classes and isinstance(s, URIRef)}
    )
    network = nx.MultiDiGraph()
    for node in nodes:
        network.add_node(str(node), **_node_attrs(node, graph, ontology, classes))
    for node in nodes:
        for prop, obj in sorted(graph.predicate_objects(node)):
            if prop == RDF.type or str(obj) not in network or not isinstance(obj, URIRef):
                continue
            network.add_edge(
                str(node),
                str(obj),
                key=str(prop),
                property=str(prop),
                label=_label(prop, ontology, graph),
                sources=_edge_sources(dataset, (node, prop, obj), graph, ontology),
            )
    return network


# ---------------------------------------------------------------- drawing


def _visible_label(attrs: Mapping[str, Any]) -> str:
    """Return the drawn label: an event's label gets its date on a second line."""
    if attrs["is_event"] and attrs["date"] and attrs["date"] not in attrs["label"]:
        return f"{attrs['label']}\n{attrs['date']}"
    return str(attrs["label"])


def _offsets(span: EvidenceSpan) -> str:
    start = "?" if span.start is None else span.start
    end = "?" if span.end is None else span.end
    return f"{start}–{end}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _figure_text(fig: FigureReport) -> str:
    count = "?" if fig.count is None else str(fig.count)
    return " ".join(part for part in (fig.bound, count, fig.measure) if part)


def _tooltip(attrs: Mapping[str, Any]) -> str:
    """Return the plain-text hover text of a node (vis-network shows it as text)."""
    kind = [", ".join(attrs["classes"])] + ([attrs["date"]] if attrs["date"] else [])
    lines = [str(attrs["label"]), " · ".join(kind)]
    if attrs["aliases"]:
        lines.append("Also: " + "; ".join(attrs["aliases"]))
    lines.extend("Figure: " + _figure_text(f) for f in attrs["figures"])
    spans: list[EvidenceSpan] = attrs["evidence"]
    if spans:
        lines.append("Evidence:")
    for span in spans[:_TOOLTIP_QUOTES]:
        quote = _shorten(span.quote, _TOOLTIP_QUOTE_CHARS)
        lines.append(f"“{quote}” — {span.document} [{_offsets(span)}]")
    if len(spans) > _TOOLTIP_QUOTES:
        lines.append(f"… and {len(spans) - _TOOLTIP_QUOTES} more (click the node)")
    return "\n".join(lines)


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
    if style.shape in _LABEL_INSIDE and _is_dark(style.color):
        return {"font": {"color": "#ffffff"}}
    return {}


def _vis_options(net: Network) -> dict[str, Any]:
    """Return vis-network options: pyvis's defaults, stabilising physics, seeded layout."""
    net.force_atlas_2based(
        gravity=-150, central_gravity=0.015, spring_length=170, spring_strength=0.06, overlap=0.8
    )
    options: dict[str, Any] = json.loads(net.options.to_json())
    options["physics"]["stabilization"].update(iterations=600, updateInterval=25)
    options["layout"] = {"randomSeed": 7, "improvedLayout": True}
    options["interaction"].update(hover=True, tooltipDelay=150)
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "color": {"color": "#8a8a8a", "highlight": "#333333", "hover": "#333333"},
        "font": {"size": 12, "align": "middle", "color": "#444444", "strokeWidth": 3},
        "smooth": {"enabled": True, "type": "continuous"},
    }
    options["nodes"] = {
        "font": {"size": 16, "face": "sans-serif"},
        "borderWidth": 1,
        "size": 16,
        "scaling": {"label": {"drawThreshold": 3}},
    }
    return options


def build_network(projection: nx.MultiDiGraph, ontology: Graph) -> Network:
    """Build the pyvis network (nodes, edges, tooltips, styles) of a projection.

    Args:
        projection: The result of :func:`project`.
        ontology: The ontology (for styles).

    Returns:
        A directed pyvis :class:`~pyvis.network.Network`; parallel edges are kept.
    """
    net = Network(directed=True)
    for node, attrs in projection.nodes(data=True):
        style = style_for(URIRef(attrs["class_iri"]), ontology)
        net.add_node(
            node,
            label=_visible_label(attrs),
            shape=style.shape,
            color=style.color,
            title=_tooltip(attrs),
            **_node_options(style),
        )
    pairs: Counter[frozenset[str]] = Counter()
    for index, (source, target, attrs) in enumerate(projection.edges(data=True)):
        statement = (
            f"{projection.nodes[source]['label']} — {attrs['label']} → "
            f"{projection.nodes[target]['label']}"
        )
        pair = frozenset((source, target))
        extra = _parallel_curve(pairs[pair])
        pairs[pair] += 1
        net.add_edge(source, target, id=f"e{index}", label=attrs["label"], title=statement, **extra)
    return net


def _parallel_curve(rank: int) -> dict[str, Any]:
    """Bend the second, third… edge between two nodes so parallel edges stay apart."""
    if rank == 0:
        return {}
    return {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.25 * rank}}


def _node_details(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "label": attrs["label"],
        "classes": attrs["classes"],
        "date": attrs["date"],
        "wikidata": attrs["wikidata"],
        "aliases": attrs["aliases"],
        "evidence": [span._asdict() for span in attrs["evidence"]],
        "figures": [{**fig._asdict(), "text": _figure_text(fig)} for fig in attrs["figures"]],
    }


def _legend(projection: nx.MultiDiGraph, ontology: Graph) -> list[dict[str, Any]]:
    counts = Counter(attrs["class_iri"] for _, attrs in projection.nodes(data=True))
    items = []
    for iri, count in counts.items():
        cls = URIRef(iri)
        style = style_for(cls, ontology)
        label = _label(cls, ontology, ontology)
        items.append(
            {"label": label, "iri": iri, "count": count, "color": style.color, "shape": style.shape}
        )
    return sorted(items, key=lambda item: (item["label"], item["iri"]))


def page_data(projection: nx.MultiDiGraph, ontology: Graph, *, title: str) -> dict[str, Any]:
    """Return everything the page script needs, as JSON-ready data.

    Args:
        projection: The result of :func:`project`.
        ontology: The ontology (for styles and class labels).
        title: The page heading.

    Returns:
        ``title``, vis ``nodes``/``edges``/``options``, per-node ``details``,
        per-edge ``edgeDetails`` and the ``legend`` of classes present.
    """
    net = build_network(projection, ontology)
    nodes, edges, *_ = net.get_network_data()
    edge_details = {}
    for index, (source, target, attrs) in enumerate(projection.edges(data=True)):
        edge_details[f"e{index}"] = {
            "subject": projection.nodes[source]["label"],
            "property": attrs["label"],
            "propertyIri": attrs["property"],
            "object": projection.nodes[target]["label"],
            "sources": attrs["sources"],
        }
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "options": _vis_options(net),
        "details": {node: _node_details(a) for node, a in projection.nodes(data=True)},
        "edgeDetails": edge_details,
        "legend": _legend(projection, ontology),
    }


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


def _vis_asset(name: str) -> str:
    """Read pyvis's bundled copy of a vis-network file."""
    return resources.files("pyvis").joinpath(*_VIS_DIR, name).read_text(encoding="utf-8")


def _inline(text: str, element: str) -> str:
    """Check that ``text`` can be inlined in ``<element>`` without closing it early."""
    lowered = text.lower()
    if f"</{element}" in lowered or "<!--" in lowered:
        raise RuntimeError(f"bundled vis-network asset cannot be inlined in <{element}>")
    return text


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Replace ``{{ name }}`` placeholders in one pass (inserted text is not rescanned)."""
    return _PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], template)


def view_html(projection: nx.MultiDiGraph, ontology: Graph, *, title: str) -> str:
    """Return the self-contained HTML page of a projection.

    Args:
        projection: The result of :func:`project`.
        ontology: The ontology (for styles and class labels).
        title: The page heading (inserted as text).

    Returns:
        The page; the same input always gives the same text.
    """
    template = resources.files("historygraph").joinpath("templates", "view.html")
    return _fill(
        template.read_text(encoding="utf-8"),
        {
            "page_title": html.escape(title),
            "node_count": str(projection.number_of_nodes()),
            "edge_count": str(projection.number_of_edges()),
            "vis_css": _inline(_vis_asset("vis-network.css"), "style"),
            "vis_js": _inline(_vis_asset("vis-network.min.js"), "script"),
            "data_json": script_json(page_data(projection, ontology, title=title)),
        },
    )


def render_view(dataset: Dataset, ontology: Graph, output: Path, *, title: str) -> ViewStats:
    """Project ``dataset`` and write its interactive view to ``output`` (atomically).

    Args:
        dataset: The built graph: one named graph per source document.
        ontology: The ontology (classes, property labels, styling).
        output: The HTML file to write.
        title: The page heading.

    Returns:
        The numbers of nodes and edges drawn (those of :func:`project`).
    """
    projection = project(dataset, ontology)
    atomic_write_text(Path(output), view_html(projection, ontology, title=title))
    return ViewStats(nodes=projection.number_of_nodes(), edges=projection.number_of_edges())
