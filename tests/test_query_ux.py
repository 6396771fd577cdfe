"""``historygraph query`` UX: error positions, time limits, the row guard, --explain, --reason."""

from __future__ import annotations

import re
import shutil
import sys
import time
from pathlib import Path

import pytest

from historygraph.config import load_config
from historygraph.errors import QueryError, QueryTimeout
from historygraph.query import explain, is_unbounded_select, prepare, run_query
from historygraph.store import open_backend
from tests.conftest import run_cli

#: Four-way cross product of every triple: hours on either engine.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def graph_dir(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ux") / "project"
    shutil.copytree(seed_build.parents[1], root, ignore=shutil.ignore_patterns("store"))
    return root / "graphs" / seed_build.name


def one_line_error(result, *needles: str) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("historygraph: error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return str(lines[0])


# --- parse errors: the furthest position the parser reached, and the line -----------


@pytest.mark.parametrize(
    ("text", "position", "needles"),
    [
        ("SELECT ?x WHERE {\n  ?x ?y \n}}", "3:1", ("unexpected '}'", "expected a term")),
        (
            "SELECT ?x WHERE {\n  ?x hg:date ?d .\n  FILTER (?d > )\n}",
            "3:16",
            ("unexpected ')'", "expected an expression", "'FILTER (?d > )'"),
        ),
        ("SELECT ?x WHERE { ?x a hg:Event } ORDER ?x", "1:41", ("expected 'BY'",)),
        (
            'SELECT ?x WHERE {\n ?x rdfs:label "abc .\n}',
            "2:16",
            ("unexpected '\"'",),
        ),
        ("SELECT (COUNT(?x) ?n) WHERE { ?x ?p ?o }", "1:19", ("'AS'",)),
        ("# title: t\nSELECT ?x WHERE { ?x ?y ?z \n", "2:27", ("end of query", "'}'")),
        (
            "SELECT ?x WHERE {\n  ?x foo:bar ?y }",
            "2:6",
            ("prefix 'foo:' is not declared", "PREFIX foo:"),
        ),
        (
            "SELECT ?x WHERE {\n  ?x hg:date ?d ;\n     rdfs:label ?l ,\n  OPTIONAL { ?x hg:place ?p }\n}",
            "4:3",
            ("unexpected 'OPTIONAL'",),
        ),
    ],
)
def test_syntax_error_names_line_column_and_line(
    text: str, position: str, needles: tuple[str, ...]
) -> None:
    with pytest.raises(QueryError) as caught:
        prepare(text, "q.rq")
    message = str(caught.value)
    assert message.startswith(f"q.rq:{position}: SPARQL syntax error"), message
    assert "\n" not in message
    for needle in needles:
        assert needle in message, message
    line = int(position.split(":")[0])
    assert repr(text.splitlines()[line - 1].strip()) in message


def test_syntax_error_is_one_line_on_the_cli(graph_dir: Path) -> None:
    result = run_cli(
        "query", graph_dir, "SELECT ?x WHERE {\n  ?x hg:date ?d .\n  FILTER (?d > )\n}"
    )
    one_line_error(result, "<query>:3:16:", "FILTER (?d > )")


def test_parsed_queries_are_cached() -> None:
    text = "SELECT ?e WHERE { ?e a hg:Massacre } LIMIT 1"
    assert prepare(text) is prepare(text, "other-name")


# --- time limits ------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_slow_query_times_out_on_the_cli(graph_dir: Path, store: str) -> None:
    open_backend(load_config(graph_dir), store).close()  # load the store first (a note on stderr)
    started = time.monotonic()
    result = run_cli("query", graph_dir, SLOW, "--timeout", "1", "--store", store)
    elapsed = time.monotonic() - started
    one_line_error(result, "<query>: query stopped after 1 s", "--timeout")
    assert elapsed < 15, f"took {elapsed:.1f} s to stop a 1 s query"


@pytest.mark.slow
@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_timeout_in_process_kills_the_query_and_keeps_the_store(
    graph_dir: Path, store: str
) -> None:
    backend = open_backend(load_config(graph_dir), store)
    assert (
        run_query(backend, "ASK { ?e a hg:Massacre }").askAnswer is True
    )  # opened in this process
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"stopped after 0\.5 s"):
        run_query(backend, SLOW, timeout=0.5)
    assert time.monotonic() - started < 10
    # the same backend answers afterwards, in a child and in this process
    assert run_query(backend, "ASK { ?e a hg:Massacre }", timeout=20).askAnswer is True
    rows = run_query(backend, "SELECT ?d WHERE { ?e hg:date ?d }", timeout=20)
    assert len(rows) > 0
    assert run_query(backend, "ASK { ?e a hg:Massacre }").askAnswer is True
    backend.close()


