"""Unit tests of historygraph.view: projection, styles and the HTML page (no browser)."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from historygraph.namespaces import HG, HG_IRI
from historygraph.view import (
    EvidenceSpan,
    FigureReport,
    NodeStyle,
    ViewStats,
    project,
    render_view,
    script_json,
    style_for,
    view_html,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "view-fixture.trig"
# Event subclasses are not all in the closed HG namespace; use an open one for them.
HGO = Namespace(HG_IRI)
EX = Namespace("https://example.org/hg/")
DOC = Namespace("https://example.org/hg/doc/")
HOSTILE = "</script><img src=x onerror=alert(1)>"

EXPECTED_NODES = {
    EX.massacre,
    EX.condemnation,
    EX.commemoration,
    EX["soviet-army"],
    EX.civilians,
    EX["milli-majlis"],
    EX.azerbaijan,
    EX.baku,
}
EXPECTED_EDGES = {
    (EX.massacre, HG.agent, EX["soviet-army"]),
    (EX.massacre, HG.affected, EX.civilians),
    (EX.massacre, HG.place, EX.baku),
    (EX.baku, HG.locatedIn, EX.azerbaijan),
    (EX.baku, HG.capitalOf, EX.azerbaijan),
    (EX.condemnation, HG.agent, EX["milli-majlis"]),
    (EX.condemnation, HG.respondsTo, EX.massacre),
    (EX.commemoration, HG.commemorates, EX.massacre),
    (EX.commemoration, HG.place, EX.baku),
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    data = Dataset()
    data.parse(FIXTURE, format="trig")
    return data


def hostile_dataset(text: str) -> Dataset:
    """A one-document graph whose every text slot holds ``text``."""
    data = Dataset()
    graph = data.graph(DOC.hostile)
    graph.add((DOC.hostile, RDF.type, HG.Document))
    graph.add((DOC.hostile, RDFS.label, Literal(text)))
    graph.add((EX.evil, RDF.type, HG.Event))
    graph.add((EX.evil, RDFS.label, Literal(text)))
    graph.add((EX.evil, HG.date, Literal(text)))
    graph.add((EX.evil, SKOS.altLabel, Literal(text)))
    graph.add((EX.evil, HG.evidence, EX["evil-ev"]))
    graph.add((EX["evil-ev"], HG.document, DOC.hostile))
    graph.add((EX["evil-ev"], HG.quote, Literal(text)))
    return data


def data_json(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="hg-data">(.*?)</script>', page, re.S)
    assert match, "the page has no hg-data script element"
    return json.loads(match.group(1))


# ---------------------------------------------------------------- projection


def test_projection_has_exactly_the_events_agents_and_places(dataset, ontology):
    projection = project(dataset, ontology)
    assert set(projection.nodes) == {str(n) for n in EXPECTED_NODES}


def test_projection_has_exactly_the_statements_between_nodes(dataset, ontology):
    projection = project(dataset, ontology)
    edges = {(s, k, o) for s, o, k in projection.edges(keys=True)}
    assert edges == {(str(s), str(p), str(o)) for s, p, o in EXPECTED_EDGES}
    assert projection.number_of_edges() == len(EXPECTED_EDGES)


def test_literals_figures_evidence_documents_are_not_nodes(dataset, ontology):
    projection = project(dataset, ontology)
    for iri in (DOC["report-a"], EX["ev-massacre"], EX["figure-killed"], EX.unknown, EX.tank):
        assert str(iri) not in projection


def test_projection_order_is_sorted(dataset, ontology):
    projection = project(dataset, ontology)
    assert list(projection.nodes) == sorted(projection.nodes)


def test_event_attributes(dataset, ontology):
    massacre = project(dataset, ontology).nodes[str(EX.massacre)]
    assert massacre["label"] == "Massacre in Baku"
    assert massacre["classes"] == ["Massacre"], "the most specific class, not hg:Event"
    assert massacre["date"] == "1990-01-20"
    assert massacre["evidence"] == [
        EvidenceSpan("Report A", 10, 58, "Soviet troops stormed Baku on 20 January 1990.")
    ]
    assert massacre["figures"] == [
        FigureReport("killed", 130, "at least", "at least 130 people were killed")
    ]


def test_agent_and_place_attributes(dataset, ontology):
    nodes = project(dataset, ontology).nodes
    assert nodes[str(EX.baku)]["wikidata"] == "http://www.wikidata.org/entity/Q9248"
    assert nodes[str(EX.baku)]["aliases"] == ["city of Baku"]
    assert nodes[str(EX["soviet-army"])]["classes"] == ["Military force"]
    assert nodes[str(EX["soviet-army"])]["figures"] == [], "only events carry figures"
    assert nodes[str(EX.azerbaijan)]["date"] is None


def test_edge_label_and_sources(dataset, ontology):
    projection = project(dataset, ontology)
    place = projection.edges[str(EX.massacre), str(EX.baku), str(HG.place)]
    assert place["label"] == "place"
    assert place["sources"] == ["Report A", "Report B"]
    responds = projection.edges[str(EX.condemnation), str(EX.massacre), str(HG.respondsTo)]
    assert responds["label"] == "responds to"


def test_subclass_from_an_extension_is_projected(ontology):
    extended = Graph() + ontology
    extended.add((EX.Pogrom, RDFS.subClassOf, HGO.Massacre))
    extended.add((EX.Pogrom, RDFS.label, Literal("Pogrom")))
    data = Dataset()
    data.graph(DOC.x).add((EX.p, RDF.type, EX.Pogrom))
    nodes = project(data, extended).nodes
    assert nodes[str(EX.p)]["classes"] == ["Pogrom"]
    assert nodes[str(EX.p)]["is_event"]


# ---------------------------------------------------------------- styles


def test_style_declared_on_the_class(ontology):
    assert style_for(HGO.MilitaryOperation, ontology) == NodeStyle("#9467bd", "diamond")


def test_style_inherited_from_the_parent(ontology):
    assert style_for(HGO.Massacre, ontology) == NodeStyle("#d62728", "dot")


def test_colour_and_shape_inherited_separately(ontology):
    # Legislature has its own colour; its shape comes from hg:Agent via hg:Organization.
    assert style_for(HG.Legislature, ontology) == NodeStyle("#637939", "box")


def test_nearest_ancestor_wins(ontology):
    extended = Graph() + ontology
    extended.add((EX.Rebuke, RDFS.subClassOf, HGO.Condemnation))
    extended.add((EX.Pogrom, RDFS.subClassOf, HGO.Massacre))
    assert style_for(EX.Rebuke, extended).color == "#ff7f0e"
    assert style_for(EX.Pogrom, extended) == NodeStyle("#d62728", "dot")


def test_invalid_style_values_are_ignored(ontology):
    extended = Graph() + ontology
    extended.add((EX.Odd, RDFS.subClassOf, HG.Person))
    extended.add((EX.Odd, HG.color, Literal("red;background:url(x)")))
    extended.add((EX.Odd, HG.shape, Literal("image")))
    assert style_for(EX.Odd, extended) == NodeStyle("#2ca02c", "ellipse")


def test_default_style():
    assert style_for(URIRef("https://example.org/Nothing"), Graph()) == NodeStyle("#999999", "dot")


# ---------------------------------------------------------------- the page


@pytest.fixture(scope="module")
def page(dataset, ontology, tmp_path_factory) -> tuple[str, ViewStats]:
    output = tmp_path_factory.mktemp("view") / "graph.html"
    stats = render_view(dataset, ontology, output, title="Fixture graph")
    return output.read_text(encoding="utf-8"), stats


def test_stats_match_the_projection(page, dataset, ontology):
    projection = project(dataset, ontology)
    _, stats = page
    assert stats == ViewStats(projection.number_of_nodes(), projection.number_of_edges())
    assert stats == ViewStats(len(EXPECTED_NODES), len(EXPECTED_EDGES))


def test_page_loads_nothing_remote(page):
    text, _ = page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert not re.search(r"<script[^>]*\bsrc", text, re.I)
    assert not re.search(r"<link\b", text, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?(?:https?:)?//", text, re.I)
    assert "bootstrap" not in text.lower()


def test_page_inlines_vis_network(page):
    text, _ = page
    assert "vis.Network" in text
    assert "window.network = network" in text
    assert "stabilizationIterationsDone" in text


def test_page_data_matches_the_projection(page):
    data = data_json(page[0])
    assert data["title"] == "Fixture graph"
    assert len(data["nodes"]) == len(EXPECTED_NODES)
    assert len(data["edges"]) == len(EXPECTED_EDGES)
    assert len({e["id"] for e in data["edges"]}) == len(EXPECTED_EDGES), "parallel edges kept"
    assert data["options"]["physics"]["enabled"] is True
    assert data["options"]["physics"]["stabilization"]["enabled"] is True


def test_event_label_shows_the_date_and_tooltip_is_text(page):
    data = data_json(page[0])
    node = next(n for n in data["nodes"] if n["id"] == str(EX.massacre))
    assert node["label"] == "Massacre in Baku\n1990-01-20"
    assert isinstance(node["title"], str)
    assert "Massacre" in node["title"]
    assert "1990-01-20" in node["title"]
    assert "Soviet troops stormed Baku on 20 January 1990." in node["title"]
    assert node["color"] == "#d62728"


def test_edge_labels_come_from_the_ontology(page):
    data = data_json(page[0])
    expected = ["agent", "affected", "place", "located in", "capital of"]
    expected += ["agent", "responds to", "commemorates", "place"]
    assert sorted(e["label"] for e in data["edges"]) == sorted(expected)


def test_legend_lists_the_classes_present(page):
    data = data_json(page[0])
    expected = ["Commemoration", "Condemnation", "Group", "Legislature", "Massacre"]
    expected += ["Military force", "Place", "State"]
    assert [item["label"] for item in data["legend"]] == sorted(expected)


def test_rendering_is_deterministic(dataset, ontology, tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    render_view(dataset, ontology, first, title="Fixture graph")
    render_view(dataset, ontology, second, title="Fixture graph")
    assert first.read_bytes() == second.read_bytes()


def test_hostile_text_is_only_escaped(ontology, tmp_path):
    output = tmp_path / "hostile.html"
    render_view(hostile_dataset(HOSTILE), ontology, output, title=HOSTILE)
    text = output.read_text(encoding="utf-8")
    assert HOSTILE not in text
    assert "<img" not in text
    assert text.count("</script>") == 3, "only the page's own three script elements close"
    assert "\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e" in text
    assert "<title>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</title>" in text
    data = data_json(text)
    assert data["title"] == HOSTILE
    assert data["details"][str(EX.evil)]["evidence"][0]["quote"] == HOSTILE


def test_template_never_parses_html():
    template = resources.files("historygraph").joinpath("templates", "view.html").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in template


def test_script_json_escapes_markup():
    text = script_json({"q": "</script><!-- & \u2028"})
    assert not set("<>&") & set(text)
    assert "\u2028" not in text
    assert json.loads(text) == {"q": "</script><!-- & \u2028"}


def test_render_view_replaces_the_output(dataset, ontology, tmp_path):
    output = tmp_path / "out" / "graph.html"
    output.parent.mkdir()
    output.write_text("old")
    render_view(dataset, ontology, output, title="t")
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in output.parent.iterdir()] == ["graph.html"]


def test_event_label_does_not_repeat_a_date_it_already_shows(ontology):
    data = Dataset()
    graph = data.graph(DOC.x)
    graph.add((EX.e, RDF.type, HG.Event))
    graph.add((EX.e, RDFS.label, Literal("Protest in Baku (1990-01-20)")))
    graph.add((EX.e, HG.date, Literal("1990-01-20")))
    page = data_json(view_html(project(data, ontology), ontology, title="t"))
    assert page["nodes"][0]["label"] == "Protest in Baku (1990-01-20)"
