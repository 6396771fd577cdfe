"""The one place where annotations become RDF.

Each document's statements go into its own named graph (IRI = the document's
IRI). What the ontology's gazetteer knows about an entity (canonical label,
aliases, Wikidata link, containing place) goes into the reference graph, and
what the build used into the provenance graph, so that every statement in a
document graph is something that document says.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph, Literal, URIRef

from historygraph import __version__
from historygraph.config import GraphConfig, SourceConfig
from historygraph.document import Document, Entity, EventRecord, Span
from historygraph.iri import (
    document_entity_iri,
    document_iri,
    entity_iri,
    event_iri,
    evidence_iri,
    figure_iri,
    local_name,
)
from historygraph.namespaces import DCTERMS, HG, SCHEMA
from historygraph.ontology import Ontology
from historygraph.vocab import OWL, PROV, RDF, RDFS, SKOS, XSD


def reference_graph_iri(base: str) -> URIRef:
    """Named graph of gazetteer knowledge about the entities a build used."""
    return URIRef(f"{base}graph/reference")


def provenance_graph_iri(base: str) -> URIRef:
    """Named graph describing the build itself."""
    return URIRef(f"{base}graph/provenance")


@dataclass
class Emitter:
    """Adds documents to a dataset, minting IRIs consistently across documents."""

    config: GraphConfig
    ontology: Ontology
    dataset: Dataset

    def __post_init__(self) -> None:
        self.reference = self.dataset.graph(reference_graph_iri(self.config.base))
        self.provenance = self.dataset.graph(provenance_graph_iri(self.config.base))
        self._entity_iris: dict[tuple[URIRef | None, str], URIRef] = {}
        self._current_labels: dict[int, str] = {}
        self.merges: dict[URIRef, URIRef] = {}
        self.proposals: list[dict[str, object]] = []
        self._event_keys: dict[URIRef, str] = {}
        self._integers: dict[int, Literal] = {}
        self._texts: dict[str, Literal] = {}
        self._referenced: set[tuple[URIRef, URIRef, URIRef, str]] = set()
        self._entries = {e.iri: e for e in self.ontology.lexicon.gazetteer}
        activity = URIRef(f"{self.config.base}build")
        self.activity = activity
        self.provenance.add((activity, RDF.type, PROV.Activity))
        self.provenance.add(
            (activity, RDFS.label, Literal(f"historygraph build of {self.config.name}"))
        )
        self.provenance.add((activity, HG.builderVersion, Literal(__version__)))
        self.provenance.add((activity, HG.ontologyHash, Literal(self.ontology.digest)))
        self.provenance.add((activity, OWL.versionInfo, Literal(self.ontology.version)))

    # ------------------------------------------------------------------ terms
    def minted(self, ent: Entity, document: URIRef) -> URIRef:
        """The IRI minted for an entity of ``document``: an unnamed one's ("the crowd",
        "civilians") under the document's IRI, a gazetteer entity's by its gazetteer key, any
        other's by its class and label (one node for every source that names it alike)."""
        if not ent.named:
            return document_entity_iri(document, ent.cls, ent.label)
        if ent.gazetteer is not None:
            return entity_iri(self.config.base, ent.cls, local_name(str(ent.gazetteer)))
        return entity_iri(self.config.base, ent.cls, ent.label)

    def entity(self, ent: Entity, document: URIRef) -> URIRef:
        """The IRI of an entity of ``document`` after resolution (acronyms, curation.ttl)."""
        key = (None if ent.named else document, ent.key)
        if key not in self._entity_iris:
            iri = self.minted(ent, document)
            self._entity_iris[key] = self.merges.get(iri, iri)
        return self._entity_iris[key]

    def evidence(self, g: Graph, doc_iri: URIRef, doc: Document, span: Span) -> URIRef:
        """An evidence node for ``span`` (quote == text[start:end])."""
        node = evidence_iri(doc_iri, span.start, span.end)
        g.add((node, RDF.type, HG.Evidence))
        g.add((node, HG.document, doc_iri))
        g.add((node, HG.start, self._integer(span.start)))
        g.add((node, HG.end, self._integer(span.end)))
        g.add((node, HG.quote, Literal(doc.quote(span))))
        return node

    def _text(self, value: str) -> Literal:
        """``Literal(value)``, made once per text (labels repeat across documents)."""
        literal = self._texts.get(value)
        if literal is None:
            literal = self._texts[value] = Literal(value)
        return literal

    def _integer(self, value: int) -> Literal:
        """``Literal(value)``, made once per value (offsets repeat across evidence)."""
        literal = self._integers.get(value)
        if literal is None:
            literal = self._integers[value] = Literal(value)
        return literal

    def event_label(self, doc: Document, event: EventRecord) -> str:
        """A readable, deterministic label: class, agent, place, date."""
        label = self.ontology.label(event.cls)
        if event.agents:
            label += f" by {doc.entities[event.agents[0]].label}"
        if event.place:
            label += f" in {doc.entities[event.place].label}"
        if event.date is not None:
            label += f" ({event.date.value})"
        return label

    def _event_iri(self, doc: Document, event: EventRecord, taken: set[URIRef]) -> URIRef:
        if event.place:
            anchor = doc.entities[event.place].label
        elif event.agents:
            anchor = doc.entities[event.agents[0]].label
        else:
            anchor = doc.quote(event.triggers[0])
        iri = event_iri(
            self.config.base, event.cls, event.date.value if event.date else None, anchor
        )
        candidate, n = iri, 1
        while candidate in taken:
            n += 1
            candidate = URIRef(f"{iri}-{n}")
        taken.add(candidate)
        return candidate

    # ------------------------------------------------------------------ documents
    def add_documents(self, docs: list[Document], sources: list[SourceConfig]) -> list[URIRef]:
        """Emit every document, one event node per cross-document event cluster."""
        from historygraph.curation import Candidate, load_curation, resolve
        from historygraph.resolve import EventRef, cluster_events

        documents = [document_iri(self.config.base, source.file) for source in sources]
        candidates = [
            Candidate(self.minted(e, d), e.cls, e.label, e.gazetteer is not None, e.named)
            for doc, d in zip(docs, documents, strict=True)
            for e in doc.entities.values()
        ]
        self.merges, self.proposals = resolve(candidates, load_curation(self.config.directory))
        entity_iris = [
            {k: str(self.entity(e, d)) for k, e in doc.entities.items()}
            for doc, d in zip(docs, documents, strict=True)
        ]
        clusters = cluster_events(docs, entity_iris)
        taken: set[URIRef] = set()
        minted: dict[EventRef, URIRef] = {}
        for ref, rep in clusters.items():
            if ref == rep:
                minted[rep] = self._event_iri(docs[rep.doc], docs[rep.doc].events[rep.event], taken)
        self._labels = {
            ref: self.event_label(docs[rep.doc], docs[rep.doc].events[rep.event])
            for ref, rep in clusters.items()
        }
        graphs = []
        for d, (doc, source) in enumerate(zip(docs, sources, strict=True)):
            iris = {ref.event: minted[rep] for ref, rep in clusters.items() if ref.doc == d}
            labels = {ref.event: label for ref, label in self._labels.items() if ref.doc == d}
            graphs.append(self.add_document(doc, source, iris, labels))
        return graphs

    def add_document(
        self,
        doc: Document,
        source: SourceConfig,
        iris: dict[int, URIRef] | None = None,
        labels: dict[int, str] | None = None,
    ) -> URIRef:
        """Emit one processed document into its named graph; return the graph IRI."""
        doc_iri = document_iri(self.config.base, source.file)
        g = self.dataset.graph(doc_iri)
        self._describe_document(g, doc_iri, doc, source)
        namers = self._label_bearers(doc, doc_iri)
        for ent in doc.entities.values():
            self._emit_entity(g, doc_iri, doc, ent, ent.key in namers)
        for m in doc.mentions:
            node = self.entity(doc.entities[m.entity], doc_iri)
            g.add((node, HG.evidence, self.evidence(g, doc_iri, doc, m.span)))
        events = doc.live_events()
        if iris is None:
            taken: set[URIRef] = set()
            iris = {e.id: self._event_iri(doc, e, taken) for e in events}
        self._current_labels = labels or {}
        for event in events:
            self._emit_event(g, doc_iri, doc, event, iris)
        figures: set[URIRef] = set()
        for fig in doc.figures:
            event = doc.canonical_event(fig.event)
            if event.id not in iris:
                continue
            node = figure_iri(iris[event.id], doc_iri, fig.measure, fig.evidence.start)
            if node in figures:
                continue  # one figure per event, measure and evidence: the first stated
            figures.add(node)
            g.add((iris[event.id], HG.figure, node))
            g.add((node, RDF.type, HG.Figure))
            bound = self.ontology.label(fig.bound)
            g.add(
                (
                    node,
                    RDFS.label,
                    Literal(f"{self.ontology.label(fig.measure)}: {bound} {fig.count}"),
                )
            )
            g.add((node, HG.measure, fig.measure))
            g.add((node, HG.count, Literal(fig.count, datatype=XSD.integer)))
            g.add((node, HG.bound, fig.bound))
            g.add((node, HG.evidence, self.evidence(g, doc_iri, doc, fig.evidence)))
        self.provenance.add((self.activity, PROV.used, doc_iri))
        return doc_iri

    def _describe_document(
        self, g: Graph, doc_iri: URIRef, doc: Document, source: SourceConfig
    ) -> None:
        g.add((doc_iri, RDF.type, HG.Document))
        g.add((doc_iri, RDFS.label, Literal(source.title)))
        g.add((doc_iri, HG.sourceFile, Literal(source.file)))
        g.add((doc_iri, HG.contentHash, Literal(doc.content_hash)))
        g.add((doc_iri, DCTERMS.language, Literal(source.language)))
        for prop, value in (
            (DCTERMS.creator, source.author),
            (DCTERMS.publisher, source.publisher),
            (DCTERMS.date, source.date),
            (RDFS.comment, source.note),
        ):
            if value:
                g.add((doc_iri, prop, Literal(value)))
        if source.url:
            g.add((doc_iri, SCHEMA.url, URIRef(source.url)))

    def _label_bearers(self, doc: Document, document: URIRef) -> set[str]:
        """The keys of the entities whose label is their node's ``rdfs:label`` in a document's
        graph: one per node. Where several of a document's entities resolve to one IRI ("CIS"
        and "Commonwealth of Independent States", an acronym merged across the graph, or a
        pair ``curation.ttl`` joins), the one the IRI was minted for (else the longest label)
        names the node and the others' labels are its ``skos:altLabel``."""
        nodes: dict[URIRef, list[Entity]] = {}
        for ent in doc.entities.values():
            nodes.setdefault(self.entity(ent, document), []).append(ent)
        return {
            min(
                members, key=lambda e: (self.minted(e, document) != node, -len(e.label), e.label)
            ).key
            for node, members in nodes.items()
        }

    def _emit_entity(
        self, g: Graph, document: URIRef, doc: Document, ent: Entity, names_node: bool
    ) -> None:
        node = self.entity(ent, document)
        g.add((node, RDF.type, ent.cls))
        g.add((node, RDFS.label if names_node else SKOS.altLabel, self._text(ent.label)))
        for alias in sorted(ent.aliases):
            g.add((node, SKOS.altLabel, self._text(alias)))
        if ent.located_in is not None and ent.located_in in doc.entities:
            g.add((node, HG.locatedIn, self.entity(doc.entities[ent.located_in], document)))
        if ent.gazetteer is not None:
            self._emit_reference(ent, node)

    def _emit_reference(self, ent: Entity, node: URIRef) -> None:
        seen = (node, ent.gazetteer, ent.cls, ent.label)
        if seen in self._referenced:  # the reference graph already says all of this
            return
        self._referenced.add(seen)  # type: ignore[arg-type]
        graph = self.ontology.graph
        ref = self.reference
        ref.add((node, RDF.type, ent.cls))
        ref.add((node, RDFS.label, self._text(ent.label)))
        ref.add((node, RDFS.seeAlso, ent.gazetteer))  # type: ignore[arg-type]
        for alias in graph.objects(ent.gazetteer, SKOS.altLabel):
            ref.add((node, SKOS.altLabel, alias))
        for match in graph.objects(ent.gazetteer, SKOS.exactMatch):
            ref.add((node, SKOS.exactMatch, match))
        entries = self._entries
        for prop in (HG.locatedIn, HG.capitalOf):
            for target in graph.objects(ent.gazetteer, prop):
                if target in entries:
                    entry = entries[target]  # type: ignore[index]
                    target_node = entity_iri(self.config.base, entry.cls, entry.key)
                    ref.add((node, prop, target_node))
                    ref.add((target_node, RDF.type, entry.cls))
                    ref.add((target_node, RDFS.label, self._text(entry.label)))
                    if entry.wikidata is not None:
                        ref.add((target_node, SKOS.exactMatch, entry.wikidata))

    def _emit_event(
        self, g: Graph, doc_iri: URIRef, doc: Document, event: EventRecord, iris: dict[int, URIRef]
    ) -> None:
        node = iris[event.id]
        g.add((node, RDF.type, event.cls))
        label = self._current_labels.get(event.id) or self.event_label(doc, event)
        g.add((node, RDFS.label, self._text(label)))
        if event.date is not None:
            g.add((node, HG.date, Literal(event.date.value, datatype=event.date.datatype)))
        for name in event.names:
            g.add((node, SKOS.altLabel, self._text(name)))
        if event.duration is not None:
            g.add((node, HG.duration, Literal(event.duration.value, datatype=XSD.duration)))
        if event.place is not None:
            g.add((node, HG.place, self.entity(doc.entities[event.place], doc_iri)))
        for prop, keys in ((HG.agent, event.agents), (HG.affected, event.affected)):
            for key in keys:
                g.add((node, prop, self.entity(doc.entities[key], doc_iri)))
        for relation, target in event.relations:
            target_event = doc.canonical_event(target)
            if target_event.id in iris:
                g.add((node, relation, iris[target_event.id]))
        for span in event.evidence:
            ev = self.evidence(g, doc_iri, doc, span)
            g.add((node, HG.evidence, ev))
