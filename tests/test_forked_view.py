"""With --jobs > 1 the view is drawn in a forked process: same page, same failure rules."""

from __future__ import annotations

from pathlib import Path

import pytest

import historygraph.build as build_module
from historygraph.build import build
from historygraph.errors import ValidationError
from tests.conftest import copy_project

pytestmark = pytest.mark.slow

STRICT_SHAPE = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix hg: <https://w3id.org/historygraph/ontology#> .
<urn:test:StrictShape> a sh:NodeShape ; sh:targetClass hg:Event ;
    sh:property [ sh:path rdfs:label ; sh:minCount 2 ; sh:message "strict test shape" ] .
"""


@pytest.fixture
def graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(build_module, "FORK_VIEW_MIN_QUADS", 0)  # fork even for the seed
    return copy_project(tmp_path) / "graphs" / "black-january"


def test_forked_view_writes_the_same_page(graph: Path) -> None:
    build(graph, jobs=1)
    in_process = (graph / "graph.html").read_bytes()
    (graph / "graph.html").unlink()
    result = build(graph, jobs=2)
    assert "view" in result.timings
    assert (graph / "graph.html").read_bytes() == in_process
    assert not list(graph.glob(".graph.html*"))


def test_failed_build_keeps_the_previous_page(graph: Path) -> None:
    build(graph, jobs=2)
    before = (graph / "graph.html").read_bytes()
    extensions = graph.parents[1] / "ontology" / "extensions"
    extensions.mkdir(exist_ok=True)
    (extensions / "strict.ttl").write_text(STRICT_SHAPE, encoding="utf-8")
    with pytest.raises(ValidationError, match="strict test shape"):
        build(graph, jobs=2)
    assert (graph / "graph.html").read_bytes() == before
    assert not list(graph.glob(".graph.html*"))
