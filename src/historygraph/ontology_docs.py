"""``historygraph ontology docs``: one offline HTML page documenting the ontology.

The page is generated from the same Turtle files the builder reads, so it shows
what the builder will do with each class: its trigger words and other lexicon
entries, the colour and shape the view draws it with, the SHACL shapes its
instances must satisfy, the properties that start from it, and, given a built
graph, how many instances of it (directly, and with its subclasses) the graph
holds. Known entities (the gazetteer), measures and bounds, shapes and the
external terms we align to are listed too.

The page is self-contained: inline CSS, no script, no image, and no link that
leaves the page (IRIs are shown as text). The same ontology and graph always
give the same bytes: no timestamps, everything sorted.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from historygraph.fsutil import atomic_write_text
from historygraph.namespaces import HG, HG_IRI, PREFIXES
from historygraph.ontology_check import (
    CLASS_TYPES,
    PROPERTY_TYPES,
    SourceFile,
    Vocabulary,
    is_builtin,
    load_sources,
)

#: Lexicon annotations shown for a class, in this order, with their headings.
LEXICON_ROWS: tuple[tuple[URIRef, str], ...] = (
    (HG.trigger, "Triggers"),
    (HG.weakTrigger, "Weak triggers"),
    (HG.anaphor, "Anaphors"),
    (HG.headWord, "Head words"),
    (HG.nerLabel, "NER labels"),
    (HG.supportVerb, "Support verbs"),
    (HG.leadershipNoun, "Leadership nouns"),
    (HG.titleWord, "Title words"),
    (HG.entryVerb, "Entry verbs"),
    (HG.motionVerb, "Motion verbs"),
    (HG.departureWord, "Departure words"),
    (HG.routeNoun, "Route nouns"),
    (HG.sideNoun, "Side nouns"),
    (HG.fateNoun, "Fate nouns"),
    (HG.kinNoun, "Kin nouns"),
    (HG.genericForceNoun, "Generic force nouns"),
    (HG.forceOfBodyNoun, "Force-of-a-body nouns"),
    (HG.nationalForceNoun, "National force nouns"),
    (HG.kinGroupNoun, "Kin group nouns"),
    (HG.familyNoun, "Family nouns"),
    (HG.settlementNoun, "Settlement nouns"),
    (HG.areaNoun, "Area nouns"),
    (HG.featureNoun, "Feature nouns"),
    (HG.surnameEnding, "Surname endings"),
    (HG.givenName, "Given names"),
    (HG.memberNoun, "Member nouns"),
    (HG.headOfStateTitle, "Head-of-state titles"),
    (HG.leadingVerb, "Leading verbs"),
    (HG.genericGroupNoun, "Generic group nouns"),
    (HG.peopleNoun, "People nouns"),
    (HG.nationalPeopleNoun, "National people nouns"),
    (HG.protesterNoun, "Protester nouns"),
    (HG.gatheringNoun, "Gathering nouns"),
    (HG.informantNoun, "Informant nouns"),
    (HG.relationalGroupNoun, "Relational group nouns"),
    (HG.countryNoun, "Country nouns"),
    (HG.stateNoun, "State nouns"),
    (HG.rulerNoun, "Ruler nouns"),
    (HG.storyBodyNoun, "Story body nouns"),
    (HG.seriesNoun, "Series nouns"),
    (HG.vagueSiteNoun, "Vague site nouns"),
    (HG.buildingNoun, "Building nouns"),
    (HG.seatNoun, "Seat nouns"),
    (HG.looseBodyNoun, "Loose body nouns"),
    (HG.siteSynonyms, "Site synonyms"),
    (HG.areaHeadWord, "Area head words"),
    (HG.ofRole, "Role of an of-phrase"),
    (HG.argumentRelation, "Argument relation"),
    (HG.typicalAgentClass, "Typical agent class"),
    (HG.agentTrigger, "Agent triggers"),
    (HG.agentTriggerClass, "Agent trigger class"),
    (HG.agentTriggerRole, "Agent trigger role"),
    (HG.participantNoun, "Participant noun"),
    (HG.affectsNoOne, "Affects no one"),
    (HG.needsParticulars, "Needs particulars"),
    (HG.siteTrigger, "Site triggers"),
    (HG.siteWord, "Site words"),
    (HG.verdictTrigger, "Verdict triggers"),
    (HG.verdictWord, "Verdict words"),
    (HG.targetedTrigger, "Targeted triggers"),
    (HG.cue, "Cues"),
    (HG.reportVerb, "Report verbs"),
)
_CONSTRAINTS: tuple[tuple[URIRef, str], ...] = (
    (SH.minCount, "min"),
    (SH.maxCount, "max"),
    (SH["class"], "class"),
    (SH.datatype, "datatype"),
    (SH.nodeKind, "node kind"),
    (SH.lessThan, "less than"),
    (SH.pattern, "pattern"),
    (SH["in"], "in"),
    (SH.hasValue, "value"),
    (SH.minInclusive, "≥"),
    (SH.maxInclusive, "≤"),
)
_CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
  margin: 0 auto; max-width: 62rem; padding: 1rem 1.5rem 4rem; }
h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #ddd; margin-top: 2.5rem; }
h3 { margin: 0; font-size: 1.15rem; } h3 code { font-weight: normal; color: #555; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
.meta { color: #555; } .meta code { color: #333; }
section.term { border: 1px solid #ddd; border-radius: 6px; padding: 0.7rem 1rem; margin: 1rem 0; }
section.term:target { border-color: #d62728; box-shadow: 0 0 0 2px #f4c7c7; }
dl { display: grid; grid-template-columns: 11rem 1fr; gap: 0.2rem 1rem; margin: 0.6rem 0 0; }
dt { color: #555; font-weight: 600; } dd { margin: 0; }
.phrase { display: inline-block; background: #f2f2f2; border-radius: 3px; padding: 0 0.35rem;
  margin: 0 0.2rem 0.2rem 0; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border: 1px solid #0004;
  border-radius: 3px; vertical-align: -0.1rem; margin-right: 0.3rem; }
.muted { color: #777; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e5e5e5; padding: 0.25rem 0.5rem; }
th { background: #f6f6f6; } td:first-child { white-space: nowrap; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.2rem; margin: 0; }
ul.tree { padding-left: 0; }
nav ul { columns: 2; }
.count { color: #555; font-variant-numeric: tabular-nums; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


@dataclass
class Counts:
    """Instance and usage counts of one built graph (asserted triples only)."""

    name: str
    direct: Counter[URIRef] = field(default_factory=Counter)
    total: Counter[URIRef] = field(default_factory=Counter)
    uses: Counter[URIRef] = field(default_factory=Counter)


def count_instances(graph_dir: Path, vocab: Vocabulary) -> Counts:
    """Count the instances of every class and the uses of every property in a built graph.

    ``direct`` counts subjects typed with the class itself, ``total`` those typed
    with it or any subclass (following the ontology's hierarchy, so an aligned
    class like ``sem:Event`` counts every event). Inferred graphs are skipped.

    Raises:
        HistorygraphError: the graph folder, its manifest or its ``graph.trig`` is bad.
    """
    from historygraph.config import load_config
    from historygraph.inference import is_inferred_graph
    from historygraph.query import load_dataset

    config = load_config(graph_dir)
    dataset = load_dataset(config.trig_path)
    counts = Counts(name=config.name)
    types: dict[Node, set[URIRef]] = defaultdict(set)
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        if is_inferred_graph(name):
            continue
        if isinstance(p, URIRef):
            counts.uses[p] += 1
        if p == RDF.type and isinstance(o, URIRef):
            types[s].add(o)
    for asserted in types.values():
        for cls in asserted:
            counts.direct[cls] += 1
        for cls in set().union(*(vocab.superclasses(c) for c in asserted)):
            counts.total[cls] += 1
    return counts


class _Page:
    """Builds the HTML of the documentation page."""

    def __init__(self, vocab: Vocabulary, counts: Counts | None, digest: str) -> None:
        self.vocab = vocab
        self.g = vocab.graph
        self.counts = counts
        self.digest = digest
        self.classes = sorted(
            {s for t in CLASS_TYPES for s in self.g.subjects(RDF.type, t) if isinstance(s, URIRef)}
        )
        self.properties = sorted(
            {
                s
                for t in PROPERTY_TYPES
                for s in self.g.subjects(RDF.type, t)
                if isinstance(s, URIRef)
            }
        )
        own = {c for c in self.classes if str(c).startswith(HG_IRI)}
        below = {c for c in self.classes if any(o in own for o in self._supers(c))}
        self.documented = own | below
        self.external = [c for c in self.classes if c not in self.documented]
        self.order: list[URIRef] = []
        self.anchors: dict[URIRef, str] = {}
        for kind, terms in (
            ("class", self.classes),
            ("property", self.properties),
            ("term", self._concepts() + self._entities() + self._shapes()),
        ):
            for term in terms:
                self.anchors.setdefault(
                    term, f"{kind}-{re.sub(r'[^A-Za-z0-9_-]', '-', self.short(term))}"
                )

    # ---------------------------------------------------------------- lookups
    def short(self, term: Node) -> str:
        return self.vocab.short(term)

    def label(self, term: Node) -> str:
        labels = sorted(str(v) for v in self.g.objects(term, RDFS.label) if isinstance(v, Literal))
        return labels[0] if labels else self.short(term)

    def comment(self, term: Node) -> str:
        return " ".join(
            sorted(str(v) for v in self.g.objects(term, RDFS.comment) if isinstance(v, Literal))
        )

    def _supers(self, cls: URIRef) -> set[URIRef]:
        return self.vocab.superclasses(cls) - {cls}

    def _objects(self, term: Node, prop: URIRef) -> list[Node]:
        return sorted(self.g.objects(term, prop), key=str)

    def _concepts(self) -> list[URIRef]:
        return sorted(
            s
            for s in self.g.subjects(RDF.type, None)
            if isinstance(s, URIRef)
            and any(
                isinstance(t, URIRef) and SKOS.Concept in self.vocab.superclasses(t)
                for t in self.g.objects(s, RDF.type)
            )
        )

    def _entities(self) -> list[URIRef]:
        return sorted(
            s
            for s in self.g.subjects(RDF.type, None)
            if isinstance(s, URIRef)
            and any(
                {HG.Agent, HG.Place} & self.vocab.superclasses(t)
                for t in self.g.objects(s, RDF.type)
                if isinstance(t, URIRef)
            )
            and not set(self.g.objects(s, RDF.type)) & CLASS_TYPES
        )

    def _shapes(self) -> list[URIRef]:
        return sorted(s for s in self.g.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef))

    def where(self, term: URIRef) -> str:
        source: SourceFile | None = self.vocab.declared.get(term)
        if source is None:
            return ""
        return f"{Path(source.label).name}:{source.line(term)}"

    # ---------------------------------------------------------------- fragments
    def link(self, term: Node) -> str:
        if isinstance(term, Literal):
            return f'<span class="phrase">{_e(term)}</span>'
        if isinstance(term, BNode):
            return self.path(term)
        anchor = self.anchors.get(term) if isinstance(term, URIRef) else None
        text = f"<code>{_e(self.short(term))}</code>"
        return f'<a href="#{_e(anchor)}">{text}</a>' if anchor else text

    def links(self, terms: Iterable[Node]) -> str:
        return ", ".join(self.link(t) for t in terms)

    def path(self, node: Node) -> str:
        """A SHACL property path as text (``^hg:figure`` for an inverse path)."""
        inverse = self.g.value(node, SH.inversePath)
        if inverse is not None:
            return "^" + self.link(inverse)
        return self.link(node) if isinstance(node, URIRef) else "<code>(path)</code>"

    def phrases(self, term: URIRef, prop: URIRef) -> list[Node]:
        return self._objects(term, prop)

    def rows(self, rows: Iterable[tuple[str, str]]) -> str:
        body = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in rows if v)
        return f"<dl>{body}</dl>" if body else ""

    def count(self, cls: URIRef) -> str:
        if self.counts is None:
            return ""
        direct, total = self.counts.direct[cls], self.counts.total[cls]
        return (
            f'<span class="count" data-direct="{direct}" data-total="{total}">'
            f"{direct} direct, {total} with subclasses</span> in <code>{_e(self.counts.name)}</code>"
        )

    def style(self, cls: URIRef) -> str:
        from historygraph.view import DEFAULT_COLOR, DEFAULT_SHAPE, style_for

        style = style_for(cls, self.g)
        if (cls, HG.color, None) not in self.g and (cls, HG.shape, None) not in self.g:
            if style == (DEFAULT_COLOR, DEFAULT_SHAPE):
                return '<span class="muted">default (grey dot)</span>'
            how = " (inherited)"
        else:
            how = ""
        return (
            f'<span class="swatch" style="background:{_e(style.color)}"></span>'
            f"<code>{_e(style.color)}</code>, {_e(style.shape)}{how}"
        )

    def constraint(self, node: Node) -> str:
        parts = []
        for prop, name in _CONSTRAINTS:
            for value in self._objects(node, prop):
                parts.append(
                    f"{_e(name)} {self.link(value) if isinstance(value, URIRef) else _e(value)}"
                )
        for alternative in self._objects(node, SH["or"]):
            options = [
                self.link(
                    self.g.value(item, SH.datatype) or self.g.value(item, SH["class"]) or item
                )
                for item in self.g.items(alternative)
            ]
            parts.append("one of " + " | ".join(options))
        return "; ".join(parts)

    def shape_table(self, shape: Node) -> str:
        rows = []
        own = self.constraint(shape)
        if own:
            rows.append(
                f"<tr><td><em>node</em></td><td>{own}</td><td>{self.message(shape)}</td></tr>"
            )
        for prop in sorted(self.g.objects(shape, SH.property), key=self._property_key):
            path = self.g.value(prop, SH.path)
            rows.append(
                f"<tr><td>{self.path(path) if path is not None else ''}</td>"
                f"<td>{self.constraint(prop)}</td><td>{self.message(prop)}</td></tr>"
            )
        if not rows:
            return ""
        return (
            "<table><thead><tr><th>path</th><th>constraint</th><th>message</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def _property_key(self, node: Node) -> tuple[str, str, str]:
        path = self.g.value(node, SH.path)
        inverse = self.g.value(path, SH.inversePath) if path is not None else None
        return (str(inverse or path or ""), self.constraint(node), self.message(node))

    def message(self, node: Node) -> str:
        return _e(" ".join(sorted(str(m) for m in self.g.objects(node, SH.message))))

    def targets(self, shape: Node) -> list[tuple[str, Node]]:
        found: list[tuple[str, Node]] = []
        for prop, how in (
            (SH.targetClass, "instances of"),
            (SH.targetSubjectsOf, "subjects of"),
            (SH.targetObjectsOf, "objects of"),
            (SH.targetNode, "node"),
        ):
            found.extend((how, t) for t in self._objects(shape, prop))
        return found

    # ---------------------------------------------------------------- sections
    def header(self, files: Sequence[SourceFile]) -> str:
        onto = next(iter(sorted(self.g.subjects(RDF.type, OWL.Ontology), key=str)), None)
        title = self.label(onto) if onto is not None else "historygraph ontology"
        versions = sorted(str(v) for v in self.g.objects(onto, OWL.versionInfo)) if onto else []
        rows = [
            ("IRI", f"<code>{_e(onto)}</code>" if onto is not None else ""),
            ("Version", _e(", ".join(versions)) or '<span class="muted">none</span>'),
            ("Hash", f"<code>{_e(self.digest)}</code>"),
            ("Files", ", ".join(f"<code>{_e(Path(s.label).name)}</code>" for s in files)),
            (
                "Instance counts",
                f"graph <code>{_e(self.counts.name)}</code> (asserted triples of graph.trig)"
                if self.counts
                else '<span class="muted">no graph given (--graph GRAPH_DIR)</span>',
            ),
        ]
        comment = self.comment(onto) if onto is not None else ""
        return (
            f"<header><h1>{_e(title)}</h1><p>{_e(comment)}</p>{self.rows(rows)}"
            '<p class="meta">Generated by <code>historygraph ontology docs</code> from the '
            "ontology files; do not edit.</p></header>"
        )

    def tree(self) -> str:
        children: dict[URIRef, list[URIRef]] = defaultdict(list)
        for c in self.documented:
            for parent in self._objects(c, RDFS.subClassOf):
                if parent in self.documented and parent != c:
                    children[parent].append(c)  # type: ignore[index]
        roots = sorted(
            (c for c in self.documented if not any(p in self.documented for p in self._supers(c))),
            key=self.label,
        )
        order: list[URIRef] = []

        def branch(cls: URIRef, trail: frozenset[URIRef]) -> str:
            if cls not in order:
                order.append(cls)
            kids = sorted(set(children.get(cls, [])) - trail, key=self.label)
            inner = "".join(branch(k, trail | {k}) for k in kids)
            count = ""
            if self.counts is not None:
                count = f' <span class="count">({self.counts.total[cls]})</span>'
            sub = f"<ul>{inner}</ul>" if inner else ""
            return f"<li>{self.link(cls)} {_e(self.label(cls))}{count}{sub}</li>"

        items = "".join(branch(r, frozenset({r})) for r in roots)
        self.order = order
        return f'<ul class="tree" id="class-tree">{items}</ul>'

    def class_section(self, cls: URIRef) -> str:
        supers = self._objects(cls, RDFS.subClassOf)
        subs = sorted((s for s in self.g.subjects(RDFS.subClassOf, cls) if s != cls), key=str)
        lexicon = [
            (name, " ".join(self.link(v) for v in self.phrases(cls, prop)))
            for prop, name in LEXICON_ROWS
        ]
        shapes = []
        ancestors = self.vocab.superclasses(cls)
        for shape in self._shapes():
            via = [t for t in self._objects(shape, SH.targetClass) if t in ancestors]
            if via:
                if cls in via:  # the table once, where the shape targets the class itself
                    shapes.append(f"<div>{self.link(shape)}{self.shape_table(shape)}</div>")
                else:
                    shapes.append(f"<div>{self.link(shape)} (via {self.links(via)})</div>")
        domain_of = [p for p in self.properties if (p, RDFS.domain, cls) in self.g]
        range_of = [p for p in self.properties if (p, RDFS.range, cls) in self.g]
        rows = [
            ("Subclass of", self.links(supers)),
            ("Superclass of", self.links(subs)),
            ("Equivalent to", self.links(self._objects(cls, OWL.equivalentClass))),
            *lexicon,
            ("Drawn as", self.style(cls)),
            ("Properties", self.links(domain_of)),
            ("Range of", self.links(range_of)),
            ("Shapes", "".join(shapes)),
            ("Instances", self.count(cls)),
            ("Defined in", f"<code>{_e(self.where(cls))}</code>" if self.where(cls) else ""),
        ]
        return self.term_section(cls, "class", rows)

    def term_section(self, term: URIRef, kind: str, rows: list[tuple[str, str]]) -> str:
        return (
            f'<section class="term {kind}" id="{_e(self.anchors[term])}" '
            f'data-iri="{_e(term)}"><h3>{_e(self.label(term))} <code>{_e(self.short(term))}</code>'
            f'</h3><div class="meta"><code>{_e(term)}</code></div>'
            f"<p>{_e(self.comment(term))}</p>{self.rows(rows)}</section>"
        )

    def property_section(self, prop: URIRef) -> str:
        kinds = sorted(self.short(t) for t in self.g.objects(prop, RDF.type) if t in PROPERTY_TYPES)
        subs = sorted((s for s in self.g.subjects(RDFS.subPropertyOf, prop) if s != prop), key=str)
        uses = ""
        if self.counts is not None:
            n = self.counts.uses[prop]
            uses = f'<span class="count" data-uses="{n}">{n}</span> in <code>{_e(self.counts.name)}</code>'
        rows = [
            ("Kind", _e(", ".join(kinds))),
            ("Domain", self.links(self._objects(prop, RDFS.domain))),
            ("Range", self.links(self._objects(prop, RDFS.range))),
            ("Sub-property of", self.links(self._objects(prop, RDFS.subPropertyOf))),
            ("Super-property of", self.links(subs)),
            ("Inverse of", self.links(self._objects(prop, OWL.inverseOf))),
            ("Statements", uses),
            ("Defined in", f"<code>{_e(self.where(prop))}</code>" if self.where(prop) else ""),
        ]
        return self.term_section(prop, "property", rows)

    def concept_table(self) -> str:
        rows = []
        for term in self._concepts():
            kind = ", ".join(self.short(t) for t in self._objects(term, RDF.type))
            phrases = " ".join(
                self.link(v) for p in (HG.trigger, HG.cue) for v in self.phrases(term, p)
            )
            rows.append(
                f'<tr id="{_e(self.anchors[term])}" data-iri="{_e(term)}"><td>{_e(self.label(term))} '
                f"<code>{_e(self.short(term))}</code></td><td>{_e(kind)}</td>"
                f"<td>{_e(self.comment(term))}</td><td>{phrases}</td></tr>"
            )
        vague = []
        for node in sorted(self.g.objects(HG.Figure, HG.vagueQuantity), key=self._vague_key):
            word, count, bound = (self.g.value(node, p) for p in (HG.word, HG.count, HG.bound))
            vague.append(
                f"<tr><td>{self.link(word) if word is not None else ''}</td>"
                f"<td>{_e(count)}</td><td>{self.link(bound) if bound is not None else ''}</td></tr>"
            )
        table = (
            "<table><thead><tr><th>concept</th><th>kind</th><th>meaning</th>"
            f"<th>triggers / cues</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        if vague:
            table += (
                "<h3>Vague quantities</h3><table><thead><tr><th>word</th><th>count</th>"
                f"<th>bound</th></tr></thead><tbody>{''.join(vague)}</tbody></table>"
            )
        return table

    def _vague_key(self, node: Node) -> str:
        return str(self.g.value(node, HG.word))

    def entity_table(self) -> str:
        rows = []
        for entity in self._entities():
            types = [t for t in self._objects(entity, RDF.type) if isinstance(t, URIRef)]
            aliases = " ".join(self.link(a) for a in self._objects(entity, SKOS.altLabel))
            matches = ", ".join(
                f"<code>{_e(self.short(m))}</code>" for m in self._objects(entity, SKOS.exactMatch)
            )
            where = self.links(
                [*self._objects(entity, HG.locatedIn), *self._objects(entity, HG.capitalOf)]
            )
            rows.append(
                f'<tr id="{_e(self.anchors[entity])}" data-iri="{_e(entity)}">'
                f"<td>{_e(self.label(entity))} "
                f"<code>{_e(self.short(entity))}</code></td><td>{self.links(types)}</td>"
                f"<td>{aliases}</td><td>{matches}</td><td>{where}</td></tr>"
            )
        return (
            "<table><thead><tr><th>entity</th><th>class</th><th>aliases</th>"
            "<th>same as</th><th>located in / capital of</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def shape_sections(self) -> str:
        parts = []
        for shape in self._shapes():
            targets = ", ".join(f"{_e(how)} {self.link(t)}" for how, t in self.targets(shape))
            parts.append(
                self.term_section(
                    shape, "shape", [("Targets", targets), ("Constraints", self.shape_table(shape))]
                )
            )
        return "".join(parts)

    def external_table(self) -> str:
        rows = []
        for term in [*self.external, *(p for p in self.properties if not self._own_property(p))]:
            mapped = sorted(
                (
                    s
                    for p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass)
                    for s in self.g.subjects(p, term)
                    if s != term
                ),
                key=str,
            )
            count = ""
            if self.counts is not None:
                n = self.counts.total[term] if term in self.external else self.counts.uses[term]
                count = f'<span class="count">{n}</span>'
            rows.append(
                f'<tr id="{_e(self.anchors[term])}" data-iri="{_e(term)}">'
                f"<td><code>{_e(self.short(term))}</code></td>"
                f"<td>{_e(self.label(term))}</td><td>{self.links(mapped)}</td><td>{count}</td></tr>"
            )
        head = "instances / statements (asserted)" if self.counts else ""
        return (
            "<table><thead><tr><th>term</th><th>label</th><th>our terms below it</th>"
            f"<th>{_e(head)}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def _own_property(self, prop: URIRef) -> bool:
        return str(prop).startswith(HG_IRI) and not is_builtin(prop)

    def namespaces(self) -> str:
        merged = {**self.vocab.prefixes, **PREFIXES}
        rows = "".join(
            f"<tr><td><code>{_e(p)}:</code></td><td><code>{_e(ns)}</code></td></tr>"
            for p, ns in sorted(merged.items())
        )
        return f"<table><tbody>{rows}</tbody></table>"

    def render(self) -> str:
        tree = self.tree()
        classes = "".join(self.class_section(c) for c in self.order)
        own_properties = [p for p in self.properties if self._own_property(p)]
        properties = "".join(self.property_section(p) for p in own_properties)
        sections = [
            ("classes", "Classes", tree + classes),
            ("properties", "Properties", properties),
            ("concepts", "Measures and bounds", self.concept_table()),
            ("entities", "Known entities (gazetteer)", self.entity_table()),
            ("shapes", "SHACL shapes", self.shape_sections()),
            ("external", "External terms we align to", self.external_table()),
            ("namespaces", "Namespaces", self.namespaces()),
        ]
        nav = "".join(f'<li><a href="#{i}">{_e(t)}</a></li>' for i, t, _ in sections)
        body = "".join(f'<h2 id="{i}">{_e(t)}</h2>{html_}' for i, t, html_ in sections)
        title = self.label(
            next(iter(sorted(self.g.subjects(RDF.type, OWL.Ontology), key=str)), HG.Event)
        )
        return (
            "<!DOCTYPE html>\n<!-- historygraph ontology documentation: generated by "
            "historygraph.ontology_docs, do not edit. Self-contained: loads nothing. -->\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
            f"{self.header(self.vocab.sources)}<nav><ul>{nav}</ul></nav>{body}</body></html>\n"
        )


def render_docs(dirs: Sequence[Path], graph_dir: Path | None = None) -> str:
    """The documentation page of the ontology in ``dirs`` (counts from ``graph_dir``).

    Raises:
        OntologyError: a folder is missing or a file does not parse.
        HistorygraphError: ``graph_dir`` is not a built graph.
    """
    from historygraph.ontology import load_ontology

    ontology = load_ontology(dirs)  # fails with file:line on a parse error
    vocab = Vocabulary.from_sources(load_sources(dirs))
    counts = count_instances(graph_dir, vocab) if graph_dir is not None else None
    return _Page(vocab, counts, ontology.digest).render()


def write_docs(dirs: Sequence[Path], output: Path, graph_dir: Path | None = None) -> Path:
    """Write ``OUTPUT/index.html`` (atomically) and return its path."""
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    path = output / "index.html"
    atomic_write_text(path, render_docs(dirs, graph_dir))
    return path
