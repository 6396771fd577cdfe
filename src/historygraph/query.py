"""SPARQL over a built graph: canned queries, safety checks, result formats.

Queries run over the union of all named graphs, with the common prefixes
predeclared. The query command is read-only: updates (INSERT, DELETE, LOAD,
CLEAR, ...) and ``SERVICE`` (federated calls out of the machine) are refused
before the engine sees the query.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result

from historygraph.config import GraphConfig
from historygraph.errors import QueryError
from historygraph.namespaces import PREFIXES

FORMATS = ("table", "csv", "tsv", "json", "xml")
_SPARQL_START = re.compile(
    r"^\s*(?:#[^\n]*\n\s*)*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|WITH|ADD|MOVE|COPY)\b",
    re.IGNORECASE,
)
_UPDATE_WORDS = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class CannedQuery:
    """A ``queries/*.rq`` file."""

    name: str
    title: str
    path: Path


def canned_queries(config: GraphConfig) -> list[CannedQuery]:
    """The graph's canned queries, sorted by name, with their ``# title:`` lines."""
    result = []
    for path in sorted(config.queries_dir.glob("*.rq")):
        first = path.read_text(encoding="utf-8").splitlines()[:1]
        title = (
            first[0][len("# title:") :].strip()
            if first and first[0].startswith("# title:")
            else path.stem
        )
        result.append(CannedQuery(path.stem, title, path))
    return result


def resolve_query(config: GraphConfig, query: str) -> tuple[str, str]:
    """Turn the QUERY argument into SPARQL text and a name for error messages.

    QUERY is inline SPARQL, a path to a ``.rq`` file, or a canned query name.

    Raises:
        QueryError: an unknown name or unreadable file.
    """
    if _SPARQL_START.match(query):
        return query, "<query>"
    path = Path(query)
    if path.suffix == ".rq" or path.is_file():
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except FileNotFoundError as e:
            raise QueryError(f"{path}: query file not found") from e
        except UnicodeDecodeError as e:
            raise QueryError(f"{path}: not valid UTF-8 at byte {e.start}") from e
    canned = {c.name: c for c in canned_queries(config)}
    if query in canned:
        return canned[query].path.read_text(encoding="utf-8"), str(canned[query].path)
    names = ", ".join(canned) or "none"
    raise QueryError(
        f"{query}: not SPARQL, not a .rq file and not a canned query of {config.name} (canned: {names})"
    )


def _position(text: str, exc: Exception) -> tuple[int, int, str]:
    line = getattr(exc, "lineno", None)
    col = getattr(exc, "col", None)
    loc = getattr(exc, "loc", None)
    if (line is None or col is None) and isinstance(loc, int):
        line = text.count("\n", 0, loc) + 1
        col = loc - (text.rfind("\n", 0, loc) + 1) + 1
    line = int(line or 1)
    col = int(col or 1)
    lines = text.splitlines() or [""]
    return line, col, lines[min(line, len(lines)) - 1]


def _walk(node: Any) -> Any:
    """Yield every algebra node below ``node``."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, list | tuple):
            stack.extend(current)


def prepare(text: str, name: str = "<query>") -> Any:
    """Parse and check a query; refuse updates and SERVICE.

    Raises:
        QueryError: a syntax error (with line, column and the offending line),
            an update, or a SERVICE clause.
    """
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        prepared = prepareQuery(text, initNs=PREFIXES)
    except Exception as e:
        is_update = False
        if _UPDATE_WORDS.search(text):
            try:
                parseUpdate(text)
                is_update = True
            except Exception:
                is_update = False
        if is_update:
            raise QueryError(
                f"{name}: updates (INSERT, DELETE, LOAD, CLEAR, ...) are refused: the graph is read-only"
            ) from e
        line, col, source = _position(text, e)
        message = str(e).split(",  (at char")[0].split(" (at char")[0]
        raise QueryError(
            f"{name}:{line}:{col}: SPARQL syntax error: {message}: {source.strip()!r}"
        ) from e
    for node in _walk(prepared.algebra):
        if getattr(node, "name", None) == "ServiceGraphPattern":
            raise QueryError(f"{name}: SERVICE is refused: queries run only on the local graph")
    return prepared


def load_dataset(path: Path) -> Dataset:
    """Parse a ``graph.trig`` into a dataset whose default graph is the union."""
    from historygraph.errors import SourceError

    dataset = Dataset(default_union=True)
    try:
        dataset.parse(path, format="trig")
    except FileNotFoundError as e:
        raise SourceError(f"{path}: no built graph; run 'historygraph build {path.parent}'") from e
    except Exception as e:
        line = getattr(e, "lines", None)
        where = f"{path}:{line + 1}" if isinstance(line, int) else str(path)
        raise SourceError(f"{where}: bad TriG: {getattr(e, '_why', None) or e}") from e
    return dataset


def open_dataset(config: GraphConfig) -> Dataset:
    """The built graph of ``config`` plus the ontology's schema as a named graph."""
    from historygraph.ontology import ONTOLOGY_GRAPH, load_ontology, schema_graph

    dataset = load_dataset(config.trig_path)
    ontology = load_ontology(config.ontology_dirs)
    target = dataset.graph(ONTOLOGY_GRAPH)
    for triple in schema_graph(ontology):
        target.add(triple)
    return dataset


def run_query(dataset: Dataset | Graph, text: str, name: str = "<query>") -> Result:
    """Check and run one query over ``dataset``."""
    prepared = prepare(text, name)
    try:
        return dataset.query(prepared)
    except Exception as e:  # evaluation errors (bad function arguments, ...)
        raise QueryError(f"{name}: query failed: {e}") from e


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(value).startswith(ns):
                return f"{prefix}:{str(value)[len(ns) :]}"
        return str(value)
    if isinstance(value, Literal):
        return str(value)
    return str(value)


def format_table(result: Result) -> str:
    """A plain-text table of a SELECT result (or ``true``/``false`` for ASK)."""
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    names = [str(v) for v in result.vars or []]
    rows = [[_cell(row[i]) for i in range(len(names))] for row in result]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def format_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV: ``?var`` header, terms in Turtle syntax."""
    from historygraph.trig import term

    if result.type == "ASK":
        return "?_askResult\n" + ("true" if result.askAnswer else "false") + "\n"
    names = [str(v) for v in result.vars or []]
    lines = ["\t".join(f"?{n}" for n in names)]
    for row in result:
        cells = []
        for i in range(len(names)):
            value = row[i]
            cells.append("" if value is None else term(value, {}))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def format_result(result: Result, fmt: str) -> str:
    """Render a result: SELECT/ASK in ``fmt``; CONSTRUCT/DESCRIBE as Turtle."""
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        graph = result.graph
        assert graph is not None
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        return graph.serialize(format="turtle")
    if fmt == "table":
        return format_table(result)
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "tsv":
        return format_tsv(result)
    buffer = io.BytesIO()
    result.serialize(destination=buffer, format=fmt, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
