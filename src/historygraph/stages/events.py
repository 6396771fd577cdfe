"""Stage ``events``: events from the lexicon's trigger words, with their roles.

For every trigger the stage reads, from the dependency parse of its sentence:

* the **agent** (active subject, by-phrase, subject of a support verb such as
  "committed a massacre", "under the leadership of X") and the **affected**
  (object, passive subject, "against X", the of-phrase where the class says so);
* the **date** and **place**: each date or locative place of the sentence goes
  to the trigger nearest to it in the tree; an event with no date of its own
  takes the last date of an earlier sentence of its paragraph;
* **relations** to other events that are its arguments (a condemnation of "the
  crime" responds to it; "during the war" makes a sub-event).

Mentions of one event are merged: a definite noun ("the massacre"), a generic
anaphor ("the tragedy") or a weak trigger ("were killed") joins the most recent
compatible event; an anaphor with nothing before it waits for a later event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rdflib import URIRef

from historygraph.document import Document, EventRecord, Sentence, Span, TimeExpression
from historygraph.namespaces import HG
from historygraph.ontology import Ontology, Words, compact
from historygraph.pipeline import Context, stage
from historygraph.stages.clauses import (
    clause_verb,
    coordinated_modifiers,
    destinations,
    names_a_site,
    prepositional,
    purpose_clause,
    reported_clause,
    swallowed_subject,
    temporal,
    time_clause,
    within,
)
from historygraph.stages.names import nationality_words
from historygraph.stages.numbers import parse_ordinal
from historygraph.stages.syntax import (
    Token,
    is_definite,
    is_heading,
    is_indefinite,
    is_passive,
    lemma,
    offset,
    phrase_span,
    split_verb_object,
    token_span,
    tokens_span,
    tree_distance,
    with_conjuncts,
)
from historygraph.stages.times import DATELINE_HEAD, dates_heading, parse_date, recurring

LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "within",
        "throughout",
        "across",
        "into",
        "around",
        "on",  # "rallies on Lenin Square": a date is never a place, so "on 13 May" is not one
        "through",
        "along",
    }
)
#: Prepositions of where from: the place of an act ("deported from X"), not of a
#: statement ("independence from the Soviet Union", "a transfer from Azerbaijan").
SOURCE_PREPS = frozenset({"from"})
#: Verbs by which someone makes a document ("a decree signed by X") an act of theirs.
SIGNING_VERBS = frozenset({"sign", "issue"})
#: Verbs of coming somewhere: "came to X and condemned": the act was at X.
MOTION_VERBS = frozenset({"come", "go", "arrive", "travel", "hurry", "rush"})
#: Singular nouns for a part of a body: "a unit of the army" acts for the army.
PARTITIVE_NOUNS = frozenset({"unit", "member", "detachment", "contingent", "delegation"})
#: Adverbs that make a locative phrase an aside about someone ("X, then in Poland, ...").
ASIDE_ADVERBS = frozenset({"then", "now", "still", "currently"})
#: Verbs that give an event a name: "known as X", "entered history as X".
NAMING_VERBS = frozenset({"know", "enter", "become", "call", "name", "remember", "go"})
ARGUMENT_PREPS = frozenset({"of", "against", "for", "on", "about", "over", "after", "to"})


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


def _match_triggers(sentence: Sentence, ontology: Ontology) -> list[tuple[int, int, URIRef, str]]:
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


def _phrase_head(tokens: list[Token]) -> Token:
    """The token of a multi-word trigger whose head lies outside the trigger."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1]


