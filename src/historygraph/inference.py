"""Inference: materialise what the ontology's axioms imply about the data.

A build adds the consequences of the ontology to a separate named graph,
``<base>graph/inferred`` (see :func:`add_inferred_graph`), so that a query on
a superclass (``?e a hg:Event``) or on an aligned vocabulary (``?e a
sem:Event``, ``?e sem:hasActor ?a``, ``?x prov:wasDerivedFrom ?span``) finds
what the extraction asserted with our most specific terms. The profile is the
``reasoning`` key of ``graph.toml``'s ``[graph]`` table:

``"rdfs"`` (the default)
    rdf:type closure over ``rdfs:subClassOf`` (rule rdfs9), sub-property closure
    (rdfs7), and the types implied by ``rdfs:domain`` and ``rdfs:range``
    (rdfs2, rdfs3).
``"owlrl"``
    All of the above plus an OWL 2 RL subset for instance data:
    ``owl:equivalentClass`` (cax-eqc1/2), ``owl:equivalentProperty``
    (prp-eqp1/2), ``owl:inverseOf`` (prp-inv1/2), ``owl:SymmetricProperty``
    (prp-symp) and ``owl:TransitiveProperty`` (prp-trp), iterated to a fixpoint.
    Not covered: ``owl:sameAs`` (it would copy every statement), restrictions,
    class expressions (intersections, unions), property chains, keys and
    the consistency rules.
``"none"``
    No inferred graph.

Only triples *about instances in the data* are materialised: the subject of
every inferred triple is a subject of some asserted triple, and a triple that
is already asserted is not repeated. The ontology's own axioms (class and
property hierarchies, labels) are never copied into the graph; queries see them
through the ontology's schema graph. ``owl:Thing`` and ``rdfs:Resource`` are
never added as types. The result is a set of triples, so the canonical TriG
writer keeps ``graph.trig`` byte-for-byte deterministic.

>>> from rdflib import Dataset, Graph, URIRef
>>> from rdflib.namespace import RDF, RDFS
>>> onto = Graph()
>>> _ = onto.add((URIRef("urn:Massacre"), RDFS.subClassOf, URIRef("urn:Event")))
>>> data = Dataset()
>>> _ = data.graph(URIRef("urn:doc")).add((URIRef("urn:e1"), RDF.type, URIRef("urn:Massacre")))
>>> sorted(str(o) for o in materialise(data, onto, "rdfs").objects(URIRef("urn:e1"), RDF.type))
['urn:Event']
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from historygraph.errors import ConfigError
from historygraph.quads import GraphBuffer, QuadBuffer
from historygraph.vocab import OWL, RDF, RDFS

if TYPE_CHECKING:
    from historygraph.config import GraphConfig
    from historygraph.ontology import Ontology

#: The reasoning profiles, from none to most.
PROFILES: tuple[str, ...] = ("none", "rdfs", "owlrl")
#: The profile of a graph whose ``graph.toml`` does not say.
DEFAULT_PROFILE = "rdfs"
#: The last path segments of every inferred graph's IRI (``<base>graph/inferred``).
INFERRED_SUFFIX = "graph/inferred"
#: IRI of the named graph that carries the ontology's schema at query time
#: (the same value as :data:`historygraph.ontology.ONTOLOGY_GRAPH`; repeated
#: here so importing this module stays light).
_ONTOLOGY_GRAPH = "https://w3id.org/historygraph/ontology"
#: Types never materialised: true of everything, they only add bulk.
_TRIVIAL_TYPES = frozenset({OWL.Thing, RDFS.Resource})

Triple = tuple[Node, Node, Node]


def inferred_graph_iri(base: str) -> URIRef:
    """The named graph that holds a build's inferred triples.

    >>> str(inferred_graph_iri("https://example.org/g/"))
    'https://example.org/g/graph/inferred'
    """
    return URIRef(f"{base}{INFERRED_SUFFIX}")


def is_inferred_graph(name: Graph | Node | str | None) -> bool:
    """Whether a named graph (or its IRI) is an inferred graph (``…/graph/inferred``).

    The view and the query command use this to hide or drop inferred triples.

    >>> is_inferred_graph("https://example.org/g/graph/inferred")
    True
    >>> is_inferred_graph("https://example.org/g/source/article")
    False
    """
    if isinstance(name, Graph):
        name = name.identifier
    return name is not None and str(name).endswith("/" + INFERRED_SUFFIX)


def check_profile(profile: str, where: str = "reasoning") -> str:
    """Return ``profile`` if it is one of :data:`PROFILES`.

    Raises:
        ConfigError: an unknown profile; the message names ``where``.
    """
    if profile not in PROFILES:
        raise ConfigError(
            f"{where}: unknown reasoning profile {profile!r} (choose from {', '.join(PROFILES)})"
        )
    return profile


def reasoning_profile(config: GraphConfig) -> str:
    """The ``reasoning`` setting of a graph's ``graph.toml`` (default ``"rdfs"``).

    Raises:
        ConfigError: the value is not a string naming one of :data:`PROFILES`.
    """
    from historygraph.config import MANIFEST

    manifest = config.directory / MANIFEST
    try:
        raw = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:  # load_config read it
        raise ConfigError(f"{manifest}: cannot read ({e})") from e
    graph = raw.get("graph", {})
    value = graph.get("reasoning", DEFAULT_PROFILE) if isinstance(graph, dict) else DEFAULT_PROFILE
    where = f"{manifest} [graph] reasoning"
    if not isinstance(value, str):
        raise ConfigError(f"{where}: must be a string, one of {', '.join(PROFILES)}")
    return check_profile(value, where)


# ---------------------------------------------------------------- the schema, compiled


def _closure(edges: dict[URIRef, set[URIRef]], start: URIRef) -> tuple[URIRef, ...]:
    """Every node reachable from ``start`` (``start`` excluded), sorted."""
    seen: set[URIRef] = set()
    todo = list(edges.get(start, ()))
    while todo:
        node = todo.pop()
        if node in seen or node == start:
            continue
        seen.add(node)
        todo.extend(edges.get(node, ()))
    return tuple(sorted(seen))


@dataclass(frozen=True)
class Rules:
    """The ontology's axioms compiled for one profile: what each class and property implies."""

    profile: str
    superclasses: dict[URIRef, tuple[URIRef, ...]]
    superproperties: dict[URIRef, tuple[URIRef, ...]]
    domains: dict[URIRef, tuple[URIRef, ...]]
    ranges: dict[URIRef, tuple[URIRef, ...]]
    inverses: dict[URIRef, tuple[URIRef, ...]]
    symmetric: frozenset[URIRef]
    transitive: frozenset[URIRef]

    def types_implied(self, cls: Node) -> tuple[URIRef, ...]:
        """The classes an instance of ``cls`` also belongs to (``cls`` excluded)."""
        return self.superclasses.get(cls, ()) if isinstance(cls, URIRef) else ()  # type: ignore[call-overload]


