"""The ontology loaded in a thread, the memos derived from it, and the fast term conversion."""

from __future__ import annotations

import pickle
import shutil
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, XSD

from historygraph.errors import OntologyError
from historygraph.namespaces import HG
from historygraph.ontology import load_ontology, parse_turtle_file
from historygraph.oxterms import converter, iri, text_literal, typed_literal
from historygraph.pipeline import Context
from historygraph.warmup import PendingOntology
from tests.conftest import ONTOLOGY, PROJECT

SLOTS = ("_language", "_datatype", "_value", "_ill_typed")


@pytest.mark.parametrize(
    ("value", "language"),
    [("Baku", None), ("", None), ("  spaced  ", None), ("Bakı", "az"), ("20 January", "en-gb")],
)
def test_text_literal_is_what_the_constructor_makes(value: str, language: str | None) -> None:
    made, expected = text_literal(value, language), Literal(value, lang=language)
    assert type(made) is Literal
    assert made == expected and hash(made) == hash(expected)
    assert [getattr(made, s) for s in SLOTS] == [getattr(expected, s) for s in SLOTS]
    assert made.n3() == expected.n3()


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        ("1990-01-20", XSD.date),
        ("1990-02-30", XSD.date),  # no such day: ill-typed, as the constructor says
        ("1990-01-20Z", XSD.date),
        ("300", XSD.integer),
        ("-5", XSD.integer),
        ("0", XSD.integer),
        ("0300", XSD.integer),  # not canonical: the constructor normalises it
        ("-0", XSD.integer),
        ("lots", XSD.integer),
        ("1990", XSD.gYear),
        ("1990-01", XSD.gYearMonth),
        ("true", XSD.boolean),
        ("2.50", XSD.decimal),
        ("P3D", XSD.duration),
        ("x", URIRef("https://example.org/own-datatype")),
    ],
)
def test_typed_literal_is_what_the_constructor_makes(value: str, datatype: URIRef) -> None:
    datatype = URIRef(str(datatype))
    made, expected = typed_literal(value, datatype), Literal(value, datatype=datatype)
    assert type(made) is Literal
    assert str(made) == str(expected)
    assert made == expected and hash(made) == hash(expected)
    assert [getattr(made, s) for s in SLOTS] == [getattr(expected, s) for s in SLOTS]


def test_iri_is_what_the_constructor_makes() -> None:
    value = "https://w3id.org/historygraph/ontology#Massacre"
    assert type(iri(value)) is URIRef
    assert iri(value) == URIRef(value) and hash(iri(value)) == hash(URIRef(value))


def test_converter_handles_every_kind_of_term() -> None:
    convert = converter()
    typed = convert(ox.Literal("1990-01-20", datatype=ox.NamedNode(str(XSD.date))))
    assert typed == Literal("1990-01-20", datatype=XSD.date)
    assert typed.value == Literal("1990-01-20", datatype=XSD.date).value  # a date, computed
    assert convert(ox.Literal("x", datatype=ox.NamedNode(str(XSD.string)))) == Literal("x")
    assert convert(ox.Literal("x", language="en")) == Literal("x", lang="en")
    assert convert(ox.BlankNode("b1")) == BNode("b1")
    assert convert(None) is None
    with pytest.raises(TypeError):
        convert("not a term")


def test_the_fast_ontology_load_matches_rdflib() -> None:
    loaded = load_ontology([ONTOLOGY]).graph
    reference = Graph()
    for path in sorted(ONTOLOGY.rglob("*.ttl")):
        parse_turtle_file(path, reference)
    assert len(loaded) == len(reference)
    assert isomorphic(loaded, reference)


def test_pending_ontology_gives_the_same_prepared_ontology() -> None:
    pending = PendingOntology([ONTOLOGY])
    ontology = pending.result()
    direct = load_ontology([ONTOLOGY])
    assert pending.digest == ontology.digest == direct.digest
    assert ontology.lexicon == direct.lexicon
    # prepared in the thread: the memos exist before anyone asked for them
    assert {"entities.gazetteer_index", "validate.prepared_shapes", "events.trigger_index"} <= set(
        ontology._derived
    )


