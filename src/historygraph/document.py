"""The shared document object that pipeline stages read and annotate.

Offsets are character offsets (Unicode code points) into ``Document.text``,
which is exactly the stored plain text of the source. Stages add annotations;
only :mod:`historygraph.emit` turns them into RDF.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import URIRef


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of the document text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies within this span."""
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Sentence:
    """A sentence: its span, its paragraph and the spaCy span that parsed it."""

    index: int
    span: Span
    paragraph: int
    parsed: Any  # spacy.tokens.Span


@dataclass
class Entity:
    """A real-world entity the document mentions (agent or place)."""

    key: str
    cls: URIRef
    label: str
    gazetteer: URIRef | None = None
    wikidata: URIRef | None = None
    aliases: set[str] = field(default_factory=set)
    located_in: str | None = None  # key of another entity
    located_in_evidence: Span | None = None
    # False when the text names it by common nouns alone ("the crowd", "the government"):
    # who it is depends on the document that speaks of it
    named: bool = True


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity."""

    span: Span
    entity: str  # Entity.key
    source: str  # gazetteer | ner | headword | alias | anaphora


@dataclass(frozen=True)
class TimeExpression:
    """A normalised date or duration found in the text."""

    span: Span
    kind: str  # "date" or "duration"
    value: str  # lexical form: 1990-01-20, 1994-02, 1990, P44D
    datatype: URIRef
    temporal: bool  # a temporal modifier (on/in DATE), not an argument ("20 January was declared")
    quoted: bool  # inside quotation marks (a title), not a narrative anchor
    head: Any = field(compare=False)  # the spaCy token heading the expression


@dataclass
class EventRecord:
    """An event the document reports, built from one or more mentions."""

    id: int
    cls: URIRef
    evidence: list[Span] = field(default_factory=list)
    triggers: list[Span] = field(default_factory=list)
    date: TimeExpression | None = None
    duration: TimeExpression | None = None
    place: str | None = None
    agents: list[str] = field(default_factory=list)
    affected: list[str] = field(default_factory=list)
    relations: list[tuple[URIRef, int]] = field(default_factory=list)
    provisional: bool = False
    paragraph: int = 0
    merged_into: int | None = None
    names: list[str] = field(default_factory=list)  # "Black January": what texts call the event


@dataclass(frozen=True)
class FigureRecord:
    """A number the document reports about an event."""

    event: int
    measure: URIRef
    count: int
    bound: URIRef
    evidence: Span


@dataclass
class Document:
    """A source document and every annotation the pipeline adds to it."""

    id: str
    path: Path
    text: str
    title: str
    meta: dict[str, str] = field(default_factory=dict)
    skipped: str | None = None  # why the document was recorded but not extracted
    paragraphs: list[Span] = field(default_factory=list)
    parsed: list[Any] = field(default_factory=list)  # spaCy Doc per paragraph
    sentences: list[Sentence] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    #: the date of writing a dateline gives ("BAKU, 19 January 2022"), if any
    written: TimeExpression | None = None
    events: list[EventRecord] = field(default_factory=list)
    figures: list[FigureRecord] = field(default_factory=list)
    #: event mentions per sentence index: (trigger head token, event id)
    event_mentions: dict[int, list[tuple[Any, int]]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    _quotes: list[Span] | None = field(default=None, repr=False)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text, hex."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def quote(self, span: Span) -> str:
        """The exact text of ``span``."""
        return self.text[span.start : span.end]

    @property
    def quotes(self) -> list[Span]:
        """Spans between matching quotation marks (computed once)."""
        if self._quotes is None:
            from historygraph.stages.times import quoted_spans

            self._quotes = quoted_spans(self.text)
        return self._quotes

    def canonical_event(self, event_id: int) -> EventRecord:
        """Follow merges: the event that absorbed ``event_id``, or itself."""
        event = self.events[event_id]
        while event.merged_into is not None:
            event = self.events[event.merged_into]
        return event

    def live_events(self) -> list[EventRecord]:
        """Events that were not merged into another one, in order of first mention."""
        return [e for e in self.events if e.merged_into is None and not e.provisional]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing character ``offset``."""
        for sentence in self.sentences:
            if sentence.span.start <= offset < sentence.span.end:
                return sentence
        raise ValueError(f"offset {offset} is in no sentence")
