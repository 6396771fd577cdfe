"""``historygraph export``: files for bulk loaders, and a push to a real Oxigraph server.

The Oxigraph test starts ``oxigraph serve`` (PyPI package ``oxigraph``) on a
free loopback port, pushes the seed build with ``export --to
--union-as-default`` (every named graph unchanged, plus their union as the
default graph: our queries run over the union, and Oxigraph 0.5's own
``--union-default-graph`` counts a triple stated in two graphs twice), and asks
it every canned query with the predeclared prefixes written out as PREFIX
lines: the answers must be those of ``historygraph query``.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlencode

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from historygraph.config import load_config
from historygraph.errors import ExportError
from historygraph.export import push
from historygraph.namespaces import PREFIXES
from historygraph.query import canned_queries, format_result, open_dataset, run_query
from tests.conftest import run_cli
from tests.sparqlutil import difference, parse_json


@pytest.fixture(scope="module")
def expected(seed_build: Path) -> Dataset:
    """What every export must hold: the built graph plus the ontology's schema graph."""
    return open_dataset(load_config(seed_build))


def graphs_of(dataset: Dataset) -> dict[str, Graph]:
    """The non-empty named graphs of ``dataset`` by name."""
    return {
        str(g.identifier): g
        for g in dataset.graphs()
        if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)
    }


def union_of(dataset: Dataset) -> Graph:
    union = Graph()
    for graph in graphs_of(dataset).values():
        union += graph
    return union


# ------------------------------------------------------------ files


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")],
)
def test_quad_formats_keep_every_named_graph(
    seed_build: Path, expected: Dataset, tmp_path: Path, fmt: str, rdflib_format: str
) -> None:
    out = tmp_path / f"export.{fmt}"
    result = run_cli("export", seed_build, "--format", fmt, "--output", out)
    assert result.returncode == 0, result.stderr
    loaded = Dataset()
    loaded.parse(out, format=rdflib_format)
    got, want = graphs_of(loaded), graphs_of(expected)
    assert sorted(got) == sorted(want)
    assert "https://w3id.org/historygraph/ontology" in got, "the schema graph is exported"
    for name, graph in want.items():
        assert isomorphic(got[name], graph), name


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt")])
def test_triple_formats_write_the_union(
    seed_build: Path, expected: Dataset, fmt: str, rdflib_format: str
) -> None:
    result = run_cli("export", seed_build, "--format", fmt)  # default: stdout
    assert result.returncode == 0, result.stderr
    assert isomorphic(Graph().parse(data=result.stdout, format=rdflib_format), union_of(expected))


def test_exports_are_deterministic_and_can_leave_out_the_ontology(seed_build: Path) -> None:
    first = run_cli("export", seed_build, "--format", "nq").stdout
    assert first == run_cli("export", seed_build, "--format", "nq").stdout
    assert first.splitlines() == sorted(first.splitlines())
    bare = run_cli("export", seed_build, "--format", "nq", "--no-ontology").stdout
    assert "<https://w3id.org/historygraph/ontology> .\n" in first
    assert "<https://w3id.org/historygraph/ontology> .\n" not in bare
    assert set(bare.splitlines()) < set(first.splitlines())


def test_union_as_default_graph_in_nquads(seed_build: Path, expected: Dataset) -> None:
    result = run_cli("export", seed_build, "--format", "nq", "--union-as-default")
    assert result.returncode == 0, result.stderr
    loaded = Dataset()
    loaded.parse(data=result.stdout, format="nquads")
    assert isomorphic(loaded.graph(DATASET_DEFAULT_GRAPH_ID), union_of(expected))
    assert sorted(graphs_of(loaded)) == sorted(graphs_of(expected))
    refused = run_cli("export", seed_build, "--format", "ttl", "--union-as-default")
    assert refused.returncode == 1 and "--union-as-default" in refused.stderr


def test_graphml_is_the_view_network(seed_build: Path, tmp_path: Path) -> None:
    from historygraph.ontology import load_ontology
    from historygraph.query import load_dataset
    from historygraph.view import project

    config = load_config(seed_build)
    network = project(load_dataset(config.trig_path), load_ontology(config.ontology_dirs).graph)
    out = tmp_path / "graph.graphml"
    result = run_cli("export", seed_build, "--format", "graphml", "-o", out)
    assert result.returncode == 0, result.stderr
    loaded = nx.read_graphml(out)
    assert loaded.number_of_nodes() == network.number_of_nodes()
    assert loaded.number_of_edges() == network.number_of_edges()
    node, attrs = next((n, a) for n, a in network.nodes(data=True) if a["evidence"])
    flat = loaded.nodes[node]
    assert flat["label"] == attrs["label"]
    evidence = json.loads(flat["evidence"])
    assert evidence[0]["quote"] == attrs["evidence"][0].quote
    assert json.loads(flat["classes"]) == attrs["classes"]


