"""``historygraph serve``: a real server on 127.0.0.1, queried over HTTP.

One server (two query workers, a 3 s time limit, a 500-row result limit) runs
for the whole module on a scratch copy of the seed build. Clients are
SPARQLWrapper (every results format, GET and both POST encodings) and raw
``http.client`` (for paths a client library would normalise away).
"""

from __future__ import annotations

import hashlib
import http.client
import http.server
import io
import json
import re
import shutil
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlencode, urlsplit

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)

from historygraph.config import load_config
from historygraph.query import canned_queries, format_result, open_dataset, run_query
from historygraph.server import choose_format, negotiate
from tests.sparqlutil import difference, parse_json, rows, start_server, stop_server

TIMEOUT_S = 3
MAX_RESULTS = 500
SECRET = "top secret: never served"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
DATES = "SELECT ?event ?date WHERE { ?event hg:date ?date } ORDER BY ?event ?date"
MASSACRE = URIRef(
    "https://w3id.org/historygraph/graphs/black-january/event/massacre-1990-01-20-baku"
)


@pytest.fixture(scope="module")
def graph_dir(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the seed build, with a secret file next to the graph folder."""
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(seed_build.parents[1], root, dirs_exist_ok=True)
    (root / "graphs" / "secret.txt").write_text(SECRET, encoding="utf-8")
    (root / "secret.txt").write_text(SECRET, encoding="utf-8")
    return root / "graphs" / "black-january"


@pytest.fixture(scope="module")
def server(graph_dir: Path) -> Iterator[str]:
    """The base URL of a running server (default host, so 127.0.0.1)."""
    process, url = start_server(
        graph_dir, "--workers", "2", "--timeout", str(TIMEOUT_S), "--max-results", str(MAX_RESULTS)
    )
    try:
        yield url
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def dataset(graph_dir: Path) -> Dataset:
    """The same graph, opened in-process, for expected answers."""
    return open_dataset(load_config(graph_dir))


def wrapper(url: str, query: str, fmt: str, method: str = "GET", request: str = URLENCODED) -> Any:
    """Run ``query`` on ``url`` with SPARQLWrapper and return the converted result."""
    sparql = SPARQLWrapper(f"{url}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method == POST:
        sparql.setMethod(POST)
        sparql.setRequestMethod(request)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # SPARQLWrapper: a wrong Content-Type
        return sparql.query().convert()


def prefixed(query: str) -> str:
    """``query`` with the predeclared prefixes written out, as generic SPARQL tools send it."""
    from historygraph.namespaces import PREFIXES

    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + query


def raw(url: str, method: str, path: str, body: bytes | None = None, **headers: str) -> Any:
    """One request with http.client, sending ``path`` exactly as given."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def post_query(url: str, query: str, accept: str = "application/sparql-results+json") -> Any:
    """POST a query form-encoded; return (status, headers, body)."""
    body = urlencode({"query": query}).encode()
    return raw(
        url,
        "POST",
        "/sparql",
        body,
        **{"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
    )


def expected_rows(dataset: Dataset, query: str) -> list[dict[str, Any]]:
    """The in-process answer, through the same JSON serialisation the CLI uses."""
    return parse_json(format_result(run_query(dataset, query), "json"))


# ------------------------------------------------------------ protocol and formats


def test_binds_loopback_by_default(server: str) -> None:
    from historygraph.cli import make_parser

    assert urlsplit(server).hostname == "127.0.0.1"
    assert make_parser().parse_args(["serve", "g"]).host == "127.0.0.1"


def test_select_in_every_results_format(server: str, dataset: Dataset) -> None:
    expected = expected_rows(dataset, DATES)
    assert expected, "the seed graph has dated events"
    as_json = wrapper(server, DATES, JSON)
    names = as_json["head"]["vars"]
    assert names == ["event", "date"]
    assert len(as_json["results"]["bindings"]) == len(expected)
    assert rows(Result.parse(io.StringIO(json.dumps(as_json)), format="json")) == expected
    as_xml = wrapper(server, DATES, XML).toxml()
    assert rows(Result.parse(io.StringIO(as_xml), format="xml")) == expected
    as_csv = wrapper(server, DATES, CSV).decode()
    assert as_csv.splitlines()[0] == "event,date"
    assert len(as_csv.strip().splitlines()) == len(expected) + 1
    as_tsv = wrapper(server, DATES, TSV).decode()
    assert as_tsv.splitlines()[0] == "?event\t?date"
    assert rows(Result.parse(io.StringIO(as_tsv), format="tsv")) == expected


@pytest.mark.parametrize(
    ("method", "request_method"),
    [("GET", URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)],
    ids=["get", "post-form", "post-direct"],
)
def test_get_and_both_post_encodings(server: str, method: str, request_method: str) -> None:
    result = wrapper(server, f"ASK {{ <{MASSACRE}> a hg:Massacre }}", JSON, method, request_method)
    assert result["boolean"] is True
    result = wrapper(server, DATES, XML, method, request_method)
    assert len(result.getElementsByTagName("result")) > 0


def test_ask_in_json_xml_csv_tsv(server: str) -> None:
    query = "ASK { ?e a hg:Massacre }"
    assert wrapper(server, query, JSON)["boolean"] is True
    assert "<boolean>true</boolean>" in wrapper(server, query, XML).toxml()
    assert wrapper(server, query, CSV).decode().split() == ["_askResult", "true"]
    assert wrapper(server, query, TSV).decode().split() == ["?_askResult", "true"]


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_construct_and_describe_in_graph_formats(server: str, dataset: Dataset) -> None:
    query = "CONSTRUCT { ?e hg:date ?d ; a ?c } WHERE { ?e hg:date ?d ; a ?c }"
    expected = run_query(dataset, query).graph
    assert expected is not None and len(expected) > 0
    turtle = wrapper(server, prefixed(query), TURTLE)
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), expected)
    jsonld = wrapper(server, prefixed(query), JSONLD)
    assert isomorphic(jsonld, expected)
    rdfxml = wrapper(server, prefixed(query), RDFXML)
    assert isomorphic(rdfxml, expected)
    status, headers, body = post_query(server, query, "application/n-triples")
    assert status == 200 and headers["Content-Type"] == "application/n-triples"
    assert isomorphic(Graph().parse(data=body, format="nt"), expected)
    described = wrapper(server, prefixed(f"DESCRIBE <{MASSACRE}>"), TURTLE)
    graph = Graph().parse(data=described, format="turtle")
    assert (MASSACRE, None, None) in graph


