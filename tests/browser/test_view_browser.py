"""The rendered view in real headless Chromium: offline, complete, clickable, inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from historygraph.namespaces import HG
from historygraph.view import project, render_view
from tests.browser.pageutil import (
    click_edge,
    click_node,
    details_text,
    node_point,
    open_view,
)

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing (make chromium installs Debian's package)", allow_module_level=True
    )
pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")

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
    return data


def test_fixture_view_draws_the_projection_offline(
    guarded_page, fixture_dataset, ontology, tmp_path
):
    projection = project(fixture_dataset, ontology)
    output = tmp_path / "graph.html"
    stats = render_view(fixture_dataset, ontology, output, title="Fixture graph")
    page = open_view(guarded_page, output)

    counts = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
    assert counts == [projection.number_of_nodes(), projection.number_of_edges()]
    assert counts == [stats.nodes, stats.edges]
    assert page.evaluate("network.physics.options.enabled") is False, "physics off once stable"
    assert page.locator("#hg-title").inner_text() == "Fixture graph"
    assert page.locator("#hg-legend li").count() == 8
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "view-fixture.png"))
    assert guarded_page.blocked == [], f"the page tried to load {guarded_page.blocked}"


def test_clicking_a_node_shows_its_evidence(guarded_page, fixture_dataset, ontology, tmp_path):
    output = tmp_path / "graph.html"
    render_view(fixture_dataset, ontology, output, title="Fixture graph")
    page = open_view(guarded_page, output)

    click_node(page, str(EX.massacre))
    text = details_text(page)
    assert "Soviet troops stormed Baku on 20 January 1990." in text
    assert "Report A [10–58]" in text
    assert "Massacre" in text
    assert "1990-01-20" in text
    assert "at least 130 killed" in text

    click_node(page, str(EX.baku))
    link = page.locator("#hg-details a")
    assert link.get_attribute("href") == "http://www.wikidata.org/entity/Q9248"
    assert guarded_page.blocked == []


def test_clicking_an_edge_shows_the_statement(guarded_page, fixture_dataset, ontology, tmp_path):
    output = tmp_path / "graph.html"
    render_view(fixture_dataset, ontology, output, title="Fixture graph")
    page = open_view(guarded_page, output)
    edge_id = page.evaluate(
        f"""() => network.body.data.edges.get().find(
            (e) => e.from === {str(EX.condemnation)!r} && e.to === {str(EX["milli-majlis"])!r}
        ).id"""
    )

    click_edge(page, edge_id)
    text = details_text(page)
    assert "Condemnation of the massacre — agent → Milli Majlis" in text
    assert "Report B" in text


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

    assert page.title() == PWN_IMG
    assert page.locator("#hg-title").inner_text() == PWN_IMG
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert guarded_page.blocked == []
