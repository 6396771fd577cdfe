"""The eight questions of the foundation issue, each answered by a canned query
run through the real CLI on the real build of the first article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEED_SOURCE, run_cli

pytestmark = pytest.mark.slow


def select(graph_dir: Path, query: str) -> list[dict[str, str]]:
    """Run a query with --format json and return its bindings as plain strings."""
    result = run_cli("query", graph_dir, query, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


def test_q1_what_happened_in_baku(seed_build: Path) -> None:
    rows = select(seed_build, "what-happened")
    massacre = [r for r in rows if r["type"] == "Massacre"]
    assert massacre, rows
    assert {r["date"] for r in massacre} == {"1990-01-20"}
    assert {r["place"] for r in massacre} == {"Baku"}
    assert {r.get("agent") for r in massacre} == {"Soviet army"}
    assert {r.get("affected") for r in massacre} == {"civilians"}


def test_q2_figures(seed_build: Path) -> None:
    rows = select(seed_build, "figures")
    got = {(r["measure"], int(r["count"]), r["bound"]) for r in rows}
    assert ("killed", 100, "at least") in got
    assert ("wounded", 744, "exact") in got
    assert ("imprisoned", 841, "exact") in got
    assert ("killed", 21, "exact") in got
    missing = [r for r in rows if r["measure"] == "missing"]
    assert [r["bound"] for r in missing] == ["at least"]
    assert "hundreds" in missing[0]["quote"]
    assert len(rows) == 5, rows


def test_q3_condemnation(seed_build: Path) -> None:
    rows = select(seed_build, "condemnation")
    assert len(rows) == 1, rows
    row = rows[0]
    assert row["who"] == "Heydar Aliyev"
    assert row["date"] == "1990-01-21"
    assert row["place"] == "Permanent Mission of Azerbaijan"
    assert row["locatedIn"] == "Moscow"
    assert row["condemned"].startswith("Massacre")


def test_q4_milli_majlis(seed_build: Path) -> None:
    rows = select(seed_build, "milli-majlis")
    feb = [r for r in rows if r.get("date") == "1994-02"]
    assert {r["type"] for r in feb} == {"Legislative decision"}
    assert any("qualified as military aggression and a crime" in r["quote"] for r in feb)
    march = [r for r in rows if r.get("date") == "1994-03"]
    decisions = [r for r in march if r["type"] == "Legislative decision"]
    assert any(
        "On the tragic events committed in Baku on 20 January 1990" in r["quote"] for r in decisions
    )
    declarations = [r for r in march if r["type"] == "Declaration"]
    assert any("National Mourning Day" in r["quote"] for r in declarations)
    assert any(
        r.get("relation") == "commemorates" and r["target"].startswith("Massacre")
        for r in declarations
    )


def test_q5_timeline(seed_build: Path) -> None:
    rows = select(seed_build, "timeline")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert dates[0].startswith("1990")
    by_type = {(r["type"], r["date"]): r for r in rows}
    war = by_type[("War", "2020-11")]
    assert war["duration"] == "P44D"
    assert "Ilham Aliyev" in war["label"]
    operation = by_type[("Military operation", "2023-09-19")]
    assert operation.get("place") == "Karabakh"
    assert dates[-1] <= "2024-12"  # the article's own date: the 34th anniversary


def test_q6_involvement(seed_build: Path) -> None:
    rows = select(seed_build, "involvement")
    actors = {r["actor"]: r for r in rows}
    assert set(actors) == {"Soviet army", "Heydar Aliyev", "Milli Majlis"}
    soviet = [r for r in rows if r["actor"] == "Soviet army"]
    assert {r["type"] for r in soviet} == {"Massacre"}
    assert {r["type"] for r in rows if r["actor"] == "Heydar Aliyev"} == {"Condemnation"}
    majlis = {r["type"] for r in rows if r["actor"] == "Milli Majlis"}
    assert majlis == {"Legislative decision", "Declaration"}


def test_q7_every_quote_is_its_span(seed_build: Path) -> None:
    rows = select(seed_build, "evidence")
    text = SEED_SOURCE.read_text(encoding="utf-8")
    kinds = {r["kind"] for r in rows}
    assert kinds == {"event", "figure"}
    for r in rows:
        assert r["quote"] == text[int(r["start"]) : int(r["end"])], r
        assert r["document"].endswith("/source/road-to-victory")


def test_q8_places(seed_build: Path) -> None:
    rows = select(seed_build, "places")
    places = {r["label"]: r for r in rows}
    assert places["Baku"]["wikidata"] == "http://www.wikidata.org/entity/Q9248"
    assert places["Baku"]["locatedIn"] == "Azerbaijan"
    assert places["Moscow"]["wikidata"] == "http://www.wikidata.org/entity/Q649"
    assert places["Permanent Mission of Azerbaijan"]["locatedIn"] == "Moscow"
    assert "wikidata" not in places["Alley of Martyrs"]
    assert places["Armenia"]["wikidata"] == "http://www.wikidata.org/entity/Q399"


def test_query_formats(seed_build: Path) -> None:
    csv = run_cli("query", seed_build, "timeline", "--format", "csv")
    assert csv.returncode == 0 and csv.stdout.startswith("date,type,event")
    tsv = run_cli("query", seed_build, "timeline", "--format", "tsv")
    assert tsv.returncode == 0 and tsv.stdout.startswith("?date\t?type")
    xml = run_cli("query", seed_build, "timeline", "--format", "xml")
    assert xml.returncode == 0 and "<sparql" in xml.stdout
    ask = run_cli("query", seed_build, "ASK { ?e a hg:Massacre }", "--format", "json")
    assert json.loads(ask.stdout)["boolean"] is True
    construct = run_cli(
        "query", seed_build, "CONSTRUCT { ?e a hg:Massacre } WHERE { ?e a hg:Massacre }"
    )
    assert construct.returncode == 0 and "hg:Massacre" in construct.stdout
    listing = run_cli("query", seed_build, "--list")
    assert "what-happened" in listing.stdout and "What happened in Baku" in listing.stdout
