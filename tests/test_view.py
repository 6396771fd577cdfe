"""Unit tests of historygraph.view: projection, styles and the HTML page (no browser)."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from historygraph.errors import HistorygraphError
from historygraph.namespaces import HG, HG_IRI
from historygraph.view import (
    DateSpan,
    EvidenceSpan,
    FigureReport,
    NodeStyle,
    ViewSettings,
    ViewStats,
    date_span,
    day_number,
    force_positions,
    leaf_clusters,
    most_central,
    ontology_projection,
    project,
    render_ontology_view,
    render_view,
    script_json,
    style_for,
    timeline_positions,
    to_graphml,
    view_html,
    wrap_label,
)
from tests.conftest import copy_project

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


def test_event_label_shows_the_date(page):
    data = data_json(page[0])
    node = next(n for n in data["nodes"] if n["id"] == str(EX.massacre))
    assert node["label"] == "Massacre in Baku\n1990-01-20"
    assert node["color"] == "#d62728"
    assert "title" not in node, "hover texts are built in the page, as text"


def test_details_carry_what_the_panel_shows(page):
    details = data_json(page[0])["details"][str(EX.massacre)]
    assert details["evidence"] == [
        ["Report A", 10, 58, "Soviet troops stormed Baku on 20 January 1990."]
    ]
    assert details["figures"] == [["at least 130 killed", "at least 130 people were killed"]]
    assert details["span"] == [day_number(1990, 1, 20)] * 2
    groups = dict(details["props"])
    assert ["duration", ["P3D"]] in groups["Time"]
    assert ["type", ["Event", "Massacre"]] in groups["Identity"]
    # Links to nodes are edges, evidence and figures have their own sections; a link to
    # something that is not a node (an untyped IRI) is still listed.
    assert groups["Other"] == [["agent", ["https://example.org/hg/unknown"]]]


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
    assert data["details"][str(EX.evil)]["evidence"][0][3] == HOSTILE


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
    assert page["nodes"][0]["label"].replace("\n", " ") == "Protest in Baku (1990-01-20)"


def test_nodes_of_one_label_told_by_different_sources_show_their_source(ontology):
    """Two sources' own "crowd" nodes (different IRIs, one label) are drawn with their
    source's title; a node that two sources tell, or a label no other node has, is not."""
    data = Dataset()
    for doc, title, crowd in (
        (DOC.a, "Report A", EX["a/crowd"]),
        (DOC.b, "Report B", EX["b/crowd"]),
    ):
        graph = data.graph(doc)
        graph.add((doc, RDF.type, HG.Document))
        graph.add((doc, RDFS.label, Literal(title)))
        graph.add((crowd, RDF.type, HG.Group))
        graph.add((crowd, RDFS.label, Literal("crowd")))
        graph.add((EX.baku, RDF.type, HG.Place))
        graph.add((EX.baku, RDFS.label, Literal("Baku")))
    projection = project(data, ontology)
    assert projection.nodes[str(EX["a/crowd"])]["source_note"] == "Report A"
    assert "source_note" not in projection.nodes[str(EX.baku)]
    labels = sorted(
        n["label"] for n in data_json(view_html(projection, ontology, title="t"))["nodes"]
    )
    assert labels == ["Baku", "crowd\n(Report A)", "crowd\n(Report B)"], labels


def test_a_one_source_node_sharing_a_label_with_a_two_source_node_shows_its_source(ontology):
    """ "Baku" the city (both reports) and "Baku" a report's own body: the body is drawn with
    its source's title, the city with its bare label."""
    data = Dataset()
    for doc, title in ((DOC.a, "Report A"), (DOC.b, "Report B")):
        graph = data.graph(doc)
        graph.add((doc, RDF.type, HG.Document))
        graph.add((doc, RDFS.label, Literal(title)))
        graph.add((EX.baku, RDF.type, HG.Place))
        graph.add((EX.baku, RDFS.label, Literal("Baku")))
    body = data.graph(DOC.a)
    body.add((EX["a/baku"], RDF.type, HG.Organization))
    body.add((EX["a/baku"], RDFS.label, Literal("Baku")))
    labels = sorted(
        n["label"]
        for n in data_json(view_html(project(data, ontology), ontology, title="t"))["nodes"]
    )
    assert labels == ["Baku", "Baku\n(Report A)"], labels


# ---------------------------------------------------------------- what the projection keeps