class _Resolver:
    """Finds, describes and merges the event mentions of one document."""

    def __init__(self, doc: Document, ontology: Ontology) -> None:
        self.doc = doc
        self.ontology = ontology
        self.lexicon = ontology.lexicon
        self.char_entity: dict[int, str] = {}
        for m in doc.mentions:
            for pos in range(m.span.start, m.span.end):
                self.char_entity.setdefault(pos, m.entity)
        self.relations: list[tuple[EventMention, URIRef, EventMention]] = []
        self.date_arguments: list[tuple[EventMention, TimeExpression]] = []
        self.ordinals: list[tuple[EventMention, int]] = []
        self.quotes = doc.quotes

    # ---------------------------------------------------------------- entities
    def entity_of(self, token: Token) -> str | None:
        """The entity whose mention covers ``token``, if any."""
        return self.char_entity.get(offset(token))

    def entity_in_phrase(self, token: Token) -> str | None:
        """The entity a noun phrase refers to: its head, or a name inside "X of N"."""
        found = self.entity_of(token)
        if found is not None:
            return found
        # "units of the Soviet Army", "the leaders of Armenia": the body whose part acts
        if token.pos_ == "NOUN" and (token.tag_ == "NNS" or lemma(token) in PARTITIVE_NOUNS):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        found = self.entity_of(obj) if obj.dep_ == "pobj" else None
                        if found is not None:
                            return found
        # "hundreds of thousands of Azerbaijanis": descend through quantity of-phrases
        if token.like_num or token.ent_type_ == "CARDINAL" or token.pos_ == "NUM":
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return self.entity_in_phrase(obj)
        return None

    def entities_of(self, token: Token) -> list[str]:
        result = []
        for t in with_conjuncts(token):
            found = [self.entity_in_phrase(t), *map(self.entity_of, coordinated_modifiers(t))]
            if found[0] is None and self.lexicon.is_title_word(t.text):
                # "President of the Republic of Azerbaijan Ilham Aliyev and First Lady ...":
                # the model hung the name (and its conjuncts) on the title's "of"
                named = [c for c in t.children if c.dep_ == "appos"] + [
                    obj
                    for prep in t.children
                    if prep.dep_ == "prep" and prep.lower_ == "of"
                    for obj in prep.children
                    if obj.dep_ == "pobj"
                ]
                found += [e for n in named if self._is_person(n) for e in self.entities_of(n)]
            for e in found:
                if (
                    e is not None
                    and e not in result
                    and self.ontology.is_a(self.doc.entities[e].cls, HG.Agent)
                ):
                    result.append(e)
        return result

    # ---------------------------------------------------------------- mentions
    def mentions(self) -> list[EventMention]:
        result = []
        for sentence in self.doc.sentences:
            if is_heading(self.doc.quote(self.doc.paragraphs[sentence.paragraph])):
                continue  # a title names the topic; the body states what happened
            for first, last, cls, kind in _match_triggers(sentence, self.ontology):
                tokens = list(sentence.parsed)[first:last]
                head = _phrase_head(tokens)
                if kind == "weak" and head.pos_ not in {"VERB", "AUX"}:
                    continue
                if (
                    kind == "weak"
                    and head.dep_ == "relcl"
                    and any(m.sentence is sentence and within(head.head, m.head) for m in result)
                ):
                    continue  # "the war (over X), which had killed 20,000 people": its toll
                day = _named_day(head)
                if day is not None and any(
                    m.sentence is sentence and within(day, m.head) for m in result
                ):
                    continue  # "declared 20 January a day of national mourning": what is declared
                if kind == "anaphor" and not is_definite(head):
                    continue
                if self.entity_of(head) is not None:
                    continue  # part of a name ("Mourning Day" of an organisation)
                if kind != "anaphor" and head.pos_ in {"NOUN", "PROPN"} and head.dep_ == "compound":
                    continue  # a modifier: "liberation movement", "protest camp"
                if head.dep_ == "amod":
                    continue  # an adjective: "the self-declared republic", "a proclaimed aim"
                if _state_of_a_place(head):
                    continue  # "the Alley of Martyrs, where the victims are buried"
                inside = [
                    t.ent_type_
                    and t.ent_type_ not in {"EVENT", "LAW"}
                    and not t.tag_.startswith("VB")
                    for t in tokens
                ]
                # (a phrase that goes on past the name is not inside it: "a minute of
                # silence", where the model tags "a minute" as a time)
                if all(inside) or (len(tokens) == 1 and any(inside)):
                    continue  # inside a date or name: "March 1994" (a verb is no part of a name:
                    # "the House of Commons censured Dyer", tagged as one name by the model)
                mention = EventMention(
                    cls, kind, head, tokens_span(tokens[0], tokens[-1]), sentence
                )
                # "the troops began shooting at unarmed people": an act in its own right
                mention.aimed = kind == "weak" and (
                    self._strikes_people(head, cls) or self._takes_a_place(head, cls)
                )
                mention.anchors = self._anchors(head)
                result.append(mention)
            result.extend(self._last_word_anaphors(sentence, result))
            result.extend(self._verb_object_mentions(sentence, result))
            result.extend(self._agent_trigger_mentions(sentence, result))
            result.extend(self._site_trigger_mentions(sentence, result))
            result.extend(self._verdict_trigger_mentions(sentence, result))
            result.extend(self._targeted_mentions(sentence, result))
        # "nobody had been expelled", "the troops did not open fire": what the text says
        # did not happen is no event; nor is what a question asks ("Why do we call it a
        # genocide?"); nor what an event says ("resolution 853 condemned the seizure": the
        # resolution's words, not a condemnation of its own)
        heads = {(m.sentence.index, m.head.i): m.cls for m in result}
        result = [
            m
            for m in result
            if not _negated(m.head)
            and not m.sentence.parsed.text.rstrip().endswith("?")
            and not any(
                c.dep_ == "nsubj" and (m.sentence.index, c.i) in heads
                for c in m.head.children
                if m.head.pos_ == "VERB"
            )
            # "adopted a resolution protesting against the occupation": the resolution's words
            and not (
                m.head.pos_ == "VERB"
                and m.head.dep_ == "acl"
                and heads.get((m.sentence.index, m.head.head.i), m.cls) != m.cls
            )
            # "the NKVD shot them at the edge of pits and buried them": the killers' burial
            # is part of the killing, no funeral
            and not self._burial_by_killers(m, heads)
            # "Pugo shot himself": what one does to oneself is no act against others
            and not any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in m.head.children)
        ]
        return sorted(result, key=lambda m: (m.sentence.index, m.span.start))

    def _burial_by_killers(
        self, mention: EventMention, heads: dict[tuple[int, int], URIRef]
    ) -> bool:
        """Whether an act of remembrance is a verb in the active voice coordinated with a
        verb of killing, told of the same subject."""
        verb = mention.head
        if (
            verb.pos_ != "VERB"
            or is_passive(verb)
            or not self.ontology.is_a(mention.cls, HG.Commemoration)
        ):
            return False
        index = mention.sentence.index
        linked = [verb.head] if verb.dep_ == "conj" else []
        linked += [c for c in verb.children if c.dep_ == "conj"]
        return any(
            self.ontology.is_a(heads.get((index, other.i), HG.Event), HG.Massacre)
            for other in linked
        )

    def _last_word_anaphors(
        self, sentence: Sentence, found: list[EventMention]
    ) -> list[EventMention]:
        """ "the local anti-terrorist measures ... The measures were launched at 13:00": a
        definite noun that is the last word of an earlier trigger phrase of several words
        refers back to that event (an anaphor of its class)."""
        last_words: dict[str, URIRef] = {}
        for m in found:
            if m.kind == "strong" and m.sentence.index < sentence.index:
                words = self.doc.quote(m.span).split()
                if len(words) > 1 and m.head.pos_ in {"NOUN", "PROPN"}:
                    last_words[lemma(m.head)] = m.cls
        if not last_words:
            return []
        taken = [m.span for m in found if m.sentence is sentence]
        result = []
        for token in sentence.parsed:
            cls = last_words.get(lemma(token))
            if cls is None or token.pos_ != "NOUN" or not is_definite(token):
                continue
            if any(c.dep_ in {"amod", "compound"} for c in token.children):
                continue  # "the economic measures": another thing
            span = token_span(token)
            if any(span.overlaps(t) for t in taken) or self.entity_of(token) is not None:
                continue
            mention = EventMention(cls, "anaphor", token, span, sentence)
            mention.anchors = self._anchors(token)
            result.append(mention)
        return result

    def _verb_object_mentions(
        self, sentence: Sentence, found: list[EventMention]
    ) -> list[EventMention]:
        """ "laid red carnations", "paid a moving tribute": a trigger of a verb and its
        object ("lay carnations", "pay tribute") with words between them."""
        taken = [m.span for m in found if m.sentence is sentence]
        result = []
        for verb in sentence.parsed:
            if any(token_span(verb).overlaps(t) for t in taken):
                continue
            # ("opened indiscriminate fire": a weak trigger, "open fire", the same way)
            kind, hit = "strong", split_verb_object(verb, self.lexicon.event_triggers)
            if hit is None:
                kind, hit = "weak", split_verb_object(verb, self.lexicon.weak_triggers)
            if hit is None or self.entity_of(hit[0]) is not None:
                continue
            obj, cls = hit
            mention = EventMention(cls, kind, verb, tokens_span(verb, obj), sentence)
            mention.aimed = kind == "weak" and (
                self._strikes_people(verb, cls) or self._takes_a_place(verb, cls)
            )
            mention.anchors = self._anchors(verb)
            result.append(mention)
        return result

    def _agent_trigger_mentions(
        self, sentence: Sentence, found: list[EventMention]
    ) -> list[EventMention]:
        """ "crowds attacked the quarter", "troops entered the city": a verb that signals an
        event only when its subject is of the class the lexicon gives."""
        table = self.lexicon.agent_triggers
        if not table:
            return []
        # a weak trigger ("captured") whose subject has the class is an agent trigger instead
        taken = [m.span for m in found if m.sentence is sentence and m.kind != "weak"]
        heads = {m.head.i for m in found if m.sentence is sentence and m.kind != "weak"}
        result = []
        for token in sentence.parsed:
            if token.pos_ == "NOUN" and token_span(token) not in taken:
                result += self._aimed_at_people(sentence, token, table)
                continue
            if token.pos_ != "VERB":
                continue
            passive = is_passive(token)
            if any(c.i in heads for c in token.children):
                continue  # "rejected the resolution": the verb supports an event noun
            # by lemma, or by text where the model's lemma is the word itself ("retook")
            pairs = table.get(lemma(token)) or table.get(token.lower_)
            if not pairs and self._into_a_place(token):
                pairs = table.get("enter")  # "troops came (rolled, moved) into the city"
            if not pairs:
                continue
            span = token_span(token)
            if any(span.overlaps(t) for t in taken):
                continue
            # "the city was seized by Armenian armed forces": the agent of a passive verb
            subjects = self._by_agents(token) if passive else self._subjects(token)
            if passive and not subjects:
                continue
            # "soldiers attacked the crowd": whoever of the trigger's agent classes attacks
            # people, the class whose of-phrase names those it strikes (a massacre) wins
            aimed = self._aims_at_people(token) and any(
                self._class_is(e, agent_cls) for e in subjects for _, agent_cls in pairs
            )
            if aimed:
                pairs = tuple(
                    sorted(
                        pairs,
                        key=lambda p: self._class_value(self.lexicon.of_roles, p[0]) != HG.affected,
                    )
                )
            # "more than 100,000 people fled": a counted subject names no entity, but its
            # head word has a class
            counted = [] if subjects else self._counted_subject_classes(token)
            for cls, agent_cls in pairs:
                if (
                    aimed
                    or any(self._class_is(e, agent_cls) for e in subjects)
                    or any(self.ontology.is_a(c, agent_cls) for c in counted)
                ):
                    mention = EventMention(cls, "strong", token, span, sentence)
                    mention.anchors = self._anchors(token)
                    mention.subject_role = self.lexicon.agent_trigger_roles.get(cls)
                    result.append(mention)
                    found[:] = [
                        m
                        for m in found
                        if not (m.kind == "weak" and m.sentence is sentence and m.head.i == token.i)
                    ]
                    break
        return result

    def _into_a_place(self, verb: Token) -> bool:
        """Whether a verb goes "into" a place the text names ("came into the city")."""
        return any(
            prep.dep_ == "prep"
            and prep.lower_ == "into"
            and any(
                obj.dep_ == "pobj" and e is not None and self._class_is(e, HG.Place)
                for obj in prep.children
                for e in [self.entity_in_phrase(obj)]
            )
            for prep in verb.children
        )

    def _by_agents(self, verb: Token) -> list[str]:
        """The entities a passive verb's "by" phrase names ("seized by Armenian forces")."""
        return [
            e
            for by in verb.children
            if by.dep_ == "agent"
            for obj in by.children
            if obj.dep_ == "pobj"
            for e in self.entities_of(obj)
        ]

    def _counted_subject_classes(self, verb: Token) -> list[URIRef]:
        """The classes the head words of a verb's counted subjects give ("more than 100,000
        people", "thousands of residents")."""
        result = []
        for subject in verb.children:
            if subject.dep_ != "nsubj" or subject.pos_ != "NOUN":
                continue
            counted = any(c.like_num or c.dep_ == "nummod" for c in subject.children) or (
                subject.head.i != subject.i and subject.dep_ == "pobj"
            )
            cls = self.lexicon.head_words.get(subject.lower_) or self.lexicon.head_words.get(
                lemma(subject)
            )
            if counted and cls is not None:
                result.append(cls)
        return result

    def _people_struck(self, verb: Token) -> list[str]:
        """The groups of people a verb strikes ("attacked the crowd", "fired on
        demonstrators", "opened fire at the residents")."""
        return [
            e
            for t in _aimed_objects(verb)
            for e in self.entities_of(t)
            if self._class_is(e, HG.Group)
        ]

    def _people_of_a_nation(self, verb: Token) -> bool:
        """Whether a verb strikes a plural noun a nationality describes ("attacking Armenian
        families"), though it names no entity."""
        peoples = nationality_words(self.ontology)
        return any(
            t.tag_ == "NNS"
            and any(
                c.dep_ in {"amod", "compound"} and compact(c.text) in peoples for c in t.children
            )
            for t in _aimed_objects(verb)
        )

    def _takes_a_place(self, verb: Token, cls: URIRef) -> bool:
        """ "they captured Kalbajar": a military operation's weak trigger whose object is a
        place is an operation, whoever the text says took it."""
        if (
            verb.pos_ != "VERB"
            or is_passive(verb)
            or not self.ontology.is_a(cls, HG.MilitaryOperation)
        ):
            return False
        return any(self._mentions_a(c, HG.Place) for c in verb.children if c.dep_ == "dobj")

    def _aims_at_people(self, verb: Token) -> bool:
        """Whether a verb strikes a group of people, or whoever was there ("firing on
        anyone in the streets")."""
        return (
            bool(self._people_struck(verb))
            or any(o.lower_ in _ANYONE for o in _aimed_objects(verb))
            or self._people_of_a_nation(verb)
        )

    def _strikes_people(self, verb: Token, cls: URIRef) -> bool:
        """Whether a weak trigger ("shoot", "open fire") is an act an armed body or a crowd
        aims at people, of a class whose of-phrase names those it strikes."""
        if verb.pos_ != "VERB" or self._class_value(self.lexicon.of_roles, cls) != HG.affected:
            return False
        if is_passive(verb):
            # "many people were killed in the open fields": people killed, whoever killed them
            return any(
                c.dep_ == "nsubjpass"
                and c.tag_ == "NNS"
                and (
                    self._mentions_a(c, HG.Group)
                    or self.lexicon.head_words.get(c.lower_) == HG.Group
                )
                for c in verb.children
            )
        if not self._aims_at_people(verb):
            return False
        if any(
            self._class_is(e, HG.MilitaryForce) or self._class_is(e, HG.Group)
            for e in self._subjects(verb)
        ):
            return True
        # "Soldiers fired at windows": a bare plural subject whose head word is a force's
        # (or a person's, many of them: "Officers then opened fire on the crowd")
        return any(
            c.dep_ == "nsubj"
            and c.tag_ == "NNS"
            and (self.lexicon.head_words.get(c.lower_) or self.lexicon.head_words.get(lemma(c)))
            in {HG.MilitaryForce, HG.Group, HG.Person}
            for c in verb.children
        )

    def _aimed_at_people(
        self, sentence: Sentence, noun: Token, table: dict[str, tuple[tuple[URIRef, URIRef], ...]]
    ) -> list[EventMention]:
        """ "the attacks on Armenians", "attacks against civilians": the noun of an agent
        trigger aimed at a people signals the class whose of-phrase names those it strikes
        (``hg:ofRole hg:affected``: a massacre), whoever carried it out."""
        pairs = table.get(lemma(noun)) or table.get(noun.lower_)
        if not pairs:
            return []
        targets = [
            obj
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in {"on", "against"}
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        people = [e for t in targets for e in self.entities_of(t) if self._class_is(e, HG.Group)]
        if not people:
            return []
        for cls, _ in pairs:
            if self._class_value(self.lexicon.of_roles, cls) == HG.affected:
                mention = EventMention(cls, "strong", noun, token_span(noun), sentence)
                mention.anchors = self._anchors(noun)
                return [mention]
        return []

    def _site_trigger_mentions(
        self, sentence: Sentence, found: list[EventMention]
    ) -> list[EventMention]:
        """ "visited the Alley of Martyrs", "gathered at the Halabja Monument": a verb that
        signals an event only when where it goes or happens is a site the lexicon names
        (it wins over another trigger on the same verb: "marched to the memorial")."""
        table = self.lexicon.site_triggers
        if not table:
            return []
        result = []
        for token in sentence.parsed:
            if token.pos_ != "VERB" or is_passive(token) or token.dep_ == "relcl":
                continue  # "the young people who came to the Alley" describes them
            entries = table.get(lemma(token)) or table.get(token.lower_)
            if not entries:
                continue
            places = destinations(token)
            for cls, sites in entries:
                site = next(
                    (t for t in places if any(names_a_site(n, sites) for n in self._site_names(t))),
                    None,
                )
                if site is not None:
                    mention = EventMention(cls, "strong", token, token_span(token), sentence)
                    mention.anchors = self._anchors(token)
                    mention.place = self.entity_of(site)  # the site is where it happened
                    mention.own_place = mention.place is not None
                    result.append(mention)
                    found[:] = [
                        m for m in found if not (m.sentence is sentence and m.head.i == token.i)
                    ]
                    break
        return result

    def _targeted_mentions(
        self, sentence: Sentence, found: list[EventMention]
    ) -> list[EventMention]:
        """ "anti-Armenian riots", "anti-Armenian violence": a noun that signals an event
        only when a modifier names the people it was aimed at."""
        table = self.lexicon.targeted_triggers
        if not table:
            return []
        heads = {m.head.i for m in found if m.sentence is sentence}
        peoples = nationality_words(self.ontology)
        result = []
        for token in sentence.parsed:
            cls = table.get(lemma(token)) or table.get(token.lower_)
            if cls is None or token.pos_ != "NOUN" or token.i in heads:
                continue
            first = _anti_a_people(token, peoples)
            if first is not None:
                mention = EventMention(cls, "strong", token, tokens_span(first, token), sentence)
                mention.anchors = self._anchors(token)
                result.append(mention)
        return result

    def _verdict_trigger_mentions(
        self, sentence: Sentence, found: list[EventMention]
    ) -> list[EventMention]:
        """ "called the shooting a crime", "described the killings as genocide": a verb that
        signals an event only when it calls something by a word the lexicon gives (the
        word is then no mention of its own: "a crime" is what is said, not an event)."""
        table = self.lexicon.verdict_triggers
        if not table:
            return []
        result = []
        heads = {m.head.i for m in found if m.sentence is sentence}
        for token in sentence.parsed:
            if token.pos_ != "VERB" or is_passive(token):
                continue
            entries = table.get(lemma(token)) or table.get(token.lower_)
            if not entries or token.i in heads:
                continue
            if token.dep_ in {"relcl", "acl"} and token.head.i in heads:
                continue  # "a decision that described the events as a crime": what it says
            verdicts = _verdicts(token)
            for cls, words in entries:
                verdict = next((v for v in verdicts if _called(v) & words), None)
                if verdict is None:
                    continue
                mention = EventMention(cls, "strong", token, tokens_span(token, verdict), sentence)
                mention.anchors = self._anchors(token)
                result.append(mention)
                said = {t.i for t in verdict.subtree}
                found[:] = [m for m in found if not (m.sentence is sentence and m.head.i in said)]
                break
        return result

    def _site_names(self, token: Token) -> list[str]:
        """The names of the place at ``token`` (its entity's label and aliases), or the word."""
        entity = self.entity_of(token)
        if entity is None:
            return [token.lower_, lemma(token)]
        if not self._class_is(entity, HG.Place):
            return []
        ent = self.doc.entities[entity]
        return [ent.label.lower(), *(a.lower() for a in ent.aliases)]

    def _subjects(self, verb: Token) -> list[str]:
        """The entities of a verb's subject, or of the subject of the active verb it is
        conjoined to."""
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            swallowed = swallowed_subject(verb)
            if swallowed is not None:
                return self.entities_of(swallowed)
        first = verb
        while not any(c.dep_ == "nsubj" for c in first.children) and first.dep_ == "conj":
            first = first.head
        if first is not verb and is_passive(first):
            return []
        found = [e for c in first.children if c.dep_ == "nsubj" for e in self.entities_of(c)]
        purpose = first.dep_ == "advcl" and purpose_clause(first)
        if not found and (first.dep_ == "xcomp" or purpose):
            # "incited crowds to attack": the object of the verb above does it, if an agent
            found = [
                e for c in first.head.children if c.dep_ == "dobj" for e in self.entities_of(c)
            ]
        controlled = first.dep_ == "xcomp" and not any(
            c.dep_ == "dobj" for c in first.head.children
        )
        if not found and (purpose or controlled):
            # "the President visited the alley to commemorate the victims": who visited;
            # "the troops began shooting": who began
            found = [
                e for c in first.head.children if c.dep_ == "nsubj" for e in self.entities_of(c)
            ]
        accused = _accused(first) if not found else None
        if accused is not None:
            # "they accuse Armenian armed units of firing on columns", "blamed the police
            # for shooting": who is accused of the act did it (not who accuses)
            return [e for e in self.entities_of(accused) if self._class_is(e, HG.Agent)]
        if not found and first.dep_ in {"advcl", "pcomp"} and first.tag_ == "VBG":
            # "mobs went from door to door hunting residents": the participle's subject is
            # that of the verb it depends on
            above = clause_verb(first)
            if above is not None:
                found = [
                    e for c in above.children if c.dep_ == "nsubj" for e in self.entities_of(c)
                ]
        return found

    def _anchors(self, head: Token) -> list[Token]:
        anchors = [head]
        if head.pos_ == "ADJ" and head.dep_ in {"acomp", "attr"} and head.head.lemma_ == "be":
            anchors.append(head.head)  # "was qualified as": the copula carries subject and dates
        if head.pos_ in {"NOUN", "PROPN"}:
            if (
                head.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"}
                and lemma(head.head) in self.lexicon.support_verbs
            ):
                anchors.append(head.head)
            for child in head.children:
                by_agent = any(c.dep_ == "agent" for c in child.children)
                if child.dep_ in {"acl", "relcl"} and (
                    lemma(child) in self.lexicon.support_verbs or by_agent
                ):
                    anchors.append(child)  # "measures conducted by X", "protests led by X"
        return anchors

    # ---------------------------------------------------------------- roles
    def describe(self, mention: EventMention, in_sentence: list[EventMention]) -> None:
        self._roles(mention)
        mention.names = self._names(mention)
        mention.evidence = self._evidence(mention)
        self._arguments(mention, in_sentence)

    def _names(self, mention: EventMention) -> list[str]:
        """What the text calls the event: "X was a massacre", "which entered history as X"."""
        head = mention.head
        found: list[Token] = []
        for child in head.children:
            if child.dep_ in {"relcl", "acl"} and lemma(child) in NAMING_VERBS:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "as":
                        found += [c for c in prep.children if c.dep_ == "pobj"]
        if head.dep_ == "attr" and head.head.lemma_ == "be":
            found += [c for c in head.head.children if c.dep_ == "nsubj"]
        names = []
        for token in found:
            tokens = [t for t in token.subtree if t.dep_ != "det"]
            text = self.doc.quote(tokens_span(tokens[0], tokens[-1]))
            if (
                text[:1].isupper()
                and len(tokens) <= 6
                and self.entity_of(token) is None
                and token.pos_ != "PRON"
            ):
                names.append(" ".join(text.split()))
        return names

    def _evidence(self, mention: EventMention) -> Span:
        anchor = mention.anchors[-1] if len(mention.anchors) > 1 else mention.head
        if mention.kind == "anaphor":
            anchor = mention.head
        elif purpose_clause(anchor):
            anchor = anchor.head  # "visited the Alley of Martyrs to commemorate the victims"
        span = phrase_span(anchor)
        span = Span(min(span.start, mention.span.start), max(span.end, mention.span.end))
        dateline = DATELINE_HEAD.match(self.doc.text, span.start)
        if dateline is not None and dateline.end() <= mention.span.start:
            span = Span(dateline.end(), span.end)  # the dateline is not what the text says
        return span

    def _roles(self, mention: EventMention) -> None:
        agents: list[str] = []
        affected: list[str] = []
        of_role = self._class_value(self.lexicon.of_roles, mention.cls)
        for anchor in mention.anchors:
            passive = is_passive(anchor)
            verbal = anchor.pos_ in {"VERB", "AUX"}
            if anchor.lemma_ == "be" and anchor is not mention.head:
                passive = True  # "X was qualified as": X is not an agent
            for child in anchor.children:
                dep = child.dep_
                if verbal and dep == "nsubj" and not passive:
                    agents += self.entities_of(child) or self._speakers_for(child)
                elif verbal and dep in {"nsubjpass", "dobj"} and anchor is mention.head:
                    affected += self.entities_of(child)
                    if dep == "dobj":  # "declared a state of emergency by a decree signed by X"
                        agents += [
                            e
                            for prep in child.children
                            if prep.dep_ == "prep"
                            for obj in prep.children
                            if obj.dep_ == "pobj"
                            for e in self._signers(obj)
                        ]
                elif dep == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            agents += self.entities_of(obj)
                elif dep == "poss" and not verbal:
                    agents += self.entities_of(child)
                elif dep == "prep":
                    agents_, affected_ = self.prepositional(child, of_role, anchor is mention.head)
                    agents += agents_
                    affected += affected_
        head = mention.head
        if not agents and head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "in":
            # "Tagore renounced his knighthood in protest", "announced his resignation in
            # protest": who acts in protest protests
            governor = head.head.head
            verb = governor if governor.pos_ == "VERB" else clause_verb(governor)
            if verb is not None and not is_passive(verb):
                agents += self._subjects(verb)
        if not agents and head.pos_ in {"VERB", "AUX"} and not is_passive(head):
            # "X met ..., prayed ... and condemned the killings": a conjoined verb
            # shares the subject of the verb it is conjoined to
            agents += self._subjects(head)
        # "reported 2,908 servicemen killed" (a reduced passive): nobody named killed them
        reduced_passive = head.tag_ == "VBN" and head.dep_ in {"acl", "amod"}
        if (
            not agents
            and head.pos_ in {"VERB", "AUX"}
            and not is_passive(head)
            and not reduced_passive
        ):
            agents += self._preceding_agent(mention)
        if of_role == HG.affected and head.pos_ == "VERB" and not is_passive(head):
            affected += self._people_struck(head)  # "fired at unarmed demonstrators"
        if of_role == HG.agent and head.pos_ == "VERB":
            # "brought thousands of residents onto the streets": in a class whose of-phrase
            # names its agents (a protest), the people the verb moves are the protesters
            moved = {
                e
                for c in head.children
                if c.dep_ == "dobj"
                for e in self.entities_of(c)
                if self._class_is(e, HG.Group)
            }
            agents += [a for a in affected if a in moved]
            affected = [a for a in affected if a not in moved]
        if mention.subject_role == HG.affected:
            # "thousands of residents fled the city": who flees undergoes the flight
            subjects = set(self._subjects(head))
            affected = [a for a in agents if a in subjects] + affected
            agents = [a for a in agents if a not in subjects]
        mention.agents = list(dict.fromkeys(agents))
        mention.affected = [a for a in dict.fromkeys(affected) if a not in mention.agents]

    def _speakers_for(self, subject: Token) -> list[str]:
        """ "The European Community's foreign ministers denounced": the body whose people
        the subject names (its possessor or its of-phrase)."""
        result: list[str] = []
        for t in with_conjuncts(subject):
            for child in t.children:
                if child.dep_ == "poss":
                    result += self.entities_of(child)
                elif child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            result += self.entities_of(obj)
        return result

    def _preceding_agent(self, mention: EventMention) -> list[str]:
        """Fallback for a misparsed subject: the closest agent named before the verb in its sentence."""
        best = None
        for m in self.doc.mentions:
            if not (mention.sentence.span.start <= m.span.start < mention.span.start):
                continue
            entity = self.doc.entities[m.entity]
            if not self.ontology.is_a(entity.cls, HG.Agent):
                continue
            token = self._token_at(mention.sentence, m.span.start)
            if token is not None and self._is_locative(token, m.span):
                continue
            if token is not None and token.tag_ != "PRP$" and self._is_modifier(token, m.span):
                continue  # "came to Azerbaijan's mission": a named possessor does not act
            if token is not None and _in_a_source_phrase(token):
                continue  # "According to figures cited by UNHCR, 40,000 people fled": a source
            best = m.entity
        return [best] if best is not None else []

    def _describes_agent(self, noun: Token) -> bool:
        """Whether ``noun`` is in apposition to an agent ("Aliyev, a pensioner in Moscow")."""
        return noun.dep_ == "appos" and self._is_agent(noun.head)

    def _describes_agent_clause(self, verb: Token) -> bool:
        """Whether a clause describes a person or body: "X, removed from the Politburo in
        1987", "the Security Council, which convened on 21 September" (not a place: "in the
        Azerbaijan SSR, which lasted from 27 to 29 February" tells of the events there)."""
        if verb.dep_ not in {"acl", "relcl"} or not self._is_agent(verb.head):
            return False
        if verb.dep_ == "acl" or any(c.lower_ in {"who", "whom", "whose"} for c in verb.children):
            return True
        return not self._mentions_a(verb.head, HG.Place)

    def _mentions_a(self, token: Token, cls: URIRef) -> bool:
        """Whether ``token`` is part of a mention of an entity of class ``cls``."""
        entity = self.entity_of(token)
        return entity is not None and self._class_is(entity, cls)

    def _class_is(self, entity: str, cls: URIRef) -> bool:
        return self.ontology.is_a(self.doc.entities[entity].cls, cls)

    def _is_person(self, token: Token) -> bool:
        return self._mentions_a(token, HG.Person)

    def _is_agent(self, token: Token) -> bool:
        return self._mentions_a(token, HG.Agent)

    @staticmethod
    def _is_modifier(token: Token, span: Span) -> bool:
        """Whether the mention at ``token`` modifies a noun outside it ("Azerbaijan's")."""
        root = _mention_root(token, span)
        return root.dep_ in {"poss", "compound", "amod", "nmod"} and not (
            span.start <= offset(root.head) < span.end
        )

    def _is_locative(self, token: Token, span: Span) -> bool:
        root = _mention_root(token, span)
        if root.dep_ != "pobj":
            return False
        if root.head.lower_ in {"on", "upon"}:  # "fired on a crowd": the target, not who fired
            return not temporal(root.head)
        return root.head.lower_ in LOCATIVE_PREPS | SOURCE_PREPS | {
            "of",
            "with",
            "against",
            "to",
            "for",
        }

    def prepositional(
        self, prep: Token, of_role: URIRef | None, on_head: bool
    ) -> tuple[list[str], list[str]]:
        agents: list[str] = []
        affected: list[str] = []
        word = prep.lower_
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if word == "by":
                agents += self.entities_of(obj)
            elif word == "against" or (
                word in {"on", "upon"} and on_head and of_role == HG.affected and not temporal(prep)
            ):  # "violence against X"; "troops fired on the crowd" (a killing's target)
                affected += self.entities_of(obj)
            elif word == "of" and on_head and of_role is not None:
                (agents if of_role == HG.agent else affected).extend(self.entities_of(obj))
            elif word == "under" and lemma(obj) in self.lexicon.leadership_nouns:
                for inner in obj.children:
                    if inner.dep_ == "prep" and inner.lower_ == "of":
                        for who in inner.children:
                            if who.dep_ == "pobj":
                                agents += self.entities_of(who)
            agents += self._signers(obj)
        return agents, affected

    def _signers(self, document: Token) -> list[str]:
        """ "declared a state of emergency by a decree signed by Gorbachev": who signed the
        act that made the event takes part in it."""
        return [
            e
            for acl in document.children
            if acl.dep_ == "acl" and lemma(acl) in SIGNING_VERBS
            for by in acl.children
            if by.dep_ == "agent"
            for who in by.children
            if who.dep_ == "pobj"
            for e in self.entities_of(who)
        ]

    def _class_value(self, table: dict[URIRef, URIRef], cls: URIRef) -> URIRef | None:
        for c in sorted(self.ontology.superclasses(cls), key=self.ontology.depth, reverse=True):
            if c in table:
                return table[c]
        return None

    def _arguments(self, mention: EventMention, in_sentence: list[EventMention]) -> None:
        heads = {m.head.i: m for m in in_sentence if m is not mention}
        for anchor in mention.anchors:
            for child in anchor.children:
                targets: list[Token] = []
                relation = self._class_value(self.lexicon.argument_relations, mention.cls)
                if child.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} or (
                    child.dep_ == "nsubj" and anchor.lemma_ == "be" and anchor is not mention.head
                ):
                    targets.append(child)
                elif child.dep_ == "prep":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if child.lower_ == "during":
                        targets.extend(objs)
                        relation = HG.subEventOf
                    elif child.lower_ in ARGUMENT_PREPS:
                        targets.extend(objs)
                elif child.dep_ == "amod" and child.ent_type_ == "ORDINAL":
                    number = "".join(ch for ch in child.text if ch.isdigit())
                    if number:
                        self.ordinals.append((mention, int(number)))
                if relation is None:
                    continue
                for target in targets:
                    for t in with_conjuncts(target):
                        if t.i in heads:
                            self.relations.append((mention, relation, heads[t.i]))
                        date = self._date_argument(t)
                        if date is not None and relation != HG.subEventOf:
                            self.date_arguments.append((mention, date))

    def _date_argument(self, token: Token) -> TimeExpression | None:
        start = offset(token)
        for time in self.doc.times:
            if (
                time.kind == "date"
                and not time.temporal
                and time.span.start <= start < time.span.end
            ):
                return time
        return None

    def _remembered(self, mention: EventMention, mentions: list[EventMention]) -> bool:
        """Whether a mention is what a commemoration in the same sentence remembers ("the
        anniversary of the liberation", "in memory of the massacre"), a date outside its
        own phrase being the commemoration's."""
        head = mention.head
        if head.dep_ != "pobj" or head.head.lower_ != "of":
            return False
        holder = head.head.head
        return any(
            m is not mention
            and m.head.i == holder.i
            and self.ontology.is_a(m.cls, HG.Commemoration)
            for m in mentions
        )

    def date_by_anniversary(self, mentions: list[EventMention]) -> None:
        """ "marks today the third anniversary of the liberation of Shusha": what an
        anniversary remembers happened that many years before it, on the same day."""
        for m in mentions:
            if m.date is None or m.date.kind != "date" or lemma(m.head) != "anniversary":
                continue
            if not self.ontology.is_a(m.cls, HG.Commemoration):
                continue
            ordinal = next(
                (
                    c
                    for c in m.head.children
                    if c.dep_ in {"amod", "nummod"} and parse_ordinal(c.text)
                ),
                None,
            )
            year, _, rest = m.date.value.partition("-")
            if ordinal is None or not year.isdigit():
                continue
            years = parse_ordinal(ordinal.text) or 0
            value = f"{int(year) - years:04d}" + (f"-{rest}" if rest else "")
            for x in mentions:
                if x.date is None and self._remembered(x, [m, x]):
                    x.date = TimeExpression(
                        token_span(ordinal), "date", value, m.date.datatype, True, False, ordinal
                    )
                    x.own_date = True

    # ---------------------------------------------------------------- dates and places
    def assign_times_and_places(self, sentence: Sentence, mentions: list[EventMention]) -> None:
        if not mentions:
            return
        dated: dict[int, tuple[tuple[bool, bool, int, int], TimeExpression]] = {}
        for time in self.doc.times:
            if not sentence.span.contains(time.span) or not time.temporal:
                continue
            if time.quoted and not any(m.span.overlaps(time.span) for m in mentions):
                inside = [m for m in mentions if _same_quote(self.doc, m.span, time.span)]
                if not inside:
                    continue
            verb = clause_verb(time.head)
            if verb is not None and self._describes_agent_clause(verb):
                continue  # "Aliyev, removed from the Politburo in 1987, appeared ...": his past
            if _ends_at(time.head):
                continue  # "the pogroms did not end until 19 January": when it ended
            # "marks today the third anniversary of the liberation of Shusha": the
            # anniversary's date, not the liberation's
            remembered = [m for m in mentions if self._remembered(m, mentions)]
            candidates = [m for m in remembered if within(time.head, m.head)] or [
                m for m in mentions if all(m is not r for r in remembered)
            ]
            candidates = [
                m
                for m in candidates
                if not _reported_apart(time.head, m.head)
                and not _in_a_coordinate_clause(m.head, time)
            ]
            named = [m for m in candidates if m.kind != "weak"]
            nearest = self._nearest(time.head, named or candidates)
            if nearest is None:
                continue
            if time.kind == "duration":
                nearest.duration = nearest.duration or time
                continue
            # of the dates nearest to one mention, one under a preposition ("in 1966") is
            # its date before a bare one ("proclaimed 21 March the Day of ..."), then the
            # closest in the tree ("shot dead sixty-five years ago", not "this morning")
            # (a date in the act's own relative clause first: "On 20 May the council debated
            # the events in Lindau, where a week earlier marines fired ...")
            own = nearest.head.dep_ == "relcl" and within(time.head, nearest.head)
            rank = (not own, not prepositional(time.head), *self._closeness(time.head, nearest))
            if id(nearest) not in dated or rank < dated[id(nearest)][0]:
                dated[id(nearest)] = (rank, time)
        for m in mentions:
            if m.date is None and id(m) in dated:
                m.date = dated[id(m)][1]
                m.own_date = _dates_mention(m.date.head, m.head)
        for m in mentions:
            if m.date is None and m.head.dep_ == "advcl" and m.head.tag_ == "VBG":
                # "troops rolled into the city on 20 January, firing on anyone": the act the
                # participle tells happened when the verb it hangs on did
                governor = next(
                    (x for x in mentions if x.date is not None and x.head.i == m.head.head.i),
                    None,
                )
                if governor is not None:
                    m.date = governor.date
        for m in self.doc.mentions:
            if not sentence.span.contains(m.span):
                continue
            entity = self.doc.entities[m.entity]
            if not self.ontology.is_a(entity.cls, HG.Place):
                continue
            quotes = [q for q in self.quotes if q.contains(m.span)]
            token = self._token_at(sentence, m.span.start)
            if token is None:
                continue
            root = _mention_root(token, m.span)
            located = _locative_object(root)
            # "spread to Shetpe station, where police fired on residents": the place a
            # relative "where" clause tells of is where its act was
            ranged = root.head.lower_ == "to" and (
                root.head.head.lower_ == "from"
                or (root.head.head.dep_ == "pobj" and root.head.head.head.lower_ == "from")
                or any(c.lower_ == "from" for c in root.head.head.children)
            )  # ("embassies from Ankara to Berlin, where ...": not Berlin alone)
            for x in mentions if not ranged else ():
                if x.place is None and any(
                    a.dep_ == "relcl"
                    and a.head.i == root.i
                    and any(c.lower_ == "where" and c.dep_ == "advmod" for c in a.children)
                    for a in x.anchors
                ):
                    x.place, x.own_place = m.entity, True
            if located is None:
                # "troops entered the city", "stormed the tower": a place (no country) that is
                # the direct object of the trigger is where the event happened
                # (or names it: "stormed the village of Kamenka", "entered the streets of Osh")
                obj = root
                if (
                    root.dep_ == "pobj"
                    and root.head.lower_ == "of"
                    and root.head.head.pos_ == "NOUN"
                ):
                    obj = root.head.head
                if obj.dep_ == "dobj" and not self.ontology.is_a(entity.cls, HG.State):
                    for x in mentions:
                        if x.place is None and any(a.i == obj.head.i for a in x.anchors):
                            x.place, x.own_place = m.entity, True
                # "came to the mission and condemned ...": where the speaker came, the act was
                verb = root.head.head if root.dep_ == "pobj" else None
                if verb is not None and root.head.lower_ == "to" and lemma(verb) in MOTION_VERBS:
                    for x in mentions:
                        if x.place is None and any(
                            a.dep_ in {"conj", "advcl"} and a.head.i == verb.i for a in x.anchors
                        ):
                            x.place, x.own_place = m.entity, True
                continue
            root = located
            if any(c.dep_ == "advmod" and c.lower_ in ASIDE_ADVERBS for c in root.head.children):
                continue  # "empowered Saudargas, then in Poland, to ...": where he was
            if self._describes_agent(root.head.head):
                continue  # "Aliyev, a pensioner in Moscow, condemned ...": where he lived
            holder = root.head.head
            if (
                root.head.lower_ in SOURCE_PREPS
                and holder.pos_ in {"NOUN", "PROPN"}
                and not any(a.i == holder.i for x in mentions for a in x.anchors)
            ):
                continue  # "OMON units from the Moscow region entered ...": where they came from
            governor = self.entity_of(root.head.head)
            if (
                governor is not None
                and governor != m.entity
                and self.ontology.is_a(self.doc.entities[governor].cls, HG.Place)
            ):
                continue  # "the Mission in Moscow": a location of a place, not of an event
                # ("fired on a crowd in Amritsar": where the crowd was, the event was)
            nearest = self._nearest(root, [x for x in mentions if x.kind != "anaphor"])
            if nearest is not None and (
                _in_speaker(root, nearest)
                or _where_reported(root, nearest, self.lexicon.report_verbs)
            ):
                continue  # "an official in Baku said 30 soldiers had died": where he spoke
            if nearest is not None and quotes and not any(q.contains(nearest.span) for q in quotes):
                continue  # a place inside a quoted title belongs to the title
            if (
                nearest is not None
                and root.head.lower_ in SOURCE_PREPS
                and self._class_value(self.lexicon.argument_relations, nearest.cls) is not None
            ):
                # "declared independence from the Soviet Union", "voted for a transfer from
                # Azerbaijan": not where a declaration or decision was made ("deported from
                # X", "eliminated from Karabakh" are where the act was)
                continue
            if nearest is not None and nearest.place is None:
                nearest.place = m.entity
                nearest.own_place = within(root, nearest.head)

    def _token_at(self, sentence: Sentence, start: int) -> Token | None:
        for t in sentence.parsed:
            if offset(t) <= start < offset(t) + len(t.text):
                return t
        return None

    def _closeness(self, token: Token, mention: EventMention) -> tuple[int, int]:
        """Tree distance to the mention's nearest anchor, then distance in the text."""
        return (
            min(tree_distance(token, a) for a in mention.anchors),
            abs(offset(token) - mention.span.start),
        )

    def _nearest(self, token: Token, mentions: list[EventMention]) -> EventMention | None:
        best: tuple[int, int] | None = None
        chosen = None
        clause = reported_clause(token)
        for m in mentions:
            if clause is not None and not any(within(a, clause) for a in m.anchors):
                continue  # "said the victims would be buried on Monday, and declared ..."
            bounded = time_clause(m.head)
            if bounded is not None and not within(token, bounded):
                continue  # "by Thursday ... nine days after Azerbaijan launched its offensive"
            d = min(tree_distance(token, a) for a in m.anchors)
            score = (d, abs(offset(token) - m.span.start))
            if best is None or score < best:
                best, chosen = score, m
        if best is not None and best[0] >= 10_000:
            return None
        return chosen