def test_every_canned_query_answers_as_in_process(
    server: str, graph_dir: Path, dataset: Dataset
) -> None:
    for canned in canned_queries(load_config(graph_dir)):
        text = canned.path.read_text(encoding="utf-8")
        status, _, body = post_query(server, text)
        assert status == 200, f"{canned.name}: {body!r}"
        problem = difference(parse_json(body), expected_rows(dataset, text), text)
        assert problem is None, f"{canned.name}: {problem}"


def test_format_parameter_and_406(server: str) -> None:
    status, headers, body = raw(
        server, "GET", "/sparql?" + urlencode({"query": DATES, "format": "csv"})
    )
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    status, _, body = post_query(server, DATES, "image/png")
    assert status == 406 and b"offered" in body
    assert (
        negotiate("application/xml;q=0.9, */*;q=0.8", ["a/b", "application/xml"])
        == "application/xml"
    )
    assert choose_format("CONSTRUCT", "text/csv") is None


def test_service_description_without_query(server: str, dataset: Dataset) -> None:
    status, headers, body = raw(server, "GET", "/sparql")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    sd = Graph().parse(data=body, format="turtle")
    ns = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(ns + "endpoint"), URIRef(f"{server}/sparql")) in sd
    assert (None, URIRef(ns + "supportedLanguage"), URIRef(ns + "SPARQL11Query")) in sd
    names = set(sd.objects(None, URIRef(ns + "name")))
    graphs = {g.identifier for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID}
    assert names == graphs


