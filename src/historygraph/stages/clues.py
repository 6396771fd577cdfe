"""Word classes and syntactic clues the ``events`` stage reads an act's roles, date and place by.

Small predicates over the dependency parse ("is this verb negated?", "is this date
the end of a span of time?", "is this place where a report was given?"), shared by
:mod:`historygraph.stages.events` and :mod:`historygraph.stages.merge`.
"""

from __future__ import annotations

from datetime import date

from historygraph.document import Document, Span, TimeExpression
from historygraph.ontology import compact
from historygraph.stages.clauses import (
    clause_verb,
    within,
)
from historygraph.stages.syntax import (
    Token,
    is_passive,
    lemma,
    of_objects,
    offset,
)
from historygraph.stages.triggers import EventMention

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
#: Nouns for an act one issues: "declared by a decree of X", "by order of X": X did it.
ISSUED_ACTS = frozenset(
    {"decree", "order", "edict", "ukase", "directive", "proclamation", "resolution", "ruling"}
)
#: Verbs of coming somewhere: "came to X and condemned": the act was at X.
MOTION_VERBS = frozenset({"come", "go", "arrive", "travel", "hurry", "rush"})
#: Singular nouns for a part of a body: "a unit of the army" acts for the army.
PARTITIVE_NOUNS = frozenset({"unit", "member", "detachment", "contingent", "delegation"})
#: Nouns of a run of acts: "a series of rallies", "a campaign of extermination".
SERIES_NOUNS = frozenset(
    {"series", "wave", "spate", "string", "chain", "round", "succession", "campaign"}
)
#: Adverbs that make a locative phrase an aside about someone ("X, then in Poland, ...").
ASIDE_ADVERBS = frozenset({"then", "now", "still", "currently"})
#: Verbs that give an event a name: "known as X", "entered history as X".
NAMING_VERBS = frozenset({"know", "enter", "become", "call", "name", "remember", "go"})
ARGUMENT_PREPS = frozenset({"of", "against", "for", "on", "about", "over", "after", "to"})
#: Number words that head a counted phrase ("thousands of people", "tens of thousands").
COUNT_NOUNS = frozenset({"ten", "dozen", "hundred", "thousand", "million"})


def counted_people(phrase: Token, people_nouns: frozenset[str]) -> Token | None:
    """The "people" of a phrase that gives people only as a count ("about 2,000 people",
    "tens of thousands of people", "a quarter of a million people"), or None ("the
    people", "our people", "people across the country" name no count)."""
    if lemma(phrase) in people_nouns:
        counted = any(c.dep_ in {"nummod", "quantmod"} for c in phrase.children)
        return phrase if counted else None
    if phrase.like_num or phrase.pos_ == "NUM" or lemma(phrase) in COUNT_NOUNS:
        for obj in of_objects(phrase):
            if lemma(obj) in people_nouns:
                return obj
            found = counted_people(obj, people_nouns)
            if found is not None:
                return found
    return None


def aimed_objects(verb: Token) -> list[Token]:
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
ANYONE = frozenset({"anyone", "anybody", "everyone", "everybody", "whoever"})

#: Subjects that say nobody did it or had it done to them.
_NOBODY = frozenset({"nobody", "noone", "none"})


def is_negated(head: Token) -> bool:
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


def state_of_a_place(verb: Token) -> bool:
    """ "the Alley of Martyrs, where the victims are buried", "the cemetery, where they were
    buried side by side": a passive in a relative clause on where it is describes the
    place; the event is the one the sentence tells (the funeral that went there)."""
    return (
        verb.dep_ == "relcl"
        and is_passive(verb)
        and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)
    )


def anti_a_people(noun: Token, peoples: frozenset[str]) -> Token | None:
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


