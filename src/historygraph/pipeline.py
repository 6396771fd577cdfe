"""The extraction pipeline: an ordered list of small, named stages.

Each stage reads and annotates one :class:`~historygraph.document.Document`.
Stages declare what they *require* and *assign*; :func:`check_pipeline`
rejects an order in which a stage runs before what it needs (at start-up, not
halfway through a build). Built-in stages are registered in one place,
:mod:`historygraph.stages`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from historygraph.document import Document
from historygraph.errors import HistorygraphError
from historygraph.ontology import Ontology

if TYPE_CHECKING:
    from historygraph.warmup import PendingOntology


class Context:
    """What stages share across documents: the ontology and the NLP model.

    The ontology may still be loading (a :class:`~historygraph.warmup.PendingOntology`):
    the first read of :attr:`ontology` waits for it, so stages that do not
    need it (the parse) run meanwhile.
    """

    def __init__(self, ontology: Ontology | PendingOntology, nlp: Any) -> None:
        """``nlp`` is the spaCy ``Language``."""
        self._ontology = ontology
        self._pending = None if isinstance(ontology, Ontology) else ontology
        self.nlp = nlp

    @property
    def waited(self) -> float:
        """Seconds spent so far waiting for a still-loading ontology."""
        return self._pending.waited if self._pending is not None else 0.0

    @property
    def ontology(self) -> Ontology:
        """The ontology (waiting for it if it is still loading)."""
        found = self._ontology
        if not isinstance(found, Ontology):
            found = self._ontology = found.result()
        return found


class Stage(Protocol):
    """A pipeline stage."""

    # read-only, so that a frozen dataclass (FunctionStage) is a Stage
    @property
    def name(self) -> str: ...
    @property
    def requires(self) -> tuple[str, ...]: ...
    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, doc: Document, ctx: Context) -> None:
        """Annotate ``doc`` in place."""


@dataclass(frozen=True)
class FunctionStage:
    """A stage made from a plain function (see :func:`stage`)."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    func: Callable[[Document, Context], None]

    def __call__(self, doc: Document, ctx: Context) -> None:
        """Run the wrapped function."""
        self.func(doc, ctx)


REGISTRY: dict[str, Stage] = {}


def stage(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[Callable[[Document, Context], None]], Callable[[Document, Context], None]]:
    """Register a function as a named stage.

    >>> @stage("noop", assigns=("nothing",))
    ... def noop(doc, ctx):
    ...     pass
    >>> REGISTRY["noop"].assigns
    ('nothing',)
    """

    def register(func: Callable[[Document, Context], None]) -> Callable[[Document, Context], None]:
        REGISTRY[name] = FunctionStage(name, tuple(requires), tuple(assigns), func)
        return func

    return register


class PipelineError(HistorygraphError):
    """A pipeline is misconfigured (unknown stage or wrong order)."""


def check_pipeline(stages: Iterable[Stage]) -> None:
    """Fail if a stage requires something no earlier stage assigns."""
    available: set[str] = {"text"}
    for s in stages:
        missing = [r for r in s.requires if r not in available]
        if missing:
            raise PipelineError(
                f"stage '{s.name}' requires {', '.join(missing)}, assigned by no earlier stage"
            )
        available.update(s.assigns)


def make_pipeline(names: Iterable[str]) -> list[Stage]:
    """Look up stages by name and check their order."""
    stages = []
    for name in names:
        if name not in REGISTRY:
            raise PipelineError(f"unknown stage '{name}' (known: {', '.join(sorted(REGISTRY))})")
        stages.append(REGISTRY[name])
    check_pipeline(stages)
    return stages


def run_pipeline(doc: Document, stages: Iterable[Stage], ctx: Context) -> Document:
    """Run every stage on ``doc``, recording each stage's wall time in ``doc.timings``.

    Time spent waiting for the ontology (see :class:`Context`) is not the stage's.
    """
    for s in stages:
        waited = ctx.waited
        t0 = time.perf_counter()
        s(doc, ctx)
        seconds = time.perf_counter() - t0 - (ctx.waited - waited)
        doc.timings[s.name] = doc.timings.get(s.name, 0.0) + seconds
    return doc
