"""The built-in pipeline stages, registered in one place.

Importing this package registers every stage in
:data:`historygraph.pipeline.REGISTRY`; :data:`DEFAULT_STAGES` is the order a
build runs them in.
"""

from __future__ import annotations

from historygraph.stages import entities, events, figures, parse, times

DEFAULT_STAGES: tuple[str, ...] = ("parse", "entities", "times", "events", "figures")

__all__ = ["DEFAULT_STAGES", "entities", "events", "figures", "parse", "times"]
