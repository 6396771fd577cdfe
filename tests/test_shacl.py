"""The fast SHACL engine reports what pyshacl (the reference engine) reports.

Differential tests: the same shapes and data graphs go through both engines,
and their results are compared as (focus node, path, message, severity). The
data graphs are the committed seed graph, hand-broken copies of it, random
mutations of it (hypothesis), and a small graph for the SHACL Core features our
own shapes do not use.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyshacl import validate as pyshacl_validate
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import RDF, RDFS, SH

from historygraph.namespaces import HG
from historygraph.ontology import load_ontology
from historygraph.shacl import compile_shapes
from historygraph.validate import schema_triples, shapes_graph, validate_dataset
from tests.conftest import ONTOLOGY, SEED

Key = tuple[str, str, str, str]


def reference(data: Graph, shapes: Graph) -> set[Key]:
    """pyshacl's results, as comparable keys (an inverse path written ``^IRI``)."""
    _conforms, results, _text = pyshacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True
    )
    keys = set()
    for result in results.objects(None, SH.result):  # top-level results, not sh:detail
        path = results.value(result, SH.resultPath)
        if isinstance(path, BNode):
            inverse = results.value(path, SH.inversePath) or shapes.value(path, SH.inversePath)
            path = f"^{inverse}"
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        keys.add(
            (
                str(results.value(result, SH.focusNode)),
                str(path) if path is not None else "",
                str(results.value(result, SH.resultMessage)),
                severity,
            )
        )
    return keys


def fast(data: Graph, shapes: Graph) -> set[Key]:
    compiled = compile_shapes(shapes)
    assert compiled is not None
    return {(str(r.focus), r.path, r.message, r.severity) for r in compiled.validate(data)}


@pytest.fixture(scope="module")
def ontology():  # type: ignore[no-untyped-def]
    return load_ontology([ONTOLOGY])


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    """The committed seed graph's source graph (the article's claims)."""
    dataset = Dataset()
    dataset.parse(SEED / "graph.trig", format="trig")
    (name,) = [g for g in dataset.graphs() if "/source/" in str(g.identifier)]
    graph = Graph()
    for triple in name:
        graph.add(triple)
    return graph


def with_schema(graph: Graph, ontology) -> Graph:  # type: ignore[no-untyped-def]
    data = Graph()
    for triple in graph:
        data.add(triple)
    for triple in schema_triples(ontology):
        data.add(triple)  # type: ignore[arg-type]
    return data


def first(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls), key=str)[0]  # type: ignore[return-value]


def test_the_project_shapes_compile(ontology) -> None:  # type: ignore[no-untyped-def]
    assert compile_shapes(shapes_graph(ontology)) is not None


def test_seed_graph_conforms_in_both_engines(seed_graph: Graph, ontology) -> None:  # type: ignore[no-untyped-def]
    data = with_schema(seed_graph, ontology)
    shapes = shapes_graph(ontology)
    assert reference(data, shapes) == fast(data, shapes) == set()


def breakages(graph: Graph) -> dict[str, tuple[list, list]]:  # type: ignore[type-arg]
    """Named ways to break the seed graph: (triples to remove, triples to add)."""
    event = first(graph, HG.Massacre)
    figure = first(graph, HG.Figure)
    evidence = sorted(graph.objects(event, HG.evidence), key=str)[0]
    place = sorted(graph.objects(event, HG.place), key=str)[0]
    return {
        "event without label": (list(graph.triples((event, RDFS.label, None))), []),
        "two dates": ([], [(event, HG.date, Literal("1991-01-01", datatype=ns.XSD.date))]),
        "date as a string": (
            list(graph.triples((event, HG.date, None))),
            [(event, HG.date, Literal("20 January 1990"))],
        ),
        "start after end": (
            list(graph.triples((evidence, HG.start, None))),
            [(evidence, HG.start, Literal(10**7))],
        ),
        "figure without measure": (list(graph.triples((figure, HG.measure, None))), []),
        "figure count as decimal": (
            list(graph.triples((figure, HG.count, None))),
            [(figure, HG.count, Literal("1.5", datatype=ns.XSD.decimal))],
        ),
        "orphan figure": (list(graph.triples((None, HG.figure, figure))), []),
        "agent is a literal": ([], [(event, HG.agent, Literal("the army"))]),
        "untyped place": (list(graph.triples((place, RDF.type, None))), []),
        "date on an untyped node": (
            [],
            [(URIRef("https://example.org/x"), HG.date, Literal("1990", datatype=ns.XSD.gYear))],
        ),
        "evidence without quote": (list(graph.triples((evidence, HG.quote, None))), []),
        "bad duration": ([], [(event, HG.duration, Literal("44 days"))]),
    }