@pytest.mark.slow
def test_errors_inside_the_time_limited_child_are_query_errors(graph_dir: Path) -> None:
    backend = open_backend(load_config(graph_dir), "memory")
    with pytest.raises(QueryError):  # a bad regular expression fails at evaluation
        run_query(backend, 'SELECT ?l WHERE { ?s rdfs:label ?l FILTER regex(?l, "(") }', timeout=20)


# --- the row guard of --format table -----------------------------------------------------


@pytest.mark.slow
def test_unbounded_select_is_cut_in_table_mode(graph_dir: Path) -> None:
    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    result = run_cli("query", graph_dir, everything, "--limit", "5")
    assert result.returncode == 0, result.stderr
    footer = result.stdout.strip().splitlines()[-1]
    match = re.fullmatch(r"\(showing 5 of (\d+) rows: (\d+) cut; .*--limit 0.*\)", footer)
    assert match, footer
    total, cut = map(int, match.groups())
    assert total - 5 == cut
    assert len(result.stdout.strip().splitlines()) == 2 + 5 + 1  # header, rule, rows, footer
    full = run_cli("query", graph_dir, everything, "--limit", "0")
    assert full.stdout.strip().splitlines()[-1] == f"({total} rows)"
    csv = run_cli("query", graph_dir, everything, "--limit", "5", "--format", "csv")
    assert len(csv.stdout.strip().splitlines()) == total + 1  # machine formats are never cut
    bounded = run_cli("query", graph_dir, everything + " LIMIT 7", "--limit", "5")
    assert bounded.stdout.strip().splitlines()[-1] == "(7 rows)"


def test_unbounded_is_a_select_without_limit() -> None:
    assert is_unbounded_select(prepare("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s"))
    assert not is_unbounded_select(prepare("SELECT DISTINCT * WHERE { ?s ?p ?o } LIMIT 3"))
    assert not is_unbounded_select(prepare("ASK { ?s ?p ?o }"))


# --- --explain -------------------------------------------------------------------------


def test_explain_shows_the_algebra() -> None:
    text = explain("SELECT ?e WHERE { ?e a hg:Massacre ; hg:date ?d FILTER (?d > '1990') }")
    lines = text.splitlines()
    assert lines[0].startswith("SelectQuery")
    assert any(line.strip() == "?e rdf:type hg:Massacre ." for line in lines)
    assert any(line.strip().startswith("Filter") for line in lines)


@pytest.mark.slow
@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_explain_on_the_cli(graph_dir: Path, store: str) -> None:
    result = run_cli("query", graph_dir, "what-happened", "--explain", "--store", store)
    assert result.returncode == 0, result.stderr
    assert "SelectQuery" in result.stdout and "BGP" in result.stdout
    if store == "oxigraph":
        assert "Oxigraph's plan" in result.stdout
        if shutil.which("oxigraph") or (Path(sys.executable).parent / "oxigraph").exists():
            assert "QuadPattern" in result.stdout


# --- --reason ---------------------------------------------------------------------------


@pytest.mark.slow
def test_reason_profiles_on_both_stores(graph_dir: Path) -> None:
    pytest.importorskip("historygraph.inference")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    counts: dict[tuple[str, str], int] = {}
    for store in ("memory", "oxigraph"):
        for reason in ("none", "rdfs"):
            result = run_cli(
                "query", graph_dir, count, "--store", store, "--reason", reason, "-f", "csv"
            )
            assert result.returncode == 0, result.stderr
            counts[store, reason] = int(result.stdout.split()[-1])
    assert counts["memory", "none"] == counts["oxigraph", "none"]
    assert counts["memory", "rdfs"] == counts["oxigraph", "rdfs"]
    assert counts["memory", "none"] < counts["memory", "rdfs"]
    # a superclass query needs the inferences
    ask = "ASK { ?e a sem:Event }"
    assert run_cli("query", graph_dir, ask, "--reason", "none").stdout.strip() == "false"
    assert run_cli("query", graph_dir, ask, "--reason", "rdfs").stdout.strip() == "true"


def test_help_documents_the_options() -> None:
    result = run_cli("query", "--help")
    for option in ("--store", "--timeout", "--limit", "--explain", "--reason", "--list"):
        assert option in result.stdout
