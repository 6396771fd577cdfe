"""Benchmark: ``historygraph build``: full, incremental, parallel and at 1,000 documents.

Four scenarios, measured in one run (see ``benchmarks/README.md``):

1. **full builds, cache off**: the seed graph (one source) and a 100-copy
   corpus built with ``use_cache=False`` and ``jobs=1`` against spaCy's own
   parse of the same paragraphs (``list(nlp.pipe(paragraphs))``, one process,
   same model object). Target: the builder adds at most 50% on top of spaCy's
   parse. The same builds with the default ``jobs`` (the CPU count) are shown
   on a second line; spaCy's baseline stays single-process.
2. **incremental**: the 100-copy corpus built once with the cache on, then one
   number in ``sources/copy-050.txt`` changed and the graph rebuilt with the
   cache. Target: the rebuild takes at most 20% of a full no-cache build.
3. **parallel**: the 100-copy corpus with ``jobs=1`` and ``jobs=2`` (cache
   off). Target: at least 1.6x faster; ``graph.trig`` must be byte-identical.
4. **memory**: a 1,000-document corpus (``--memory-docs``) built once in a
   child process (cache off, default ``jobs``); peak RSS of the process tree
   (the child and its extraction workers). Target: under 2 GiB.

Every build is the real :func:`historygraph.build.build` on a temporary graph
folder (SHACL, ``graph.trig``, ``graph.html``, ``report.json`` included). The
model is loaded once up front and its load time excluded. The machine may be
shared, so each measurement but the memory one runs at least twice and
medians are reported.

Run through ``make bench`` (``benchmarks/run.py``) or directly with
``.venv/bin/python benchmarks/bench_build.py [--copies N] [--memory-docs N]``.
Results are printed and written to ``benchmarks/results/build.json``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import importlib
import json
import multiprocessing
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import historygraph.build as hg_build
from historygraph.build import BuildResult, build
from historygraph.config import load_config
from historygraph.extract import default_jobs
from historygraph.nlp import load_model
from historygraph.sources import read_text
from historygraph.stages.parse import split_paragraphs

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
SEED_GRAPH = ROOT / "graphs" / "black-january"
ONTOLOGY_DIR = ROOT / "ontology"
RESULTS_PATH = BENCH_DIR / "results" / "build.json"

#: 1. The builder may add at most this fraction on top of spaCy's parse time.
TARGET_OVERHEAD = 0.50
#: 2. A one-source-changed rebuild may take at most this share of a full no-cache build.
TARGET_INCREMENTAL_SHARE = 0.20
#: 3. ``jobs=PARALLEL_JOBS`` must be at least this much faster than ``jobs=1``.
TARGET_SPEEDUP = 1.6
PARALLEL_JOBS = 2
#: 4. Peak RSS of the build's process tree must stay under this (MiB).
TARGET_PEAK_MIB = 2048.0

COPIES = 100
MEMORY_DOCS = 1000
SEED_REPEATS = 7
CORPUS_REPEATS = 2
INCREMENTAL_REPEATS = 3
#: The number changed in the incremental scenario, in copy ``copies // 2``
#: (``sources/copy-050.txt`` for 100 copies).
CHANGED_NUMBER = 744
#: Modules ``build()`` imports lazily, imported up front (see ``preload``).
PRELOAD = (
    "historygraph.curation",
    "historygraph.formats",
    "historygraph.query",
    "historygraph.resolve",
    "historygraph.stages",
    "historygraph.view",
    "pyshacl",
)
#: Timings the builder reports that are not part of "build time" for the targets.
EXCLUDED_STAGES = ("load model",)
#: Stages after extraction, in the order ``build()`` runs them.
LATE_STAGES = ("emit", "infer", "serialize", "validate", "view", "store")
#: Rows measured by this benchmark around parts ``build()`` does not time (see ``instrumented``).
UNTIMED_ROWS = (
    "extract: untimed part*",
    "count_classes*",
    "report + write trig/json*",
    "other untimed*",
)
UNTIMED_NOTE = (
    "* not timed by the builder; measured by wrapping historygraph.build's extract, "
    "count_classes, atomic_write_text and BuildResult.report. 'extract: untimed part' = the "
    "extract() call minus the builder's extraction timings (reading sources, hashing, cache "
    "look-ups and writes, restoring results); 'other untimed' = the rest (reading graph.toml, "
    "first-time imports, ...)"
)


# --- graph folders --------------------------------------------------------------------------


def _toml_value(value: object) -> str:
    """A TOML literal for the few value types a ``graph.toml`` uses.

    >>> _toml_value(["a", 'say "hi"'])
    '["a", "say \\\\"hi\\\\""]'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # JSON string escapes (\\", \\\\, \\n, \\uXXXX) are valid TOML basic-string escapes.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to graph.toml: {value!r}")


def _toml_table(header: str, table: dict[str, Any]) -> str:
    """``[header]`` or ``[[header]]`` followed by ``key = value`` lines."""
    lines = [header, *(f"{key} = {_toml_value(value)}" for key, value in table.items())]
    return "\n".join(lines) + "\n"


def copy_suffix(i: int) -> str:
    """The paragraph appended to copy ``i`` of a ``distinct`` corpus.

    >>> copy_suffix(7)
    '\\n\\nThis is archive copy number 7 of the article.\\n'
    """
    return f"\n\nThis is archive copy number {i} of the article.\n"


def copy_file(i: int, copies: int) -> str:
    """The file of copy ``i`` of ``copies``: ``sources/copy-NNN.txt``, at least three digits.

    >>> copy_file(50, 100), copy_file(7, 10000)
    ('sources/copy-050.txt', 'sources/copy-0007.txt')
    """
    return f"sources/copy-{i:0{max(3, len(str(copies - 1)))}d}.txt"