@pytest.mark.parametrize(
    "name",
    [
        "event without label",
        "two dates",
        "date as a string",
        "start after end",
        "figure without measure",
        "figure count as decimal",
        "orphan figure",
        "agent is a literal",
        "untyped place",
        "date on an untyped node",
        "evidence without quote",
        "bad duration",
    ],
)
def test_broken_seed_graph_same_results(seed_graph: Graph, ontology, name: str) -> None:  # type: ignore[no-untyped-def]
    remove, add = breakages(seed_graph)[name]
    data = with_schema(seed_graph, ontology)
    for t in remove:
        data.remove(t)
    for t in add:
        data.add(t)
    shapes = shapes_graph(ontology)
    expected = reference(data, shapes)
    assert expected, f"{name}: the breakage should violate a shape"
    assert fast(data, shapes) == expected


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_random_mutations_same_results(seed_graph: Graph, ontology, data) -> None:  # type: ignore[no-untyped-def]
    triples = sorted(seed_graph, key=lambda t: tuple(map(str, t)))
    graph = with_schema(seed_graph, ontology)
    subjects = sorted({s for s, _, _ in triples}, key=str)
    predicates = sorted({p for _, p, _ in triples}, key=str)
    objects = [
        *sorted({o for _, _, o in triples}, key=str),
        Literal("x"),
        Literal(3),
        Literal("2020", datatype=ns.XSD.gYear),
        BNode("b0"),
    ]
    for t in data.draw(st.lists(st.sampled_from(triples), max_size=8)):
        graph.remove(t)
    for _ in range(data.draw(st.integers(0, 5))):
        graph.add(
            (
                data.draw(st.sampled_from(subjects)),
                data.draw(st.sampled_from(predicates)),
                data.draw(st.sampled_from(objects)),
            )
        )
    shapes = shapes_graph(ontology)
    assert fast(graph, shapes) == reference(graph, shapes)


EX = "https://example.org/"
FEATURE_SHAPES = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <{EX}> .
ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
  sh:property [ sh:path ex:name ; sh:pattern "^[A-Z]" ; sh:message "name starts upper-case" ] ;
  sh:property [ sh:path ex:name ; sh:minLength 2 ; sh:maxLength 10 ; sh:message "name length" ] ;
  sh:property [ sh:path ex:age ; sh:minInclusive 0 ; sh:maxExclusive 150 ; sh:message "age range" ] ;
  sh:property [ sh:path ex:status ; sh:in ( ex:alive ex:dead ) ; sh:message "status" ] ;
  sh:property [ sh:path ex:born ; sh:lessThanOrEquals ex:died ; sh:message "born <= died" ] ;
  sh:property [ sh:path ex:alias ; sh:disjoint ex:name ; sh:message "alias differs" ] ;
  sh:property [ sh:path ex:homepage ; sh:nodeKind sh:IRI ; sh:message "homepage IRI" ] ;
  sh:property [ sh:path ex:knows ; sh:node ex:NamedShape ; sh:message "knows a named one" ] ;
  sh:property [ sh:path ex:tag ; sh:not [ sh:hasValue ex:banned ] ; sh:message "no banned tag" ] ;
  sh:property [ sh:path ex:code ; sh:xone ( [ sh:datatype xsd:string ] [ sh:datatype xsd:integer ] ) ;
                sh:message "code one type" ] ;
  sh:property [ sh:path ex:id ; sh:and ( [ sh:datatype xsd:string ] [ sh:pattern "^P" ] ) ;
                sh:message "id" ] .
ex:NamedShape a sh:NodeShape ;
  sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "needs a name" ] .
ex:RootShape a sh:NodeShape ; sh:targetNode ex:root ; sh:hasValue ex:root ;
  sh:property [ sh:path ex:child ; sh:minCount 3 ; sh:severity sh:Warning ; sh:message "two children" ] .
ex:ChildShape a sh:NodeShape ; sh:targetObjectsOf ex:child ; sh:class ex:Person ; sh:message "child" .
ex:Off a sh:NodeShape ; sh:targetClass ex:Person ; sh:deactivated true ;
  sh:property [ sh:path ex:name ; sh:maxCount 0 ; sh:message "off" ] .
ex:Thing a rdfs:Class, sh:NodeShape ;
  sh:property [ sh:path ex:weight ; sh:datatype xsd:decimal ; sh:message "weight" ] .