def _aimed_objects(verb: Token) -> list[Token]:
    """What a verb is aimed at: its object, and the object of "on", "at", "against" or
    "upon" after the verb or its object ("opened fire on the crowd": the phrase's object
    holds it)."""
    targets = [c for c in verb.children if c.dep_ == "dobj"]
    return targets + [
        obj
        for holder in (verb, *targets)
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in {"on", "at", "against", "upon"}
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


#: Pronouns for whoever was there: "firing on anyone in the streets".
_ANYONE = frozenset({"anyone", "anybody", "everyone", "everybody", "whoever"})

#: Subjects that say nobody did it or had it done to them.
_NOBODY = frozenset({"nobody", "noone", "none"})


def _negated(head: Token) -> bool:
    """Whether a verb is negated ("did not fire", "never condemned") or has nobody for its
    subject ("nobody was expelled", "no one was killed")."""
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    for child in head.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in {"nsubj", "nsubjpass"} and (
            child.lower_ in _NOBODY
            or (child.lower_ == "one" and any(d.lower_ == "no" for d in child.children))
        ):
            return True
    return False


def _state_of_a_place(verb: Token) -> bool:
    """ "the Alley of Martyrs, where the victims are buried", "the cemetery, where they were
    buried side by side": a passive in a relative clause on where it is describes the
    place; the event is the one the sentence tells (the funeral that went there)."""
    return (
        verb.dep_ == "relcl"
        and is_passive(verb)
        and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)
    )


