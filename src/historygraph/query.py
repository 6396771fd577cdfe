"""SPARQL over a built graph: canned queries, safety checks, time limits, result formats.

Queries run over the union of all named graphs, with the common prefixes
predeclared, on either store of :mod:`historygraph.store` (rdflib in memory
or Oxigraph on disk) with the same results. The query command is read-only:
updates (INSERT, DELETE, LOAD, CLEAR, ...) and ``SERVICE`` (federated calls out
of the machine) are refused by :func:`prepare`, with rdflib's parser, before
any engine sees the query. Importing this module also switches off rdflib's
loading of ``FROM <url>`` graphs from the web (``SPARQL_LOAD_GRAPHS``): a
``FROM`` clause only selects graphs of the dataset, as in Oxigraph.

A time limit (:func:`run_query`'s ``timeout``) evaluates the query in a forked
child process that is killed when the limit passes: neither rdflib (pure
Python) nor Oxigraph (one blocking call into Rust) can be interrupted in a
thread. Where ``fork`` is unavailable the query runs in a daemon thread and is
abandoned, still running, when it times out.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import threading
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import rdflib.plugins.sparql
from rdflib import Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result, ResultRow

from historygraph import errors
from historygraph.config import GraphConfig
from historygraph.errors import HistorygraphError, QueryError, QueryTimeout
from historygraph.namespaces import PREFIXES

if TYPE_CHECKING:
    from rdflib.plugins.sparql.sparql import Query

    from historygraph.store import Backend

rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # FROM <url> must never fetch

FORMATS = ("table", "csv", "tsv", "json", "xml")
#: ``--reason`` profiles; anything but ``none`` needs :mod:`historygraph.inference`.
REASON_PROFILES = ("none", "rdfs", "owlrl")
#: Default time limit of ``historygraph query``, in seconds.
DEFAULT_TIMEOUT = 30.0
#: Default number of rows ``--format table`` shows of a SELECT without LIMIT.
DEFAULT_TABLE_LIMIT = 1000

_SPARQL_START = re.compile(
    r"^\s*(?:#[^\n]*\n\s*)*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|WITH|ADD|MOVE|COPY)\b",
    re.IGNORECASE,
)
_UPDATE_WORDS = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", re.IGNORECASE
)
_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix\s*:\s*(\S+)")


BUILTIN_QUERIES = Path(__file__).resolve().parent / "queries"


@dataclass(frozen=True)
class CannedQuery:
    """A canned query: a graph's ``queries/NAME.rq`` or one of historygraph's own."""

    name: str
    title: str
    path: Path
    builtin: bool = False


def _read_canned(path: Path, builtin: bool) -> CannedQuery:
    first = path.read_text(encoding="utf-8").splitlines()[:1]
    title = (
        first[0][len("# title:") :].strip()
        if first and first[0].startswith("# title:")
        else path.stem
    )
    return CannedQuery(path.stem, title, path, builtin)


def canned_queries(config: GraphConfig) -> list[CannedQuery]:
    """The canned queries of a graph, sorted by name, with their ``# title:`` lines.

    They are historygraph's built-in questions, which hold for every graph
    (``timeline``, ``figures``, ``actors``, ``places``, ``evidence``,
    ``disagreements``), and the graph's own ``queries/*.rq``; a graph's file of
    a built-in's name replaces it.
    """
    found = {path.stem: _read_canned(path, True) for path in BUILTIN_QUERIES.glob("*.rq")}
    found.update({path.stem: _read_canned(path, False) for path in config.queries_dir.glob("*.rq")})
    return [found[name] for name in sorted(found)]


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


# --- parsing and checking --------------------------------------------------------


def _line_col(text: str, loc: int) -> tuple[int, int]:
    """1-based line and column of character offset ``loc``.

    >>> _line_col("ab\\ncd", 4)
    (2, 2)
    """
    loc = max(0, min(loc, len(text)))
    return text.count("\n", 0, loc) + 1, loc - (text.rfind("\n", 0, loc) + 1) + 1


def _source_line(text: str, line: int) -> str:
    lines = text.splitlines() or [""]
    return lines[min(line, len(lines)) - 1]


_GRAMMAR_LOCK = threading.Lock()


@functools.cache
def _terminals(rule: str = "QueryUnit") -> tuple[Any, ...]:
    """Every terminal (literal, keyword, regex) below a rule of rdflib's SPARQL grammar."""
    import pyparsing as pp
    from rdflib.plugins.sparql import parser

    seen: dict[int, Any] = {}
    stack: list[Any] = [getattr(parser, rule)]
    while stack:
        element = stack.pop()
        if id(element) in seen:
            continue
        seen[id(element)] = element
        stack.extend(getattr(element, "exprs", None) or [])
        if getattr(element, "expr", None) is not None:
            stack.append(element.expr)
    return tuple(e for e in seen.values() if isinstance(e, pp.Token))