# ------------------------------------------------------------ Graph Store Protocol


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not os.access(found, os.X_OK):
        pytest.fail("the 'oxigraph' server is missing: pip install -e '.[test]' (PyPI 'oxigraph')")
    return found


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server on 127.0.0.1; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(tmp_path_factory.mktemp("oxigraph")),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("oxigraph serve did not start")
            time.sleep(0.05)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(10)


def ask_oxigraph(url: str, query: str) -> bytes:
    """POST a query to Oxigraph with our predeclared prefixes written out; JSON results."""
    text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + query
    request = urllib.request.Request(
        f"{url}/query",
        data=urlencode({"query": text}).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return bytes(answer.read())


def test_push_to_oxigraph_answers_the_canned_queries_identically(
    seed_build: Path, expected: Dataset, oxigraph: str
) -> None:
    store = f"{oxigraph}/store"
    result = run_cli("export", seed_build, "--to", store, "--union-as-default", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("pushed ")
    for name, graph in graphs_of(expected).items():  # each named graph arrived unchanged
        request = urllib.request.Request(
            f"{oxigraph}/store?" + urlencode({"graph": name}),
            headers={"Accept": "application/n-triples"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert isomorphic(Graph().parse(data=answer.read(), format="nt"), graph), name
    config = load_config(seed_build)
    canned = canned_queries(config)
    assert len(canned) >= 8
    for query in canned:
        text = query.path.read_text(encoding="utf-8")
        want = parse_json(format_result(run_query(expected, text), "json"))
        got = parse_json(ask_oxigraph(oxigraph, text))
        problem = difference(got, want, text)
        assert problem is None, f"{query.name}: {problem}"
    # pushing again, replacing or merging, leaves the same triples
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = parse_json(ask_oxigraph(oxigraph, count))
    for mode in ("merge", "replace"):
        result = run_cli("export", seed_build, "--to", store, "--mode", mode, "--union-as-default")
        assert result.returncode == 0, result.stderr
        assert parse_json(ask_oxigraph(oxigraph, count)) == before, mode


class _Flaky(http.server.BaseHTTPRequestHandler):
    """A Graph Store endpoint that answers the first requests with ``statuses``."""

    statuses: ClassVar[list[int]] = []
    seen: ClassVar[list[tuple[str, str, str]]] = []

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.seen.append((self.command, self.path, self.headers.get("Content-Type", "")))
        status = self.statuses.pop(0) if self.statuses else 204
        self.send_response(status)
        message = b"" if status < 300 else b"no such dataset\n"
        self.send_header("Content-Length", str(len(message)))
        self.end_headers()
        self.wfile.write(message)
        assert body

    def do_PUT(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def flaky() -> Iterator[tuple[str, type[_Flaky]]]:
    handler = type("Flaky", (_Flaky,), {"statuses": [], "seen": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/ds/data", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_push_retries_server_errors_then_succeeds(
    expected: Dataset, flaky: tuple[str, type[_Flaky]]
) -> None:
    url, handler = flaky
    handler.statuses.extend([503, 502])
    waits: list[float] = []
    report = push(expected, url, mode="merge", retries=3, sleep=waits.append)
    assert report.graphs == len(graphs_of(expected))
    assert report.attempts == report.graphs + 2
    assert waits == [0.5, 1.0]
    methods = {m for m, _, _ in handler.seen}
    assert methods == {"POST"}
    assert all(path.startswith("/ds/data?graph=https%3A%2F%2F") for _, path, _ in handler.seen)
    assert all(ctype.startswith("text/turtle") for _, _, ctype in handler.seen)


def test_push_stops_at_a_client_error_with_one_line(
    seed_build: Path, flaky: tuple[str, type[_Flaky]]
) -> None:
    url, handler = flaky
    handler.statuses.append(404)
    user_url = url.replace("http://", "http://admin:s3cret@")
    result = run_cli("export", seed_build, "--to", user_url, "-q")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "HTTP 404" in lines[0] and "no such dataset" in lines[0] and url in lines[0]
    assert "s3cret" not in result.stderr, "credentials are never printed"
    assert len(handler.seen) == 1, "a 404 is not retried"


def test_push_gives_up_on_an_unreachable_endpoint(expected: Dataset) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(ExportError, match=r"cannot connect.*gave up after 3 attempts"):
        push(expected, url, retries=2, sleep=lambda s: None)
    with pytest.raises(ExportError, match="not an http"):
        push(expected, "file:///tmp/x")


def test_export_needs_a_format_or_a_target(seed_build: Path) -> None:
    result = run_cli("export", seed_build)
    assert result.returncode != 0 and "--format" in result.stderr
