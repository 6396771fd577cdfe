"""Loading ``ontology/``: the RDF vocabulary, the lexicon and the gazetteer.

The ontology is data; this module only reads it. Everything the builder knows
about words (triggers, cues, head words) and about known entities (aliases,
Wikidata links) comes from the Turtle files loaded here.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from historygraph.errors import OntologyError
from historygraph.namespaces import HG, WD
from historygraph.vocab import RDF, RDFS, SKOS

T = TypeVar("T")

Words = tuple[str, ...]


def words_of(phrase: str) -> Words:
    """Split a lexicon phrase into lower-case words and punctuation marks.

    >>> words_of("Anti-terrorism measure")
    ('anti', '-', 'terrorism', 'measure')
    """
    return tuple(re.findall(r"\w+|[^\w\s]", phrase.lower()))


#: Everything but letters and digits (``\W`` is "neither str.isalnum() nor _").
_NOT_ALNUM = re.compile(r"[\W_]+")


def compact(text: str) -> str:
    """Lower-case ``text`` and drop everything but letters and digits.

    Used for space- and punctuation-insensitive alias matching.

    >>> compact("Milli Majlis")
    'millimajlis'
    """
    return _NOT_ALNUM.sub("", text.lower())


def fold_name(label: str) -> str:
    """A name folded for comparison: no case, accents, spaces or punctuation.

    >>> fold_name("Nagorno-Karabakh") == fold_name("nagorno karabakh")
    True
    """
    folded = unicodedata.normalize("NFKD", label)
    return compact("".join(ch for ch in folded if not unicodedata.combining(ch)))


@dataclass(frozen=True)
class GazetteerEntry:
    """A known entity of the ontology's gazetteer."""

    iri: URIRef
    cls: URIRef
    label: str
    aliases: tuple[str, ...]
    wikidata: URIRef | None = None
    located_in: URIRef | None = None
    capital_of: URIRef | None = None
    #: words for its people or forces the builder cannot derive from its name (hg:demonym)
    demonyms: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """A stable local name for the entry (the last path segment of its IRI)."""
        return re.split(r"[/#]", str(self.iri))[-1]