def test_view_query_page_and_health(server: str, graph_dir: Path) -> None:
    status, headers, body = raw(server, "GET", "/")
    assert status == 200 and body == (graph_dir / "graph.html").read_bytes()
    status, headers, body = raw(server, "GET", "/query")
    page = body.decode()
    assert status == 200 and "<textarea" in page and "what-happened" in page
    assert "script-src 'nonce-" in headers["Content-Security-Policy"]
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "no CDN or remote asset"
    status, _, body = raw(server, "GET", "/health")
    health = json.loads(body)
    assert status == 200 and health["status"] == "ok" and health["triples"] > 1000


# ------------------------------------------------------------ safety


def test_updates_are_refused_and_change_nothing(server: str, graph_dir: Path) -> None:
    trig = graph_dir / "graph.trig"
    before = hashlib.sha256(trig.read_bytes()).hexdigest()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    triples = wrapper(server, count, JSON)["results"]["bindings"][0]["n"]["value"]
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    attempts = [
        raw(server, "POST", "/sparql", urlencode({"update": insert}).encode(), **form),
        raw(
            server,
            "POST",
            "/sparql",
            insert.encode(),
            **{"Content-Type": "application/sparql-update"},
        ),
        raw(server, "POST", "/sparql", urlencode({"query": insert}).encode(), **form),
        raw(server, "GET", "/sparql?" + urlencode({"query": "DROP ALL"})),
        raw(server, "POST", "/update", urlencode({"update": insert}).encode(), **form),
        raw(
            server,
            "PUT",
            "/sparql?graph=urn:x:g",
            b"<urn:x:a> <urn:x:b> <urn:x:c> .",
            **{"Content-Type": "text/turtle"},
        ),
        raw(server, "DELETE", "/sparql?default"),
    ]
    for status, _, body in attempts:
        assert status in {403, 405}, body
    sparql = SPARQLWrapper(f"{server}/sparql")
    sparql.setMethod(POST)
    sparql.setQuery(insert)
    with pytest.raises(Exception, match="403"):
        sparql.query()
    assert wrapper(server, "ASK { <urn:x:a> ?p ?o }", JSON)["boolean"] is False
    assert wrapper(server, count, JSON)["results"]["bindings"][0]["n"]["value"] == triples
    assert hashlib.sha256(trig.read_bytes()).hexdigest() == before


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = b"<urn:x:a> <urn:x:b> <urn:x:c> ."
        self.send_response(200)
        self.send_header("Content-Type", "text/turtle")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.do_GET()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def canary() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request made to it."""
    handler = type("Canary", (_Canary,), {"hits": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_service_load_and_dereferencing_are_refused(
    server: str, canary: tuple[str, list[str]], graph_dir: Path
) -> None:
    remote, hits = canary
    secret = graph_dir.parents[1] / "secret.txt"
    queries = [
        f"SELECT * WHERE {{ SERVICE <{remote}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{remote}/sparql> {{ ?s ?p ?o }} }}",
        f"LOAD <{remote}/data.ttl>",
        f"LOAD <{secret.as_uri()}> INTO GRAPH <urn:x:g>",
        f"SELECT * FROM <{remote}/data.ttl> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{remote}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"ASK FROM <{secret.as_uri()}> {{ ?s ?p ?o }}",
    ]
    for query in queries:
        status, _, body = post_query(server, query)
        assert status == 403, (query, body)
        assert b"refused" in body, body
    assert hits == [], "the server dereferenced an IRI"


def test_slow_query_times_out_while_others_are_served(server: str) -> None:
    outcome: dict[str, Any] = {}

    def slow() -> None:
        started = time.monotonic()
        outcome["slow"] = post_query(server, SLOW)
        outcome["slow_s"] = time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)  # the slow query is now running in one worker
    started = time.monotonic()
    status, _, body = post_query(server, f"ASK {{ <{MASSACRE}> a hg:Massacre }}")
    elapsed = time.monotonic() - started
    assert status == 200 and json.loads(body)["boolean"] is True
    assert elapsed < 1.0, f"a simple query took {elapsed:.2f} s while a slow one ran"
    thread.join(TIMEOUT_S + 20)
    status, _, body = outcome["slow"]
    assert status == 503 and b"time limit" in body, body
    assert outcome["slow_s"] < TIMEOUT_S + 5
    deadline = time.monotonic() + 20  # the killed worker is replaced
    while json.loads(raw(server, "GET", "/health")[2])["workers"] < 2:
        assert time.monotonic() < deadline, "the stopped worker was not replaced"
        time.sleep(0.2)
    assert post_query(server, "ASK { ?s ?p ?o }")[0] == 200


def test_result_size_limit(server: str) -> None:
    status, _, body = post_query(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 400 and b"too large" in body and b"LIMIT" in body
    status, _, body = post_query(server, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "text/turtle")
    assert status == 400 and b"too large" in body
    assert post_query(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 10")[0] == 200


@pytest.mark.parametrize(
    "path",
    [
        "/../graph.toml",
        "/..%2fgraph.toml",
        "/%2e%2e/%2e%2e/secret.txt",
        "/../../secret.txt",
        "//etc/passwd",
        "/graph.trig",
        "/graph.toml",
        "/sources/road-to-victory.txt",
        "/query/../../secret.txt",
        "/sparql/../../secret.txt",
        "/static/..%5c..%5csecret.txt",
        "/%2Fetc%2Fpasswd",
        "/file:///etc/passwd",
        "http://127.0.0.1/../secret.txt",
    ],
)
def test_no_file_outside_the_routes_is_served(server: str, path: str) -> None:
    status, _, body = raw(server, "GET", path)
    assert status == 404, (path, status)
    assert SECRET.encode() not in body and b"root:" not in body and b"[graph]" not in body


def test_bad_requests_get_one_line_errors(server: str) -> None:
    status, _, body = post_query(server, "SELECT * WHERE { ?s ?p ")
    assert status == 400 and b"syntax error" in body and body.count(b"\n") == 1
    status, _, body = raw(
        server, "GET", "/sparql?" + urlencode([("query", "ASK {}"), ("query", "ASK {}")])
    )
    assert status == 400
    status, _, body = raw(server, "POST", "/sparql", b"x", **{"Content-Type": "text/plain"})
    assert status == 415
    parts = urlsplit(server)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.putrequest("POST", "/sparql")  # announce a huge body, send none: refused unread
    conn.putheader("Content-Type", "application/sparql-query")
    conn.putheader("Content-Length", str(10**9))
    conn.endheaders()
    assert conn.getresponse().status == 413
    conn.close()
    status, _, body = raw(server, "GET", "/health", Host="attacker.example")
    assert status == 403, "a foreign Host header (DNS rebinding) is refused on loopback"


def test_from_selects_a_local_graph(server: str, dataset: Dataset) -> None:
    name = next(
        g.identifier for g in dataset.graphs() if str(g.identifier).endswith("graph/provenance")
    )
    query = f"SELECT (COUNT(*) AS ?n) FROM <{name}> WHERE {{ ?s ?p ?o }}"
    status, _, body = post_query(server, query)
    assert status == 200, body
    assert int(parse_json(body)[0]["n"]) == len(dataset.graph(name))


def test_a_locked_down_worker_cannot_reach_out(
    canary: tuple[str, list[str]], tmp_path: Path
) -> None:
    """The audit hook of query workers, exercised directly in a fresh interpreter."""
    remote, hits = canary
    outside = tmp_path / "outside.ttl"
    outside.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .", encoding="utf-8")
    script = f"""
import sys, sysconfig, urllib.request
import historygraph
from rdflib import Graph
from historygraph.server import _lock_down
_lock_down([sys.prefix, sys.base_prefix, *historygraph.__path__, *sysconfig.get_paths().values()])
for attempt in (
    lambda: urllib.request.urlopen({remote + "/x"!r}, timeout=5),
    lambda: Graph().parse({remote + "/data.ttl"!r}),
    lambda: Graph().parse({str(outside)!r}),
    lambda: open({str(outside)!r}).read(),
    lambda: open(historygraph.__file__, "a"),
):
    try:
        attempt()
    except PermissionError:
        continue
    sys.exit("not blocked")
print("all blocked")
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "all blocked", result.stderr[-2000:]
    assert hits == []
