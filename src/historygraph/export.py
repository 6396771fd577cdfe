"""The ``export`` command: the built graph as files for bulk loaders, or pushed to a triplestore.

What is exported is what queries see: every named graph of ``graph.trig``,
unchanged, plus the ontology's schema as the named graph
``<https://w3id.org/historygraph/ontology>`` (so ``rdfs:subClassOf*`` and the
labels of classes and measures answer the same anywhere; ``--no-ontology``
leaves it out).

* ``--format nq|trig|jsonld`` keep the graph names; ``ttl|nt`` write the union
  of all graphs (names are lost, shared triples appear once); ``graphml`` writes
  the network of events, agents and places drawn by the view. N-Quads and
  N-Triples lines are sorted and TriG is written canonically, so the same graph
  always gives the same bytes. Output goes to stdout unless ``--output FILE``.
* ``--to URL`` pushes each named graph with the SPARQL 1.1 Graph Store
  Protocol: ``PUT URL?graph=IRI`` (``--mode replace``: the graph's old content
  is dropped) or ``POST`` (``--mode merge``: added to it), in Turtle. Failed
  connections, 408, 429 and 5xx answers are retried with backoff; any other
  answer stops the export with one line naming the graph and the status.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit, urlunsplit

from historygraph.errors import ExportError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

#: ``--format`` values and what they write.
FORMATS: dict[str, str] = {
    "nq": "N-Quads (graph names kept)",
    "trig": "TriG (graph names kept)",
    "jsonld": "JSON-LD (graph names kept)",
    "ttl": "Turtle (union of all graphs)",
    "nt": "N-Triples (union of all graphs)",
    "graphml": "GraphML network of events, agents and places (for Gephi, Cytoscape, yEd)",
}
#: What ``--union-as-default`` is for.
UNION_HELP = (
    "also write the union of all graphs, each triple once, as the default graph (with --to or "
    "--format nq): for stores whose default graph is not the union, or whose union mode counts a "
    "triple stated in two graphs twice (Oxigraph 0.5, Virtuoso); query them without their union mode"
)
#: Status codes worth another attempt.
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class PushReport:
    """What a push sent: graphs, triples, HTTP attempts."""

    graphs: int
    triples: int
    attempts: int


# ------------------------------------------------------------ what is exported


def export_dataset(graph_dir: Path, *, ontology: bool = True) -> Dataset:
    """The built graph of ``graph_dir``, with the ontology's schema graph unless told not to."""
    from historygraph.config import load_config
    from historygraph.query import load_dataset, open_dataset

    config = load_config(graph_dir)
    return open_dataset(config) if ontology else load_dataset(config.trig_path)


def named_graphs(
    dataset: Dataset, *, union_as_default: bool = False
) -> list[tuple[str | None, Graph]]:
    """The non-empty graphs of ``dataset``, sorted by name; None names the default graph.

    Args:
        dataset: What to export.
        union_as_default: Make the default graph the union of every graph, each
            triple once (see :data:`UNION_HELP`).
    """
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    result: list[tuple[str | None, Graph]] = []
    for ctx in dataset.graphs():
        if len(ctx) == 0:
            continue
        name = None if ctx.identifier == DATASET_DEFAULT_GRAPH_ID else str(ctx.identifier)
        result.append((name, ctx))
    result.sort(key=lambda item: (item[0] is not None, item[0] or ""))
    if union_as_default:
        result = [(None, _union(dataset)), *(item for item in result if item[0] is not None)]
    return result


def _nt_lines(graph: Graph) -> list[str]:
    """The N-Triples lines of ``graph``, without their final `` .``."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return [line[:-2] for line in text.splitlines() if line.endswith(" .")]


def to_ntriples(graph: Graph) -> bytes:
    """``graph`` as sorted N-Triples (also valid Turtle)."""
    return "".join(f"{line} .\n" for line in sorted(set(_nt_lines(graph)))).encode("utf-8")


def to_nquads(dataset: Dataset, *, union_as_default: bool = False) -> bytes:
    """Every graph of ``dataset`` as sorted N-Quads."""
    lines: set[str] = set()
    for name, graph in named_graphs(dataset, union_as_default=union_as_default):
        suffix = "" if name is None else f" <{name}>"
        lines.update(f"{line}{suffix} .\n" for line in _nt_lines(graph))
    return "".join(sorted(lines)).encode("utf-8")


def _union(dataset: Dataset) -> Graph:
    from rdflib import Graph

    from historygraph.namespaces import PREFIXES

    union = Graph()
    for prefix, ns in PREFIXES.items():
        union.bind(prefix, ns)
    for ctx in dataset.graphs():  # a Graph is a set: a triple of two graphs is kept once
        for triple in ctx:
            union.add(triple)
    return union


def _plain(value: Any) -> Any:
    """JSON-ready form of an attribute: named tuples become objects."""
    if hasattr(value, "_asdict"):
        return {k: _plain(v) for k, v in value._asdict().items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _flat(value: Any) -> Any:
    """A GraphML-ready attribute value: lists become JSON text, None is dropped."""
    if isinstance(value, list | tuple):
        return json.dumps(_plain(value), ensure_ascii=False)
    return value


def to_graphml(graph_dir: Path) -> bytes:
    """The view's network (:func:`historygraph.view.project`) as GraphML."""
    import networkx as nx

    from historygraph.config import load_config
    from historygraph.ontology import load_ontology
    from historygraph.query import load_dataset
    from historygraph.view import project

    config = load_config(graph_dir)
    network = project(load_dataset(config.trig_path), load_ontology(config.ontology_dirs).graph)
    flat = nx.MultiDiGraph()
    for node, attrs in network.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in attrs.items() if v is not None})
    for source, target, key, attrs in network.edges(keys=True, data=True):
        flat.add_edge(
            source, target, key=key, **{k: _flat(v) for k, v in attrs.items() if v is not None}
        )
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8")
    return buffer.getvalue()


