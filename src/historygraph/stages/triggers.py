"""Event mentions and the lexicon's trigger words: which words of a sentence tell an event.

:class:`EventMention` is one telling of an event, before it is resolved to an event;
:func:`trigger_index` compiles the lexicon's triggers once per ontology.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from historygraph.document import Sentence, Span, TimeExpression
from historygraph.ontology import Ontology, Words
from historygraph.stages.syntax import (
    Token,
    is_definite,
    lemma,
)


@dataclass
class EventMention:
    """One trigger occurrence, before merging into events."""

    cls: URIRef
    kind: str  # strong | weak | anaphor
    head: Token
    span: Span
    sentence: Sentence
    anchors: list[Token] = field(default_factory=list)
    date: TimeExpression | None = None
    duration: TimeExpression | None = None
    place: str | None = None
    agents: list[str] = field(default_factory=list)
    affected: list[str] = field(default_factory=list)
    evidence: Span | None = None
    event: int | None = None
    names: list[str] = field(default_factory=list)
    #: whether the date / place is the trigger's own ("the massacre of 20 January in Baku")
    #: rather than the sentence's ("the massacre was condemned in Moscow on 21 January")
    own_date: bool = False
    own_place: bool = False
    #: the role the trigger's subject fills when it is not the agent ("they fled": affected)
    subject_role: URIRef | None = None
    #: a weak trigger an armed body or a crowd aims at people ("troops fired on the crowd"):
    #: it merges as weak triggers do, but the event it leaves is confirmed, not a candidate
    aimed: bool = False
    #: dated from another event ("Two days after the tragedy the Government condemned ..."):
    #: no earlier sentence's date is its date
    counted_from_event: bool = False

    @property
    def refers(self) -> bool:
        """A definite noun ("the massacre") or an anaphor: it may name an earlier event."""
        if self.kind == "anaphor":
            return True
        return self.head.pos_ in {"NOUN", "PROPN"} and is_definite(self.head)


def _token_words(token: Token) -> tuple[str, str]:
    return lemma(token), token.lower_


TriggerIndex = tuple[list[tuple[dict[Words, URIRef], str]], frozenset[Words]]


def trigger_index(ontology: Ontology) -> TriggerIndex:
    """The trigger tables in priority order, and every prefix of every trigger (once per ontology)."""
    return ontology.derived("events.trigger_index", _make_trigger_index)


def _make_trigger_index(ontology: Ontology) -> TriggerIndex:
    lexicon = ontology.lexicon
    tables: list[tuple[dict[Words, URIRef], str]] = [
        (lexicon.event_triggers, "strong"),
        (lexicon.anaphors, "anaphor"),
        (lexicon.weak_triggers, "weak"),
    ]
    prefixes = frozenset(k[:n] for table, _ in tables for k in table for n in range(1, len(k) + 1))
    return tables, prefixes


def match_triggers(sentence: Sentence, ontology: Ontology) -> list[tuple[int, int, URIRef, str]]:
    """(first, last+1, class, kind) for each trigger in the sentence, longest first."""
    tables, prefixes = trigger_index(ontology)
    tokens = list(sentence.parsed)
    lemmas = [lemma(t) for t in tokens]
    lowers = [t.lower_ for t in tokens]
    found = []
    i = 0
    while i < len(tokens):
        hit = None
        for j in range(i + 1, len(tokens) + 1):
            by_lemma, by_text = tuple(lemmas[i:j]), tuple(lowers[i:j])
            if by_lemma not in prefixes and by_text not in prefixes:
                break
            for table, kind in tables:
                if kind == "anaphor" and tokens[j - 1].pos_ == "VERB":
                    continue  # an anaphor is a noun: "began shooting" is the verb
                cls = table.get(by_lemma) or table.get(by_text)
                if cls is not None:
                    hit = (i, j, cls, kind)
                    break
        if hit:
            found.append(hit)
            i = hit[1]
        else:
            i += 1
    return found


def phrase_head(tokens: list[Token]) -> Token:
    """The token of a multi-word trigger whose head lies outside the trigger."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1]
