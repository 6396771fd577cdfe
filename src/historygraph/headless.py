"""How the project drives a headless browser: Debian's Chromium, never a downloaded one.

Shared by the browser tests, the view benchmark and the screenshot script. The
flags keep Chromium from reaching out to the network on its own (background
updates, sync, QUIC), which a closed machine refuses and a test must not do.
"""

from __future__ import annotations

from pathlib import Path

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