@dataclass(frozen=True)
class Lexicon:
    """Everything the builder reads from the ontology, compiled for lookup."""

    event_triggers: dict[Words, URIRef]
    weak_triggers: dict[Words, URIRef]
    anaphors: dict[Words, URIRef]
    support_verbs: frozenset[str]
    leadership_nouns: frozenset[str]
    of_roles: dict[URIRef, URIRef]
    argument_relations: dict[URIRef, URIRef]
    typical_agent_classes: dict[URIRef, URIRef]
    measure_triggers: dict[Words, URIRef]
    bound_cues: dict[Words, URIRef]
    vague_quantities: dict[Words, tuple[int, URIRef]]
    head_words: dict[str, URIRef]
    ner_labels: dict[str, URIRef]
    gazetteer: tuple[GazetteerEntry, ...]
    #: head words of several words ("supreme council", "house of commons"): they win over
    #: the one-word head word they contain
    head_phrases: dict[Words, URIRef] = field(default_factory=dict)
    #: verb lemma -> (event class, class its subject must have), deepest event class first
    agent_triggers: dict[str, tuple[tuple[URIRef, URIRef], ...]] = field(default_factory=dict)
    #: verbs that give a number without its measure ("claimed up to 1,500")
    report_verbs: frozenset[str] = frozenset()
    #: verb lemma -> (event class, words of the sites it must go to or happen at), deepest
    #: event class first ("visited the Alley of Martyrs": a commemoration)
    site_triggers: dict[str, tuple[tuple[URIRef, frozenset[str]], ...]] = field(
        default_factory=dict
    )
    #: event class -> the role its agent triggers' subject fills, when not hg:agent
    #: ("the residents fled": affected)
    agent_trigger_roles: dict[URIRef, URIRef] = field(default_factory=dict)
    #: event class -> the plural noun naming people it counts in its subject role
    #: ("tens of thousands of people gathered": protesters)
    participant_nouns: dict[URIRef, str] = field(default_factory=dict)
    #: verb lemma -> (event class, nouns the verb must call something by), deepest event
    #: class first ("called the shooting a crime": a condemnation)
    verdict_triggers: dict[str, tuple[tuple[URIRef, frozenset[str]], ...]] = field(
        default_factory=dict
    )
    #: event classes whose events are done to no one ("honoured the victims": a commemoration
    #: is about them, it does not affect them)
    affect_no_one: frozenset[URIRef] = frozenset()
    #: event classes whose events need a date, a place, a participant or a count to be told
    #: ("military operations" in general is none)
    need_particulars: frozenset[URIRef] = frozenset()
    #: noun lemma -> event class it signals when aimed at a people ("anti-Armenian riots")
    targeted_triggers: dict[str, URIRef] = field(default_factory=dict)
    #: words of a title before a personal name ("president", "general"), lower case
    title_words: frozenset[str] = frozenset()
    #: place cues (on ``hg:Place``): verbs whose object is a place one goes into ("entered
    #: X"), verbs of moving "to" a place, verbs and nouns of leaving "from" one, nouns of a
    #: way "to" one, nouns of a side "of" one, nouns of what befalls one ("the siege of X")
    entry_verbs: frozenset[str] = frozenset()
    motion_verbs: frozenset[str] = frozenset()
    departure_words: frozenset[str] = frozenset()
    route_nouns: frozenset[str] = frozenset()
    side_nouns: frozenset[str] = frozenset()
    fate_nouns: frozenset[str] = frozenset()
    #: nouns of settlements ("city": "the village of X", "the city" refers back), of areas
    #: ("region": "the breakaway region" is no place of its own), of natural features whose
    #: name alone names them ("river": "the Araz river" is "the Araz")
    settlement_nouns: frozenset[str] = frozenset()
    area_nouns: frozenset[str] = frozenset()
    feature_nouns: frozenset[str] = frozenset()
    #: person cues (on ``hg:Person``): nouns of kin ("my husband X"), endings of surnames
    #: (longest first), given names (folded: lower case, no diacritics), verbs of leading
    #: whose by-agent is a person ("headed by X")
    kin_nouns: frozenset[str] = frozenset()
    surname_endings: tuple[str, ...] = ()
    given_names: frozenset[str] = frozenset()
    #: plural nouns of a body's members, by the body's class ("deputies": hg:Legislature):
    #: "the deputies" as the subject of an act stand for the body named last
    member_nouns: dict[str, URIRef] = field(default_factory=dict)
    leading_verbs: frozenset[str] = frozenset()
    #: force cues (on ``hg:MilitaryForce``): nouns of any armed force ("the troops" refers
    #: back to the force named last), plural nouns of a body's armed men ("troops of X")
    generic_force_nouns: frozenset[str] = frozenset()
    force_of_body_nouns: frozenset[str] = frozenset()
    #: words after a nation's name for its armed forces as a whole ("Armenian troops")
    national_force_nouns: frozenset[str] = frozenset()
    #: group cues (on ``hg:Group``): plural nouns of kin to others ("the families of the
    #: victims"), nouns of one person's kin ("his family")
    kin_group_nouns: frozenset[str] = frozenset()
    family_nouns: frozenset[str] = frozenset()
    #: people in general (on ``hg:Group``): too generic to name a group ("the population"),
    #: naming nobody when counted ("5,000 people"), a protest's people ("the crowd" is them)
    generic_group_nouns: frozenset[str] = frozenset()
    people_nouns: frozenset[str] = frozenset()
    #: words after a nation's name for its people as a whole ("the Azerbaijani people")
    national_people_nouns: frozenset[str] = frozenset()
    protester_nouns: frozenset[str] = frozenset()
    #: nouns of a gathering of people ("crowd", "mob"): "the crowd" is the protesters named
    #: before, "a crowd of students" the students
    gathering_nouns: frozenset[str] = frozenset()
    #: plural nouns for people whose accounts a text reports ("historians", "witnesses"):
    #: a quantifier before one still names a group ("many historians")
    informant_nouns: frozenset[str] = frozenset()
    #: plural nouns for people by their relation to someone ("organisers", "relatives"):
    #: after a possessive pronoun ("its organisers") no group of their own
    relational_group_nouns: frozenset[str] = frozenset()
    #: nouns for a country ("the country's leadership", on ``hg:State``) and for whoever
    #: rules it ("the regime", on ``hg:Organization``)
    country_nouns: frozenset[str] = frozenset()
    #: nouns after "the" and a nation's adjective for its state ("the Soviet state")
    state_nouns: frozenset[str] = frozenset()
    #: titles of a head of state (on ``hg:Person``): "the head of state" is who holds one
    head_of_state_titles: frozenset[str] = frozenset()
    ruler_nouns: frozenset[str] = frozenset()
    #: nouns of bodies that govern, judge or inquire where the story happens (on
    #: ``hg:Organization``): "the government" alone is such a body of its own
    story_body_nouns: frozenset[str] = frozenset()
    #: nouns of many events of one kind ("a wave of protests", on ``hg:Event``)
    series_nouns: frozenset[str] = frozenset()
    #: site nouns (on ``hg:Place``) too vague to name a place bare ("the street"), and the
    #: nouns any named building may be called by ("the building")
    vague_site_nouns: frozenset[str] = frozenset()
    building_nouns: frozenset[str] = frozenset()
    #: nouns for the site a body occupies ("the building of the Radio Committee" is a
    #: place named "Radio Committee building")
    seat_nouns: frozenset[str] = frozenset()
    #: body head words for loose bodies ("movement", "alliance") that describing words
    #: alone do not make a body ("a mass opposition movement"), though a name does
    loose_body_nouns: frozenset[str] = frozenset()
    #: site nouns one site may be called by in turn ("memorial": the monument's other
    #: names), and the head words that make a name an area or a feature named after a
    #: place ("Kent County", "Kura Valley"), no site in it ("Moscow Square")
    site_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    area_head_words: frozenset[str] = frozenset()

    @cached_property
    def land_nouns(self) -> frozenset[str]:
        """Nouns of settlements and areas ("the city", "the region"): rules of their own."""
        return self.settlement_nouns | self.area_nouns

    @cached_property
    def territory_nouns(self) -> frozenset[str]:
        """:attr:`land_nouns` and the nouns for a country ("the country", "the capital")."""
        return self.land_nouns | self.country_nouns

    def is_title_word(self, text: str) -> bool:
        """ "Lady", "Lieutenant-General", "Dr.": a title word (all its hyphenated parts)."""
        parts = [p for p in re.split(r"[-\u2010.]", text.lower()) if p]
        return bool(parts) and all(p in self.title_words for p in parts)

    @property
    def max_trigger_len(self) -> int:
        """The longest trigger or anaphor, in words."""
        keys = [*self.event_triggers, *self.weak_triggers, *self.anaphors, *self.measure_triggers]
        return max((len(k) for k in keys), default=1)