def _furthest_failure(text: str) -> tuple[int, list[str]] | None:
    """Where rdflib's parser got furthest before failing, and what it expected there.

    pyparsing reports the start of the outermost alternative that failed
    (often the start of a whole group); the furthest position at which any
    terminal failed to match is where the text stops being SPARQL. Found by
    parsing once more with failure hooks on the grammar's terminals.
    """
    import pyparsing as pp
    from rdflib.plugins.sparql import parser

    best: list[Any] = [-1, set()]

    def failed(instring: str, loc: int, expr: Any, exc: Exception, *rest: Any) -> None:
        if instring is not text:  # another thread parsing meanwhile
            return
        where = getattr(exc, "loc", loc)
        if where > best[0]:
            best[0], best[1] = where, set()
        if where == best[0] and isinstance(expr, pp.Literal | pp.Keyword):
            best[1].add(expr.match)

    def nothing(*_: Any) -> None:
        return None

    terminals = _terminals()
    with _GRAMMAR_LOCK:
        saved = [(t, t.debug, t.debugActions) for t in terminals]
        try:
            for t in terminals:
                t.set_debug_actions(nothing, nothing, failed)
            parser.parseQuery(text)
        except Exception:
            pass
        finally:
            for t, debug, actions in saved:
                t.debugActions = actions
                t.debug = debug
    if best[0] < 0:
        return None
    return int(best[0]), _describe_expected(best[1])


#: Operators that continue an expression: summarised as "an operator".
_OPERATORS = frozenset(
    {"!=", "&&", "||", "*", "+", "-", "/", "<", ">", "<=", ">=", "=", "IN", "NOT"}
)
#: Tokens that start an RDF term or a variable: summarised as "a term".
_TERM_STARTS = frozenset({"true", "false", "$", "?", "(", "[", "<", ":", "+", "-", "_:", "'", '"'})


@functools.cache
def _function_words() -> frozenset[str]:
    """The names of SPARQL's built-in functions and aggregates."""
    return frozenset(
        t.match
        for rule in ("BuiltInCall", "Aggregate")
        for t in _terminals(rule)
        if isinstance(getattr(t, "match", None), str) and t.match[:1].isalpha()
    )


def _describe_expected(tokens: set[str]) -> list[str]:
    """What the parser expected, with term and expression starts summarised.

    >>> _describe_expected({"true", "false", "<", "}", "."})
    ["'.'", "'}'", 'a term (IRI, variable or literal)']
    """
    tokens = set(tokens)
    summary = []
    if "ABS" in tokens:  # every built-in function: an expression goes here
        tokens -= _function_words() | _TERM_STARTS | {"!"}
        summary.append("an expression")
    elif "true" in tokens:
        tokens -= _TERM_STARTS
        summary.append("a term (IRI, variable or literal)")
    if "&&" in tokens:  # the expression could go on
        tokens -= _OPERATORS
        summary.append("an operator")
    punctuation = sorted(t for t in tokens if not t[:1].isalpha())
    words = sorted(t for t in tokens if t[:1].isalpha())
    return [f"'{t}'" for t in punctuation + words] + summary


