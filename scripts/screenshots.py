"""Render the README's screenshots of the first graph's view, in both layouts.

    .venv/bin/python scripts/screenshots.py [GRAPH_DIR] [--out docs/screenshots]

For each layout (``force``, ``timeline``) the built graph (``GRAPH_DIR/graph.trig``,
default ``graphs/black-january``) is drawn with :func:`historygraph.view.render_view`
into a temporary file, opened in Debian's headless Chromium (``/usr/bin/chromium``
through Playwright; no browser is downloaded, and every request other than a
``file:`` URL is aborted and reported as an error) at 1280x800, and saved as
``<out>/<graph name>-<layout>.png``. The browser tests write the same pictures
to ``tests/artifacts/`` on every run; this script is for the committed copies.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from historygraph.headless import CHROMIUM, CHROMIUM_ARGS, offline_context

ROOT = Path(__file__).resolve().parents[1]
LAYOUTS = ("force", "timeline")
VIEWPORT = {"width": 1280, "height": 800}


def render_pages(graph_dir: Path, folder: Path) -> dict[str, Path]:
    """Write the view of ``graph_dir`` in every layout into ``folder``."""
    from historygraph.config import load_config
    from historygraph.ontology import load_ontology
    from historygraph.query import load_dataset
    from historygraph.view import render_view

    config = load_config(graph_dir)
    ontology = load_ontology(config.ontology_dirs).graph
    dataset = load_dataset(config.trig_path)
    pages = {}
    for layout in LAYOUTS:
        pages[layout] = folder / f"{layout}.html"
        render_view(dataset, ontology, pages[layout], title=config.title, layout=layout)
    return pages


def screenshot(browser: Any, page_path: Path, png: Path) -> None:
    """Open ``page_path`` offline, wait until the network is drawn and still, save ``png``."""
    context, blocked = offline_context(browser, VIEWPORT)
    try:
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_function("window.hgStabilized === true", timeout=30_000)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
    finally:
        context.close()
    if blocked:
        raise RuntimeError(f"{page_path.name} tried to load {blocked}")


def main(argv: list[str] | None = None) -> int:
    """Render the screenshots; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "graph_dir", nargs="?", default=ROOT / "graphs" / "black-january", type=Path
    )
    parser.add_argument("--out", default=ROOT / "docs" / "screenshots", type=Path)
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"screenshots: {CHROMIUM} is missing (make chromium installs it)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    name = args.graph_dir.resolve().name
    with tempfile.TemporaryDirectory(prefix="hg-screenshots-") as tmp, sync_playwright() as pw:
        pages = render_pages(args.graph_dir, Path(tmp))
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            for layout, page_path in pages.items():
                png = args.out / f"{name}-{layout}.png"
                screenshot(browser, page_path, png)
                print(f"wrote {png}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