def _anti_a_people(noun: Token, peoples: frozenset[str]) -> Token | None:
    """The first word of an "anti-<people>" modifier right before a noun ("anti-Armenian
    riots"), whether the model split it in three or not."""
    before = list(noun.doc[max(0, noun.i - 3) : noun.i])
    words = [t.lower_ for t in before]
    if len(words) == 3 and words[:2] == ["anti", "-"] and compact(before[2].text) in peoples:
        return before[0]
    return next(
        (t for t in before if t.lower_.startswith("anti-") and compact(t.text[5:]) in peoples),
        None,
    )


def _aimed_description(noun: Token, peoples: frozenset[str]) -> bool:
    """ "a week of anti-Armenian violence": a noun without a determiner that says whom it
    was aimed at describes an event of its own, it does not refer back to one."""
    return not any(c.dep_ in {"det", "poss"} for c in noun.children) and (
        _anti_a_people(noun, peoples) is not None
    )


def _verdicts(verb: Token) -> list[Token]:
    """What a verb calls its object: "called the shooting a crime" (a predicate, which the
    model may attach as an adverbial noun), "described the killings as genocide"."""
    result = []
    for child in verb.children:
        if child.dep_ in {"oprd", "npadvmod", "xcomp", "ccomp"} and child.pos_ == "NOUN":
            result.append(child)
        elif child.dep_ == "prep" and child.lower_ == "as":
            result.extend(o for o in child.children if o.dep_ == "pobj" and o.pos_ == "NOUN")
        elif child.dep_ == "dobj" and any(
            g.dep_ == "nmod" and g.pos_ == "NOUN" and g.i < child.i for g in child.children
        ):
            result.append(child)  # "called the exodus ethnic cleansing", parsed as one phrase
    return result if any(c.dep_ == "dobj" for c in verb.children) else []


