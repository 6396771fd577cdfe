"""The ontology parses, declares every term the code uses, and its lexicon compiles."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from historygraph.namespaces import HG


def test_every_code_term_is_declared(ontology) -> None:  # type: ignore[no-untyped-def]
    g = ontology.graph
    for name in HG.__annotations__:
        term = URIRef(str(HG._NS) + name)
        assert (term, RDF.type, None) in g, f"hg:{name} is used by the code but not declared"
        assert (term, RDFS.label, None) in g, f"hg:{name} has no rdfs:label"


def test_classes_and_properties_have_label_and_comment(ontology) -> None:  # type: ignore[no-untyped-def]
    g = ontology.graph
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in g.subjects(RDF.type, kind):
            if str(term).startswith(str(HG._NS)):
                assert (term, RDFS.comment, None) in g, f"{term} has no rdfs:comment"


def test_architecture_classes_are_events_and_agents(ontology) -> None:  # type: ignore[no-untyped-def]
    for name in (
        "Massacre",
        "Condemnation",
        "LegislativeDecision",
        "Declaration",
        "Commemoration",
        "Deportation",
        "Protest",
        "War",
        "MilitaryOperation",
    ):
        assert ontology.is_a(HG[name], HG.Event)
    for name in ("Person", "Organization", "MilitaryForce", "Legislature", "State", "Group"):
        assert ontology.is_a(HG[name], HG.Agent)
    sem_event = URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")
    assert ontology.is_a(HG.Massacre, sem_event)


def test_lexicon_compiles(ontology) -> None:  # type: ignore[no-untyped-def]
    lex = ontology.lexicon
    assert lex.event_triggers[("massacre",)] == HG.Massacre
    assert lex.measure_triggers[("wound",)] == HG.Wounded
    assert lex.bound_cues[("more", "than")] == HG.AtLeast
    assert lex.head_words["army"] == HG.MilitaryForce
    wikidata = {e.label: str(e.wikidata) for e in lex.gazetteer if e.wikidata}
    assert wikidata["Baku"] == "http://www.wikidata.org/entity/Q9248"
    assert wikidata["Azerbaijan"] == "http://www.wikidata.org/entity/Q227"
    for entry in lex.gazetteer:
        assert ontology.is_a(entry.cls, HG.Agent) or ontology.is_a(entry.cls, HG.Place)