def make_graph(target: Path, copies: int | None, *, distinct: bool = False) -> Path:
    """Copy the seed graph to ``target`` with its ontology pointing at ``ONTOLOGY_DIR``.

    Args:
        target: the new graph folder (must not exist).
        copies: ``None`` for the seed source alone, else that many copies of it as
            ``sources/copy-NNN.txt`` (at least three digits), each with its own
            ``[[sources]]`` entry.
        distinct: append :func:`copy_suffix` to each copy, so no two texts are equal.

    Returns:
        ``target``.
    """
    manifest = tomllib.loads((SEED_GRAPH / "graph.toml").read_text(encoding="utf-8"))
    graph = {**manifest["graph"], "ontology": [str(ONTOLOGY_DIR)]}
    seeds: list[dict[str, Any]] = manifest["sources"]
    if len(seeds) != 1:
        raise ValueError(f"{SEED_GRAPH}/graph.toml: expected one seed source, got {len(seeds)}")
    seed = seeds[0]
    (target / "sources").mkdir(parents=True)
    if copies is None:
        shutil.copyfile(SEED_GRAPH / seed["file"], target / seed["file"])
        sources = [seed]
    else:
        text = (SEED_GRAPH / seed["file"]).read_text(encoding="utf-8")
        sources = []
        for i in range(copies):
            file = copy_file(i, copies)
            body = text + copy_suffix(i) if distinct else text
            (target / file).write_text(body, encoding="utf-8")
            title = f"{seed['title']} (copy {Path(file).stem.removeprefix('copy-')})"
            sources.append({**seed, "file": file, "title": title})
    text = _toml_table("[graph]", graph) + "".join(
        "\n" + _toml_table("[[sources]]", s) for s in sources
    )
    (target / "graph.toml").write_text(text, encoding="utf-8")
    return target


def paragraph_texts(graph_dir: Path) -> list[str]:
    """Every paragraph the builder's ``parse`` stage hands to spaCy, in build order."""
    config = load_config(graph_dir)
    texts = []
    for source in config.sources:
        text = read_text(config.directory / source.file)
        texts.extend(text[p.start : p.end] for p in split_paragraphs(text))
    return texts


def change_number(path: Path, old: int, new: int) -> str:
    """Replace the one occurrence of ``old`` in ``path`` by ``new``; a description of the edit."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"\b{old}\b")
    if len(pattern.findall(text)) != 1:
        raise ValueError(f"{path}: expected exactly one '{old}' to change")
    path.write_text(pattern.sub(str(new), text), encoding="utf-8")
    return f"{path.name}: {old} -> {new}"


# --- memory ---------------------------------------------------------------------------------


def _status_kib(key: str, pid: int | str = "self") -> int | None:
    """A ``kB`` field of ``/proc/PID/status`` (Linux), or ``None``."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark (``VmHWM``) for this process; ``False`` if unsupported."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return _status_kib("VmHWM") is not None


def _maxrss_mib(who: int) -> float:
    """``getrusage(who).ru_maxrss`` in MiB (KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _rss_mib() -> float:
    """Current resident memory in MiB (0 where ``/proc`` is unavailable)."""
    return (_status_kib("VmRSS") or 0) / 1024


def _descendants(root: int) -> list[int]:
    """``root`` and every process below it, from the parent ids in ``/proc/*/stat``."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    tree, i = [root], 0
    while i < len(tree):
        tree += children.get(tree[i], [])
        i += 1
    return tree


def _rss_pss_kib(pid: int) -> tuple[int, int]:
    """``Rss`` and ``Pss`` of one process from ``/proc/PID/smaps_rollup`` (0, 0 if gone)."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss, pss


class TreeSampler(threading.Thread):
    """Polls a process tree's summed RSS and PSS every ``interval`` seconds; keeps the peaks.

    ``peaks`` maps ``rss`` (sum of RSS), ``pss`` (sum of PSS) and ``root`` (the
    root process's RSS) to ``(KiB, time.time() of the sample)``.
    """

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peaks: dict[str, tuple[int, float]] = {k: (0, 0.0) for k in ("rss", "pss", "root")}
        self.max_processes = self.samples = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        """Sample until :meth:`stop`."""
        while not self._stop_event.is_set():
            tree = _descendants(self.pid)
            usage = [_rss_pss_kib(p) for p in tree]
            now = time.time()
            values = {
                "rss": sum(r for r, _ in usage),
                "pss": sum(p for _, p in usage),
                "root": usage[0][0],
            }
            for key, value in values.items():
                if value > self.peaks[key][0]:
                    self.peaks[key] = (value, now)
            self.max_processes = max(self.max_processes, sum(1 for r, _ in usage if r))
            self.samples += 1
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        """End the polling and wait for the thread."""
        self._stop_event.set()
        self.join()


# --- measuring ------------------------------------------------------------------------------


def preload() -> None:
    """Import what ``build()`` would import on first use, now.

    The source tree may be edited while the benchmark runs; importing everything
    at the start keeps one process from mixing module versions. A one-shot CLI
    build imports these during the build instead (well under a second).
    """
    for name in PRELOAD:
        importlib.import_module(name)


def source_digest() -> str:
    """SHA-256 over ``src/historygraph/**/*.py``: did the library change during the run?"""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "historygraph").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass
class Build:
    """One run of the real ``build()``: wall time, the builder's timings, what we timed around it."""

    label: str
    jobs: int | None
    use_cache: bool
    wall: float
    stages: dict[str, float]
    #: The builder's own extraction timings (part of ``stages``), summed.
    extract_timed: float
    #: Around ``build()``'s untimed parts (see ``instrumented``).
    extract_call: float
    count_classes: float
    writes: float
    extracted: int
    cached: int
    resolved_jobs: int
    trig_bytes: int
    trig_sha256: str
    peak_rss_mib: float
    #: ``time.time()`` when ``build()`` was called.
    started_at: float
    #: The wrapped calls (see ``instrumented``): ``[function name, entry, exit]``, ``time.time()``.
    calls: list[list[Any]] = field(default_factory=list)

    @property
    def total(self) -> float:
        """Wall seconds without the excluded stages (model load)."""
        return self.wall - sum(self.stages.get(s, 0.0) for s in EXCLUDED_STAGES)

    @property
    def workers(self) -> int:
        """Extraction processes used: ``min(jobs, documents to extract)``; 1 means in-process."""
        return min(self.resolved_jobs, self.extracted)

    def rows(self) -> dict[str, float]:
        """Every timed row, the untimed ones included, excluded stages left out; sums to ``total``."""
        rows = {k: v for k, v in self.stages.items() if k not in EXCLUDED_STAGES}
        untimed_extract = self.extract_call - self.extract_timed
        other = self.wall - sum(self.stages.values()) - self.extract_call
        other += self.extract_timed - self.count_classes - self.writes
        values = (untimed_extract, self.count_classes, self.writes, other)
        rows.update(zip(UNTIMED_ROWS, values, strict=True))
        return rows