def test_pending_ontology_reports_bad_turtle_when_asked(tmp_path: Path) -> None:
    broken = tmp_path / "ontology"
    shutil.copytree(PROJECT / "tests" / "data" / "ontologies" / "parse-error", broken)
    pending = PendingOntology([broken])
    with pytest.raises(OntologyError, match=r"broken\.ttl:\d+"):
        pending.result()


def test_pending_ontology_fails_at_once_on_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="not found"):
        PendingOntology([tmp_path / "nowhere"])


def test_context_waits_for_the_ontology_and_counts_the_wait() -> None:
    gate = threading.Event()

    class Slow:
        waited = 0.0

        def result(self):  # type: ignore[no-untyped-def]
            gate.wait(5)
            self.waited += 0.5
            return load_ontology([ONTOLOGY])

    slow = Slow()
    ctx = Context(ontology=slow, nlp=None)  # type: ignore[arg-type]
    assert ctx.waited == 0.0
    gate.set()
    first = ctx.ontology
    assert ctx.ontology is first  # resolved once
    assert ctx.waited == 0.5


def test_derived_values_are_kept_per_ontology_and_not_pickled() -> None:
    ontology = load_ontology([ONTOLOGY])
    calls: list[int] = []

    def make(_: object) -> list[int]:
        calls.append(1)
        return [len(calls)]

    assert ontology.derived("test.value", make) is ontology.derived("test.value", make)
    assert calls == [1]
    copy = pickle.loads(pickle.dumps(ontology))
    assert copy._derived == {}
    assert copy.derived("test.value", make) == [2]  # made again for the copy
    assert copy.lexicon == ontology.lexicon


def test_view_memo_starts_again_when_the_ontology_changes() -> None:
    from historygraph.view import style_for

    graph = Graph()
    cls = URIRef("https://example.org/Riot")
    graph.add((cls, RDFS.subClassOf, HG.Event))
    before = style_for(cls, graph)
    graph.add((cls, HG.color, Literal("#123456")))
    after = style_for(cls, graph)
    assert before.color != "#123456" and after.color == "#123456"


def test_freeze_is_undone_and_never_touches_a_freeze_made_by_someone_else() -> None:
    import gc

    assert gc.get_freeze_count() == 0
    pending = PendingOntology([ONTOLOGY], freeze=True)
    pending.result()
    assert pending.froze and gc.get_freeze_count() > 0
    pending.unfreeze()
    pending.unfreeze()  # twice is harmless
    assert gc.get_freeze_count() == 0

    gc.freeze()  # the host application froze its own objects
    try:
        frozen = gc.get_freeze_count()
        other = PendingOntology([ONTOLOGY], freeze=True)
        other.result()
        other.unfreeze()
        assert not other.froze and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_stage_is_not_charged_for_waiting_for_the_ontology() -> None:
    import time

    from historygraph.document import Document
    from historygraph.pipeline import FunctionStage, run_pipeline

    class Slow:
        waited = 0.0

        def result(self):  # type: ignore[no-untyped-def]
            time.sleep(0.3)
            self.waited += 0.3
            return load_ontology([ONTOLOGY])

    def reads_the_ontology(doc: Document, ctx: Context) -> None:
        assert ctx.ontology.lexicon is not None

    stage = FunctionStage("reads", (), (), reads_the_ontology)
    doc = Document(id="t", path=Path("t.txt"), text="x", title="t")
    run_pipeline(doc, [stage], Context(ontology=Slow(), nlp=None))  # type: ignore[arg-type]
    assert doc.timings["reads"] < 0.25  # the 0.3 s wait is not the stage's time


def test_vocab_terms_are_rdflibs_terms() -> None:
    from rdflib.namespace import RDF, SH, XSD

    from historygraph import vocab

    assert vocab.RDF.type == RDF.type and type(vocab.RDF.type) is URIRef
    assert vocab.SH["in"] == SH["in"] and vocab.XSD.gYearMonth == XSD.gYearMonth
    assert str(vocab.XSD) == str(XSD)
    assert vocab.RDF.type is vocab.RDF.type  # made once
