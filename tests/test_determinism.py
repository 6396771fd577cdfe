"""Same inputs, byte-identical outputs; the committed graph is what the builder makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEED, copy_project, run_cli

pytestmark = pytest.mark.slow


def test_committed_graph_is_reproducible(seed_build: Path) -> None:
    for name in ("graph.trig", "graph.html"):
        committed = (SEED / name).read_bytes()
        rebuilt = (seed_build / name).read_bytes()
        assert rebuilt == committed, (
            f"graphs/black-january/{name} differs from a fresh build: run 'make graphs' and commit"
        )


def test_build_ignores_hash_seed(seed_build: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    graph_dir = root / "graphs" / "black-january"
    result = run_cli("build", graph_dir, "--quiet", env={"PYTHONHASHSEED": "12345"})
    assert result.returncode == 0, result.stderr
    assert (graph_dir / "graph.trig").read_bytes() == (seed_build / "graph.trig").read_bytes()
    assert (graph_dir / "graph.html").read_bytes() == (seed_build / "graph.html").read_bytes()
