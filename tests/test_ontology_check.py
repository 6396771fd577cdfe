"""``historygraph ontology check``: every check fires on a small broken ontology, at its file and line.

Each case folder under ``tests/data/ontologies/`` adds one mistake to ``base/``
(a minimal clean ontology). The line a finding must name is marked in the case
file with a comment ``# expect: CODE``, so the expected position is read from
the data, not repeated in the test.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from historygraph.cli import main
from historygraph.ontology_check import ERROR, WARNING, Finding, check_ontology
from tests.conftest import ONTOLOGY

DATA = Path(__file__).resolve().parent / "data" / "ontologies"
BASE = DATA / "base"
GRAPH = DATA / "graph"

#: case folder -> (file holding the mistake, code, severity)
CASES: dict[str, tuple[str, str, str]] = {
    "parse-error": ("broken.ttl", "parse-error", ERROR),
    "undeclared-lexicon": ("lexicon.ttl", "undeclared-term", ERROR),
    "undeclared-shape": ("shapes.ttl", "undeclared-term", ERROR),
    "undeclared-alignment": ("riot.ttl", "undeclared-alignment", ERROR),
    "subclass-cycle": ("cycle.ttl", "subclass-cycle", ERROR),
    "trigger-conflict": ("riot.ttl", "trigger-conflict", ERROR),
    "quantity-conflict": ("quantities.ttl", "quantity-conflict", ERROR),
    "gazetteer-class": ("gazetteer.ttl", "gazetteer-class", ERROR),
    "gazetteer-label": ("gazetteer.ttl", "gazetteer-label", ERROR),
    "missing-doc": ("riot.ttl", "missing-label", WARNING),
    "missing-doc ": ("riot.ttl", "missing-comment", WARNING),
    "trigger-overridden": ("pogrom.ttl", "trigger-overridden", WARNING),
    "version-ambiguous": ("excerpt.ttl", "version-ambiguous", WARNING),
}


def marked_line(path: Path, code: str) -> int:
    """The 1-based line of ``path`` marked ``# expect: … CODE …``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if "expect:" in line and code in line.split("expect:", 1)[1].split():
            return number
    raise AssertionError(f"{path} has no '# expect: {code}' marker")


def assert_found(findings: list[Finding], path: Path, code: str, severity: str) -> Finding:
    """The finding of ``code`` at the marked line of ``path``; fail listing what was found."""
    line = marked_line(path, code)
    hits = [f for f in findings if f.code == code and Path(f.file) == path and f.line == line]
    listing = "\n".join(f.format() for f in findings) or "(no findings)"
    assert hits, f"expected {code} at {path}:{line}; found:\n{listing}"
    assert hits[0].severity == severity, hits[0].format()
    assert hits[0].format().startswith(f"{path}:{line}: {severity}: ")
    return hits[0]


def test_base_and_project_ontologies_are_clean() -> None:
    assert check_ontology([BASE], graph_dirs=[]).findings == []
    report = check_ontology([ONTOLOGY], graph_dirs=[])
    assert report.findings == [], "\n".join(f.format() for f in report.findings)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_check_names_file_and_line(case: str) -> None:
    file, code, severity = CASES[case]
    folder = DATA / case.strip()
    report = check_ontology([BASE, folder], graph_dirs=[])
    assert_found(report.findings, folder / file, code, severity)
    assert bool(report.errors) == (severity == ERROR), report.summary()


def test_messages_say_how_to_fix() -> None:
    report = check_ontology([BASE, DATA / "undeclared-lexicon"], graph_dirs=[])
    (finding,) = report.errors
    assert "hg:Masacre" in finding.message and "did you mean hg:Massacre?" in finding.message
    report = check_ontology([BASE, DATA / "trigger-conflict"], graph_dirs=[])
    (finding,) = report.errors
    assert '"rally"' in finding.message and "hg:Protest and hg:Riot" in finding.message