@dataclass
class Ontology:
    """The loaded ontology: one rdflib graph plus derived lookups."""

    graph: Graph
    files: tuple[Path, ...]
    digest: str
    version: str
    _superclasses: dict[URIRef, frozenset[URIRef]] = field(default_factory=dict)
    _lexicon: Lexicon | None = None
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without :meth:`derived` values (compiled code need not pickle)."""
        state = self.__dict__.copy()
        state["_derived"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Restore a pickled ontology (with an empty :meth:`derived` memo)."""
        self.__dict__.update(state)
        self._derived = {}

    def derived(self, name: str, make: Callable[[Ontology], T]) -> T:
        """``make(self)``, computed on first use and kept with this ontology.

        For indexes other modules compile from the ontology (the gazetteer's
        alias index, the SHACL shapes): they live and die with the ontology
        they were made from. ``name`` must be unique to ``make``.
        """
        try:
            return self._derived[name]  # type: ignore[no-any-return]
        except KeyError:
            value = self._derived[name] = make(self)
            return value

    def superclasses(self, cls: URIRef) -> frozenset[URIRef]:
        """``cls`` and all its (transitive) superclasses."""
        if cls not in self._superclasses:
            seen: set[URIRef] = set()
            todo = [cls]
            while todo:
                c = todo.pop()
                if c in seen:
                    continue
                seen.add(c)
                todo.extend(
                    o for o in self.graph.objects(c, RDFS.subClassOf) if isinstance(o, URIRef)
                )
            self._superclasses[cls] = frozenset(seen)
        return self._superclasses[cls]

    def is_a(self, cls: URIRef, parent: URIRef) -> bool:
        """Whether ``cls`` is ``parent`` or a subclass of it."""
        return parent in self.superclasses(cls)

    def subclasses(self, parent: URIRef) -> list[URIRef]:
        """Every declared class that is ``parent`` or below it, sorted."""
        classes = {s for s in self.graph.subjects(RDFS.subClassOf, None) if isinstance(s, URIRef)}
        classes.add(parent)
        return sorted(c for c in classes if self.is_a(c, parent))

    def depth(self, cls: URIRef) -> int:
        """Number of superclasses: deeper classes are more specific."""
        return len(self.superclasses(cls))

    def label(self, term: URIRef) -> str:
        """The ``rdfs:label`` of a term, or its local name."""
        value = self.graph.value(term, RDFS.label)
        return str(value) if value is not None else re.split(r"[/#]", str(term))[-1]

    @property
    def lexicon(self) -> Lexicon:
        """The compiled lexicon (built once)."""
        if self._lexicon is None:
            self._lexicon = compile_lexicon(self)
        return self._lexicon


