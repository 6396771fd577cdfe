"""Stage ``events``: events from the lexicon's trigger words, with their roles.

For every trigger the stage reads, from the dependency parse of its sentence:

* the **agent** (active subject, by-phrase, subject of a support verb such as
  "committed a massacre", "under the leadership of X") and the **affected**
  (object, passive subject, "against X", the of-phrase where the class says so);
* the **date** and **place**: each date or locative place of the sentence goes
  to the trigger nearest to it in the tree; an event with no date of its own
  takes the last date of an earlier sentence of its paragraph, unless the sentence counts
  it from an event it names ("two days after the tragedy": that event's date, moved);
* **relations** to other events that are its arguments (a condemnation of "the
  crime" responds to it; "during the war" makes a sub-event).

Mentions of one event are merged: a definite noun ("the massacre"), a generic
anaphor ("the tragedy") or a weak trigger ("were killed") joins the most recent
compatible event; an anaphor with nothing before it waits for a later event.

The stage's parts: :mod:`~historygraph.stages.triggers` (trigger words and event
mentions), :mod:`~historygraph.stages.clues` (the syntactic clues roles, dates and
places are read by), this module's resolver (roles, dates, places of each mention) and
:mod:`~historygraph.stages.merge` (mentions into events, dates from context).
"""

from __future__ import annotations

import bisect
import datetime
from typing import TypeVar

from rdflib import URIRef

from historygraph.document import Document, EventRecord, Sentence, Span, TimeExpression
from historygraph.namespaces import HG
from historygraph.ontology import Ontology, compact
from historygraph.pipeline import Context, stage
from historygraph.stages.clauses import (
    clause_verb,
    coordinated_modifiers,
    dated_document,
    destinations,
    infinitive,
    names_a_site,
    prepositional,
    purpose_clause,
    reported_clause,
    swallowed_subject,
    temporal,
    time_clause,
    within,
)
from historygraph.stages.clues import (
    ANYONE,
    ARGUMENT_PREPS,
    ASIDE_ADVERBS,
    ISSUED_ACTS,
    LOCATIVE_PREPS,
    MOTION_VERBS,
    NAMING_VERBS,
    PARTITIVE_NOUNS,
    REFLEXIVES,
    SIGNING_VERBS,
    SOURCE_PREPS,
    accused_agent,
    aimed_objects,
    anti_a_people,
    called_by,
    counted_people,
    dates_mention,
    ends_at,
    in_a_coordinate_clause,
    in_a_source_phrase,
    in_speaker,
    is_negated,
    locative_object,
    mention_root,
    named_day,
    reported_apart,
    same_quote,
    series_of,
    state_of_a_place,
    verdicts_of,
    where_reported,
)
from historygraph.stages.mentions import EntityBuilder
from historygraph.stages.merge import Merger
from historygraph.stages.names import lookback_start, nationality_words
from historygraph.stages.numbers import parse_number, parse_ordinal
from historygraph.stages.syntax import (
    Token,
    is_definite,
    is_heading,
    is_passive,
    lemma,
    of_objects,
    offset,
    phrase_span,
    split_verb_object,
    token_span,
    tokens_span,
    tree_distance,
    with_conjuncts,
)
from historygraph.stages.times import DATELINE_HEAD, DAYS_IN_UNIT, parse_date
from historygraph.stages.triggers import EventMention, match_triggers, phrase_head

_V = TypeVar("_V")

#: The source of a mention of people a text gives only as a count, named by their role.
COUNTED = "count"


