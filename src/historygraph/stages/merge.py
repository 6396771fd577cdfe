"""Merging event mentions into events, and the dates context gives a mention.

The second half of the ``events`` stage (see :mod:`historygraph.stages.events`): a
mention joins an earlier event of its class when date, place and participants agree;
a mention with no date of its own takes its paragraph's or its heading's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rdflib import URIRef

from historygraph.document import Document, EventRecord, TimeExpression
from historygraph.namespaces import HG
from historygraph.ontology import Ontology
from historygraph.stages.clues import (
    aimed_description,
    counted_from_another_day,
    dates_compatible,
    has_subject,
    in_a_coordinate_clause,
    in_a_later_clause,
    more_precise,
    reported_apart,
)
from historygraph.stages.names import nationality_words
from historygraph.stages.syntax import (
    Token,
    is_indefinite,
    is_passive,
    lemma,
    token_span,
    tokens_span,
)
from historygraph.stages.times import dates_heading, in_future_clause, recurring
from historygraph.stages.triggers import EventMention

if TYPE_CHECKING:
    from historygraph.stages.events import Resolver


class Merger:
    """Turns described mentions into events, merging mentions of one event."""

    def __init__(self, doc: Document, ontology: Ontology, resolver: Resolver) -> None:
        self.doc = doc
        self.ontology = ontology
        self.entity_of = resolver.entity_of
        self.resolver = resolver

    def compatible(self, event: EventRecord, mention: EventMention) -> bool:
        # "The massacre provoked outrage across India": a referring noun's sentence-level
        # date or place belongs to the sentence's own event, so it does not tell events apart.
        loose = mention.refers
        if (not loose or mention.own_date) and not dates_compatible(event.date, mention.date):
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
                and counted_from_another_day(self.doc, d)
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
                    has_subject(mention)
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
        if (
            mention.date is not None
            and mention.kind == "strong"
            and self._done_in_writing(mention)
            and not _hung_on(mention.date.head, mention.head)
        ):
            # "The Ministry once again condemns the massacre of 2 February 1982", "the
            # Government pays tribute to the heroes of 1956": the date of writing, not a
            # date of what the statement is about
            mention.date = self.doc.written
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
                and not aimed_description(mention.head, nationality_words(self.ontology))
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
                and has_subject(mention)
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
                        not has_subject(mention)
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
                    and not in_a_later_clause(mention.head, t)
                    and not in_a_coordinate_clause(mention.head, t)
                    and not reported_apart(t.head, mention.head)
                    # ("would be buried on Monday, and they declared ...": a day to come
                    # dates only what is to come)
                    and (not in_future_clause(t.head) or in_future_clause(mention.head))
                ]
                if len(own) == 1:
                    mention.date = own[0]
                elif not mention.counted_from_event:  # ("Two days after the tragedy ...")
                    mention.date = _context_date(self.doc, mention)
                if mention.date is None and (
                    self._done_in_writing(mention) or self._remembered_when_written(mention)
                ):
                    mention.date = self.doc.written
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
            if not mention.own_date and not dates_compatible(event.date, mention.date):
                mention.date = None
            if not mention.own_place and event.place and mention.place != event.place:
                mention.place = None
        self.absorb(event, mention)

    def _done_in_writing(self, mention: EventMention) -> bool:
        """ "The Ministry strongly condemns ...", "The State Duma declares ...": a statement
        the text itself makes, in the present tense of its main clause, is made on the
        date of writing its dateline gives (a condemnation, declaration or decision, the
        classes whose object the lexicon relates to another event)."""
        head = mention.head
        return (
            self._told_by_a_dated_text(mention)
            and head.tag_ in {"VBZ", "VBP"}
            and (head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT"))
            and not any(c.dep_ == "aux" for c in head.children)
            and self._argument_relation(mention) is not None
        )

    def _remembered_when_written(self, mention: EventMention) -> bool:
        """ "BAKU, 20 January 2020 — ... President Ilham Aliyev laid a wreath at the Eternal
        Flame": an act of remembrance a dated report tells in the past tense, with no date of
        its own or of its paragraph, took place on the day the report was written (the
        classes whose events the lexicon relates to what they commemorate)."""
        head = mention.head
        if head.pos_ not in {"VERB", "AUX"}:
            # "marked the 30th anniversary", "a minute of silence was observed": the verb
            # the noun is the subject or object of
            head = head.head if head.dep_ in {"nsubj", "nsubjpass", "dobj"} else head
        return (
            self._told_by_a_dated_text(mention)
            and head.tag_ in {"VBD", "VBN"}
            and not any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in head.children)
            # (not a demand or a plan: "that the state of emergency be lifted", "to be held")
            and not any(
                c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VB", "MD", "TO"} for c in head.children
            )
            and self._argument_relation(mention) == HG.commemorates
        )

    def _told_by_a_dated_text(self, mention: EventMention) -> bool:
        """Whether the text has a date of writing and tells the mention in its own voice
        (not in a quotation), as a single act (not one that recurs every year)."""
        return (
            self.doc.written is not None
            and not any(q.contains(mention.span) for q in self.doc.quotes)
            and not recurring(mention.sentence.parsed)
        )

    def _argument_relation(self, mention: EventMention) -> URIRef | None:
        """The relation the lexicon gives the mention's class to the event it is about
        (``hg:respondsTo``, ``hg:commemorates``), if any."""
        return self.resolver.class_value(self.resolver.lexicon.argument_relations, mention.cls)

    @staticmethod
    def absorb(event: EventRecord, mention: EventMention) -> None:
        """Add what a mention tells of an event to the event: its evidence, names, the more
        precise date, the place if none yet, agents and affected (no entity both)."""
        if mention.evidence is not None and not any(
            e.contains(mention.evidence) for e in event.evidence
        ):  # "a state of emergency" inside "the declaration of a state of emergency": no news
            event.evidence.append(mention.evidence)
        event.triggers.append(mention.span)
        for name in mention.names:
            if name not in event.names:
                event.names.append(name)
        event.date = more_precise(event.date, mention.date)
        event.duration = event.duration or mention.duration
        event.place = event.place or mention.place
        for a in mention.agents:
            # (one the event already befell is not its doer too: "the workers were shot ...
            # the workers had attacked", merged into one event, leaves them affected)
            if a not in event.agents and a not in event.affected:
                event.agents.append(a)
        for a in mention.affected:
            if a not in event.affected and a not in event.agents:
                event.affected.append(a)


def _hung_on(date: Token, verb: Token) -> bool:
    """Whether a date modifies the verb itself ("condemns today", "on 3 May declares")."""
    return date.head.i == verb.i or (date.head.dep_ == "prep" and date.head.head.i == verb.i)


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
