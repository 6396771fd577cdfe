"""The two stores: memory (rdflib) and on-disk Oxigraph give the same answers.

Every canned query of the seed graph runs on both stores of one scratch build
and must return the same rows (as a multiset of bindings with their lexical
values, datatypes and languages). The Oxigraph store is bulk-loaded by
``build``, opened read-only without parsing ``graph.trig``, and reloaded when
``graph.trig`` or the ontology changed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from historygraph.config import load_config
from historygraph.errors import ConfigError, QueryError, StoreError
from historygraph.query import BUILTIN_QUERIES, canned_queries, format_result, run_query
from historygraph.store import (
    AUTO_THRESHOLD_BYTES,
    MemoryBackend,
    OxigraphBackend,
    choose_store,
    open_backend,
    store_dir,
    store_status,
)
from tests.conftest import SEED, copy_project, run_cli

pytestmark = pytest.mark.slow

CANNED = sorted(p.stem for p in (SEED / "queries").glob("*.rq"))


def copy_built(seed_build: Path, dest: Path) -> Path:
    """A private copy of the scratch project that ``seed_build`` built (ontology + graph)."""
    root = dest / "project"
    shutil.copytree(seed_build.parents[1], root, ignore=shutil.ignore_patterns("store", ".store-*"))
    return root / "graphs" / seed_build.name


@pytest.fixture(scope="module")
def graph_dir(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_built(seed_build, tmp_path_factory.mktemp("stores"))


@pytest.fixture(scope="module")
def backends(graph_dir: Path) -> Iterator[dict[str, MemoryBackend | OxigraphBackend]]:
    config = load_config(graph_dir)
    opened = {kind: open_backend(config, kind) for kind in ("memory", "oxigraph")}
    yield opened
    for backend in opened.values():
        backend.close()


def bindings(backend: MemoryBackend | OxigraphBackend, text: str) -> list[str]:
    """The rows of a SELECT as sorted JSON bindings (type, value, datatype, language)."""
    data = json.loads(format_result(run_query(backend, text), "json"))
    return sorted(json.dumps(b, sort_keys=True) for b in data["results"]["bindings"])


@pytest.mark.parametrize("name", CANNED)
def test_canned_query_same_on_both_stores(
    name: str, graph_dir: Path, backends: dict[str, MemoryBackend | OxigraphBackend]
) -> None:
    text = (graph_dir / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    memory = bindings(backends["memory"], text)
    oxigraph = bindings(backends["oxigraph"], text)
    assert memory == oxigraph, f"{name}: the stores disagree"


def test_canned_queries_have_answers(
    graph_dir: Path, backends: dict[str, MemoryBackend | OxigraphBackend]
) -> None:
    """The comparison above is not vacuous: (nearly) every canned query has rows."""
    config = load_config(graph_dir)
    empty = [
        c.name
        for c in canned_queries(config)
        if not bindings(backends["oxigraph"], c.path.read_text(encoding="utf-8"))
    ]
    assert len(empty) <= 1, f"canned queries without rows on the seed graph: {empty}"


@pytest.mark.parametrize(
    "text",
    [
        # a label stated in the reference graph and in the source graph counts once
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
        "SELECT ?place ?label WHERE { ?e hg:place ?place . ?place rdfs:label ?label }",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
        "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/historygraph/graphs/black-january/graph/reference> WHERE { ?s ?p ?o }",
        "SELECT ?cls WHERE { ?cls rdfs:subClassOf* hg:Event }",
    ],
)
def test_union_and_graphs_same_on_both_stores(
    text: str, backends: dict[str, MemoryBackend | OxigraphBackend]
) -> None:
    memory = bindings(backends["memory"], text)
    assert memory
    assert memory == bindings(backends["oxigraph"], text)


def test_ask_and_construct_same_on_both_stores(
    backends: dict[str, MemoryBackend | OxigraphBackend],
) -> None:
    from rdflib.compare import isomorphic

    ask = "ASK { ?e a hg:Massacre ; hg:place/rdfs:label 'Baku' }"
    assert run_query(backends["memory"], ask).askAnswer is True
    assert run_query(backends["oxigraph"], ask).askAnswer is True
    construct = "CONSTRUCT { ?e hg:date ?d } WHERE { ?e hg:date ?d }"
    graphs = [run_query(backends[k], construct).graph for k in ("memory", "oxigraph")]
    assert len(graphs[0]) > 0
    assert isomorphic(graphs[0], graphs[1])  # type: ignore[arg-type]


def test_from_a_url_fetches_nothing(backends: dict[str, MemoryBackend | OxigraphBackend]) -> None:
    text = "SELECT (COUNT(*) AS ?n) FROM <http://127.0.0.1:9/remote.ttl> WHERE { ?s ?p ?o }"
    for backend in backends.values():
        assert bindings(backend, text) == bindings(backends["memory"], text)
        assert '"value": "0"' in bindings(backend, text)[0]


def test_cli_oxigraph_store_answers_canned_query(graph_dir: Path) -> None:
    result = run_cli("query", graph_dir, "what-happened", "--store", "oxigraph", "-f", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert {r["type"]["value"] for r in rows} >= {"Massacre"}


def test_query_opens_store_without_parsing_trig(
    graph_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load_config(graph_dir)
    open_backend(config, "oxigraph").close()  # make sure the store exists and is fresh
    import rdflib

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("graph.trig was parsed")

    monkeypatch.setattr(rdflib.Dataset, "parse", no_parsing)
    monkeypatch.setattr(rdflib.Graph, "parse", no_parsing)
    backend = open_backend(config, "oxigraph")
    assert run_query(backend, "ASK { ?e a hg:Massacre }").askAnswer is True
    backend.close()


def test_build_bulk_loads_the_store(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    graph = root / "graphs" / "black-january"
    result = run_cli("build", graph, "--quiet", "--store", "oxigraph")
    assert result.returncode == 0, result.stderr
    config = load_config(graph)
    status = store_status(config)
    assert status.fresh, status.reason
    assert status.quads > 0
    report = json.loads((graph / "report.json").read_text(encoding="utf-8"))
    assert "store" in report["timings_seconds"]
    query = run_cli("query", graph, "timeline", "--store", "oxigraph")
    assert query.returncode == 0, query.stderr
    assert "loading" not in query.stderr  # opened as built, not reloaded


def test_stale_store_is_detected_and_reloaded(graph_dir: Path) -> None:
    config = load_config(graph_dir)
    open_backend(config, "oxigraph").close()
    original = config.trig_path.read_bytes()
    try:
        config.trig_path.write_bytes(
            original + b'\n<urn:test:g> { <urn:test:s> <urn:test:p> "stale-check" . }\n'
        )
        status = store_status(config)
        assert not status.fresh and "graph.trig changed" in status.reason
        with pytest.raises(StoreError, match="not usable"):
            open_backend(config, "oxigraph", refresh=False)
        result = run_cli("query", graph_dir, "ASK { ?s ?p 'stale-check' }", "--store", "oxigraph")
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "true"
        assert "graph.trig changed" in result.stderr
        assert store_status(config).fresh
    finally:
        config.trig_path.write_bytes(original)


def test_ontology_change_makes_store_stale(tmp_path: Path, seed_build: Path) -> None:
    graph = copy_built(seed_build, tmp_path)
    config = load_config(graph)
    open_backend(config, "oxigraph").close()
    core = graph.parents[1] / "ontology" / "core.ttl"
    core.write_text(core.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    status = store_status(config)
    assert not status.fresh and "ontology" in status.reason


def test_store_setting_in_graph_toml(tmp_path: Path, seed_build: Path) -> None:
    graph = copy_built(seed_build, tmp_path)
    manifest = graph / "graph.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("[graph]\n", '[graph]\nstore = "oxigraph"\n', 1), "utf-8")
    config = load_config(graph)
    assert choose_store(config) == "oxigraph"
    result = run_cli("query", graph, "ASK { ?e a hg:Massacre }")
    assert result.returncode == 0, result.stderr
    assert (store_dir(config) / "meta.json").is_file()
    manifest.write_text(text.replace("[graph]\n", '[graph]\nstore = "disk"\n', 1), "utf-8")
    with pytest.raises(ConfigError, match=r"graph\.toml.*'store' must be one of"):
        choose_store(load_config(graph))


def test_auto_picks_oxigraph_above_threshold(graph_dir: Path) -> None:
    config = load_config(graph_dir)
    assert choose_store(config, "auto") == "memory"  # the seed graph is small
    assert choose_store(config, "auto", size=AUTO_THRESHOLD_BYTES) == "oxigraph"
    assert choose_store(config, "auto", size=AUTO_THRESHOLD_BYTES - 1) == "memory"


def test_service_refused_before_the_store_is_opened(tmp_path: Path, seed_build: Path) -> None:
    graph = copy_built(seed_build, tmp_path)
    result = run_cli(
        "query",
        graph,
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "--store",
        "oxigraph",
    )
    assert result.returncode == 1
    assert "SERVICE is refused" in result.stderr
    assert not (graph / "store").exists()
    with pytest.raises(QueryError, match="refused"):
        run_query(MemoryBackend.__new__(MemoryBackend), "CLEAR ALL")


def test_malformed_trig_names_file_line_and_column(tmp_path: Path, seed_build: Path) -> None:
    graph = copy_built(seed_build, tmp_path)
    trig = graph / "graph.trig"
    lines = trig.read_text(encoding="utf-8").splitlines()
    lines[19] += ' broken "'
    trig.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("query", graph, "timeline", "--store", "oxigraph")
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"historygraph: error: {trig}:20:") and "bad TriG" in last, last
    assert not (graph / "store").exists()
    assert not list(graph.glob(".store-*"))  # the half-loaded store was removed


def test_concurrent_queries_in_threads(
    backends: dict[str, MemoryBackend | OxigraphBackend],
) -> None:
    """Parsed queries are shared per thread only: rdflib writes into the algebra it evaluates."""
    from concurrent.futures import ThreadPoolExecutor

    text = (BUILTIN_QUERIES / "timeline.rq").read_text(encoding="utf-8")
    for backend in backends.values():
        expected = bindings(backend, text)
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(bindings, [backend] * 12, [text] * 12))
        assert all(answer == expected for answer in answers)


def test_help_states_the_auto_threshold() -> None:
    """The help text is not imported from store.py (kept light): check it by hand."""
    size = f"{AUTO_THRESHOLD_BYTES // 1_000_000} MB"
    for command in ("query", "build"):
        assert size in " ".join(run_cli(command, "--help").stdout.split()), command


def test_first_build_above_the_auto_threshold_loads_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``auto`` decides by the size of the graph.trig being written, not the previous one."""
    import historygraph.store as store_module
    from historygraph.build import build

    project = copy_project(tmp_path)  # no graph.trig yet
    graph = project / "graphs" / "black-january"
    monkeypatch.setattr(store_module, "AUTO_THRESHOLD_BYTES", 1_000)
    result = build(graph, jobs=1, use_cache=False, store="auto")
    assert "store" in result.timings
    status = store_status(load_config(graph))
    assert status.fresh, status.reason


