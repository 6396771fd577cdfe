"""The ``serve`` command: the built graph over the SPARQL 1.1 Protocol, read-only and bounded.

Routes (a fixed table: no request path is ever mapped to the file system, so
nothing outside the graph directory, and nothing in it but ``graph.html``, can
be served):

=========  ============  =====================================================
method     path          answer
=========  ============  =====================================================
GET        ``/``         the graph view, ``GRAPH_DIR/graph.html``
GET        ``/query``    the query page (a small editor and the canned queries)
GET, POST  ``/sparql``   the SPARQL 1.1 Protocol query operation; without a
                         query, the service description (Turtle)
GET        ``/health``   JSON: ``status``, ``workers`` ready, ``triples``
any        ``/update``   403: the graph is read-only
=========  ============  =====================================================

Design. The HTTP front end (the standard library's threading server) never runs
SPARQL. Queries run in a pool of worker processes, each holding its own copy of
the graph (:func:`historygraph.query.open_dataset`). A request thread borrows an
idle worker, sends it the query and waits at most the time limit. rdflib cannot
be interrupted inside a thread, so a worker that overruns is killed (SIGKILL)
and replaced in the background while the client gets 503; the other workers
keep serving everyone else. A worker checks every query with
:func:`historygraph.query.prepare` (updates, ``LOAD`` and ``SERVICE`` are
refused there, before evaluation), refuses ``FROM``/``FROM NAMED`` IRIs that
are not graphs of the dataset, turns off rdflib's loading of remote graphs, and
then installs an audit hook that makes any network connection, URL request,
subprocess or file open outside the Python installation fail: IRIs are never
dereferenced. Results with more rows (or triples) than the result limit are
refused (400) before they are serialised; the time limit bounds the work spent
producing them. A request waits at most the time limit for a free worker (503
when none frees up). Each worker loads the graph once, at start: restart the
server after rebuilding the graph.
"""

from __future__ import annotations

import argparse
import functools
import ipaddress
import json
import multiprocessing
import os
import queue
import secrets
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

from historygraph import __version__
from historygraph.errors import HistorygraphError, QueryError, ServerError

#: Media types offered for SELECT and ASK results, the default first.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
#: Media types offered for CONSTRUCT and DESCRIBE results, the default first.
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
#: The Content-Type sent for each format.
CONTENT_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
#: Values of the ``format`` (or ``output``, ``results``) parameter, per query form: short
#: names as SPARQLWrapper and common endpoints send them, besides full media types.
FORMAT_NAMES: dict[str, dict[str, str]] = {
    "results": {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
    },
    "graph": {
        "turtle": "text/turtle",
        "ttl": "text/turtle",
        "n3": "text/turtle",
        "nt": "application/n-triples",
        "ntriples": "application/n-triples",
        "n-triples": "application/n-triples",
        "jsonld": "application/ld+json",
        "json-ld": "application/ld+json",
        "json": "application/ld+json",
        "xml": "application/rdf+xml",
        "rdf+xml": "application/rdf+xml",
        "rdfxml": "application/rdf+xml",
    },
}
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass(frozen=True)
class ServerSettings:
    """What ``historygraph serve`` was asked to do."""

    graph_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    timeout: float = 30.0
    max_results: int = 100_000
    max_query_bytes: int = 100_000
    quiet: bool = False


