"""IndexedStore answers every triple pattern exactly as rdflib's Memory store does."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef

from historygraph.indexed_store import IndexedStore

IRIS = [URIRef(f"urn:x:{i}") for i in range(5)]
NODES = [*IRIS, BNode("b1"), Literal("1"), Literal(1), Literal("x", lang="en")]
triples = st.lists(
    st.tuples(
        st.sampled_from([*IRIS[:3], NODES[5]]), st.sampled_from(IRIS), st.sampled_from(NODES)
    ),
    max_size=30,
)


def graphs(data: list[tuple[object, object, object]]) -> tuple[Graph, Graph]:
    fast, memory = Graph(store=IndexedStore()), Graph()
    fast.store.add_all(data)  # type: ignore[attr-defined]
    for t in data:
        memory.add(t)  # type: ignore[arg-type]
    return fast, memory


@settings(max_examples=150, deadline=None)
@given(triples)
def test_every_pattern_matches_rdflib(data: list[tuple[object, object, object]]) -> None:
    fast, memory = graphs(data)
    assert len(fast) == len(memory)
    for s, p, o in itertools.product([None, IRIS[0], NODES[5]], [None, IRIS[1]], [None, *NODES]):
        assert set(fast.triples((s, p, o))) == set(memory.triples((s, p, o))), (s, p, o)


def test_add_remove_and_prefixes() -> None:
    fast, _ = graphs([(IRIS[0], IRIS[1], Literal("a")), (IRIS[0], IRIS[1], Literal("b"))])
    fast.add((IRIS[0], IRIS[1], Literal("a")))  # a duplicate
    assert len(fast) == 2
    fast.remove((IRIS[0], None, Literal("a")))
    assert set(fast) == {(IRIS[0], IRIS[1], Literal("b"))}
    fast.bind("ex", URIRef("urn:x:"))
    assert ("ex", URIRef("urn:x:")) in set(fast.namespaces())
    assert fast.value(IRIS[0], IRIS[1]) == Literal("b")