def _quads_of(store: object) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}  # type: ignore[attr-defined]


@pytest.mark.parametrize("chunk", [300, 5_000, 8 << 20])
def test_chunked_load_equals_quad_by_quad_load(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The canonical-TriG fast path loads exactly the quads of the general path."""
    import pyoxigraph as ox

    import historygraph.store as store_module

    text = (SEED / "graph.trig").read_text(encoding="utf-8")
    schema = b"<urn:a> <urn:b> <urn:c> .\n"
    graph = ox.NamedNode("urn:schema")
    monkeypatch.setattr(store_module, "LOAD_CHUNK", chunk)
    pieces = list(store_module._canonical_chunks(text, chunk))
    assert len(pieces) > (10 if chunk < 1000 else 0)
    fast, slow = ox.Store(), ox.Store()
    n_fast = store_module._load_trig(fast, [text], schema, graph)
    n_slow = store_module._load_quads(slow, text, schema, graph)
    assert n_fast == n_slow
    assert _quads_of(fast) == _quads_of(slow)


def test_other_trig_layouts_load_in_full(tmp_path: Path, seed_build: Path) -> None:
    """A graph.trig laid out otherwise (a multi-line literal with brace and indented lines) loads in full."""
    import pyoxigraph as ox

    import historygraph.store as store_module
    from historygraph.store import load_store

    graph = copy_built(seed_build, tmp_path)
    text = (
        "@prefix ex: <https://example.org/> .\n\n"
        'ex:g {\n    ex:a ex:note """first line\n}\nex:h {\n    ex:x ex:y ex:z .\n""" .\n}\n'
        "ex:g2 { ex:b ex:p 1 . }\n"
    )
    (graph / "graph.trig").write_text(text, encoding="utf-8")
    status = load_store(load_config(graph))
    reference = ox.Store()
    expected = store_module._load_quads(reference, text, b"", ox.NamedNode("urn:schema"))
    assert status.quads >= expected == 2
    loaded = ox.Store.read_only(str(store_dir(load_config(graph)) / "oxigraph"))
    notes = [str(q.object.value) for q in loaded.quads_for_pattern(None, None, None, None)]
    assert "first line\n}\nex:h {\n    ex:x ex:y ex:z .\n" in notes


def test_failed_build_keeps_the_previous_store(tmp_path: Path) -> None:
    """A build that fails validation drops the store it started loading, keeps the old one."""
    from historygraph.build import build
    from historygraph.errors import ValidationError

    project = copy_project(tmp_path)
    graph = project / "graphs" / "black-january"
    build(graph, jobs=1, store="oxigraph")
    meta = (store_dir(load_config(graph)) / "meta.json").read_text(encoding="utf-8")
    (project / "ontology" / "extensions" / "strict.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix hg: <https://w3id.org/historygraph/ontology#> .\n"
        "<urn:test:Strict> a sh:NodeShape ; sh:targetClass hg:Event ;\n"
        '  sh:property [ sh:path rdfs:label ; sh:minCount 2 ; sh:message "strict" ] .\n',
        encoding="utf-8",
    )
    with pytest.raises(ValidationError, match="strict"):
        build(graph, jobs=1, store="oxigraph")
    assert (store_dir(load_config(graph)) / "meta.json").read_text(encoding="utf-8") == meta
    assert not list(graph.glob(".store-*"))


def test_rebuild_updates_the_store_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild changes only what changed in the store, and gets what a full load gets."""
    import pyoxigraph as ox

    import historygraph.build as build_module
    from historygraph.build import build
    from historygraph.store import load_store

    project = copy_project(tmp_path / "a")
    graph = project / "graphs" / "black-january"
    build(graph, jobs=1, store="oxigraph")
    source = graph / "sources" / "road-to-victory.txt"
    text = source.read_text(encoding="utf-8")
    assert "744" in text
    source.write_text(text.replace("744", "745").replace("Baku", "Bakı", 1), encoding="utf-8")

    outcomes = []
    real = build_module.update_store

    def spy(*args: object) -> object:
        outcomes.append(real(*args))  # type: ignore[arg-type]
        return outcomes[-1]

    monkeypatch.setattr(build_module, "update_store", spy)
    build(graph, jobs=1, store="oxigraph")
    assert len(outcomes) == 1 and outcomes[0] is not None, "the store was not updated in place"
    status = store_status(load_config(graph))
    assert status.fresh, status.reason

    reference = copy_project(tmp_path / "b") / "graphs" / "black-january"
    shutil.copy(graph / "graph.trig", reference / "graph.trig")
    full = load_store(load_config(reference))
    assert status.quads == full.quads
    updated = ox.Store.read_only(str(store_dir(load_config(graph)) / "oxigraph"))
    loaded = ox.Store.read_only(str(store_dir(load_config(reference)) / "oxigraph"))
    assert _quads_of(updated) == _quads_of(loaded)
