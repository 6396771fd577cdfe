"""Fixtures for the browser tests: Debian's headless Chromium driven by Playwright.

The browser is never downloaded (no ``playwright install``): the tests use
``/usr/bin/chromium`` and are skipped when it is missing. Every page is opened
with a route guard that lets ``file:`` URLs through and aborts and records any
other request; a test whose page attempted one, or raised a script error, fails
when its page is closed (tests may also assert ``guarded_page.blocked == []``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from historygraph.headless import CHROMIUM, CHROMIUM_ARGS

LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


@dataclass
class GuardedPage:
    """A Playwright page plus the non-local requests it attempted (all aborted)."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (make chromium installs Debian's package)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def guarded_page(browser: Any) -> Iterator[GuardedPage]:
    """A fresh page whose every non-``file:`` request is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    guarded = GuardedPage(page)

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            guarded.blocked.append(url)
            route.abort()

    def request(request: Any) -> None:
        if not request.url.startswith(LOCAL_SCHEMES) and request.url not in guarded.blocked:
            guarded.blocked.append(request.url)

    page.route("**/*", route)
    page.on("request", request)
    page.on("pageerror", lambda error: guarded.errors.append(str(error)))
    try:
        yield guarded
    finally:
        context.close()
    if guarded.blocked:
        pytest.fail(f"the page tried to load {guarded.blocked} (only file: URLs are allowed)")
    if guarded.errors:
        pytest.fail(f"script errors in the page: {guarded.errors}")