def _called(noun: Token) -> set[str]:
    """The words a verdict noun may match: its lemma, and with its modifier ("war crime")."""
    words = {lemma(noun), noun.lower_}
    words.update(
        f"{c.lower_} {lemma(noun)}" for c in noun.children if c.dep_ in {"compound", "amod"}
    )
    return words


def _where_reported(token: Token, mention: EventMention, report_verbs: frozenset[str]) -> bool:
    """Whether ``token`` is the place of a verb that reports a clause the mention is in
    ("told the agency by telephone from Stepanakert that units had stormed Khojaly")."""
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    verb = token.head.head
    while verb.dep_ == "pobj" and verb.head.dep_ == "prep":
        verb = verb.head.head  # "by telephone from Martuni"
    if verb.pos_ != "VERB" or lemma(verb) not in report_verbs:
        return False
    reported = [c for c in verb.children if c.dep_ == "ccomp"]
    return any(
        any(within(a, clause) for clause in reported) and a.i != verb.i for a in mention.anchors
    )


def _in_speaker(token: Token, mention: EventMention) -> bool:
    """Whether ``token`` is in the subject of a verb that reports a clause, outside the
    mention ("a senior official in Baku said [that 30 soldiers had died]")."""
    node = token
    while node.head.i != node.i and node.dep_ != "nsubj":
        node = node.head
    if node.dep_ != "nsubj":
        return False
    verb = node.head
    if any(within(a, node) or a.i == verb.i for a in mention.anchors):
        return False  # "the killings in Baku were reported", "the Presidium in Moscow ruled"
    return any(c.dep_ == "ccomp" for c in verb.children)


