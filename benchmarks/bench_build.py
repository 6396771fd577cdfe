"""Benchmark: ``historygraph build`` time by stage against spaCy's own parse.

Two scenarios, measured in one process:

* ``seed``: the Black January graph with its one source;
* ``corpus-100``: 100 copies of that source under different file names
  (``sources/copy-000.txt`` ... ``copy-099.txt``), each registered in ``graph.toml``.

For each, the real :func:`historygraph.build.build` runs on a temporary copy of
the graph (so SHACL validation, ``graph.trig``, ``graph.html`` and
``report.json`` are all included), and the baseline is
``list(nlp.pipe(paragraphs))`` over exactly the paragraph texts the builder
parses, with the same spaCy model object. Model loading is excluded on both
sides (it is timed once and reported separately). The target is that the
builder adds at most 50% on top of spaCy's parse.

Run through ``make bench`` (``benchmarks/run.py``) or directly with
``.venv/bin/python benchmarks/bench_build.py``. Results are printed and written
to ``benchmarks/results/build.json``.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from historygraph.build import BuildResult, build, count_classes
from historygraph.config import load_config
from historygraph.nlp import load_model
from historygraph.ontology import load_ontology
from historygraph.sources import read_text
from historygraph.stages.parse import split_paragraphs

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
SEED_GRAPH = ROOT / "graphs" / "black-january"
ONTOLOGY_DIR = ROOT / "ontology"
RESULTS_PATH = BENCH_DIR / "results" / "build.json"

#: The builder may add at most this fraction on top of spaCy's parse time.
TARGET_OVERHEAD = 0.50
COPIES = 100
SEED_REPEATS = 3
CORPUS_REPEATS = 2
#: Timings the builder reports that are not part of "build time" for the target.
EXCLUDED_STAGES = ("load model",)


@dataclass
class Run:
    """One measurement of one scenario: a build and a spaCy baseline."""

    order: str
    build_wall: float
    build_excl_model: float
    stages: dict[str, float]
    untimed: float
    spacy_parse: float
    peak_rss_mib: float
    rss_before_mib: float


@dataclass
class Scenario:
    """A graph to build, with what the baseline parses and the runs measured."""

    name: str
    documents: int
    characters: int
    paragraphs: int
    tokens: int
    runs: list[Run] = field(default_factory=list)
    #: ``count_classes`` re-timed on the last run's dataset (the builder does not time it).
    count_classes_seconds: float = 0.0


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


def make_graph(target: Path, copies: int | None) -> Path:
    """Copy the seed graph to ``target`` with its ontology pointing at ``ONTOLOGY_DIR``.

    Args:
        target: the new graph folder (must not exist).
        copies: ``None`` for the seed source alone, else that many copies of it as
            ``sources/copy-NNN.txt``, each with its own ``[[sources]]`` entry.

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
        sources = []
        for i in range(copies):
            file = f"sources/copy-{i:03d}.txt"
            shutil.copyfile(SEED_GRAPH / seed["file"], target / file)
            sources.append({**seed, "file": file, "title": f"{seed['title']} (copy {i:03d})"})
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


# --- measuring ------------------------------------------------------------------------------


