"""``historygraph ontology check``: find mistakes in the ontology before a build does.

Every Turtle file of the ontology folders is parsed on its own (so each
finding names the file it comes from), then merged for the checks that need
the whole picture. Findings are errors (the build would fail or silently do
the wrong thing) or warnings (documentation and housekeeping):

=====================  ========  ===================================================
code                   severity  what
=====================  ========  ===================================================
parse-error            error     a file is not valid Turtle (or TriG, for a graph)
undeclared-term        error     a term used in the lexicon, shapes, gazetteer or a
                                 built graph has no ``rdf:type`` anywhere (a typo, or
                                 a class added without ``a owl:Class``)
undeclared-alignment   error     the object of ``rdfs:subClassOf``,
                                 ``rdfs:subPropertyOf`` or ``owl:equivalent…`` is
                                 never declared (declare the external term)
subclass-cycle         error     ``rdfs:subClassOf`` (or ``rdfs:subPropertyOf``)
                                 loops back on itself
trigger-conflict       error     two unrelated event classes claim the same trigger,
                                 weak trigger or anaphor
trigger-overridden     warning   a class and one of its subclasses claim the same
                                 phrase (the subclass wins)
quantity-conflict      error     one phrase is given two counts or bounds by
                                 ``hg:vagueQuantity`` (the builder would pick one)
gazetteer-class        error     a known entity is not an ``hg:Agent`` or ``hg:Place``
                                 (the builder would ignore it)
gazetteer-label        error     a known entity has no ``rdfs:label``
missing-label          warning   a class or property without ``rdfs:label``
missing-comment        warning   a class or property without ``rdfs:comment``
                                 (terms only used as alignment targets are exempt)
version-missing        warning   no ``owl:Ontology`` carries ``owl:versionInfo``
version-ambiguous      warning   several ``owl:Ontology`` headers carry a version
stale-graph            warning   a graph was built with a different ontology (hash)
removed-term-used      error     ``--against REF``: a term of REF is gone but a graph
                                 still uses it (with a guess at its new name)
removed-term           warning   ``--against REF``: a term of REF is gone
version-not-bumped     warning   ``--against REF``: terms were removed but
                                 ``owl:versionInfo`` did not change
=====================  ========  ===================================================

**How lines are found.** rdflib does not report where a triple came from, so
each file's text is scanned: comments are blanked (and, for names, string
contents too) keeping every offset, and a term is searched as ``<full IRI>``
or as ``prefix:local`` for every ``@prefix``/``PREFIX`` of that file whose
namespace it starts with. A finding about a term points at the term's line as
the *subject* of a statement (an occurrence at the start of a statement:
first in the file, or after ``.``, ``{`` or ``}``); a finding about a triple
(a misspelt class in a shape, a trigger phrase) searches the offending term
or quoted phrase from the subject's line onwards. When nothing matches (a term
written with a relative IRI or escapes) the line of the subject, else line 1,
is given.
"""

from __future__ import annotations

import bisect
import difflib
import re
import subprocess
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS, XSD
from rdflib.term import Node

from historygraph.errors import OntologyError, SourceError
from historygraph.namespaces import HG, HG_IRI, PREFIXES
from historygraph.ontology import ontology_files, parse_turtle_file, words_of

