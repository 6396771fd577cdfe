"""The rendered view in real headless Chromium: offline, complete, clickable, inert.

Every page is opened through ``guarded_page`` (tests/browser/conftest.py): a
request for anything but a ``file:`` URL, or a script error, fails the test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from historygraph.headless import CHROMIUM
from historygraph.namespaces import HG
from historygraph.view import project, render_ontology_view, render_view
from tests.browser.pageutil import (
    click_edge,
    click_node,
    details_text,
    double_click_node,
    hidden_nodes,
    node_point,
    open_view,
)

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing (make chromium installs Debian's package)", allow_module_level=True
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright's Python package is not installed"
)
PlaywrightTimeout = sync_api.TimeoutError

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "view-fixture.trig"
ARTIFACTS = ROOT / "tests" / "artifacts"
EX = Namespace("https://example.org/hg/")
DOC = Namespace("https://example.org/hg/doc/")
PWN_IMG = '<img src=x onerror="window.__pwned=1">'
PWN_SCRIPT = "<script>window.__pwned=1</script>"
PWN_LINK = '<a href="javascript:window.__pwned=1">click</a>'
PWN_URL = "javascript:window.__pwned=1"
ALL_FIXTURE_NODES = {
    str(n)
    for n in (
        EX.massacre,
        EX.condemnation,
        EX.commemoration,
        EX["soviet-army"],
        EX.civilians,
        EX["milli-majlis"],
        EX.azerbaijan,
        EX.baku,
    )
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def fixture_dataset() -> Dataset:
    data = Dataset()
    data.parse(FIXTURE, format="trig")
    return data


@pytest.fixture(scope="module")
def pages(fixture_dataset: Dataset, ontology: Graph, tmp_path_factory: Any) -> dict[str, Path]:
    """The fixture graph rendered once per layout (and once clustered)."""
    folder = tmp_path_factory.mktemp("views")
    paths = {}
    for layout in ("force", "timeline"):
        paths[layout] = folder / f"{layout}.html"
        render_view(fixture_dataset, ontology, paths[layout], title="Fixture graph", layout=layout)
    paths["clustered"] = folder / "clustered.html"
    render_view(
        fixture_dataset,
        ontology,
        paths["clustered"],
        title="Fixture graph",
        physics_max_nodes=0,
        cluster_min_nodes=1,
    )
    return paths


def hostile_dataset() -> Dataset:
    """One event and one agent whose every text slot tries to run script."""
    data = Dataset()
    graph = data.graph(DOC.hostile)
    graph.add((DOC.hostile, RDF.type, HG.Document))
    graph.add((DOC.hostile, RDFS.label, Literal(PWN_SCRIPT)))
    graph.add((EX.evil, RDF.type, HG.Event))
    graph.add((EX.evil, RDFS.label, Literal(PWN_IMG)))
    graph.add((EX.evil, HG.date, Literal(PWN_SCRIPT)))
    graph.add((EX.evil, SKOS.altLabel, Literal(PWN_LINK)))
    graph.add((EX.evil, SKOS.exactMatch, URIRef(PWN_URL)))
    graph.add((EX.evil, HG.agent, EX.villain))
    graph.add((EX.evil, HG.evidence, EX["evil-ev"]))
    graph.add((EX["evil-ev"], HG.document, DOC.hostile))
    graph.add((EX["evil-ev"], HG.start, Literal(0)))
    graph.add((EX["evil-ev"], HG.end, Literal(5)))
    graph.add((EX["evil-ev"], HG.quote, Literal(f"{PWN_IMG} {PWN_SCRIPT} {PWN_LINK}")))
    graph.add((EX.villain, RDF.type, HG.Person))
    graph.add((EX.villain, RDFS.label, Literal(PWN_LINK)))
    graph.add((EX.villain, SKOS.altLabel, Literal(PWN_SCRIPT)))
    return data


def positions(page: Any) -> dict[str, tuple[float, float]]:
    """Node positions as vis-network has them now."""
    return {k: (v["x"], v["y"]) for k, v in page.evaluate("network.getPositions()").items()}


# ---------------------------------------------------------------- drawing and details


def test_fixture_view_draws_the_projection_offline(guarded_page, fixture_dataset, ontology, pages):
    projection = project(fixture_dataset, ontology)
    page = open_view(guarded_page, pages["force"])

    counts = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
    assert counts == [projection.number_of_nodes(), projection.number_of_edges()]
    assert counts == [8, 9]
    assert page.evaluate("network.physics.options.enabled") is False, "physics off once stable"
    assert page.locator("#hg-title").inner_text() == "Fixture graph"
    assert page.locator("#hg-legend li").count() == 8
    assert page.locator("#hg-graphs li").count() == 2, "one source filter per document"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "view-fixture.png"))
    assert guarded_page.blocked == [], f"the page tried to load {guarded_page.blocked}"


def test_clicking_a_node_shows_its_evidence(guarded_page, pages):
    page = open_view(guarded_page, pages["force"])

    click_node(page, str(EX.massacre))
    text = details_text(page)
    assert "Soviet troops stormed Baku on 20 January 1990." in text
    assert "Report A [10–58]" in text
    assert "Massacre" in text
    assert "1990-01-20" in text
    assert "at least 130 killed" in text
    assert "P3D" in text, "every property is listed (duration, in the Time group)"
    assert "agent →" in text and "Soviet Army" in text, "neighbours, grouped by property"
    assert "← responds to" in text and "Condemnation of the massacre" in text

    click_node(page, str(EX.baku))
    link = page.locator("#hg-details a")
    assert link.get_attribute("href") == "http://www.wikidata.org/entity/Q9248"
    assert "No quote" in details_text(page)


def test_clicking_an_edge_shows_the_statement_and_its_evidence(guarded_page, pages):
    page = open_view(guarded_page, pages["force"])
    edge_id = page.evaluate(
        f"""() => network.body.data.edges.get().find(
            (e) => e.from === {str(EX.condemnation)!r} && e.to === {str(EX["milli-majlis"])!r}
        ).id"""
    )

    click_edge(page, edge_id)
    text = details_text(page)
    assert "Condemnation of the massacre — agent → Milli Majlis" in text
    assert "Report B" in text
    assert "The Milli Majlis condemned the January events." in text
    assert "names Milli Majlis" in text


def test_a_neighbour_in_the_details_selects_that_node(guarded_page, pages):
    page = open_view(guarded_page, pages["force"])
    click_node(page, str(EX.massacre))

    page.locator("#hg-details button", has_text="Soviet Army").first.click()
    assert page.evaluate("network.getSelectedNodes()") == [str(EX["soviet-army"])]
    assert page.locator("#hg-details h3").inner_text() == "Soviet Army"


# ---------------------------------------------------------------- find and filter


def test_search_finds_a_node_by_alias(guarded_page, pages):
    page = open_view(guarded_page, pages["force"])

    page.locator("#hg-search").fill("soviet TROOPS")
    first = page.locator("#hg-results li").first
    assert "Soviet Army" in first.inner_text()
    assert "alias: Soviet troops" in first.inner_text()
    page.locator("#hg-search").press("Enter")
    assert page.evaluate("network.getSelectedNodes()") == [str(EX["soviet-army"])]
    assert page.locator("#hg-details h3").inner_text() == "Soviet Army"

    page.locator("#hg-search").fill("city of baku")
    page.locator("#hg-results button").first.click()
    assert page.evaluate("network.getSelectedNodes()") == [str(EX.baku)]

    page.locator("#hg-search").fill("no such thing")
    assert page.locator("#hg-results").inner_text() == "Nothing found."


def test_class_filter_hides_and_shows_nodes(guarded_page, pages):
    page = open_view(guarded_page, pages["force"])
    place = page.locator(f'#hg-legend input[data-class="{HG.Place}"]')
    baku = page.evaluate(f"network.canvasToDOM(network.getPosition({str(EX.baku)!r}))")
    assert page.evaluate("(p) => network.getNodeAt(p)", baku) == str(EX.baku)

    place.uncheck()
    assert hidden_nodes(page) == {str(EX.baku)}
    assert page.evaluate("(p) => network.getNodeAt(p)", baku) is None, "not drawn, not clickable"
    assert "7 shown" in page.locator("#hg-stats").inner_text()
    place.check()
    assert hidden_nodes(page) == set()

    page.locator("#hg-classes-none").click()
    assert hidden_nodes(page) == ALL_FIXTURE_NODES
    page.locator("#hg-classes-all").click()
    assert hidden_nodes(page) == set()


def test_source_filter_hides_what_only_that_document_states(guarded_page, pages):
    page = open_view(guarded_page, pages["force"])

    page.locator("#hg-graphs label", has_text="Report B").locator("input").uncheck()
    only_in_b = {str(EX.condemnation), str(EX["milli-majlis"]), str(EX.commemoration)}
    assert hidden_nodes(page) == only_in_b
    # massacre -place-> baku is stated in both documents: it stays.
    shown_edges = page.evaluate(
        "network.body.data.edges.get({filter: (e) => !e.hidden}).map((e) => [e.from, e.to])"
    )
    assert [str(EX.massacre), str(EX.baku)] in shown_edges
    page.locator("#hg-reset").click()
    assert hidden_nodes(page) == set()


def test_date_slider_hides_events_outside_the_range(guarded_page, pages):
    page = open_view(guarded_page, pages["force"])
    # The distinct first and last days: 1990-01-01 and 1990-01-31 (condemnation, 1990-01),
    # 1990-01-20 (massacre), 2000-01-01 and 2000-12-31 (commemoration, 2000).
    assert page.locator("#hg-range-text").inner_text() == "1990-01-01 – 2000-12-31"

    page.locator("#hg-from").fill("3")
    assert page.locator("#hg-range-text").inner_text() == "2000-01-01 – 2000-12-31"
    hidden = hidden_nodes(page)
    assert str(EX.massacre) in hidden and str(EX.condemnation) in hidden
    assert str(EX.commemoration) not in hidden
    # Actors of hidden events go with them; a place of a shown event stays.
    assert {str(EX["soviet-army"]), str(EX.civilians), str(EX["milli-majlis"])} <= hidden
    assert str(EX.baku) not in hidden

    page.locator("#hg-from").fill("0")
    page.locator("#hg-to").fill("0")
    hidden = hidden_nodes(page)
    assert str(EX.condemnation) not in hidden, "1990-01 overlaps 1990-01-01"
    assert {str(EX.massacre), str(EX.commemoration)} <= hidden

    # the month's last day is a stop of its own: the condemnation without the massacre
    page.locator("#hg-to").fill("2")
    page.locator("#hg-from").fill("2")
    assert page.locator("#hg-range-text").inner_text() == "1990-01-31 – 1990-01-31"
    hidden = hidden_nodes(page)
    assert str(EX.condemnation) not in hidden and str(EX.massacre) in hidden

    page.locator("#hg-from").fill("0")
    page.locator("#hg-to").fill("4")
    assert hidden_nodes(page) == set()


def test_focus_shows_the_neighbourhood_to_depth_n(guarded_page, pages):
    page = open_view(guarded_page, pages["force"])
    click_node(page, str(EX.commemoration))

    page.locator("#hg-focus").click()
    near = {str(EX.commemoration), str(EX.massacre), str(EX.baku)}
    assert hidden_nodes(page) == ALL_FIXTURE_NODES - near
    page.locator("#hg-depth").fill("2")
    page.locator("#hg-depth").dispatch_event("change")
    near |= {str(EX["soviet-army"]), str(EX.civilians), str(EX.condemnation), str(EX.azerbaijan)}
    assert hidden_nodes(page) == ALL_FIXTURE_NODES - near
    page.locator("#hg-unfocus").click()
    assert hidden_nodes(page) == set()


# ---------------------------------------------------------------- layouts and big graphs


def test_timeline_order_matches_dates(guarded_page, pages):
    page = open_view(guarded_page, pages["timeline"])
    data_positions = {n["id"]: (n["x"], n["y"]) for n in page.evaluate("hgView.data.nodes")}
    drawn = positions(page)

    assert drawn == data_positions, "positions come from the file; no physics moves them"
    assert page.evaluate("network.physics.options.enabled") is False
    x = {node: xy[0] for node, xy in drawn.items()}
    # 1990-01 (condemnation) < 1990-01-20 (massacre) < 2000 (commemoration)
    assert x[str(EX.condemnation)] < x[str(EX.massacre)] < x[str(EX.commemoration)]
    y = {node: xy[1] for node, xy in drawn.items()}
    assert y[str(EX["soviet-army"])] < y[str(EX.massacre)] < y[str(EX.baku)], (
        "actors above the events, places below"
    )
    assert "timeline layout" in page.locator("#hg-stats").inner_text()


def test_clusters_expand_on_double_click(guarded_page, pages):
    page = open_view(guarded_page, pages["clustered"])
    soviet = str(EX["soviet-army"])
    data_positions = {n["id"]: (n["x"], n["y"]) for n in page.evaluate("hgView.data.nodes")}

    assert page.evaluate("network.isCluster('hg-cluster-0')") is True
    assert page.evaluate(f"network.clustering.findNode({soviet!r})") == ["hg-cluster-0", soviet]
    assert page.evaluate("network.body.data.nodes.length") == 8, "every node is in the data"
    for _ in range(3):  # vis-network's double-tap window is short; a loaded machine can miss it
        double_click_node(page, "hg-cluster-0")
        try:
            page.wait_for_function("!network.isCluster('hg-cluster-0')", timeout=2_000)
            break
        except PlaywrightTimeout:
            continue
    assert page.evaluate("network.isCluster('hg-cluster-0')") is False
    assert positions(page)[soviet] == data_positions[soviet], "members return to their place"


def test_search_opens_the_cluster_of_what_it_finds(guarded_page, pages):
    page = open_view(guarded_page, pages["clustered"])

    page.locator("#hg-search").fill("Soviet troops")
    page.locator("#hg-search").press("Enter")
    assert page.evaluate("network.isCluster('hg-cluster-0')") is False
    assert page.evaluate("network.getSelectedNodes()") == [str(EX["soviet-army"])]


def test_max_nodes_says_how_many_were_left_out(guarded_page, fixture_dataset, ontology, tmp_path):
    output = tmp_path / "graph.html"
    stats = render_view(fixture_dataset, ontology, output, title="Fixture graph", max_nodes=3)
    page = open_view(guarded_page, output)

    assert stats.left_out == 5
    assert page.evaluate("network.body.data.nodes.length") == 3
    assert (
        "Showing the 3 most central of 8 nodes: 5 left out" in page.locator("#hg-note").inner_text()
    )


def test_ontology_view_shows_the_hierarchy_with_counts(
    guarded_page, fixture_dataset, ontology, tmp_path
):
    output = tmp_path / "ontology.html"
    render_ontology_view(fixture_dataset, ontology, output, title="Ontology")
    page = open_view(guarded_page, output)
    nodes = {n["id"]: n for n in page.evaluate("hgView.data.nodes")}

    assert nodes[str(HG.Event)]["label"] == "Event (3)", "instances of Event and its subclasses"
    assert nodes[str(HG.Agent)]["label"] == "Agent (4)"
    assert page.evaluate(
        f"""network.body.data.edges.get().some(
            (e) => e.from === {str(HG.Legislature)!r} && e.to === {str(HG.Organization)!r})"""
    )
    click_node(page, str(HG.Legislature))
    text = details_text(page)
    assert "direct instances" in text
    assert "A parliament or other law-making assembly." in text


# ---------------------------------------------------------------- hostile text


def test_hostile_text_never_runs(guarded_page, ontology, tmp_path):
    output = tmp_path / "hostile.html"
    render_view(hostile_dataset(), ontology, output, title=PWN_IMG)
    page = open_view(guarded_page, output)
    evil = str(EX.evil)

    page.mouse.move(*node_point(page, evil))
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert PWN_IMG in tooltip.inner_text(), "the tooltip shows the markup as text"
    click_node(page, evil)
    text = details_text(page)
    assert PWN_IMG in text
    assert PWN_SCRIPT in text
    assert PWN_LINK in text
    assert page.locator("#hg-details a").count() == 0, "javascript: is never a link"

    # The page itself must refuse a non-http(s) link even if the data carried one.
    page.evaluate(f"hgView.data.details[{evil!r}].wikidata = {PWN_URL!r}")
    click_node(page, str(EX.villain))
    click_node(page, evil)
    assert page.locator("#hg-details a").count() == 0

    # Search results, neighbour buttons and the source filter show it as text too.
    page.locator("#hg-search").fill("script")
    assert PWN_SCRIPT in page.locator("#hg-results").inner_text()
    page.locator("#hg-results button").first.click()
    assert PWN_SCRIPT in page.locator("#hg-graphs").inner_text()

    assert page.title() == PWN_IMG
    assert page.locator("#hg-title").inner_text() == PWN_IMG
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert guarded_page.blocked == []


# ---------------------------------------------------------------- the seed graph


def _label_boxes(page: Any) -> dict[str, list[float]]:
    """Each node's box (shape and label) in page pixels: [left, top, right, bottom]."""
    return page.evaluate(
        """() => {
            const box = document.getElementById("hg-network").getBoundingClientRect();
            const out = {};
            for (const id of network.body.data.nodes.getIds()) {
                const b = network.getBoundingBox(id);
                const a = network.canvasToDOM({ x: b.left, y: b.top });
                const c = network.canvasToDOM({ x: b.right, y: b.bottom });
                out[id] = [box.left + a.x, box.top + a.y, box.left + c.x, box.top + c.y];
            }
            return out;
        }"""
    )