def _found(text: str, loc: int) -> str:
    """The token at ``loc`` for an error message."""
    match = re.compile(r"[\w:?$\-]+|\S").match(text, loc)
    return "end of query" if match is None else repr(match.group(0)[:20])


def _syntax_error(text: str, name: str, exc: Exception) -> QueryError:
    """A one-line :class:`QueryError` with line, column and the offending line."""
    message = str(exc).split(",  (at char")[0].split(" (at char")[0]
    prefix = _UNKNOWN_PREFIX.search(message)
    loc: int | None  # None: the exception gives no character offset
    if prefix is not None:
        undeclared = prefix.group(1).rstrip(":")
        match = re.search(rf"(?<![\w:<#/\-]){re.escape(undeclared)}:", text)
        loc = match.start() if match else 0
        line, col = _line_col(text, loc)
        known = " ".join(PREFIXES)
        return QueryError(
            f"{name}:{line}:{col}: SPARQL syntax error: prefix '{undeclared}:' is not declared "
            f"(add PREFIX {undeclared}: <...>; predeclared: {known}): "
            f"{_source_line(text, line).strip()!r}"
        )
    loc = getattr(exc, "loc", None)
    furthest = _furthest_failure(text) if isinstance(loc, int) else None
    if furthest is not None and furthest[0] >= loc:  # type: ignore[operator]
        loc, expected = furthest
        if expected == ["':'"]:  # a bare word read as the start of a prefixed name
            while loc > 0 and (text[loc - 1].isalnum() or text[loc - 1] == "_"):
                loc -= 1
            expected = []
        while loc < len(text) and text[loc].isspace():
            loc += 1
        detail = f"unexpected {_found(text, loc)}"
        if loc >= len(text):  # point just after the last word, not at a blank last line
            loc = len(text.rstrip())
        if expected:
            shown = expected if len(expected) <= 8 else [*expected[:7], "…"]
            detail += f" (expected {' or '.join([', '.join(shown[:-1]), shown[-1]] if len(shown) > 1 else shown)})"
    elif isinstance(loc, int):
        detail = message
    else:
        line = int(getattr(exc, "lineno", 0) or 0)
        where = f"{name}:{line}:{getattr(exc, 'col', 1)}" if line else name
        return QueryError(f"{where}: SPARQL error: {message}")
    line, col = _line_col(text, loc)
    return QueryError(
        f"{name}:{line}:{col}: SPARQL syntax error: {detail} in line {line}: "
        f"{_source_line(text, line).strip()!r}"
    )


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


_PARSED = threading.local()
_PARSED_MAX = 128


def _parse(text: str) -> Query:
    """rdflib's ``prepareQuery``, remembered per thread (LRU of :data:`_PARSED_MAX` texts).

    Per thread, because rdflib's evaluation writes into the algebra it walks
    (``Expr.ctx``): one parsed query must not be evaluated by two threads at once.
    """
    from rdflib.plugins.sparql import prepareQuery

    cache: dict[str, Query] | None = getattr(_PARSED, "cache", None)
    if cache is None:
        cache = _PARSED.cache = {}
    found = cache.pop(text, None)
    if found is None:
        found = prepareQuery(text, initNs=PREFIXES)
        if len(cache) >= _PARSED_MAX:
            del cache[next(iter(cache))]
    cache[text] = found  # most recently used last
    return found


