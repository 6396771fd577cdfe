"""The real build in real headless Chromium: the seed graph's view and a hostile source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from historygraph.config import load_config
from historygraph.headless import CHROMIUM
from historygraph.ontology import load_ontology
from historygraph.query import load_dataset
from historygraph.view import project
from tests.browser.pageutil import click_node, details_text, open_view
from tests.conftest import PROJECT, copy_project, run_cli

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (make chromium installs it)", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = PROJECT / "tests" / "artifacts"

HOSTILE = """Hostile <script>window.__pwned=1</script> report

On 5 May 1990 soldiers of the <img src=x onerror="window.__pwned=1"> Army massacred civilians in Baku.

The next day Heydar Aliyev condemned the massacre <svg onload="window.__pwned=1">. Javascript:window.__pwned=1
"""


def projection_of(graph_dir: Path) -> Any:
    config = load_config(graph_dir)
    return project(load_dataset(config.trig_path), load_ontology(config.ontology_dirs).graph)


def test_seed_view_draws_the_whole_projection_offline(guarded_page, seed_build: Path) -> None:  # type: ignore[no-untyped-def]
    projection = projection_of(seed_build)
    page = open_view(guarded_page, seed_build / "graph.html")
    assert page.evaluate("network.body.data.nodes.length") == projection.number_of_nodes()
    assert page.evaluate("network.body.data.edges.length") == projection.number_of_edges()
    assert projection.number_of_nodes() > 10
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "black-january-force.png"))
    massacre = next(n for n, d in projection.nodes(data=True) if "Massacre" in d["classes"])
    click_node(page, massacre)
    text = details_text(page)
    assert "killed more than 100 civilians" in text
    assert "20 January 1990 – Road to Victory" in text
    assert guarded_page.blocked == []


def test_hostile_source_runs_no_script(guarded_page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = copy_project(tmp_path)
    graph_dir = root / "graphs" / "black-january"
    (graph_dir / "sources" / "road-to-victory.txt").write_text(HOSTILE, encoding="utf-8")
    result = run_cli("build", graph_dir, "--quiet")
    assert result.returncode == 0, result.stderr
    html = (graph_dir / "graph.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<svg onload" not in html
    page = open_view(guarded_page, graph_dir / "graph.html")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    projection = projection_of(graph_dir)
    for node in projection.nodes:
        click_node(page, node)
        page.mouse.move(5, 5)
    massacre = next(n for n, d in projection.nodes(data=True) if "Massacre" in d["classes"])
    click_node(page, massacre)
    assert '<img src=x onerror="window.__pwned=1">' in details_text(page)  # shown as text
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, svg image, iframe').length") == 0
    assert dialogs == [] and guarded_page.blocked == []