def _named_day(token: Token) -> Token | None:
    """The noun "day" a trigger names ("a day of national mourning", "three days of
    mourning", "the Day of National Mourning"), if it does: a day set aside, not "the day of
    the funerals", a day told by what happened on it."""
    holder = token.head
    if token.dep_ != "pobj" or holder.lower_ != "of" or holder.head.lemma_.lower() != "day":
        return None
    day = holder.head
    named = day.text[:1].isupper() or any(
        c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in {"a", "an"}) for c in day.children
    )
    return day if named else None


def _has_subject(mention: EventMention) -> bool:
    """Whether a trigger verb is active with a subject ("guardsmen opened fire"), its own
    or that of the verb it is conjoined to ("troops sealed off the square and opened fire")."""
    for anchor in mention.anchors:
        verb = anchor if anchor.pos_ in {"VERB", "AUX"} else clause_verb(anchor)
        while verb is not None:
            if any(c.dep_ == "nsubj" for c in verb.children):
                return True
            if verb.dep_ != "conj" or verb.head.i == verb.i:
                break
            verb = verb.head
    return False


def _dates_mention(date: Token, head: Token) -> bool:
    """Whether a date is the event's own: in its phrase, or in the clause it is the subject of.

    "The ceasefire took effect on 12 May": the ceasefire's date. "On 10 April 2019 the
    minister said the massacre was a scar": the saying's date, not the massacre's.
    """
    if within(date, head):
        return True
    verb = clause_verb(date)
    return head.dep_ in {"nsubj", "nsubjpass"} and verb is not None and verb.i == head.head.i


def _mention_root(token: Token, span: Span) -> Token:
    """The head of the mention ``span`` that starts at ``token``: its highest token inside."""
    root = token
    while root.head.i != root.i and span.start <= offset(root.head) < span.end:
        root = root.head
    return root


def _locative_object(token: Token) -> Token | None:
    """The object of a locative preposition that ``token`` names, if any.

    "in Baku", "in the territory of Armenia", "from Karabakh Azerbaijan" (a
    name compounded to the object) all count; "the protests of X" does not.
    """
    current = token
    for _ in range(3):
        if current.dep_ == "compound" and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ != "pobj":
            return None
        prep = current.head
        if prep.lower_ in LOCATIVE_PREPS or prep.lower_ in SOURCE_PREPS:
            return current
        if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.pos_ == "NOUN":
            current = prep.head
            continue
        return None
    return None


def _same_quote(doc: Document, a: Span, b: Span) -> bool:
    return any(q.contains(a) and q.contains(b) for q in doc.quotes)


def _dates_compatible(a: TimeExpression | None, b: TimeExpression | None) -> bool:
    """Whether two dates may be one event's: one contains the other, or they are days next
    to each other ("the night of 19 to 20 January", "late on 19 January ... on 20 January")."""
    if a is None or b is None:
        return True
    if a.value.startswith(b.value) or b.value.startswith(a.value):
        return True
    return _next_days(a.value, b.value)


def _in_a_source_phrase(token: Token) -> bool:
    """Whether a word is inside an "according to" phrase: who says so, not who acts."""
    node = token
    while node.head.i != node.i:
        if (
            node.dep_ == "pobj"
            and node.head.lower_ == "to"
            and node.head.head.lower_ == "according"
        ):
            return True
        node = node.head
    return False


def _accused(verb: Token) -> Token | None:
    """The object of "accused X of V-ing", "blamed X for V-ing": who the gerund's act is
    told of."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in {"of", "for"}:
        return None
    holder = verb.head.head
    if holder.dep_ == "dobj":
        return holder
    if holder.pos_ == "VERB":
        return next((c for c in holder.children if c.dep_ == "dobj"), None)
    return None


def _ends_at(head: Token) -> bool:
    """Whether a date is the end of a span of time ("until 19 January", "lasted till May")."""
    return head.dep_ == "pobj" and head.head.lower_ in {"until", "till"}


def _in_a_later_clause(head: Token, time: TimeExpression) -> bool:
    """Whether a word is told in a clause set apart from its sentence's time ("by Thursday,
    ... nine days after Ostland launched its offensive")."""
    token = head
    while True:
        if token.head.lower_ in _SEQUENCE_WORDS or any(
            c.dep_ == "mark" and c.lower_ in _SEQUENCE_WORDS for c in token.children
        ):
            return not within(time.head, token)
        if token.head.i == token.i:
            return False
        token = token.head


