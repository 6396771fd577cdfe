"""The Python API: ``historygraph.open(GRAPH_DIR)`` for notebooks and scripts.

>>> import historygraph
>>> kg = historygraph.open("graphs/black-january")          # doctest: +SKIP
>>> kg.query("SELECT ?e ?d WHERE { ?e hg:date ?d } LIMIT 2")  # doctest: +SKIP
[{'e': rdflib.term.URIRef('…/event/…'), 'd': rdflib.term.Literal('1990-01-20', …)}, …]
>>> kg.to_dataframe("timeline").head()                      # doctest: +SKIP

The graph opens in the store its ``graph.toml`` chooses (or ``store=``): an
rdflib Dataset parsed from ``graph.trig``, or the on-disk Oxigraph store
(loaded from ``graph.trig`` first if missing or out of date). Queries are
checked exactly as on the command line (no updates, no ``SERVICE``) and see
the union of the named graphs plus the ontology's schema, with the common
prefixes predeclared.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from historygraph.config import GraphConfig, load_config

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from rdflib import Dataset, Graph

    from historygraph.ontology import Ontology
    from historygraph.store import MemoryBackend, OxigraphBackend


def python_value(term: Any) -> Any:
    """A plain Python value for an rdflib term (for data frames).

    IRIs and blank nodes become strings; literals their Python value where
    rdflib has one (``xsd:integer`` → int, ``xsd:date`` → ``datetime.date``,
    ``xsd:duration`` → ``timedelta``), else their lexical form (``xsd:gYearMonth``
    ``"1994-02"`` stays ``"1994-02"``); unbound stays None.

    >>> from rdflib.namespace import XSD
    >>> python_value(Literal("744", datatype=XSD.integer)), python_value(Literal("1994-02", datatype=XSD.gYearMonth))
    (744, '1994-02')
    >>> python_value(URIRef("https://example.org/x")), python_value(None)
    ('https://example.org/x', None)
    """
    if term is None:
        return None
    if isinstance(term, URIRef | BNode):
        return str(term)
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return term


class KnowledgeGraph:
    """A built historygraph graph, opened for querying (see :func:`open`).

    Attributes:
        config: The graph's parsed ``graph.toml``.
        store: ``"memory"`` or ``"oxigraph"``: where queries run.
    """

    def __init__(
        self, graph_dir: str | Path, *, store: str | None = None, refresh: bool = True
    ) -> None:
        """Open ``graph_dir`` (see :func:`open` for the arguments)."""
        from historygraph.store import choose_store, open_backend

        self.config: GraphConfig = load_config(Path(graph_dir))
        self.store: str = choose_store(self.config, store)
        self._backend: MemoryBackend | OxigraphBackend = open_backend(
            self.config, self.store, refresh=refresh
        )
        self._reasoned: dict[str, Any] = {}
        self._ontology: Ontology | None = None

    def __repr__(self) -> str:
        return f"<historygraph {self.config.name!r} at {self.config.directory} ({self.store})>"

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (the graph cannot be queried afterwards)."""
        self._backend.close()
        self._reasoned.clear()

    # --- querying ----------------------------------------------------------------

    def _backend_for(self, reason: str | None) -> Any:
        from historygraph.query import reasoned

        if reason is None:
            return self._backend
        if reason not in self._reasoned:
            self._reasoned[reason] = reasoned(self._backend, self.config, reason)
        return self._reasoned[reason]

    def result(
        self, sparql: str, *, timeout: float | None = None, reason: str | None = None
    ) -> Result:
        """Run a query and return rdflib's :class:`~rdflib.query.Result` as it is.

        Args:
            sparql: SPARQL text, a ``.rq`` file or the name of a canned query.
            timeout: Stop after this many seconds (:class:`~historygraph.errors.QueryTimeout`);
                None runs without a limit.
            reason: ``None`` for the graph as built; ``"none"``, ``"rdfs"`` or
                ``"owlrl"`` to answer over the asserted triples plus that profile's
                entailments (as ``historygraph query --reason``).

        Raises:
            QueryError: a refused, malformed or failing query (or a timeout).
        """
        from historygraph.query import resolve_query, run_query

        text, name = resolve_query(self.config, sparql)
        return run_query(self._backend_for(reason), text, name, timeout=timeout)

    def query(
        self, sparql: str, *, timeout: float | None = None, reason: str | None = None
    ) -> list[dict[str, Any]] | bool | Graph:
        """Run a query: SELECT rows as dicts, ASK as a bool, CONSTRUCT/DESCRIBE as a Graph.

        Each SELECT row is a dict from variable name (without ``?``) to an
        **rdflib term** (:class:`~rdflib.term.URIRef`, :class:`~rdflib.term.Literal`,
        :class:`~rdflib.term.BNode`), with None for a variable the row leaves
        unbound; every row has every projected variable, in order. Use
        ``term.toPython()`` or :meth:`to_dataframe` for plain Python values.

        Arguments and errors as :meth:`result`.
        """
        rows = self._select_rows(sparql, timeout, reason)
        if rows is not None:
            keys, values = rows
            return [dict(zip(keys, row, strict=True)) for row in values]
        result = self.result(sparql, timeout=timeout, reason=reason)
        if result.type == "ASK":
            return bool(result.askAnswer)
        if result.type in {"CONSTRUCT", "DESCRIBE"}:
            assert result.graph is not None
            return result.graph
        variables = list(result.vars or [])
        keys = [str(v) for v in variables]
        return [
            {key: binding.get(var) for key, var in zip(keys, variables, strict=True)}
            for binding in result.bindings
        ]

    def _select_rows(
        self, sparql: str, timeout: float | None, reason: str | None
    ) -> tuple[list[str], list[list[Any]]] | None:
        """A SELECT without a time limit on the Oxigraph store, straight to rows; else None."""
        from historygraph.query import resolve_query, select_rows

        if timeout:
            return None
        text, name = resolve_query(self.config, sparql)
        return select_rows(self._backend_for(reason), text, name)

    def rows(self, sparql: str, **kwargs: Any) -> Iterator[dict[str, Any]]:
        """The rows of a SELECT as dicts of plain Python values (see :func:`python_value`)."""
        answer = self.query(sparql, **kwargs)
        if not isinstance(answer, list):
            from historygraph.errors import QueryError

            raise QueryError(f"{sparql[:40]!r}: not a SELECT query; use query() for ASK/CONSTRUCT")
        for row in answer:
            yield {k: python_value(v) for k, v in row.items()}

    def to_dataframe(self, sparql: str, **kwargs: Any) -> pd.DataFrame:
        """A pandas DataFrame of a SELECT: one column per variable, plain Python values.

        Needs pandas (``pip install 'historygraph[pandas]'``); values as
        :func:`python_value`. Keyword arguments as :meth:`result`.

        Raises:
            ImportError: pandas is not installed.
            QueryError: as :meth:`result`, or the query is not a SELECT.
        """
        try:
            import pandas as pd
        except ImportError as e:
            raise ImportError(
                "KnowledgeGraph.to_dataframe needs pandas, which is not installed: "
                "pip install 'historygraph[pandas]' (or use .query() / .rows())"
            ) from e
        result = self.result(sparql, **kwargs)
        if result.type != "SELECT":
            from historygraph.errors import QueryError

            raise QueryError(f"{sparql[:40]!r}: to_dataframe needs a SELECT query")
        variables = list(result.vars or [])
        columns = [str(v) for v in variables]
        data = [[python_value(b.get(v)) for v in variables] for b in result.bindings]
        return pd.DataFrame(data, columns=columns)

    def explain(self, sparql: str) -> str:
        """The query's SPARQL algebra, one operator a line (see ``query --explain``)."""
        from historygraph.query import explain, resolve_query

        text, name = resolve_query(self.config, sparql)
        return explain(text, name)

    def canned(self) -> dict[str, str]:
        """The canned queries (the built-in ones and ``GRAPH_DIR/queries``): name → title."""
        from historygraph.query import canned_queries

        return {c.name: c.title for c in canned_queries(self.config)}

    # --- the graph as objects ---------------------------------------------------------

    @property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset (default graph: the union of the named graphs).

        On the memory store it is the parsed ``graph.trig`` plus the ontology's
        schema graph; on Oxigraph a live, read-only view of the store through
        oxrdflib (nothing is copied).
        """
        return self._backend.dataset

    @property
    def ontology(self) -> Ontology:
        """The graph's ontology (loaded on first use)."""
        if self._ontology is None:
            from historygraph.ontology import load_ontology

            self._ontology = load_ontology(
                self.config.ontology_dirs, cache_dir=self.config.cache_dir / "ontology"
            )
        return self._ontology

    def to_networkx(self) -> nx.MultiDiGraph:
        """Events, agents and places as a networkx MultiDiGraph (the view's network).

        Nodes are keyed by IRI with ``label``, ``classes``, ``date``,
        ``evidence``, ``figures`` …; edges by property IRI (see
        :func:`historygraph.view.project`).
        """
        from historygraph.view import project

        return project(self.dataset, self.ontology.graph)


def open(
    graph_dir: str | Path, *, store: str | None = None, refresh: bool = True
) -> KnowledgeGraph:
    """Open a built graph for querying from Python.

    Args:
        graph_dir: A graph folder with ``graph.toml`` and a built ``graph.trig``.
        store: ``"memory"``, ``"oxigraph"`` or ``"auto"``; default: ``store`` in
            ``graph.toml``, else ``auto`` (Oxigraph from 2 MB of ``graph.trig``).
        refresh: On Oxigraph, (re)load a missing or stale store from
            ``graph.trig``; when False, raise :class:`~historygraph.errors.StoreError`.

    Raises:
        ConfigError, SourceError, StoreError: no graph, no build, or a broken store.
    """
    return KnowledgeGraph(graph_dir, store=store, refresh=refresh)