class Resolver:
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
        #: "Two days after the tragedy the Government condemned ...": the mention dated, the
        #: mention of the event it is counted from, and the days between
        self.counted_after: list[tuple[EventMention, EventMention, int]] = []
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
            for obj in of_objects(token):
                found = self.entity_of(obj)
                if found is not None:
                    return found
        # "hundreds of thousands of Azerbaijanis": descend through quantity of-phrases
        if token.like_num or token.ent_type_ == "CARDINAL" or token.pos_ == "NUM":
            objects = of_objects(token)
            if objects:
                return self.entity_in_phrase(objects[0])
        return None

    def entities_of(self, token: Token) -> list[str]:
        result = []
        for t in with_conjuncts(token):
            found = [self.entity_in_phrase(t), *map(self.entity_of, coordinated_modifiers(t))]
            if self.entity_of(t) is None and found[0] is not None:
                # "servicemen of the Soviet army and internal troops": each body named
                found += [
                    self.entity_of(other)
                    for obj in of_objects(t)
                    for other in with_conjuncts(obj)[1:]
                ]
            if found[0] is None and self.lexicon.is_title_word(t.text):
                # "President of the Republic of Azerbaijan Ilham Aliyev and First Lady ...":
                # the model hung the name (and its conjuncts) on the title's "of"
                named = [c for c in t.children if c.dep_ == "appos"] + of_objects(t)
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
        result: list[EventMention] = []
        for sentence in self.doc.sentences:
            if is_heading(self.doc.quote(self.doc.paragraphs[sentence.paragraph])):
                continue  # a title names the topic; the body states what happened
            for first, last, cls, kind in match_triggers(sentence, self.ontology):
                tokens = list(sentence.parsed)[first:last]
                head = phrase_head(tokens)
                if kind == "weak" and head.pos_ not in {"VERB", "AUX"}:
                    continue
                if (
                    kind == "weak"
                    and head.dep_ == "relcl"
                    and any(m.sentence is sentence and within(head.head, m.head) for m in result)
                ):
                    continue  # "the war (over X), which had killed 20,000 people": its toll
                day = named_day(head)
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
                if state_of_a_place(head):
                    continue  # "the Alley of Martyrs, where the victims are buried"
                if head.tag_ == "VBN" and any(c.dep_ == "det" for c in head.children):
                    continue  # a participle used as a noun: "letters written by the condemned"
                if self.ontology.is_a(cls, HG.Protest) and head.pos_ == "VERB" and is_passive(head):
                    continue  # "the men were marched to Sumarice": driven, not protesting
                inside = [
                    t.ent_type_
                    and t.ent_type_ not in {"EVENT", "LAW"}
                    and not t.tag_.startswith("VB")
                    for t in tokens
                ]
                # (a phrase that goes on past the name is not inside it: "a minute of
                # silence", where the model tags "a minute" as a time)
                if (all(inside) or (len(tokens) == 1 and any(inside))) and not named_in_a_date(
                    head
                ):
                    continue  # inside a date or name: "March 1994" (a verb is no part of a name:
                    # "the House of Commons censured Dyer", tagged as one name by the model)
                mention = EventMention(
                    cls, kind, head, tokens_span(tokens[0], tokens[-1]), sentence
                )
                # "the troops began shooting at unarmed people": an act in its own right
                mention.aimed = kind == "weak" and (
                    self._strikes_people(head, cls) or self._takes_a_place(head, cls)
                )
                if (
                    kind == "weak"
                    and not mention.aimed
                    and self._fires_on_a_place(head, cls, tokens)
                ):
                    # "the Armenian forces were firing on Kelbajar": an attack on a place
                    mention.cls, mention.aimed = HG.MilitaryOperation, True
                mention.anchors = self._anchors(head, mention.cls)
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
            if not is_negated(m.head)
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
            and not any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in m.head.children)
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
            if any(c.i in heads for c in token.children if c.pos_ in {"NOUN", "PROPN"}):
                # "rejected the resolution": the verb supports an event noun (a clause of
                # another act under it does not: "entered the city after the Presidium had
                # declared a state of emergency")
                continue
            # by lemma, or by text where the model's lemma is the word itself ("retook")
            pairs = table.get(lemma(token)) or table.get(token.lower_)
            if not pairs and self._into_a_place(token):
                pairs = table.get("enter")  # "troops came (rolled, moved) into the city"
            if not pairs:
                continue
            span = token_span(token)
            if any(span.overlaps(t) for t in taken):
                continue
            if self._gathers_for_another_event(token, sentence, found):
                continue  # "gathered in Yerevan to remember the dead": no protest of its own
            # "the city was seized by Armenian armed forces": the agent of a passive verb
            subjects = self._by_agents(token) if passive else self._subjects(token)
            if passive and not subjects:
                continue
            # "soldiers attacked the crowd": whoever of the trigger's agent classes attacks
            # people, the class whose of-phrase names those it strikes (a massacre) wins
            bare = [] if subjects else self._bare_subject_classes(token)
            aimed = self._aims_at_people(token) and (
                any(self._class_is(e, agent_cls) for e in subjects for _, agent_cls in pairs)
                or any(self.ontology.is_a(c, agent_cls) for c in bare for _, agent_cls in pairs)
            )
            if aimed:
                pairs = tuple(
                    sorted(
                        pairs,
                        key=lambda p: self.class_value(self.lexicon.of_roles, p[0]) != HG.affected,
                    )
                )
            # "more than 100,000 people fled": a counted subject names no entity, but its
            # head word has a class
            counted = [] if subjects else [*self._counted_subject_classes(token), *bare]
            if (
                subjects
                and not passive
                and not any(
                    self._class_is(e, agent_cls) for e in subjects for _, agent_cls in pairs
                )
            ):
                # "troops of the Soviet Union, Poland and Hungary crossed the frontiers": the
                # states' troops act; the head word gives the class
                counted = self._parts_of_states_classes(token)
            # "a crowd attacked the soldiers at the barrier": people who strike an armed
            # body do no massacre (soldiers who strike a crowd may)
            armed_objects = any(
                self._class_is(e, HG.MilitaryForce)
                for o in token.children
                if o.dep_ == "dobj"
                for e in self.entities_of(o)
            )
            for cls, agent_cls in pairs:
                if armed_objects and agent_cls == HG.Group:
                    continue
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

    def _gathers_for_another_event(
        self, verb: Token, sentence: Sentence, found: list[EventMention]
    ) -> bool:
        """Whether the verb's clause of purpose, or a verb conjoined after it, tells an event
        of a class the verb is a site trigger of ("gathered in Yerevan to remember the dead",
        "gathered in the square and laid flowers"): the gathering is that event."""
        classes = {cls for cls, _ in self.lexicon.site_triggers.get(lemma(verb), ())}
        # ("gathered in the square, laid flowers and held a minute of silence": its conjuncts)
        purposes = {c.i for c in verb.children if purpose_clause(c)} | {
            c.i for c in verb.conjuncts if c.i > verb.i
        }
        return bool(classes and purposes) and any(
            m.sentence is sentence
            and m.cls in classes
            and any(a.i in purposes for a in [m.head, *m.anchors])
            for m in found
        )

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

    def _head_word_class(self, token: Token) -> URIRef | None:
        """The class the lexicon gives a head word, as written or by its lemma."""
        return self.lexicon.head_words.get(token.lower_) or self.lexicon.head_words.get(
            lemma(token)
        )

    def _counted_subject_classes(self, verb: Token) -> list[URIRef]:
        """The classes the head words of a verb's counted subjects give ("more than 100,000
        people", "thousands of residents", "tens of thousands of people"), or of subjects the writer counts themself among
        ("our detachments stormed the town")."""
        result = []
        for subject in verb.children:
            if subject.dep_ == "nsubj" and subject.pos_ in {"NOUN", "NUM"}:
                # "tens of thousands of people gathered"
                people = counted_people(subject, self.lexicon.people_nouns)
                cls = None if people is None else self._head_word_class(people)
                if people is not None and people is not subject and cls is not None:
                    result.append(cls)
                    continue
            if subject.dep_ != "nsubj" or subject.pos_ != "NOUN":
                continue
            counted = (
                any(c.like_num or c.dep_ == "nummod" for c in subject.children)
                or (subject.head.i != subject.i and subject.dep_ == "pobj")
                or any(c.dep_ == "poss" and c.lower_ in {"our", "my"} for c in subject.children)
            )
            cls = self._head_word_class(subject)
            if counted and cls is not None:
                result.append(cls)
        return result

    def _bare_subject_classes(self, verb: Token) -> list[URIRef]:
        """The classes the head words of a verb's bare plural subjects give, when they name
        no entity ("troops attacked Khojaly and killed civilians", where no force was named
        before), or of the subject of the active verb it is conjoined to."""
        first = verb
        while not any(c.dep_ == "nsubj" for c in first.children) and first.dep_ == "conj":
            first = first.head
        if first is not verb and is_passive(first):
            return []
        result = []
        for subject in first.children:
            if (
                subject.dep_ != "nsubj"
                or subject.tag_ != "NNS"
                or lemma(subject) in self.lexicon.generic_group_nouns  # ("people fled": anyone)
                or self.entities_of(subject)
            ):
                continue
            cls = self._head_word_class(subject)
            if cls is not None:
                result.append(cls)
        return result

    def _parts_of_states_classes(self, verb: Token) -> list[URIRef]:
        """The classes the head words of a verb's subjects give where the subject is "X of"
        states or bodies ("troops of the Soviet Union and Poland", "the special forces of the
        Federal Security Service")."""
        result = []
        for subject in verb.children:
            if subject.dep_ != "nsubj" or subject.pos_ != "NOUN":
                continue
            states = [e for obj in of_objects(subject) for e in self.entities_of(obj)]
            cls = self._head_word_class(subject)
            if (
                cls is not None
                and states
                and all(
                    self._class_is(e, HG.State) or self._class_is(e, HG.Organization)
                    for e in states
                )
            ):
                result.append(cls)
        return result

    def _people_struck(self, verb: Token) -> list[str]:
        """The groups of people a verb strikes ("attacked the crowd", "fired on
        demonstrators", "opened fire at the residents")."""
        return [
            e
            for t in aimed_objects(verb)
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
            and not self._names_a_body(t)
            for t in aimed_objects(verb)
        )

    def _names_a_body(self, token: Token) -> bool:
        """Whether a noun is a mention of a body (a force, an organisation), not of people:
        "On 17 February Armenian armed formations ... attacked", the subject misparsed as the
        object of "on"."""
        entity = self.entity_of(token)
        return entity is not None and self._class_is(entity, HG.Organization)

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

    def _in_what_is_remembered(self, date: Token, mention: EventMention) -> bool:
        """Whether a date is in the object of a commemoration ("To honour the memory of the
        victims of 9 April 1989"): the date of what it remembers, not its own."""
        if self.class_value(self.lexicon.argument_relations, mention.cls) != HG.commemorates:
            return False
        token = date
        while token.head.i != token.i and token.head.i != mention.head.i:
            token = token.head
        if token.head.i != mention.head.i or token.i == date.i:
            return False
        if token.dep_ == "prep" and token.lower_ == "of" and mention.head.pos_ == "NOUN":
            # "the anniversary of the 1919 independence movement": a date that modifies a
            # thing in the of-phrase ("the anniversary of 20 January" names the day itself,
            # "the declaration of independence of 11 March 1990" its own day)
            return date.i < date.head.i and date.head.pos_ in {"NOUN", "PROPN"}
        return token.dep_ in {"dobj", "pobj"}

    def _fires_on_a_place(self, verb: Token, cls: URIRef, trigger: list[Token]) -> bool:
        """ "were firing on Kelbajar from the mountains": a weak trigger of an act aimed at
        people ("fire", "shoot") aimed at a town, by an armed body (not at a site named
        with a head word: "shooting on Tbilisi Avenue" is where the shooting was)."""
        if verb.pos_ != "VERB" or self.class_value(self.lexicon.of_roles, cls) != HG.affected:
            return False
        own = {t.i for t in trigger}  # ("opened fire on villages": "fire" is the trigger's)
        if any(c.dep_ in {"dobj", "nsubjpass"} and c.i not in own for c in verb.children):
            return False  # "killed 14 people at the television tower": whom it struck

        def a_town(token: Token) -> bool:
            if token.tag_ == "NNS" and lemma(token) in self.lexicon.settlement_nouns:
                return True  # "opened fire on villages of the Tovuz district"
            entity = self.entity_of(token)
            if entity is None or not self._class_is(entity, HG.Place):
                return False
            last = self.doc.entities[entity].label.split()[-1].lower()
            return last not in self.lexicon.head_words

        return any(a_town(o) for o in aimed_objects(verb)) and any(
            self._class_is(e, HG.MilitaryForce) for e in self._subjects(verb)
        )

    def _aims_at_people(self, verb: Token) -> bool:
        """Whether a verb strikes a group of people, or whoever was there ("firing on
        anyone in the streets")."""
        return (
            bool(self._people_struck(verb))
            or any(o.lower_ in ANYONE for o in aimed_objects(verb))
            or self._people_of_a_nation(verb)
        )

    def _strikes_people(self, verb: Token, cls: URIRef) -> bool:
        """Whether a weak trigger ("shoot", "open fire") is an act an armed body or a crowd
        aims at people, of a class whose of-phrase names those it strikes."""
        if verb.pos_ != "VERB" or self.class_value(self.lexicon.of_roles, cls) != HG.affected:
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
        # (or a person's, many of them: "Officers then opened fire on the crowd"), or the
        # subject of the verb it is listed after ("troops entered Khojaly and killed ...")
        return any(
            c.dep_ == "nsubj"
            and c.tag_ == "NNS"
            and self._head_word_class(c) in {HG.MilitaryForce, HG.Group, HG.Person}
            for c in verb.children
        ) or any(
            cls in {HG.MilitaryForce, HG.Group, HG.Person}
            for cls in self._bare_subject_classes(verb)
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
            if self.class_value(self.lexicon.of_roles, cls) == HG.affected:
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
            if token.pos_ != "VERB" or token.dep_ == "relcl":
                continue  # "the young people who came to the Alley" describes them
            entries = table.get(lemma(token)) or table.get(token.lower_)
            if not entries:
                continue
            if any(
                m.sentence is sentence and m.head.i == token.i and m.span != token_span(token)
                for m in found
            ):
                continue  # a phrase trigger says what the verb means: "opened fire at the memorial"
            # "the memorial was opened in 1998": what a passive verb acts on is its subject
            places = (
                [c for c in token.children if c.dep_ == "nsubjpass"]
                if is_passive(token)
                else destinations(token)
            )
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
            first = anti_a_people(token, peoples)
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
            verdicts = verdicts_of(token)
            for cls, words in entries:
                verdict = next((v for v in verdicts if called_by(v) & words), None)
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
        if not found and first.dep_ == "acl" and first.head.dep_ == "dobj" and infinitive(first):
            # "made another attempt to seize a height": who made the attempt
            found = [
                e
                for c in first.head.head.children
                if c.dep_ == "nsubj"
                for e in self.entities_of(c)
            ]
        accused = accused_agent(first) if not found else None
        if accused is not None:
            # "they accuse Armenian armed units of firing on columns", "blamed the police
            # for shooting": who is accused of the act did it (not who accuses)
            return [e for e in self.entities_of(accused) if self._class_is(e, HG.Agent)]
        # "came to the mission and, before journalists, condemned the crime": a finite verb
        # with no subject and no "when" the model hung on the verb it is conjoined to
        finite = first.tag_ in {"VBD", "VBZ", "VBP"} and not any(
            c.dep_ in {"mark", "advmod"} and c.tag_ in {"IN", "WRB"} for c in first.children
        )
        if not found and first.dep_ in {"advcl", "pcomp"} and (first.tag_ == "VBG" or finite):
            # "mobs went from door to door hunting residents": the participle's subject is
            # that of the verb it depends on
            above = clause_verb(first)
            if above is not None:
                found = [
                    e for c in above.children if c.dep_ == "nsubj" for e in self.entities_of(c)
                ]
        return found

    def _anchors(self, head: Token, cls: URIRef | None = None) -> list[Token]:
        anchors = [head]
        if head.pos_ == "ADJ" and head.dep_ in {"acomp", "attr"} and head.head.lemma_ == "be":
            anchors.append(head.head)  # "was qualified as": the copula carries subject and dates
        if head.pos_ in {"NOUN", "PROPN"}:
            # "held a series of rallies", "launched a wave of arrests": the verb holds them all
            outer = head.head.head if series_of(head) else head
            if (
                outer.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"}
                and lemma(outer.head) in self.lexicon.support_verbs
                # "the massacre was committed by X"; not "a minute of silence is observed
                # throughout the country", where the verb names no one and no time of its own
                and (
                    outer.dep_ != "nsubjpass" or any(c.dep_ == "agent" for c in outer.head.children)
                )
            ):
                anchors.append(outer.head)
            verb = head.head
            if (
                cls is not None
                and head.dep_ == "nsubj"
                and verb.tag_ in {"VBN", "VBD"}  # (a "by" agent: a participle all the same)
                and any(c.dep_ == "agent" for c in verb.children)
                and self._triggers(verb, cls)
            ):
                # "The state of emergency declared by the Presidium was announced ...": the
                # model made the participle the main verb; its by-phrase names the agent
                anchors.append(verb)
            for child in head.children:
                by_agent = any(c.dep_ == "agent" for c in child.children)
                if child.dep_ in {"acl", "relcl"} and (
                    lemma(child) in self.lexicon.support_verbs or by_agent
                ):
                    anchors.append(child)  # "measures conducted by X", "protests led by X"
        return anchors

    def _triggers(self, verb: Token, cls: URIRef) -> bool:
        """Whether the verb alone is a trigger word of ``cls`` ("declared" of a declaration)."""
        words = (lemma(verb),)
        return cls in {
            self.lexicon.event_triggers.get(words),
            self.lexicon.weak_triggers.get(words),
        }

    # ---------------------------------------------------------------- roles
    def describe(self, mention: EventMention, in_sentence: list[EventMention]) -> None:
        self._name_counted_participants(mention)
        self._roles(mention)
        mention.names = self._names(mention)
        mention.evidence = self._evidence(mention)
        self._arguments(mention, in_sentence)

    def _name_counted_participants(self, mention: EventMention) -> None:
        """People a text gives only as a count, as the subject of the event's verb ("tens of
        thousands of people gathered on the square"), become a group named by what they
        do in events of the class (``hg:participantNoun``: protesters), one per document."""
        noun = self.class_value(self.lexicon.participant_nouns, mention.cls)
        if noun is None:
            return
        for anchor in mention.anchors:
            if anchor.pos_ not in {"VERB", "AUX"} or is_passive(anchor):
                continue
            subjects = [c for c in anchor.children if c.dep_ == "nsubj"]
            if not subjects and (
                anchor.dep_ == "xcomp" or purpose_clause(anchor) or anchor.dep_ == "conj"
            ):
                # "gathered on the square to protest", "gathered and laid flowers": who
                # gathered does it
                subjects = [c for c in anchor.head.children if c.dep_ == "nsubj"]
            self._add_counted_participants(subjects, noun)
        self._add_counted_participants(_goers_to(mention.head), noun)

    def _add_counted_participants(self, subjects: list[Token], noun: str) -> None:
        """A group named ``noun`` for each phrase of ``subjects`` that gives people only as
        a count and is no entity yet."""
        for subject in subjects:
            if self.entity_of(subject) is not None:
                continue
            people = counted_people(subject, self.lexicon.people_nouns)
            if people is not None:
                self._add_mention(tokens_span(subject.left_edge, people), HG.Group, noun)

    def _add_mention(self, span: Span, cls: URIRef, label: str) -> None:
        """A mention of the entity of ``cls`` labelled ``label`` (made if new), found while
        reading events; it is where the entities stage would have put it in the list."""
        builder = EntityBuilder(self.doc, self.ontology)  # (its entity and alias rules)
        key = builder.entity_for(cls, label)
        bisect.insort(
            self.doc.mentions,
            builder.mention(span, key, COUNTED),
            key=lambda m: (m.span.start, m.span.end),
        )
        for pos in range(span.start, span.end):
            self.char_entity.setdefault(pos, key)

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
        of_role = self.class_value(self.lexicon.of_roles, mention.cls)
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
                            agents += self.entities_of(obj) or self._issuers(obj)
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
        for anchor in mention.anchors if not agents and head.pos_ in {"NOUN", "PROPN"} else ():
            if (
                anchor is not head
                and anchor.dep_ == "acl"
                and anchor.tag_ == "VBG"
                and anchor.head.dep_ == "dobj"
                and not is_passive(anchor.head.head)
            ):
                # "the Presidium adopted a decree imposing a state of emergency": who made
                # the decree imposed it
                agents += self._subjects(anchor.head.head)
        if (
            not agents
            and head.pos_ == "VERB"
            and head.dep_ == "acl"
            and head.tag_ == "VBG"
            and head.head.pos_ == "NOUN"
        ):
            # "a decree of the Presidium, dated 19 January, declaring a state of emergency",
            # "the Government issued an order proclaiming martial law", "saw soldiers firing":
            # who the noun names, whose the document is, or who issued it (not the closest
            # agent named before: "Moscow radio said a decree ... declaring ...")
            noun = head.head
            agents += [e for e in self.entities_of(noun) if self._class_is(e, HG.Agent)]
            if not agents and self.entity_of(noun) is None:
                agents += self._speakers_for(noun)
                if not agents and noun.dep_ == "dobj" and not is_passive(noun.head):
                    agents += self._subjects(noun.head)
        dated = (dated_document(a) for a in mention.anchors if a.pos_ == "VERB")
        document = next((d for d in dated if d is not None), None) if not agents else None
        if document is not None:
            # "a decree of the Presidium, dated 19 January, declaring (which imposed) a state
            # of emergency": the model hung the clause on "dated"; whose the document is
            agents += [e for e in self.entities_of(document) if self._class_is(e, HG.Agent)]
            agents += self._speakers_for(document) if not agents else []
        purposes = [a for a in mention.anchors[1:] if purpose_clause(a)]
        if not agents and head.pos_ in {"NOUN", "PROPN"} and purposes:
            # "gathered in Yerevan to mark the anniversary": who gathered marks it
            agents += self._subjects(purposes[0])
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
        if any(self.ontology.is_a(mention.cls, c) for c in self.lexicon.affect_no_one):
            affected = []  # "laid flowers to honour the victims": whom it is about
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
            if m.source == COUNTED:
                continue  # "thousands of people gathered": named for that act, not for others
            entity = self.doc.entities[m.entity]
            if not self.ontology.is_a(entity.cls, HG.Agent):
                continue
            token = self._token_at(mention.sentence, m.span.start)
            if token is not None and self._is_locative(token, m.span):
                continue
            if token is not None and token.tag_ != "PRP$" and self._is_modifier(token, m.span):
                continue  # "came to Azerbaijan's mission": a named possessor does not act
            if token is not None and in_a_source_phrase(token):
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
        root = mention_root(token, span)
        return root.dep_ in {"poss", "compound", "amod", "nmod"} and not (
            span.start <= offset(root.head) < span.end
        )

    def _is_locative(self, token: Token, span: Span) -> bool:
        root = mention_root(token, span)
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
                agents += self.entities_of(obj) or self._issuers(obj)
            elif word == "against" or (
                word in {"on", "upon"} and on_head and of_role == HG.affected and not temporal(prep)
            ):  # "violence against X"; "troops fired on the crowd" (a killing's target)
                affected += self.entities_of(obj)
            elif word == "of" and on_head and of_role is not None:
                (agents if of_role == HG.agent else affected).extend(self.entities_of(obj))
            elif word == "under" and lemma(obj) in self.lexicon.leadership_nouns:
                for who in of_objects(obj):
                    agents += self.entities_of(who)
            agents += self._signers(obj)
        return agents, affected

    def _issuers(self, act: Token) -> list[str]:
        """ "declared by a decree of the Presidium", "by order of the commandant", "by
        Stalin's edict": whose act made the event (its possessor or of-phrase)."""
        if lemma(act) not in ISSUED_ACTS or self.entity_of(act) is not None:
            return []
        return self._speakers_for(act)

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

    def class_value(self, table: dict[URIRef, _V], cls: URIRef) -> _V | None:
        """The value a lexicon table gives ``cls`` or its nearest superclass (an argument
        relation, an of-role, ...), if any."""
        for c in sorted(self.ontology.superclasses(cls), key=self.ontology.depth, reverse=True):
            if c in table:
                return table[c]
        return None

    def _arguments(self, mention: EventMention, in_sentence: list[EventMention]) -> None:
        heads = {m.head.i: m for m in in_sentence if m is not mention}
        for anchor in mention.anchors:
            for child in anchor.children:
                targets: list[Token] = []
                relation = self.class_value(self.lexicon.argument_relations, mention.cls)
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
        self._count_after_events(sentence, mentions)
        dated: dict[int, tuple[tuple[bool, bool, int, int], TimeExpression]] = {}
        for time in self.doc.times:
            if not sentence.span.contains(time.span) or not time.temporal:
                continue
            if time.quoted and not any(m.span.overlaps(time.span) for m in mentions):
                inside = [m for m in mentions if same_quote(self.doc, m.span, time.span)]
                if not inside:
                    continue
            verb = clause_verb(time.head)
            if verb is not None and self._describes_agent_clause(verb):
                continue  # "Aliyev, removed from the Politburo in 1987, appeared ...": his past
            if ends_at(time.head):
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
                if not reported_apart(time.head, m.head)
                and not in_a_coordinate_clause(m.head, time)
                and not self._in_what_is_remembered(time.head, m)
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
                m.own_date = dates_mention(m.date.head, m.head)
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
        for place_mention in self.doc.mentions:
            if not sentence.span.contains(place_mention.span):
                continue
            entity = self.doc.entities[place_mention.entity]
            if not self.ontology.is_a(entity.cls, HG.Place):
                continue
            quotes = [q for q in self.quotes if q.contains(place_mention.span)]
            token = self._token_at(sentence, place_mention.span.start)
            if token is None:
                continue
            root = mention_root(token, place_mention.span)
            located = locative_object(root)
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
                    x.place, x.own_place = place_mention.entity, True
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
                            x.place, x.own_place = place_mention.entity, True
                # "came to the mission and condemned ...": where the speaker came, the act was
                verb = root.head.head if root.dep_ == "pobj" else None
                if verb is not None and root.head.lower_ == "to" and lemma(verb) in MOTION_VERBS:
                    for x in mentions:
                        if x.place is None and any(
                            a.dep_ in {"conj", "advcl"} and a.head.i == verb.i for a in x.anchors
                        ):
                            x.place, x.own_place = place_mention.entity, True
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
            held_by = self.entity_of(root.head.head)
            if (
                held_by is not None
                and held_by != place_mention.entity
                and self.ontology.is_a(self.doc.entities[held_by].cls, HG.Place)
            ):
                continue  # "the Mission in Moscow": a location of a place, not of an event
                # ("fired on a crowd in Amritsar": where the crowd was, the event was)
            nearest = self._nearest(root, [x for x in mentions if x.kind != "anaphor"])
            if nearest is not None and (
                in_speaker(root, nearest)
                or where_reported(root, nearest, self.lexicon.report_verbs)
            ):
                continue  # "an official in Baku said 30 soldiers had died": where he spoke
            if nearest is not None and quotes and not any(q.contains(nearest.span) for q in quotes):
                continue  # a place inside a quoted title belongs to the title
            if (
                nearest is not None
                and root.head.lower_ in SOURCE_PREPS
                and self.class_value(self.lexicon.argument_relations, nearest.cls) is not None
            ):
                # "declared independence from the Soviet Union", "voted for a transfer from
                # Azerbaijan": not where a declaration or decision was made ("deported from
                # X", "eliminated from Karabakh" are where the act was)
                continue
            if nearest is not None and nearest.place is None:
                nearest.place = place_mention.entity
                nearest.own_place = within(root, nearest.head)

    def _count_after_events(self, sentence: Sentence, mentions: list[EventMention]) -> None:
        """ "Two days after the tragedy the Government issued a communique ...", "The day
        after the massacre, thousands followed the coffins": an act dated so many days after
        an event the sentence names (its date is set once events are merged)."""
        for prep in sentence.parsed:
            if prep.lower_ not in _COUNT_SIGNS or prep.dep_ != "prep":
                continue
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            anchor = next((m for m in mentions for o in objects if m.head.i == o.i), None)
            # the unit the count is in: "[Two days] after", "[the day] after"
            units = [c for c in prep.children if c.dep_ == "npadvmod"]
            if prep.head.dep_ == "npadvmod" or prep.head.lemma_.lower() in DAYS_IN_UNIT:
                units.append(prep.head)
            unit = next((u for u in units if u.lemma_.lower() in DAYS_IN_UNIT), None)
            if anchor is None or unit is None:
                continue
            count = next((c for c in unit.children if c.dep_ == "nummod"), None)
            number = parse_number(count.text) if count is not None else 1
            if number is None or number <= 0 or (count is None and unit.tag_ == "NNS"):
                continue
            days = int(number) * DAYS_IN_UNIT[unit.lemma_.lower()] * _COUNT_SIGNS[prep.lower_]
            phrase = tokens_span(unit.left_edge, prep.right_edge)
            others = [
                m
                for m in mentions
                if m is not anchor and m.date is None and not phrase.contains(m.span)
            ]
            dated = self._nearest(unit, others)
            if dated is not None:
                dated.counted_from_event = True
                self.counted_after.append((dated, anchor, days))

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


#: Which way such a count goes from the event: "two days after", "a week before".
_COUNT_SIGNS = {"after": 1, "before": -1}


#: Prepositions by which people go to an event a noun tells ("came to the funeral", "turned
#: out for the rally", "took part in the march", "gathered at the vigil").
_GOING_TO = frozenset({"to", "for", "in", "at"})


def _goers_to(head: Token) -> list[Token]:
    """Who goes to an event a noun tells: the subject of the verb whose "to", "for", "in" or
    "at" it follows ("Hundreds of people came to the funerals"), and the agent of the
    participle after it or of the passive verb it is the subject of ("the funeral, attended
    by thousands of people", "the rally was joined by 5,000 people")."""
    if head.pos_ != "NOUN":
        return []
    verbs = [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if head.dep_ == "nsubjpass":
        verbs.append(head.head)
    goers = [
        agent_obj
        for verb in verbs
        for agent in verb.children
        if agent.dep_ == "agent"
        for agent_obj in agent.children
        if agent_obj.dep_ == "pobj"
    ]
    prep = head.head
    if head.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in _GOING_TO:
        verb = prep.head
        if verb.pos_ == "VERB" and not is_passive(verb):
            goers += [c for c in verb.children if c.dep_ == "nsubj"]
    return goers


def _typical_agent(r: Resolver, mention: EventMention) -> None:
    cls = r.class_value(r.lexicon.typical_agent_classes, mention.cls)
    if cls is None or mention.agents:
        return
    for m in r.doc.mentions:
        if mention.sentence.span.contains(m.span) and r.ontology.is_a(
            r.doc.entities[m.entity].cls, cls
        ):
            mention.agents = [m.entity]
            return


def _verb_with_the_subject(anchor: Token, *, purpose: bool = False) -> Token:
    """The verb whose subject does the act an event's anchor tells: the anchor, or the verb
    whose object the anchor's noun is ("observed a minute of silence"), or the verb it is
    conjoined to ("rose and observed"); with ``purpose``, also the verb of the clause that
    says what for ("I rise today to condemn"; not "I ask you to honour": the object's act)."""
    verb = anchor.head if anchor.pos_ == "NOUN" and anchor.dep_ == "dobj" else anchor
    while not any(c.dep_ == "nsubj" for c in verb.children) and (
        verb.dep_ == "conj"
        or (
            purpose
            and verb.dep_ in {"xcomp", "advcl"}
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ == "dobj" for c in verb.head.children)
        )
    ):
        verb = verb.head
    return verb


def _members_for_their_body(r: Resolver, mention: EventMention) -> None:
    """ "The Milli Majlis met on 20 January. The deputies rose and observed a minute of
    silence": members a noun of the lexicon names (``hg:memberNoun``), the subject of the act
    with no word of their own but "the", act for the body of that class the text named last,
    in this paragraph or the one before ("sheriff's deputies", "Azerbaijani deputies" do not)."""
    if mention.agents:
        return
    for anchor in mention.anchors:
        verb = _verb_with_the_subject(anchor)
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            cls = r.lexicon.member_nouns.get(subject.lower_)
            if (
                cls is None
                or any(c.dep_ != "det" or c.lower_ != "the" for c in subject.children)
                or r.entity_of(subject) is not None
            ):
                continue
            window = lookback_start(r.doc, mention.sentence.index)
            before = offset(subject)
            bodies = [
                m
                for m in r.doc.mentions
                if window <= m.span.start < before
                and r.ontology.is_a(r.doc.entities[m.entity].cls, cls)
            ]
            if bodies:
                mention.agents = [max(bodies, key=lambda m: m.span.start).entity]
                return


def _the_writer(r: Resolver) -> str | None:
    """The person a text speaks as, by its title: the one person the first paragraph names
    ("Address of President ... Heydar Aliyev to the people of Azerbaijan", "Letter from
    Gareth Pryce MP"), else, when it names no one, the one the second names ("Statement by
    the Head of Mission, Ambassador William Walker", "Interview with Anahit S."). Whom the
    title addresses is no writer ("... to the Foreign Secretary Douglas Hurd": the last of
    "by", "from" and "to" before the name is "to"). None when that paragraph names no one,
    or several."""
    for paragraph in r.doc.paragraphs[:2]:
        named = [
            m
            for m in r.doc.mentions
            if paragraph.contains(m.span)
            and r.ontology.is_a(r.doc.entities[m.entity].cls, HG.Person)
        ]
        if not named:
            continue
        people = {
            m.entity for m in named if not _addressed(r.doc.text[paragraph.start : m.span.start])
        }
        return next(iter(people)) if len(people) == 1 else None
    return None


def _addressed(before: str) -> bool:
    """Whether a name in a title, after ``before``, is whom the text is addressed to."""
    markers = [w for w in before.lower().split() if w in {"by", "from", "to"}]
    return markers[-1:] == ["to"]


def _the_writer_as_i(r: Resolver, mention: EventMention, writer: str | None) -> None:
    """ "I strongly condemn this barbarism", "Every May I go to the cemetery": an act whose
    subject is "I" is the act of the person the text speaks as (:func:`_the_writer`)."""
    if mention.agents or writer is None:
        return
    for anchor in mention.anchors:
        verb = _verb_with_the_subject(anchor, purpose=True)
        if any(c.dep_ == "nsubj" and c.text == "I" for c in verb.children):
            mention.agents = [writer]
            return


@stage("events", requires=("sentences", "mentions", "times"), assigns=("events",))
def find_events(doc: Document, ctx: Context) -> None:
    """Find events from triggers, fill their roles, dates and places, and merge mentions."""
    resolver = Resolver(doc, ctx.ontology)
    merger = Merger(doc, ctx.ontology, resolver)
    mentions = resolver.mentions()
    by_sentence: dict[int, list[EventMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence.index, []).append(m)
    writer = _the_writer(resolver)
    for index, group in sorted(by_sentence.items()):
        resolver.assign_times_and_places(doc.sentences[index], group)
        resolver.date_by_anniversary(group)
        for m in group:
            resolver.describe(m, group)
            _typical_agent(resolver, m)
            _members_for_their_body(resolver, m)
            _the_writer_as_i(resolver, m, writer)
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


def _inherit_places(doc: Document, r: Resolver) -> None:
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
        if r.class_value(r.lexicon.argument_relations, event.cls) == HG.respondsTo:
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


def _link(doc: Document, r: Resolver) -> None:
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
            written = parse_date(doc.quote(time.span))
            year_given = written is not None and written.year is not None
            if b.date.value[5:] == time.value[5:] and (
                time.value[:4] == b.date.value[:4] or not year_given
            ):
                argument = r.class_value(r.lexicon.argument_relations, a.cls)
                if argument is not None and (argument, b.id) not in a.relations:
                    a.relations.append((argument, b.id))
                break  # the first event reported with that date
    for mention, anchor, days in r.counted_after:
        if mention.event is None or anchor.event is None:
            continue
        a, b = doc.canonical_event(mention.event), doc.canonical_event(anchor.event)
        if a.id == b.id or a.date is not None or b.date is None or len(b.date.value) != 10:
            continue
        moved = datetime.date.fromisoformat(b.date.value) + datetime.timedelta(days=days)
        a.date = TimeExpression(
            b.date.span, "date", moved.isoformat(), b.date.datatype, True, False, b.date.head
        )
    for mention, years in r.ordinals:
        if mention.event is None:
            continue
        a = doc.canonical_event(mention.event)
        if a.date is not None:
            continue
        for relation, target_id in a.relations:
            remembered = doc.canonical_event(target_id)
            if (
                relation == HG.commemorates
                and remembered.date is not None
                and len(remembered.date.value) == 10
            ):
                year = int(remembered.date.value[:4]) + years
                value = f"{year:04d}{remembered.date.value[4:]}"
                if doc.written is not None and value[:4] > doc.written.value[:4]:
                    break  # an anniversary is no later than the year of the text telling it
                a.date = TimeExpression(
                    remembered.date.span,
                    "date",
                    value,
                    remembered.date.datatype,
                    True,
                    False,
                    remembered.date.head,
                )
                break


def named_in_a_date(head: Token) -> bool:
    """ "the end of the Second World War", tagged as one date by the model: an event's
    proper name after "of" inside a date is that event named."""
    return (
        head.ent_type_ == "DATE"
        and head.pos_ == "PROPN"
        and head.text[:1].isupper()
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.ent_type_ == "DATE"
        # a name of several words ("the end of March" names a month)
        and any(c.dep_ in {"compound", "amod"} and c.text[:1].isupper() for c in head.lefts)
    )
