"""Several sources about the same events: one event node, per-source claims, disagreements."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import PROJECT, copy_project, run_cli

pytestmark = pytest.mark.slow
FIXTURES = PROJECT / "tests" / "data" / "multi-source"


@pytest.fixture(scope="module")
def three_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed graph plus two test sources added with the real `add` command, built."""
    root = copy_project(tmp_path_factory.mktemp("multi"))
    graph_dir = root / "graphs" / "black-january"
    for name, title in (
        ("wire-report.txt", "Troops kill scores in Baku"),
        ("encyclopedia.txt", "Black January"),
    ):
        shutil.copy(FIXTURES / name, root / name)
        result = run_cli(
            "add", graph_dir, root / name, "--title", title, "--publisher", "test fixture"
        )
        assert result.returncode == 0, result.stderr
    result = run_cli("build", graph_dir, "--quiet")
    assert result.returncode == 0, result.stderr
    return graph_dir


def rows(graph_dir: Path, query: str) -> list[dict[str, str]]:
    result = run_cli("query", graph_dir, query, "--format", "json")
    assert result.returncode == 0, result.stderr
    return [
        {k: v["value"] for k, v in r.items()}
        for r in json.loads(result.stdout)["results"]["bindings"]
    ]


MASSACRES = """
SELECT ?event (COUNT(DISTINCT ?g) AS ?sources) WHERE {
  GRAPH ?g { ?event a hg:Massacre ; hg:place ?p } ?p rdfs:label "Baku" .
} GROUP BY ?event
"""

FIGURES = """
SELECT ?source ?measure ?count ?bound WHERE {
  GRAPH ?g { ?event a hg:Massacre ; hg:figure ?f . ?f hg:measure ?m ; hg:count ?count ; hg:bound ?b }
  ?g a hg:Document ; rdfs:label ?source . ?m rdfs:label ?measure . ?b rdfs:label ?bound .
}
"""


def test_one_event_node_for_three_sources(three_sources: Path) -> None:
    found = rows(three_sources, MASSACRES)
    assert len(found) == 1, found
    assert found[0]["sources"] == "3"


def test_three_per_source_figure_sets(three_sources: Path) -> None:
    figures = rows(three_sources, FIGURES)
    by_source: dict[str, set[tuple[str, int, str]]] = {}
    for r in figures:
        by_source.setdefault(r["source"], set()).add((r["measure"], int(r["count"]), r["bound"]))
    assert set(by_source) == {
        "20 January 1990 – Road to Victory",
        "Troops kill scores in Baku",
        "Black January",
    }
    assert ("killed", 100, "at least") in by_source["20 January 1990 – Road to Victory"]
    assert ("killed", 130, "approximate") in by_source["Troops kill scores in Baku"]
    assert {("killed", 93, "exact"), ("killed", 147, "exact")} <= by_source["Black January"]


def test_disagreements_lists_each_source_value_and_quote(three_sources: Path) -> None:
    found = rows(three_sources, "disagreements")
    killed = [r for r in found if r["what"] == "killed"]
    assert {r["source"] for r in killed} == {
        "20 January 1990 – Road to Victory",
        "Troops kill scores in Baku",
        "Black January",
    }
    values = {(r["source"], r["value"], r["bound"]) for r in killed}
    assert ("Troops kill scores in Baku", "130", "approximate") in values
    assert ("Black January", "147", "exact") in values
    assert all(r["quote"] for r in found)
    assert any("about 130 people were killed" in r["quote"] for r in killed)
    wounded = {r["value"] for r in found if r["what"] == "wounded"}
    assert {"744", "700", "800"} <= wounded
    dates = {(r["source"], r["value"]) for r in found if r["what"] == "date"}
    assert ("Troops kill scores in Baku", "1990-01-19") in dates
    assert ("Black January", "1990-01-20") in dates


def test_rebuild_after_one_change_uses_the_cache(three_sources: Path) -> None:
    source = three_sources / "sources" / "encyclopedia.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("147", "148"), encoding="utf-8")
    result = run_cli("build", three_sources, "--quiet")
    assert result.returncode == 0, result.stderr
    report = json.loads((three_sources / "report.json").read_text(encoding="utf-8"))
    assert report["extraction"]["extracted"] == 1
    assert report["extraction"]["from_cache"] == 2
    assert any(r["value"] == "148" for r in rows(three_sources, "disagreements"))