def _overlaps(boxes: dict[str, list[float]]) -> list[tuple[str, str]]:
    items = sorted(boxes.items())
    return [
        (a, b)
        for i, (a, p) in enumerate(items)
        for b, q in items[i + 1 :]
        if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]
    ]


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["force", "timeline"])
def test_seed_view_is_readable_at_1280x800(guarded_page, seed_build, ontology, layout, tmp_path):
    from historygraph.config import load_config
    from historygraph.ontology import load_ontology
    from historygraph.query import load_dataset

    config = load_config(seed_build)
    onto = load_ontology(config.ontology_dirs).graph
    output = tmp_path / f"{layout}.html"
    render_view(load_dataset(config.trig_path), onto, output, title=config.title, layout=layout)
    page = open_view(guarded_page, output)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"black-january-{layout}.png"))
    data = page.evaluate("hgView.data")

    sidebar = page.locator("#hg-sidebar").bounding_box()
    network = page.locator("#hg-network").bounding_box()
    boxes = _label_boxes(page)
    for node, (left, top, right, bottom) in boxes.items():
        assert left >= sidebar["x"] + sidebar["width"], f"{node}'s label runs into the legend"
        assert right <= network["x"] + network["width"] and top >= 0 and bottom <= 800, node
    events = {n: d for n, d in data["details"].items() if d.get("event")}
    assert len(events) >= 10
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    for node, info in events.items():
        assert (info.get("date") or "no date given") in labels[node], f"{node} shows no date"
    font = data["options"]["nodes"]["font"]["size"]
    threshold = data["options"]["nodes"]["scaling"]["label"]["drawThreshold"]
    assert page.evaluate("network.getScale()") * font >= max(threshold, 7), "labels drawn, legible"
    if layout == "timeline":
        assert _overlaps(boxes) == [], "no two labels overlap in the timeline"
        spans = sorted((d["span"][0], n) for n, d in events.items() if d.get("span"))
        xs = [positions(page)[n][0] for _, n in spans]
        assert xs == sorted(xs), "events left to right by date"
