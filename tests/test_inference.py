"""Inference: RDFS and the OWL 2 RL subset materialise facts about instances, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from historygraph.config import load_config
from historygraph.errors import ConfigError
from historygraph.inference import (
    add_inferred_graph,
    inferred_graph_iri,
    is_inferred_graph,
    materialise,
    reasoning_profile,
)
from historygraph.namespaces import HG, SEM
from historygraph.ontology import ONTOLOGY_GRAPH
from historygraph.trig import serialize_trig
from tests.conftest import SEED

EX = Namespace("https://example.org/onto#")
D = Namespace("https://example.org/data/")
DOC = URIRef("https://example.org/data/source/a")

ONTOLOGY = """
@prefix ex:   <https://example.org/onto#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
ex:Massacre rdfs:subClassOf ex:Event .
ex:Event rdfs:subClassOf ex:Happening, owl:Thing .
ex:Person rdfs:subClassOf ex:Agent .
ex:agent rdfs:subPropertyOf ex:participant ; rdfs:domain ex:Event .
ex:participant rdfs:subPropertyOf ex:hasActor ; rdfs:range ex:Agent .
ex:quote rdfs:subPropertyOf ex:exact ; rdfs:range xsd:string .
ex:place rdfs:range ex:Place .
ex:Conflict owl:equivalentClass ex:War .
ex:partOf a owl:TransitiveProperty .
ex:bordersOn a owl:SymmetricProperty .
ex:agentOf owl:inverseOf ex:agent .
ex:place owl:equivalentProperty ex:location .
"""


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(data=ONTOLOGY, format="turtle")


def dataset(*triples: tuple[URIRef, URIRef, object]) -> Dataset:
    ds = Dataset()
    g = ds.graph(DOC)
    for s, p, o in triples:
        g.add((s, p, o if isinstance(o, URIRef | Literal) else Literal(o)))
    return ds


def test_rdfs_type_and_subproperty_closure(onto: Graph) -> None:
    data = dataset(
        (D.e1, RDF.type, EX.Massacre),
        (D.e1, EX.agent, D.army),
        (D.army, RDF.type, EX.Person),
        (D.e1, EX.quote, Literal("shots")),
    )
    inferred = materialise(data, onto, "rdfs")
    assert set(inferred.objects(D.e1, RDF.type)) == {EX.Event, EX.Happening}  # not owl:Thing
    assert (D.e1, EX.participant, D.army) in inferred
    assert (D.e1, EX.hasActor, D.army) in inferred
    assert (D.e1, EX.exact, Literal("shots")) in inferred
    assert set(inferred.objects(D.army, RDF.type)) == {EX.Agent}  # range, and Person's superclass
    assert (D.e1, RDF.type, EX.Massacre) not in inferred, "asserted triples are not repeated"


def test_only_facts_about_instances_in_the_data(onto: Graph) -> None:
    data = dataset((D.e1, EX.agent, D.nobody), (D.e1, EX.place, URIRef("http://elsewhere/x")))
    inferred = materialise(data, onto, "rdfs")
    subjects = set(inferred.subjects())
    assert subjects == {D.e1}, "objects that are never subjects get no types"
    assert not any(p in (RDFS.subClassOf, RDFS.subPropertyOf) for p in inferred.predicates())


def test_domain_types_the_subject_and_literals_are_never_typed(onto: Graph) -> None:
    inferred = materialise(dataset((D.e2, EX.agent, D.x), (D.x, EX.quote, "a")), onto, "rdfs")
    assert (D.e2, RDF.type, EX.Event) in inferred and (D.e2, RDF.type, EX.Happening) in inferred
    assert not any(isinstance(s, Literal) for s in inferred.subjects())


def test_owlrl_subset(onto: Graph) -> None:
    data = dataset(
        (D.w, RDF.type, EX.Conflict),
        (D.a, EX.partOf, D.b),
        (D.b, EX.partOf, D.c),
        (D.c, EX.partOf, D.d),
        (D.c, RDF.type, EX.Place),
        (D.d, RDF.type, EX.Place),
        (D.b, EX.bordersOn, D.a),
        (D.e, EX.agent, D.a),
        (D.e, EX.place, D.c),
    )
    inferred = materialise(data, onto, "owlrl")
    assert (D.w, RDF.type, EX.War) in inferred
    assert {(D.a, EX.partOf, D.c), (D.a, EX.partOf, D.d), (D.b, EX.partOf, D.d)} <= set(inferred)
    assert (D.a, EX.bordersOn, D.b) in inferred
    assert (D.a, EX.agentOf, D.e) in inferred
    assert (D.e, EX.location, D.c) in inferred
    rdfs = materialise(data, onto, "rdfs")
    assert (D.a, EX.partOf, D.c) not in rdfs and (D.w, RDF.type, EX.War) not in rdfs
    assert set(rdfs) < set(inferred)


def test_none_and_unknown_profiles(onto: Graph) -> None:
    assert len(materialise(dataset((D.e1, RDF.type, EX.Massacre)), onto, "none")) == 0
    with pytest.raises(ConfigError, match="unknown reasoning profile 'owl'"):
        materialise(dataset(), onto, "owl")


def test_schema_and_inferred_graphs_are_not_data(onto: Graph) -> None:
    data = dataset((D.e1, RDF.type, EX.Massacre))
    data.graph(ONTOLOGY_GRAPH).add((EX.Massacre, RDF.type, OWL.Class))
    data.graph(inferred_graph_iri("https://example.org/data/")).add((D.e9, EX.agent, D.x))
    inferred = materialise(data, onto, "rdfs")
    assert set(inferred.subjects()) == {D.e1}
    assert is_inferred_graph(inferred_graph_iri("https://example.org/data/"))
    assert not is_inferred_graph(DOC)


def write_graph(folder: Path, reasoning: str | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    line = f'reasoning = "{reasoning}"\n' if reasoning is not None else ""
    (folder / "graph.toml").write_text(
        '[graph]\nname = "t"\nbase = "https://example.org/data/"\n'
        f'{line}\n[[sources]]\nfile = "sources/a.txt"\n',
        encoding="utf-8",
    )
    return folder


def test_build_step_writes_the_inferred_named_graph(tmp_path: Path, ontology) -> None:  # type: ignore[no-untyped-def]
    config = load_config(write_graph(tmp_path / "g", None))
    assert reasoning_profile(config) == "rdfs"
    data = dataset((D.e1, RDF.type, HG.Massacre), (D.e1, HG.agent, D.army))
    added = add_inferred_graph(data, ontology, config)
    inferred = data.graph(URIRef("https://example.org/data/graph/inferred"))
    assert added == len(inferred) > 0
    assert (D.e1, RDF.type, HG.Event) in inferred and (D.e1, RDF.type, SEM.Event) in inferred
    assert (D.e1, SEM.hasActor, D.army) in inferred
    assert len(data.graph(DOC)) == 2, "asserted graphs are untouched"
    text = serialize_trig(data)
    assert "<https://example.org/data/graph/inferred> {" in text
    again = dataset((D.e1, HG.agent, D.army), (D.e1, RDF.type, HG.Massacre))
    add_inferred_graph(again, ontology, config)
    assert serialize_trig(again) == text, "deterministic"


def test_reasoning_none_and_bad_values(tmp_path: Path, ontology) -> None:  # type: ignore[no-untyped-def]
    config = load_config(write_graph(tmp_path / "none", "none"))
    data = dataset((D.e1, RDF.type, HG.Massacre))
    assert add_inferred_graph(data, ontology, config) == 0
    assert {str(g.identifier) for g in data.graphs() if len(g)} == {str(DOC)}
    bad = load_config(write_graph(tmp_path / "bad", "owl-full"))
    with pytest.raises(ConfigError, match=r"graph\.toml \[graph\] reasoning: unknown reasoning"):
        reasoning_profile(bad)


def test_seed_graph_queries_on_aligned_vocabularies(ontology) -> None:  # type: ignore[no-untyped-def]
    from historygraph.query import load_dataset

    data = load_dataset(SEED / "graph.trig")
    inferred = materialise(data, ontology, "rdfs")
    events = {
        s for s, _, o, _ in data.quads((None, RDF.type, None, None)) if ontology.is_a(o, HG.Event)
    }
    assert events, "the seed graph has events"
    assert events <= set(inferred.subjects(RDF.type, HG.Event)) | set(
        data.subjects(RDF.type, HG.Event)
    )
    assert events <= set(inferred.subjects(RDF.type, SEM.Event))
    assert set(inferred.subject_objects(SEM.hasActor)), "sem:hasActor from hg:agent/hg:affected"
    instances = {
        s for s, _, _, g in data.quads((None, None, None, None)) if not is_inferred_graph(g)
    }
    assert set(inferred.subjects()) <= instances