def ontology_files(dirs: Iterable[Path]) -> list[Path]:
    """Every ``*.ttl`` file under the given folders, in a stable order (core first)."""
    files: list[Path] = []
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise OntologyError(f"{d}: ontology folder not found")
        found = sorted(d.rglob("*.ttl"), key=lambda p: (len(p.relative_to(d).parts), str(p)))
        files.extend(found)
    if not files:
        raise OntologyError(f"{', '.join(map(str, dirs))}: no .ttl files in the ontology folder")
    return files


def parse_turtle_file(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one Turtle file, turning syntax errors into :class:`OntologyError`.

    The error message names the file and the 1-based line.
    """
    graph = graph if graph is not None else Graph()
    try:
        data = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise OntologyError(f"{path}: not valid UTF-8 at byte {e.start}") from e
    except OSError as e:
        raise OntologyError(f"{path}: cannot read ({e.strerror})") from e
    try:
        graph.parse(data=data, format="turtle", publicID=path.resolve().as_uri())
    except Exception as e:  # rdflib raises several types for bad syntax
        line = getattr(e, "lines", None)
        why = getattr(e, "_why", None) or str(e).splitlines()[0]
        where = f"{path}:{line + 1}" if isinstance(line, int) else str(path)
        raise OntologyError(f"{where}: bad Turtle: {why}") from e
    return graph


def ontology_digest(files: Iterable[Path]) -> str:
    """The SHA-256 of the files' names and contents, in order (an ontology's identity).

    Raises:
        OntologyError: a file cannot be read.
    """
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError as e:
            raise OntologyError(f"{path}: cannot read ({e.strerror})") from e
    return digest.hexdigest()


def load_ontology(dirs: Iterable[Path], cache_dir: Path | None = None) -> Ontology:
    """Load every Turtle file of the ontology folders into one graph.

    With ``cache_dir`` (a build uses ``GRAPH_DIR/.cache/ontology``), the parsed
    ontology and its compiled lexicon are kept there as a pickle named by the
    hash of the files' names and contents (and of the historygraph, rdflib and
    Python versions); an unchanged ontology then loads in a few milliseconds
    instead of being parsed again. Any change to any file gives a new hash.

    Raises:
        OntologyError: a folder is missing or a file does not parse.
    """
    files = ontology_files(dirs)
    digest = ontology_digest(files)
    cache_file = _cache_file(cache_dir, digest, files) if cache_dir else None
    if cache_file is not None:
        cached = _read_cache(cache_file, digest)
        if cached is not None:
            return cached
    graph = _parse_files(files)
    version = "unknown"
    for onto in graph.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")):
        v = graph.value(onto, URIRef("http://www.w3.org/2002/07/owl#versionInfo"))
        if v is not None:
            version = str(v)
    ontology = Ontology(graph=graph, files=tuple(files), digest=digest, version=version)
    if cache_file is not None:
        ontology.lexicon  # noqa: B018 - compiled now, so the cache holds it
        _write_cache(cache_file, ontology)
    return ontology


def _parse_files(files: list[Path]) -> Graph:
    """All the files in one read-only graph, parsed by Oxigraph's Turtle parser.

    Oxigraph parses the ontology about 20 times faster than rdflib, and the
    :class:`~historygraph.indexed_store.IndexedStore` takes the triples in one
    pass. A file Oxigraph refuses is parsed again by rdflib, whose error names
    the file and line (:func:`parse_turtle_file`), or whose result is used if it
    accepts the file.
    """
    import pyoxigraph as ox

    from historygraph.indexed_store import IndexedStore
    from historygraph.oxterms import converter

    store = IndexedStore()
    graph = Graph(store=store)
    convert = converter()
    terms: dict[object, Node] = {}

    def term(t: object, bnodes: dict[str, BNode]) -> Node:
        found = terms.get(t)
        if found is not None:
            return found
        if isinstance(t, ox.BlankNode):
            return bnodes.setdefault(t.value, BNode())  # blank nodes are local to their file
        made: Node = convert(t)
        terms[t] = made
        return made

    for path in files:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise OntologyError(f"{path}: cannot read ({e.strerror})") from e
        bnodes: dict[str, BNode] = {}
        try:
            parser = ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
            triples = [
                (term(q.subject, bnodes), term(q.predicate, bnodes), term(q.object, bnodes))
                for q in parser
            ]
            prefixes = dict(parser.prefixes)
        except (SyntaxError, ValueError):
            fallback = parse_turtle_file(path)  # raises OntologyError with file and line
            triples = list(fallback)  # type: ignore[arg-type]
            prefixes = {p: str(ns) for p, ns in fallback.namespaces()}
        store.add_all(triples)
        for prefix, namespace in sorted(prefixes.items()):
            graph.bind(prefix, URIRef(namespace), override=False)
    return graph


#: Bumped whenever what the ontology cache pickles changes shape (old pickles are then ignored).
CACHE_FORMAT = 12


def _cache_file(cache_dir: Path, digest: str, files: list[Path]) -> Path:
    import platform

    import rdflib

    from historygraph import __version__

    key = hashlib.sha256(
        "\0".join(
            [digest, __version__, str(CACHE_FORMAT), rdflib.__version__, platform.python_version()]
            + [str(p.resolve()) for p in files]
        ).encode()
    ).hexdigest()
    return cache_dir / f"{key}.pickle"


def _read_cache(path: Path, digest: str) -> Ontology | None:
    import pickle

    try:
        with path.open("rb") as f:
            ontology = pickle.load(f)
    except Exception:
        return None
    return ontology if isinstance(ontology, Ontology) and ontology.digest == digest else None


def _write_cache(path: Path, ontology: Ontology) -> None:
    import pickle

    from historygraph.fsutil import atomic_write_bytes

    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower next time
        atomic_write_bytes(path, pickle.dumps(ontology, protocol=pickle.HIGHEST_PROTOCOL))


def _classes_marked(g: Graph, prop: URIRef) -> frozenset[URIRef]:
    """The classes marked ``prop true`` (a boolean annotation: ``true`` or ``false``)."""
    result = set()
    name = prop.split("#")[-1]
    for subject, value in sorted(g.subject_objects(prop)):
        if not isinstance(value, Literal) or not isinstance(value.toPython(), bool):
            raise OntologyError(
                f"{subject} has hg:{name} {value.n3()}; give true or false (unquoted)"
            )
        if value.toPython() and isinstance(subject, URIRef):
            result.add(subject)
    return frozenset(result)


def _participant_nouns(g: Graph) -> dict[URIRef, str]:
    """Event class -> its hg:participantNoun (one plain string, lower case)."""
    result = {}
    for subject in sorted(
        {s for s in g.subjects(HG.participantNoun, None) if isinstance(s, URIRef)}
    ):
        nouns = _strings(g, subject, HG.participantNoun)
        if len(nouns) != 1:
            raise OntologyError(
                f"{subject} has hg:participantNoun {len(nouns)} times as a string; give one "
                '(a plural noun such as "protesters")'
            )
        result[subject] = nouns[0].lower()
    return result


def _strings(graph: Graph, subject: Node, prop: URIRef) -> list[str]:
    return sorted(str(o) for o in graph.objects(subject, prop) if isinstance(o, Literal))


def _words(graph: Graph, prop: URIRef) -> frozenset[str]:
    """Every string of ``prop``, whatever it annotates, lower case."""
    return frozenset(
        w.lower() for s in graph.subjects(prop, None) for w in _strings(graph, s, prop)
    )


def _synonyms(graph: Graph, prop: URIRef) -> dict[str, frozenset[str]]:
    """Each word of a ``prop`` string ("memorial monument": words that name one thing)
    mapped to the other words it is listed with, in any string."""
    result: dict[str, set[str]] = {}
    for s in graph.subjects(prop, None):
        for value in _strings(graph, s, prop):
            words = set(value.lower().split())
            for word in words:
                result.setdefault(word, set()).update(words - {word})
    return {word: frozenset(others) for word, others in sorted(result.items())}


def _word_map(onto: Ontology, prop: URIRef, within: URIRef | None = None) -> dict[Words, URIRef]:
    """Map each phrase of ``prop`` to its subject; deeper classes win on conflict."""
    result: dict[Words, URIRef] = {}
    for subject in sorted({s for s in onto.graph.subjects(prop, None) if isinstance(s, URIRef)}):
        if within is not None and not onto.is_a(subject, within):
            continue
        for phrase in _strings(onto.graph, subject, prop):
            key = words_of(phrase)
            old = result.get(key)
            if old is None or onto.depth(subject) > onto.depth(old):
                result[key] = subject
    return result


def _description(g: Graph, subject: Node) -> dict[Node, list[Node]]:
    """``predicate -> objects`` of ``subject`` (straight from the index when there is one)."""
    store = g.store
    if hasattr(store, "description"):
        return store.description(subject)  # type: ignore[no-any-return]
    found: dict[Node, list[Node]] = {}
    for p, o in g.predicate_objects(subject):
        found.setdefault(p, []).append(o)
    return found


def _gazetteer(onto: Ontology) -> tuple[GazetteerEntry, ...]:
    g = onto.graph
    entries = []
    wikidata_ns = str(WD)
    known_kind: dict[URIRef, bool] = {}

    def is_kind(c: URIRef) -> bool:
        if c not in known_kind:
            known_kind[c] = onto.is_a(c, HG.Agent) or onto.is_a(c, HG.Place)
        return known_kind[c]

    rdf_type, label_p, match_p, alt_p = RDF.type, RDFS.label, SKOS.exactMatch, SKOS.altLabel
    subjects = {s for s in g.subjects(rdf_type, None) if isinstance(s, URIRef)}
    for subject in sorted(subjects, key=str):  # IRIs: the same order as sorted() gives
        about = _description(g, subject)
        kinds = [c for c in about.get(rdf_type, ()) if isinstance(c, URIRef) and is_kind(c)]
        if not kinds:
            continue
        cls = max(sorted(kinds, key=str), key=onto.depth)
        labels = about.get(label_p)
        if not labels:
            raise OntologyError(f"gazetteer entry {subject} has no rdfs:label")
        matches = sorted((o for o in about.get(match_p, ()) if isinstance(o, URIRef)), key=str)
        wikidata = next((o for o in matches if str(o).startswith(wikidata_ns)), None)
        located = about.get(HG.locatedIn, [None])[0]
        capital = about.get(HG.capitalOf, [None])[0]
        entries.append(
            GazetteerEntry(
                iri=subject,
                cls=cls,
                label=str(labels[0]),
                aliases=tuple(
                    sorted(str(o) for o in about.get(alt_p, ()) if isinstance(o, Literal))
                ),
                wikidata=wikidata,
                located_in=located,  # type: ignore[arg-type]
                capital_of=capital,  # type: ignore[arg-type]
                demonyms=tuple(
                    sorted(str(o) for o in about.get(HG.demonym, ()) if isinstance(o, Literal))
                ),
            )
        )
    return tuple(entries)


def _verbs_with_words(
    onto: Ontology, verb_prop: URIRef, word_prop: URIRef
) -> dict[str, tuple[tuple[URIRef, frozenset[str]], ...]]:
    """Verb lemma -> (event class, the words the verb needs), deepest class first: the
    class's ``verb_prop`` verbs with its ``word_prop`` words (site and verdict triggers)."""
    g = onto.graph
    table: dict[str, list[tuple[URIRef, frozenset[str]]]] = {}
    for subject in sorted({s for s in g.subjects(verb_prop, None) if isinstance(s, URIRef)}):
        words = frozenset(w.lower() for w in _strings(g, subject, word_prop))
        if not words:
            verbs, needed = (f"hg:{p.split('#')[-1]}" for p in (verb_prop, word_prop))
            raise OntologyError(f"{subject} has {verbs} but no {needed}")
        for verb in _strings(g, subject, verb_prop):
            table.setdefault(verb.lower(), []).append((subject, words))
    for entries in table.values():
        entries.sort(key=lambda entry: (-onto.depth(entry[0]), str(entry[0])))
    return {k: tuple(v) for k, v in sorted(table.items())}