def prepare(text: str, name: str = "<query>") -> Any:
    """Parse and check a query; refuse updates and SERVICE.

    Parsed queries are cached by text (per thread), so repeating a query costs
    no parsing.

    Raises:
        QueryError: a syntax error (with line, column and the offending line),
            an update, or a SERVICE clause.
    """
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        prepared = _parse(text)
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
        raise _syntax_error(text, name, e) from e
    if not getattr(prepared, "_hg_local", False):  # checked once per parsed (cached) query
        for node in _walk(prepared.algebra):
            if getattr(node, "name", None) == "ServiceGraphPattern":
                raise QueryError(f"{name}: SERVICE is refused: queries run only on the local graph")
        cast(Any, prepared)._hg_local = True  # a mark of our own on rdflib's Query
    return prepared


def is_unbounded_select(prepared: Any) -> bool:
    """True for a SELECT without LIMIT (the table output's row guard applies)."""
    algebra = prepared.algebra
    if algebra.name != "SelectQuery":
        return False
    top = algebra.p
    return not (
        getattr(top, "name", None) == "Slice" and "length" in top and top["length"] is not None
    )


# --- explaining ----------------------------------------------------------------

_PATTERN_KEYS = ("p", "p1", "p2")


def _inline(value: Any, ns: Any) -> str:
    from rdflib.paths import Path as RdfPath
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(value, Variable):
        return f"?{value}"
    if isinstance(value, URIRef | Literal | RdfPath):
        return value.n3(ns)
    if isinstance(value, CompValue):
        args = ", ".join(
            f"{k}={_inline(v, ns)}"
            for k, v in value.items()
            if not k.startswith("_") and v is not None
        )
        return f"{value.name}({args})"
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(_inline(v, ns) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{_inline(k, ns)}: {_inline(v, ns)}" for k, v in value.items()) + "}"
        )
    return str(value)


def _render(node: Any, depth: int, lines: list[str], ns: Any) -> None:
    from rdflib.plugins.sparql.parserutils import CompValue

    pad = "  " * depth
    if not isinstance(node, CompValue):
        lines.append(pad + _inline(node, ns))
        return
    if node.name == "BGP":
        lines.append(f"{pad}BGP")
        for triple in node.get("triples") or []:
            lines.append(pad + "  " + " ".join(_inline(t, ns) for t in triple) + " .")
        return
    details = []
    for key, value in node.items():
        if key.startswith("_") or key in _PATTERN_KEYS or value is None:
            continue
        if key == "expr" and getattr(value, "name", None) == "TrueFilter":
            continue
        details.append(f"{key}={_inline(value, ns)}")
    lines.append(pad + node.name + (" " + " ".join(details) if details else ""))
    for key in _PATTERN_KEYS:
        if key in node and node[key] is not None:
            _render(node[key], depth + 1, lines, ns)


def explain(text: str, name: str = "<query>") -> str:
    """The SPARQL algebra of a query (rdflib's ``translateQuery``), one operator a line.

    >>> print(explain("SELECT ?e WHERE { ?e a hg:Massacre } LIMIT 3"))
    SelectQuery PV=[?e]
      Slice start=0 length=3
        Project PV=[?e]
          BGP
            ?e rdf:type hg:Massacre .

    Raises:
        QueryError: as :func:`prepare`.
    """
    prepared = prepare(text, name)
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)
    lines: list[str] = []
    _render(prepared.algebra, 0, lines, graph.namespace_manager)
    return "\n".join(lines)


