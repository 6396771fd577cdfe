"""The extraction stages type-check: ``mypy`` finds no error in ``src/historygraph/stages``.

(The rest of the package is not clean yet; see "Development" in the README.)"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PROJECT


def test_the_stages_type_check(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("mypy")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            str(PROJECT / "src" / "historygraph" / "stages"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=PROJECT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