def test_inferred_graphs_are_ignored(dataset, ontology):
    data = Dataset()
    for quad in dataset.quads((None, None, None, None)):
        data.add(quad)
    inferred = data.graph(URIRef("https://example.org/hg/graph/inferred"))
    inferred.add((EX.massacre, RDF.type, HG.Event))
    inferred.add((EX.massacre, HG.participant, EX["soviet-army"]))
    inferred.add((EX.civilians, RDF.type, HG.Agent))
    projection = project(data, ontology)
    assert projection.number_of_edges() == len(EXPECTED_EDGES)
    assert projection.nodes[str(EX.civilians)]["classes"] == ["Group"]


def test_nodes_know_the_documents_that_mention_them(dataset, ontology):
    nodes = project(dataset, ontology).nodes
    assert nodes[str(EX.baku)]["graphs"] == ["Report A", "Report B"]
    assert nodes[str(EX["milli-majlis"])]["graphs"] == ["Report B"]
    assert nodes[str(EX.massacre)]["date_span"] == DateSpan(*[day_number(1990, 1, 20)] * 2)
    assert nodes[str(EX.condemnation)]["kind"] == "event"
    assert nodes[str(EX.baku)]["kind"] == "place"


def test_edge_evidence_is_the_subjects_quotes_in_the_stating_documents(dataset, ontology):
    projection = project(dataset, ontology)
    agent = projection.edges[str(EX.condemnation), str(EX["milli-majlis"]), str(HG.agent)]
    assert (agent["evidence"], agent["evidence_naming"]) == ([0], 1), "the quote names the object"
    located = projection.edges[str(EX.baku), str(EX.azerbaijan), str(HG.locatedIn)]
    assert (located["evidence"], located["evidence_naming"]) == ([], 0), "Baku has no quote"


# ---------------------------------------------------------------- dates and labels


def test_date_spans_keep_the_precision_of_the_text():
    assert date_span("1996-02") == DateSpan(day_number(1996, 2, 1), day_number(1996, 2, 29))
    assert date_span("1990") == DateSpan(day_number(1990, 1, 1), day_number(1990, 12, 31))
    assert date_span("-0044-03-15") == DateSpan(*[day_number(-44, 3, 15)] * 2)
    assert date_span("1990-13") is None
    assert date_span("1990-02-30") is None
    assert day_number(2000, 3, 1) - day_number(2000, 2, 28) == 2, "2000 is a leap year"


def test_date_ticks_are_the_distinct_first_and_last_days(page):
    """A month's or a year's event spans it: its last day is a stop, so the range reaches it."""
    ticks = data_json(page[0])["ticks"]
    assert [text for _, text in ticks] == [
        "1990-01-01",
        "1990-01-20",
        "1990-01-31",
        "2000-01-01",
        "2000-12-31",
    ]
    assert [day for day, _ in ticks] == sorted(day for day, _ in ticks)


def test_labels_are_wrapped_at_spaces():
    assert wrap_label("Legislative decision by Milli Majlis (1994-02)") == (
        "Legislative decision by\nMilli Majlis (1994-02)"
    )
    assert wrap_label("a verylongwordindeed b", 8) == "a\nverylongwordindeed\nb"
    assert wrap_label("two\nlines", 3) == "two\nlines"


def test_undated_events_say_so(ontology):
    data = Dataset()
    data.graph(DOC.x).add((EX.e, RDF.type, HG.Event))
    page = data_json(view_html(project(data, ontology), ontology, title="t"))
    assert page["nodes"][0]["label"] == "e\nno date given"


# ---------------------------------------------------------------- layouts, selection, clusters


def test_timeline_places_events_by_date_actors_above_places_below(dataset, ontology):
    projection = project(dataset, ontology)
    pos = timeline_positions(projection)
    assert set(pos) == set(projection.nodes)
    x = {n: p[0] for n, p in pos.items()}
    assert x[str(EX.condemnation)] < x[str(EX.massacre)] < x[str(EX.commemoration)]
    for node, attrs in projection.nodes(data=True):
        if attrs["kind"] == "place":
            assert pos[node][1] > 0, node
        elif attrs["kind"] == "agent":
            assert pos[node][1] < 0, node
    assert timeline_positions(projection) == pos