@dataclass(frozen=True)
class Response:
    """An HTTP answer: status, Content-Type and body."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def error(status: int, message: str) -> Response:
    """A one-line plain-text error response."""
    return Response(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


# ------------------------------------------------------------ negotiation


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """Pick the media type of ``offered`` that an HTTP Accept header prefers.

    Higher ``q`` wins; then an exact match over ``type/*`` over ``*/*``; then the
    order in the header; then the order of ``offered`` (its first entry is the
    default when the header is missing or empty).

    Returns:
        The chosen media type, or None when the header accepts none of them.

    >>> negotiate("text/csv, */*;q=0.1", ["application/json", "text/csv"])
    'text/csv'
    >>> negotiate(None, ["text/turtle", "application/ld+json"])
    'text/turtle'
    >>> negotiate("image/png", ["text/turtle"]) is None
    True
    """
    if not accept or not accept.strip():
        return offered[0] if offered else None
    ranges: list[tuple[str, float, int]] = []
    for position, item in enumerate(accept.split(",")):
        parts = [p.strip() for p in item.split(";")]
        media = parts[0].lower()
        q = 1.0
        for param in parts[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((media, q, position))
    best: tuple[float, int, int, int] | None = None
    chosen = None
    for index, media in enumerate(offered):
        kind = media.split("/")[0] + "/*"
        for pattern, q, position in ranges:
            if pattern == media:
                exactness = 2
            elif pattern == kind:
                exactness = 1
            elif pattern == "*/*":
                exactness = 0
            else:
                continue
            if q <= 0:
                continue
            score = (q, exactness, -position, -index)
            if best is None or score > best:
                best, chosen = score, media
    return chosen


def choose_format(
    query_type: str, accept: str | None, format_names: Sequence[str] = ()
) -> tuple[str, str] | None:
    """The result format and Content-Type for a query form, or None (406).

    Args:
        query_type: ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``.
        accept: The request's Accept header.
        format_names: Values of the ``format``/``output`` parameters (``json``,
            ``csv``, ``turtle``, a media type, ...); the first one that names a
            format of this query form wins over the Accept header, others are
            ignored.

    >>> choose_format("SELECT", "text/tab-separated-values")
    ('tsv', 'text/tab-separated-values; charset=utf-8')
    >>> choose_format("CONSTRUCT", None, ["json-ld", "application/ld+json"])
    ('json-ld', 'application/ld+json')
    """
    is_graph = query_type in {"CONSTRUCT", "DESCRIBE"}
    table = GRAPH_TYPES if is_graph else RESULT_TYPES
    names = FORMAT_NAMES["graph" if is_graph else "results"]
    media = None
    for name in format_names:
        key = name.strip().lower()
        candidate = names.get(key, key)
        if candidate in table:
            media = candidate
            break
    if media is None:
        media = negotiate(accept, list(table))
    if media is None:
        return None
    fmt = table[media]
    return fmt, CONTENT_TYPES["rdfxml" if is_graph and fmt == "xml" else fmt]


# ------------------------------------------------------------ worker side


class ResultTooLargeError(HistorygraphError):
    """A query result has more rows (or triples) than the server's limit."""


def _refusal_status(text: str) -> int:
    """403 for a query ``prepare`` refused on policy (an update, SERVICE), else 400."""
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parser import parseUpdate

    from historygraph.namespaces import PREFIXES

    checks: tuple[Callable[[], Any], ...] = (
        lambda: prepareQuery(text, initNs=PREFIXES),  # a valid query: refused for SERVICE
        lambda: parseUpdate(text),  # an update: INSERT, LOAD, ...
    )
    for check in checks:
        try:
            check()
        except Exception:
            continue
        return HTTPStatus.FORBIDDEN
    return HTTPStatus.BAD_REQUEST


def _serialize(result: Any, fmt: str, max_results: int) -> bytes:
    """Render a result in ``fmt``, refusing more than ``max_results`` rows or triples."""
    from historygraph.namespaces import PREFIXES
    from historygraph.query import format_result

    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        graph = result.graph
        if len(graph) > max_results:
            raise ResultTooLargeError(f"more than {max_results} triples")
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        data = graph.serialize(format=fmt, encoding="utf-8")
        return data if isinstance(data, bytes) else data.encode("utf-8")
    if result.type == "ASK":
        if fmt == "csv":
            return ("_askResult\r\n" + ("true" if result.askAnswer else "false") + "\r\n").encode()
        return format_result(result, fmt).encode("utf-8")
    for count, _ in enumerate(result, start=1):
        if count > max_results:
            raise ResultTooLargeError(f"more than {max_results} rows")
    return format_result(result, fmt).encode("utf-8")