def _uri_pairs(graph: Graph, prop: URIRef) -> Iterator[tuple[URIRef, URIRef]]:
    for s, o in graph.subject_objects(prop):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            yield s, o


def compile_rules(ontology: Graph, profile: str) -> Rules:
    """Compile the hierarchies, domains, ranges and OWL property axioms of ``ontology``.

    Args:
        ontology: The ontology graph (schema; gazetteer entries and shapes are ignored).
        profile: ``"rdfs"`` or ``"owlrl"`` (``"none"`` compiles nothing).
    """
    check_profile(profile)
    owl = profile == "owlrl"
    sub_class: dict[URIRef, set[URIRef]] = defaultdict(set)
    sub_prop: dict[URIRef, set[URIRef]] = defaultdict(set)
    if profile != "none":
        for s, o in _uri_pairs(ontology, RDFS.subClassOf):
            sub_class[s].add(o)
        for s, o in _uri_pairs(ontology, RDFS.subPropertyOf):
            sub_prop[s].add(o)
    if owl:
        for s, o in _uri_pairs(ontology, OWL.equivalentClass):
            sub_class[s].add(o)
            sub_class[o].add(s)
        for s, o in _uri_pairs(ontology, OWL.equivalentProperty):
            sub_prop[s].add(o)
            sub_prop[o].add(s)
    superclasses = {
        c: tuple(x for x in _closure(sub_class, c) if x not in _TRIVIAL_TYPES) for c in sub_class
    }
    superproperties = {p: _closure(sub_prop, p) for p in sub_prop}

    def classes_of(prop: URIRef) -> dict[URIRef, tuple[URIRef, ...]]:
        declared: dict[URIRef, set[URIRef]] = defaultdict(set)
        if profile == "none":
            return {}
        for p, cls in _uri_pairs(ontology, prop):
            if cls in _TRIVIAL_TYPES or str(cls).startswith(str(RDFS.Literal)):
                continue
            declared[p].add(cls)
            declared[p].update(superclasses.get(cls, ()))
        return {p: tuple(sorted(c)) for p, c in declared.items()}

    inverses: dict[URIRef, set[URIRef]] = defaultdict(set)
    symmetric: set[URIRef] = set()
    transitive: set[URIRef] = set()
    if owl:
        for s, o in _uri_pairs(ontology, OWL.inverseOf):
            inverses[s].add(o)
            inverses[o].add(s)
        symmetric = {s for s in ontology.subjects(RDF.type, OWL.SymmetricProperty)}  # type: ignore[misc]
        transitive = {s for s in ontology.subjects(RDF.type, OWL.TransitiveProperty)}  # type: ignore[misc]
    return Rules(
        profile=profile,
        superclasses=superclasses,
        superproperties=superproperties,
        domains=classes_of(RDFS.domain),
        ranges=classes_of(RDFS.range),
        inverses={p: tuple(sorted(q)) for p, q in inverses.items()},
        symmetric=frozenset(p for p in symmetric if isinstance(p, URIRef)),
        transitive=frozenset(p for p in transitive if isinstance(p, URIRef)),
    )


