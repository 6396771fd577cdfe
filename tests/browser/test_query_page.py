"""The query page of ``historygraph serve`` in headless Chromium.

The page must work under its Content-Security-Policy (inline script allowed
only by nonce), run canned and typed queries against ``/sparql``, show errors
as text, and request nothing but the server itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sparqlutil import start_server, stop_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(seed_build: Path) -> Iterator[str]:
    """A server on the seed build (read-only, so the shared build is safe to serve)."""
    process, url = start_server(seed_build, "--workers", "2", "--quiet")
    try:
        yield url
    finally:
        stop_server(process)


def test_query_page_runs_queries_under_its_csp(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    outside: list[str] = []
    problems: list[str] = []
    page.on(
        "request", lambda r: None if r.url.startswith((served, "data:")) else outside.append(r.url)
    )
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        page.goto(f"{served}/query")
        page.select_option("#canned", "timeline")
        page.wait_for_selector("#result table tbody tr")
        assert page.inner_text("#status").split()[1] in {"row", "rows"}
        header = [th.inner_text() for th in page.query_selector_all("#result th")]
        assert header[:2] == ["?date", "?type"]

        page.fill("#query", "SELECT ?label WHERE { ?e a hg:Massacre ; rdfs:label ?label }")
        page.keyboard.press("Control+Enter")
        page.wait_for_selector("#result td:has-text('Massacre')")  # (no eval: the CSP forbids it)

        page.fill("#query", "CONSTRUCT { ?e hg:date ?d } WHERE { ?e hg:date ?d } LIMIT 2")
        page.click("#run")
        page.wait_for_selector("#result pre")
        assert "@prefix" in page.inner_text("#result pre")

        page.fill("#query", "<img src=x onerror=alert(1)> SELECT")
        page.click("#run")
        page.wait_for_selector("#status.bad")
        assert "400" in page.inner_text("#status")
        assert page.query_selector("img") is None, "error text is shown as text"

        page.fill("#query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        page.click("#run")
        page.wait_for_selector("#status.bad:has-text('403')")
    finally:
        context.close()
    assert outside == [], "the page requested something other than the server"
    csp = [p for p in problems if "Content Security Policy" in p or "Refused" in p]
    assert csp == [], csp