def service_description(endpoint: str, title: str, dataset: Any) -> bytes:
    """The SPARQL 1.1 Service Description of the endpoint, in Turtle."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
    from rdflib.namespace import DCTERMS, RDF, VOID

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    formats = Namespace("http://www.w3.org/ns/formats/")
    ent = Namespace("http://www.w3.org/ns/entailment/")
    g = Graph()
    g.bind("sd", sd)
    g.bind("formats", formats)
    g.bind("void", VOID)
    g.bind("dcterms", DCTERMS)
    service = BNode("service")
    g.add((service, RDF.type, sd.Service))
    g.add((service, sd.endpoint, URIRef(endpoint)))
    g.add((service, DCTERMS.title, Literal(title)))
    g.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    g.add((service, sd.feature, sd.UnionDefaultGraph))
    g.add((service, sd.defaultEntailmentRegime, ent.Simple))
    for name in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
    ):
        g.add((service, sd.resultFormat, formats[name]))
    data = BNode("dataset")
    g.add((service, sd.defaultDataset, data))
    g.add((data, RDF.type, sd.Dataset))
    default = BNode("default")
    g.add((data, sd.defaultGraph, default))
    g.add((default, RDF.type, sd.Graph))
    g.add((default, VOID.triples, Literal(len(dataset))))
    named = sorted(
        (ctx for ctx in dataset.graphs() if ctx.identifier != DATASET_DEFAULT_GRAPH_ID),
        key=lambda ctx: str(ctx.identifier),
    )
    for i, ctx in enumerate(named):
        node, graph = BNode(f"named{i}"), BNode(f"graph{i}")
        g.add((data, sd.namedGraph, node))
        g.add((node, RDF.type, sd.NamedGraph))
        g.add((node, sd.name, ctx.identifier))
        g.add((node, sd.graph, graph))
        g.add((graph, RDF.type, sd.Graph))
        g.add((graph, VOID.triples, Literal(len(ctx))))
    return g.serialize(format="turtle", encoding="utf-8")


def _lock_down(allowed_roots: Sequence[str]) -> None:
    """Make this process unable to reach the network, spawn programs or open other files.

    Installed in query workers after the graph is loaded (an audit hook cannot
    be removed). File opens stay allowed under ``allowed_roots`` (the Python
    installation, for lazy imports) and read-only.
    """
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False
    roots = tuple(os.path.realpath(r) + os.sep for r in allowed_roots)
    blocked = (
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.sendto",
        "socket.sendmsg",
        "urllib.Request",
        "subprocess.Popen",
        "os.system",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
    )

    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event.startswith(blocked):
            raise PermissionError(f"{event} is not allowed in a query worker")
        if event == "open" and args and isinstance(args[0], str | bytes):
            path = os.path.realpath(os.fsdecode(args[0]))
            mode = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
            flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
            if not path.startswith(roots) or any(c in mode for c in "wax+") or flags & writing:
                raise PermissionError(f"opening {path} is not allowed in a query worker")

    sys.addaudithook(hook)


class _WorkerState:
    """One worker's graph and the answers it computes."""

    def __init__(self, graph_dir: Path, endpoint: str, max_results: int) -> None:
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        from historygraph.config import load_config
        from historygraph.query import open_dataset

        config = load_config(graph_dir)
        self.dataset = open_dataset(config)
        self.max_results = max_results
        self.graph_names = frozenset(
            ctx.identifier
            for ctx in self.dataset.graphs()
            if ctx.identifier != DATASET_DEFAULT_GRAPH_ID
        )
        self.description = service_description(endpoint, config.title, self.dataset)
        self.triples = len(self.dataset)
        self._warm_up()

    def _warm_up(self) -> None:
        """Import what answering needs now, before the process is locked down."""
        from rdflib.plugins.serializers import jsonld, nt, rdfxml, turtle  # noqa: F401
        from rdflib.plugins.sparql.results import csvresults, jsonresults, xmlresults  # noqa: F401

        from historygraph.query import run_query

        for text in ("ASK { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"):
            result = run_query(self.dataset, text)
            for fmt in ("json", "xml", "csv", "tsv"):
                _serialize(result, fmt, self.max_results)
        result = run_query(self.dataset, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1")
        for fmt in ("turtle", "nt", "json-ld", "xml"):
            _serialize(result, fmt, self.max_results)

    def answer(self, text: str, accept: str | None, format_names: Sequence[str]) -> Response:
        """Check, run and serialise one query."""
        from historygraph.query import run_query

        try:
            prepared = _prepare(text)
        except QueryError as e:
            return error(_refusal_status(text), str(e))
        for clause in prepared.algebra.get("datasetClause") or ():
            iri = clause.get("default") or clause.get("named")
            if iri not in self.graph_names:
                return error(
                    HTTPStatus.FORBIDDEN,
                    f"query: FROM <{iri}> is refused: it is not a graph of this dataset "
                    "(IRIs are never dereferenced; the graphs are listed at /sparql)",
                )
        query_type = prepared.algebra.name.removesuffix("Query").upper()
        chosen = choose_format(query_type, accept, format_names)
        if chosen is None:
            offered = ", ".join(
                GRAPH_TYPES if query_type in {"CONSTRUCT", "DESCRIBE"} else RESULT_TYPES
            )
            return error(
                HTTPStatus.NOT_ACCEPTABLE,
                f"query: no acceptable format for a {query_type} result (offered: {offered})",
            )
        fmt, content_type = chosen
        try:
            # run_query checks the text again (a cache hit) and evaluates it here:
            # this process is the time limit's unit, it is killed when it overruns
            body = _serialize(run_query(self.dataset, text, "query"), fmt, self.max_results)
        except ResultTooLargeError as e:
            return error(
                HTTPStatus.BAD_REQUEST,
                f"query: the result is too large ({e}); add a LIMIT or narrow the query",
            )
        except HistorygraphError as e:  # evaluation errors: bad function arguments, ...
            return error(HTTPStatus.BAD_REQUEST, _one_line(e))
        except MemoryError:
            return error(HTTPStatus.SERVICE_UNAVAILABLE, "query: ran out of memory")
        return Response(HTTPStatus.OK, content_type, body)


@functools.lru_cache(maxsize=256)
def _prepare(text: str) -> Any:
    """:func:`historygraph.query.prepare`, cached (parsing can cost more than a small query)."""
    from historygraph.query import prepare

    return prepare(text, "query")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:500]