# ---------------------------------------------------------------- forward chaining


def data_triples(dataset: Dataset | Graph | QuadBuffer) -> set[Triple]:
    """The asserted triples of a built dataset.

    Every named graph counts except the ontology's schema graph (which the query
    command adds) and any inferred graph (``…/graph/inferred``).
    """
    if not hasattr(dataset, "quads"):  # a plain graph (a QuadBuffer or Dataset has quads)
        return set(dataset)
    triples: set[Triple] = set()
    if isinstance(dataset, QuadBuffer):  # whole graphs at a time, no per-quad generator
        for graph in dataset.graphs():
            name: Node = graph.identifier
            if not (str(name) == _ONTOLOGY_GRAPH or is_inferred_graph(name)):
                triples.update(graph)
        return triples
    skipped: dict[object, bool] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):  # works on any store's view
        skip = skipped.get(g)
        if skip is None:
            name = g.identifier if isinstance(g, Graph) else g
            skip = skipped[g] = str(name) == _ONTOLOGY_GRAPH or is_inferred_graph(name)
        if not skip:
            triples.add((s, p, o))
    return triples


#: ``rdf:type``, looked up once (namespace attribute access is slow in hot loops).
_TYPE = RDF.type
#: What a property implies: (super-properties, subject types, object types).
_Plan = tuple[tuple[URIRef, ...], tuple[URIRef, ...], tuple[URIRef, ...]]


class _Engine:
    """Forward chaining of :class:`Rules` over a set of triples, to a fixpoint.

    Class and property hierarchies are closed beforehand (:func:`compile_rules`),
    so with RDFS one pass over the asserted triples is complete; only the OWL
    property rules (inverse, symmetric, transitive) make new triples that must
    be chained again.
    """

    def __init__(self, rules: Rules, asserted: set[Triple]) -> None:
        self.rules = rules
        self._chain = bool(rules.inverses or rules.symmetric or rules.transitive)
        # Only chaining adds to what is known; one pass just compares with ``asserted``.
        self.known = set(asserted) if self._chain else asserted
        self.added: set[Triple] = set()
        self._queue: list[Triple] = []
        # (property, subject) -> objects and (property, object) -> subjects, transitive ones only
        self._out: dict[tuple[Node, Node], set[Node]] = defaultdict(set)
        self._in: dict[tuple[Node, Node], set[Node]] = defaultdict(set)
        self._plans: dict[Node, _Plan] = {}
        if rules.transitive:
            for s, p, o in asserted:
                if p in rules.transitive:
                    self._out[p, s].add(o)
                    self._in[p, o].add(s)

    def _plan(self, p: Node) -> _Plan:
        """Super-properties of ``p``, and the types its subjects and objects get."""
        rules = self.rules
        supers = rules.superproperties.get(p, ()) if isinstance(p, URIRef) else ()
        domains: set[URIRef] = set()
        ranges: set[URIRef] = set()
        for q in (p, *supers):
            domains.update(rules.domains.get(q, ()))  # type: ignore[call-overload]
            ranges.update(rules.ranges.get(q, ()))  # type: ignore[call-overload]
        plan = (supers, tuple(sorted(domains)), tuple(sorted(ranges)))
        self._plans[p] = plan
        return plan

    def _add(self, s: Node, p: Node, o: Node) -> None:
        triple = (s, p, o)
        if triple not in self.known:
            self.known.add(triple)
            self.added.add(triple)
            if self._chain:
                self._queue.append(triple)
                if p in self.rules.transitive:
                    self._out[p, s].add(o)
                    self._in[p, o].add(s)

    def _consequences(self, s: Node, p: Node, o: Node) -> None:
        rules = self.rules
        add = self._add
        if p == _TYPE:
            for cls in rules.superclasses.get(o, ()):  # type: ignore[call-overload]
                add(s, _TYPE, cls)
            return
        supers, domains, ranges = self._plans.get(p) or self._plan(p)
        for q in supers:
            add(s, q, o)
        for cls in domains:
            add(s, _TYPE, cls)
        if isinstance(o, Literal):
            return
        for cls in ranges:
            add(o, _TYPE, cls)
        if not self._chain:
            return
        for q in rules.inverses.get(p, ()):  # type: ignore[call-overload]
            add(o, q, s)
        if p in rules.symmetric:
            add(o, p, s)
        if p in rules.transitive:
            for after in list(self._out.get((p, o), ())):
                add(s, p, after)
            for before in list(self._in.get((p, s), ())):
                add(before, p, o)

    def run(self, start: Iterable[Triple]) -> set[Triple]:
        """Apply the rules to ``start`` and to everything they add; return what was added."""
        if not self._chain:
            return self._one_pass(start)
        for triple in start:
            self._consequences(*triple)
            while self._queue:
                self._consequences(*self._queue.pop())
        return self.added

    def _one_pass(self, start: Iterable[Triple]) -> set[Triple]:
        """RDFS without OWL property rules: each triple's consequences, in one pass.

        The same consequences as :meth:`_consequences` with nothing to chain,
        collected in one set and compared with the known triples once at the end.
        """
        rules = self.rules
        superclasses = rules.superclasses
        plans = self._plans
        found: set[Triple] = set()
        add = found.add
        for s, p, o in start:
            if p == _TYPE:
                for cls in superclasses.get(o, ()):  # type: ignore[call-overload]
                    add((s, _TYPE, cls))
                continue
            supers, domains, ranges = plans.get(p) or self._plan(p)
            for q in supers:
                add((s, q, o))
            for cls in domains:
                add((s, _TYPE, cls))
            if not isinstance(o, Literal):
                for cls in ranges:
                    add((o, _TYPE, cls))
        found -= self.known
        self.added |= found
        return self.added


