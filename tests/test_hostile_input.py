"""Hostile input never crashes the builder: it ends in a graph or in one clear line."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from historygraph.build import build
from historygraph.errors import HistorygraphError
from tests.conftest import ONTOLOGY

pytestmark = pytest.mark.slow

MANIFEST = """[graph]
name = "hostile"
base = "https://example.org/hostile/"
ontology = [{ontology!r}]

[[sources]]
file = "sources/input.txt"
title = "hostile input"
"""

words = st.sampled_from(
    ["Baku", "massacre", "killed", "more than", "100", "January 20", "1990", "the", "Soviet army",
     "\u0000", "\x1b[31m", "\u202e", "<script>", "“", "”", "\n\n", "\t", "MilliMajlis", "hundreds",
     "condemned", "44 days", "🙂", "\ud7ff", "е", "ǅ",
     # phrases the extraction rules look for, to meet each other in garbled orders
     "the next day", "that night", "two days later", "in April", "between 300 and 200",
     "up to 1,500", "claimed", "spoke of about 90", "put the number of wounded at about",
     "the city", "the capital", "the Lithuanian capital", "troops", "captured", "units of",
     "in protest", "treated for wounds", "83 dead", "a hundred", ";", "from", "Vilnius"]
)  # fmt: skip
texts = st.one_of(
    st.text(max_size=400),
    st.lists(words, max_size=80).map(" ".join),
    st.text(alphabet=st.characters(max_codepoint=0x2FF), min_size=2000, max_size=6000).map(
        lambda t: t.replace("\n", " ")  # one very long line
    ),
)


def graph_dir(tmp_path: Path, data: bytes) -> Path:
    root = tmp_path / "g"
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "graph.toml").write_text(MANIFEST.format(ontology=str(ONTOLOGY)), encoding="utf-8")
    (root / "sources" / "input.txt").write_bytes(data)
    return root


def check(root: Path) -> None:
    try:
        result = build(root, write_view=True, jobs=1, use_cache=False)
    except HistorygraphError as e:
        message = str(e)
        assert message and "\n" not in message, message
        assert "input.txt" in message or "graph.toml" in message, message
        assert gc.get_freeze_count() == 0  # a failed build unfreezes what it froze
        return
    assert gc.get_freeze_count() == 0
    assert (root / "graph.trig").exists()
    assert not result.violations


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts)
def test_random_text_builds_or_fails_cleanly(tmp_path: Path, text: str) -> None:
    check(graph_dir(tmp_path, text.encode("utf-8", errors="surrogatepass")))


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_random_bytes_build_or_fail_cleanly(tmp_path: Path, data: bytes) -> None:
    check(graph_dir(tmp_path, data))