def compile_lexicon(onto: Ontology) -> Lexicon:
    """Read triggers, cues, head words and the gazetteer out of the ontology."""
    g = onto.graph
    measures = _word_map(onto, HG.trigger)
    event_triggers = {k: v for k, v in measures.items() if onto.is_a(v, HG.Event)}
    measure_triggers: dict[Words, URIRef] = {}
    for subject in sorted({s for s in g.subjects(HG.trigger, None) if isinstance(s, URIRef)}):
        if (subject, RDF.type, HG.Measure) in g:
            for phrase in _strings(g, subject, HG.trigger):
                measure_triggers[words_of(phrase)] = subject
    vague: dict[Words, tuple[int, URIRef]] = {}
    for node in g.objects(HG.Figure, HG.vagueQuantity):
        word, count, bound = (
            g.value(node, HG.word),
            g.value(node, HG.count),
            g.value(node, HG.bound),
        )
        if word is None or count is None or not isinstance(bound, URIRef):
            raise OntologyError("hg:vagueQuantity entries need hg:word, hg:count and hg:bound")
        vague[words_of(str(word))] = (int(cast(Literal, count)), bound)
    all_heads = _word_map(onto, HG.headWord)
    head_words = {k[0]: v for k, v in all_heads.items() if len(k) == 1}
    head_phrases = {k: v for k, v in all_heads.items() if len(k) > 1}
    ner_labels: dict[str, URIRef] = {}
    for subject in sorted({s for s in g.subjects(HG.nerLabel, None) if isinstance(s, URIRef)}):
        for label in _strings(g, subject, HG.nerLabel):
            ner_labels[label] = subject

    def _class_map(prop: URIRef) -> dict[URIRef, URIRef]:
        return {
            s: o
            for s, o in sorted(g.subject_objects(prop))
            if isinstance(s, URIRef) and isinstance(o, URIRef)
        }

    agent_triggers: dict[str, list[tuple[URIRef, URIRef]]] = {}
    for subject in sorted({s for s in g.subjects(HG.agentTrigger, None) if isinstance(s, URIRef)}):
        agent_cls = g.value(subject, HG.agentTriggerClass)
        if not isinstance(agent_cls, URIRef):
            raise OntologyError(f"{subject} has hg:agentTrigger but no hg:agentTriggerClass")
        for verb in _strings(g, subject, HG.agentTrigger):
            agent_triggers.setdefault(verb.lower(), []).append((subject, agent_cls))
    for pairs in agent_triggers.values():
        pairs.sort(key=lambda pair: (-onto.depth(pair[0]), str(pair[0])))

    site_triggers = _verbs_with_words(onto, HG.siteTrigger, HG.siteWord)
    verdict_triggers = _verbs_with_words(onto, HG.verdictTrigger, HG.verdictWord)

    return Lexicon(
        event_triggers=event_triggers,
        weak_triggers=_word_map(onto, HG.weakTrigger, HG.Event),
        anaphors=_word_map(onto, HG.anaphor, HG.Event),
        support_verbs=_words(g, HG.supportVerb),
        leadership_nouns=_words(g, HG.leadershipNoun),
        title_words=_words(g, HG.titleWord),
        entry_verbs=_words(g, HG.entryVerb),
        motion_verbs=_words(g, HG.motionVerb),
        departure_words=_words(g, HG.departureWord),
        route_nouns=_words(g, HG.routeNoun),
        side_nouns=_words(g, HG.sideNoun),
        fate_nouns=_words(g, HG.fateNoun),
        settlement_nouns=_words(g, HG.settlementNoun),
        area_nouns=_words(g, HG.areaNoun),
        feature_nouns=_words(g, HG.featureNoun),
        kin_nouns=_words(g, HG.kinNoun),
        surname_endings=tuple(sorted(_words(g, HG.surnameEnding), key=lambda w: (-len(w), w))),
        given_names=frozenset(fold_name(w) for w in _words(g, HG.givenName)),
        member_nouns={k[0]: v for k, v in _word_map(onto, HG.memberNoun).items() if len(k) == 1},
        leading_verbs=_words(g, HG.leadingVerb),
        generic_force_nouns=_words(g, HG.genericForceNoun),
        force_of_body_nouns=_words(g, HG.forceOfBodyNoun),
        national_force_nouns=_words(g, HG.nationalForceNoun),
        kin_group_nouns=_words(g, HG.kinGroupNoun),
        family_nouns=_words(g, HG.familyNoun),
        generic_group_nouns=_words(g, HG.genericGroupNoun),
        people_nouns=_words(g, HG.peopleNoun),
        national_people_nouns=_words(g, HG.nationalPeopleNoun),
        protester_nouns=_words(g, HG.protesterNoun),
        gathering_nouns=_words(g, HG.gatheringNoun),
        informant_nouns=_words(g, HG.informantNoun),
        relational_group_nouns=_words(g, HG.relationalGroupNoun),
        country_nouns=_words(g, HG.countryNoun),
        state_nouns=_words(g, HG.stateNoun),
        head_of_state_titles=_words(g, HG.headOfStateTitle),
        ruler_nouns=_words(g, HG.rulerNoun),
        story_body_nouns=_words(g, HG.storyBodyNoun),
        series_nouns=_words(g, HG.seriesNoun),
        vague_site_nouns=_words(g, HG.vagueSiteNoun),
        building_nouns=_words(g, HG.buildingNoun),
        seat_nouns=_words(g, HG.seatNoun),
        loose_body_nouns=_words(g, HG.looseBodyNoun),
        site_synonyms=_synonyms(g, HG.siteSynonyms),
        area_head_words=_words(g, HG.areaHeadWord),
        of_roles=_class_map(HG.ofRole),
        argument_relations=_class_map(HG.argumentRelation),
        typical_agent_classes=_class_map(HG.typicalAgentClass),
        measure_triggers=measure_triggers,
        bound_cues=_word_map(onto, HG.cue),
        vague_quantities=vague,
        head_words=head_words,
        ner_labels=ner_labels,
        gazetteer=_gazetteer(onto),
        head_phrases=head_phrases,
        agent_triggers={k: tuple(v) for k, v in sorted(agent_triggers.items())},
        report_verbs=_words(g, HG.reportVerb),
        site_triggers=site_triggers,
        agent_trigger_roles=_class_map(HG.agentTriggerRole),
        participant_nouns=_participant_nouns(g),
        affect_no_one=_classes_marked(g, HG.affectsNoOne),
        need_particulars=_classes_marked(g, HG.needsParticulars),
        verdict_triggers=verdict_triggers,
        targeted_triggers={
            w.lower(): s
            for s in sorted(
                {s for s in g.subjects(HG.targetedTrigger, None) if isinstance(s, URIRef)}
            )
            for w in _strings(g, s, HG.targetedTrigger)
        },
    )


