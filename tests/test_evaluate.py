"""The development-set scorer (``make eval``) on a hand-made graph."""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from historygraph.evaluate import score_document
from historygraph.namespaces import HG

TEXT = "Columns of residents reached Agdam at dawn."
DOC = URIRef("urn:doc")
GOLD = {
    "entities": [{"label": "Agdam", "class": "hg:Place", "mentions": ["Agdam"]}],
    "events": [],
    "figures": [],
}


def graph(alias: str | None) -> Dataset:
    """One place labelled with the gazetteer's spelling, mentioned at "Agdam"."""
    dataset = Dataset()
    g = dataset.graph(DOC)
    place, evidence = URIRef("urn:place/aghdam"), URIRef("urn:doc#char=29,34")
    g.add((place, RDF.type, HG.Place))
    g.add((place, RDFS.label, Literal("Aghdam")))
    if alias:
        g.add((place, SKOS.altLabel, Literal(alias)))
    g.add((place, HG.evidence, evidence))
    g.add((evidence, RDF.type, HG.Evidence))
    g.add((evidence, HG.start, Literal(29)))
    g.add((evidence, HG.end, Literal(34)))
    g.add((evidence, HG.quote, Literal(TEXT[29:34])))
    return dataset


def test_an_entity_matches_by_any_name_the_document_gives_it(ontology) -> None:  # type: ignore[no-untyped-def]
    scores = score_document(TEXT, GOLD, graph("Agdam"), DOC, ontology)
    assert (scores["entities"].tp, scores["entities"].fp, scores["entities"].fn) == (1, 0, 0)
    assert (scores["quotes"].tp, scores["quotes"].fp) == (1, 0)
    # another spelling the document never uses does not match
    scores = score_document(TEXT, GOLD, graph(None), DOC, ontology)
    assert (scores["entities"].tp, scores["entities"].fp, scores["entities"].fn) == (0, 1, 1)
