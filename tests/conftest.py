"""Shared fixtures: the project's paths, the real CLI, and a scratch copy of the seed graph."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "graphs" / "black-january"
ONTOLOGY = PROJECT / "ontology"
SEED_SOURCE = SEED / "sources" / "road-to-victory.txt"


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real ``historygraph`` entry point in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "historygraph", *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        check=False,
        timeout=600,
    )


def copy_project(
    dest: Path, graphs: Sequence[str] = ("black-january",), outputs: bool = False
) -> Path:
    """Copy the ontology and graph folders to ``dest`` (same layout as the project)."""
    shutil.copytree(ONTOLOGY, dest / "ontology")
    for name in graphs:
        ignore = (
            None if outputs else shutil.ignore_patterns("graph.trig", "graph.html", "report.json")
        )
        shutil.copytree(PROJECT / "graphs" / name, dest / "graphs" / name, ignore=ignore)
    return dest


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed graph built by the real CLI in a scratch copy of the project."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    graph_dir = root / "graphs" / "black-january"
    result = run_cli("build", graph_dir, "--quiet")
    assert result.returncode == 0, result.stderr
    return graph_dir


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy model the graphs use."""
    from historygraph.nlp import load_model

    return load_model("en_core_web_sm")


@pytest.fixture
def ontology_copy(tmp_path: Path) -> Path:
    """A scratch copy of the project's ontology folder, for a test to extend."""
    shutil.copytree(ONTOLOGY, tmp_path / "ontology")
    return tmp_path / "ontology"


@pytest.fixture(scope="session")
def ontology():  # type: ignore[no-untyped-def]
    """The project's ontology."""
    from historygraph.ontology import load_ontology

    return load_ontology([ONTOLOGY])


@pytest.fixture(scope="module")
def extract(nlp, ontology):  # type: ignore[no-untyped-def]
    """Run the whole extraction pipeline on a text (the real model and ontology)."""
    from historygraph.document import Document
    from historygraph.pipeline import Context, make_pipeline, run_pipeline
    from historygraph.stages import DEFAULT_STAGES

    stages = make_pipeline(DEFAULT_STAGES)
    ctx = Context(ontology=ontology, nlp=nlp)

    def run(text: str) -> Document:
        doc = Document(id="t", path=Path("t.txt"), text=text, title="t")
        return run_pipeline(doc, stages, ctx)

    return run