def render(
    graph_dir: Path, fmt: str, *, ontology: bool = True, union_as_default: bool = False
) -> bytes:
    """The export of ``graph_dir`` in ``fmt`` (a key of :data:`FORMATS`)."""
    if union_as_default and fmt != "nq":
        raise ExportError(f"--union-as-default: only with --to or --format nq, not {fmt}")
    if fmt == "graphml":
        return to_graphml(graph_dir)
    dataset = export_dataset(graph_dir, ontology=ontology)
    if fmt == "nq":
        return to_nquads(dataset, union_as_default=union_as_default)
    if fmt == "nt":
        return to_ntriples(_union(dataset))
    if fmt == "trig":
        from historygraph.trig import serialize_trig

        return serialize_trig(dataset).encode("utf-8")
    if fmt == "ttl":
        return _union(dataset).serialize(format="turtle", encoding="utf-8")
    if fmt == "jsonld":
        from rdflib import Dataset
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        from historygraph.namespaces import PREFIXES

        copy = Dataset()
        for name, graph in named_graphs(dataset):
            target = copy.graph(DATASET_DEFAULT_GRAPH_ID if name is None else graph.identifier)
            for triple in graph:
                target.add(triple)
        return copy.serialize(format="json-ld", context=dict(PREFIXES), encoding="utf-8")
    raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


# ------------------------------------------------------------ Graph Store Protocol