"""
FEATURE_DATA = f"""
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <{EX}> .
ex:Student rdfs:subClassOf ex:Person .
ex:a a ex:Person ; ex:name "ann", "A" ; ex:age 200, -1, "old" ; ex:status ex:alive, ex:unknown ;
  ex:born 1990 ; ex:died 1980 ; ex:alias "ann" ; ex:homepage "http://x" ;
  ex:knows ex:b, ex:c, ex:d ; ex:tag ex:banned, ex:ok ; ex:code "x", 3, 2.5 ; ex:id "P1", "Q2", 7 .
ex:b a ex:Student ; ex:name "Bob" ; ex:age 40 ; ex:born 1950 ; ex:died 2000 .
ex:c ex:name "Carl" .
ex:root ex:child ex:b, ex:d .
ex:t a ex:Thing ; ex:weight 1.5, "heavy" .
"""


def test_other_core_features_same_results() -> None:
    shapes = Graph().parse(data=FEATURE_SHAPES, format="turtle")
    data = Graph().parse(data=FEATURE_DATA, format="turtle")
    expected = reference(data, shapes)
    messages = {m for _, _, m, _ in expected}
    assert {"name length", "age range", "status", "born <= died", "alias differs"} <= messages
    assert {"homepage IRI", "knows a named one", "no banned tag", "code one type", "id"} <= messages
    assert {"two children", "child", "name starts upper-case", "weight"} <= messages
    assert "off" not in messages
    assert fast(data, shapes) == expected


@pytest.mark.parametrize(
    "extra",
    [
        "ex:S a sh:NodeShape ; sh:targetClass ex:Person ; sh:closed true .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:Person ; sh:property [ sh:path ( ex:a ex:b ) ; sh:minCount 1 ] .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:Person ; sh:sparql [ sh:select 'SELECT $this WHERE {}' ] .",
    ],
)
def test_unsupported_features_fall_back_to_pyshacl(extra: str) -> None:
    shapes = Graph().parse(
        data=f"@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> . {extra}",
        format="turtle",
    )
    assert compile_shapes(shapes) is None


def test_validate_dataset_engines_agree_on_a_broken_dataset(seed_graph: Graph, ontology) -> None:  # type: ignore[no-untyped-def]
    dataset = Dataset()
    name = URIRef("https://example.org/g")
    graph = dataset.graph(name)
    for t in seed_graph:
        graph.add(t)
    event = first(seed_graph, HG.Massacre)
    graph.remove((event, RDFS.label, None))
    graph.add((event, HG.date, Literal("1991", datatype=ns.XSD.gYear)))
    results = {
        engine: validate_dataset(dataset, ontology, engine=engine)
        for engine in ("fast", "pyshacl", "auto")
    }
    assert results["fast"] == results["auto"]
    assert [(v.focus, v.message) for v in results["fast"]] == [
        (v.focus, v.message) for v in results["pyshacl"]
    ]
    assert {v.message for v in results["fast"]} == {
        "has no rdfs:label",
        "hg:date must be one xsd:date, xsd:gYearMonth or xsd:gYear per source",
    }


def test_validate_engine_option(seed_build: Path) -> None:
    from tests.conftest import run_cli

    for engine in ("fast", "pyshacl"):
        done = run_cli("validate", seed_build, "--engine", engine)
        assert done.returncode == 0, done.stderr
        assert "conforms" in done.stdout


def test_shapes_beyond_the_fast_engine_go_to_pyshacl(tmp_path: Path) -> None:
    """An extension shape using sh:closed: auto falls back to pyshacl, fast refuses in one line."""
    from tests.conftest import copy_project, run_cli

    project = copy_project(tmp_path)
    (project / "ontology" / "extensions" / "closed.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix hg: <https://w3id.org/historygraph/ontology#> .\n"
        "<urn:test:Open> a sh:NodeShape ; sh:targetClass hg:Event ; sh:closed false .\n",
        encoding="utf-8",
    )
    graph = project / "graphs" / "black-january"
    built = run_cli("build", graph, "-q")
    assert built.returncode == 0, built.stderr
    auto = run_cli("validate", graph)
    assert auto.returncode == 0 and "conforms" in auto.stdout, auto.stderr
    fast = run_cli("validate", graph, "--engine", "fast")
    assert fast.returncode == 1
    assert fast.stderr.strip().count("\n") == 0
    assert "--engine pyshacl" in fast.stderr
