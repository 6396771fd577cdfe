"""The package type-checks: ``mypy`` finds no error in ``src``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PROJECT


def test_the_package_type_checks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("mypy")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            str(PROJECT / "src"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=PROJECT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
