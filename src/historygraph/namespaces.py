"""RDF namespaces used by historygraph.

``HG`` is a closed namespace: a typo in a term name raises at import time of
the calling module instead of silently minting a wrong IRI. The test suite
checks that every term listed here is declared in ``ontology/core.ttl``.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, URIRef

HG_IRI = "https://w3id.org/historygraph/ontology#"


class HG(DefinedNamespace):
    """The historygraph vocabulary (``hg:``)."""

    _NS = Namespace(HG_IRI)
    _fail = True

    # classes
    Event: URIRef
    Massacre: URIRef
    Condemnation: URIRef
    LegislativeDecision: URIRef
    Declaration: URIRef
    Commemoration: URIRef
    Deportation: URIRef
    Protest: URIRef
    War: URIRef
    MilitaryOperation: URIRef
    Agent: URIRef
    Person: URIRef
    Organization: URIRef
    MilitaryForce: URIRef
    Legislature: URIRef
    State: URIRef
    Group: URIRef
    Place: URIRef
    Figure: URIRef
    Document: URIRef
    Evidence: URIRef
    Measure: URIRef
    Bound: URIRef
    # properties
    participant: URIRef
    agent: URIRef
    affected: URIRef
    place: URIRef
    locatedIn: URIRef
    capitalOf: URIRef
    demonym: URIRef
    date: URIRef
    startDate: URIRef
    endDate: URIRef
    duration: URIRef
    subEventOf: URIRef
    respondsTo: URIRef
    commemorates: URIRef
    figure: URIRef
    measure: URIRef
    count: URIRef
    bound: URIRef
    evidence: URIRef
    document: URIRef
    start: URIRef
    end: URIRef
    quote: URIRef
    triggerText: URIRef
    contentHash: URIRef
    sourceFile: URIRef
    ontologyHash: URIRef
    builderVersion: URIRef
    # measures and bounds
    Killed: URIRef
    Wounded: URIRef
    Missing: URIRef
    Imprisoned: URIRef
    Exact: URIRef
    AtLeast: URIRef
    AtMost: URIRef
    Approximate: URIRef
    # lexicon and styling annotations
    trigger: URIRef
    weakTrigger: URIRef
    anaphor: URIRef
    supportVerb: URIRef
    ofRole: URIRef
    argumentRelation: URIRef
    typicalAgentClass: URIRef
    agentTrigger: URIRef
    agentTriggerClass: URIRef
    agentTriggerRole: URIRef
    participantNoun: URIRef
    affectsNoOne: URIRef
    needsParticulars: URIRef
    siteTrigger: URIRef
    siteWord: URIRef
    verdictTrigger: URIRef
    verdictWord: URIRef
    targetedTrigger: URIRef
    headWord: URIRef
    nerLabel: URIRef
    cue: URIRef
    vagueQuantity: URIRef
    word: URIRef
    leadershipNoun: URIRef
    titleWord: URIRef
    entryVerb: URIRef
    motionVerb: URIRef
    departureWord: URIRef
    routeNoun: URIRef
    sideNoun: URIRef
    fateNoun: URIRef
    kinNoun: URIRef
    genericForceNoun: URIRef
    forceOfBodyNoun: URIRef
    nationalForceNoun: URIRef
    kinGroupNoun: URIRef
    familyNoun: URIRef
    settlementNoun: URIRef
    areaNoun: URIRef
    featureNoun: URIRef
    surnameEnding: URIRef
    givenName: URIRef
    memberNoun: URIRef
    headOfStateTitle: URIRef
    leadingVerb: URIRef
    genericGroupNoun: URIRef
    peopleNoun: URIRef
    nationalPeopleNoun: URIRef
    protesterNoun: URIRef
    gatheringNoun: URIRef
    informantNoun: URIRef
    relationalGroupNoun: URIRef
    countryNoun: URIRef
    stateNoun: URIRef
    rulerNoun: URIRef
    storyBodyNoun: URIRef
    seriesNoun: URIRef
    vagueSiteNoun: URIRef
    buildingNoun: URIRef
    seatNoun: URIRef
    looseBodyNoun: URIRef
    siteSynonyms: URIRef
    areaHeadWord: URIRef
    reportVerb: URIRef
    color: URIRef
    shape: URIRef
    icon: URIRef


# rdflib resolves a DefinedNamespace term through its metaclass on every access
# (about 1 microsecond, checking the closed list each time); the builder reads
# these terms hundreds of thousands of times, so each declared term is set on
# the class once. Undeclared names still raise AttributeError.
for _name in HG.__annotations__:
    setattr(HG, _name, HG._NS[_name])
del _name


class FastNamespace:
    """An open namespace whose terms are made once, then read as plain attributes.

    ``ns.term`` and ``ns["term"]`` give ``URIRef(base + "term")``; the first access
    stores it on the object, so later ones cost an attribute read, where an rdflib
    ``Namespace`` or ``DefinedNamespace`` builds or checks the term on every access.
    ``str(ns)`` is the base IRI.
    """

    def __init__(self, base: str) -> None:
        """``base``: the namespace IRI, ending in ``#`` or ``/``."""
        self._base = base

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = URIRef(self._base + name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)  # type: ignore[no-any-return]

    def __str__(self) -> str:
        return self._base

    def __repr__(self) -> str:
        return f"FastNamespace({self._base!r})"


SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
WD = Namespace("http://www.wikidata.org/entity/")
DCTERMS = Namespace("http://purl.org/dc/terms/")

#: Prefixes bound in every output and predeclared in every query.
PREFIXES: dict[str, str] = {
    "hg": HG_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "crm": str(CRM),
    "wd": str(WD),
    "dcterms": str(DCTERMS),
}