def aimed_description(noun: Token, peoples: frozenset[str]) -> bool:
    """ "a week of anti-Armenian violence": a noun without a determiner that says whom it
    was aimed at describes an event of its own, it does not refer back to one."""
    return not any(c.dep_ in {"det", "poss"} for c in noun.children) and (
        anti_a_people(noun, peoples) is not None
    )


def verdicts_of(verb: Token) -> list[Token]:
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


def called_by(noun: Token) -> set[str]:
    """The words a verdict noun may match: its lemma, and with its modifier ("war crime")."""
    words = {lemma(noun), noun.lower_}
    words.update(
        f"{c.lower_} {lemma(noun)}" for c in noun.children if c.dep_ in {"compound", "amod"}
    )
    return words


def where_reported(token: Token, mention: EventMention, report_verbs: frozenset[str]) -> bool:
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


def in_speaker(token: Token, mention: EventMention) -> bool:
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


def named_day(token: Token) -> Token | None:
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


def has_subject(mention: EventMention) -> bool:
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


def dates_mention(date: Token, head: Token) -> bool:
    """Whether a date is the event's own: in its phrase, or in the clause it is the subject of.

    "The ceasefire took effect on 12 May": the ceasefire's date. "On 10 April 2019 the
    minister said the massacre was a scar": the saying's date, not the massacre's.
    """
    if within(date, head):
        return True
    verb = clause_verb(date)
    return head.dep_ in {"nsubj", "nsubjpass"} and verb is not None and verb.i == head.head.i


def mention_root(token: Token, span: Span) -> Token:
    """The head of the mention ``span`` that starts at ``token``: its highest token inside."""
    root = token
    while root.head.i != root.i and span.start <= offset(root.head) < span.end:
        root = root.head
    return root


def locative_object(token: Token) -> Token | None:
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


def same_quote(doc: Document, a: Span, b: Span) -> bool:
    """Whether two spans are inside one quotation of the document."""
    return any(q.contains(a) and q.contains(b) for q in doc.quotes)


def dates_compatible(a: TimeExpression | None, b: TimeExpression | None) -> bool:
    """Whether two dates may be one event's: one contains the other, or they are days next
    to each other ("the night of 19 to 20 January", "late on 19 January ... on 20 January")."""
    if a is None or b is None:
        return True
    if a.value.startswith(b.value) or b.value.startswith(a.value):
        return True
    return _next_days(a.value, b.value)


def in_a_source_phrase(token: Token) -> bool:
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


def accused_agent(verb: Token) -> Token | None:
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


def ends_at(head: Token) -> bool:
    """Whether a date is the end of a span of time ("until 19 January", "lasted till May")."""
    return head.dep_ == "pobj" and head.head.lower_ in {"until", "till"}


def in_a_later_clause(head: Token, time: TimeExpression) -> bool:
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


def in_a_coordinate_clause(head: Token, time: TimeExpression) -> bool:
    """Whether a date is told in a clause joined to the word's by "and" ("the war had
    passed it by, and the armed men had left the village by early April")."""
    verb = clause_verb(time.head)
    return verb is not None and verb.dep_ == "conj" and not within(head, verb)


def reported_apart(date: Token, head: Token) -> bool:
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
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves"})

#: Words that set a clause before or after another time.
_SEQUENCE_WORDS = frozenset({"after", "before", "since", "until"})


def counted_from_another_day(doc: Document, time: TimeExpression) -> bool:
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


def more_precise(a: TimeExpression | None, b: TimeExpression | None) -> TimeExpression | None:
    """The more precise of two dates (a day before a month before a year); either if one."""
    if a is None:
        return b
    if b is None:
        return a
    return b if len(b.value) > len(a.value) else a


def series_of(noun: Token) -> bool:
    """Whether ``noun`` is what a run of acts is of ("a series of rallies", "a wave of
    strikes"): the phrase stands for the acts."""
    of = noun.head
    return (
        noun.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.pos_ == "NOUN"
        and lemma(of.head) in SERIES_NOUNS
    )
