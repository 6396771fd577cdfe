"""The Python API: ``historygraph.open(GRAPH_DIR)``."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef, Variable

import historygraph
from historygraph.api import KnowledgeGraph
from historygraph.errors import QueryError, StoreError

pytestmark = pytest.mark.slow

STORES = ("memory", "oxigraph")


@pytest.fixture(scope="module")
def graph_dir(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("api") / "project"
    shutil.copytree(seed_build.parents[1], root, ignore=shutil.ignore_patterns("store"))
    return root / "graphs" / seed_build.name


@pytest.fixture(scope="module", params=STORES)
def kg(request: pytest.FixtureRequest, graph_dir: Path) -> Iterator[KnowledgeGraph]:
    with historygraph.open(graph_dir, store=request.param) as opened:
        yield opened


def test_import_stays_light() -> None:
    code = "import historygraph, sys; print(sorted(m for m in ('rdflib', 'pyoxigraph', 'historygraph.api') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert callable(historygraph.open)
    assert "open" in dir(historygraph)


def test_open_reports_its_store(kg: KnowledgeGraph) -> None:
    assert kg.store in STORES
    assert kg.config.name == "black-january"
    assert kg.store in repr(kg)


def test_select_rows_are_dicts_of_rdflib_terms(kg: KnowledgeGraph) -> None:
    rows = kg.query(
        "SELECT ?event ?date ?duration WHERE { ?event a hg:Massacre ; hg:date ?date "
        "OPTIONAL { ?event hg:duration ?duration } }"
    )
    assert isinstance(rows, list) and rows
    row = rows[0]
    assert list(row) == ["event", "date", "duration"]
    assert isinstance(row["event"], URIRef)
    assert row["date"] == Literal(
        "1990-01-20", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")
    )
    assert row["duration"] is None  # unbound


def test_ask_construct_and_canned_names(kg: KnowledgeGraph) -> None:
    assert kg.query("ASK { ?e a hg:Massacre }") is True
    graph = kg.query("CONSTRUCT { ?e hg:date ?d } WHERE { ?e hg:date ?d }")
    assert isinstance(graph, Graph) and len(graph) > 0
    assert "timeline" in kg.canned()
    assert kg.query("timeline")  # a canned query by name


def test_answers_are_the_same_on_both_stores(graph_dir: Path) -> None:
    answers = []
    for store in STORES:
        with historygraph.open(graph_dir, store=store) as opened:
            answers.append(
                sorted(
                    tuple(sorted((k, str(v)) for k, v in row.items()))
                    for row in opened.query("evidence")  # type: ignore[union-attr]
                )
            )
    assert answers[0] == answers[1]


def test_to_dataframe_has_python_values(kg: KnowledgeGraph) -> None:
    pytest.importorskip("pandas")
    frame = kg.to_dataframe("figures")
    assert list(frame.columns) == ["event", "measure", "count", "bound", "document", "quote"]
    assert 744 in set(frame["count"])
    dates = kg.to_dataframe("SELECT ?d WHERE { ?e a hg:Massacre ; hg:date ?d }")
    assert dates["d"][0] == datetime.date(1990, 1, 20)


def test_to_dataframe_without_pandas(kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'historygraph\[pandas\]'"):
        kg.to_dataframe("figures")


def test_to_networkx_and_dataset(graph_dir: Path) -> None:
    networks, sizes = [], []
    for store in STORES:
        with historygraph.open(graph_dir, store=store) as opened:
            network = opened.to_networkx()
            networks.append((sorted(network.nodes), sorted(network.edges(keys=True))))
            sizes.append(len(opened.dataset))
    assert networks[0][0], "no nodes"
    assert networks[0] == networks[1]
    assert sizes[0] == sizes[1] > 0


def test_errors_and_timeouts(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="refused"):
        kg.query("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        kg.query("SELECT ?x WHERE { ?x }")
    assert kg.query("ASK { ?e a hg:Massacre }", timeout=20) is True
    assert "SelectQuery" in kg.explain("timeline")


def test_reason(kg: KnowledgeGraph) -> None:
    pytest.importorskip("historygraph.inference")
    assert kg.query("ASK { ?e a sem:Event }", reason="none") is False
    assert kg.query("ASK { ?e a sem:Event }", reason="rdfs") is True
    with pytest.raises(QueryError, match="--reason must be one of"):
        kg.query("ASK { ?s ?p ?o }", reason="owl-full")


def test_refresh_false_refuses_a_missing_store(tmp_path: Path, graph_dir: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(graph_dir.parents[1], root, ignore=shutil.ignore_patterns("store"))
    with pytest.raises(StoreError, match="not usable"):
        historygraph.open(root / "graphs" / graph_dir.name, store="oxigraph", refresh=False)


def test_direct_rows_equal_the_result_rows(graph_dir: Path) -> None:
    """On Oxigraph, query() builds SELECT rows straight from the store's answer; they must be
    the rows of the rdflib Result path (used with a time limit), term for term and in order."""
    from historygraph.query import canned_queries

    with historygraph.open(graph_dir, store="oxigraph") as opened:
        for canned in canned_queries(opened.config):
            direct = opened.query(canned.name)
            result = opened.result(canned.name)
            if result.type != "SELECT":
                continue
            names = [str(v) for v in result.vars or []]
            via_result = [{n: b.get(Variable(n)) for n in names} for b in result.bindings]
            assert direct == via_result, canned.name
            assert all(
                type(a) is type(b)
                for r, s in zip(direct, via_result, strict=True)
                for a, b in zip(r.values(), s.values(), strict=True)
            ), canned.name
        with pytest.raises(QueryError, match="SERVICE"):
            opened.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
        with pytest.raises(QueryError, match="SERVICE"):  # refused again: the check is not skipped
            opened.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