def test_parallel_build_is_identical(three_sources: Path, tmp_path: Path) -> None:
    shutil.copytree(three_sources.parents[1] / "ontology", tmp_path / "ontology")
    graph = tmp_path / "graphs" / "black-january"
    shutil.copytree(three_sources, graph, ignore=shutil.ignore_patterns(".cache"))
    one = run_cli("build", graph, "--quiet", "--jobs", "1", "--no-cache")
    assert one.returncode == 0, one.stderr
    serial = (graph / "graph.trig").read_bytes()
    two = run_cli("build", graph, "--quiet", "--jobs", "2", "--no-cache")
    assert two.returncode == 0, two.stderr
    assert (graph / "graph.trig").read_bytes() == serial


def test_an_edit_to_a_rule_changes_the_cache_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cached extraction is keyed by the extraction code too: the old rule's result is
    not reused after an edit, though the version number stays the same."""
    import historygraph.cache as cache_module
    from historygraph.cache import cache_key, extractor_digest

    package = tmp_path / "historygraph"
    shutil.copytree(Path(cache_module.__file__).parent / "stages", package / "stages")
    for name in ("pipeline.py", "nlp.py"):
        shutil.copy(Path(cache_module.__file__).parent / name, package / name)
    before = extractor_digest(package)
    rule = package / "stages" / "events.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# an edited rule\n", encoding="utf-8")
    extractor_digest.cache_clear()
    assert extractor_digest(package) != before
    # the tokenizer's special cases are part of the extraction too ("S. Ye. Yegorov")
    before = extractor_digest(package)
    loading = package / "nlp.py"
    loading.write_text(
        loading.read_text(encoding="utf-8") + "\n# another initial\n", encoding="utf-8"
    )
    extractor_digest.cache_clear()
    assert extractor_digest(package) != before

    key = cache_key("text", "ontology", "model")
    monkeypatch.setattr(cache_module, "extractor_digest", lambda: "another rule")
    assert cache_key("text", "ontology", "model") != key


BLOODY_SUNDAY = {
    "chronicle.txt": "On 9 January 1905, soldiers of the Imperial Guard opened fire on a "
    "procession of workers in St Petersburg. According to official figures, 96 people were "
    "killed.\n",
    "wire.txt": "ST PETERSBURG, Jan. 10, 1905 — Troops of the Imperial Guard fired on columns of "
    "striking workers yesterday as they approached the palace. The Government states that "
    "130 persons were killed. St Petersburg is under martial law.\n",
    "moscow.txt": "On 9 January 1905, soldiers of the Imperial Guard fired on strikers in "
    "Moscow. Four people were killed.\n",
}

EVENTS_AND_FIGURES = """
SELECT ?event ?place ?count WHERE {
  ?event a hg:Massacre ; hg:figure/hg:count ?count .
  OPTIONAL { ?event hg:place/rdfs:label ?place }
}
"""


def test_an_event_one_source_places_and_another_does_not_is_one_event(tmp_path: Path) -> None:
    """Same class, same day, one source gives no place: an agent in common makes one event.

    Two places that differ keep two events apart, whoever acted. The wire's dateline
    writes the city in capitals; its label is the text's own spelling.
    """
    graph_dir = tmp_path / "bloody-sunday"
    assert run_cli("init", graph_dir).returncode == 0
    for name, text in BLOODY_SUNDAY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    added = run_cli("add", graph_dir, *(tmp_path / name for name in BLOODY_SUNDAY))
    assert added.returncode == 0, added.stderr
    built = run_cli("build", graph_dir, "--quiet", "--jobs", "1")
    assert built.returncode == 0, built.stderr
    found = rows(graph_dir, EVENTS_AND_FIGURES)
    by_count = {int(r["count"]): r["event"] for r in found}
    assert set(by_count) == {96, 130, 4}, found
    assert by_count[96] == by_count[130] != by_count[4]
    disagreements = rows(graph_dir, "disagreements")
    assert {int(r["value"]) for r in disagreements} == {96, 130}
    labels = rows(graph_dir, "SELECT DISTINCT ?l WHERE { ?p a hg:Place ; rdfs:label ?l }")
    assert "ST PETERSBURG" not in {r["l"] for r in labels}
