"""Bad input: one line naming file and position, exit 1, earlier outputs untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_project, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch project whose seed graph has been built once (outputs exist)."""
    root = copy_project(tmp_path_factory.mktemp("errors"), outputs=True)
    return root / "graphs" / "black-january"


def outputs(graph_dir: Path) -> dict[str, bytes]:
    return {name: (graph_dir / name).read_bytes() for name in ("graph.trig", "graph.html")}


def assert_one_line_error(result, *needles: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("historygraph: error: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_malformed_turtle_names_file_and_line(built: Path) -> None:
    before = outputs(built)
    core = built.parents[1] / "ontology" / "core.ttl"
    original = core.read_text(encoding="utf-8")
    lines = original.splitlines()
    lines.insert(20, 'hg:Broken a owl:Class ; rdfs:label "unterminated .')
    core.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        result = run_cli("build", built)
        assert_one_line_error(result, "core.ttl:21:", "bad Turtle")
        assert outputs(built) == before
        result = run_cli("validate", built)
        assert_one_line_error(result, "core.ttl:21:")
    finally:
        core.write_text(original, encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        (b"", ("road-to-victory.txt:1:", "empty")),
        (b"  \n\n \t\n", ("road-to-victory.txt:1:", "empty")),
        (
            b"Baku in 1990\n\xff\xfe broken\n",
            ("road-to-victory.txt:2:", "not valid UTF-8", "byte 13"),
        ),
        (b"binary\x00data", ("binary",)),
    ],
)
def test_bad_source(built: Path, content: bytes, needles: tuple[str, ...]) -> None:
    before = outputs(built)
    source = built / "sources" / "road-to-victory.txt"
    original = source.read_bytes()
    source.write_bytes(content)
    try:
        assert_one_line_error(run_cli("build", built), *needles)
        assert outputs(built) == before
    finally:
        source.write_bytes(original)


def test_missing_source(built: Path) -> None:
    before = outputs(built)
    source = built / "sources" / "road-to-victory.txt"
    moved = source.with_suffix(".bak")
    source.rename(moved)
    try:
        assert_one_line_error(run_cli("build", built), "road-to-victory.txt", "not found")
        assert outputs(built) == before
    finally:
        moved.rename(source)


def test_missing_graph_dir(tmp_path: Path) -> None:
    assert_one_line_error(run_cli("build", tmp_path / "nope"), "nope", "not a directory")


def test_bad_manifest(tmp_path: Path) -> None:
    (tmp_path / "graph.toml").write_text("[graph]\nname = \n", encoding="utf-8")
    assert_one_line_error(run_cli("build", tmp_path), "graph.toml", "line 2")


def test_sparql_syntax_error_names_line_and_column(built: Path) -> None:
    result = run_cli("query", built, "SELECT ?x WHERE {\n  ?x ?y \n}}")
    assert_one_line_error(result, "<query>:", "SPARQL syntax error")
    assert ":2:" in result.stderr or ":3:" in result.stderr


def test_sparql_syntax_error_in_rq_file(built: Path, tmp_path: Path) -> None:
    query = tmp_path / "bad.rq"
    query.write_text("# title: bad\nSELECT ?x WHERE { ?x ?y ?z \n", encoding="utf-8")
    assert_one_line_error(run_cli("query", built, query), "bad.rq:")


def test_unknown_canned_query(built: Path) -> None:
    assert_one_line_error(
        run_cli("query", built, "no-such-query"), "no-such-query", "what-happened"
    )


def test_service_is_refused(built: Path) -> None:
    result = run_cli(
        "query", built, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    )
    assert_one_line_error(result, "SERVICE is refused")


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <http://127.0.0.1:9/data.ttl>",
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "CLEAR ALL",
    ],
)
def test_updates_are_refused(built: Path, update: str) -> None:
    before = outputs(built)
    assert_one_line_error(run_cli("query", built, update), "refused", "read-only")
    assert outputs(built) == before


def test_query_without_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    result = run_cli("query", root / "graphs" / "black-january", "timeline")
    assert_one_line_error(result, "graph.trig", "historygraph build")


def test_help_is_instant_and_teaches() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("build", "query", "view", "validate"):
        assert command in result.stdout
    query_help = run_cli("query", "--help")
    assert "canned query" in query_help.stdout and "--format" in query_help.stdout


def test_options_may_come_before_the_query(built: Path) -> None:
    result = run_cli("query", built, "--format", "json", "ASK { ?e a hg:Massacre }")
    assert result.returncode == 0, result.stderr
    assert '"boolean": true' in result.stdout
    bad = run_cli("build", built, "--no-such-option")
    assert bad.returncode == 2 and "unrecognized arguments" in bad.stderr