@contextmanager
def instrumented() -> Iterator[tuple[dict[str, float], list[tuple[str, float, float]]]]:
    """Time the parts of ``build()`` it does not time itself, by wrapping what it calls.

    ``historygraph.build.build`` looks up ``extract``, ``count_classes`` and
    ``atomic_write_text`` in its module when it runs and calls
    ``BuildResult.report`` for ``report.json``; wrapping them (a clock read on
    entry and exit) changes nothing else.

    Yields:
        Seconds per part (``extract``, ``count``, ``writes``), and every call as
        ``(function name, time.time() at entry, at exit)``.
    """
    spent: dict[str, float] = {}
    calls: list[tuple[str, float, float]] = []

    def timed(key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0, wall0 = time.perf_counter(), time.time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[key] = spent.get(key, 0.0) + time.perf_counter() - t0
                calls.append((fn.__name__, wall0, time.time()))

        return wrapper

    names = {"extract": "extract", "count_classes": "count", "atomic_write_text": "writes"}
    originals = {name: getattr(hg_build, name) for name in names}
    report = BuildResult.report
    try:
        for name, key in names.items():
            setattr(hg_build, name, timed(key, originals[name]))
        BuildResult.report = timed("writes", report)  # type: ignore[method-assign]
        yield spent, calls
    finally:
        for name, fn in originals.items():
            setattr(hg_build, name, fn)
        BuildResult.report = report  # type: ignore[method-assign]


def measure_build(
    graph_dir: Path, label: str, *, jobs: int | None, use_cache: bool, per_build_peak: bool
) -> Build:
    """Run the real build once (cache and jobs as given) and time it."""
    gc.collect()  # the previous run's garbage is not this build's cost
    if per_build_peak:
        _reset_peak_rss()
    with instrumented() as (spent, calls):
        started_at = time.time()
        t0 = time.perf_counter()
        result = build(graph_dir, jobs=jobs, use_cache=use_cache)
        wall = time.perf_counter() - t0
    hwm = _status_kib("VmHWM") if per_build_peak else None
    peak = hwm / 1024 if hwm is not None else _maxrss_mib(resource.RUSAGE_SELF)
    trig_path = result.config.trig_path
    measured = Build(
        label=label,
        jobs=jobs,
        use_cache=use_cache,
        wall=wall,
        stages=dict(result.timings),
        extract_timed=sum(result.stats.timings.values()),
        extract_call=spent.get("extract", 0.0),
        count_classes=spent.get("count", 0.0),
        writes=spent.get("writes", 0.0),
        extracted=result.stats.extracted,
        cached=result.stats.cached,
        resolved_jobs=result.stats.jobs,
        trig_bytes=trig_path.stat().st_size,
        trig_sha256="",
        peak_rss_mib=peak,
        started_at=started_at,
        calls=[list(c) for c in calls],
    )
    del result  # before hashing: the dataset is not kept alive into anything else
    with trig_path.open("rb") as handle:  # streamed, so the file is not held in memory
        measured.trig_sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
    return measured


def measure_spacy(nlp: Any, texts: list[str]) -> tuple[float, int]:
    """Seconds for ``list(nlp.pipe(texts))`` (spaCy's own parse, nothing else), and tokens parsed."""
    gc.collect()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    seconds = time.perf_counter() - t0
    return seconds, sum(len(d) for d in docs)


def _spin(n: int) -> None:
    """Busy work for :func:`cpu_capacity`."""
    x = 0
    for i in range(n):
        x += i


def cpu_capacity(procs: int = PARALLEL_JOBS, n: int = 8_000_000) -> float | None:
    """How many CPUs' worth of work ``procs`` processes get right now (ideal: ``procs``).

    The same busy loop is run ``procs`` times one after the other in this process,
    then once in each of ``procs`` forked processes at the same time; the ratio of
    the two wall times. ``None`` without ``fork``.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    t0 = time.perf_counter()
    for _ in range(procs):
        _spin(n)
    sequential = time.perf_counter() - t0
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_spin, args=(n,)) for _ in range(procs)]
    t0 = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return sequential / (time.perf_counter() - t0)


# --- scenario 1 (and 3): full builds, cache off ---------------------------------------------


@dataclass
class FullRun:
    """One run of scenario 1: spaCy's parse, a ``jobs=1`` build and a default-jobs build."""

    order: str
    spacy_parse: float
    serial: Build
    parallel: Build


@dataclass
class FullScenario:
    """A graph built with the cache off, with what the spaCy baseline parses."""

    name: str
    documents: int
    characters: int
    paragraphs: int
    tokens: int
    parallel_jobs: int | None
    runs: list[FullRun] = field(default_factory=list)


def run_full(
    name: str,
    graph_dir: Path,
    nlp: Any,
    repeats: int,
    per_build_peak: bool,
    parallel_jobs: int | None = None,
) -> FullScenario:
    """Measure ``repeats`` runs; the order flips each run so no side is always first."""
    texts = paragraph_texts(graph_dir)
    scenario = FullScenario(
        name=name,
        documents=len(load_config(graph_dir).sources),
        characters=sum(len(t) for t in texts),
        paragraphs=len(texts),
        tokens=0,
        parallel_jobs=parallel_jobs,
    )
    plabel = f"jobs={parallel_jobs}" if parallel_jobs else "jobs=default"
    for i in range(repeats):
        spacy_first = i % 2 == 0
        done: dict[str, Any] = {}
        steps: list[tuple[str, Callable[[], Any]]] = [
            ("spaCy", lambda: measure_spacy(nlp, texts)),
            (
                "jobs=1",
                lambda: measure_build(
                    graph_dir, "jobs=1", jobs=1, use_cache=False, per_build_peak=per_build_peak
                ),
            ),
            (
                plabel,
                lambda: measure_build(
                    graph_dir,
                    plabel,
                    jobs=parallel_jobs,
                    use_cache=False,
                    per_build_peak=per_build_peak,
                ),
            ),
        ]
        for key, step in steps if spacy_first else steps[::-1]:
            done[key] = step()
        spacy_seconds, scenario.tokens = done["spaCy"]
        run = FullRun(
            order=", ".join(k for k, _ in (steps if spacy_first else steps[::-1])),
            spacy_parse=spacy_seconds,
            serial=done["jobs=1"],
            parallel=done[plabel],
        )
        scenario.runs.append(run)
        print(
            f"  {name} run {i + 1}/{repeats} ({run.order}): spaCy {spacy_seconds:.2f} s, "
            f"jobs=1 {run.serial.total:.2f} s, {plabel} ({run.parallel.resolved_jobs} jobs, "
            f"{run.parallel.workers} worker process(es)) {run.parallel.total:.2f} s",
            flush=True,
        )
    return scenario


def median_of(builds: Sequence[Build]) -> Build:
    """The build with the median total (the lower middle for an even count)."""
    return sorted(builds, key=lambda b: b.total)[(len(builds) - 1) // 2]


def summarise_full(s: FullScenario) -> dict[str, Any]:
    """Medians and the verdict; ratios are medians of per-run ratios (same machine load)."""
    spacy_s = statistics.median(r.spacy_parse for r in s.runs)
    out: dict[str, Any] = {"spacy_parse_seconds": spacy_s, "tokens": s.tokens}
    for key in ("serial", "parallel"):
        builds = [getattr(r, key) for r in s.runs]
        ratio = statistics.median(getattr(r, key).total / r.spacy_parse for r in s.runs)
        out[key] = {
            "jobs": builds[0].resolved_jobs,
            "workers": builds[0].workers,
            "build_seconds_excl_model_load": statistics.median(b.total for b in builds),
            "ratio_build_to_spacy": ratio,
            "overhead": ratio - 1,
            "peak_rss_mib_parent": max(b.peak_rss_mib for b in builds),
            "median_run": builds.index(median_of(builds)) + 1,
        }
    out["serial"]["target_overhead"] = TARGET_OVERHEAD
    out["serial"]["verdict"] = "PASS" if out["serial"]["overhead"] <= TARGET_OVERHEAD else "MISS"
    out["parallel"]["note"] = "informational: builder with worker processes vs one-process spaCy"
    return out


# --- scenario 2: incremental ----------------------------------------------------------------


@dataclass
class IncrementalPair:
    """A full no-cache build and a one-source-changed cached rebuild, measured back to back."""

    order: str
    edit: str
    full: Build
    rebuild: Build


@dataclass
class IncrementalScenario:
    """The cache-on builds of the 100-copy corpus."""

    documents: int
    #: The source edited: copy ``documents // 2``.
    changed: str
    first_cached_build: Build
    unchanged_rebuild: Build
    pairs: list[IncrementalPair] = field(default_factory=list)


def run_incremental(graph_dir: Path, repeats: int, per_build_peak: bool) -> IncrementalScenario:
    """Fill the cache, rebuild unchanged, then ``repeats`` x (full no-cache, edit + rebuild)."""

    def go(label: str, use_cache: bool) -> Build:
        b = measure_build(
            graph_dir, label, jobs=None, use_cache=use_cache, per_build_peak=per_build_peak
        )
        print(
            f"  incremental {label}: {b.total:.2f} s "
            f"({b.extracted} extracted, {b.cached} from cache)",
            flush=True,
        )
        return b

    documents = len(load_config(graph_dir).sources)
    changed = graph_dir / copy_file(documents // 2, documents)
    scenario = IncrementalScenario(
        documents=documents,
        changed=changed.relative_to(graph_dir).as_posix(),
        first_cached_build=go("first build, cache on (empty cache)", True),
        unchanged_rebuild=go("rebuild, nothing changed", True),
    )
    number = CHANGED_NUMBER
    for i in range(repeats):
        full_first = i % 2 == 0
        full = go(f"pair {i + 1}: full build, cache off", False) if full_first else None
        edit = change_number(changed, number, number + 1)
        number += 1
        rebuild = go(f"pair {i + 1}: rebuild after {edit}", True)
        if rebuild.extracted != 1:
            raise RuntimeError(f"expected 1 document re-extracted, got {rebuild.extracted}")
        if full is None:
            full = go(f"pair {i + 1}: full build, cache off", False)
        order = "full, edit+rebuild" if full_first else "edit+rebuild, full"
        scenario.pairs.append(IncrementalPair(order, edit, full, rebuild))
    return scenario


def summarise_incremental(s: IncrementalScenario, model_load: float) -> dict[str, Any]:
    """Median rebuild share of the paired full build, with and without a model load."""
    share = statistics.median(p.rebuild.total / p.full.total for p in s.pairs)
    with_load = statistics.median(
        (p.rebuild.total + model_load) / (p.full.total + model_load) for p in s.pairs
    )
    rebuilds = [p.rebuild for p in s.pairs]
    return {
        "full_no_cache_seconds": statistics.median(p.full.total for p in s.pairs),
        "rebuild_seconds": statistics.median(p.rebuild.total for p in s.pairs),
        "rebuild_share": share,
        "rebuild_share_with_model_load": with_load,
        "target_share": TARGET_INCREMENTAL_SHARE,
        "verdict": "PASS" if share <= TARGET_INCREMENTAL_SHARE else "MISS",
        "first_cached_build_seconds": s.first_cached_build.total,
        "unchanged_rebuild_seconds": s.unchanged_rebuild.total,
        "median_rebuild_pair": rebuilds.index(median_of(rebuilds)) + 1,
    }


# --- scenario 3: parallel -------------------------------------------------------------------


def summarise_parallel(pairs: list[tuple[Build, Build]]) -> dict[str, Any]:
    """Speed-up of the parallel build over ``jobs=1``: whole build, extraction, validation."""
    speedup = statistics.median(a.total / b.total for a, b in pairs)
    extract = statistics.median(a.extract_call / b.extract_call for a, b in pairs)
    validate = statistics.median(
        a.stages.get("validate", 0.0) / b.stages["validate"]
        for a, b in pairs
        if b.stages.get("validate")
    )
    hashes = {b.trig_sha256 for pair in pairs for b in pair}
    return {
        "jobs": [pairs[0][0].resolved_jobs, pairs[0][1].resolved_jobs],
        "serial_seconds": statistics.median(a.total for a, _ in pairs),
        "parallel_seconds": statistics.median(b.total for _, b in pairs),
        "speedup": speedup,
        "extract_speedup": extract,
        "validate_speedup": validate,
        "target_speedup": TARGET_SPEEDUP,
        "verdict": "PASS" if speedup >= TARGET_SPEEDUP else "MISS",
        "graph_trig": "IDENTICAL" if len(hashes) == 1 else "DIFFERENT",
        "graph_trig_sha256": sorted(hashes),
        "graph_trig_bytes": pairs[0][0].trig_bytes,
    }


# --- scenario 4: memory ---------------------------------------------------------------------


def memory_child(graph_dir: Path) -> None:
    """In the child process: build once (cache off, default jobs); print the numbers as JSON."""
    preload()
    b = measure_build(graph_dir, "memory", jobs=None, use_cache=False, per_build_peak=False)
    out = {
        "build": asdict(b),
        # VmHWM: this process's own peak (ru_maxrss keeps the bench parent's across exec)
        "self_maxrss_mib": (_status_kib("VmHWM") or 0) / 1024 or _maxrss_mib(resource.RUSAGE_SELF),
        "children_maxrss_mib": _maxrss_mib(resource.RUSAGE_CHILDREN),
    }
    print("RESULT " + json.dumps(out), flush=True)


def run_memory(graph_dir: Path) -> dict[str, Any]:
    """Build ``graph_dir`` in a child process, sampling its process tree; the peaks and times."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--memory-child", str(graph_dir)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    stdout, _ = proc.communicate()
    sampler.stop()
    process_wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"memory child failed with exit status {proc.returncode}")
    line = next(li for li in stdout.splitlines() if li.startswith("RESULT "))
    data = json.loads(line.removeprefix("RESULT "))
    b = Build(**data["build"])
    parent, worker = data["self_maxrss_mib"], data["children_maxrss_mib"]
    (rss_kib, rss_t), (pss_kib, pss_t), (root_kib, root_t) = (
        sampler.peaks[k] for k in ("rss", "pss", "root")
    )
    measured = max(parent, pss_kib / 1024)
    bound = parent + b.resolved_jobs * worker  # one pool of `jobs` workers at a time
    if bound < TARGET_PEAK_MIB:
        verdict = "PASS"
    elif measured < TARGET_PEAK_MIB:
        verdict = "PASS (measured; the upper bound exceeds the target)"
    else:
        verdict = "MISS"
    return {
        "documents": len(load_config(graph_dir).sources),
        "build": b,
        "process_wall_seconds": process_wall,
        "parent_peak_rss_mib": parent,
        "largest_worker_peak_rss_mib": worker,
        "sampled_tree_peak_rss_mib": rss_kib / 1024,
        "sampled_tree_peak_rss_during": stage_at(b, rss_t),
        "sampled_tree_peak_pss_mib": pss_kib / 1024,
        "sampled_tree_peak_pss_during": stage_at(b, pss_t),
        "sampled_build_process_peak_rss_mib": root_kib / 1024,
        "sampled_build_process_peak_during": stage_at(b, root_t),
        "sampled_max_processes": sampler.max_processes,
        "samples": sampler.samples,
        "peak_rss_mib": measured,
        "upper_bound_mib": bound,
        "target_mib": TARGET_PEAK_MIB,
        "verdict": verdict,
    }


# --- reporting ------------------------------------------------------------------------------


def timeline(b: Build) -> list[tuple[str, float, float]]:
    """``(stage, start, end)`` of ``b`` in ``time.time()`` seconds, in the order ``build()`` runs.

    Built from the wrapped calls, which have clock times (``extract``,
    ``count_classes``, the ``graph.trig`` write), and the builder's durations in
    between (emit, infer, serialize, validate after extraction; view and store
    after the ``graph.trig`` write).
    """
    calls: dict[str, list[tuple[float, float]]] = {}
    for name, start, end in b.calls:
        calls.setdefault(name, []).append((start, end))
    spans: list[tuple[str, float, float]] = []

    def walk(names: Sequence[str], t: float) -> float:
        for name in names:
            if name in b.stages:
                spans.append((name, t, t + b.stages[name]))
                t += b.stages[name]
        return t

    t = b.started_at
    for name, label, after in (
        ("extract", "extract", ("emit", "infer", "serialize", "validate")),
        ("count_classes", "count_classes*", ()),
        ("atomic_write_text", "write graph.trig*", ("view", "store")),
    ):
        if name in calls:
            start, end = calls[name][0]
            spans.append((label, start, end))
            t = walk(after, end)
    spans.append(("report.json*", t, b.started_at + b.wall))
    return spans


def stage_at(b: Build, when: float) -> str:
    """The stage of ``b`` running at ``time.time()`` ``when``, or the one that ended just before."""
    if when < b.started_at:
        return "before build()"
    last = "build() start"
    for name, start, end in timeline(b):
        if start <= when <= end:
            return name
        if end < when:
            last = name
    return f"just after {last}"


def _ordered(keys: Sequence[str]) -> list[str]:
    """Stage names in build order: ontology, extraction, the late stages, then untimed rows."""
    unique = list(dict.fromkeys(keys))
    early = [k for k in unique if k not in LATE_STAGES and k not in UNTIMED_ROWS]
    late = [k for k in LATE_STAGES if k in unique]
    return early + late + [k for k in UNTIMED_ROWS if k in unique]


def stage_table(columns: list[tuple[str, Build]], speedup: bool = False) -> None:
    """Seconds and share per stage, one column pair per build; optionally the speed-up of col 2."""
    width = 30
    keys = _ordered([k for _, b in columns for k in b.rows()])
    head = f"{'stage':<{width}}" + "".join(f"{label:>12}{'share':>8}" for label, _ in columns)
    print(head + (f"{'speed-up':>10}" if speedup else ""))
    for key in keys:
        line = f"{key:<{width}}"
        values = [b.rows().get(key) for _, b in columns]
        for (_, b), v in zip(columns, values, strict=True):
            line += f"{'-':>12}{'':>8}" if v is None else f"{v:>12.3f}{v / b.total:>8.1%}"
        if speedup and None not in values and values[1]:
            line += f"{values[0] / values[1]:>9.2f}x"  # type: ignore[operator]
        print(line)
    line = f"{'total (excl. model load)':<{width}}"
    line += "".join(f"{b.total:>12.3f}{1:>8.1%}" for _, b in columns)
    print(line + (f"{columns[0][1].total / columns[1][1].total:>9.2f}x" if speedup else ""))
    for name in EXCLUDED_STAGES:
        line = f"{'[excluded] ' + name:<{width}}"
        print(line + "".join(f"{b.stages.get(name, 0.0):>12.3f}{'':>8}" for _, b in columns))


def dominant(b: Build, n: int = 3) -> str:
    """The ``n`` largest rows of a build, with their shares."""
    rows = sorted(b.rows().items(), key=lambda kv: -kv[1])[:n]
    return ", ".join(f"{k.rstrip('*')} {v / b.total:.0%}" for k, v in rows)


def _runs(values: Sequence[float], fmt: str = "{:.2f}") -> str:
    return " / ".join(fmt.format(v) for v in values)


def print_full(s: FullScenario, summary: dict[str, Any]) -> None:
    """Scenario 1's table for one graph and its PASS/MISS line."""
    ser, par = summary["serial"], summary["parallel"]
    rep_s = s.runs[ser["median_run"] - 1].serial
    rep_p = s.runs[par["median_run"] - 1].parallel
    plabel = f"jobs={par['jobs']}"
    print(
        f"\n== 1. full build, cache off: {s.name}: {s.documents} document(s), "
        f"{s.characters:,} chars, {s.paragraphs:,} paragraphs, {s.tokens:,} tokens; "
        f"{len(s.runs)} runs, medians; stages of the median run =="
    )
    stage_table([("jobs=1", rep_s), (plabel, rep_p)])
    print(
        f"runs: spaCy {_runs([r.spacy_parse for r in s.runs])} s; "
        f"jobs=1 {_runs([r.serial.total for r in s.runs])} s; "
        f"{plabel} {_runs([r.parallel.total for r in s.runs])} s; "
        f"order {' | '.join(r.order for r in s.runs)}"
    )
    print(
        f"spaCy parse (list(nlp.pipe(paragraphs)), ONE process), median: "
        f"{summary['spacy_parse_seconds']:.3f} s"
    )
    print(
        f"[target] jobs=1 build (one process, like the spaCy baseline), median "
        f"{ser['build_seconds_excl_model_load']:.3f} s: ratio build/spaCy "
        f"{ser['ratio_build_to_spacy']:.2f}x (per run "
        f"{_runs([r.serial.total / r.spacy_parse for r in s.runs])}), overhead "
        f"{ser['overhead']:+.0%}; target <= {TARGET_OVERHEAD:.0%}: {ser['verdict']}"
    )
    workers = (
        f"{par['workers']} extraction worker processes"
        if par["workers"] > 1
        else "extraction in-process: one document, so workers = min(jobs, documents) = 1"
    )
    print(
        f"[info]   {plabel} build (default jobs = CPU count; {workers}), median "
        f"{par['build_seconds_excl_model_load']:.3f} s: ratio vs ONE-process spaCy "
        f"{par['ratio_build_to_spacy']:.2f}x, overhead {par['overhead']:+.0%} "
        "(not like-for-like; no verdict)"
    )
    print(
        f"dominant stages: jobs=1: {dominant(rep_s)}; {plabel}: {dominant(rep_p)}; "
        f"peak RSS (this process only, workers not included): jobs=1 "
        f"{ser['peak_rss_mib_parent']:.0f} MiB, {plabel} {par['peak_rss_mib_parent']:.0f} MiB"
    )


def print_incremental(s: IncrementalScenario, summary: dict[str, Any], model_load: float) -> None:
    """Scenario 2's table (full build vs rebuild, median pair) and its PASS/MISS line."""
    pair = s.pairs[summary["median_rebuild_pair"] - 1]
    print(
        f"\n== 2. incremental: corpus-{s.documents}, one source changed "
        f"({s.changed}: one number), rebuilt with the cache, default jobs; "
        f"{len(s.pairs)} pairs, medians; stages of the median pair =="
    )
    stage_table([("full", pair.full), ("rebuild", pair.rebuild)])
    print(
        f"runs: full no-cache {_runs([p.full.total for p in s.pairs])} s; rebuild "
        f"{_runs([p.rebuild.total for p in s.pairs])} s "
        f"({' | '.join(f'{p.edit}, {p.order}' for p in s.pairs)}); each rebuild re-extracted "
        f"{pair.rebuild.extracted} and took {pair.rebuild.cached} from the cache"
    )
    print(
        f"cache on, first build (empty cache): {summary['first_cached_build_seconds']:.3f} s; "
        f"rebuild with nothing changed: {summary['unchanged_rebuild_seconds']:.3f} s"
    )
    print(
        f"[target] rebuild {summary['rebuild_seconds']:.3f} s vs full no-cache build "
        f"{summary['full_no_cache_seconds']:.3f} s: {summary['rebuild_share']:.1%} "
        f"(median of per-pair shares); target <= {TARGET_INCREMENTAL_SHARE:.0%}: "
        f"{summary['verdict']}"
    )
    print(
        f"[info]   with the model load a one-shot CLI run pays on both sides "
        f"(+{model_load:.2f} s each): {summary['rebuild_share_with_model_load']:.1%}"
    )
    print(f"dominant stages of the rebuild: {dominant(pair.rebuild, 4)}")


def print_parallel(
    corpus: str,
    pairs: list[tuple[Build, Build]],
    summary: dict[str, Any],
    reused: bool,
    capacity: dict[str, float | None],
) -> None:
    """Scenario 3's table (jobs=1 vs jobs=2, per-stage speed-up) and its PASS/MISS lines."""
    i = sorted(range(len(pairs)), key=lambda k: pairs[k][1].total)[(len(pairs) - 1) // 2]
    a, b = pairs[i]
    src = "the corpus runs of scenario 1 (default jobs = 2 here)" if reused else "own runs"
    print(
        f"\n== 3. parallel: {corpus}, cache off, jobs=1 vs jobs={PARALLEL_JOBS}; "
        f"{len(pairs)} pairs from {src}; stages of the median pair =="
    )
    stage_table([("jobs=1", a), (f"jobs={PARALLEL_JOBS}", b)], speedup=True)
    print(
        f"runs: jobs=1 {_runs([p[0].total for p in pairs])} s; jobs={PARALLEL_JOBS} "
        f"{_runs([p[1].total for p in pairs])} s; speed-up per pair "
        f"{_runs([p[0].total / p[1].total for p in pairs])}x"
    )
    print(
        f"CPU capacity now (busy loop in {PARALLEL_JOBS} processes vs one after the other; "
        f"ideal {PARALLEL_JOBS:.2f}x): "
        + ", ".join(f"{k} {'n/a' if v is None else f'{v:.2f}x'}" for k, v in capacity.items())
        + " (below ~1.6x the machine itself cannot deliver the target speed-up)"
    )
    print(
        f"speed-up of the extract() call: {summary['extract_speedup']:.2f}x; of 'validate': "
        f"{summary['validate_speedup']:.2f}x (both may use worker processes; the other stages "
        "run in the build process)"
    )
    print(
        f"[target] jobs={PARALLEL_JOBS} vs jobs=1, whole build: {summary['speedup']:.2f}x "
        f"(median of per-pair ratios); target >= {TARGET_SPEEDUP}x: {summary['verdict']}"
    )
    print(
        f"[check]  graph.trig of all {2 * len(pairs)} builds ({summary['graph_trig_bytes']:,} "
        f"bytes): {summary['graph_trig']}"
    )


def print_memory(m: dict[str, Any]) -> None:
    """Scenario 4's table and its PASS/MISS line."""
    b: Build = m["build"]
    print(
        f"\n== 4. memory: {m['documents']} documents (distinct: copy i ends with "
        f"'This is archive copy number i of the article.'), cache off, default jobs "
        f"({b.resolved_jobs}, {b.workers} worker processes); one build in a child process =="
    )
    stage_table([("seconds", b)])
    print(
        f"wall: build() {b.wall:.1f} s incl. model load ({b.stages.get('load model', 0):.2f} s), "
        f"{b.total:.1f} s excl.; whole child process (interpreter start, imports) "
        f"{m['process_wall_seconds']:.1f} s; graph.trig {b.trig_bytes:,} bytes"
    )
    print(
        f"exact peaks (ru_maxrss): build process {m['parent_peak_rss_mib']:.0f} MiB; largest "
        f"single worker {m['largest_worker_peak_rss_mib']:.0f} MiB (RUSAGE_CHILDREN: extraction "
        "workers and the view process, forked from the build process: their RSS counts pages "
        "they share with it)"
    )
    print(
        f"sampled every 0.2 s ({m['samples']} samples, up to {m['sampled_max_processes']} "
        f"processes at once): build process RSS {m['sampled_build_process_peak_rss_mib']:.0f} MiB "
        f"(during '{m['sampled_build_process_peak_during']}'); tree sum of RSS "
        f"{m['sampled_tree_peak_rss_mib']:.0f} MiB (during '{m['sampled_tree_peak_rss_during']}'; "
        f"counts pages a forked worker shares with its parent once per process); tree sum of PSS "
        f"{m['sampled_tree_peak_pss_mib']:.0f} MiB (during '{m['sampled_tree_peak_pss_during']}'; "
        "shared pages divided between the processes: the memory the tree really occupies)"
    )
    print(
        f"[target] peak memory of the process tree {m['peak_rss_mib']:.0f} MiB = max(build "
        f"process peak, sampled sum of PSS); upper bound {m['upper_bound_mib']:.0f} MiB (build "
        f"process peak + {b.resolved_jobs} x largest worker peak); target < "
        f"{TARGET_PEAK_MIB / 1024:.0f} GiB: {m['verdict']}"
    )
    print(f"dominant stages: {dominant(b, 4)}")


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    import spacy

    cpu = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    return {
        "nproc": default_jobs(),
        "cpu_count": os.cpu_count(),
        "cpu": cpu,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "commit": commit,
        "loadavg_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


# --- entry point ----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    """Measure the four scenarios, print their tables and write ``results/build.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=COPIES, help="corpus size, scenarios 1-3")
    parser.add_argument(
        "--memory-docs", type=int, default=MEMORY_DOCS, help="corpus size, scenario 4 (0: skip)"
    )
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args([] if argv is None else list(argv))
    if args.memory_child:
        memory_child(args.memory_child)
        return

    started = time.perf_counter()
    preload()
    info = machine()
    source_at_start = source_digest()
    model_name = load_config(SEED_GRAPH).model
    t0 = time.perf_counter()
    nlp = load_model(model_name)
    model_load = time.perf_counter() - t0
    per_build_peak = _reset_peak_rss()
    capacity: dict[str, float | None] = {"start": cpu_capacity()}
    print("== build benchmark: full, incremental, parallel, memory ==")
    print(
        f"machine: nproc {info['nproc']} (cpu_count {info['cpu_count']}), {info['cpu']}; "
        f"Python {info['python']}; spaCy {info['spacy']}; commit {info['commit']}; "
        f"load average {_runs(info['loadavg_start'] or [])}"
    )
    print(
        "NOTE: this machine may be shared with other jobs, so timings are noisy: every timing "
        f"but the memory build is taken {min(SEED_REPEATS, CORPUS_REPEATS, INCREMENTAL_REPEATS)}+ "
        "times and the MEDIAN is reported; ratios are medians of per-run ratios of builds "
        "measured back to back"
    )
    print(
        f"model: {model_name} -> {nlp.meta.get('name')} {nlp.meta.get('version')}, "
        f"loaded once in {model_load:.2f} s and excluded everywhere (load_model is cached; "
        "forked workers inherit it)"
    )
    print(
        "build = wall time of historygraph.build.build(dir, jobs=..., use_cache=...) minus its "
        "'load model' timing: ontology, extraction, emit, infer, serialize, SHACL, view and file "
        "writes all included; stage rows are the builder's timings plus the untimed parts (*)"
    )
    print(UNTIMED_NOTE)

    with tempfile.TemporaryDirectory(prefix="hg-bench-") as tmp_name:
        tmp = Path(tmp_name)
        corpus = f"corpus-{args.copies}"
        parallel_jobs = None  # the default: the CPU count
        full = [
            run_full("seed", make_graph(tmp / "seed", None), nlp, SEED_REPEATS, per_build_peak),
            run_full(
                corpus,
                make_graph(tmp / corpus, args.copies),
                nlp,
                CORPUS_REPEATS,
                per_build_peak,
                parallel_jobs,
            ),
        ]
        full_summaries = {s.name: summarise_full(s) for s in full}
        for s in full:
            print_full(s, full_summaries[s.name])
        print(flush=True)
        pairs = [(r.serial, r.parallel) for r in full[1].runs]
        reused = default_jobs() == PARALLEL_JOBS
        if not reused:
            extra = run_full(
                f"{corpus}-parallel",
                make_graph(tmp / "parallel", args.copies),
                nlp,
                CORPUS_REPEATS,
                per_build_peak,
                PARALLEL_JOBS,
            )
            pairs = [(r.serial, r.parallel) for r in extra.runs]
        capacity["after the parallel pairs"] = cpu_capacity()
        inc = run_incremental(
            make_graph(tmp / "incremental", args.copies), INCREMENTAL_REPEATS, per_build_peak
        )
        inc_summary = summarise_incremental(inc, model_load)
        print_incremental(inc, inc_summary, model_load)
        par_summary = summarise_parallel(pairs)
        print_parallel(corpus, pairs, par_summary, reused, capacity)
        print(flush=True)
        memory = None
        memory_error: RuntimeError | None = None
        if args.memory_docs > 0:
            mem_dir = make_graph(tmp / "memory", args.memory_docs, distinct=True)
            print(f"  memory: building {args.memory_docs} documents in a child process", flush=True)
            try:
                memory = run_memory(mem_dir)
                print_memory(memory)
            except RuntimeError as e:  # reported, the other results still written, then raised
                memory_error = e
                print(f"\n== 4. memory: FAILED: {e} (see the child's traceback above) ==")
        else:
            print("\n== 4. memory: skipped (--memory-docs 0) ==")
        capacity["end"] = cpu_capacity()

    total = time.perf_counter() - started
    info["source_changed_during_run"] = source_digest() != source_at_start
    if info["source_changed_during_run"]:
        print(
            "\nWARNING: src/historygraph changed while the benchmark ran: builds measured "
            "before and after the change (and the memory child, which imports the library "
            "when it starts) may have run different code"
        )
    info["loadavg_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(
        f"\nbenchmark total: {total:.0f} s; load average at the end "
        f"{_runs(info['loadavg_end'] or [])}; CPU capacity at the end "
        + ("n/a" if capacity["end"] is None else f"{capacity['end']:.2f}x")
    )

    def verdict(name: str, v: str) -> str:
        return f"{name} {v.split()[0]}"

    print(
        "verdicts: "
        + "; ".join(
            [
                verdict(f"1 {k} (jobs=1 vs spaCy)", v["serial"]["verdict"])
                for k, v in full_summaries.items()
            ]
            + [
                verdict("2 incremental", inc_summary["verdict"]),
                verdict("3 parallel", par_summary["verdict"]),
                f"3 graph.trig {par_summary['graph_trig']}",
            ]
            + ([verdict("4 memory", memory["verdict"])] if memory else [])
            + (["4 memory FAILED"] if memory_error else [])
        )
    )

    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": "build",
        "targets": {
            "full": "builder (jobs=1) adds at most 50% on top of spaCy's parse of the same text",
            "incremental": "one-source-changed rebuild <= 20% of a full no-cache build",
            "parallel": f"jobs={PARALLEL_JOBS} >= {TARGET_SPEEDUP}x faster than jobs=1, "
            "graph.trig byte-identical",
            "memory": "peak RSS of the process tree < 2 GiB for 1,000 documents",
        },
        "machine": info,
        "cpu_capacity": capacity,
        "total_seconds": total,
        "model": {
            "name": model_name,
            "package": nlp.meta.get("name"),
            "version": nlp.meta.get("version"),
            "load_seconds": model_load,
        },
        "method": {
            "build": "wall time of historygraph.build.build(dir, jobs, use_cache) minus "
            "timings['load model']; untimed parts measured by wrapping extract, count_classes, "
            "atomic_write_text and BuildResult.report",
            "spacy": "list(nlp.pipe(paragraphs)) over split_paragraphs() of every source, one "
            "call, one process",
            "median": "statistics.median over runs; ratios are medians of per-run ratios; "
            "stage tables from the median run (lower middle for an even count)",
            "incremental": f"cache filled by a first build, then per pair: a full build with "
            f"use_cache=False and, after changing one number in {inc.changed}, a rebuild "
            "with use_cache=True (order alternates); default jobs on both",
            "parallel": "jobs=1 and jobs=2 builds measured back to back (use_cache=False); "
            "graph.trig compared by SHA-256",
            "memory": "one build (use_cache=False, default jobs) in a child process; its own "
            "ru_maxrss, RUSAGE_CHILDREN ru_maxrss (largest worker), and the tree's summed RSS/PSS "
            "sampled from /proc every 0.2 s; copies made distinct by a final sentence",
            "peak_rss_in_process": "VmHWM reset via /proc/self/clear_refs before each build "
            "(this process only)"
            if per_build_peak
            else "getrusage(RUSAGE_SELF).ru_maxrss (peak so far)",
        },
        "full": [{**asdict(s), "summary": full_summaries[s.name]} for s in full],
        "incremental": {**asdict(inc), "summary": inc_summary},
        "parallel": {
            "reused_from_full": reused,
            "pairs": [[asdict(a), asdict(b)] for a, b in pairs],
            "summary": par_summary,
        },
        "memory": (
            {"error": str(memory_error)}
            if memory is None
            else {**memory, "build": asdict(memory["build"])}
        ),
    }
    RESULTS_PATH.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS_PATH.relative_to(ROOT)}")
    if memory_error is not None:
        raise memory_error


if __name__ == "__main__":
    main(sys.argv[1:])