def test_undated_events_come_last_in_the_timeline(ontology):
    data = Dataset()
    graph = data.graph(DOC.x)
    for name, date in (("a", "1990-01-20"), ("b", None), ("c", "1989")):
        graph.add((EX[name], RDF.type, HG.Event))
        if date:
            graph.add((EX[name], HG.date, Literal(date)))
    pos = timeline_positions(project(data, ontology))
    assert pos[str(EX.c)][0] < pos[str(EX.a)][0] < pos[str(EX.b)][0]


def test_force_positions_are_deterministic_and_place_every_node():
    import networkx as nx

    graph = nx.MultiDiGraph(nx.gnm_random_graph(400, 600, seed=3, directed=True))
    graph.add_edge(1000, 1001)  # a tiny component
    graph.add_node(2000)  # an isolated node
    graph = nx.relabel_nodes(graph, str)
    first = force_positions(graph)
    assert first == force_positions(graph)
    assert set(first) == set(graph.nodes)
    assert len(set(first.values())) == len(first), "no two nodes on the same spot"


def test_large_graphs_get_their_positions_from_python(dataset, ontology):
    page = data_json(
        view_html(
            project(dataset, ontology),
            ontology,
            title="t",
            settings=ViewSettings(physics_max_nodes=0),
        )
    )
    assert page["positioned"] is True
    assert page["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in page["nodes"])
    assert page["options"]["physics"]["stabilization"]["enabled"] is False


def test_most_central_keeps_the_best_connected_nodes(dataset, ontology):
    kept = most_central(project(dataset, ontology), 3)
    assert set(kept.nodes) == {str(EX.massacre), str(EX.baku), str(EX.commemoration)}
    assert kept.number_of_edges() == 3
    with pytest.raises(HistorygraphError, match="at least 1"):
        most_central(project(dataset, ontology), 0)


def test_leaves_cluster_with_their_only_neighbour(dataset, ontology):
    clusters = leaf_clusters(project(dataset, ontology))
    assert [(c.id, c.hub, c.members) for c in clusters] == [
        ("hg-cluster-0", str(EX.massacre), (str(EX.civilians), str(EX["soviet-army"])))
    ]


def test_render_view_reports_what_it_left_out_and_clustered(dataset, ontology, tmp_path):
    output = tmp_path / "graph.html"
    stats = render_view(dataset, ontology, output, title="t", max_nodes=6, cluster_min_nodes=1)
    assert stats == ViewStats(nodes=6, edges=stats.edges, left_out=2, clusters=stats.clusters)
    page = data_json(output.read_text(encoding="utf-8"))
    assert (page["leftOut"], page["maxNodes"]) == (2, 6)
    assert len(page["clusters"]) == stats.clusters >= 1


def test_timeline_rendering_is_deterministic_with_an_axis(dataset, ontology, tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    for path in (first, second):
        render_view(dataset, ontology, path, title="t", layout="timeline")
    assert first.read_bytes() == second.read_bytes()
    page = data_json(first.read_text(encoding="utf-8"))
    assert [text for _, text in page["axis"]] == ["1990-01", "1990-01-20", "2000"]
    assert page["layout"] == "timeline" and page["positioned"] is True


def test_an_unknown_layout_is_refused(dataset, ontology, tmp_path):
    with pytest.raises(HistorygraphError, match="unknown layout 'circle'"):
        render_view(dataset, ontology, tmp_path / "x.html", title="t", layout="circle")


# ---------------------------------------------------------------- ontology view, GraphML, CLI


def test_ontology_projection_counts_instances_with_subclasses(dataset, ontology):
    projection = ontology_projection(dataset, ontology)
    nodes = projection.nodes
    assert nodes[str(HG.Event)]["label"] == "Event (3)"
    assert nodes[str(HGO.Massacre)]["label"] == "Massacre (1)"
    assert nodes[str(HG.agent)]["label"] == "agent (3)", "statements using the property"
    assert (
        "In the graph",
        [("instances, with subclasses", ["3"]), ("direct instances", ["1"])],
    ) in (nodes[str(HG.Event)]["properties"])
    assert projection.has_edge(str(HG.Legislature), str(HG.Organization))
    assert projection.has_edge(str(HG.agent), str(HG.participant))
    kinds = {item["iri"] for item in projection.graph["legend"]}
    assert kinds == {"class", "external", "object", "datatype"}


def test_render_ontology_view_writes_a_positioned_page(dataset, ontology, tmp_path):
    output = tmp_path / "ontology.html"
    stats = render_ontology_view(dataset, ontology, output, title="Ontology")
    page = data_json(output.read_text(encoding="utf-8"))
    assert page["mode"] == "ontology" and page["positioned"] is True
    assert stats.nodes == len(page["nodes"]) > 40


def test_graphml_export_round_trips(dataset, ontology, tmp_path):
    import networkx as nx

    projection = project(dataset, ontology)
    path = tmp_path / "graph.graphml"
    to_graphml(projection, path)
    first = path.read_bytes()
    to_graphml(projection, path)
    assert path.read_bytes() == first, "deterministic"
    graph = nx.read_graphml(path, force_multigraph=True)
    assert set(graph.nodes) == set(projection.nodes)
    assert graph.number_of_edges() == projection.number_of_edges()
    massacre = graph.nodes[str(EX.massacre)]
    assert (massacre["label"], massacre["date"], massacre["evidence_count"]) == (
        "Massacre in Baku",
        "1990-01-20",
        1,
    )


@pytest.fixture(scope="module")
def seed_copy(tmp_path_factory) -> Path:
    """A copy of the seed graph with its committed graph.trig (no build)."""
    root = copy_project(tmp_path_factory.mktemp("cli"), outputs=True)
    return root / "graphs" / "black-january"


def test_cli_view_timeline_with_max_nodes(seed_copy, tmp_path, capsys):
    from historygraph.cli import main

    output = tmp_path / "timeline.html"
    code = main(
        ["view", str(seed_copy), "-o", str(output), "--layout", "timeline", "--max-nodes", "5"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert f"wrote {output} (5 nodes" in out and "timeline layout" in out
    assert re.search(r"left out \d+ of \d+ nodes: --max-nodes 5 keeps the most central", out)
    assert data_json(output.read_text(encoding="utf-8"))["leftOut"] > 0


def test_cli_view_ontology(seed_copy, capsys):
    from historygraph.cli import main

    assert main(["view", str(seed_copy), "--ontology"]) == 0
    assert "classes and properties" in capsys.readouterr().out
    assert (
        data_json((seed_copy / "ontology.html").read_text(encoding="utf-8"))["mode"] == "ontology"
    )


def test_cli_view_refuses_a_bad_max_nodes(seed_copy, capsys):
    from historygraph.cli import main

    assert main(["view", str(seed_copy), "--max-nodes", "0"]) == 1
    assert "--max-nodes must be at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("layout", ["force", "timeline"])
def test_an_empty_graph_still_renders(ontology, layout):
    settings = ViewSettings(layout=layout, physics_max_nodes=0, cluster_min_nodes=0)
    page = data_json(
        view_html(project(Dataset(), ontology), ontology, title="t", settings=settings)
    )
    assert (page["nodes"], page["edges"], page["clusters"], page["ticks"]) == ([], [], [], [])


def test_icon_annotation_is_inherited() -> None:
    from rdflib import Graph, Literal, Namespace
    from rdflib.namespace import RDFS

    from historygraph.view import style_for

    ex = Namespace("https://example.org/onto#")
    onto = Graph()
    onto.add((ex.Treaty, RDFS.subClassOf, HG.Event))
    onto.add((HG.Event, HG.icon, Literal("★")))
    assert style_for(ex.Treaty, onto).icon == "★"
    onto.add((ex.Treaty, HG.icon, Literal("not an icon")))
    assert style_for(ex.Treaty, onto).icon == "★"  # too long: ignored, inherited instead


def test_an_asset_that_would_close_its_element_is_refused() -> None:
    from historygraph.view import _inline

    assert _inline(b"var a = 1 < 2;", "script") == b"var a = 1 < 2;"
    for bad in (b"x</SCRIPT>y", b"x</script>", b"<!-- x"):
        with pytest.raises(RuntimeError, match="cannot be inlined"):
            _inline(bad, "script")


def test_page_inlines_the_assets_as_text_mode_reads_them(dataset, ontology, tmp_path):
    """The page is assembled from bytes; the inlined vis-network files must still read as the
    text pyvis ships (line endings normalised), checked on the bytes written."""
    output = tmp_path / "graph.html"
    render_view(dataset, ontology, output, title="Fixture graph")
    written = output.read_bytes().decode("utf-8")
    assert "\r" not in written
    for name in ("vis-network.min.js", "vis-network.css"):
        asset = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2", name)
        assert asset.read_text(encoding="utf-8") in written
