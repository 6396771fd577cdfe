"""historygraph: evidence-backed RDF knowledge graphs from historical texts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__"]

if TYPE_CHECKING:
    from historygraph.api import open as open


def __getattr__(name: str) -> Any:
    """``historygraph.open`` imports :mod:`historygraph.api` on first use (keeps import light)."""
    if name == "open":
        from historygraph.api import open as open_graph

        return open_graph
    raise AttributeError(f"module 'historygraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "open"])