def _worker_main(conn: Connection, graph_dir: str, endpoint: str, max_results: int) -> None:
    """A query worker: load the graph, report ready, then answer until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        state = _WorkerState(Path(graph_dir), endpoint, max_results)
    except Exception as e:
        conn.send(("error", _one_line(e)))
        return
    import sysconfig

    import historygraph

    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, *historygraph.__path__}
    roots.update(sysconfig.get_paths().values())
    _lock_down(sorted(roots))
    conn.send(("ready", {"triples": state.triples, "description": state.description}))
    while True:
        try:
            kind, *args = conn.recv()
        except (EOFError, OSError):
            return
        if kind == "query":
            try:
                response = state.answer(*args)
            except Exception as e:  # a bug: answer 500 and keep the worker
                response = error(
                    HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {_one_line(e)}"
                )
            conn.send(response)
        elif kind == "ping":
            conn.send(Response(HTTPStatus.OK, "text/plain", b"pong"))


# ------------------------------------------------------------ parent side


class _Worker:
    """A worker process and the parent's end of its pipe."""

    def __init__(self, context: Any, settings: ServerSettings, endpoint: str) -> None:
        parent, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, str(settings.graph_dir), endpoint, settings.max_results),
            name="historygraph-query",
            daemon=True,
        )
        self.process.start()
        child.close()
        self.conn: Connection = parent

    def wait_ready(self, timeout: float) -> dict[str, Any]:
        """Wait for the worker to load the graph; raise ServerError if it cannot."""
        try:
            if not self.conn.poll(timeout):
                raise ServerError(f"a query worker did not load the graph within {timeout:g} s")
            kind, payload = self.conn.recv()
        except (EOFError, OSError) as e:
            raise ServerError("a query worker died while loading the graph") from e
        if kind != "ready":
            raise ServerError(str(payload))
        return dict(payload)

    def ask(self, request: tuple[Any, ...], timeout: float) -> Response | None:
        """Send a request; the response, or None if the time limit passed first.

        Raises:
            EOFError: the worker died.
        """
        try:
            self.conn.send(request)
            if not self.conn.poll(timeout):
                return None
            response = self.conn.recv()
        except (OSError, BrokenPipeError) as e:
            raise EOFError(str(e)) from e
        return response

    def kill(self) -> None:
        """Stop the process at once (rdflib cannot be interrupted)."""
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """Worker processes that answer queries, each under a time limit.

    A request borrows an idle worker (waiting at most the time limit for one);
    a worker that overruns or dies is killed and replaced in the background.
    """

    def __init__(self, settings: ServerSettings, endpoint: str, log: Callable[[str], None]) -> None:
        self.settings = settings
        self.endpoint = endpoint
        self.log = log
        self.info: dict[str, Any] = {}
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    @property
    def ready(self) -> int:
        """How many workers are loaded and alive (idle or busy)."""
        with self._lock:
            return len(self._all)

    def start(self, startup_timeout: float = 600.0) -> None:
        """Start every worker and wait until all have loaded the graph."""
        workers = [
            _Worker(self._context, self.settings, self.endpoint)
            for _ in range(self.settings.workers)
        ]
        try:
            for worker in workers:
                info = worker.wait_ready(startup_timeout)
                self.info = self.info or info
        except BaseException:
            for worker in workers:
                worker.kill()
            raise
        with self._lock:
            self._all.update(workers)
        for worker in workers:
            self._idle.put(worker)

    def run(self, text: str, accept: str | None, format_names: Sequence[str] = ()) -> Response:
        """Answer one query within the time limit (503 when the limit is hit)."""
        limit = self.settings.timeout
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            return error(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"query: every query worker stayed busy for {limit:g} s; try again later",
            )
        try:
            response = worker.ask(("query", text, accept, tuple(format_names)), limit)
        except EOFError:
            self._replace(worker, "died")
            return error(HTTPStatus.INTERNAL_SERVER_ERROR, "query: the query worker died")
        if response is None:
            self._replace(worker, f"exceeded the time limit of {limit:g} s")
            return error(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"query: exceeded the time limit of {limit:g} s and was stopped",
            )
        self._idle.put(worker)
        return response

    def _replace(self, worker: _Worker, why: str) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()
        self.log(f"query worker {worker.process.pid} {why}; starting a new one")
        threading.Thread(target=self._spawn, name="historygraph-respawn", daemon=True).start()

    def _spawn(self, attempts: int = 3) -> None:
        for attempt in range(1, attempts + 1):
            if self._closed:
                return
            worker = _Worker(self._context, self.settings, self.endpoint)
            try:
                worker.wait_ready(600.0)
            except ServerError as e:
                worker.kill()
                self.log(f"a new query worker failed ({attempt}/{attempts}): {e}")
                time.sleep(attempt)
                continue
            with self._lock:
                if self._closed:
                    worker.kill()
                    return
                self._all.add(worker)
            self._idle.put(worker)
            return

    def close(self) -> None:
        """Kill every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


# ------------------------------------------------------------ HTTP


def _host_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class App:
    """The routes, over a query pool and the graph directory's files."""

    def __init__(self, settings: ServerSettings, pool: QueryPool, title: str, name: str) -> None:
        self.settings = settings
        self.pool = pool
        self.title = title
        self.name = name
        self.view_path = settings.graph_dir / "graph.html"
        self._query_page: str | None = None

    def query_page(self, nonce: str) -> str:
        """The query page, with the canned queries and prefixes filled in."""
        if self._query_page is None:
            from historygraph.config import load_config
            from historygraph.namespaces import PREFIXES
            from historygraph.query import canned_queries
            from historygraph.view import script_json

            config = load_config(self.settings.graph_dir)
            canned = [
                {"name": c.name, "title": c.title, "text": c.path.read_text(encoding="utf-8")}
                for c in canned_queries(config)
            ]
            data = {"title": self.title, "queries": canned, "prefixes": PREFIXES}
            template = resources.files("historygraph").joinpath("templates", "query.html")
            page = template.read_text(encoding="utf-8")
            page = page.replace("{{ page_title }}", _html_escape(self.title))
            self._query_page = page.replace("{{ data_json }}", script_json(data))
        return self._query_page.replace("{{ nonce }}", nonce)


