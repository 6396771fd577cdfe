"""Entity resolution across sources: acronyms merge, look-alikes are proposed, curation decides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from historygraph.curation import acronym_of, fold, is_acronym, similarity
from tests.conftest import run_cli

MANIFEST = """[graph]
name = "curation"
base = "https://example.org/cur/"
ontology = [{ontology!r}]

[[sources]]
file = "sources/a.txt"
title = "A"

[[sources]]
file = "sources/b.txt"
title = "B"
"""
A = "On 12 May 1989 the Azerbaijan Popular Front organised a rally in Baku. President Heydar Aliyev condemned the massacre of 1990."
B = "The APF led the protests in 1989. Later, Aliyev condemned the crackdown in Baku."


def test_names() -> None:
    assert fold("The Pan-Africanist Congress") == "pan africanist congress"
    assert acronym_of("Union of Soviet Socialist Republics") == "USSR"
    assert is_acronym("APF", "Azerbaijan Popular Front")
    assert not is_acronym("Baku", "Big Army Kommand Unit")
    assert similarity("Aliyev", "Heydar Aliyev") == 1.0
    assert similarity("Sharpville", "Sharpeville") > 0.85
    assert similarity("Baku", "Moscow") < 0.5


@pytest.mark.slow
def test_acronyms_merge_lookalikes_are_proposed_and_curation_decides(tmp_path: Path) -> None:
    from tests.conftest import ONTOLOGY

    (tmp_path / "sources").mkdir()
    (tmp_path / "graph.toml").write_text(MANIFEST.format(ontology=str(ONTOLOGY)), encoding="utf-8")
    (tmp_path / "sources" / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "sources" / "b.txt").write_text(B, encoding="utf-8")
    result = run_cli("build", tmp_path, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "proposed merge" in result.stdout
    trig = (tmp_path / "graph.trig").read_text(encoding="utf-8")
    assert "organization/apf>" not in trig  # the acronym became the full name
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    proposal = next(p for p in report["proposed_merges"] if "Aliyev" in p["labels"])
    assert proposal["into"].endswith("/person/heydar-aliyev")
    assert "person/aliyev" in trig  # proposed, not merged

    (tmp_path / "curation.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n" + proposal["curation"] + "\n",
        encoding="utf-8",
    )
    result = run_cli("build", tmp_path, "--quiet")
    assert result.returncode == 0, result.stderr
    trig = (tmp_path / "graph.trig").read_text(encoding="utf-8")
    assert "person/aliyev>" not in trig
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert not any("Aliyev" in p["labels"] for p in report["proposed_merges"])


def test_bad_curation_file_names_file_and_line(tmp_path: Path) -> None:
    from tests.conftest import ONTOLOGY

    (tmp_path / "sources").mkdir()
    (tmp_path / "graph.toml").write_text(MANIFEST.format(ontology=str(ONTOLOGY)), encoding="utf-8")
    (tmp_path / "sources" / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "sources" / "b.txt").write_text(B, encoding="utf-8")
    (tmp_path / "curation.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<a> owl:sameAs .\n"
    )
    result = run_cli("build", tmp_path, "--quiet")
    assert result.returncode == 1
    assert "curation.ttl:2" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_a_node_has_one_label_in_each_documents_graph(tmp_path: Path) -> None:
    """A document that names a body in full and by its initials, without setting them side
    by side, gives two entities the graph merges (the acronym rule): in that document's
    graph the node keeps the full name as its ``rdfs:label`` and the initials as an
    ``skos:altLabel``, not two labels a reader or a query would pick between at random."""
    from rdflib import RDFS, SKOS, Literal, URIRef

    from historygraph.build import build
    from historygraph.iri import document_iri
    from tests.conftest import ONTOLOGY

    (tmp_path / "sources").mkdir()
    (tmp_path / "graph.toml").write_text(MANIFEST.format(ontology=str(ONTOLOGY)), encoding="utf-8")
    (tmp_path / "sources" / "a.txt").write_text(
        "On 3 March 1921 the Dorland Workers Union called a strike in Harwell. "
        "In June the DWU organised a rally in Harwell.",
        encoding="utf-8",
    )
    (tmp_path / "sources" / "b.txt").write_text(
        "The DWU organised a rally in Harwell in 1921.", encoding="utf-8"
    )
    dataset = build(tmp_path, write_view=False).dataset
    base = "https://example.org/cur/"
    node = URIRef(base + "organization/dorland-workers-union")
    graphs = {
        name: dataset.graph(document_iri(base, f"sources/{name}")) for name in ("a.txt", "b.txt")
    }
    for name, graph in graphs.items():
        for subject in set(graph.subjects(RDFS.label, None)):
            assert len(list(graph.objects(subject, RDFS.label))) == 1, (name, subject)
    assert list(graphs["a.txt"].objects(node, RDFS.label)) == [Literal("Dorland Workers Union")]
    assert Literal("DWU") in set(graphs["a.txt"].objects(node, SKOS.altLabel))
    assert list(graphs["b.txt"].objects(node, RDFS.label)) == [Literal("DWU")]  # all B says


@pytest.mark.slow
def test_what_two_sources_name_by_common_nouns_alone_is_each_ones_own(tmp_path: Path) -> None:
    """ "The crowd" and "the government" of a text about Harwell and of one about Ostburg are
    not the same people: each is a node of its own source (under the source's IRI), and no
    merge of them is proposed; a name ("Dorland Workers Union") is still one node for both,
    and a capital that only opens a sentence ("Police") or sits on a head word ("the
    Army") makes no name."""
    from rdflib import RDF, RDFS, Literal, URIRef

    from historygraph.build import build
    from historygraph.iri import document_iri
    from historygraph.namespaces import HG
    from tests.conftest import ONTOLOGY

    (tmp_path / "sources").mkdir()
    (tmp_path / "graph.toml").write_text(MANIFEST.format(ontology=str(ONTOLOGY)), encoding="utf-8")
    (tmp_path / "sources" / "a.txt").write_text(
        "On 3 March 1921 troops fired on the crowd in Harwell. The government put the dead at "
        "12. The Dorland Workers Union called a strike.",
        encoding="utf-8",
    )
    (tmp_path / "sources" / "b.txt").write_text(
        "Police dispersed the crowd in Ostburg on 5 May 1931. The Army opened fire, and the "
        "government said 4 people died. The Dorland Workers Union protested.",
        encoding="utf-8",
    )
    result = build(tmp_path, write_view=False)
    base = "https://example.org/cur/"
    a, b = (document_iri(base, f"sources/{name}") for name in ("a.txt", "b.txt"))

    def nodes(graph: URIRef, cls: URIRef) -> set[str]:
        return {str(s) for s in result.dataset.graph(graph).subjects(RDF.type, cls)}

    assert nodes(a, HG.Group) == {f"{a}/group/crowd"}, nodes(a, HG.Group)
    assert nodes(b, HG.Group) == {f"{b}/group/crowd"}, nodes(b, HG.Group)
    assert f"{a}/organization/government" in nodes(a, HG.Organization)
    assert f"{b}/organization/government" in nodes(b, HG.Organization)
    forces = {f"{b}/militaryforce/police", f"{b}/militaryforce/army"}
    assert nodes(b, HG.MilitaryForce) == forces, nodes(b, HG.MilitaryForce)
    union = URIRef(base + "organization/dorland-workers-union")
    for graph in (a, b):
        assert (union, RDFS.label, Literal("Dorland Workers Union")) in result.dataset.graph(graph)
    assert not any("crowd" in p["labels"] for p in result.proposed_merges), result.proposed_merges