def _in_a_coordinate_clause(head: Token, time: TimeExpression) -> bool:
    """Whether a date is told in a clause joined to the word's by "and" ("the war had
    passed it by, and the armed men had left the village by early April")."""
    verb = clause_verb(time.head)
    return verb is not None and verb.dep_ == "conj" and not within(head, verb)


def _reported_apart(date: Token, head: Token) -> bool:
    """Whether a word is in a clause another verb reports and the date, outside that
    clause, is an attribute of a thing: "Note to the 1992 reprint: the office has admitted
    that 24 people were killed" does not date the killing. (A date of the telling may: "On
    8 November Aliyev announced that the town had been captured".)"""
    if date.dep_ not in {"nummod", "compound", "amod"} or date.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    token = head
    while token.head.i != token.i:
        if token.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in token.children
        ):
            return not within(date, token)
        token = token.head
    return False


#: Reflexive pronouns: the object of an act one does to oneself.
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves"})

#: Words that set a clause before or after another time.
_SEQUENCE_WORDS = frozenset({"after", "before", "since", "until"})


def _counted_from_another_day(doc: Document, time: TimeExpression) -> bool:
    """Whether a date is told as a day counted from another ("the next day", "a day
    later"), not named: it sets its sentence apart from that other day."""
    words = doc.quote(time.span).lower().split()
    return not any(ch.isdigit() for ch in doc.quote(time.span)) and bool(
        set(words) & {"next", "following", "later", "after", "previous", "before"}
    )


def _next_days(a: str, b: str) -> bool:
    if len(a) != 10 or len(b) != 10:
        return False
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) == 1
    except ValueError:
        return False


def _more_precise(a: TimeExpression | None, b: TimeExpression | None) -> TimeExpression | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if len(b.value) > len(a.value) else a


class _Merger:
    """Turns described mentions into events, merging mentions of one event."""

    def __init__(self, doc: Document, ontology: Ontology, resolver: _Resolver) -> None:
        self.doc = doc
        self.ontology = ontology
        self.entity_of = resolver.entity_of

    def compatible(self, event: EventRecord, mention: EventMention) -> bool:
        # "The massacre provoked outrage across India": a referring noun's sentence-level
        # date or place belongs to the sentence's own event, so it does not tell events apart.
        loose = mention.refers
        if (not loose or mention.own_date) and not _dates_compatible(event.date, mention.date):
            return False
        if mention.kind == "anaphor" and event.place is not None:
            # "the Khojaly genocide" names its place: no event elsewhere ("the Vilnius
            # assault" may be the one at "the Vilnius television tower")
            where = self.doc.entities[event.place].label.lower()
            for c in mention.head.children:
                named = self.entity_of(c) if c.dep_ == "compound" else None
                if (
                    named is not None
                    and named != event.place
                    and self.ontology.is_a(self.doc.entities[named].cls, HG.Place)
                    and self.doc.entities[named].label.lower() not in where
                ):
                    return False
        if mention.kind == "weak" and event.date is not None:
            # "The next day the unrest spread to Shetpe, where police fired on residents":
            # an act of a sentence dated from another day is another day's act
            own = self._sentence_dates(mention)
            dates = [mention.date] if mention.date is not None else own if len(own) == 1 else []
            if any(
                len(d.value) == len(event.date.value) == 10  # two days
                and d.value != event.date.value
                and _counted_from_another_day(self.doc, d)
                for d in dates
            ):
                return False
        if (
            (not loose or mention.own_place)
            and event.place
            and mention.place
            and event.place != mention.place
        ):
            return False
        # (two acts of one sentence by different agents: "Soviet troops shot dead 130
        # civilians in Baku, and at Khojaly Armenian forces killed 613 people")
        return not (
            (
                mention.kind == "strong"
                or (
                    _has_subject(mention)
                    and any(mention.sentence.span.contains(t) for t in event.triggers)
                )
            )
            and event.agents
            and mention.agents
            and not set(event.agents) & set(mention.agents)
        )

    def _sentence_dates(self, mention: EventMention) -> list[TimeExpression]:
        """The dates of the mention's sentence that date what happens in it."""
        return [
            t
            for t in self.doc.times
            if t.kind == "date"
            and t.temporal
            and not t.quoted
            and mention.sentence.span.contains(t.span)
        ]

    def _same_word(self, event: EventRecord, mention: EventMention) -> bool:
        """Whether the event was told with the mention's word ("launched its offensive ...
        The offensive of September 19")."""
        words = {mention.head.lower_, lemma(mention.head)}
        return any(self.doc.quote(t).lower().split()[-1] in words for t in event.triggers)

    def candidate(self, mention: EventMention) -> EventRecord | None:
        live = [e for e in self.doc.events if e.merged_into is None]
        for event in reversed(live):
            if mention.kind == "anaphor":
                ok = self.ontology.is_a(event.cls, mention.cls)
            elif event.provisional:
                ok = self.ontology.is_a(mention.cls, event.cls) or self.ontology.is_a(
                    event.cls, mention.cls
                )
            else:
                ok = event.cls == mention.cls
            if ok and self.compatible(event, mention):
                return event
        return None

    def place(self, mention: EventMention, previous_in_paragraph: EventRecord | None) -> None:
        event: EventRecord | None = None
        target = self.candidate(mention)
        if mention.kind == "strong" and mention.head.pos_ == "VERB":
            # one act told by two triggers of one sentence ("walked up to the Alley of Martyrs,
            # laying carnations at the Eternal Flame"), wherever each says it was
            target = next(
                (
                    e
                    for e in reversed(self.doc.events)
                    if e.merged_into is None and e.cls == mention.cls and _governed_by(e, mention)
                ),
                target,
            )
        if mention.kind == "strong":
            verbal = mention.head.pos_ in {"VERB", "AUX"}
            refers = (
                not verbal
                and not is_indefinite(mention.head)
                and not mention.head.like_num
                and not _aimed_description(mention.head, nationality_words(self.ontology))
            )
            if (
                target is not None
                and (
                    # (a candidate far back is not what a dated mention confirms: "the
                    # Khojaly genocide in February 1992", three paragraphs after 1918's)
                    (
                        target.provisional
                        and (
                            mention.date is None
                            or target.date is not None
                            or mention.sentence.paragraph - target.paragraph <= 1
                        )
                    )
                    or (refers and mention.date is None)
                    or (refers and target.date is None and self._same_word(target, mention))
                    or _governed_by(target, mention)
                    # "On 3 June the pogroms reached Fergana ... They set houses on fire, beat
                    # the men": an act of the event its paragraph names, which has no agent yet
                    or (
                        verbal
                        and not target.agents
                        and mention.agents
                        and target.triggers
                        and self.doc.sentence_at(target.triggers[-1].start).paragraph
                        == mention.sentence.paragraph
                        and not mention.own_date
                        and not (mention.own_place and mention.place != target.place)
                    )
                )
            ) or (
                target is not None
                and refers
                and target.date is not None
                and mention.date is not None
            ):
                event = target
        elif mention.kind == "weak":
            if (
                target is not None
                and mention.aimed
                and _has_subject(mention)
                and target.paragraph < mention.sentence.paragraph - 1
            ):
                # "The troops ... opened fire on crowds": an act told with its own subject, far
                # from an earlier event of its class ("the pogroms" two paragraphs up), is its own
                target = None
            if target is None:
                # "the police opened fire on the crowd": a candidate event, confirmed later by a
                # strong mention or a reported figure, unless another event already frames the
                # paragraph ("30,000 people had been killed" in a war). One of another kind
                # frames no act with its own subject: troops firing on a protest is not the protest.
                paragraph = mention.sentence.paragraph
                # (an act aimed at people is one of its own: "rolled into the city, firing on
                # anyone"; people killed, in the passive, are the frame's toll)
                acts = mention.aimed and not is_passive(mention.head)
                if not acts and any(
                    e.paragraph == paragraph
                    and (
                        not _has_subject(mention)
                        or self.ontology.is_a(e.cls, mention.cls)
                        or self.ontology.is_a(mention.cls, e.cls)
                    )
                    for e in self.doc.live_events()
                ):
                    return
            event = target
        else:  # anaphor
            if target is not None:
                mention.agents, mention.affected = [], []
                event = target
        if event is None:
            if (mention.kind == "strong" or mention.aimed) and mention.date is None:
                # the date its sentence gives another of its words ("The next day the unrest
                # spread to Shetpe, where police fired"), else an earlier sentence's
                # (not one inside its own phrase, which the dating above left out on purpose:
                # "the 34th anniversary of the tragedy of January 20, 1990")
                inside = tokens_span(mention.head.left_edge, mention.head.right_edge)
                own = [
                    t
                    for t in self._sentence_dates(mention)
                    if not inside.contains(t.span)
                    and not _in_a_later_clause(mention.head, t)
                    and not _in_a_coordinate_clause(mention.head, t)
                    and not _reported_apart(t.head, mention.head)
                ]
                mention.date = own[0] if len(own) == 1 else _context_date(self.doc, mention)
            elif mention.date is None:
                mention.date = _heading_date(self.doc, mention)
            event = EventRecord(
                id=len(self.doc.events),
                cls=mention.cls,
                provisional=mention.kind in {"anaphor", "weak"},
                paragraph=mention.sentence.paragraph,
            )
            self.doc.events.append(event)
            if mention.kind == "anaphor":
                mention.agents, mention.affected = [], []
            elif mention.kind == "weak":
                pass
            elif (
                not mention.agents
                and previous_in_paragraph is not None
                and is_passive(mention.anchors[-1])
                and not any(c.dep_ == "agent" for a in mention.anchors for c in a.children)
            ):
                mention.agents = list(previous_in_paragraph.agents)
        elif mention.kind == "strong" and event.provisional:
            event.provisional = False
            event.cls = mention.cls if self.ontology.is_a(mention.cls, event.cls) else event.cls
        mention.event = event.id
        if event.triggers and mention.refers:  # an earlier event: the sentence's date and place
            if not mention.own_date and not _dates_compatible(event.date, mention.date):
                mention.date = None
            if not mention.own_place and event.place and mention.place != event.place:
                mention.place = None
        self.absorb(event, mention)

    def absorb(self, event: EventRecord, mention: EventMention) -> None:
        if mention.evidence is not None and not any(
            e.contains(mention.evidence) for e in event.evidence
        ):  # "a state of emergency" inside "the declaration of a state of emergency": no news
            event.evidence.append(mention.evidence)
        event.triggers.append(mention.span)
        for name in mention.names:
            if name not in event.names:
                event.names.append(name)
        event.date = _more_precise(event.date, mention.date)
        event.duration = event.duration or mention.duration
        event.place = event.place or mention.place
        for a in mention.agents:
            if a not in event.agents:
                event.agents.append(a)
        for a in mention.affected:
            if a not in event.affected and a not in event.agents:
                event.affected.append(a)


