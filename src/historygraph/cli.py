"""The ``historygraph`` command line.

Commands are thin: they parse arguments, call the library and print. Our own
errors (bad input) become one line on stderr and exit status 1; anything else
is a bug and shows its traceback (exit status 2 from Python).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import webbrowser
from collections.abc import Sequence
from pathlib import Path

from historygraph import __version__
from historygraph.errors import HistorygraphError

EPILOG = """\
examples:
  historygraph init graphs/my-graph --title 'My graph'
  historygraph add graphs/my-graph article.html
  historygraph build graphs/black-january
  historygraph query graphs/black-january what-happened
  historygraph query graphs/black-january 'SELECT ?e ?d WHERE { ?e hg:date ?d } ORDER BY ?d'
  historygraph query graphs/black-january graphs/black-january/queries/figures.rq --format csv
  historygraph view graphs/black-january --open
  historygraph validate graphs/black-january
"""


def _cmd_build(args: argparse.Namespace) -> int:
    from historygraph.build import build
    from historygraph.progress import progress_reporter

    with progress_reporter(enabled=not args.quiet) as progress:
        result = build(
            Path(args.graph_dir),
            progress=progress,
            jobs=args.jobs,
            use_cache=not args.no_cache,
            store=args.store,
        )
    for file, reason in sorted(result.stats.skipped.items()):
        print(f"historygraph: warning: {file}: {reason}", file=sys.stderr)
    print(result.summary())
    print(f"wrote {result.config.trig_path}, {result.config.html_path} and report.json")
    return 0


def _cmd_add(args: argparse.Namespace) -> int:
    from historygraph.add import add_sources

    entries = add_sources(
        Path(args.graph_dir),
        [Path(f) for f in args.files],
        title=args.title,
        author=args.author,
        publisher=args.publisher,
        date=args.date,
        url=args.url,
        language=args.language,
        force=args.force,
    )
    for entry in entries:
        print(f"added {entry.file} ({entry.title!r}, language {entry.language})")
        if entry.original:
            print(f"  text extracted from {entry.original}; evidence offsets refer to {entry.file}")
    print(f"registered in {args.graph_dir}/graph.toml")
    print(f"next: historygraph build {args.graph_dir}")
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from historygraph.config import load_config
    from historygraph.query import (
        canned_queries,
        explain,
        format_result,
        is_unbounded_select,
        oxigraph_explain,
        prepare,
        reasoned,
        resolve_query,
        run_query,
    )
    from historygraph.store import Backend, OxigraphBackend, choose_store, open_backend

    config = load_config(Path(args.graph_dir))
    if args.list:
        for canned in canned_queries(config):
            origin = " (built-in)" if canned.builtin else ""
            print(f"{canned.name:24} {canned.title}{origin}")
        return 0
    if args.query is None:
        raise HistorygraphError(
            "query: give a QUERY (SPARQL text, a .rq file or a canned name) or --list"
        )
    text, name = resolve_query(config, args.query)
    prepared = prepare(text, name)  # refuse updates, SERVICE, bad syntax before opening anything

    def note(message: str) -> None:
        print(f"historygraph: {message}", file=sys.stderr)

    backend: Backend  # opened, then perhaps wrapped by reasoned()
    if args.explain:
        print("# SPARQL algebra (rdflib translateQuery), the query as both stores receive it")
        print(explain(text, name))
        if choose_store(config, args.store) == "oxigraph":
            backend = open_backend(config, args.store, progress=note)
            assert isinstance(backend, OxigraphBackend) and backend.path is not None
            plan = oxigraph_explain(backend.path, text, timeout=args.timeout or None)
            print("\n# Oxigraph's plan (oxigraph query --explain; the query was run to get it)")
            print(
                plan
                or "(not available: pyoxigraph does not expose query plans and the "
                "'oxigraph' command line is not installed)"
            )
        return 0
    backend = open_backend(config, args.store, progress=note)
    if args.reason is not None:
        backend = reasoned(backend, config, args.reason)
    result = run_query(backend, text, name, timeout=args.timeout)
    guard = args.format == "table" and args.limit > 0 and is_unbounded_select(prepared)
    output = format_result(result, args.format, limit=args.limit if guard else None)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def _cmd_view(args: argparse.Namespace) -> int:
    from historygraph.config import load_config
    from historygraph.ontology import load_ontology
    from historygraph.query import load_dataset
    from historygraph.view import render_ontology_view, render_view

    config = load_config(Path(args.graph_dir))
    if args.max_nodes is not None and args.max_nodes < 1:
        raise HistorygraphError(f"view: --max-nodes must be at least 1, not {args.max_nodes}")
    ontology = load_ontology(config.ontology_dirs, cache_dir=config.cache_dir / "ontology")
    dataset = load_dataset(config.trig_path)
    if args.ontology:
        output = Path(args.output) if args.output else config.directory / "ontology.html"
        stats = render_ontology_view(
            dataset, ontology.graph, output, title=f"Ontology of {config.title}"
        )
        print(f"wrote {output} ({stats.nodes} classes and properties, {stats.edges} edges)")
    else:
        output = Path(args.output) if args.output else config.html_path
        stats = render_view(
            dataset,
            ontology.graph,
            output,
            title=config.title,
            layout=args.layout,
            max_nodes=args.max_nodes,
        )
        print(f"wrote {output} ({stats.nodes} nodes, {stats.edges} edges, {args.layout} layout)")
        if stats.left_out:
            total = stats.nodes + stats.left_out
            print(
                f"left out {stats.left_out} of {total} nodes: --max-nodes {args.max_nodes} "
                "keeps the most central (degree centrality)"
            )
        if stats.clusters:
            print(f"{stats.clusters} clusters of single-link nodes (double-click to expand)")
    if args.open:
        webbrowser.open(output.resolve().as_uri())
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from historygraph.config import load_config
    from historygraph.ontology import load_ontology
    from historygraph.query import load_dataset
    from historygraph.validate import validate_dataset

    config = load_config(Path(args.graph_dir))
    ontology = load_ontology(config.ontology_dirs, cache_dir=config.cache_dir / "ontology")
    dataset = load_dataset(config.trig_path)
    from historygraph.inference import inferred_graph_iri

    try:
        violations = validate_dataset(
            dataset, ontology, skip={str(inferred_graph_iri(config.base))}, engine=args.engine
        )
    except ValueError as e:
        print(f"historygraph: error: {e}", file=sys.stderr)
        return 1
    for v in violations:
        print(v.format(str(config.trig_path)))
    if violations:
        print(f"{len(violations)} violation(s)", file=sys.stderr)
        return 1
    print(
        f"{config.trig_path}: conforms to the SHACL shapes of {len(ontology.files)} ontology file(s)"
    )
    return 0


#: Modules that add their own subcommands: each defines ``add_parser(subparsers)``.
#: Keep their top-level imports light; import heavy libraries inside the command.
COMMAND_MODULES: tuple[str, ...] = (
    "historygraph.server",
    "historygraph.export",
    "historygraph.ontology_cli",
)


def make_parser() -> argparse.ArgumentParser:
    """The argument parser (kept import-light so ``--help`` is instant)."""
    parser = argparse.ArgumentParser(
        prog="historygraph",
        description="Turn historical texts into an evidence-backed RDF knowledge graph; "
        "query it in SPARQL; explore it in the browser.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"historygraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    importlib.import_module("historygraph.init_graph").add_parser(sub)

    p = sub.add_parser(
        "build",
        help="extract the sources of GRAPH_DIR into graph.trig, graph.html and report.json",
        description="Read every source registered in GRAPH_DIR/graph.toml, extract events, agents, "
        "places, dates and figures with their evidence, validate against the SHACL shapes, then write "
        "graph.trig (one named graph per source), graph.html and report.json. Nothing is written if any "
        "step fails.",
    )
    p.add_argument(
        "graph_dir", metavar="GRAPH_DIR", help="a folder with graph.toml, e.g. graphs/black-january"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="extract in N worker processes (default: the number of CPUs); output is identical",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="re-extract every source (default: reuse GRAPH_DIR/.cache for unchanged sources)",
    )
    p.add_argument(
        "--store",
        choices=["memory", "oxigraph", "auto"],
        default=None,
        help="also bulk-load the graph into the on-disk Oxigraph store GRAPH_DIR/store when this "
        "is oxigraph (auto: when graph.trig is 2 MB or more); default: 'store' in graph.toml, else auto",
    )
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser(
        "add",
        help="copy sources (text, Markdown, HTML) into GRAPH_DIR and register them",
        description="Copy each FILE into GRAPH_DIR/sources/ and register it in graph.toml. Markdown "
        "and HTML are kept as originals and their plain text is stored next to them: evidence offsets "
        "refer to that text. Metadata not given on the command line is read from each file (HTML "
        "<title>/<meta>, Markdown front matter). Every file is checked before any is added, so a bad "
        "one adds none. A non-English source is recorded and skipped by build.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  historygraph add graphs/my-graph report.html --publisher 'Some paper' --date 1990-01-25\n"
        "  historygraph add graphs/my-graph notes.md article.txt\n"
        "  historygraph add graphs/my-graph downloads/*.html --publisher 'Some paper'",
    )
    p.add_argument("graph_dir", metavar="GRAPH_DIR")
    p.add_argument(
        "files", metavar="FILE", nargs="+", help="a .txt, .md or .html file (one or more)"
    )
    p.add_argument(
        "--title",
        help="title of the source (one FILE only; default: from the file: an HTML <title>, Markdown "
        "front matter, a short first line, else the file's name)",
    )
    p.add_argument("--author")
    p.add_argument("--publisher")
    p.add_argument("--date", help="publication date, e.g. 2024-01-20")
    p.add_argument("--url", help="where the source was published (one FILE only)")
    p.add_argument("--language", help="ISO 639-1 code (default: from the file, or guessed)")
    p.add_argument("--force", action="store_true", help="replace a source of the same name")
    p.set_defaults(func=_cmd_add)

    p = sub.add_parser(
        "query",
        help="run SPARQL over the built graph",
        description="Run a SPARQL 1.1 query over the union of the graph's named graphs. QUERY is inline "
        "SPARQL, a path to a .rq file, or the name of a canned query: one of GRAPH_DIR/queries/NAME.rq or a "
        "built-in one (timeline, figures, actors, places, evidence, disagreements; see --list). "
        "Prefixes hg, rdf, rdfs, owl, xsd, skos, prov, sem, schema, crm, wd and dcterms are predeclared. "
        "Updates and SERVICE are refused.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  historygraph query graphs/black-january --list\n"
        "  historygraph query graphs/black-january figures --format json\n"
        "  historygraph query graphs/black-january 'ASK { ?e a hg:Massacre }'",
    )
    p.add_argument("graph_dir", metavar="GRAPH_DIR")
    p.add_argument(
        "query", metavar="QUERY", nargs="?", help="SPARQL text, a .rq file, or a canned query name"
    )
    p.add_argument(
        "-f",
        "--format",
        choices=["table", "csv", "tsv", "json", "xml"],
        default="table",
        help="SELECT/ASK output; json and xml are the W3C SPARQL results formats (default: table). "
        "CONSTRUCT/DESCRIBE always print Turtle.",
    )
    p.add_argument("--list", action="store_true", help="list the canned queries with their titles")
    p.add_argument(
        "--store",
        choices=["memory", "oxigraph", "auto"],
        default=None,
        help="memory: parse graph.trig with rdflib; oxigraph: the on-disk store GRAPH_DIR/store, "
        "opened read-only (loaded from graph.trig first if missing or stale); auto: oxigraph when "
        "graph.trig is 2 MB or more. Default: 'store' in graph.toml, else auto",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="S",
        help="stop the query after S seconds (default: 30; 0: no limit)",
    )
    p.add_argument(
        "--limit",
        type=int,
        default=1000,
        metavar="N",
        help="--format table shows at most N rows of a SELECT without LIMIT and says how many were "
        "cut (default: 1000; 0: all)",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="print the query's SPARQL algebra (and Oxigraph's plan on the oxigraph store) instead "
        "of the results",
    )
    p.add_argument(
        "--reason",
        choices=["none", "rdfs", "owlrl"],
        default=None,
        help="answer over the asserted triples plus what this profile infers (none: asserted only); "
        "default: the graph as built (with the inferred graph of graph.toml's 'reasoning')",
    )
    p.set_defaults(func=_cmd_query)

    p = sub.add_parser(
        "view",
        help="write the interactive HTML network of the graph",
        description="Draw events, agents and places as an interactive network in one self-contained, "
        "offline HTML file (no network access needed).",
    )
    p.add_argument("graph_dir", metavar="GRAPH_DIR")
    p.add_argument(
        "-o", "--output", metavar="FILE", help="where to write (default: GRAPH_DIR/graph.html)"
    )
    p.add_argument("--open", action="store_true", help="open the file in the default browser")
    p.add_argument(
        "--layout",
        choices=["force", "timeline"],
        default="force",
        help="force: physics until stable, then still (positions precomputed for large graphs); "
        "timeline: events left to right by date, actors above, places below (default: force)",
    )
    p.add_argument(
        "--max-nodes",
        metavar="N",
        type=int,
        help="draw only the N most central nodes (degree centrality); says how many were left out",
    )
    p.add_argument(
        "--ontology",
        action="store_true",
        help="draw the ontology's class and property hierarchy with instance counts instead "
        "(default output: GRAPH_DIR/ontology.html)",
    )
    p.set_defaults(func=_cmd_view)

    p = sub.add_parser(
        "validate",
        help="check the built graph against the ontology's SHACL shapes",
        description="Parse the ontology and GRAPH_DIR/graph.trig and run the SHACL shapes; print each "
        "violation as 'file: focus node: message' and exit 1 if there is any.",
    )
    p.add_argument("graph_dir", metavar="GRAPH_DIR")
    p.add_argument(
        "--engine",
        choices=("auto", "fast", "pyshacl"),
        default="auto",
        help="SHACL engine: 'fast' is historygraph's compiled SHACL Core subset, 'pyshacl' the "
        "reference implementation; 'auto' (default) uses 'fast' unless the shapes need pyshacl",
    )
    p.set_defaults(func=_cmd_validate)

    for module in COMMAND_MODULES:
        importlib.import_module(module).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``historygraph`` console script."""
    parser = make_parser()
    args, extra = parser.parse_known_args(argv)
    # argparse cannot place an optional positional after options ("query G --reason none 'ASK …'")
    if (
        extra
        and getattr(args, "query", "") is None
        and len(extra) == 1
        and not extra[0].startswith("-")
    ):
        args.query = extra[0]
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return int(args.func(args))
    except HistorygraphError as e:
        print(f"historygraph: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("historygraph: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