ERROR = "error"
WARNING = "warning"
#: Standard namespaces whose terms need no declaration in our files.
BUILTIN_NAMESPACES: tuple[str, ...] = (str(RDF), str(RDFS), str(OWL), str(XSD), str(SH), str(SKOS))
CLASS_TYPES = frozenset({OWL.Class, RDFS.Class})
PROPERTY_TYPES = frozenset(
    {
        RDF.Property,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        OWL.TransitiveProperty,
        OWL.SymmetricProperty,
        OWL.FunctionalProperty,
        OWL.InverseFunctionalProperty,
    }
)
#: Types of vocabulary terms and shapes: their subjects are not gazetteer entries.
SCHEMA_TYPES = (
    CLASS_TYPES
    | PROPERTY_TYPES
    | {OWL.Ontology, OWL.Restriction, SH.NodeShape, SH.PropertyShape, SKOS.ConceptScheme}
)
#: Properties whose object is a class.
CLASS_VALUED = frozenset(
    {
        RDF.type,
        RDFS.domain,
        RDFS.range,
        SH.targetClass,
        SH["class"],
        OWL.someValuesFrom,
        OWL.allValuesFrom,
        OWL.onClass,
        HG.typicalAgentClass,
    }
)
#: Properties whose object is a property.
PROPERTY_VALUED = frozenset(
    {
        SH.path,
        SH.inversePath,
        SH.targetSubjectsOf,
        SH.targetObjectsOf,
        SH.lessThan,
        SH.equals,
        SH.disjoint,
        OWL.inverseOf,
        OWL.onProperty,
        HG.ofRole,
        HG.argumentRelation,
    }
)
#: Properties that map a term onto another (often external) one.
ALIGNMENT = frozenset(
    {RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty}
)
#: The lexicon's and the view's annotations: their subjects must be declared terms.
LEXICON = frozenset(
    {
        HG.trigger,
        HG.weakTrigger,
        HG.anaphor,
        HG.supportVerb,
        HG.leadershipNoun,
        HG.titleWord,
        HG.entryVerb,
        HG.motionVerb,
        HG.departureWord,
        HG.routeNoun,
        HG.sideNoun,
        HG.fateNoun,
        HG.kinNoun,
        HG.genericForceNoun,
        HG.forceOfBodyNoun,
        HG.nationalForceNoun,
        HG.kinGroupNoun,
        HG.familyNoun,
        HG.settlementNoun,
        HG.areaNoun,
        HG.featureNoun,
        HG.surnameEnding,
        HG.givenName,
        HG.memberNoun,
        HG.headOfStateTitle,
        HG.leadingVerb,
        HG.genericGroupNoun,
        HG.peopleNoun,
        HG.nationalPeopleNoun,
        HG.protesterNoun,
        HG.gatheringNoun,
        HG.informantNoun,
        HG.relationalGroupNoun,
        HG.countryNoun,
        HG.stateNoun,
        HG.rulerNoun,
        HG.storyBodyNoun,
        HG.seriesNoun,
        HG.vagueSiteNoun,
        HG.buildingNoun,
        HG.seatNoun,
        HG.looseBodyNoun,
        HG.siteSynonyms,
        HG.areaHeadWord,
        HG.reportVerb,
        HG.ofRole,
        HG.argumentRelation,
        HG.typicalAgentClass,
        HG.agentTrigger,
        HG.agentTriggerClass,
        HG.agentTriggerRole,
        HG.participantNoun,
        HG.affectsNoOne,
        HG.needsParticulars,
        HG.siteTrigger,
        HG.siteWord,
        HG.verdictTrigger,
        HG.verdictWord,
        HG.targetedTrigger,
        HG.headWord,
        HG.nerLabel,
        HG.cue,
        HG.vagueQuantity,
        HG.color,
        HG.shape,
    }
)
#: Phrases that decide an event's class; one phrase, one class.
EVENT_PHRASES = (HG.trigger, HG.weakTrigger, HG.anaphor)