def _right_after_coordination(verb: Token) -> bool:
    """Whether no noun stands between a conjoined verb and the comma or "and" before it
    ("visited the Alley, laid a wreath ... and put flowers"): a noun there is a subject the
    model failed to attach ("condemned the use of force, and the foreign ministers ...
    denounced")."""
    links = [c.i for c in verb.head.children if c.dep_ in {"cc", "punct"} and c.i < verb.i]
    start = max(links) if links else verb.head.i
    between = verb.doc[start + 1 : verb.i]
    return not any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in between)


def _governed_by(event: EventRecord, mention: EventMention) -> bool:
    """Whether a trigger of ``event`` governs ``mention`` in its sentence, or is the noun
    its verb declares: "the memory was honoured with a minute of silence", "martial law
    was declared" tell one event, not two (a conjoined verb, "condemned ... and the
    ministers denounced ...", tells another)."""
    head = mention.head
    if head.pos_ in {"VERB", "AUX"}:
        purpose = head.dep_ in {"advcl", "xcomp", "acl"} and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in head.children
        )
        if purpose:  # (the model may hang it on the verb's object: "walk to the memorial to")
            verb = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if verb is not None and any(
                trigger.overlaps(token_span(verb)) for trigger in event.triggers
            ):
                return True
        if (
            (head.dep_ == "advcl" and head.tag_ == "VBG")
            # "a state of emergency declared by the Presidium": the noun the verb describes;
            # "walk to the Alley to honour the victims": what the act is for
            or head.dep_ == "acl"
            or purpose
            or (
                head.dep_ == "conj"
                and not any(c.dep_ == "nsubj" for c in head.children)
                and _right_after_coordination(head)
            )
        ) and any(trigger.overlaps(token_span(head.head)) for trigger in event.triggers):
            # "walked up to the Alley, laying carnations at the graves", "visited the Alley
            # and laid a wreath": one act (a conjoined verb with a subject of its own,
            # "condemned ... and the ministers denounced ...", tells another)
            return True
        return any(
            trigger.overlaps(token_span(c))
            for c in head.children
            if c.dep_ in {"nsubjpass", "dobj"}
            for trigger in event.triggers
        )
    return head.pos_ in {"NOUN", "PROPN"} and any(
        trigger.overlaps(token_span(a)) for a in head.ancestors for trigger in event.triggers
    )


def _context_date(doc: Document, mention: EventMention) -> TimeExpression | None:
    """The last narrative date of an earlier sentence of the same paragraph.

    None for a sentence about what recurs ("every year on 3 May ..."): its day is
    no date, and an earlier sentence's date is not its date either.
    """
    if recurring(mention.sentence.parsed):
        return None
    best = None
    for time in doc.times:
        if time.kind != "date" or not time.temporal or time.quoted:
            continue
        sentence = doc.sentence_at(time.span.start)
        if (
            sentence.paragraph == mention.sentence.paragraph
            and sentence.index < mention.sentence.index
        ):
            best = time
    return best if best is not None else _heading_date(doc, mention)


def _heading_date(doc: Document, mention: EventMention) -> TimeExpression | None:
    """A timeline's date: the dated heading just before the mention's paragraph ("19
    January 1990"), if any; under a live blog's heading of a time alone ("13:02"), the
    last dated heading before it ("19 Sep 10:21 BST")."""
    if mention.sentence.paragraph == 0 or recurring(mention.sentence.parsed):
        return None
    index = mention.sentence.paragraph - 1
    timed = False
    while index >= 0:
        heading = doc.paragraphs[index]
        found = None
        for time in doc.times:
            if time.kind == "date" and not time.quoted and dates_heading(doc, heading, time.span):
                found = time
        if found is not None:
            return found
        if _TIME_OF_DAY.match(doc.quote(heading).strip()):
            timed = True  # an entry of the same day: look further back
        elif not timed:
            return None
        index -= 1
    return None


#: A heading that is a time of day alone: "13:02", "9.45 BST", "11:48 am".
_TIME_OF_DAY = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?$")


def _typical_agent(r: _Resolver, mention: EventMention) -> None:
    cls = r._class_value(r.lexicon.typical_agent_classes, mention.cls)
    if cls is None or mention.agents:
        return
    for m in r.doc.mentions:
        if mention.sentence.span.contains(m.span) and r.ontology.is_a(
            r.doc.entities[m.entity].cls, cls
        ):
            mention.agents = [m.entity]
            return


@stage("events", requires=("sentences", "mentions", "times"), assigns=("events",))
def find_events(doc: Document, ctx: Context) -> None:
    """Find events from triggers, fill their roles, dates and places, and merge mentions."""
    resolver = _Resolver(doc, ctx.ontology)
    merger = _Merger(doc, ctx.ontology, resolver)
    mentions = resolver.mentions()
    by_sentence: dict[int, list[EventMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence.index, []).append(m)
    for index, group in sorted(by_sentence.items()):
        resolver.assign_times_and_places(doc.sentences[index], group)
        resolver.date_by_anniversary(group)
        for m in group:
            resolver.describe(m, group)
            _typical_agent(resolver, m)
    previous: EventRecord | None = None
    for m in mentions:
        if previous is not None and previous.paragraph != m.sentence.paragraph:
            previous = None
        merger.place(m, previous)
        if m.kind == "strong" and m.event is not None and not doc.events[m.event].provisional:
            previous = doc.canonical_event(m.event)
    for m in mentions:
        if m.aimed and m.event is not None:
            doc.canonical_event(m.event).provisional = False
    _inherit_places(doc, resolver)
    _link(doc, resolver)
    for m in mentions:
        if m.event is not None:
            doc.event_mentions.setdefault(m.sentence.index, []).append(
                (m.head, doc.canonical_event(m.event).id)
            )


def _inherit_places(doc: Document, r: _Resolver) -> None:
    """An event dated like an earlier event of its paragraph, with no place, shares its place.

    A response (a class whose arguments it responds to: a condemnation, a
    decision) does not: it is made where its author is, not where the event it
    answers happened.
    """
    events = doc.live_events()

    def paragraphs(event: EventRecord) -> set[int]:
        return {doc.sentence_at(s.start).paragraph for s in event.evidence}

    for i, event in enumerate(events):
        if event.place or event.date is None:
            continue
        if r._class_value(r.lexicon.argument_relations, event.cls) == HG.respondsTo:
            continue
        for earlier in reversed(events[:i]):
            if (
                event.paragraph in paragraphs(earlier)
                and earlier.place
                and earlier.date is not None
            ):
                if earlier.date.value == event.date.value:
                    event.place = earlier.place
                break


def _link(doc: Document, r: _Resolver) -> None:
    for source, relation, target in r.relations:
        if source.event is None or target.event is None:
            continue
        a, b = doc.canonical_event(source.event), doc.canonical_event(target.event)
        if a.id != b.id and (relation, b.id) not in a.relations:
            a.relations.append((relation, b.id))
    for source, time in r.date_arguments:
        if source.event is None:
            continue
        a = doc.canonical_event(source.event)
        for b in doc.live_events():
            if any(rel_target == b.id for _, rel_target in a.relations):
                break
            if b.id == a.id or b.date is None or b.date.datatype != time.datatype:
                continue
            year_given = (
                parse_date(doc.quote(time.span)) is not None
                and parse_date(doc.quote(time.span)).year is not None
            )  # type: ignore[union-attr]
            if b.date.value[5:] == time.value[5:] and (
                time.value[:4] == b.date.value[:4] or not year_given
            ):
                relation = r._class_value(r.lexicon.argument_relations, a.cls)
                if relation is not None and (relation, b.id) not in a.relations:
                    a.relations.append((relation, b.id))
                break  # the first event reported with that date
    for mention, years in r.ordinals:
        if mention.event is None:
            continue
        a = doc.canonical_event(mention.event)
        if a.date is not None:
            continue
        for relation, target_id in a.relations:
            target = doc.canonical_event(target_id)
            if (
                relation == HG.commemorates
                and target.date is not None
                and len(target.date.value) == 10
            ):
                year = int(target.date.value[:4]) + years
                a.date = TimeExpression(
                    target.date.span,
                    "date",
                    f"{year:04d}{target.date.value[4:]}",
                    target.date.datatype,
                    True,
                    False,
                    target.date.head,
                )
                break
