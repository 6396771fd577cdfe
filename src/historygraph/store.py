"""Where a built graph lives at query time: rdflib's memory or an on-disk Oxigraph store.

Two backends answer SPARQL with the same semantics (the default graph is the
union of every named graph, the common prefixes are predeclared, the
ontology's schema is the named graph :data:`~historygraph.ontology.ONTOLOGY_GRAPH`):

* ``memory``: ``graph.trig`` parsed into an rdflib :class:`~rdflib.Dataset`
  on every open (fine for small graphs: about 20,000 triples a second);
* ``oxigraph``: a pyoxigraph (RocksDB) store in ``GRAPH_DIR/store/``,
  bulk-loaded once by ``historygraph build`` (or on first use) and then opened
  read-only in milliseconds, without parsing ``graph.trig`` again.

The choice comes from ``store = "memory" | "oxigraph" | "auto"`` in the
``[graph]`` table of ``graph.toml`` or from ``--store``; ``auto`` (the
default) picks Oxigraph when ``graph.trig`` is at least
:data:`AUTO_THRESHOLD_BYTES` long.

Oxigraph's own union default graph (``use_default_graph_as_union``) is a bag
in pyoxigraph 0.5: a triple stated in two named graphs (a place's label in the
reference graph and in a source graph) matches twice, so joins return
duplicate rows and counts are inflated (oxigraph/oxigraph#1919, fixed for
0.6). The store therefore keeps, besides the named graphs, their RDF merge in
its default graph (each triple once), and queries read that default graph:
the same answers as rdflib's union, row for row. It costs a second copy of
every triple on disk and in the load time.

The store is a cache of ``graph.trig`` plus the ontology's schema.
``GRAPH_DIR/store/meta.json`` records the SHA-256 of both; a store built from
another ``graph.trig`` or ontology is *stale* and is reloaded (never queried).
Loads go to a temporary folder that replaces ``store/`` only when complete
(a process still reading the replaced store may then fail: reload while no
server is running on the graph).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import re
import shutil
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.query import Result

from historygraph.config import MANIFEST, GraphConfig
from historygraph.errors import ConfigError, SourceError, StoreError
from historygraph.namespaces import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Dataset
    from rdflib.plugins.sparql.sparql import Query

    from historygraph.ontology import Ontology

#: Values of ``store`` in ``graph.toml`` and of ``--store``.
STORE_KINDS = ("memory", "oxigraph", "auto")
#: ``auto`` picks Oxigraph from this size of ``graph.trig`` on: 2 MB is about
#: 25,000 triples of the builder's TriG (about 80 bytes a triple), which rdflib
#: parses in 1 to 2 s on every query; Oxigraph opens its store in milliseconds.
AUTO_THRESHOLD_BYTES = 2_000_000
#: The store folder inside GRAPH_DIR (git-ignored).
STORE_DIR = "store"
#: Bumped whenever the layout or content of the store changes.
STORE_FORMAT = 2

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

Progress = Callable[[str], None]


# --- choosing -----------------------------------------------------------------


def configured_store(config: GraphConfig) -> str:
    """The ``store`` setting of ``GRAPH_DIR/graph.toml`` (``"auto"`` when absent).

    Raises:
        ConfigError: the value is not one of :data:`STORE_KINDS`.
    """
    manifest = config.directory / MANIFEST
    try:
        raw = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "auto"  # load_config has already reported a broken manifest
    graph = raw.get("graph", {})
    value = graph.get("store", "auto") if isinstance(graph, dict) else "auto"
    if value not in STORE_KINDS:
        raise ConfigError(
            f"{manifest} [graph]: 'store' must be one of {', '.join(STORE_KINDS)}, got {value!r}"
        )
    return str(value)


def choose_store(config: GraphConfig, requested: str | None = None, size: int | None = None) -> str:
    """Resolve ``requested`` (or the manifest's setting) to ``"memory"`` or ``"oxigraph"``.

    Args:
        config: The graph.
        requested: ``memory``, ``oxigraph``, ``auto`` or None for the manifest's choice.
        size: The size of ``graph.trig`` in bytes for ``auto`` (default: the file's).

    >>> from pathlib import Path
    >>> cfg = GraphConfig(Path("/nonexistent"), "g", "g", "https://e.org/", "m", ())
    >>> choose_store(cfg, "auto", size=10), choose_store(cfg, "auto", size=AUTO_THRESHOLD_BYTES)
    ('memory', 'oxigraph')
    """
    kind = requested or configured_store(config)
    if kind not in STORE_KINDS:
        raise ConfigError(f"store must be one of {', '.join(STORE_KINDS)}, got {kind!r}")
    if kind != "auto":
        return kind
    if size is None:
        try:
            size = config.trig_path.stat().st_size
        except OSError:
            size = 0
    return "oxigraph" if size >= AUTO_THRESHOLD_BYTES else "memory"


# --- the on-disk store: status, load ------------------------------------------


def store_dir(config: GraphConfig) -> Path:
    """``GRAPH_DIR/store``: the Oxigraph database (``oxigraph/``) and ``meta.json``."""
    return config.directory / STORE_DIR


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ontology_digest(config: GraphConfig) -> str:
    """SHA-256 of the ontology files (the same digest as ``Ontology.digest``), no parsing."""
    from historygraph.ontology import ontology_files

    digest = hashlib.sha256()
    for path in ontology_files(config.ontology_dirs):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class StoreStatus:
    """Whether ``GRAPH_DIR/store`` can answer for the current ``graph.trig`` and ontology."""

    fresh: bool
    reason: str
    quads: int = 0


def _pyoxigraph_version() -> str:
    import pyoxigraph

    return str(pyoxigraph.__version__)


def store_status(config: GraphConfig) -> StoreStatus:
    """Check the store against ``graph.trig`` and the ontology without opening it.

    ``graph.trig`` is hashed only when its size or modification time differ
    from the ones recorded at load time.
    """
    meta_path = store_dir(config) / "meta.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return StoreStatus(False, "no store yet")
    except (OSError, ValueError):
        return StoreStatus(False, f"{meta_path} is unreadable")
    if meta.get("format") != STORE_FORMAT:
        return StoreStatus(False, "the store was written by another version of historygraph")
    if meta.get("pyoxigraph") != _pyoxigraph_version():
        return StoreStatus(False, f"the store was written by pyoxigraph {meta.get('pyoxigraph')}")
    trig = config.trig_path
    try:
        stat = trig.stat()
    except FileNotFoundError as e:
        raise SourceError(f"{trig}: no built graph; run 'historygraph build {trig.parent}'") from e
    recorded = meta.get("graph_trig", {})
    same_file = (
        recorded.get("size") == stat.st_size and recorded.get("mtime_ns") == stat.st_mtime_ns
    )
    if not same_file and recorded.get("sha256") != _sha256_file(trig):
        return StoreStatus(False, "graph.trig changed since the store was loaded")
    if meta.get("ontology_sha256") != ontology_digest(config):
        return StoreStatus(False, "the ontology changed since the store was loaded")
    return StoreStatus(True, "up to date", int(meta.get("quads", 0)))


@dataclass
class PreparedStore:
    """A store bulk-loaded into a temporary folder, not yet in place (see :func:`prepare_store`)."""

    folder: Path
    quads: int
    ontology_digest: str

    def discard(self) -> None:
        """Delete the temporary folder."""
        shutil.rmtree(self.folder, ignore_errors=True)


class _Parts:
    """The TriG texts of a load, remembered as they are read (for the general path)."""

    def __init__(self, parts: Iterable[str]) -> None:
        self._rest = iter(parts)
        self.seen: list[str] = []

    def __iter__(self) -> Iterator[str]:
        for part in self._rest:
            self.seen.append(part)
            yield part

    def whole(self) -> str:
        """Every part, read or not, as one TriG document."""
        return "\n".join([*self.seen, *self._rest])


def prepare_store(
    config: GraphConfig, ontology: Ontology, text: str | Iterable[str], trig: Path
) -> PreparedStore:
    """Bulk-load TriG and the ontology's schema into a temporary folder.

    ``text`` is one TriG document or several (read one after the other: they
    may come from a queue that another thread fills; see :class:`StoreLoad`).
    ``build`` runs this in a thread while it infers, validates and draws the view
    (Oxigraph loads without holding the GIL), then calls :func:`commit_store`
    once ``graph.trig`` is written. ``trig`` only names the file in error messages.

    Raises:
        SourceError: the text is malformed TriG.
        StoreError: the folder cannot be written.
    """
    import pyoxigraph as ox

    from historygraph.ontology import ONTOLOGY_GRAPH, schema_graph

    parts = _Parts([text] if isinstance(text, str) else text)
    tmp = Path(tempfile.mkdtemp(prefix=".store-", dir=config.directory))
    try:
        schema = schema_graph(ontology).serialize(format="nt", encoding="utf-8")
        ontology_graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
        quads_count = None
        store = ox.Store(str(tmp / "oxigraph"))
        # Not our layout: start again (below, once the traceback is gone), quad by quad.
        with contextlib.suppress(_NotCanonicalError, SyntaxError):
            quads_count = _load_trig(store, parts, schema, ontology_graph)
        if quads_count is None:
            del store  # closes the database (its lock) before the folder is removed
            shutil.rmtree(tmp / "oxigraph")
            store = ox.Store(str(tmp / "oxigraph"))
        try:
            if quads_count is None:
                quads_count = _load_quads(store, parts.whole(), schema, ontology_graph)
        except SyntaxError as e:
            where = re.search(r"line (\d+) (?:between columns|column) (\d+)", str(e))
            at = f"{trig}:{where.group(1)}:{where.group(2)}" if where else str(trig)
            raise SourceError(f"{at}: bad TriG: {str(e).splitlines()[0]}") from e
        store.optimize()  # compacts the bulk-loaded runs: lookups get several times faster
        store.flush()
        del store
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(f"{store_dir(config)}: cannot write the Oxigraph store: {e}") from e
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return PreparedStore(tmp, quads_count, ontology.digest)


class _CancelledError(Exception):
    """The build no longer wants the store it started loading."""


class StoreLoad:
    """:func:`prepare_store` in a background thread, fed TriG documents as they are ready.

    ``build`` hands over the asserted graphs as soon as they are serialised and
    the inferred graph once inference is done; Oxigraph loads the first while
    Python computes the second.
    """

    def __init__(self, config: GraphConfig, ontology: Ontology, trig: Path) -> None:
        import queue

        self._queue: queue.Queue[str | type[_CancelledError] | None] = queue.Queue()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="historygraph-store")
        self._future = self._pool.submit(prepare_store, config, ontology, self._parts(), trig)
        self._closed = False

    def _parts(self) -> Iterator[str]:
        while True:
            part = self._queue.get()
            if part is None:
                return
            if part is _CancelledError:
                raise _CancelledError
            yield part  # type: ignore[misc]

    def add(self, text: str) -> None:
        """Queue one more TriG document for the load."""
        self._queue.put(text)

    def result(self) -> PreparedStore:
        """Close the queue, wait for the load and return it (its errors are raised here)."""
        if not self._closed:
            self._closed = True
            self._queue.put(None)
        try:
            return self._future.result()
        finally:
            self._pool.shutdown(wait=True)

    def cancel(self) -> None:
        """Stop feeding the load, wait for it to end and delete what it wrote."""
        if not self._closed:
            self._closed = True
            self._queue.put(_CancelledError)
        with contextlib.suppress(Exception):
            self._future.result().discard()
        self._pool.shutdown(wait=True)


def current_store_text(config: GraphConfig, ontology: Ontology) -> str | None:
    """The text of ``graph.trig`` if ``GRAPH_DIR/store`` holds exactly it and this ontology.

    A build that finds one can update the store in place (:func:`update_store`)
    instead of loading it again.
    """
    try:
        meta = json.loads((store_dir(config) / "meta.json").read_text(encoding="utf-8"))
        if (
            meta.get("format") != STORE_FORMAT
            or meta.get("pyoxigraph") != _pyoxigraph_version()
            or meta.get("ontology_sha256") != ontology.digest
        ):
            return None
        data = config.trig_path.read_bytes()
    except (OSError, ValueError):
        return None
    if hashlib.sha256(data).hexdigest() != meta.get("graph_trig", {}).get("sha256"):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _canonical_blocks(text: str) -> tuple[str, dict[str, str]]:
    """The prefix header and, per graph block opening line, the block's statements text.

    Raises:
        _NotCanonicalError: the text is not laid out as :mod:`historygraph.trig` writes it.
    """
    header, found = _scan_blocks(text)
    blocks: dict[str, str] = {}
    for opening, start, end in found:
        if opening in blocks:
            raise _NotCanonicalError(f"graph {opening} opened twice")
        blocks[opening] = text[start:end]
    return header, blocks


def _statements(body: str) -> set[str]:
    body = body.rstrip("\n")
    return set(_STATEMENT.split(body)) if body else set()


def update_store(config: GraphConfig, old_text: str, new_text: str) -> StoreStatus | None:
    """Change ``GRAPH_DIR/store`` from ``old_text``'s graph to ``new_text``'s, in place.

    Both texts must be historygraph's canonical TriG (one statement per subject
    and graph), ``old_text`` what the store holds (see
    :func:`current_store_text`) and ``new_text`` already written to
    ``graph.trig``. Only the statements that differ are parsed: the removed
    quads are deleted, the new ones added, and the merged default graph keeps
    every triple some named graph still states. ``meta.json`` is removed first
    and rewritten last, so an update that stops half-way leaves a store that
    reads as stale and is reloaded in full on next use.

    Returns:
        The new status, or None when the update cannot be done in place (another
        layout, blank nodes, the store is locked): then load it in full.
    """
    import pyoxigraph as ox

    try:
        old_header, old_blocks = _canonical_blocks(old_text)
        new_header, new_blocks = _canonical_blocks(new_text)
    except _NotCanonicalError:
        return None
    removed_parts: list[str] = []
    added_parts: list[str] = []
    for name in sorted(old_blocks.keys() | new_blocks.keys()):
        before, after = old_blocks.get(name, ""), new_blocks.get(name, "")
        if before == after:
            continue
        old_statements, new_statements = _statements(before), _statements(after)
        gone, new = old_statements - new_statements, new_statements - old_statements
        if gone:
            removed_parts.append(f"{name}\n" + "\n".join(sorted(gone)) + "\n}\n")
        if new:
            added_parts.append(f"{name}\n" + "\n".join(sorted(new)) + "\n}\n")
    removed_text = old_header + "".join(removed_parts)
    added_text = new_header + "".join(added_parts)
    if "_:" in removed_text or "_:" in added_text:
        return None  # blank nodes parsed twice are not the same nodes
    try:
        removed = list(ox.parse(input=removed_text.encode("utf-8"), format=ox.RdfFormat.TRIG))
        added = list(ox.parse(input=added_text.encode("utf-8"), format=ox.RdfFormat.TRIG))
    except SyntaxError:
        return None
    folder = store_dir(config)
    meta_path = folder / "meta.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        store = ox.Store(str(folder / "oxigraph"))
    except (OSError, ValueError):
        return None  # e.g. another process holds the store
    default = ox.DefaultGraph()
    try:
        meta_path.unlink()
        for quad in removed:
            store.remove(quad)
        store.extend(added)
        for quad in removed:
            still = any(
                not isinstance(q.graph_name, ox.DefaultGraph)
                for q in store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)
            )
            if not still:
                store.remove(ox.Quad(quad.subject, quad.predicate, quad.object, default))
        store.extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in added)
        store.flush()
        del store
        stat = config.trig_path.stat()
        meta["graph_trig"] = {
            "sha256": hashlib.sha256(new_text.encode("utf-8")).hexdigest(),
            "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
        }
        meta["quads"] = int(meta.get("quads", 0)) - len(removed) + len(added)
        atomic = meta_path.with_name(".meta.json.tmp")
        atomic.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        atomic.replace(meta_path)
    except OSError as e:
        raise StoreError(f"{folder}: cannot update the Oxigraph store: {e}") from e
    return StoreStatus(True, "updated", meta["quads"])


def commit_store(config: GraphConfig, prepared: PreparedStore) -> StoreStatus:
    """Record ``graph.trig``'s hash in the prepared store and put it in place of ``store/``.

    Raises:
        StoreError: the store cannot be written (the previous one is kept).
    """
    trig = config.trig_path
    final = store_dir(config)
    tmp = prepared.folder
    try:
        stat = trig.stat()
        meta = {
            "format": STORE_FORMAT,
            "pyoxigraph": _pyoxigraph_version(),
            "graph_trig": {
                "sha256": _sha256_file(trig),
                "size": stat.st_size,
                "mtime_ns": stat.st_mtime_ns,
            },
            "ontology_sha256": prepared.ontology_digest,
            "quads": prepared.quads,
        }
        (tmp / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        old = None
        if final.exists():
            old = Path(tempfile.mkdtemp(prefix=".store-old-", dir=config.directory))
            final.replace(old / STORE_DIR)
        tmp.replace(final)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as e:
        raise StoreError(f"{final}: cannot write the Oxigraph store: {e}") from e
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return StoreStatus(True, "loaded", prepared.quads)


def load_store(config: GraphConfig, ontology: Ontology | None = None) -> StoreStatus:
    """Bulk-load ``graph.trig`` and the ontology's schema into ``GRAPH_DIR/store``.

    The load goes to a temporary folder inside GRAPH_DIR that replaces
    ``store/`` only when complete, so a failure leaves the previous store.

    Raises:
        SourceError: ``graph.trig`` is missing or malformed.
        StoreError: the store cannot be written.
    """
    from historygraph.ontology import load_ontology

    trig = config.trig_path
    if not trig.is_file():
        raise SourceError(f"{trig}: no built graph; run 'historygraph build {trig.parent}'")
    if ontology is None:
        ontology = load_ontology(config.ontology_dirs, cache_dir=config.cache_dir / "ontology")
    try:
        text = trig.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise SourceError(f"{trig}: cannot read ({e})") from e
    return commit_store(config, prepare_store(config, ontology, text, trig))


def ensure_store(
    config: GraphConfig, *, refresh: bool = True, progress: Progress | None = None
) -> StoreStatus:
    """Make sure ``GRAPH_DIR/store`` matches ``graph.trig``; reload it when it does not.

    Args:
        config: The graph.
        refresh: Reload a missing or stale store; when False, raise instead.
        progress: Told (one line) when the store is reloaded, and why.

    Raises:
        StoreError: the store is stale and ``refresh`` is False.
    """
    status = store_status(config)
    if status.fresh:
        return status
    if not refresh:
        raise StoreError(
            f"{store_dir(config)}: not usable ({status.reason}); "
            f"run 'historygraph build {config.directory} --store oxigraph' or use --store memory"
        )
    if progress is not None:
        progress(f"loading {config.trig_path} into {store_dir(config)} ({status.reason})")
    return load_store(config)


#: The opening line of a graph block in historygraph's canonical TriG (``<name> {``).
_OPEN = re.compile(r"(?m)^(\S[^\n]* \{)\n")
#: Where a statement starts inside a block: a line indented by exactly four spaces.
_STATEMENT = re.compile(r"\n(?=    \S)")
#: Characters of TriG given to one ``bulk_load`` call: bounds Oxigraph's memory.
LOAD_CHUNK = 8 << 20


class _NotCanonicalError(ValueError):
    """The TriG text is not laid out as :mod:`historygraph.trig` writes it."""


def _scan_blocks(text: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The prefix header and each graph block of a canonical TriG text.

    :mod:`historygraph.trig` writes the prefixes, then each graph as a
    ``<name> {`` line, statements indented by four spaces (continuations by
    eight; no literal spans lines) and a ``}`` line. Each block is given as its
    opening line and the start and end of its statements in ``text``.

    Raises:
        _NotCanonicalError: the text is laid out otherwise.
    """
    first = _OPEN.search(text)
    if first is None:
        raise _NotCanonicalError("no graph block")
    header = text[: first.start()]
    if any(line and not line.startswith("@prefix ") for line in header.splitlines()):
        raise _NotCanonicalError("unexpected text before the first graph")
    blocks: list[tuple[str, int, int]] = []
    pos = first.start()
    while True:
        while text.startswith("\n", pos):
            pos += 1
        if pos >= len(text):
            return header, blocks
        opened = _OPEN.match(text, pos)
        if opened is None:
            raise _NotCanonicalError(f"unexpected text at character {pos}")
        close = text.find("\n}\n", opened.end() - 1)
        if close < 0:  # the last block, without a final newline
            close = text.find("\n}", opened.end() - 1)
            if close < 0 or close + 2 != len(text.rstrip("\n")):
                raise _NotCanonicalError("unclosed graph block")
        start, end = opened.end(), close + 1
        if start < end and text[start] != " ":
            raise _NotCanonicalError(f"unexpected text at character {start}")
        blocks.append((opened.group(1), start, end))
        pos = close + 3


def _canonical_chunks(text: str, size: int = LOAD_CHUNK) -> Iterator[tuple[str, str]]:
    """``(TriG, Turtle)`` pieces of a canonical TriG text, each about ``size`` characters.

    The graph blocks (:func:`_scan_blocks`) are cut between statements and each
    piece re-wrapped in its graph's braces (the TriG piece); the statements
    alone are Turtle for the merged default graph (the Turtle piece).

    Raises:
        _NotCanonicalError: the text is laid out otherwise (use the general path).
    """
    header, blocks = _scan_blocks(text)
    trig_parts: list[str] = []
    turtle_parts: list[str] = []
    filled = 0
    for opening, start, end in blocks:
        while start < end:
            cut = end
            if end - start > size:
                found = _STATEMENT.search(text, start + size, end)
                cut = found.start() + 1 if found else end
            piece = text[start:cut]
            trig_parts.append(f"{opening}\n{piece}}}\n")
            turtle_parts.append(piece)
            filled += cut - start
            start = cut
            if filled >= size:
                yield header + "".join(trig_parts), header + "".join(turtle_parts)
                trig_parts, turtle_parts, filled = [], [], 0
    if trig_parts:
        yield header + "".join(trig_parts), header + "".join(turtle_parts)


def _load_trig(
    store: pyoxigraph.Store, parts: Iterable[str], schema: bytes, schema_graph: Any
) -> int:
    """Bulk-load the TriG ``parts``, the merged default graph and ``schema``; return the quads read.

    The default graph must be the RDF merge of the named graphs (see
    :func:`with_merged_default`). A ``graph.trig`` written by
    :mod:`historygraph.trig` is loaded piece by piece (:func:`_canonical_chunks`)
    by Oxigraph's bulk loader, without a Python object per quad and with bounded
    memory; it raises :class:`_NotCanonicalError` for any other layout, and
    :func:`_load_quads` then loads quad by quad.
    """
    import pyoxigraph as ox

    default = ox.DefaultGraph()
    for text in parts:
        for trig_piece, turtle_piece in _canonical_chunks(text):
            store.bulk_load(input=trig_piece.encode("utf-8"), format=ox.RdfFormat.TRIG)
            store.bulk_load(
                input=turtle_piece.encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=default
            )
    for graph in (schema_graph, default):
        store.bulk_load(input=schema, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    # the default graph only (a SELECT query, so pyoxigraph answers with solutions)
    (row,) = cast(ox.QuerySolutions, store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    return len(store) - int(row["n"].value)


def _load_quads(store: pyoxigraph.Store, text: str, schema: bytes, schema_graph: Any) -> int:
    """The general path of :func:`_load_trig`: any TriG, parsed and loaded quad by quad."""
    import pyoxigraph as ox

    counter = _Counter()
    quads = itertools.chain(
        ox.parse(input=text, format=ox.RdfFormat.TRIG),
        (
            ox.Quad(t.subject, t.predicate, t.object, schema_graph)
            for t in ox.parse(input=schema, format=ox.RdfFormat.N_TRIPLES)
        ),
    )
    bulk_extend(store, with_merged_default(quads, counter))
    return counter.value


#: Quads handed to one ``bulk_extend`` call: pyoxigraph buffers a whole call in
#: memory (about 1 KB a quad), so a graph is loaded in slices of this size.
BULK_CHUNK = 250_000


def bulk_extend(store: pyoxigraph.Store, quads: Iterable[Any], chunk: int = BULK_CHUNK) -> None:
    """``store.bulk_extend(quads)`` in slices of ``chunk`` quads, to bound memory."""
    iterator = iter(quads)
    while batch := list(itertools.islice(iterator, chunk)):
        store.bulk_extend(batch)


class _Counter:
    value = 0


def with_merged_default(quads: Iterable[Any], counter: _Counter | None = None) -> Iterator[Any]:
    """Each quad of ``quads``, and a copy of it in the default graph if it is in a named graph.

    Bulk-loaded, the copies make the store's default graph the RDF merge of
    its named graphs (a triple stated in several graphs is stored once).
    ``counter.value`` counts the quads read.
    """
    import pyoxigraph as ox

    default_graph = ox.DefaultGraph
    quad = ox.Quad
    n = 0
    for q in quads:
        n += 1
        yield q
        if not isinstance(q.graph_name, default_graph):
            yield quad(q.subject, q.predicate, q.object)
    if counter is not None:
        counter.value = n


# --- term conversion ---------------------------------------------------------


def from_oxigraph(term: Any) -> Any:
    """An rdflib term for a pyoxigraph term (None stays None).

    ``xsd:string`` literals become plain literals, as rdflib parses them.
    """
    return _converter()(term)


def _converter() -> Callable[[Any], Any]:
    """The fast pyoxigraph → rdflib term converter (:func:`historygraph.oxterms.converter`)."""
    from historygraph.oxterms import converter

    return converter()


def to_oxigraph(term: Any) -> Any:
    """A pyoxigraph term for an rdflib term."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is None or str(term.datatype) == _XSD_STRING:
            return ox.Literal(str(term))
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    raise StoreError(f"cannot store {term!r} in Oxigraph")


def oxigraph_result(answer: Any) -> Result:
    """Turn a pyoxigraph query answer into an rdflib :class:`~rdflib.query.Result`."""
    import pyoxigraph as ox
    from rdflib import Graph

    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    convert = _converter()
    if isinstance(answer, ox.QueryTriples):
        result = Result("CONSTRUCT")
        graph = Graph()
        for triple in answer:
            graph.add((convert(triple.subject), convert(triple.predicate), convert(triple.object)))
        result.graph = graph
        return result
    result = Result("SELECT")
    names, rows = oxigraph_rows(answer)
    variables = [Variable(name) for name in names]
    result.vars = variables
    result.bindings = [
        {var: value for var, value in zip(variables, row, strict=True) if value is not None}
        for row in rows
    ]
    return result


def oxigraph_rows(answer: Any) -> tuple[list[str], list[list[Any]]]:
    """A pyoxigraph SELECT answer as variable names and rows of rdflib terms (None: unbound).

    :func:`oxigraph_result` keys these rows by ``Variable``; callers that want
    plain rows skip that (rdflib computes a ``Variable``'s hash in Python on every
    look-up).
    """
    convert = _converter()
    names = [v.value for v in answer.variables]
    rows = []
    made: dict[Any, Any] = {}  # a term repeated across rows is converted once
    for solution in answer:
        row: list[Any] = []
        for term in solution:
            if term is None:
                row.append(None)
                continue
            value = made.get(term)
            if value is None:
                value = made[term] = convert(term)
            row.append(value)
        rows.append(row)
    return names, rows


# --- backends ---------------------------------------------------------------


class Backend(Protocol):
    """Something that answers checked SPARQL queries over a built graph."""

    kind: str

    def evaluate(self, text: str, prepared: Query) -> Result:
        """Answer a query already checked by :func:`historygraph.query.prepare`."""
        ...

    @property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset (union default graph)."""
        ...

    def quads(self) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Every quad, as rdflib terms (graph name last)."""
        ...

    def after_fork(self) -> None:
        """Prepare to be used in a forked child process."""
        ...

    def close(self) -> None:
        """Release the store (the backend cannot be used afterwards)."""
        ...


class MemoryBackend:
    """``graph.trig`` (plus the ontology's schema) parsed into an rdflib Dataset."""

    kind = "memory"

    def __init__(self, dataset: Dataset) -> None:
        """Wrap an rdflib Dataset whose default graph is the union of its graphs."""
        self._dataset = dataset

    @property
    def dataset(self) -> Dataset:
        """The rdflib Dataset itself."""
        return self._dataset

    def evaluate(self, text: str, prepared: Query) -> Result:
        """Run the prepared query with rdflib's engine."""
        return self._dataset.query(prepared)

    def quads(self) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Every quad of the dataset."""
        for s, p, o, g in self._dataset.quads((None, None, None, None)):
            yield s, p, o, getattr(g, "identifier", g)

    def after_fork(self) -> None:
        """Nothing to do: the dataset is plain Python objects."""

    def close(self) -> None:
        """Nothing to release."""


class OxigraphBackend:
    """A pyoxigraph store: on disk, opened read-only, or in memory."""

    kind = "oxigraph"

    def __init__(self, path: Path | None = None, store: pyoxigraph.Store | None = None) -> None:
        """Open ``path`` read-only when first used, or wrap an existing ``store``."""
        if (path is None) == (store is None):
            raise ValueError("give exactly one of path and store")
        self.path = path
        self._store = store
        self._inherited: list[Any] = []
        self._dataset: Dataset | None = None
        self._prefixes = {k: str(v) for k, v in PREFIXES.items()}

    @property
    def store(self) -> pyoxigraph.Store:
        """The pyoxigraph store (opened read-only on first use)."""
        if self._store is None:
            import pyoxigraph as ox

            assert self.path is not None
            try:
                self._store = ox.Store.read_only(str(self.path))
            except OSError as e:
                raise StoreError(f"{self.path}: cannot open the Oxigraph store: {e}") from e
        return self._store

    @property
    def dataset(self) -> Dataset:
        """An rdflib Dataset over the named graphs of the store (through oxrdflib; no copy).

        The merged default graph is hidden, so ``quads()`` gives each named
        graph's triples as in ``graph.trig``. A triple stated in two named
        graphs is yielded once per graph by ``triples()`` (rdflib's memory
        store yields it once).
        """
        if self._dataset is None:
            from rdflib import Dataset

            self._dataset = Dataset(store=_named_graphs_view(self.store), default_union=True)
        return self._dataset

    def evaluate(self, text: str, prepared: Query) -> Result:
        """Run the query text with Oxigraph's engine.

        The default graph is the store's own, which holds the merge of the
        named graphs (see :func:`with_merged_default`), not Oxigraph's union.
        """
        return oxigraph_result(self._answer(text))

    def select_rows(self, text: str) -> tuple[list[str], list[list[Any]]]:
        """Run a SELECT already checked by :func:`historygraph.query.prepare`: names and rows."""
        import pyoxigraph as ox

        answer = self._answer(text)
        if not isinstance(answer, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        return oxigraph_rows(answer)

    def _answer(self, text: str) -> Any:
        """Oxigraph's answer to a checked query (the common prefixes predeclared)."""
        try:
            return self.store.query(text, prefixes=self._prefixes)
        except SyntaxError as e:  # rdflib accepted it, Oxigraph does not
            raise StoreError(f"Oxigraph cannot parse this query: {e}") from e

    def quads(self) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Every quad of the named graphs, as rdflib terms (the merged default graph left out)."""

        convert = _converter()
        for name in list(self.store.named_graphs()):
            graph = convert(name)
            for q in self.store.quads_for_pattern(None, None, None, name):
                yield convert(q.subject), convert(q.predicate), convert(q.object), graph

    def after_fork(self) -> None:
        """Reopen an on-disk store in the child (RocksDB handles do not survive fork).

        The inherited handle is kept alive, never used and never closed: the
        child exits without running destructors.
        """
        if self.path is not None and self._store is not None:
            self._inherited.append(self._store)
            self._store = None
            self._dataset = None

    def close(self) -> None:
        """Drop the store handle."""
        self._store = None
        self._dataset = None


def memory_backend(config: GraphConfig) -> MemoryBackend:
    """Parse ``graph.trig`` and add the ontology's schema (see ``query.open_dataset``)."""
    from historygraph.query import open_dataset

    return MemoryBackend(open_dataset(config))


def open_backend(
    config: GraphConfig,
    store: str | None = None,
    *,
    refresh: bool = True,
    progress: Progress | None = None,
) -> MemoryBackend | OxigraphBackend:
    """Open the graph of ``config`` in the store chosen by ``store`` or ``graph.toml``.

    For Oxigraph, a missing or stale store is (re)loaded from ``graph.trig``
    first (``progress`` is told why), or refused when ``refresh`` is False.

    Raises:
        ConfigError: an unknown store kind.
        SourceError: ``graph.trig`` is missing or malformed.
        StoreError: the store cannot be loaded or opened.
    """
    kind = choose_store(config, store)
    if kind == "memory":
        return memory_backend(config)
    ensure_store(config, refresh=refresh, progress=progress)
    return OxigraphBackend(store_dir(config) / "oxigraph")


def with_triples(
    backend: MemoryBackend | OxigraphBackend,
    graph_name: URIRef,
    triples: Iterable[tuple[Any, Any, Any]],
    drop: Callable[[Any], bool] = lambda name: False,
) -> MemoryBackend | OxigraphBackend:
    """A new in-memory backend of the same kind: ``backend``'s named graphs plus ``triples``.

    Args:
        backend: The graph to start from (not changed).
        graph_name: The named graph that receives ``triples`` (the union sees them).
        triples: The triples to add.
        drop: Named graphs (by IRI) to leave out, e.g. an earlier inferred graph.
    """
    if isinstance(backend, MemoryBackend):
        from rdflib import Dataset
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        dataset = Dataset(default_union=True)
        graphs: dict[Any, Any] = {}
        for s, p, o, g in backend.quads():
            if g is None or g == DATASET_DEFAULT_GRAPH_ID:
                dataset.default_context.add((s, p, o))
            elif not drop(g):
                if g not in graphs:
                    graphs[g] = dataset.graph(g)
                graphs[g].add((s, p, o))
        target = dataset.graph(graph_name)
        for triple in triples:
            target.add(triple)
        return MemoryBackend(dataset)
    import pyoxigraph as ox

    kept = [g for g in backend.store.named_graphs() if not drop(from_oxigraph(g))]
    name = ox.NamedNode(str(graph_name))
    quads = itertools.chain(
        itertools.chain.from_iterable(
            backend.store.quads_for_pattern(None, None, None, g) for g in kept
        ),
        (ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name) for s, p, o in triples),
    )
    memory = ox.Store()
    bulk_extend(memory, with_merged_default(quads))
    return OxigraphBackend(store=memory)


def _named_graphs_view(store: pyoxigraph.Store) -> Any:
    """An oxrdflib store over ``store`` that hides its default graph (the merge)."""
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    class NamedGraphsView(OxigraphStore):  # type: ignore[misc]
        """oxrdflib's store without the default graph in union lookups."""

        def triples(self, triple_pattern: Any, context: Any = None) -> Any:
            found = super().triples(triple_pattern, context)
            if context is not None:
                return found
            return (
                (triple, iter(graphs))
                for triple, contexts in found
                if (
                    graphs := [
                        g
                        for g in contexts
                        if g is not None and g.identifier != DATASET_DEFAULT_GRAPH_ID
                    ]
                )
            )

    return NamedGraphsView(store=store)