_PREFIX_RE = re.compile(r"(?:@prefix|(?i:prefix))\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.MULTILINE)
_LOCAL_RE = re.compile(r"^[A-Za-z0-9_](?:[\w.-]*[\w-])?$|^$")
_MASK_RE = re.compile(
    r'#[^\n]*|<[^>\n]*>|"""(?:\\.|[^\\])*?"""|\'\'\'(?:\\.|[^\\])*?\'\'\''
    r'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
    re.DOTALL,
)
_WHERE_RE = re.compile(r"^(?P<file>.*?):(?P<line>\d+): (?P<why>.*)$", re.DOTALL)


# ---------------------------------------------------------------- findings


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, at a file and line."""

    file: str
    line: int
    severity: str
    code: str
    message: str

    def format(self) -> str:
        """``file:line: severity: message [code]``."""
        return f"{self.file}:{self.line}: {self.severity}: {self.message} [{self.code}]"


@dataclass
class CheckReport:
    """Everything ``ontology check`` found, in file and line order."""

    findings: list[Finding]
    files: int
    graphs: int = 0

    @property
    def errors(self) -> list[Finding]:
        """The findings that make the check fail."""
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """The findings that are only printed."""
        return [f for f in self.findings if f.severity == WARNING]

    def summary(self) -> str:
        """One line: counts of errors, warnings, files and graphs."""
        graphs = f" and {self.graphs} graph(s)" if self.graphs else ""
        return (
            f"{len(self.errors)} error(s), {len(self.warnings)} warning(s) "
            f"in {self.files} ontology file(s){graphs}"
        )


# ---------------------------------------------------------------- sources and lines


def _mask(text: str) -> tuple[str, str]:
    """Return ``(code, names)``: ``text`` with comments blanked, and with string contents too.

    Offsets and newlines are kept, so a position in either is a position in ``text``.
    """
    code, names = [], []
    last = 0
    for m in _MASK_RE.finditer(text):
        token = m.group()
        code.append(text[last : m.start()])
        names.append(text[last : m.start()])
        if token.startswith("#"):
            code.append(" " * len(token))
            names.append(" " * len(token))
        elif token.startswith("<"):
            code.append(token)
            names.append(token)
        else:
            quote = 3 if token[:3] in ('"""', "'''") else 1
            body = re.sub(r"[^\n]", " ", token[quote:-quote])
            code.append(token)
            names.append(token[:quote] + body + token[-quote:])
        last = m.end()
    code.append(text[last:])
    names.append(text[last:])
    return "".join(code), "".join(names)


@dataclass
class SourceFile:
    """One Turtle or TriG file: its text (for lines), prefixes and parsed triples."""

    label: str
    text: str
    graph: Graph | None = None
    error: Finding | None = None
    prefixes: dict[str, str] = field(default_factory=dict)
    _code: str = ""
    _names: str = ""
    _line_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._code, self._names = _mask(self.text)
        self.prefixes = {m.group(1) or "": m.group(2) for m in _PREFIX_RE.finditer(self._code)}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_of(self, offset: int) -> int:
        """The 1-based line of a character offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def _start(self, line: int) -> int:
        return self._line_starts[min(max(line, 1), len(self._line_starts)) - 1]

    def spellings(self, term: URIRef) -> list[str]:
        """The ways ``term`` can be written in this file: ``<iri>`` and ``prefix:local``."""
        iri = str(term)
        found = [f"<{iri}>"]
        for prefix, ns in sorted(self.prefixes.items()):
            if ns and iri.startswith(ns) and _LOCAL_RE.match(iri[len(ns) :]):
                found.append(f"{prefix}:{iri[len(ns) :]}")
        return found

    def _pattern(self, term: URIRef) -> re.Pattern[str]:
        parts = []
        for spelling in self.spellings(term):
            if spelling.startswith("<"):
                parts.append(re.escape(spelling))
            else:
                parts.append(r"(?<![\w:.-])" + re.escape(spelling) + r"(?![\w:-]|\.[\w-])")
        return re.compile("|".join(parts))

    def find(self, term: Node, after: int = 1, subject: bool = False) -> int | None:
        """The line of ``term`` at or after line ``after`` (as a subject if asked), or None."""
        if isinstance(term, Literal):
            return self._find_literal(term, after)
        if not isinstance(term, URIRef):
            return None
        start = self._start(after)
        first = None
        for m in self._pattern(term).finditer(self._names, start):
            if not subject:
                return self.line_of(m.start())
            if first is None:
                first = m.start()
            before = self._names[: m.start()].rstrip()
            if not before or before[-1] in ".{}":
                return self.line_of(m.start())
        return self.line_of(first) if first is not None else None

    def _find_literal(self, literal: Literal, after: int) -> int | None:
        text = re.escape(str(literal)).replace(r"\ ", " ")
        pattern = re.compile(rf"(\"\"\"|'''|\"|'){text}\1")
        m = pattern.search(self._code, self._start(after))
        return self.line_of(m.start()) if m else None

    def line(self, term: Node, *, within: Node | None = None) -> int:
        """Where to report ``term``: as a subject, or, with ``within``, inside that subject's statement."""
        if within is None:
            return self.find(term, subject=True) or 1
        start = self.find(within, subject=True) if isinstance(within, URIRef) else None
        return self.find(term, after=start or 1) or start or 1


def read_source(path: Path, label: str | None = None, text: str | None = None) -> SourceFile:
    """Read and parse one Turtle file; a syntax error becomes the file's ``error`` finding."""
    label = label or str(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            return SourceFile(label, "", error=_finding(label, 1, ERROR, "parse-error", str(e)))
    source = SourceFile(label, text)
    try:
        if path.exists() and label == str(path):
            source.graph = parse_turtle_file(path)
        else:
            source.graph = Graph().parse(
                data=text, format="turtle", publicID=path.absolute().as_uri()
            )
    except OntologyError as e:
        m = _WHERE_RE.match(str(e))
        line, why = (int(m["line"]), m["why"]) if m else (1, str(e))
        source.error = _finding(label, line, ERROR, "parse-error", why)
    except Exception as e:  # rdflib raises several types for bad syntax
        at = getattr(e, "lines", None)
        why = getattr(e, "_why", None) or str(e).splitlines()[0]
        source.error = _finding(
            label,
            at + 1 if isinstance(at, int) else 1,
            ERROR,
            "parse-error",
            f"bad Turtle: {why}",
        )
    return source


def _finding(file: str, line: int, severity: str, code: str, message: str) -> Finding:
    return Finding(file=file, line=line, severity=severity, code=code, message=message)


# ---------------------------------------------------------------- names


def curie(term: Node, extra: dict[str, str] | None = None) -> str:
    """A short name for ``term``: ``prefix:local`` with the project's prefixes, else ``<iri>``.

    >>> curie(HG.Event)
    'hg:Event'
    """
    if not isinstance(term, URIRef):
        return str(term)
    iri = str(term)
    best = None
    for prefix, ns in {**(extra or {}), **PREFIXES}.items():
        fits = ns and iri.startswith(ns) and _LOCAL_RE.match(iri[len(ns) :])
        if fits and (best is None or len(ns) > len(best[1])):
            best = (prefix, ns)
    return f"{best[0]}:{iri[len(best[1]) :]}" if best else f"<{iri}>"


def namespace_of(term: URIRef) -> str:
    """The IRI up to its last ``#`` or ``/``."""
    iri = str(term)
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def is_builtin(term: Node) -> bool:
    """Whether ``term`` belongs to RDF, RDFS, OWL, XSD, SHACL or SKOS."""
    return isinstance(term, URIRef) and str(term).startswith(BUILTIN_NAMESPACES)


# ---------------------------------------------------------------- the loaded ontology


@dataclass
class Vocabulary:
    """The ontology's files and their merged graph, with what the checks look up."""

    sources: list[SourceFile]
    graph: Graph
    declared: dict[URIRef, SourceFile]
    prefixes: dict[str, str]

    @classmethod
    def from_sources(cls, sources: list[SourceFile]) -> Vocabulary:
        """Merge the parsed files (those that parsed) and index declarations."""
        graph = Graph()
        declared: dict[URIRef, SourceFile] = {}
        prefixes: dict[str, str] = {}
        for source in sources:
            prefixes = {**source.prefixes, **prefixes}
            if source.graph is None:
                continue
            for triple in source.graph:
                graph.add(triple)
            for s in source.graph.subjects(RDF.type, None):
                if isinstance(s, URIRef):
                    declared.setdefault(s, source)
        return cls(sources, graph, declared, prefixes)

    def short(self, term: Node) -> str:
        """``term`` as a CURIE (the project's prefixes, then the files')."""
        return curie(term, self.prefixes)

    def superclasses(self, cls: URIRef) -> set[URIRef]:
        """``cls`` and every class above it (cycles tolerated)."""
        seen: set[URIRef] = set()
        todo = [cls]
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            todo.extend(o for o in self.graph.objects(c, RDFS.subClassOf) if isinstance(o, URIRef))
        return seen

    def kind(self, term: URIRef) -> str:
        """``class``, ``property`` or ``individual`` (by its declared types)."""
        types = set(self.graph.objects(term, RDF.type))
        if types & CLASS_TYPES:
            return "class"
        if types & PROPERTY_TYPES:
            return "property"
        return "individual"

    def where(self, term: URIRef, prop: Node | None = None) -> tuple[SourceFile, int]:
        """The file and line where ``term`` is described (with ``prop``, a file using it so)."""
        for source in self.sources:
            if source.graph is not None and (term, prop, None) in source.graph:
                return source, source.line(term)
        source = self.declared.get(term) or self.sources[0]
        return source, source.line(term)

    def suggest(self, term: URIRef) -> str:
        """`` (did you mean X?)`` for a near-miss of a declared term, else ``""``."""
        names = {self.short(t): t for t in self.declared}
        close = difflib.get_close_matches(self.short(term), sorted(names), n=1, cutoff=0.8)
        return f" (did you mean {close[0]}?)" if close else ""


def load_sources(dirs: Sequence[Path]) -> list[SourceFile]:
    """Read every ``*.ttl`` of the ontology folders (in the loader's order).

    Raises:
        OntologyError: a folder is missing or holds no Turtle file.
    """
    return [read_source(path) for path in ontology_files(dirs)]


# ---------------------------------------------------------------- the checks


def check_parse(vocab: Vocabulary) -> Iterator[Finding]:
    """parse-error: files that did not parse."""
    for source in vocab.sources:
        if source.error is not None:
            yield source.error


def _usages(triple: tuple[Node, Node, Node]) -> Iterator[tuple[URIRef, str, str]]:
    """The terms a triple uses that must be declared: ``(term, role, code)``."""
    s, p, o = triple
    if isinstance(p, URIRef):
        yield p, "as a property", "undeclared-term"
    if isinstance(o, URIRef):
        if p in ALIGNMENT:
            yield o, f"as the target of {curie(p)}", "undeclared-alignment"
        elif p in CLASS_VALUED:
            yield o, "as a class", "undeclared-term"
        elif p in PROPERTY_VALUED:
            yield o, "as a property", "undeclared-term"
        elif str(o).startswith(HG_IRI):
            yield o, "", "undeclared-term"
    if isinstance(s, URIRef):
        if p in LEXICON:
            yield s, f"with {curie(p)}", "undeclared-term"
        elif str(s).startswith(HG_IRI):
            yield s, "", "undeclared-term"


def check_declared(vocab: Vocabulary) -> Iterator[Finding]:
    """undeclared-term and undeclared-alignment: used terms without any ``rdf:type``."""
    for source in vocab.sources:
        if source.graph is None:
            continue
        reported: set[URIRef] = set()
        for triple in sorted(source.graph, key=lambda t: tuple(map(str, t))):
            for term, role, code in _usages(triple):
                if term in reported or term in vocab.declared or is_builtin(term):
                    continue
                reported.add(term)
                within = triple[0] if term != triple[0] else None
                line = source.line(term, within=within)
                hint = (
                    f"declare it (e.g. '{vocab.short(term)} a owl:Class ; rdfs:label \"…\"')"
                    if code == "undeclared-alignment"
                    else "declare it with rdf:type or fix the name"
                )
                used = f" {role}" if role else ""
                yield _finding(
                    source.label,
                    line,
                    ERROR,
                    code,
                    f"{vocab.short(term)} is used{used} but never declared"
                    f"{vocab.suggest(term)}; {hint}",
                )


def check_documentation(vocab: Vocabulary) -> Iterator[Finding]:
    """missing-label and missing-comment: classes and properties nobody explained."""
    g = vocab.graph
    targets = {
        o
        for s, p, o in g
        if p in ALIGNMENT
        and isinstance(s, URIRef)
        and isinstance(o, URIRef)
        and namespace_of(s) != namespace_of(o)
    }
    terms = {
        s
        for t in CLASS_TYPES | PROPERTY_TYPES
        for s in g.subjects(RDF.type, t)
        if isinstance(s, URIRef) and not is_builtin(s)
    }
    for term in sorted(terms):
        source, line = vocab.where(term, RDF.type)
        what = vocab.kind(term)
        if (term, RDFS.label, None) not in g:
            yield _finding(
                source.label,
                line,
                WARNING,
                "missing-label",
                f"{what} {vocab.short(term)} has no rdfs:label",
            )
        if (term, RDFS.comment, None) not in g and term not in targets:
            yield _finding(
                source.label,
                line,
                WARNING,
                "missing-comment",
                f"{what} {vocab.short(term)} has no rdfs:comment",
            )


def _cycles(edges: dict[URIRef, set[URIRef]]) -> list[list[URIRef]]:
    """Strongly connected components with more than one node (Tarjan), each sorted."""
    index: dict[URIRef, int] = {}
    low: dict[URIRef, int] = {}
    stack: list[URIRef] = []
    on_stack: set[URIRef] = set()
    found: list[list[URIRef]] = []
    counter = 0

    def visit(root: URIRef) -> None:
        nonlocal counter
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def check_cycles(vocab: Vocabulary) -> Iterator[Finding]:
    """subclass-cycle: ``rdfs:subClassOf`` or ``rdfs:subPropertyOf`` loops."""
    for prop in (RDFS.subClassOf, RDFS.subPropertyOf):
        edges: dict[URIRef, set[URIRef]] = defaultdict(set)
        for s, o in vocab.graph.subject_objects(prop):
            if isinstance(s, URIRef) and isinstance(o, URIRef) and s != o:
                edges[s].add(o)
        for component in _cycles(edges):
            members = set(component)
            first = component[0]
            path = [first]
            while True:  # walk the cycle from its first member, for the message
                nxt = sorted(o for o in edges[path[-1]] if o in members)
                step = next((o for o in nxt if o not in path), None)
                if step is None:
                    break
                path.append(step)
            back = next(o for o in sorted(edges[path[-1]]) if o in members)
            source, _ = vocab.where(first, prop)
            line = source.line(path[1] if len(path) > 1 else back, within=first)
            chain = " -> ".join(vocab.short(t) for t in [*path, back])
            yield _finding(
                source.label,
                line,
                ERROR,
                "subclass-cycle",
                f"{curie(prop)} cycle: {chain}; a class cannot be its own superclass "
                "(use owl:equivalentClass for synonyms)",
            )


def check_triggers(vocab: Vocabulary) -> Iterator[Finding]:
    """trigger-conflict and trigger-overridden: one phrase, two event classes."""
    events = {
        c
        for p in EVENT_PHRASES
        for c in vocab.graph.subjects(p, None)
        if isinstance(c, URIRef) and HG.Event in vocab.superclasses(c)
    }
    for prop in EVENT_PHRASES:
        claims: dict[tuple[str, ...], list[tuple[int, str, URIRef, Literal]]] = defaultdict(list)
        for order, source in enumerate(vocab.sources):
            if source.graph is None:
                continue
            for cls, phrase in sorted(source.graph.subject_objects(prop)):
                if cls in events and isinstance(phrase, Literal):
                    line = source.line(phrase, within=cls)
                    claims[words_of(str(phrase))].append((order, f"{line:08d}", cls, phrase))  # type: ignore[arg-type]
        for key in sorted(claims):
            classes = sorted({c for *_, c, _ in claims[key]})
            if len(classes) < 2:
                continue
            first_order = min(claims[key])[0]
            order, line_text, cls, phrase = max(claims[key])
            source = vocab.sources[order]
            depth = {c: len(vocab.superclasses(c)) for c in classes}
            winner = sorted(classes, key=lambda c: (-depth[c], str(c)))[0]  # as the lexicon does
            related = all(
                a == b or a in vocab.superclasses(b) or b in vocab.superclasses(a)
                for a in classes
                for b in classes
            )
            names = " and ".join(vocab.short(c) for c in classes)
            if related:
                yield _finding(
                    source.label,
                    int(line_text),
                    WARNING,
                    "trigger-overridden",
                    f'{curie(prop)} "{phrase}" is claimed by {names}; '
                    f"the most specific, {vocab.short(winner)}, wins",
                )
            else:
                yield _finding(
                    source.label,
                    int(line_text),
                    ERROR,
                    "trigger-conflict",
                    f'{curie(prop)} "{phrase}" is claimed by {names} '
                    f"(first at {vocab.sources[first_order].label}); the builder would always "
                    f"pick {vocab.short(winner)}: keep the phrase on one class",
                )


def check_vague_quantities(vocab: Vocabulary) -> Iterator[Finding]:
    """quantity-conflict: one phrase ("several dozen") with two readings."""
    readings: dict[tuple[str, ...], list[tuple[int, int, str, tuple[str, str]]]] = defaultdict(list)
    word: Node | str | None  # a term read from a file, then a phrase of the readings
    for order, source in enumerate(vocab.sources):
        if source.graph is None:
            continue
        g = source.graph
        seen: dict[str, int] = {}  # a phrase written twice in one file: report each place
        for node in g.objects(None, HG.vagueQuantity):
            word, count, bound = (
                g.value(node, HG.word),
                g.value(node, HG.count),
                g.value(node, HG.bound),
            )
            if isinstance(word, Literal):
                line = source.find(word, after=seen.get(str(word), 0) + 1) or 1
                seen[str(word)] = line
                readings[words_of(str(word))].append(
                    (order, line, str(word), (str(count), str(bound)))
                )
    for key in sorted(readings):
        found = sorted(readings[key])
        if len({reading for *_, reading in found}) < 2:
            continue
        order, line, word, _ = found[-1]
        shown = "; ".join(
            f"{c} {vocab.short(URIRef(b)) if b.startswith('http') else b}"
            for c, b in sorted({r for *_, r in found})
        )
        yield _finding(
            vocab.sources[order].label,
            line,
            ERROR,
            "quantity-conflict",
            f'hg:vagueQuantity "{word}" is given {len(found)} readings ({shown}); keep one',
        )


def check_gazetteer(vocab: Vocabulary) -> Iterator[Finding]:
    """gazetteer-class and gazetteer-label: known entities the builder cannot use."""
    g = vocab.graph
    entries: set[URIRef] = set()
    for s in set(g.subjects(RDF.type, None)) | set(g.subjects(SKOS.altLabel, None)):
        types = set(g.objects(s, RDF.type))
        if not isinstance(s, URIRef) or types & SCHEMA_TYPES:
            continue
        if any(isinstance(t, URIRef) and SKOS.Concept in vocab.superclasses(t) for t in types):
            continue  # a concept (a measure, a bound), not an entity
        entries.add(s)
    for entry in sorted(entries):
        classes = sorted(t for t in g.objects(entry, RDF.type) if isinstance(t, URIRef))
        source, line = vocab.where(entry, RDF.type if classes else SKOS.altLabel)
        kinds = [t for t in classes if {HG.Agent, HG.Place} & vocab.superclasses(t)]
        if not kinds:
            what = (
                "has no rdf:type"
                if not classes
                else f"is a {', '.join(vocab.short(t) for t in classes)}, not an hg:Agent or hg:Place"
            )
            yield _finding(
                source.label,
                line,
                ERROR,
                "gazetteer-class",
                f"known entity {vocab.short(entry)} {what}: the builder ignores it; "
                "type it with an hg:Agent or hg:Place class",
            )
        elif (entry, RDFS.label, None) not in g:
            yield _finding(
                source.label,
                line,
                ERROR,
                "gazetteer-label",
                f"known entity {vocab.short(entry)} has no rdfs:label (the builder needs one)",
            )


def check_version(vocab: Vocabulary) -> Iterator[Finding]:
    """version-missing and version-ambiguous: the version a build records."""
    headers = sorted(
        (o for o in vocab.graph.subjects(RDF.type, OWL.Ontology) if isinstance(o, URIRef)),
    )
    versioned = [o for o in headers if (o, OWL.versionInfo, None) in vocab.graph]
    if not versioned:
        source, line = vocab.where(headers[0], RDF.type) if headers else (vocab.sources[0], 1)
        yield _finding(
            source.label,
            line,
            WARNING,
            "version-missing",
            "no owl:Ontology has an owl:versionInfo: builds will record version 'unknown'",
        )
    elif len(versioned) > 1:
        loaded = {id(src): i for i, src in enumerate(vocab.sources)}
        last = max(
            versioned, key=lambda o: (loaded[id(vocab.where(o, OWL.versionInfo)[0])], str(o))
        )
        source, line = vocab.where(last, OWL.versionInfo)
        names = ", ".join(vocab.short(o) for o in versioned)
        yield _finding(
            source.label,
            line,
            WARNING,
            "version-ambiguous",
            f"several ontologies carry owl:versionInfo ({names}): the version a build records "
            "is ambiguous; keep owl:versionInfo on the core ontology only",
        )


# ---------------------------------------------------------------- graphs


@dataclass
class BuiltGraph:
    """A graph folder's ``graph.trig``: its text (for lines) and parsed dataset."""

    directory: Path
    source: SourceFile
    dataset: Dataset | None

    @property
    def terms(self) -> set[URIRef]:
        """Every IRI the graph uses, in any position."""
        if self.dataset is None:
            return set()
        return {
            t
            for quad in self.dataset.quads((None, None, None, None))
            for t in quad[:3]
            if isinstance(t, URIRef)
        }


def read_graph(graph_dir: Path) -> BuiltGraph | None:
    """Read ``GRAPH_DIR/graph.trig`` (``None`` when the graph was never built)."""
    from historygraph.query import load_dataset

    path = Path(graph_dir) / "graph.trig"
    if not path.is_file():
        return None
    source = SourceFile(str(path), path.read_text(encoding="utf-8"))
    try:
        dataset = load_dataset(path)
    except SourceError as e:
        m = _WHERE_RE.match(str(e))
        line, why = (int(m["line"]), m["why"]) if m else (1, str(e))
        source.error = _finding(str(path), line, ERROR, "parse-error", why)
        dataset = None
    return BuiltGraph(Path(graph_dir), source, dataset)


def check_graph(vocab: Vocabulary, built: BuiltGraph, digest: str | None) -> Iterator[Finding]:
    """undeclared-term in a built graph, and stale-graph."""
    if built.source.error is not None:
        yield built.source.error
        return
    assert built.dataset is not None
    used: set[URIRef] = set()
    for s, p, o, _ in built.dataset.quads((None, None, None, None)):
        if isinstance(p, URIRef):
            used.add(p)
        if p == RDF.type and isinstance(o, URIRef):
            used.add(o)
        used.update(t for t in (s, o) if isinstance(t, URIRef) and str(t).startswith(HG_IRI))
    for term in sorted(used):
        if term in vocab.declared or is_builtin(term):
            continue
        yield _finding(
            built.source.label,
            built.source.find(term) or 1,
            ERROR,
            "undeclared-term",
            f"{vocab.short(term)} is used in the graph but not declared in the ontology"
            f"{vocab.suggest(term)}; declare it or rebuild the graph",
        )
    recorded = sorted(str(o) for o in built.dataset.objects(None, HG.ontologyHash))
    if digest is not None and recorded and digest not in recorded:
        yield _finding(
            built.source.label,
            built.source.find(HG.ontologyHash) or 1,
            WARNING,
            "stale-graph",
            f"built with another ontology (hash {recorded[0][:12]}…, now {digest[:12]}…): "
            f"run 'historygraph build {built.directory}'",
        )


# ---------------------------------------------------------------- against a reference


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise OntologyError((result.stderr.strip().splitlines() or ["git failed"])[-1])
    return result.stdout


def load_reference(ref: str, dirs: Sequence[Path]) -> list[SourceFile]:
    """The ontology as it was at ``ref``: a Turtle file, a folder, or a git revision.

    For a git revision, the ``*.ttl`` files under each ontology folder are read
    from that commit (``git show REF:path``); they are labelled ``REF:path``.

    Raises:
        OntologyError: ``ref`` is neither a path nor a revision of the folders' repository.
    """
    path = Path(ref)
    if path.is_file():
        return [read_source(path)]
    if path.is_dir():
        return load_sources([path])
    try:
        top = Path(_git(Path(dirs[0]), "rev-parse", "--show-toplevel").strip())
        _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        sources = []
        for d in dirs:
            rel = Path(d).resolve().relative_to(top.resolve())
            names = _git(top, "ls-tree", "-r", "--name-only", ref, "--", str(rel)).splitlines()
            for name in sorted(n for n in names if n.endswith(".ttl")):
                text = _git(top, "show", f"{ref}:{name}")
                sources.append(read_source(top / name, label=f"{ref}:{name}", text=text))
    except (OntologyError, ValueError) as e:
        raise OntologyError(
            f"--against {ref}: not a file, a folder or a git revision of the ontology's repository ({e})"
        ) from e
    if not sources:
        raise OntologyError(f"--against {ref}: no .ttl files under the ontology folders at {ref}")
    return sources


def _renamed_to(
    old: URIRef, ref: Vocabulary, vocab: Vocabulary, added: set[URIRef]
) -> list[URIRef]:
    """Terms added since the reference that look like ``old`` renamed (same kind, label or name)."""
    labels = {str(x).casefold() for x in ref.graph.objects(old, RDFS.label)}
    local = re.split(r"[/#]", str(old))[-1].casefold()
    kind = ref.kind(old)
    found = []
    for new in sorted(added):
        if vocab.kind(new) != kind:
            continue
        new_labels = {str(x).casefold() for x in vocab.graph.objects(new, RDFS.label)}
        if labels & new_labels or re.split(r"[/#]", str(new))[-1].casefold() == local:
            found.append(new)
    return found


def check_against(
    vocab: Vocabulary, ref: Vocabulary, ref_name: str, graphs: Sequence[BuiltGraph]
) -> Iterator[Finding]:
    """removed-term-used, removed-term and version-not-bumped."""
    yield from check_parse(ref)
    removed = sorted(set(ref.declared) - set(vocab.declared))
    added = set(vocab.declared) - set(ref.declared)
    usage = {b.directory: b.terms for b in graphs}
    for term in removed:
        guesses = _renamed_to(term, ref, vocab, added)
        renamed = f" (renamed to {', '.join(vocab.short(t) for t in guesses)}?)" if guesses else ""
        users = [b for b in graphs if term in usage[b.directory]]
        for built in users:
            yield _finding(
                built.source.label,
                built.source.find(term) or 1,
                ERROR,
                "removed-term-used",
                f"{ref.short(term)} was removed since {ref_name}{renamed} but this graph uses it: "
                "rebuild the graph, or keep the term with owl:deprecated true",
            )
        if not users:
            source, line = ref.where(term, RDF.type)
            yield _finding(
                source.label,
                line,
                WARNING,
                "removed-term",
                f"{ref.short(term)} was removed since {ref_name}{renamed}; "
                "no checked graph uses it (note it in ontology/CHANGELOG.md)",
            )
    versions = {str(v) for v in vocab.graph.objects(None, OWL.versionInfo)}
    old_versions = {str(v) for v in ref.graph.objects(None, OWL.versionInfo)}
    if removed and versions and versions == old_versions:
        header = min(
            (h for h in vocab.graph.subjects(OWL.versionInfo, None) if isinstance(h, URIRef)),
            key=str,
        )
        source, line = vocab.where(header, OWL.versionInfo)
        yield _finding(
            source.label,
            line,
            WARNING,
            "version-not-bumped",
            f"{len(removed)} term(s) removed since {ref_name} but owl:versionInfo is still "
            f"{sorted(versions)[0]!r}: bump it and note the change in CHANGELOG.md",
        )


# ---------------------------------------------------------------- the command


def discover_graphs(dirs: Sequence[Path]) -> list[Path]:
    """Built graphs next to the ontology: ``<parent of the first folder>/graphs/*/graph.trig``."""
    if not dirs:
        return []
    root = Path(dirs[0]).resolve().parent
    return sorted(_display(p.parent) for p in root.glob("graphs/*/graph.trig"))


def _display(path: Path) -> Path:
    """``path`` relative to the working directory when it lies below it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _digest(dirs: Sequence[Path]) -> str | None:
    from historygraph.ontology import load_ontology

    try:
        return load_ontology(dirs).digest
    except OntologyError:
        return None


def check_ontology(
    dirs: Sequence[Path],
    graph_dirs: Iterable[Path] | None = None,
    against: str | None = None,
) -> CheckReport:
    """Run every check on the ontology folders (and the graphs built with them).

    Args:
        dirs: The ontology folders, in load order (core first).
        graph_dirs: Built graphs whose terms are checked; ``None`` for those found
            by :func:`discover_graphs`. Graph folders without ``graph.trig`` are skipped.
        against: A reference ontology (git revision, file or folder) for
            removed and renamed terms.

    Returns:
        The findings, sorted by file and line.

    Raises:
        OntologyError: a folder is missing or empty, or ``against`` cannot be read.
    """
    dirs = [Path(d) for d in dirs]
    vocab = Vocabulary.from_sources(load_sources(dirs))
    findings: list[Finding] = []
    for check in (
        check_parse,
        check_declared,
        check_documentation,
        check_cycles,
        check_triggers,
        check_vague_quantities,
        check_gazetteer,
        check_version,
    ):
        findings.extend(check(vocab))
    folders = discover_graphs(dirs) if graph_dirs is None else [Path(d) for d in graph_dirs]
    graphs = [b for b in (read_graph(d) for d in folders) if b is not None]
    digest = _digest(dirs) if graphs and not any(s.error for s in vocab.sources) else None
    for built in graphs:
        findings.extend(check_graph(vocab, built, digest))
    if against is not None:
        ref = Vocabulary.from_sources(load_reference(against, dirs))
        findings.extend(check_against(vocab, ref, against, graphs))
    unique = sorted(set(findings))
    return CheckReport(unique, files=len(vocab.sources), graphs=len(graphs))
