"""The ontology documentation in real headless Chromium: offline, complete, navigable."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from historygraph.headless import CHROMIUM
from historygraph.namespaces import HG
from historygraph.ontology_docs import write_docs
from tests.conftest import ONTOLOGY, SEED

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (make chromium installs it)", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docs([ONTOLOGY], tmp_path_factory.mktemp("docs"), SEED)


def test_docs_open_offline_with_every_core_class(guarded_page, docs: Path) -> None:  # type: ignore[no-untyped-def]
    page = guarded_page.page
    page.goto(docs.as_uri())
    page.wait_for_load_state("load")
    assert guarded_page.blocked == [], f"the page tried to load {guarded_page.blocked}"
    assert page.title() == "historygraph ontology"
    core = Graph().parse(ONTOLOGY / "core.ttl", format="turtle")
    classes = sorted(c for c in core.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef))
    present = set(page.eval_on_selector_all("[data-iri]", "els => els.map(e => e.dataset.iri)"))
    missing = [str(c) for c in classes if str(c) not in present]
    assert not missing, f"not on the page: {missing}"
    for cls in (HG.Event, HG.Massacre, HG.Place):
        assert page.locator(f'section[data-iri="{cls}"]').is_visible()


def test_class_links_navigate_and_styles_render(guarded_page, docs: Path) -> None:  # type: ignore[no-untyped-def]
    page = guarded_page.page
    page.goto(docs.as_uri())
    page.locator("#class-tree a", has_text="hg:Massacre").first.click()
    assert page.evaluate("location.hash") == "#class-hg-Massacre"
    target = page.locator("section:target")
    assert target.get_attribute("data-iri") == str(HG.Massacre)
    assert target.is_visible()
    assert "massacre" in target.inner_text()
    swatch = page.locator(f'section[data-iri="{HG.Event}"] .swatch').first
    color = swatch.evaluate("e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(214, 39, 40)", "hg:Event's hg:color #d62728"
    assert guarded_page.blocked == []