#: IRI of the named graph that carries the ontology's schema at query time.
ONTOLOGY_GRAPH = URIRef("https://w3id.org/historygraph/ontology")

_SCHEMA_TYPES = frozenset(
    {
        URIRef("http://www.w3.org/2002/07/owl#Class"),
        URIRef("http://www.w3.org/2000/01/rdf-schema#Class"),
        URIRef("http://www.w3.org/2002/07/owl#ObjectProperty"),
        URIRef("http://www.w3.org/2002/07/owl#DatatypeProperty"),
        URIRef("http://www.w3.org/2002/07/owl#AnnotationProperty"),
        URIRef("http://www.w3.org/2002/07/owl#Ontology"),
        HG.Measure,
        HG.Bound,
    }
)


def schema_graph(ontology: Ontology) -> Graph:
    """The ontology's classes, properties and concepts (not gazetteer entries or shapes).

    Queries see it as the named graph :data:`ONTOLOGY_GRAPH`, so they can follow
    ``rdfs:subClassOf*`` and read labels of classes, properties and measures.
    """
    g = ontology.graph
    schema = Graph()
    terms = {s for t in _SCHEMA_TYPES for s in g.subjects(RDF.type, t) if isinstance(s, URIRef)}
    for s in terms:
        for p, o in g.predicate_objects(s):
            if isinstance(o, Literal | URIRef):
                schema.add((s, p, o))
    return schema