def _status_kib(key: str) -> int | None:
    """A ``kB`` field of ``/proc/self/status`` (Linux), or ``None``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark (``VmHWM``) for this process; ``False`` if unsupported."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return _status_kib("VmHWM") is not None


def _rusage_peak_mib() -> float:
    """Peak RSS of the whole process so far (``ru_maxrss``: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _rss_mib() -> float:
    """Current resident memory in MiB (0 where ``/proc`` is unavailable)."""
    return (_status_kib("VmRSS") or 0) / 1024


def measure_build(graph_dir: Path, per_build_peak: bool) -> tuple[float, BuildResult, float, float]:
    """Run the real build once.

    Returns:
        Wall seconds, the build result, peak RSS and RSS before the build, in MiB.
    """
    gc.collect()  # the previous run's garbage is not this build's cost
    rss_before = _rss_mib()
    if per_build_peak:
        _reset_peak_rss()
    t0 = time.perf_counter()
    result = build(graph_dir)
    wall = time.perf_counter() - t0
    hwm = _status_kib("VmHWM") if per_build_peak else None
    peak = hwm / 1024 if hwm is not None else _rusage_peak_mib()
    return wall, result, peak, rss_before


def time_count_classes(result: BuildResult) -> float:
    """Seconds for the builder's untimed ``count_classes`` step, re-run on a built dataset.

    ``build`` calls it between 'validate' and 'serialize' without recording a
    timing, so it otherwise shows up only in the untimed remainder.
    """
    ontology = load_ontology(result.config.ontology_dirs)
    gc.collect()
    t0 = time.perf_counter()
    count_classes(result.dataset, ontology)
    return time.perf_counter() - t0


def measure_spacy(nlp: Any, texts: list[str]) -> tuple[float, int]:
    """Seconds for ``list(nlp.pipe(texts))`` (spaCy's own parse, nothing else), and tokens parsed."""
    gc.collect()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    seconds = time.perf_counter() - t0
    return seconds, sum(len(d) for d in docs)


def run_scenario(
    name: str, graph_dir: Path, nlp: Any, repeats: int, per_build_peak: bool
) -> Scenario:
    """Measure ``repeats`` runs, alternating which side goes first so neither is always cold."""
    texts = paragraph_texts(graph_dir)
    scenario = Scenario(
        name=name,
        documents=len(load_config(graph_dir).sources),
        characters=sum(len(t) for t in texts),
        paragraphs=len(texts),
        tokens=0,
    )
    for i in range(repeats):
        spacy_first = i % 2 == 0
        spacy = measure_spacy(nlp, texts) if spacy_first else None
        wall, result, peak, rss_before = measure_build(graph_dir, per_build_peak)
        stages = dict(result.timings)
        if i == repeats - 1:
            scenario.count_classes_seconds = time_count_classes(result)
        del result  # not kept alive into the spaCy run or the next build
        if spacy is None:
            spacy = measure_spacy(nlp, texts)
        spacy_seconds, scenario.tokens = spacy
        excluded = sum(stages.get(s, 0.0) for s in EXCLUDED_STAGES)
        scenario.runs.append(
            Run(
                order="spacy, build" if spacy_first else "build, spacy",
                build_wall=wall,
                build_excl_model=wall - excluded,
                stages=stages,
                untimed=wall - sum(stages.values()),
                spacy_parse=spacy_seconds,
                peak_rss_mib=peak,
                rss_before_mib=rss_before,
            )
        )
        print(
            f"  {scenario.name} run {i + 1}/{repeats} ({scenario.runs[-1].order}): "
            f"build {wall:.2f} s, spaCy {spacy_seconds:.2f} s",
            flush=True,
        )
    return scenario


# --- reporting ------------------------------------------------------------------------------


def median_run(runs: list[Run]) -> Run:
    """The run with the median build time (the lower middle for an even count).

    Its stage timings are shown so the rows add up to the total shown.
    """
    return sorted(runs, key=lambda r: r.build_excl_model)[(len(runs) - 1) // 2]


def summarise(scenario: Scenario) -> dict[str, Any]:
    """The headline numbers: median build time, median spaCy time, ratio, verdict.

    The ratio is the median of the per-run ratios: each run pairs a build with a
    spaCy parse measured right next to it, so both saw the same machine load.
    """
    build_s = statistics.median([r.build_excl_model for r in scenario.runs])
    spacy_s = statistics.median([r.spacy_parse for r in scenario.runs])
    ratio = statistics.median([r.build_excl_model / r.spacy_parse for r in scenario.runs])
    overhead = ratio - 1
    rep = median_run(scenario.runs)
    return {
        "build_seconds_excl_model_load": build_s,
        "spacy_parse_seconds": spacy_s,
        "ratio_build_to_spacy": ratio,
        "overhead": overhead,
        "target_overhead": TARGET_OVERHEAD,
        "verdict": "PASS" if overhead <= TARGET_OVERHEAD else "MISS",
        "builder_parse_stage_seconds": rep.stages.get("parse", 0.0),
        "representative_run": scenario.runs.index(rep) + 1,
        "peak_rss_mib": max(r.peak_rss_mib for r in scenario.runs),
        "tokens_per_second_spacy": scenario.tokens / spacy_s,
        "tokens_per_second_build": scenario.tokens / build_s,
    }


def print_table(scenario: Scenario, summary: dict[str, Any]) -> None:
    """Stage, seconds and share of the median run, then the verdict against the target."""
    rep = median_run(scenario.runs)
    total = rep.build_excl_model
    width = 32
    print(
        f"\n== {scenario.name}: {scenario.documents} document(s), {scenario.characters:,} chars, "
        f"{scenario.paragraphs:,} paragraphs, {scenario.tokens:,} tokens; "
        f"{len(scenario.runs)} run(s), stages of run {summary['representative_run']} (median) =="
    )
    print(f"{'stage':<{width}}{'seconds':>10}{'share':>9}")
    rows = [(name, seconds) for name, seconds in rep.stages.items() if name not in EXCLUDED_STAGES]
    rows.append(("(untimed remainder)", rep.untimed))
    rows.append(("  of which count_classes*", scenario.count_classes_seconds))
    for name, seconds in rows:
        print(f"{name:<{width}}{seconds:>10.3f}{seconds / total:>9.1%}")
    print(f"{'total (excl. model load)':<{width}}{total:>10.3f}{1:>9.1%}")
    for name in EXCLUDED_STAGES:
        print(f"{'[excluded] ' + name:<{width}}{rep.stages.get(name, 0.0):>10.3f}")
    print(
        "* not timed by the builder; re-run once on the last run's dataset "
        "(untimed remainder = wall - sum of the builder's timings: reading sources, "
        "count_classes, writing graph.trig and report.json)"
    )
    print(
        "runs: build "
        + " / ".join(f"{r.build_excl_model:.3f}" for r in scenario.runs)
        + " s; spaCy "
        + " / ".join(f"{r.spacy_parse:.3f}" for r in scenario.runs)
        + " s; ratio "
        + " / ".join(f"{r.build_excl_model / r.spacy_parse:.2f}" for r in scenario.runs)
        + "; peak RSS "
        + " / ".join(f"{r.peak_rss_mib:.0f}" for r in scenario.runs)
        + " MiB"
    )
    print(
        f"build total, median (excl. model load): {summary['build_seconds_excl_model_load']:.3f} s"
    )
    print(
        f"spaCy parse, median (nlp.pipe, same paragraphs): {summary['spacy_parse_seconds']:.3f} s"
        f"  (builder's own 'parse' stage: {summary['builder_parse_stage_seconds']:.3f} s)"
    )
    print(f"ratio build/spaCy, median of per-run ratios: {summary['ratio_build_to_spacy']:.2f}x")
    print(
        f"overhead (build - spaCy)/spaCy: {summary['overhead']:+.0%}  "
        f"target <= {TARGET_OVERHEAD:.0%}: {summary['verdict']}"
    )


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
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
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
        "nproc": affinity,
        "cpu_count": os.cpu_count(),
        "cpu": cpu,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "commit": commit,
    }


# --- entry point ----------------------------------------------------------------------------


def main() -> None:
    """Measure both scenarios, print their tables and write ``results/build.json``."""
    info = machine()
    model_name = load_config(SEED_GRAPH).model
    t0 = time.perf_counter()
    nlp = load_model(model_name)
    model_load = time.perf_counter() - t0
    per_build_peak = _reset_peak_rss()
    rss_method = (
        "VmHWM from /proc/self/status, reset before each build via /proc/self/clear_refs: "
        "peak resident memory of the whole process during that build (model included)"
        if per_build_peak
        else "resource.getrusage(RUSAGE_SELF).ru_maxrss: peak of the whole process so far"
    )
    print("== build benchmark: historygraph build vs spaCy's own parse ==")
    print(
        f"machine: nproc {info['nproc']} (cpu_count {info['cpu_count']}), {info['cpu']}; "
        f"Python {info['python']}; spaCy {info['spacy']}; commit {info['commit']}"
    )
    print(
        f"model: {model_name} -> {nlp.meta.get('name')} {nlp.meta.get('version')}, "
        f"loaded once in {model_load:.2f} s (excluded from both sides; load_model is cached)"
    )
    print(
        "build = wall time of historygraph.build.build(dir) minus its 'load model' timing: "
        "ontology load, pipeline, emit, SHACL, serialize, view and file writes all included"
    )
    print(f"peak RSS: {rss_method}")
    print(
        "seed run 1 is this process's first build and first parse: it pays first-use costs "
        "(imports such as pyshacl, spaCy's first batch) that every one-shot CLI build pays; "
        "medians mostly leave them out, the per-run line shows them"
    )

    scenarios: list[Scenario] = []
    with tempfile.TemporaryDirectory(prefix="hg-bench-") as tmp:
        plan = [("seed", None, SEED_REPEATS), (f"corpus-{COPIES}", COPIES, CORPUS_REPEATS)]
        for name, copies, repeats in plan:
            graph_dir = make_graph(Path(tmp) / name, copies)
            scenario = run_scenario(name, graph_dir, nlp, repeats, per_build_peak)
            scenarios.append(scenario)

    summaries = {s.name: summarise(s) for s in scenarios}
    for s in scenarios:
        print_table(s, summaries[s.name])

    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": "build",
        "target": "builder adds at most 50% on top of spaCy's parse of the same text",
        "machine": info,
        "model": {
            "name": model_name,
            "package": nlp.meta.get("name"),
            "version": nlp.meta.get("version"),
            "load_seconds": model_load,
        },
        "method": {
            "build": "wall time of historygraph.build.build(dir) minus timings['load model']",
            "spacy": "list(nlp.pipe(paragraphs)) over split_paragraphs() of every source, one call",
            "median": "statistics.median over runs; ratio = median of per-run ratios; "
            "stage table from the median-build run (lower middle for an even count)",
            "order": "runs alternate spaCy-first and build-first",
            "cold": "seed run 1 is the process's first build (first-use imports included); "
            "corpus runs follow the seed runs (imports warm; spaCy and the model as in any run)",
            "count_classes": "not timed by build(); re-run once per scenario on the last "
            "run's dataset and reported as part of the untimed remainder",
            "peak_rss": rss_method,
        },
        "scenarios": [{**asdict(s), "summary": summaries[s.name]} for s in scenarios],
    }
    RESULTS_PATH.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
