"""The graph manifest, ``graph.toml``: name, base IRI, model, sources."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from historygraph.errors import ConfigError

MANIFEST = "graph.toml"
DEFAULT_MODEL = "en_core_web_sm"
BUILTIN_ONTOLOGY = "<builtin>"  # an entry of [graph] ontology: historygraph's own ontology


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (a JSON string is one), for writing graph.toml."""
    return json.dumps(value, ensure_ascii=False)


def builtin_ontology_dir() -> Path:
    """historygraph's own ontology folder, shipped with the package.

    In a source checkout, ``src/historygraph/ontology`` links to the project's
    ``ontology/``; an installed wheel carries a copy of it.
    """
    return (Path(__file__).resolve().parent / "ontology").resolve()


@dataclass(frozen=True)
class SourceConfig:
    """One source document as registered in the manifest."""

    file: str
    title: str
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    language: str = "en"
    note: str | None = None
    original: str | None = None  # the file the text was extracted from (Markdown, HTML)


@dataclass(frozen=True)
class GraphConfig:
    """A parsed ``graph.toml``."""

    directory: Path
    name: str
    title: str
    base: str
    model: str
    ontology_dirs: tuple[Path, ...]
    sources: tuple[SourceConfig, ...] = field(default_factory=tuple)

    @property
    def trig_path(self) -> Path:
        """Where the built graph is written."""
        return self.directory / "graph.trig"

    @property
    def html_path(self) -> Path:
        """Where the graph view is written."""
        return self.directory / "graph.html"

    @property
    def cache_dir(self) -> Path:
        """``GRAPH_DIR/.cache``: extraction results, SHACL results, the parsed ontology."""
        return self.directory / ".cache"

    @property
    def queries_dir(self) -> Path:
        """The folder of canned ``.rq`` queries."""
        return self.directory / "queries"


def _require_str(table: dict[str, object], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: '{key}' must be a non-empty string")
    return value


def _ontology_dirs(graph_dir: Path, entries: object, where: str) -> tuple[Path, ...]:
    """The ontology folders an ``ontology`` entry names, in load order.

    Each entry is a folder relative to the graph folder, or ``"<builtin>"`` for
    historygraph's own ontology (the default when the key is absent).

    Raises:
        ConfigError: an entry is not a string, or names no folder.
    """
    if isinstance(entries, str):
        entries = [entries]
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise ConfigError(f"{where}: 'ontology' must be a list of folder paths")
    dirs = []
    for entry in entries:
        folder = (
            builtin_ontology_dir() if entry == BUILTIN_ONTOLOGY else (graph_dir / entry).resolve()
        )
        if not folder.is_dir():
            raise ConfigError(
                f"{where}: ontology folder {entry!r} not found ({folder}); "
                f"{BUILTIN_ONTOLOGY!r} names historygraph's own"
            )
        dirs.append(folder)
    return tuple(dirs)


def load_config(graph_dir: Path, *, require_sources: bool = True) -> GraphConfig:
    """Read ``GRAPH_DIR/graph.toml``.

    Raises:
        ConfigError: the directory or manifest is missing or malformed; the
            message names the file and, for TOML syntax errors, the line.
    """
    graph_dir = Path(graph_dir)
    manifest = graph_dir / MANIFEST
    if not graph_dir.is_dir():
        raise ConfigError(
            f"{graph_dir}: not a directory (expected a graph folder with {MANIFEST}; "
            f"'historygraph init {graph_dir}' makes one)"
        )
    try:
        raw = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ConfigError(
            f"{manifest}: missing; 'historygraph init {graph_dir}' writes one "
            "(see the README, 'Adding a graph')"
        ) from e
    except UnicodeDecodeError as e:
        raise ConfigError(f"{manifest}: not valid UTF-8 at byte {e.start}") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{manifest}: {e}") from e
    graph = raw.get("graph", {})
    if not isinstance(graph, dict):
        raise ConfigError(f"{manifest}: [graph] must be a table")
    where = f"{manifest} [graph]"
    name = _require_str(graph, "name", where)
    base = _require_str(graph, "base", where)
    if not base.endswith(("/", "#")):
        raise ConfigError(f"{where}: 'base' must end with '/' or '#', got {base!r}")
    title = graph.get("title", name)
    model = graph.get("model", DEFAULT_MODEL)
    ontology_dirs = _ontology_dirs(graph_dir, graph.get("ontology", [BUILTIN_ONTOLOGY]), where)
    sources = []
    for i, entry in enumerate(raw.get("sources", [])):
        swhere = f"{manifest} [[sources]] #{i + 1}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{swhere}: must be a table")
        file = _require_str(entry, "file", swhere)
        known = {f for f in SourceConfig.__dataclass_fields__}
        unknown = sorted(set(entry) - known)
        if unknown:
            raise ConfigError(f"{swhere}: unknown key(s) {', '.join(unknown)}")
        sources.append(SourceConfig(**{"title": Path(file).stem, **entry}))
    if not sources and require_sources:
        raise ConfigError(f"{manifest}: no [[sources]] registered (use 'historygraph add')")
    return GraphConfig(
        directory=graph_dir,
        name=name,
        title=str(title),
        base=base,
        model=str(model),
        ontology_dirs=ontology_dirs,
        sources=tuple(sources),
    )