def _html_escape(text: str) -> str:
    import html

    return html.escape(text)


class _Handler(BaseHTTPRequestHandler):
    """One HTTP request: routing, the SPARQL protocol, limits on what a client sends."""

    server_version = f"historygraph/{__version__}"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may take to send its request
    app: App

    # -- plumbing

    def log_message(self, format: str, *args: Any) -> None:
        if not self.app.settings.quiet:
            super().log_message(format, *args)

    def _send(self, response: Response, head: bool = False) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        if response.status != HTTPStatus.NO_CONTENT:
            self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in _SECURITY_HEADERS.items():
            self.send_header(key, value)
        for key, value in response.headers:
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(response.body)

    def _host_allowed(self) -> bool:
        """Refuse foreign Host headers on a loopback server (DNS rebinding)."""
        if not _is_loopback(self.app.settings.host):
            return True
        host = self.headers.get("Host")
        if host is None:
            return True
        name = urlsplit(f"//{host}").hostname or ""
        return name in _LOOPBACK_NAMES or _is_loopback(name)

    def _route(self, method: str) -> Response:
        if not self._host_allowed():
            return error(HTTPStatus.FORBIDDEN, "request: Host header is not this local server")
        path = urlsplit(self.path).path
        if path == "/update":
            return error(
                HTTPStatus.FORBIDDEN, "update: the graph is read-only (no update operation)"
            )
        routes: dict[str, Callable[[str], Response]] = {
            "/": self._view,
            "/query": self._page,
            "/sparql": self._sparql,
            "/health": self._health,
            "/favicon.ico": lambda method: Response(HTTPStatus.NO_CONTENT, "text/plain", b""),
        }
        handler = routes.get(path)
        if handler is None:
            return error(HTTPStatus.NOT_FOUND, f"{path}: not found (try /, /query or /sparql)")
        if method not in {"GET", "HEAD"} and path != "/sparql":
            return Response(
                HTTPStatus.METHOD_NOT_ALLOWED,
                "text/plain; charset=utf-8",
                f"{path}: {method} is not allowed\n".encode(),
                (("Allow", "GET, HEAD"),),
            )
        return handler(method)

    def _handle(self, method: str) -> None:
        try:
            response = self._route(method)
        except Exception as e:  # a bug: answer 500, keep serving, show it in the log
            self.log_error("internal error: %r", e)
            response = error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal server error")
        self._send(response, head=method == "HEAD")

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    # -- routes

    def _view(self, method: str) -> Response:
        try:
            body = self.app.view_path.read_bytes()
        except FileNotFoundError:
            return error(
                HTTPStatus.NOT_FOUND,
                f"{self.app.view_path.name}: not built; run 'historygraph view {self.app.settings.graph_dir}'",
            )
        return Response(HTTPStatus.OK, "text/html; charset=utf-8", body)

    def _page(self, method: str) -> Response:
        nonce = secrets.token_urlsafe(16)
        csp = (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'"
        )
        body = self.app.query_page(nonce).encode("utf-8")
        return Response(
            HTTPStatus.OK, "text/html; charset=utf-8", body, (("Content-Security-Policy", csp),)
        )

    def _health(self, method: str) -> Response:
        ready = self.app.pool.ready
        status = {
            "status": "ok" if ready else "unavailable",
            "graph": self.app.name,
            "workers": ready,
            "of": self.app.settings.workers,
            "triples": self.app.pool.info.get("triples"),
        }
        code = HTTPStatus.OK if ready else HTTPStatus.SERVICE_UNAVAILABLE
        return Response(code, "application/json", json.dumps(status).encode())

    def _read_body(self) -> bytes | Response:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return error(HTTPStatus.LENGTH_REQUIRED, "request: send a Content-Length, not chunks")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            return error(HTTPStatus.BAD_REQUEST, "request: bad Content-Length")
        if length < 0 or length > self.app.settings.max_query_bytes:
            self.close_connection = True
            return error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"request: body over {self.app.settings.max_query_bytes} bytes",
            )
        return self.rfile.read(length)

    def _sparql(self, method: str) -> Response:
        url_query = urlsplit(self.path).query
        try:
            params = parse_qs(url_query, keep_blank_values=True, errors="strict", max_num_fields=50)
            if method == "POST":
                body = self._read_body()
                if isinstance(body, Response):
                    return body
                ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
                if ctype == "application/sparql-update":
                    return error(HTTPStatus.FORBIDDEN, "update: the graph is read-only")
                if ctype == "application/sparql-query":
                    params.setdefault("query", []).append(body.decode("utf-8"))
                elif ctype == "application/x-www-form-urlencoded":
                    form = parse_qs(
                        body.decode("utf-8"),
                        keep_blank_values=True,
                        errors="strict",
                        max_num_fields=50,
                    )
                    for key, values in form.items():
                        params.setdefault(key, []).extend(values)
                else:
                    return error(
                        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        f"request: Content-Type {ctype or 'missing'}; send "
                        "application/sparql-query or application/x-www-form-urlencoded",
                    )
            elif method not in {"GET", "HEAD"}:
                return Response(
                    HTTPStatus.METHOD_NOT_ALLOWED,
                    "text/plain; charset=utf-8",
                    f"/sparql: {method} is not allowed (read-only)\n".encode(),
                    (("Allow", "GET, HEAD, POST"),),
                )
        except (UnicodeDecodeError, ValueError) as e:
            return error(HTTPStatus.BAD_REQUEST, f"request: cannot decode parameters: {e}")
        return self._query(params)

    def _query(self, params: Mapping[str, list[str]]) -> Response:
        if "update" in params:
            return error(HTTPStatus.FORBIDDEN, "update: the graph is read-only")
        for key in ("default-graph-uri", "named-graph-uri"):
            if key in params:
                return error(
                    HTTPStatus.BAD_REQUEST,
                    f"request: {key} is not supported; use GRAPH or FROM with a graph listed at /sparql",
                )
        queries = params.get("query", [])
        if not queries:
            return Response(
                HTTPStatus.OK,
                "text/turtle; charset=utf-8",
                self.app.pool.info.get("description", b""),
            )
        if len(queries) > 1:
            return error(HTTPStatus.BAD_REQUEST, "request: give exactly one 'query' parameter")
        text = queries[0]
        if len(text.encode("utf-8")) > self.app.settings.max_query_bytes:
            return error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"query: over {self.app.settings.max_query_bytes} bytes",
            )
        formats = [v for key in ("format", "output", "results") for v in params.get(key, [])]
        return self.app.pool.run(text, self.headers.get("Accept"), tuple(formats))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64


