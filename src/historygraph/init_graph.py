"""``historygraph init``: start a new graph folder.

The folder gets a ``graph.toml`` that loads historygraph's own ontology and then
the graph's own ``ontology/`` folder (empty at first: a user's classes, trigger
words and known entities go there), a ``sources/`` folder for ``historygraph
add``, and a ``.gitignore`` for what ``build`` regenerates.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from historygraph.config import BUILTIN_ONTOLOGY, DEFAULT_MODEL, MANIFEST, toml_string
from historygraph.errors import ConfigError
from historygraph.fsutil import atomic_write_text
from historygraph.iri import slug

DEFAULT_BASE = "https://example.org/historygraph/{slug}/"

_EXTENSIONS_README = """\
# This graph's own ontology

Turtle files here (`*.ttl`) are loaded after historygraph's own ontology, for
this graph only: classes, trigger words, known entities with their aliases,
SHACL shapes. Rebuild the graph after a change (`historygraph build GRAPH_DIR`);
`historygraph ontology check --graph GRAPH_DIR` checks them. historygraph's README,
"Extending the ontology", shows what such a file says, for instance:

    @prefix hg: <https://w3id.org/historygraph/ontology#> .
    hg:Place hg:settlementNoun "kishlak" .   # "the kishlak of Tokmok-Sai": a place
"""

_GITIGNORE = """\
# written by historygraph build; rebuilt from sources/ and graph.toml
.cache/
store/
.store-*/
report.json
"""


def init_graph(graph_dir: Path, *, title: str | None = None, base: str | None = None) -> Path:
    """Create a graph folder with a ``graph.toml``, ``sources/`` and ``ontology/``.

    Returns the path of the new manifest.

    Raises:
        ConfigError: the folder has a ``graph.toml`` already, the base IRI does not
            end with ``/`` or ``#``, or the folder cannot be created.
    """
    graph_dir = Path(graph_dir)
    manifest = graph_dir / MANIFEST
    if manifest.exists():
        raise ConfigError(
            f"{manifest}: exists already; 'historygraph add {graph_dir} FILE' registers sources in it"
        )
    name = slug(graph_dir.resolve().name)
    base = base or DEFAULT_BASE.format(slug=name)
    if not base.endswith(("/", "#")):
        raise ConfigError(f"--base: must end with '/' or '#', got {base!r}")
    try:
        (graph_dir / "sources").mkdir(parents=True, exist_ok=True)
        (graph_dir / "ontology").mkdir(exist_ok=True)
    except OSError as e:
        raise ConfigError(f"{graph_dir}: cannot create the graph folder ({e.strerror})") from e
    readme = graph_dir / "ontology" / "README.md"
    if not readme.exists():
        atomic_write_text(readme, _EXTENSIONS_README)
    ignore = graph_dir / ".gitignore"
    if not ignore.exists():
        atomic_write_text(ignore, _GITIGNORE)
    lines = [
        "# historygraph manifest: see the README, 'Adding a graph'.",
        "[graph]",
        f"name = {toml_string(name)}",
        f"title = {toml_string(title or graph_dir.resolve().name)}",
        "# The IRIs of this graph's events and entities start with base: use one you control.",
        f"base = {toml_string(base)}",
        f"model = {toml_string(DEFAULT_MODEL)}",
        "# Loaded in order: historygraph's own ontology, then this graph's ontology/ folder.",
        f"ontology = [{toml_string(BUILTIN_ONTOLOGY)}, {toml_string('ontology')}]",
        "",
        "# Sources: 'historygraph add GRAPH_DIR FILE' copies a file into sources/ and",
        "# registers it below as a [[sources]] table.",
    ]
    atomic_write_text(manifest, "\n".join(lines) + "\n")
    return manifest


def add_parser(subparsers: Any) -> None:
    """Register the ``init`` subcommand."""
    p = subparsers.add_parser(
        "init",
        help="start a new graph folder (graph.toml, sources/, ontology/)",
        description="Create GRAPH_DIR with a graph.toml that loads historygraph's own ontology and "
        "then GRAPH_DIR/ontology/ (for this graph's own classes, trigger words and known entities), "
        "an empty sources/ folder, and a .gitignore for what 'build' regenerates. The built-in "
        "canned queries (timeline, figures, actors, places, evidence, disagreements) work on every "
        "graph; GRAPH_DIR/queries/NAME.rq adds or replaces one.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  historygraph init graphs/bloody-sunday --title 'Bloody Sunday, 1905'\n"
        "  historygraph add graphs/bloody-sunday report.html --publisher 'Some paper'\n"
        "  historygraph build graphs/bloody-sunday\n"
        "  historygraph query graphs/bloody-sunday timeline",
    )
    p.add_argument("graph_dir", metavar="GRAPH_DIR", help="the folder to create (or an empty one)")
    p.add_argument("--title", help="the graph's title (default: the folder's name)")
    p.add_argument(
        "--base",
        metavar="IRI",
        help="where the graph's IRIs start, ending with / or # "
        f"(default: {DEFAULT_BASE.format(slug='NAME')})",
    )
    p.set_defaults(func=_cmd_init)


def _cmd_init(args: argparse.Namespace) -> int:
    manifest = init_graph(Path(args.graph_dir), title=args.title, base=args.base)
    print(f"wrote {manifest}")
    print(f"next: historygraph add {args.graph_dir} FILE   (a .txt, .md or .html source)")
    print(f"      historygraph build {args.graph_dir}")
    return 0