def infer(asserted: set[Triple], rules: Rules) -> set[Triple]:
    """The inferred triples about instances: new, and with a subject of ``asserted``."""
    if rules.profile == "none" or not asserted:
        return set()
    added = _Engine(rules, asserted).run(asserted)
    instances = {s for s, _, _ in asserted}
    return {t for t in added if t[0] in instances and not isinstance(t[0], Literal)}


def _ontology_graph(ontology: Ontology | Graph) -> Graph:
    return ontology if isinstance(ontology, Graph) else ontology.graph


def materialise(dataset: Dataset | Graph, ontology: Ontology | Graph, profile: str) -> Graph:
    """The triples ``profile`` infers from ``dataset`` with ``ontology``'s axioms.

    The asserted triples are every named graph of ``dataset`` except the
    ontology's schema graph and any existing inferred graph (so a graph built
    with one profile can be re-reasoned with another). Only new triples about
    instances in the data are returned (see the module docstring).

    Args:
        dataset: A built dataset (e.g. from :func:`historygraph.query.load_dataset`
            or :func:`~historygraph.query.open_dataset`), or a plain graph of data.
        ontology: The loaded ontology (or its graph).
        profile: ``"none"``, ``"rdfs"`` or ``"owlrl"``.

    Raises:
        ConfigError: an unknown profile.
    """
    check_profile(profile)
    result = Graph()
    rules = compile_rules(_ontology_graph(ontology), profile)
    for triple in infer(data_triples(dataset), rules):
        result.add(triple)
    return result


def add_inferred_graph(
    dataset: Dataset | QuadBuffer, ontology: Ontology, config: GraphConfig
) -> int:
    """Materialise the graph's profile into its ``<base>graph/inferred`` named graph.

    The profile is ``reasoning`` in ``graph.toml`` (default ``"rdfs"``); with
    ``"none"`` nothing is added.

    Returns:
        The number of inferred triples added.

    Raises:
        ConfigError: ``reasoning`` is not a known profile.
    """
    profile = reasoning_profile(config)
    if profile == "none":
        return 0
    rules = compile_rules(ontology.graph, profile)
    triples = infer(data_triples(dataset), rules)
    target = dataset.graph(inferred_graph_iri(config.base))
    if isinstance(target, GraphBuffer):
        target.update(triples)
    else:
        target.addN((s, p, o, target) for s, p, o in triples)
    return len(triples)
