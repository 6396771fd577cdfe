"""The ``historygraph ontology`` command: ``check`` and ``docs``.

Registered through :data:`historygraph.cli.COMMAND_MODULES`; heavy imports stay
inside the commands so ``--help`` is instant.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

DEFAULT_ONTOLOGY = Path("ontology")
DEFAULT_DOCS = Path("ontology-docs")

_CHECK_EPILOG = """\
checks (error = exit status 1; warnings are printed, exit status 0):
  parse-error, undeclared-term, undeclared-alignment, subclass-cycle,
  trigger-conflict, quantity-conflict, gazetteer-class, gazetteer-label,
  removed-term-used  (errors)
  missing-label, missing-comment, trigger-overridden, version-missing,
  version-ambiguous, stale-graph, removed-term, version-not-bumped      (warnings)

examples:
  historygraph ontology check
  historygraph ontology check --graph graphs/black-january
  historygraph ontology check --ontology ontology my-terms --against HEAD~1
  historygraph ontology check --against v0.1.0
"""


def ontology_dirs(args: argparse.Namespace) -> list[Path]:
    """The ontology folders: ``--ontology``, else the first graph's, else ``./ontology``.

    Outside a project (no ``./ontology``), historygraph's own ontology.

    Raises:
        ConfigError: a ``--graph`` folder has no valid ``graph.toml``.
    """
    if args.ontology:
        return [Path(d) for d in args.ontology]
    if args.graph:
        from historygraph.config import load_config

        return list(load_config(Path(args.graph[0])).ontology_dirs)
    if DEFAULT_ONTOLOGY.is_dir():
        return [DEFAULT_ONTOLOGY]
    from historygraph.config import builtin_ontology_dir

    return [builtin_ontology_dir()]


def _cmd_check(args: argparse.Namespace) -> int:
    from historygraph.ontology_check import check_ontology

    graphs = [Path(g) for g in args.graph] if args.graph else None
    report = check_ontology(ontology_dirs(args), graphs, against=args.against)
    for finding in report.findings:
        print(finding.format())
    print(report.summary(), file=sys.stderr)
    return 1 if report.errors else 0


def _cmd_docs(args: argparse.Namespace) -> int:
    from historygraph.ontology_docs import write_docs

    graph = Path(args.graph[0]) if args.graph else None
    path = write_docs(ontology_dirs(args), Path(args.output), graph)
    print(f"wrote {path}")
    return 0


def _common(p: argparse.ArgumentParser, many_graphs: bool) -> None:
    p.add_argument(
        "--ontology",
        metavar="DIR",
        nargs="+",
        help="ontology folders in load order (default: the graph's, else ./ontology, else "
        "historygraph's own)",
    )
    p.add_argument(
        "--graph",
        metavar="GRAPH_DIR",
        action="append",
        help="a built graph to check against the ontology (repeatable; default: graphs/*/ next "
        "to the ontology folder)"
        if many_graphs
        else "a built graph whose instance counts to show",
    )


def add_parser(subparsers: Any) -> None:
    """Add ``ontology check`` and ``ontology docs`` to the ``historygraph`` parser."""
    p = subparsers.add_parser(
        "ontology",
        help="check the ontology or write its HTML documentation",
        description="Work on the ontology itself: the Turtle files of ontology/ and of any "
        "extension folder.",
    )
    sub = p.add_subparsers(dest="ontology_command", required=True, metavar="SUBCOMMAND")

    check = sub.add_parser(
        "check",
        help="parse every ontology file and report mistakes with file and line",
        description="Parse every Turtle file and report, each as 'file:line: severity: message "
        "[code]': syntax errors, terms used but never declared, classes and properties without "
        "label or comment, subclass cycles, triggers claimed by two event classes, undeclared "
        "alignment targets, known entities that are not agents or places, and (with --against) "
        "terms removed since a reference that existing graphs still use. Exit status 1 if there "
        "is an error, 0 otherwise (warnings are printed).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_CHECK_EPILOG,
    )
    _common(check, many_graphs=True)
    check.add_argument(
        "--against",
        metavar="REF",
        help="a reference ontology: a git revision (e.g. HEAD~1, v0.1.0), a .ttl file or a folder",
    )
    check.set_defaults(func=_cmd_check)

    docs = sub.add_parser(
        "docs",
        help="write offline HTML documentation of the ontology",
        description="Write OUTPUT/index.html: every class with its triggers, view style, SHACL "
        "shapes and (with --graph) instance counts; properties, measures, known entities, shapes "
        "and aligned external terms. One self-contained page that loads nothing from the network.",
    )
    _common(docs, many_graphs=False)
    docs.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        default=str(DEFAULT_DOCS),
        help=f"folder to write index.html into (default: {DEFAULT_DOCS})",
    )
    docs.set_defaults(func=_cmd_docs)
