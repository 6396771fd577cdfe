"""Helpers of the SPARQL tests: starting ``historygraph serve``, comparing answers.

Two answers to the same query are the same when they hold the same rows (as a
multiset) and, for a query with ORDER BY, list them in the same order of the
variables the ORDER BY uses. Rows that tie on those variables may come in any
order: rdflib's order of ties even changes between processes (hash seeds).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib.query import Result

_ORDER_BY = re.compile(r"\bORDER\s+BY\b(?P<keys>.*?)(?:\bLIMIT\b|\bOFFSET\b|$)", re.I | re.S)


def rows(result: Result) -> list[dict[str, Any]]:
    """The rows of a SELECT result as dicts of rdflib terms (unbound variables left out)."""
    names = [str(v) for v in result.vars or []]
    return [{n: row[i] for i, n in enumerate(names) if row[i] is not None} for row in result]


def parse_json(body: str | bytes) -> list[dict[str, Any]]:
    """Rows of a SPARQL 1.1 Query Results JSON document."""
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    return rows(Result.parse(io.StringIO(text), format="json"))


def order_variables(query: str) -> list[str]:
    """The variables an ORDER BY clause mentions, in order.

    >>> order_variables("SELECT * { } ORDER BY ?a DESC(?b) STR(?c) LIMIT 3")
    ['a', 'b', 'c']
    """
    match = _ORDER_BY.search(query)
    return re.findall(r"[?$](\w+)", match.group("keys")) if match else []


def difference(got: list[dict[str, Any]], expected: list[dict[str, Any]], query: str) -> str | None:
    """Why two answers to ``query`` differ, or None when they are the same."""

    def key(row: dict[str, Any]) -> list[tuple[str, str, str]]:
        return sorted((k, type(v).__name__, v.n3()) for k, v in row.items())

    if sorted(map(key, got)) != sorted(map(key, expected)):
        missing = [r for r in expected if r not in got][:3]
        extra = [r for r in got if r not in expected][:3]
        return f"{len(got)} rows vs {len(expected)} expected; missing {missing}; extra {extra}"
    names = order_variables(query)
    order_got = [tuple(r.get(n) for n in names) for r in got]
    order_expected = [tuple(r.get(n) for n in names) for r in expected]
    if order_got != order_expected:
        return f"rows in another order of {names}"
    return None


def start_server(graph_dir: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    """Start ``historygraph serve`` on a free port; return the process and its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "historygraph", "serve", str(graph_dir), "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # the server prints its URL once the workers are ready
    match = re.search(r"at (http://[^/ ]+)/", line)
    if match is None:
        process.kill()
        pytest.fail(f"serve did not announce its URL: {line!r}")
    return process, match.group(1)


def stop_server(process: subprocess.Popen[str]) -> None:
    """Stop a server started by :func:`start_server` (SIGTERM, then SIGKILL)."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
