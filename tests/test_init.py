"""A new user's own graph: ``init``, ``add``, ``build``, the built-in canned queries.

The graph lives outside the project (in ``tmp_path``), as a user's would: its
``graph.toml`` names historygraph's own ontology as ``"<builtin>"`` and its own
``ontology/`` folder after it, so nothing depends on where the project sits.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from historygraph.config import BUILTIN_ONTOLOGY, builtin_ontology_dir, load_config
from historygraph.errors import ConfigError
from historygraph.init_graph import init_graph
from historygraph.query import canned_queries
from tests.conftest import PROJECT, run_cli

CEASEFIRE = PROJECT / "examples" / "ceasefire"
BUILTIN = ("actors", "disagreements", "evidence", "figures", "places", "timeline")


def test_the_builtin_ontology_is_the_projects() -> None:
    """In a checkout, the package's ontology folder is the project's ``ontology/``."""
    assert builtin_ontology_dir() == (PROJECT / "ontology").resolve()
    assert (builtin_ontology_dir() / "core.ttl").is_file()


def test_init_writes_a_manifest_that_loads(tmp_path: Path) -> None:
    graph_dir = tmp_path / "Bloody Sunday"
    manifest = init_graph(graph_dir, title="Bloody Sunday, 1905")
    raw = tomllib.loads(manifest.read_text(encoding="utf-8"))["graph"]
    assert raw["name"] == "bloody-sunday"
    assert raw["base"] == "https://example.org/historygraph/bloody-sunday/"
    assert raw["ontology"] == [BUILTIN_ONTOLOGY, "ontology"]
    config = load_config(graph_dir, require_sources=False)
    assert config.title == "Bloody Sunday, 1905"
    assert config.ontology_dirs == (builtin_ontology_dir(), (graph_dir / "ontology").resolve())
    assert (graph_dir / "sources").is_dir()
    assert ".cache/" in (graph_dir / ".gitignore").read_text(encoding="utf-8")


def test_init_refuses_an_existing_graph_and_a_bad_base(tmp_path: Path) -> None:
    init_graph(tmp_path / "g")
    before = (tmp_path / "g" / "graph.toml").read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match=r"graph\.toml: exists already"):
        init_graph(tmp_path / "g", title="other")
    assert (tmp_path / "g" / "graph.toml").read_text(encoding="utf-8") == before
    with pytest.raises(ConfigError, match="must end with '/' or '#'"):
        init_graph(tmp_path / "h", base="https://example.org/h")
    assert not (tmp_path / "h" / "graph.toml").exists()


def test_a_missing_ontology_folder_is_named_with_the_manifest(tmp_path: Path) -> None:
    init_graph(tmp_path / "g")
    shutil.rmtree(tmp_path / "g" / "ontology")
    with pytest.raises(ConfigError, match=r"graph\.toml \[graph\]: ontology folder 'ontology'"):
        load_config(tmp_path / "g", require_sources=False)


def test_add_to_a_folder_without_a_graph_says_how_to_make_one(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Soldiers fired on the crowd.\n", encoding="utf-8")
    result = run_cli("add", tmp_path / "nowhere", text)
    assert result.returncode == 1
    assert "historygraph init" in result.stderr and len(result.stderr.splitlines()) == 1


def test_builtin_canned_queries_and_a_graphs_own_replace_them() -> None:
    config = load_config(PROJECT / "graphs" / "black-january")
    canned = {c.name: c for c in canned_queries(config)}
    assert all(canned[name].builtin for name in ("timeline", "actors", "disagreements"))
    # the graph's own figures.rq (the events of 20 January 1990) replaces the built-in one
    assert not canned["figures"].builtin
    assert canned["figures"].path == config.queries_dir / "figures.rq"
    assert not canned["what-happened"].builtin


def test_a_source_title_is_its_heading_or_its_file_name(tmp_path: Path) -> None:
    init_graph(tmp_path / "g")
    headed = tmp_path / "report.txt"
    headed.write_text("Bloody Sunday\n\nSoldiers fired on the procession.\n", encoding="utf-8")
    long_first = tmp_path / "wire-story.txt"
    long_first.write_text(
        "On 9 January 1905 " + "soldiers fired on the crowd " * 6 + ".\n", "utf-8"
    )
    for file in (headed, long_first):
        assert run_cli("add", tmp_path / "g", file).returncode == 0
    titles = [s.title for s in load_config(tmp_path / "g").sources]
    assert titles == ["Bloody Sunday", "wire-story"]


@pytest.mark.slow
def test_a_new_users_graph_from_init_to_query(tmp_path: Path) -> None:
    """init, copy an extension into the graph's ontology/, add, build, ask built-in questions."""
    graph_dir = tmp_path / "ceasefires"
    assert run_cli("init", graph_dir, "--title", "Ceasefires").returncode == 0
    shutil.copy(CEASEFIRE / "ontology" / "ceasefire.ttl", graph_dir / "ontology")
    added = run_cli("add", graph_dir, CEASEFIRE / "sources" / "bishkek-protocol.txt")
    assert added.returncode == 0, added.stderr
    built = run_cli("build", graph_dir, "--quiet", "--jobs", "1")
    assert built.returncode == 0, built.stderr
    assert (graph_dir / "graph.trig").is_file() and (graph_dir / "graph.html").is_file()
    listing = run_cli("query", graph_dir, "--list").stdout
    assert all(f"{name} " in listing for name in BUILTIN) and "(built-in)" in listing
    timeline = json.loads(run_cli("query", graph_dir, "timeline", "--format", "json").stdout)
    types = {row["type"]["value"] for row in timeline["results"]["bindings"]}
    assert "Ceasefire" in types  # the class the graph's own ontology folder adds
    actors = json.loads(run_cli("query", graph_dir, "actors", "--format", "json").stdout)
    names = {row["actor"]["value"] for row in actors["results"]["bindings"]}
    assert {"Armenia", "Azerbaijan"} <= names


def test_ontology_check_outside_a_project_checks_the_builtin_ontology(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "historygraph", "ontology", "check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    files = len(list(builtin_ontology_dir().glob("*.ttl")))
    assert f"in {files} ontology file(s)" in result.stderr


def test_an_ontology_entry_that_is_no_folder_list_is_named(tmp_path: Path) -> None:
    manifest = init_graph(tmp_path / "g")
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace('ontology = ["<builtin>", "ontology"]', "ontology = 3"), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"graph\.toml \[graph\]: 'ontology' must be a list"):
        load_config(tmp_path / "g", require_sources=False)
