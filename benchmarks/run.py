"""Run every benchmark in this folder: ``make bench``.

A benchmark is a module ``benchmarks/bench_*.py`` that defines ``main()``; they
run in sorted file-name order, each printing its own table. Missing a
performance target is reported by the benchmark (PASS/MISS) and is not an
error; the exit status is non-zero only when a benchmark crashes (or none is
found).
"""

from __future__ import annotations

import importlib.util
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType

BENCH_DIR = Path(__file__).resolve().parent


def discover(directory: Path = BENCH_DIR) -> list[Path]:
    """The benchmark files in ``directory``, sorted by name."""
    return sorted(directory.glob("bench_*.py"))


def load(path: Path) -> ModuleType:
    """Import a benchmark file as a module named after it."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    """Run each benchmark's ``main()``; return 1 if any crashed, else 0."""
    paths = discover()
    if not paths:
        print(f"no benchmarks (bench_*.py) in {BENCH_DIR}", file=sys.stderr)
        return 1
    crashed: list[str] = []
    for path in paths:
        print(f"### {path.name}", flush=True)
        t0 = time.perf_counter()
        try:
            entry = getattr(load(path), "main", None)
            if not callable(entry):
                print(f"### {path.name}: skipped, defines no main()\n")
                continue
            entry()
            status = "done"
        except Exception:
            sys.stdout.flush()
            traceback.print_exc()
            sys.stderr.flush()
            crashed.append(path.name)
            status = "CRASHED"
        print(f"### {path.name}: {status} in {time.perf_counter() - t0:.1f} s\n", flush=True)
    if crashed:
        print(f"crashed: {', '.join(crashed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