def test_version_missing() -> None:
    folder = DATA / "version-missing"
    report = check_ontology([folder], graph_dirs=[])
    assert_found(report.findings, folder / "core.ttl", "version-missing", WARNING)


def test_graph_terms_and_staleness() -> None:
    report = check_ontology([BASE], graph_dirs=[GRAPH])
    trig = GRAPH / "graph.trig"
    finding = assert_found(report.findings, trig, "undeclared-term", ERROR)
    assert "hg:undeclaredProp" in finding.message
    assert_found(report.findings, trig, "stale-graph", WARNING)
    assert report.graphs == 1


def test_graphs_are_discovered_next_to_the_ontology(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "ontology")
    shutil.copytree(GRAPH, tmp_path / "graphs" / "g")
    (tmp_path / "graphs" / "unbuilt").mkdir()
    report = check_ontology([tmp_path / "ontology"])
    assert report.graphs == 1
    assert any(f.code == "stale-graph" for f in report.findings)


def test_against_a_folder_reports_removed_terms_still_used() -> None:
    renamed = DATA / "renamed"
    report = check_ontology([renamed], graph_dirs=[GRAPH], against=str(BASE))
    used = assert_found(report.findings, GRAPH / "graph.trig", "removed-term-used", ERROR)
    assert "hg:Protest" in used.message and "renamed to hg:Demonstration?" in used.message
    assert_found(report.findings, renamed / "core.ttl", "version-not-bumped", WARNING)


def test_against_without_users_only_warns() -> None:
    report = check_ontology([DATA / "renamed"], graph_dirs=[], against=str(BASE))
    assert_found(report.findings, BASE / "core.ttl", "removed-term", WARNING)
    assert not report.errors


def test_against_a_git_revision(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    onto = tmp_path / "ontology"
    shutil.copytree(BASE, onto)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "ontology"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "v1"], check=True)
    for name in ("core.ttl", "lexicon.ttl"):
        shutil.copyfile(DATA / "renamed" / name, onto / name)
    report = check_ontology([onto], graph_dirs=[], against="HEAD")
    (removed,) = [f for f in report.findings if f.code == "removed-term"]
    assert removed.file == "HEAD:ontology/core.ttl"
    assert removed.line == marked_line(BASE / "core.ttl", "removed-term")
    assert "renamed to hg:Demonstration?" in removed.message


def test_against_an_unknown_revision_is_one_line_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    status = main(["ontology", "check", "--ontology", str(BASE), "--against", "no-such-ref-xyz"])
    assert status == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("historygraph: error: --against no-such-ref-xyz: ") and "\n" not in err


def test_cli_exit_status_and_output(capsys) -> None:  # type: ignore[no-untyped-def]
    case = DATA / "trigger-conflict"
    assert main(["ontology", "check", "--ontology", str(BASE), str(case)]) == 1
    out, err = capsys.readouterr()
    line = marked_line(case / "riot.ttl", "trigger-conflict")
    assert out.startswith(f"{case / 'riot.ttl'}:{line}: error: ")
    assert "1 error(s), 0 warning(s) in 5 ontology file(s)" in err
    # warnings only: exit status 0, warnings printed
    assert main(["ontology", "check", "--ontology", str(BASE), str(DATA / "missing-doc")]) == 0
    out, _ = capsys.readouterr()
    assert "warning: class hg:Riot has no rdfs:label [missing-label]" in out


def test_cli_missing_folder_is_one_line_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["ontology", "check", "--ontology", str(tmp_path / "nope")]) == 1
    assert "ontology folder not found" in capsys.readouterr().err


@pytest.mark.slow
def test_a_fresh_build_of_the_seed_graph_uses_only_declared_terms(seed_build: Path) -> None:
    report = check_ontology([ONTOLOGY], graph_dirs=[seed_build])
    assert report.findings == [], "\n".join(f.format() for f in report.findings)
