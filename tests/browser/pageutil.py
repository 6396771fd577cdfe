"""Helpers to drive the graph view in a Playwright page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

READY = "window.network !== undefined && window.hgStabilized === true"

#: Waits until a canvas point (a JavaScript expression using ``id``) is well inside the
#: visible network; if it is not, centres the view on it (same zoom) and waits again.
_ON_SCREEN = """
    const dom = network.canvasToDOM(POINT);
    const box = document.getElementById("hg-network").getBoundingClientRect();
    if (dom.x < 25 || dom.y < 25 || dom.x > box.width - 25 || dom.y > box.height - 25) {
        network.moveTo({ position: POINT, animation: false });
        return false;
    }
"""


def open_view(guarded: Any, path: Path) -> Any:
    """Open a rendered view from disk and wait until its layout has stabilised."""
    page = guarded.page
    page.goto(path.as_uri())
    page.wait_for_function(READY, timeout=10_000)
    return page


def screen_point(page: Any, canvas_point: str) -> tuple[float, float]:
    """Page coordinates of a canvas point given as a JavaScript expression."""
    point = page.evaluate(
        f"""() => {{
            const dom = network.canvasToDOM({canvas_point});
            const box = document.getElementById("hg-network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }}"""
    )
    return point[0], point[1]


def node_point(page: Any, node_id: str) -> tuple[float, float]:
    """Page coordinates of a node's centre."""
    return screen_point(page, f"network.getPosition({node_id!r})")


def click_node(page: Any, node_id: str) -> None:
    """Click the centre of a node, once it is on screen and vis-network agrees it is there."""
    check = _ON_SCREEN.replace("POINT", "network.getPosition(id)")
    page.wait_for_function(
        f"""(id) => {{
            {check}
            return network.getNodeAt(dom) === id;
        }}""",
        arg=node_id,
        timeout=5_000,
    )
    page.mouse.click(*node_point(page, node_id))


def click_edge(page: Any, edge_id: str) -> None:
    """Click the middle of an edge, once vis-network agrees the edge (and no node) is there."""
    middle = f"network.body.edges[{edge_id!r}].edgeType.getPoint(0.5)"
    check = _ON_SCREEN.replace("POINT", "network.body.edges[id].edgeType.getPoint(0.5)")
    page.wait_for_function(
        f"""(id) => {{
            {check}
            return network.getNodeAt(dom) === undefined && network.getEdgeAt(dom) === id;
        }}""",
        arg=edge_id,
        timeout=5_000,
    )
    page.mouse.click(*screen_point(page, middle))


def double_click_node(page: Any, node_id: str) -> None:
    """Double-click a node (or a cluster) once it is on screen."""
    check = _ON_SCREEN.replace("POINT", "network.getPosition(id)")
    page.wait_for_function(
        f"""(id) => {{
            {check}
            return network.getNodeAt(dom) === id;
        }}""",
        arg=node_id,
        timeout=5_000,
    )
    page.mouse.dblclick(*node_point(page, node_id))


def details_text(page: Any) -> str:
    """The text of the details panel."""
    return page.locator("#hg-details").inner_text()


def hidden_nodes(page: Any) -> set[str]:
    """The ids of the nodes the filters hide."""
    return set(
        page.evaluate(
            "network.body.data.nodes.get({filter: (n) => n.hidden === true}).map((n) => n.id)"
        )
    )
