"""The ontology parses, declares every term the code uses, and its lexicon compiles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from historygraph.namespaces import HG
from tests.conftest import ONTOLOGY


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


def test_parsed_ontology_is_cached_until_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache answers for unchanged files; any edit makes load_ontology parse again."""
    import historygraph.ontology as ontology_module
    from historygraph.ontology import load_ontology

    folder = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, folder)
    cache = tmp_path / "cache"
    first = load_ontology([folder], cache_dir=cache)
    assert len(list(cache.glob("*.pickle"))) == 1

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed although the cache holds this ontology")

    monkeypatch.setattr(ontology_module, "_parse_files", no_parsing)
    cached = load_ontology([folder], cache_dir=cache)
    assert cached.digest == first.digest
    assert len(cached.graph) == len(first.graph)
    assert cached.lexicon.event_triggers == first.lexicon.event_triggers

    (folder / "extensions" / "extra.ttl").write_text(
        '<urn:x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n', encoding="utf-8"
    )
    with pytest.raises(AssertionError, match="parsed although"):
        load_ontology([folder], cache_dir=cache)  # a new file: the cache does not answer
    monkeypatch.undo()
    changed = load_ontology([folder], cache_dir=cache)
    assert changed.digest != first.digest
    assert len(changed.graph) == len(first.graph) + 1


def _lexicon_with(tmp_path: Path, turtle: str) -> object:
    """The lexicon of the project's ontology with one extension file holding ``turtle``."""
    from historygraph.ontology import load_ontology

    onto = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, onto)
    (onto / "extensions").mkdir(exist_ok=True)
    (onto / "extensions" / "bad.ttl").write_text(
        f"@prefix hg: <https://w3id.org/historygraph/ontology#> .\n{turtle}\n", encoding="utf-8"
    )
    return load_ontology([onto]).lexicon


@pytest.mark.parametrize(
    ("turtle", "message"),
    [
        ('hg:War hg:siteTrigger "shout" .', "hg:siteTrigger but no hg:siteWord"),
        ('hg:War hg:verdictTrigger "shout" .', "hg:verdictTrigger but no hg:verdictWord"),
        ("hg:War hg:participantNoun hg:Protest .", "hg:participantNoun 0 times as a string"),
        ('hg:Protest hg:affectsNoOne "yes" .', r"hg:affectsNoOne .*give true or false"),
        ('hg:War hg:needsParticulars "yes" .', r"hg:needsParticulars .*give true or false"),
    ],
)
def test_a_malformed_lexicon_value_is_an_error(tmp_path: Path, turtle: str, message: str) -> None:
    from historygraph.errors import OntologyError

    with pytest.raises(OntologyError, match=message):
        _lexicon_with(tmp_path, turtle)


def test_needs_particulars_is_read_from_the_lexicon() -> None:
    from historygraph.ontology import load_ontology

    lexicon = load_ontology([ONTOLOGY]).lexicon
    assert HG.MilitaryOperation in lexicon.need_particulars
    assert {HG.War, HG.Protest, HG.Deportation} <= lexicon.need_particulars
    assert HG.Commemoration not in lexicon.need_particulars