def serve(settings: ServerSettings, announce: Callable[[str], None]) -> None:
    """Serve the graph of ``settings.graph_dir`` until interrupted.

    Binds first (so a busy port fails at once), then starts the query workers,
    then calls ``announce`` with the base URL and serves.

    Raises:
        ServerError: the address cannot be bound or the graph does not load.
        ConfigError: the graph directory is not one.
    """
    from historygraph.config import load_config

    config = load_config(settings.graph_dir)
    if not config.trig_path.is_file():
        raise ServerError(
            f"{config.trig_path}: no built graph; run 'historygraph build {settings.graph_dir}'"
        )
    handler = cast("type[_Handler]", type("Handler", (_Handler,), {}))  # a subclass per server
    try:
        httpd = _Server((settings.host, settings.port), handler)
    except OSError as e:
        raise ServerError(
            f"{settings.host}:{settings.port}: cannot listen: {e.strerror or e}"
        ) from e
    port = int(httpd.server_address[1])
    base = _host_url(settings.host, port)

    def log(message: str) -> None:
        if not settings.quiet:
            print(f"historygraph: {message}", file=sys.stderr, flush=True)

    pool = QueryPool(settings, f"{base}/sparql", log)
    try:
        pool.start()
        handler.app = App(settings, pool, config.title, config.name)
        announce(base)
        httpd.serve_forever(poll_interval=0.2)
    finally:
        httpd.server_close()
        pool.close()


