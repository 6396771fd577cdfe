"""historygraph: evidence-backed RDF knowledge graphs from historical texts."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
