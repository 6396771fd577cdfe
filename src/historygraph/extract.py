"""Running the pipeline over a graph's sources: cached, optionally in parallel.

Each document's result depends only on its text, the ontology and the model,
so results are cached by content (see :mod:`historygraph.cache`) and can be
computed in worker processes; emission happens afterwards, in source order, so
``--jobs N`` gives exactly the output of ``--jobs 1``.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from historygraph.cache import ResultCache, cache_key, restore, to_dict
from historygraph.config import GraphConfig
from historygraph.document import Document
from historygraph.ontology import Ontology
from historygraph.pipeline import Context, Stage, make_pipeline, run_pipeline
from historygraph.sources import load_document

if TYPE_CHECKING:
    from historygraph.warmup import PendingOntology

#: progress(done, total, name)
Progress = Callable[[int, int, str], None]


@dataclass
class ExtractStats:
    """What extraction did: timings per stage, cache use, skipped documents."""

    timings: dict[str, float] = field(default_factory=dict)
    extracted: int = 0
    cached: int = 0
    skipped: dict[str, str] = field(default_factory=dict)
    jobs: int = 1


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# Worker state: set in the parent before forking, or by the initializer otherwise.
_WORKER: dict[str, Any] = {}


def _init_worker(ontology_dirs: tuple[Path, ...], model: str) -> None:
    if "ctx" not in _WORKER:
        from historygraph.nlp import load_model
        from historygraph.ontology import load_ontology
        from historygraph.stages import DEFAULT_STAGES

        _WORKER["ctx"] = Context(ontology=load_ontology(ontology_dirs), nlp=load_model(model))
        _WORKER["stages"] = make_pipeline(DEFAULT_STAGES)


#: Documents whose paragraphs go to spaCy in one ``nlp.pipe`` call (see ``preparse``).
PARSE_BATCH = 16


def _work(items: list[tuple[str, str]]) -> list[dict[str, Any]]:
    docs = [Document(id=i, path=Path(i), text=text, title=i) for i, text in items]
    return _run_local(docs, _WORKER["stages"], _WORKER["ctx"])


def _run_local(docs: list[Document], stages: list[Stage], ctx: Context) -> list[dict[str, Any]]:
    """Run the pipeline on ``docs``, parsing their paragraphs in one batch first.

    The batch's parse time is shared among the documents by text length, so the
    per-stage timings still add up.
    """
    if len(docs) > 1 and stages and stages[0].name == "parse":
        from historygraph.stages.parse import preparse

        t0 = time.perf_counter()
        preparse(docs, ctx.nlp)
        seconds = time.perf_counter() - t0
        total = sum(len(d.text) for d in docs) or 1
        for d in docs:
            d.timings["parse"] = seconds * len(d.text) / total
    results = []
    for doc in docs:
        run_pipeline(doc, stages, ctx)
        results.append(to_dict(doc))
        doc.parsed, doc.sentences, doc.event_mentions = [], [], {}
    return results


def _batches(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def extract_documents(
    config: GraphConfig,
    ontology: Ontology | PendingOntology,
    *,
    progress: Progress | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
) -> tuple[list[Document], ExtractStats]:
    """Read every registered source and annotate it (from the cache where possible).

    ``ontology`` may still be loading (:class:`~historygraph.warmup.PendingOntology`):
    the first documents are parsed meanwhile.

    Raises:
        HistorygraphError: a source or the model cannot be loaded.
    """
    from historygraph.nlp import load_model
    from historygraph.stages import DEFAULT_STAGES

    stats = ExtractStats(jobs=jobs or default_jobs())
    documents = [load_document(config, s) for s in config.sources]
    cache = ResultCache(config.cache_dir / "extract") if use_cache else None
    todo: list[int] = []
    keys: dict[int, str] = {}
    done = 0
    for i, doc in enumerate(documents):
        if doc.skipped:
            stats.skipped[config.sources[i].file] = doc.skipped
            done += 1
            continue
        keys[i] = cache_key(doc.text, ontology.digest, config.model, doc.meta.get("published", ""))
        hit = cache.get(keys[i]) if cache is not None else None
        if hit is not None:
            restore(doc, hit)
            doc.timings = {}
            stats.cached += 1
            done += 1
            if progress:
                progress(done, len(documents), doc.path.name)
        else:
            todo.append(i)
    if not todo:
        return documents, stats

    t0 = time.perf_counter()
    nlp = load_model(config.model)
    stats.timings["load model"] = time.perf_counter() - t0
    if not isinstance(ontology, Ontology) and ontology.done():
        ontology = ontology.result()  # a broken ontology fails before any parsing
    ctx = Context(ontology=ontology, nlp=nlp)
    stages = make_pipeline(DEFAULT_STAGES)
    workers = min(stats.jobs, len(todo))
    results: Iterable[dict[str, Any]]  # streamed from the workers, or a batch's list
    if workers > 1:
        ctx.ontology  # noqa: B018 - loaded before forking: a child must not inherit a loading thread
        _WORKER.update(ctx=ctx, stages=stages)  # inherited by forked workers
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        items = [(documents[i].id, documents[i].text) for i in todo]
        size = max(1, min(PARSE_BATCH, len(items) // (workers * 4)))
        t0 = time.perf_counter()
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_init_worker,
            initargs=(config.ontology_dirs, config.model),
        ) as pool:
            results = (r for batch in pool.map(_work, _batches(items, size)) for r in batch)
            for i, result in zip(todo, results, strict=True):
                _finish(documents[i], result, cache, keys[i], stats)
                done += 1
                if progress:
                    progress(done, len(documents), documents[i].path.name)
        stats.timings["extract (parallel)"] = time.perf_counter() - t0
    else:
        for batch in _batches(todo, PARSE_BATCH):
            results = _run_local([documents[i] for i in batch], stages, ctx)
            for i, result in zip(batch, results, strict=True):
                _finish(documents[i], result, cache, keys[i], stats)
                for name, seconds in result["timings"].items():
                    stats.timings[name] = stats.timings.get(name, 0.0) + seconds
                done += 1
                if progress:
                    progress(done, len(documents), documents[i].path.name)
    return documents, stats


def _finish(
    doc: Document, result: dict[str, Any], cache: ResultCache | None, key: str, stats: ExtractStats
) -> None:
    restore(doc, result)
    doc.parsed, doc.sentences, doc.event_mentions = [], [], {}
    stats.extracted += 1
    if cache is not None:
        cache.put(key, result)