# ------------------------------------------------------------ command line


def _positive(kind: type[int] | type[float]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive, got {text}")
        return value

    return parse


def _cmd_serve(args: argparse.Namespace) -> int:
    settings = ServerSettings(
        graph_dir=Path(args.graph_dir),
        host=args.host,
        port=args.port,
        workers=args.workers,
        timeout=args.timeout,
        max_results=args.max_results,
        quiet=args.quiet,
    )

    def announce(base: str) -> None:
        print(
            f"historygraph: serving {settings.graph_dir} at {base}/ "
            f"(SPARQL: {base}/sparql, query page: {base}/query); Ctrl-C to stop",
            flush=True,
        )
        if not _is_loopback(settings.host):
            print(
                f"historygraph: warning: listening on {settings.host}, not only this machine",
                file=sys.stderr,
                flush=True,
            )

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        serve(settings, announce)
    except KeyboardInterrupt:
        print("historygraph: stopped", file=sys.stderr)
    return 0


def add_parser(subparsers: Any) -> None:
    """Register ``historygraph serve``."""
    p = subparsers.add_parser(
        "serve",
        help="serve the graph over the SPARQL 1.1 Protocol (read-only), with its view and a query page",
        description="Serve the built graph of GRAPH_DIR over HTTP: the SPARQL 1.1 Protocol query "
        "operation at /sparql (GET, POST form or direct; JSON, XML, CSV, TSV results; Turtle, "
        "N-Triples, JSON-LD for CONSTRUCT/DESCRIBE; the service description without a query), the "
        "graph view at /, a query page at /query and /health. Read-only: updates, LOAD, SERVICE and "
        "FROM of outside IRIs are refused; every query runs under a time limit and a result limit. "
        "Binds 127.0.0.1 unless --host says otherwise.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  historygraph serve graphs/black-january\n"
        "  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?e hg:date ?d }' "
        "http://127.0.0.1:8000/sparql",
    )
    p.add_argument("graph_dir", metavar="GRAPH_DIR")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    p.add_argument(
        "--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)"
    )
    p.add_argument(
        "--workers",
        type=_positive(int),
        default=max(2, min(4, os.cpu_count() or 1)),
        help="query worker processes, each with its own copy of the graph (default: 2 to 4)",
    )
    p.add_argument(
        "--timeout",
        type=_positive(float),
        default=30.0,
        metavar="S",
        help="time limit of one query in seconds (default: 30)",
    )
    p.add_argument(
        "--max-results",
        type=_positive(int),
        default=100_000,
        metavar="N",
        help="refuse results with more rows (or triples) than N (default: 100000)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no request log on stderr")
    p.set_defaults(func=_cmd_serve)