def _split_credentials(url: str) -> tuple[str, str | None, str]:
    """Split user:password out of ``url``: (url without it, Authorization header, url to show)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ExportError(f"{url}: not an http(s) URL of a Graph Store Protocol endpoint")
    if parts.username is None:
        return url, None, url
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    clean = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    token = base64.b64encode(f"{parts.username}:{parts.password or ''}".encode()).decode()
    return clean, f"Basic {token}", clean


def graph_url(endpoint: str, name: str | None) -> str:
    """The Graph Store Protocol URL of a named graph (``?graph=``) or the default graph.

    >>> graph_url("http://localhost:7878/store", "https://ex.org/g#1")
    'http://localhost:7878/store?graph=https%3A%2F%2Fex.org%2Fg%231'
    >>> graph_url("http://h/ds/data?x=1", None)
    'http://h/ds/data?x=1&default'
    """
    joiner = "&" if urlsplit(endpoint).query else "?"
    return endpoint + joiner + ("default" if name is None else "graph=" + quote(name, safe=""))


def _send(
    method: str,
    url: str,
    body: bytes,
    auth: str | None,
    *,
    shown: str,  # what the error message names (no credentials)
    retries: int,
    timeout: float,
    sleep: Callable[[float], None],
) -> int:
    """Send one request with retries; return the number of attempts it took."""
    headers = {"Content-Type": "text/turtle; charset=utf-8", "User-Agent": "historygraph-export"}
    if auth:
        headers["Authorization"] = auth
    problem = ""
    for attempt in range(1, retries + 2):
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                answer.read()
                return attempt
        except urllib.error.HTTPError as e:
            detail = " ".join(e.read(300).decode("utf-8", "replace").split())
            problem = f"HTTP {e.code} {e.reason}" + (f": {detail}" if detail else "")
            if e.code not in RETRY_STATUS:
                raise ExportError(f"{method} {shown}: {problem}") from e
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            problem = f"cannot connect: {reason}"
        if attempt <= retries:
            sleep(min(0.5 * 2 ** (attempt - 1), 8.0))
    raise ExportError(f"{method} {shown}: {problem} (gave up after {retries + 1} attempts)")


def push(
    dataset: Dataset,
    endpoint: str,
    *,
    mode: str = "replace",
    union_as_default: bool = False,
    retries: int = 3,
    timeout: float = 60.0,
    sleep: Callable[[float], None] = time.sleep,
    progress: Callable[[str], None] | None = None,
) -> PushReport:
    """Send every graph of ``dataset`` to a SPARQL 1.1 Graph Store Protocol endpoint.

    Args:
        dataset: What to send (see :func:`export_dataset`).
        endpoint: The store's Graph Store Protocol URL, e.g. ``http://localhost:7878/store``
            (Oxigraph) or ``http://localhost:3030/ds/data`` (Fuseki); ``user:password@``
            in the URL is sent as HTTP Basic authentication and never printed.
        mode: ``replace`` (PUT: each graph's old content is dropped) or ``merge`` (POST).
        union_as_default: Also send the union of all graphs as the default graph.
        retries: Further attempts after a failed connection or a 408/429/5xx answer.
        timeout: Seconds to wait for each answer.
        sleep: How to wait between attempts (tests pass a no-op).
        progress: Called with one line per graph sent.

    Raises:
        ExportError: a graph could not be sent; the message names it and the answer.
    """
    if mode not in {"replace", "merge"}:
        raise ExportError(f"--mode {mode}: choose replace or merge")
    method = "PUT" if mode == "replace" else "POST"
    base, auth, shown_base = _split_credentials(endpoint)
    graphs = named_graphs(dataset, union_as_default=union_as_default)
    total = attempts = 0
    for name, graph in graphs:
        body = to_ntriples(graph)
        attempts += _send(
            method,
            graph_url(base, name),
            body,
            auth,
            shown=f"{'the default graph' if name is None else f'<{name}>'} to {shown_base}",
            retries=retries,
            timeout=timeout,
            sleep=sleep,
        )
        total += len(graph)
        if progress:
            progress(f"{method} {name or 'default graph'}: {len(graph)} triples")
    return PushReport(graphs=len(graphs), triples=total, attempts=attempts)


# ------------------------------------------------------------ command line


def _at_least(kind: Callable[[str], Any], low: float) -> Callable[[str], Any]:
    """An argparse type: ``kind`` of the text, at least ``low``."""

    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError as e:
            raise argparse.ArgumentTypeError(f"not a number: {text}") from e
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low:g}, got {text}")
        return value

    return parse


def _iter_help() -> Iterator[str]:
    for name, what in FORMATS.items():
        yield f"  {name:8} {what}"


def _cmd_export(args: argparse.Namespace) -> int:
    from historygraph.fsutil import atomic_write_bytes

    graph_dir = Path(args.graph_dir)
    if args.output is not None and args.to:
        raise ExportError("--output: only with --format (--to sends the graphs over HTTP)")
    if args.to:
        dataset = export_dataset(graph_dir, ontology=not args.no_ontology)
        report = push(
            dataset,
            args.to,
            mode=args.mode,
            union_as_default=args.union_as_default,
            retries=args.retries,
            timeout=args.timeout,
            progress=None if args.quiet else lambda line: print(line, file=sys.stderr),
        )
        _, _, shown = _split_credentials(args.to)
        print(f"pushed {report.graphs} graphs ({report.triples} triples) to {shown} ({args.mode})")
        return 0
    data = render(
        graph_dir,
        args.format,
        ontology=not args.no_ontology,
        union_as_default=args.union_as_default,
    )
    if args.output in {None, "-"}:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write_bytes(Path(args.output), data)
        print(f"wrote {args.output} ({len(data)} bytes, {args.format})", file=sys.stderr)
    return 0


def add_parser(subparsers: Any) -> None:
    """Register ``historygraph export``."""
    p = subparsers.add_parser(
        "export",
        help="write the graph for bulk loaders, or push it to a SPARQL store (Graph Store Protocol)",
        description="Export the built graph of GRAPH_DIR, with the ontology's schema graph (so canned "
        "queries answer the same elsewhere), either as a file (--format) or by pushing every named "
        "graph unchanged to a SPARQL 1.1 Graph Store Protocol endpoint (--to).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="formats:\n" + "\n".join(_iter_help()) + "\n\nexamples:\n"
        "  historygraph export graphs/black-january --format nq --output black-january.nq\n"
        "  historygraph export graphs/black-january --format graphml > black-january.graphml\n"
        "  historygraph export graphs/black-january --to http://localhost:7878/store\n"
        "  historygraph export graphs/black-january --to http://localhost:3030/ds/data --mode merge",
    )
    p.add_argument("graph_dir", metavar="GRAPH_DIR")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("-f", "--format", choices=list(FORMATS), help="write a file in this format")
    target.add_argument(
        "--to", metavar="URL", help="push to this Graph Store Protocol endpoint (http or https)"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="with --format: where to write (default: stdout)"
    )
    p.add_argument(
        "--mode",
        choices=["replace", "merge"],
        default="replace",
        help="with --to: PUT (replace each graph, the default) or POST (merge into it)",
    )
    p.add_argument(
        "--no-ontology", action="store_true", help="leave out the ontology's schema graph"
    )
    p.add_argument("--union-as-default", action="store_true", help=UNION_HELP)
    p.add_argument(
        "--retries",
        type=_at_least(int, 0),
        default=3,
        metavar="N",
        help="with --to: attempts after a failure (default: 3)",
    )
    p.add_argument(
        "--timeout",
        type=_at_least(float, 0.001),
        default=60.0,
        metavar="S",
        help="with --to: seconds to wait for each answer (default: 60)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    p.set_defaults(func=_cmd_export)
