"""How the project drives a headless browser: Debian's Chromium, never a downloaded one.

Shared by the browser tests, the view benchmark and the screenshot script. The
flags keep Chromium from reaching out to the network on its own (background
updates, sync, QUIC), which a closed machine refuses and a test must not do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Debian's package installs it here (``apt-get install chromium``).
CHROMIUM = Path("/usr/bin/chromium")
#: Launch arguments for Playwright's ``chromium.launch(executable_path=..., args=...)``.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def offline_context(browser: Any, viewport: dict[str, int]) -> tuple[Any, list[str]]:
    """A new Playwright browser context that only loads ``file:`` URLs.

    Every other request is aborted and its URL appended to the returned list,
    so a caller can fail when a page tried to reach the network.
    """
    context = browser.new_context(viewport=viewport)
    blocked: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return context, blocked