def oxigraph_explain(store_path: Path, text: str, timeout: float | None = None) -> str | None:
    """Oxigraph's own plan of ``text`` over the store at ``store_path``, if it can be had.

    pyoxigraph does not expose query plans; the ``oxigraph`` command line does
    (``oxigraph query --explain``), so this runs it, on a hard-linked backup of
    the store (the command opens its store for writing), and returns what it
    prints. It evaluates the query. Returns None when the command is not installed.
    """
    import shutil
    import subprocess
    import sys
    import tempfile

    import pyoxigraph as ox

    exe = shutil.which("oxigraph") or shutil.which(
        "oxigraph", path=str(Path(sys.executable).parent)
    )
    if exe is None:
        return None
    declared = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    with tempfile.TemporaryDirectory(prefix=".explain-", dir=store_path.parent) as tmp:
        backup = Path(tmp) / "store"
        ox.Store.read_only(str(store_path)).backup(str(backup))
        query_file = Path(tmp) / "query.rq"
        query_file.write_text(declared + text, encoding="utf-8")
        try:
            done = subprocess.run(
                [
                    exe,
                    *("query", "--location", str(backup), "--query-file", str(query_file)),
                    *("--results-file", str(Path(tmp) / "out.srj"), "--results-format", "json"),
                    "--explain",
                ],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as e:
            raise QueryTimeout(f"oxigraph query --explain: stopped after {timeout:g} s") from e
    return _compact_plan(done.stderr) or None


def _compact_plan(debug: str) -> str:
    r"""Oxigraph's plan (Rust ``Debug`` output) as one indented operator a line.

    >>> print(_compact_plan('Node {\n    name: "Slice",\n    children: [\n        Node {\n'
    ...     '            name: "QuadPattern(?s ?p ?o)",\n        },\n    ],\n}'))
    Slice
      QuadPattern(?s ?p ?o)
    """
    lines = []
    base = None
    for line in debug.splitlines():
        stripped = line.lstrip()
        if not stripped.startswith('name: "'):
            if stripped.startswith("planning duration"):
                lines.append(stripped.rstrip(","))
            continue
        indent = len(line) - len(stripped)
        base = indent if base is None else min(base, indent)
        name = stripped[len('name: "') :].rstrip(",").removesuffix('"').replace('\\"', '"')
        lines.append((indent, name))  # type: ignore[arg-type]
    if base is None:
        return debug.strip()
    out = []
    for item in lines:
        if isinstance(item, str):
            out.append(item)
        else:
            indent, name = item
            out.append("  " * ((indent - base) // 8) + name)
    return "\n".join(out)


# --- evaluating ------------------------------------------------------------------


def _as_backend(dataset: Any) -> Backend:
    from historygraph.store import MemoryBackend

    return dataset if hasattr(dataset, "evaluate") else MemoryBackend(dataset)


@contextlib.contextmanager
def _named_errors(name: str) -> Iterator[None]:
    """Errors raised while evaluating: prefixed with the query's name, foreign ones as QueryError."""
    try:
        yield
    except HistorygraphError as e:
        raise type(e)(f"{name}: {e}") from e
    except Exception as e:  # evaluation errors (bad function arguments, ...)
        raise QueryError(f"{name}: query failed: {e}") from e


def _evaluate_here(backend: Backend, text: str, prepared: Any, name: str) -> Result:
    """Evaluate in this thread; SELECT rows are materialised so errors surface here."""
    with _named_errors(name):
        result = backend.evaluate(text, prepared)
        if result.type == "SELECT":
            result.bindings  # noqa: B018  (rdflib evaluates lazily)
    return result


def select_rows(
    backend: Backend, text: str, name: str = "<query>"
) -> tuple[list[str], list[list[Any]]] | None:
    """A SELECT's variable names and rows, without a time limit, from a backend that answers
    them directly (the Oxigraph store); None for other backends and other query forms.

    The query gets the same checks as in :func:`run_query`.
    """
    direct = getattr(backend, "select_rows", None)
    if direct is None:
        return None
    if prepare(text, name).algebra.name != "SelectQuery":
        return None
    with _named_errors(name):
        return direct(text)  # type: ignore[no-any-return]


def _pack(result: Result) -> tuple[Any, ...]:
    if result.type == "ASK":
        return ("ASK", bool(result.askAnswer))
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        assert result.graph is not None
        return (result.type, list(result.graph))
    return ("SELECT", list(result.vars or []), [dict(b) for b in result.bindings])


def _unpack(payload: tuple[Any, ...]) -> Result:
    result = Result(payload[0])
    if payload[0] == "ASK":
        result.askAnswer = payload[1]
    elif payload[0] in {"CONSTRUCT", "DESCRIBE"}:
        graph = Graph()
        for triple in payload[1]:
            graph.add(triple)
        result.graph = graph
    else:
        result.vars = payload[1]
        result.bindings = payload[2]
    return result


def _timeout_error(name: str, timeout: float) -> QueryTimeout:
    return QueryTimeout(
        f"{name}: query stopped after {timeout:g} s (time limit; raise it with --timeout, "
        "or add LIMIT or more specific patterns)"
    )


def _evaluate_forked(
    backend: Backend, text: str, prepared: Any, name: str, timeout: float
) -> Result:
    """Evaluate in a forked child; kill it when ``timeout`` passes."""
    import multiprocessing
    import warnings

    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def child() -> None:
        reader.close()
        backend.after_fork()
        payload: tuple[Any, ...]
        try:
            payload = ("ok", _pack(_evaluate_here(backend, text, prepared, name)))
        except HistorygraphError as e:
            payload = ("error", type(e).__name__, str(e))
        except BaseException:
            payload = ("bug", traceback.format_exc())
        writer.send(payload)
        writer.close()

    process = context.Process(target=child, name="historygraph-query", daemon=True)
    with warnings.catch_warnings():  # Python >= 3.12 warns about fork with threads
        warnings.simplefilter("ignore", DeprecationWarning)
        process.start()
    writer.close()
    try:
        if not reader.poll(timeout):
            raise _timeout_error(name, timeout)
        try:
            answer = reader.recv()
        except EOFError:
            process.join(5)
            raise QueryError(
                f"{name}: the query process ended without an answer "
                f"(exit status {process.exitcode}; out of memory?)"
            ) from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        reader.close()
    if answer[0] == "ok":
        return _unpack(answer[1])
    if answer[0] == "error":
        raise getattr(errors, answer[1], QueryError)(answer[2])
    raise RuntimeError(f"{name}: the query process failed:\n{answer[1]}")


def _evaluate_in_thread(
    backend: Backend, text: str, prepared: Any, name: str, timeout: float
) -> Result:
    """Without fork: wait for a daemon thread; on timeout it is abandoned, still running."""
    box: list[Any] = []

    def work() -> None:
        try:
            box.append(("ok", _evaluate_here(backend, text, prepared, name)))
        except BaseException as e:
            box.append(("raise", e))

    thread = threading.Thread(target=work, name="historygraph-query", daemon=True)
    thread.start()
    thread.join(timeout)
    if not box:
        raise _timeout_error(name, timeout)
    kind, value = box[0]
    if kind == "raise":
        raise value
    return value  # type: ignore[no-any-return]


def run_query(
    dataset: Dataset | Graph | Backend,
    text: str,
    name: str = "<query>",
    *,
    timeout: float | None = None,
) -> Result:
    """Check and run one query over ``dataset``.

    Args:
        dataset: An rdflib Dataset/Graph or a :mod:`historygraph.store` backend.
        text: The SPARQL query (prefixes of :data:`~historygraph.namespaces.PREFIXES` predeclared).
        name: What error messages call the query (a file name, ``<query>``).
        timeout: Seconds after which the query is stopped (:class:`QueryTimeout`);
            None or 0 runs it in this thread without a limit.

    Returns:
        An rdflib Result with SELECT rows already evaluated.

    Raises:
        QueryError: refused, malformed or failing query; QueryTimeout on timeout.
    """
    import multiprocessing

    prepared = prepare(text, name)
    backend = _as_backend(dataset)
    if not timeout or timeout <= 0:
        return _evaluate_here(backend, text, prepared, name)
    if "fork" in multiprocessing.get_all_start_methods():
        return _evaluate_forked(backend, text, prepared, name, timeout)
    return _evaluate_in_thread(backend, text, prepared, name, timeout)


# --- reasoning ---------------------------------------------------------------------


def reasoned(backend: Backend, config: GraphConfig, profile: str) -> Backend:
    """``backend`` with its inferred graph replaced by what ``profile`` infers.

    ``graph.trig`` already holds the inferred graph of ``graph.toml``'s
    ``reasoning`` profile (``<base>graph/inferred``). This drops it and, unless
    ``profile`` is ``none``, adds :func:`historygraph.inference.materialise`'s
    entailments under that name instead, in a new in-memory backend of the
    same kind (``backend`` is not changed). ``none`` answers over the asserted
    triples (and the ontology's schema) only.

    Raises:
        QueryError: an unknown profile, or :mod:`historygraph.inference` is missing.
    """
    if profile not in REASON_PROFILES:
        raise QueryError(f"--reason must be one of {', '.join(REASON_PROFILES)}, got {profile!r}")
    try:
        from historygraph import inference
    except ImportError as e:
        raise QueryError(
            f"--reason {profile}: reasoning is not available (historygraph.inference is missing "
            "from this installation); query without --reason"
        ) from e
    from historygraph.store import with_triples

    triples: Any = ()
    if profile != "none":
        from historygraph.ontology import load_ontology

        ontology = load_ontology(config.ontology_dirs, cache_dir=config.cache_dir / "ontology")
        triples = inference.materialise(backend.dataset, ontology, profile)
    return with_triples(
        backend,  # type: ignore[arg-type]
        inference.inferred_graph_iri(config.base),
        iter(triples),
        drop=inference.is_inferred_graph,
    )


# --- loading (memory store) -------------------------------------------------------------


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
    ontology = load_ontology(config.ontology_dirs, cache_dir=config.cache_dir / "ontology")
    target = dataset.graph(ONTOLOGY_GRAPH)
    for triple in schema_graph(ontology):
        target.add(triple)
    return dataset


# --- formatting ------------------------------------------------------------------------


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


def format_table(result: Result, limit: int | None = None) -> str:
    """A plain-text table of a SELECT result (or ``true``/``false`` for ASK).

    Args:
        result: The result.
        limit: Show at most this many rows and say how many were cut (None: all).
    """
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    names = [str(v) for v in result.vars or []]
    every = list(cast("Iterable[ResultRow]", result))  # a SELECT answer: rows
    total = len(every)
    shown = every[:limit] if limit and total > limit else every
    rows = [[_cell(row[i]) for i in range(len(names))] for row in shown]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    if len(shown) < total:
        lines.append(
            f"(showing {len(shown)} of {total} rows: {total - len(shown)} cut; "
            "add LIMIT to the query, or pass --limit 0 to show every row)"
        )
    else:
        lines.append(f"({total} row{'s' if total != 1 else ''})")
    return "\n".join(lines)


def format_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV: ``?var`` header, terms in Turtle syntax."""
    from historygraph.trig import term

    if result.type == "ASK":
        return "?_askResult\n" + ("true" if result.askAnswer else "false") + "\n"
    names = [str(v) for v in result.vars or []]
    lines = ["\t".join(f"?{n}" for n in names)]
    for row in cast("Iterable[ResultRow]", result):  # a SELECT answer: rows
        cells = []
        for i in range(len(names)):
            value = row[i]
            cells.append("" if value is None else term(value, {}))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def format_result(result: Result, fmt: str, *, limit: int | None = None) -> str:
    """Render a result: SELECT/ASK in ``fmt``; CONSTRUCT/DESCRIBE as Turtle.

    ``limit`` caps the rows of the ``table`` format only (see :func:`format_table`).
    """
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        graph = result.graph
        assert graph is not None
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        return graph.serialize(format="turtle")
    if fmt == "table":
        return format_table(result, limit)
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "tsv":
        return format_tsv(result)
    buffer = io.BytesIO()
    result.serialize(destination=buffer, format=fmt, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
