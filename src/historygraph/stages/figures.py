"""Stage ``figures``: reported numbers (killed, wounded, ...) with their bounds.

A figure is a measure trigger from the lexicon ("killed", "went missing")
plus the number its subject or object carries ("more than 100 civilians",
"hundreds"). The bound comes from the lexicon's cues ("more than" -> at least)
and vague quantities ("hundreds" -> at least 200). The figure belongs to the
event whose trigger it shares, else the nearest event of its sentence, else the
last event of its paragraph.
"""

from __future__ import annotations

import calendar
import re

from rdflib import URIRef

from historygraph.document import Document, EventRecord, FigureRecord, Sentence, Span
from historygraph.namespaces import HG
from historygraph.ontology import Lexicon, Ontology, words_of
from historygraph.pipeline import Context, stage
from historygraph.stages.numbers import parse_number
from historygraph.stages.syntax import (
    Token,
    char_offset,
    first_conjunct,
    is_passive,
    lemma,
    of_objects,
    of_phrase,
    offset,
    split_verb_object,
    token_span,
    tokens_span,
    tree_distance,
)
from historygraph.stages.times import RANGE_SEPARATOR

ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
#: Words before a number that stress it without bounding it: "acknowledged only 83 deaths".
FOCUS_WORDS = frozenset({"only", "just", "merely"})
#: Nouns that hold a reported number: "gave a figure of 21", "cited a total of 90".
FIGURE_NOUNS = frozenset({"figure", "total", "number", "estimate", "count", "toll", "tally"})
#: Named entity types of numbers that are never a count of people.
_NOT_COUNTS = frozenset({"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def first_words(ontology: Ontology) -> tuple[int, frozenset[str]]:
    """The longest measure trigger (in words) and the words a trigger can start with.

    Built once per ontology (kept with it: a module dict keyed by ``id()`` could
    hand a later ontology the index of an earlier one that reused its id).
    """
    return ontology.derived("figures.first_words", _make_first_words)


def measure_words(ontology: Ontology, measure: URIRef) -> frozenset[str]:
    """The one-word triggers of a measure ("kill", "murder", "dead" for hg:Killed)."""
    table = ontology.derived("figures.measure_words", _make_measure_words)
    return table.get(measure, frozenset())


def _make_measure_words(ontology: Ontology) -> dict[URIRef, frozenset[str]]:
    words: dict[URIRef, set[str]] = {}
    for key, measure in ontology.lexicon.measure_triggers.items():
        if len(key) == 1:
            words.setdefault(measure, set()).add(key[0])
    return {m: frozenset(w) for m, w in words.items()}


def _make_first_words(ontology: Ontology) -> tuple[int, frozenset[str]]:
    triggers = ontology.lexicon.measure_triggers
    return max((len(k) for k in triggers), default=1), frozenset(k[0] for k in triggers if k)


def _measure_triggers(sentence: Sentence, ontology: Ontology) -> list[tuple[Token, URIRef, Span]]:
    tokens = list(sentence.parsed)
    lemmas = [lemma(t) for t in tokens]
    lowers = [t.lower_ for t in tokens]
    n, firsts = first_words(ontology)
    triggers = ontology.lexicon.measure_triggers
    found = []
    i = 0
    while i < len(tokens):
        if lemmas[i] not in firsts and lowers[i] not in firsts:
            i += 1  # no trigger starts with this word
            continue
        for j in range(min(len(tokens), i + n), i, -1):
            # by lemmas, by text, or lemmas then the last word as written ("went missing")
            keys = (tuple(lemmas[i:j]), tuple(lowers[i:j]), (*lemmas[i : j - 1], lowers[j - 1]))
            measure = next((triggers[k] for k in keys if k in triggers), None)
            if measure is not None:
                window = tokens[i:j]
                head = window[0] if window[0].pos_ in {"VERB", "AUX"} else window[-1]
                found.append((head, measure, tokens_span(window[0], window[-1])))
                i = j - 1
                break
        i += 1
    # "lost their lives": a verb and its object with words between them ("lose life")
    for verb in tokens:
        hit = None if any(verb.i == t.i for t, _, _ in found) else split_verb_object(verb, triggers)
        if hit is not None:
            found.append((verb, hit[1], tokens_span(verb, hit[0])))
    # "the death toll": one trigger, the modifier's ("toll" alone counts the dead too)
    heads = {t.i for t, _, _ in found}
    return [
        entry
        for entry in found
        if not any(
            c.dep_ in {"compound", "amod", "acl"} and c.i in heads for c in entry[0].children
        )  # ("106 prisoners wounded": the participle's)
    ]


def _is_quantity(token: Token, lexicon: Lexicon) -> bool:
    if len(token.text) > 1 and token.text.isdigit() and token.text[0] == "0":
        return False  # "at 0900": a time of day, no count
    vague = (token.lower_,) in lexicon.vague_quantities
    if _in_a_date(token) and not (vague and token.dep_ in {"nsubj", "nsubjpass", "dobj"}):
        # "On 20 January 1990 Soviet troops killed": a day, not 20 dead ("over several days
        # dozens were killed", tagged as one date, still counts dozens)
        return False
    if _a_rate(token):
        return False
    return token.like_num or token.pos_ == "NUM" or token.ent_type_ == "CARDINAL" or vague


def _a_rate(token: Token) -> bool:
    """Whether a number states a rate, no count: "100 hostages to be shot for every German
    soldier killed and 50 for every one wounded" (an order's ratio, not a toll)."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].lower_ in {"every", "each", "per"}:
        return True
    if _a_share(token):
        return True
    sent_end = token.sent.end
    for i in range(token.i + 1, min(sent_end - 1, token.i + 8)):
        if doc[i].is_punct or doc[i].lower_ in {"and", "but", "while"}:
            return False
        if doc[i].lower_ == "for" and doc[i + 1].lower_ in {"every", "each"}:
            return True
    return False


def _a_share(token: Token) -> bool:
    """Whether a number is one end of a share, no count: "one in three inhabitants", "one
    out of every ten" (and "three" there)."""
    doc = token.doc
    if token.lower_ in {"one", "1"} and token.i + 2 < len(doc):
        after = doc[token.i + 1 : token.i + 5]
        words = [t.lower_ for t in after]
        whole = next((t for t in after if t.like_num), None)
        if (words[:1] == ["in"] or words[:2] == ["out", "of"]) and whole is not None:
            return whole.ent_type_ not in {"DATE", "TIME"}  # ("one in 1990": a year)
    before = doc[max(0, token.i - 4) : token.i]
    return any(t.lower_ in {"one", "1"} and _a_share(t) for t in before)


def _in_a_date(token: Token) -> bool:
    """Whether a number is part of a date, a time, an ordinal, a percentage or a sum.

    The model also tags some ranges as dates ("Between 40 and 60 people"): a date
    entity counts only if it names a month, a weekday or a unit of time.
    """
    if token.ent_type_ not in _NOT_COUNTS:
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if token.ent_type_ in {"MONEY", "PERCENT", "QUANTITY"}:
        # a sum or a measure has its sign or unit ("$5 million", "40 per cent", "3 km");
        # "put the toll at no more than 200", tagged as money, has none
        return ent is None or any(
            t.tag_ in {"$", "SYM", "NN", "NNS", "NNP"} or t.text == "%" for t in ent
        )
    if token.ent_type_ not in {"DATE", "TIME"}:
        return True
    words = {t.lower_ for t in ent} if ent is not None else set()
    # "in memory of the 1990 killings": a year the model tagged as one
    year = _YEAR.match(token.text) is not None and sum(t.like_num for t in ent or ()) == 1
    if year:
        return True
    head = token.head
    if (
        ent is not None
        and token.i == ent.end - 1
        and token.dep_ == "nummod"
        and not ent.start <= head.i < ent.end
        and head.pos_ == "NOUN"
        and head.lower_ not in _DATE_WORDS
        and any(t.lower_ in _DATE_WORDS for t in ent[:-1])
        and any(t.like_num for t in ent[:-1])
    ):
        # "On 12 May nine people were killed": the model ran the count into a whole date
        return False
    return bool(words & _DATE_WORDS)


_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")


#: Words that make a date entity a date (and not a range of counts the model mistagged).
_DATE_WORDS = frozenset(
    {m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:]}
    | {d.lower() for d in calendar.day_name}
    | {"year", "years", "day", "days", "month", "months", "week", "weeks", "century", "night"}
)


def _number_token(noun: Token, lexicon: Lexicon) -> Token | None:
    if _is_quantity(noun, lexicon):
        # "26 of them Armenians" after a total is a part of it; "thousands of them were
        # killed" is a count of its own verb
        # ("sentenced 13 of them to prison": the object of a verb is its own count too)
        own = (
            noun.dep_ in {"nsubj", "nsubjpass", "dobj"} and noun.head.pos_ in {"VERB", "AUX"}
        ) or _range_on_a_verb(noun)
        return None if _part_of_them(noun) and not own else noun
    if _listed_after_a_total(noun):
        return None
    # the number nearest the noun ("37 dead and 106 prisoners wounded", where the model hung
    # both numbers on "prisoners")
    for child in sorted(noun.children, key=lambda c: abs(noun.i - c.i)):
        if (
            child.dep_ in {"nummod", "quantmod"}
            or (child.dep_ == "advmod" and child.like_num)  # ("reported 476 dead")
            # "Thirteen farmers were killed": a number opening the sentence, capitalised and
            # parsed as a name before the noun
            or (child.dep_ == "compound" and child.ent_type_ == "CARDINAL" and child.like_num)
        ) and _is_quantity(child, lexicon):
            return None if _part_of_them(child) else child
    # "a total of 9,904 persons were detained", "killed a group of more than 200 men",
    # "claimed the lives of more than 90 Armenians"
    if lemma(noun) in {"total", "number", "group", "life"}:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                counted = [c for c in prep.children if c.dep_ == "pobj"]
                if counted and counted[0].lemma_ != noun.lemma_:
                    return _number_token(counted[0], lexicon)
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and _is_quantity(prep.head, lexicon):
        return prep.head  # "between 30 and 40 of the country's soldiers had died"
    doc = noun.doc
    if (
        noun.i >= 2
        and doc[noun.i - 1].lower_ == "more"
        and _is_quantity(doc[noun.i - 2], lexicon)
        and not doc[noun.i - 2].is_sent_start
    ):
        return doc[noun.i - 2]  # "at least eight more people were killed", misparsed
    before = doc[noun.i - 1] if noun.i > 0 else None
    if (
        before is not None
        and before.ent_type_ == "CARDINAL"
        and before.head.i != noun.i
        and before.head.ent_type_ == "DATE"
        and _is_quantity(before, lexicon)
    ):
        return before  # "On 12 August ten people were killed": "ten" parsed into the date
    return None


def _objects_of(head: Token, prepositions: set[str]) -> list[Token]:
    """The objects of ``head``'s prepositions among ``prepositions`` ("at 500")."""
    return [
        c
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in prepositions
        for c in prep.children
        if c.dep_ == "pobj"
    ]


#: Verbs that give a count "at" a number ("put the dead at 500", "estimated the toll at").
_PUTTING_VERBS = frozenset({"put", "place", "estimate"})


def _a_part_the_verb_counts(noun: Token, trigger: Token, trigger_ids: set[int]) -> bool:
    """ "One of the wounded, John Johnston, died": the part counts what its verb says
    (one dead), not the word it is a part of (one wounded)."""
    if noun.i != trigger.i or trigger.dep_ != "pobj" or trigger.head.lower_ != "of":
        return False
    return trigger.head.head.head.i in trigger_ids


def _subject_of_another_measure(
    noun: Token, trigger: Token, measures: dict[int, URIRef], measure: URIRef
) -> bool:
    """ "Between 30 and 40 hostages died": counted people a measure word names (hostages:
    imprisoned) whose verb tells another measure (died) count what the verb says."""
    if trigger.pos_ != "NOUN" or not (
        noun.i == trigger.i or any(a.i == trigger.i for a in noun.ancestors)
    ):
        return False  # (the noun itself, or a number of its phrase: "Five hostages")
    child = trigger  # up to the verb the noun is (in) the subject of
    while child.head.i != child.i and child.head.pos_ not in {"VERB", "AUX"}:
        child = child.head
    verb = child.head
    if verb.i == child.i:
        return False
    subject = child.dep_ in {"nsubj", "nsubjpass"} or (
        # ("Between 30 and 40 hostages died": the model may hang the count on "between")
        child.dep_ == "prep" and child.lower_ == "between" and child.i < verb.i
    )
    if measures.get(verb.i, measure) != measure:
        # ("the troopers killed 29 inmates and 10 hostages": its object too)
        return subject or child.dep_ == "dobj"
    # "Up to 5,200 prisoners took part in the disorder": people held already, doing
    # something, are a count of a population, not of people the events imprisoned
    return (
        measure == HG.Imprisoned
        and child.i == trigger.i
        and child.dep_ == "nsubj"
        and verb.pos_ == "VERB"
        and verb.i not in measures
    )


def _range_on_a_verb(number: Token) -> bool:
    """ "Between 40 and 50 of them died", parsed as a prepositional phrase of the verb: the
    range is the verb's own count."""
    prep = number.head
    return (
        number.dep_ == "pobj"
        and prep.lower_ == "between"
        and prep.head.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "conj" and c.like_num for c in number.children)
    )


def _part_of_them(number: Token) -> bool:
    """ "26 of them": a part of the total before it, not a count of the next trigger."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(c.lower_ in {"them", "whom"} for c in prep.children)
        for prep in number.children
    )


def _listed_after_a_total(noun: Token) -> bool:
    """ "killed, among them eight women and ten children, and about 180 were wounded": a
    part of the total before it, even where the model made it the next verb's subject."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "among"
        and prep.i < noun.i
        and any(c.lower_ in {"them", "whom"} for c in prep.children)
        for prep in noun.children
    )


def _preceding_noun(trigger: Token) -> list[Token]:
    """Fallback for a misparsed subject ("744 people were wounded"): the noun just before,
    or a counted noun before an aside ("147 civilians, among them women and children, were
    killed"), in the same clause."""
    for i in range(trigger.i - 1, max(trigger.sent.start, trigger.i - 6) - 1, -1):
        token = trigger.doc[i]
        if token.pos_ in {"AUX", "ADV", "PART"}:
            continue
        if token.pos_ in {"NOUN", "PROPN", "NUM"}:
            return [token]
        break
    before = trigger.doc[max(trigger.sent.start, trigger.i - 2) : trigger.i]
    if not any(t.text == "," for t in before):
        return []  # no aside ends right before the verb ("..., were killed")
    for i in range(trigger.i - 1, max(trigger.sent.start, trigger.i - 16) - 1, -1):
        token = trigger.doc[i]
        if token.pos_ == "VERB":
            break  # another clause
        if token.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "nummod" for c in token.children):
            return [token]
    return []


def _arguments(trigger: Token, measure: URIRef | None = None) -> list[Token]:
    """The nouns that may carry the count of a measure trigger."""
    result = [c for c in trigger.children if c.dep_ in ARGUMENT_DEPS]
    # "59 were killed, three of them children, and 144 have been wounded", where the model
    # made the last part the subject and the count its conjunct
    result += [
        c
        for a in list(result)
        if a.dep_ in {"nsubj", "nsubjpass"} and a.pos_ == "NOUN"
        for c in a.conjuncts
        if c.like_num and c.i > a.i
    ]
    # "The others, 82 boys and girls, were murdered": the count is on a description of the
    # subject set off by commas (the model makes it an apposition or a conjunct)
    result += [
        c
        for a in list(result)
        if a.dep_ in {"nsubj", "nsubjpass"} and a.i + 1 < len(a.doc) and a.doc[a.i + 1].text == ","
        for c in a.children
        if c.i > a.i
        and (c.dep_ == "appos" or c.dep_ == "conj")
        and any(n.dep_ == "nummod" for n in c.children)
    ]
    # "that between 80 and 150 people were killed", where the model made "between" the
    # subject and the counted noun its object
    result += [
        obj for c in result if c.lower_ == "between" for obj in c.children if obj.dep_ == "pobj"
    ]
    # "killed between 48 and 90 people", "Between 40 and 50 of them died", where the model
    # took "between" for a preposition
    result += [
        c
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for c in prep.children
        if c.dep_ == "pobj" and (c.pos_ in {"NOUN", "PROPN"} or c.like_num)
    ]
    if trigger.dep_ == "relcl":  # "the 12 people who were shot dead": the count is on "people"
        result = [trigger.head if c.tag_ in {"WP", "WDT"} else c for c in result]
    if (
        trigger.dep_ == "acl"
        and trigger.tag_ == "VBN"
        and _only_its_noun_between(trigger)
        and any(c.dep_ == "nummod" for c in trigger.head.children)
    ):
        # "spoke of about 1,000 'terrorists' killed", "lists 238 natives of Gubadli killed"
        result.append(trigger.head)
    if trigger.dep_ in {"pcomp", "pobj", "acomp"} and trigger.head.lower_ == "as":
        # "105 others were still listed as missing", "listed 105 people as dead"
        verb = trigger.head.head
        result += [c for c in verb.children if c.dep_ in ARGUMENT_DEPS]
    if trigger.pos_ == "VERB" and all(_listed_after_a_total(c) for c in result):
        # (or its subject is a part listed after a total: "..., among them 106 women and 63
        # children, and more than 50 people were wounded", where the model made "women" it)
        result += _preceding_noun(trigger)
    verb = trigger.head.head
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "among" and verb.pos_ in {"AUX", "VERB"}:
        # "among the dead were 10 civilians": the count is on what the verb says they were
        result += [c for c in verb.children if c.dep_ in {"attr", "nsubj", "nsubjpass"}]
    if (trigger.pos_ in {"ADJ", "NOUN"} or trigger.dep_ in {"oprd", "acomp"}) and trigger.dep_ in {
        "acomp",
        "oprd",
        "xcomp",
        "attr",
        "amod",
    }:
        head = trigger.head
        if trigger.dep_ == "amod":
            result.append(head)
        result += [c for c in head.children if c.dep_ in ARGUMENT_DEPS and c.i != trigger.i]
        # "Between 30 and 40 workers are unaccounted for", where the model made "between" a
        # preposition of the verb and the counted noun its object
        result += [
            c
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "between" and prep.i < trigger.i
            for c in prep.children
            if c.dep_ == "pobj" and c.pos_ == "NOUN"
        ]
        if trigger.dep_ == "oprd":  # "put the Azerbaijani dead at around 500"
            result += _objects_of(head, {"at", "as"})
    if trigger.dep_ in {"advcl", "xcomp", "ccomp"} and lemma(trigger.head) in _PUTTING_VERBS:
        # "have put their own military dead at more than 3,700", the model's clause
        result += _objects_of(trigger.head, {"at"})
    if trigger.pos_ in {"ADJ", "NOUN"} and any(
        c.dep_ == "nummod" or (c.dep_ == "advmod" and c.like_num) for c in trigger.children
    ):
        result.append(trigger)  # "gave 83 dead among civilians": the trigger is counted itself
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
        # "the names of more than 4,700 of the dead" ("hundreds of dead thrown into the
        # river", "400 of the injured", where the model took the word for an adverb or a verb)
        result.append(trigger)
    if trigger.pos_ in {"ADJ", "NOUN"} and trigger.dep_ == "conj" and trigger.head.like_num:
        result.append(trigger.head)  # "spoke of between 83 and 93 dead" (parsed as a list)
    before = trigger.doc[trigger.i - 1] if trigger.i > trigger.sent.start else None
    if (
        (trigger.pos_ in {"ADJ", "NOUN"} or trigger.tag_ == "VBN")
        and before is not None
        and before.like_num
    ):
        # "speak of up to 250 dead", "379 dead and around 1,200 wounded": the number right
        # before the word counts it first, however the model parsed the two
        result.insert(0, before)
    if trigger.pos_ == "NOUN":
        result.append(trigger)
        result += of_objects(trigger)
        # "200 people were treated for (burns and) wounds": the count is on the verb's subject
        first = first_conjunct(trigger)
        if first.dep_ == "dobj" and lemma(first.head) in {"suffer", "sustain", "receive", "get"}:
            # "more than 700 people suffered injuries": the count is on who suffered them
            # ("about eighty others got prison terms")
            result += [c for c in first.head.children if c.dep_ == "nsubj"]
        # ("sentenced 13 of them to prison terms"; not "sentenced to death")
        # ("over 1,000 Tibetans are now in custody", "were taken into detention")
        preps = {"for", "with", "from"} | (
            {"to", "in", "into"} if measure == HG.Imprisoned else set()
        )
        if measure == HG.Killed:
            preps.discard("for")  # "tried three officers for the killings": the accused
        if first.dep_ == "pobj" and first.head.lower_ in preps:
            verb = first.head.head
            while verb.dep_ == "prep" and verb.head.i != verb.i:
                verb = verb.head  # "sentenced 13 of them, including the leader, to prison"
            if verb.pos_ == "VERB" or (verb.lemma_ == "be" and first.head.lower_ == "in"):
                # (or its object: "had treated 11 people with gunshot wounds")
                result += [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    # "put the dead at no fewer than 120", "put the number of wounded at about 100"
    holder = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ == "NOUN":
        holder = trigger.head.head
    elif trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN":
        holder = trigger.head  # "put the civilian death toll at 83"
    elif trigger.dep_ == "acl" and lemma(trigger.head) in _COUNT_NOUNS:
        holder = trigger.head  # "the number killed may range from 300 to 500"
    if (
        holder.dep_ in {"nsubj", "nsubjpass"}
        and (holder.pos_ == "NOUN" or any(c.dep_ == "det" for c in holder.children))
        and holder.head.pos_ == "VERB"
    ):
        # "the toll later rose to 21", "the death toll stood at 131", "the toll reached 90",
        # "the wounded numbered 253" (a participle used as a noun)
        verb = holder.head
        result += [c for c in verb.children if c.dep_ == "dobj" and c.like_num]
        result += _counts_set_by(verb)
    if (
        holder.dep_ == "nsubj"
        and holder.pos_ == "NOUN"
        and holder.head.lemma_ == "be"
        and (holder is not trigger or lemma(holder) in _COUNT_NOUNS | {"toll"})
    ):
        # "the death toll was 131", "the number of dead was 7,000"
        result += [c for c in holder.head.children if c.dep_ == "attr" and c.like_num]
    if holder.dep_ == "nsubjpass" and lemma(holder.head) in _GIVING_VERBS:
        # "the number of dead was given as 7,000", "the toll was put at 83"
        result += _objects_of(holder.head, {"as", "at"})
    if holder.dep_ == "dobj" and (holder is not trigger or trigger.pos_ in {"NOUN", "ADJ"}):
        verb = holder.head
        # "put the toll at 83", "give the death toll as fourteen", "put the toll as high as
        # 18,000" (the model hangs "as 18,000" on "high"), "place the toll between 200 and 300"
        set_by = [
            *verb.children,
            *(p for a in verb.children if a.dep_ == "advmod" for p in a.children),
        ]
        set_by += [p for p in holder.children if p.lower_ == "between"]
        for prep in set_by:
            if prep.dep_ == "prep" and prep.lower_ in {"at", "as", "between"}:
                result += [c for c in prep.children if c.dep_ == "pobj"]
    if (
        not result
        and trigger.pos_ == "VERB"
        and trigger.dep_ == "conj"
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in trigger.children)
    ):
        # "About 40 people were beaten and killed", "some 200 of them were beaten, shot and
        # thrown into a grave": a verb listed after a passive one, with no count of its own,
        # shares its subject ("50 soldiers stormed it and killed ..." counts the killers)
        first = first_conjunct(trigger)
        if first.pos_ == "VERB":
            # ("more than 660 people had surrendered or been detained": a passive verb
            # listed after an active one shares its subject too)
            subjects = {"nsubjpass", "nsubj"} if is_passive(trigger) else {"nsubjpass"}
            result += [c for c in first.children if c.dep_ in subjects]
    return result


def _only_its_noun_between(participle: Token) -> bool:
    """Whether only quotes and the words of its own noun's phrase stand between a
    participle and the noun it follows ("1,000 'terrorists' killed", "238 natives of
    Gubadli killed")."""
    phrase = {t.i for t in participle.head.subtree}
    return all(
        t.is_quote or (t.i in phrase and t.dep_ != "punct")
        for t in participle.doc[participle.head.i + 1 : participle.i]
    )


#: Verbs of a count that grew: "the toll rose to 21", "it later climbed to 218".
_RISE_VERBS = frozenset({"rise", "climb", "reach", "grow", "increase", "jump", "stand"})


#: Verbs whose passive tells a count changed: "the figure was later raised to 218".
_RAISE_VERBS = frozenset({"raise", "revise", "increase", "correct", "put"})

#: Verbs whose passive gives a count: "the number of dead was given as 7,000".
_GIVING_VERBS = frozenset({"give", "put", "estimate", "set", "place", "report", "record"})

#: Nouns by which a sentence refers back to a count it gave: "later raised the figure to 16".
_COUNT_NOUNS = frozenset({"figure", "number", "total", "count", "tally", "estimate"})


def _risen_counts(trigger: Token, trigger_ids: set[int]) -> list[Token]:
    """ "gave a toll of at least 170 dead; it later rose to 218": the later count of a
    toll a pronoun refers back to, after the one the trigger's phrase gives; "reported 14
    dead and later raised the figure to 16": a later verb sets the count it refers to."""
    result = []
    for verb in trigger.sent:
        if verb.i <= trigger.i or verb.pos_ != "VERB":
            continue
        # (the figure referred to is the last one given before the verb)
        refers = not any(trigger.i < i < verb.i for i in trigger_ids) and any(
            c.dep_ == "dobj"
            and lemma(c) in _COUNT_NOUNS
            and any(d.dep_ in {"det", "poss"} for d in c.children)
            and not any(d.dep_ in {"nummod", "compound", "amod"} for d in c.children)
            and of_phrase(c) is None
            for c in verb.children
        )
        risen = (
            trigger.pos_ == "NOUN"
            and lemma(verb) in _RISE_VERBS
            and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children)
        )
        if not (refers or risen):
            continue
        result += _counts_set_by(verb)
    return result


def _risen_clause(sentence: Sentence) -> list[Token]:
    """ "it later rose to 15", "the figure was later raised to 218", "other groups put the
    number at 10,000 to 25,000": the other count a clause with no measure word of its own
    gives of the count before it."""
    result = []
    for verb in sentence.parsed:
        if verb.pos_ != "VERB" or verb.dep_ not in {"ROOT", "conj"}:
            continue
        if any(c.dep_ == "dobj" and lemma(c) in _COUNT_NOUNS for c in verb.children):
            result += _counts_set_by(verb)
            continue
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or not (
            subject.lower_ in {"it", "this"} or lemma(subject) in _COUNT_NOUNS
        ):
            continue
        passive = subject.dep_ == "nsubjpass"
        if lemma(verb) not in (_RAISE_VERBS if passive else _RISE_VERBS):
            continue
        result += _counts_set_by(verb)
    return result


def _counts_set_by(verb: Token) -> list[Token]:
    """The numbers a verb of change sets a count to: "rose to 218", "put it at 15", "may
    range from 300 to 500", "lies between 40 and 60" (the range's low end: its phrase reads
    both)."""
    return [
        c
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in {"to", "at", "from", "between"}
        for c in prep.children
        if c.dep_ == "pobj" and c.like_num
    ]


def _number_phrase(token: Token, lexicon: Lexicon | None = None) -> list[Token]:
    """The tokens of the number: its CARDINAL entity, or the token itself, and the rest of
    a range it ends ("between about 80 and [120]": with the lexicon, a hedge inside)."""
    doc = token.doc
    for ent in doc.ents:
        if ent.label_ == "CARDINAL" and ent.start <= token.i < ent.end:
            # the words the model left out of its entity: "[A] dozen people", "[Half a] dozen"
            start = ent.start
            while (
                start > 0
                and doc[start - 1].dep_ == "quantmod"
                and doc[start - 1].lower_ in {"a", "an", "half"}  # (not "handed over 44")
                and ent.start <= doc[start - 1].head.i < ent.end
            ):
                start -= 1
            if start < token.i and _about_a_topic(doc[start], lexicon):
                start += 1  # "rumours [about dozens] of dead": "about" of the rumours, no hedge
            end = ent.end
            while end - 1 > ent.start and doc[end - 1].lower_ in {"or", "and"}:
                end -= 1  # "[About 200 or] so people": the number, and "or so" after it
            # "[between 175] and [400]", "from [300] to [500]", "[three] or [four]": a range
            # the model cut in two
            outside = start > 0 and doc[start - 1].lower_ in {"between", "from"}
            opened = doc[ent.start].lower_ in {"between", "from"} or outside
            if (
                end + 1 < len(doc)
                and doc[end + 1].like_num
                and (
                    (opened and doc[end].lower_ in {"and", "to"})
                    or (doc[end].lower_ == "or" and end == token.i + 1)
                )
            ):
                end += 2
                if outside and doc[end - 2].lower_ != "or":
                    start -= 1
            low = _range_start(doc[start], lexicon)
            if low is not None:
                start = low  # "three or [four]", "[3] to [5]" from the range's high end
            return list(doc[start:end])
    # a range the model took for a date ("Between 40 and 60 people")
    subtree = list(token.subtree)
    if len(subtree) > 1 and all(t.like_num or t.lower_ in _RANGE_WORDS for t in subtree):
        return subtree
    # "between 30 and 40 of the soldiers": the range's words around the number
    first, last = token.i, token.i
    low = _range_start(token, lexicon)
    if low is not None:
        first = low  # "counts between thirty and forty injured", from the range's high end
    while first > 0 and doc[first - 1].lower_ in {"between", "from"}:
        first -= 1
    while (
        last + 2 < len(doc)
        and doc[last + 1].lower_ in _RANGE_WORDS - {"between", "from"}
        and doc[last + 2].like_num
    ):
        last += 2
    if last > token.i or first < token.i:
        return list(doc[first : last + 1])
    return [token]


def _range_start(high: Token, lexicon: Lexicon | None) -> int | None:
    """Where a range whose high end is ``high`` starts, if it is one: "[3] to [5]", "three
    or [four]", "between (about) 80 and [120]" ("and" only after "between")."""
    doc = high.doc
    joint = high.i - 1
    if joint < 1 or doc[joint].lower_ not in _RANGE_WORDS | {"or"} - {"between", "from"}:
        return None
    if not doc[joint - 1].like_num:
        return None
    start = joint - 1
    for cue in _hedges(lexicon) if lexicon else ():
        if tuple(t.lower_ for t in doc[max(0, start - len(cue)) : start]) == cue:
            start -= len(cue)  # "between about 80 and 120"
            break
    opened = start > 0 and doc[start - 1].lower_ in {"between", "from"}
    if doc[joint].lower_ == "and" and not opened:
        return None  # "12 soldiers and 3 civilians", "[14] and [18] January"
    return start - 1 if opened else start


#: The words that join the ends of a range.
_RANGE_WORDS = frozenset({"between", "from", "and", "to", "-", "\u2013", "\u2014"})


def read_quantity(words: list[str], lexicon: Lexicon) -> tuple[int, URIRef] | None:
    """Count and bound of a number phrase such as ["more", "than", "100"].

    Bound cues are matched at the start; vague quantities ("hundreds") anywhere.
    """
    bound = HG.Exact
    rest = [w.lower() for w in words]
    while len(rest) > 1 and rest[0] in FOCUS_WORDS:
        rest = rest[1:]  # "only 83 deaths": exactly 83
    for cue, cue_bound in sorted(lexicon.bound_cues.items(), key=lambda kv: -len(kv[0])):
        if tuple(rest[: len(cue)]) == cue and len(rest) > len(cue):
            bound, rest = cue_bound, rest[len(cue) :]
            break
    key = words_of(" ".join(rest))
    if key in lexicon.vague_quantities:
        count, vague_bound = lexicon.vague_quantities[key]
        return count, vague_bound if bound == HG.Exact else bound
    number = parse_number(" ".join(rest))
    if number is None:
        return None
    return number, bound


#: The low end of a range just before a number: "between 3,200 and ", "from 20 to ".
_RANGE_BEFORE = re.compile(rf"\b(?:[Bb]etween|[Ff]rom)\s+[\d][\d,.]*\s*{RANGE_SEPARATOR}\s*$")
#: A range of two numbers: "between 300 and 500", "from 20 to 30", "300-500", "14 to 20".
_RANGE = re.compile(
    rf"^(?:between\s+|from\s+)?(?P<low>[\d,.]+|[a-z-]+)\s*(?:{RANGE_SEPARATOR}|or)\s*"
    r"(?P<high>[\d,.]+(?:\s+(?:hundred|thousand|million))?|[a-z-]+)$"
)


def read_range(words: list[str]) -> list[tuple[int, URIRef]] | None:
    """A range's two ends as figures: its low end at least, its high end at most.

    >>> [c for c, _ in read_range(["between", "300", "and", "500"])]
    [300, 500]
    """
    match = _RANGE.match(" ".join(w.lower() for w in words))
    if match is None:
        return None
    low, high = parse_number(match.group("low")), parse_number(match.group("high"))
    if low is None or high is None or not 0 < low < high:
        return None
    return [(low, HG.AtLeast), (high, HG.AtMost)]


def _cue_before(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """Tokens just before the number that form a bound cue ("at least" outside the entity)."""
    first = tokens[0]
    for size in (3, 2, 1):
        if first.i - size < first.sent.start:
            continue
        before = list(first.doc[first.i - size : first.i])
        if size == 1 and (before[0].dep_ == "prt" or before[0].tag_ == "RP"):
            continue  # "handed over 44 detainees": the verb's particle, no bound
        if size == 1 and _about_a_topic(before[0], lexicon):
            continue  # "rumours about dozens of dead": what the rumours are about, no bound
        if tuple(t.lower_ for t in before) in lexicon.bound_cues:
            return before
        if size == 1 and (lemma(before[0]),) in lexicon.bound_cues:
            return before  # "may have exceeded 150": a verb's lemma
    return []


def _about_a_topic(token: Token, lexicon: Lexicon | None) -> bool:
    """ "about" as a preposition ("rumours about 300 dead", "spread about dozens of dead"),
    not a hedge on the number: after a noun, or before a word such as "dozens"."""
    if token.lower_ != "about" or token.dep_ != "prep" or token.head.i > token.i:
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    vague = (
        following is not None
        and lexicon is not None
        and (following.lower_,) in lexicon.vague_quantities
    )
    return token.head.pos_ == "NOUN" or vague


def _cue_words(cue: list[Token], lexicon: Lexicon) -> list[str]:
    """The words of a cue as the lexicon lists it: as written ("up to"), or a verb's lemma
    ("exceeded" -> "exceed")."""
    words = [t.lower_ for t in cue]
    if cue and tuple(words) not in lexicon.bound_cues:
        return [lemma(t) for t in cue]
    return words


#: Words after a number that bound it: "15 or more", "100 or fewer", "200 or so".
_BOUND_AFTER = {"more": HG.AtLeast, "fewer": HG.AtMost, "less": HG.AtMost, "so": HG.Approximate}


def _bound_after(phrase: list[Token], trigger: Token | None = None) -> Token | None:
    """The word of the bound "or more" (and the like) right after a number, or after the
    number and the trigger word it counts ("a thousand dead and more"), if any."""
    last = phrase[-1]
    doc = last.doc
    i = last.i + 1
    if trigger is not None and 0 < trigger.i - last.i <= 3:
        i = trigger.i + 1  # ("ten thousand Muslim dead or more")
    if i + 1 >= len(doc) or doc[i + 1].lower_ not in _BOUND_AFTER:
        return None
    if doc[i].lower_ == "or":
        return doc[i + 1]
    ends = i + 2 >= len(doc) or doc[i + 2].is_punct or doc[i + 2].lower_ in {"and", "or"}
    if doc[i].lower_ == "and" and ends:
        return doc[i + 1]  # ("and more than 30 wounded": a cue of the next count)
    return None


def _event_of_the_clause(trigger: Token, mentions: list[tuple[Token, int]]) -> int | None:
    """The event whose verb a participle of consequence hangs on, if the trigger is one.

    "A missile struck the block, killing ten people and wounding 30": the counts are
    the strike's, not those of a killing of their own.
    """
    verb = first_conjunct(trigger)
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "xcomp"}:
        return None
    return next((event_id for head, event_id in mentions if head.i == verb.head.i), None)


def killing_classes(ontology: Ontology) -> frozenset[URIRef]:
    """Event classes a one-word trigger of the killed measure tells ("kill", "massacre")."""
    return ontology.derived("figures.killing_classes", _make_killing_classes)


def _make_killing_classes(ontology: Ontology) -> frozenset[URIRef]:
    killed = measure_words(ontology, HG.Killed)
    lexicon = ontology.lexicon
    return frozenset(
        cls
        for key, cls in [*lexicon.event_triggers.items(), *lexicon.weak_triggers.items()]
        if len(key) == 1 and key[0] in killed
    )


#: Measures of people a killing leaves dead or missing.
_TOLLS_OF_A_KILLING = frozenset({HG.Killed, HG.Missing})


def _event_for(
    doc: Document,
    sentence: Sentence,
    trigger: Token,
    words: frozenset[str] = frozenset(),
    ontology: Ontology | None = None,
    measure: URIRef | None = None,
) -> int | None:
    """The event a count in ``sentence`` (at the measure word ``trigger``) belongs to.

    An event of the sentence (the one its measure word tells, or the one whose verb a
    participle of consequence hangs on: "struck the block, killing ten people"), else
    one told before it: in this or the previous
    paragraph, then anywhere; one told with a word of the measure (``words``) first,
    then, for the dead and the missing (``measure``), a killing.
    Told before, an event that answers or commemorates another (a class with an
    ``hg:argumentRelation``: a condemnation, a decree, a commemoration) counts no
    victims of its own.
    """
    mentions = doc.event_mentions.get(sentence.index, [])
    governing = _event_of_the_clause(trigger, mentions)
    if governing is not None:
        return governing
    for head, event_id in mentions:
        if head.i == trigger.i:
            return event_id
    if mentions:
        head, event_id = min(
            mentions, key=lambda m: (tree_distance(trigger, m[0]), abs(m[0].i - trigger.i))
        )
        return event_id

    def can_have_victims(e: EventRecord) -> bool:
        if ontology is None:
            return True
        relations = ontology.lexicon.argument_relations
        return not any(c in relations for c in ontology.superclasses(e.cls))

    earlier = [
        e  # a candidate event ("gangs murdered Armenians") too: the figure confirms it
        for e in doc.events
        if e.merged_into is None
        and can_have_victims(e)
        and sentence.paragraph - 1 <= e.paragraph <= sentence.paragraph
        and e.evidence
        and min(s.start for s in e.evidence) < sentence.span.start
    ]
    # "gangs murdered ... troops entered the city. 32 people died": the count goes to the
    # event told with a word of its measure, if there is one, else to the latest event
    told = [e for e in earlier if any(_words_at(doc, t) & words for t in e.triggers)]
    if told:
        return told[-1].id
    if ontology is not None and measure in _TOLLS_OF_A_KILLING:
        # "Soldiers opened fire on the crowd ... troops held the city. 83 dead": a toll of
        # the dead or missing belongs to the killing told just before, not to what followed
        killing = [e for e in earlier if e.cls in killing_classes(ontology)]
        if killing:
            return killing[-1].id
    if earlier:
        return earlier[-1].id
    # a paragraph of figures on their own ("Moscow reported about 200 wounded"): the
    # latest event told before it with a word of the measure, else the latest event
    told_before = [
        e
        for e in doc.events
        if e.merged_into is None
        and can_have_victims(e)
        and e.evidence
        and min(s.start for s in e.evidence) < sentence.span.start
    ]
    # a confirmed event, or else a candidate the figure confirms ("soldiers fired into
    # the windows ... The commission put the number of dead at 93")
    before = [e for e in told_before if not e.provisional] or told_before
    told = [e for e in before if any(_words_at(doc, t) & words for t in e.triggers)]
    if told:
        return told[-1].id
    return before[-1].id if before else None


def _words_at(doc: Document, span: Span) -> set[str]:
    """The lower-case words and lemmas of a trigger span."""
    sentence = doc.sentence_at(span.start)
    return {
        w
        for t in sentence.parsed
        if span.start <= offset(t) < span.end
        for w in (t.lower_, lemma(t))
    }


#: Words that introduce the parts of a total: "613 killed, among them 106 women and 63 children",
#: and a colon: "the killing of 73 civilians: 54 men, 16 women and three children".
_SUBSET = re.compile(r",?\s*(?:(?:among them|among whom|of them|of whom|including)\s+|:\s*)")
#: What a part "in" or "on" is when it is no part of its own: "two of them in critical
#: condition", "44 of them on charges of terrorism".
_STATE_OBJECTS = frozenset({"condition", "state", "charge", "danger", "coma"})
#: A part named after a total, number first: "32 people died, 26 of them Armenians".
_PART_OF = re.compile(r",\s*(?P<n>[\w,.-]+(?:\s[\w,.-]+){0,2}?)\s+of\s+(?:them|whom)\s+")


#: A sentence that counts a part of the count before it: "Of these, 719 are civilians".
_SUBSET_SENTENCE = re.compile(r"(?:Of|Among)\s+(?:these|them|those|whom)\s*,?\s*")


def _subset_sentence(
    doc: Document, sentence: Sentence, lexicon: Lexicon
) -> list[tuple[Span, tuple[int, URIRef]]]:
    """ "Of these, 719 are civilians, among them 71 children": the part the sentence counts
    (its number and the noun after the verb), then the parts listed after it."""
    intro = _SUBSET_SENTENCE.match(doc.text, sentence.span.start)
    if intro is None:
        return []
    tokens = [t for t in sentence.parsed if offset(t) >= intro.end()]
    j = 0
    while j < len(tokens) and j < 3 and not _is_quantity(tokens[j], lexicon):
        j += 1
    if j >= len(tokens) or not _is_quantity(tokens[j], lexicon):
        return []
    cue = tokens[:j]
    if cue and tuple(t.lower_ for t in cue) not in lexicon.bound_cues:
        return []
    phrase = [t for t in _number_phrase(tokens[j]) if t.i >= tokens[j].i]
    quantity = read_quantity([t.text for t in cue + phrase], lexicon)
    if quantity is None:
        return []
    span = Span(offset((cue or phrase)[0]), token_span(phrase[-1]).end)
    more = _more_parts(tokens, span.end, lexicon) or _parts(doc, sentence, span.end, lexicon)
    return [(span, quantity), *more]


def _more_parts(
    tokens: list[Token], after: int, lexicon: Lexicon
) -> list[tuple[Span, tuple[int, URIRef]]]:
    """The further parts of a sentence of parts: "Of these, 19 were officers and 206 were
    civilians" (after "19 were officers": "206")."""
    parts = []
    for i, token in enumerate(tokens):
        if offset(token) < after or token.lower_ not in {"and", ","}:
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 3 and not _is_quantity(tokens[j], lexicon):
            j += 1
        if j >= len(tokens) or not _is_quantity(tokens[j], lexicon):
            continue
        cue = tokens[i + 1 : j]
        if cue and tuple(t.lower_ for t in cue) not in lexicon.bound_cues:
            continue
        phrase = [t for t in _number_phrase(tokens[j]) if t.i >= tokens[j].i]
        k = j + len(phrase)
        if k >= len(tokens) or tokens[k].lower_ not in {"were", "are", "was", "is"}:
            continue
        quantity = read_quantity([t.text for t in cue + phrase], lexicon)
        if quantity is not None:
            parts.append((Span(offset((cue or phrase)[0]), token_span(phrase[-1]).end), quantity))
    return parts


def _figure_at(
    noun: Token,
    trigger: Token,
    trigger_span: Span,
    lexicon: Lexicon,
) -> list[tuple[Span, tuple[int, URIRef], int]]:
    """Evidence span, (count, bound) and a key (the number's offset) of ``noun``'s count.

    A range ("between 300 and 500 people") gives two: its low end at least and
    its high end at most (whose evidence starts at its own number).
    """
    number = _number_token(noun, lexicon)
    if number is None:
        return []
    phrase = _number_phrase(number, lexicon)
    cue = _cue_before(phrase, lexicon)
    before = phrase[0].doc[phrase[0].i - 1] if phrase[0].i > 0 else None
    if not cue and before is not None and before.lower_ == "not":
        # "not more than fifty", where the model took "more than fifty" alone
        negated = read_quantity([before.text, *(t.text for t in phrase)], lexicon)
        if negated is not None and negated != read_quantity([t.text for t in phrase], lexicon):
            cue = [before]
    first = min(offset((cue or phrase)[0]), offset(trigger))
    end = max(token_span(phrase[-1]).end, trigger_span.end, token_span(noun).end)
    words = [*_cue_words(cue, lexicon), *(t.text for t in phrase)]
    low_key = offset(phrase[0])
    para = phrase[0].doc.text
    low = None if cue else _RANGE_BEFORE.search(para, max(0, phrase[0].idx - 40), phrase[0].idx)
    if low is not None:
        # "between 3,200 and 5,000 people", where the model split the range in two
        low_key = char_offset(phrase[0].doc, low.start())
        words = low.group(0).split() + words
        first = min(first, low_key)
    quantity = read_quantity(words, lexicon) if low is None else None
    after = (
        _bound_after(phrase, trigger) if quantity is not None and quantity[1] == HG.Exact else None
    )
    if quantity is not None and after is not None:
        # "put the number of injured at 15 or more", "a thousand dead and more"
        end = max(end, token_span(after).end)
        quantity = (quantity[0], _BOUND_AFTER[after.lower_])
    if quantity is not None:
        return [(Span(first, end), quantity, offset(phrase[0]))]
    ends = read_range(_unhedged(words, lexicon)) if not cue else None
    if ends is None:
        return []
    # the high end's evidence starts at its number: a figure is named by its evidence
    high = next((t for t in reversed(phrase) if t.like_num), phrase[-1])
    return [
        (Span(first, end), ends[0], low_key),
        (Span(offset(high), max(end, token_span(high).end)), ends[1], offset(high)),
    ]


def _unhedged(words: list[str], lexicon: Lexicon) -> list[str]:
    """A range's words without a hedge at its start: "between about 150 and 200", "about 80
    to 120" (both ends stay bounds of the range)."""
    opener = 1 if words and words[0].lower() in {"between", "from"} else 0
    rest = [w.lower() for w in words[opener:]]
    for cue in _hedges(lexicon):
        if tuple(rest[: len(cue)]) == cue:
            return [*words[:opener], *words[opener + len(cue) :]]
    return words


def _hedges(lexicon: Lexicon) -> list[tuple[str, ...]]:
    """The lexicon's cues of an approximate count ("about", "some"), longest first."""
    return sorted(
        (cue for cue, bound in lexicon.bound_cues.items() if bound == HG.Approximate),
        key=lambda cue: -len(cue),
    )


def _number_between(sentence: Sentence, start: int, end: int) -> bool:
    """Whether a number other than a date's stands between two offsets of a sentence
    ("killed since 10 March, about 80 of them": a date, no other count)."""
    return any(
        any(ch.isdigit() for ch in t.text) and t.ent_type_ not in {"DATE", "TIME"}
        for t in sentence.parsed
        if start <= offset(t) < end
    )


def _parts(
    doc: Document, sentence: Sentence, after: int, lexicon: Lexicon
) -> list[tuple[Span, tuple[int, URIRef]]]:
    """The counted parts listed after a total: ", among them 106 women and 63 children",
    ", 26 of them Armenians"."""
    part = _PART_OF.search(doc.text, after, sentence.span.end)
    if part is not None and _number_between(sentence, after, part.start()):
        part = None  # the part must follow its total, with no other number between
    if part is not None:
        quantity = read_quantity(part.group("n").split(), lexicon)
        following = [t for t in sentence.parsed if offset(t) >= part.end()]
        noun = next((t for t in following if t.pos_ in {"NOUN", "PROPN"}), None)
        if following and following[0].pos_ == "ADP":
            # "four of them at the scene", "about 80 of them in Lhasa", "48 of them with
            # firearms": a part, told where or how; "two of them in critical condition",
            # "44 of them on charges of terrorism": a state, no part named
            objects = [c for c in following[0].children if c.dep_ == "pobj"]
            noun = objects[0] if objects and lemma(objects[0]) not in _STATE_OBJECTS else None
        if quantity is not None and noun is not None:
            found = [(Span(part.start("n"), token_span(noun).end), quantity)]
            rest = [t for t in following if t.i > noun.i]
            if (
                len(rest) >= 3
                and rest[0].lower_ == "and"
                and _is_quantity(rest[1], lexicon)
                and rest[2].pos_ in {"ADJ", "NOUN", "PROPN"}
            ):
                # "36 dead, 26 of them Black and 10 white": the next part of the same total
                more = read_quantity([rest[1].text], lexicon)
                if more is not None:
                    found.append((Span(offset(rest[1]), token_span(rest[2]).end), more))
            return found
    intro = _SUBSET.search(doc.text, after, sentence.span.end)
    if intro is None or _number_between(sentence, after, intro.start()):
        return []  # the list must follow the total, with no other number between
    tokens = [t for t in sentence.parsed if offset(t) >= intro.end()]
    parts: list[tuple[Span, tuple[int, URIRef]]] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and j - i < 3 and not _is_quantity(tokens[j], lexicon):
            j += 1
        if j >= len(tokens) or not _is_quantity(tokens[j], lexicon):
            break
        cue = tokens[i:j]
        if cue and tuple(t.lower_ for t in cue) not in lexicon.bound_cues:
            break
        phrase = [t for t in _number_phrase(tokens[j]) if t.i >= tokens[j].i]
        k = j + len(phrase)
        while k + 1 < len(tokens) and tokens[k].pos_ == "ADJ":
            k += 1  # "70 elderly people"
        if k >= len(tokens) or tokens[k].pos_ not in {"NOUN", "PROPN"}:
            break
        if (
            k + 1 < len(tokens)
            and tokens[k + 1].pos_ in {"AUX", "VERB"}
            and not (tokens[k + 1].dep_ == "acl" and tokens[k + 1].head.i == tokens[k].i)
        ):
            break  # "..., and more than 50 people were wounded": the next clause's subject
        if tokens[k].dep_ in {"nsubj", "nsubjpass"} and parts:
            # "..., among them two children, and more than 50 people were wounded" (the first
            # part, right after "among them", is one whatever the model made of it)
            break
        quantity = read_quantity([t.text for t in cue + phrase], lexicon)
        if quantity is None:
            break
        parts.append((Span(offset((cue or phrase)[0]), token_span(tokens[k]).end), quantity))
        i = k + 1
        if i < len(tokens) and tokens[i].tag_ == "VBN" and tokens[i].head.i == tokens[k].i:
            # "eight elderly people aged between 90 and 100, two children": a description of
            # the part, up to the next comma, counts nothing
            while i < len(tokens) and tokens[i].text != ",":
                i += 1
        while i < len(tokens) and tokens[i].lower_ in {",", "and"}:
            i += 1
    return parts


def _elliptic(
    sentence: Sentence,
    reported: list[tuple[Token, URIRef, int]],
    seen: set[tuple[int, int]],
    lexicon: Lexicon,
    topic: URIRef | None = None,
) -> list[tuple[Span, tuple[int, URIRef], int, Token, URIRef, int]]:
    """Numbers a reporting verb gives without a measure of their own.

    "Rights groups say 300 were killed; an opposition party has claimed up to
    1,500": the bare number of "claimed" (a ``hg:reportVerb``) repeats the
    measure and event of the figure before it in the sentence, or of the last
    one of the measure the sentence is about (``topic``: "The number of deaths is
    disputed: officials gave 96 dead and 333 injured, others claimed 4,000").
    """
    if not reported or not lexicon.report_verbs:
        return []
    used = {key for key, _ in seen}
    result = []
    for token in sentence.parsed:
        if not _is_quantity(token, lexicon) or offset(_number_phrase(token)[0]) in used:
            continue
        if token.ent_type_ in _NOT_COUNTS:
            continue  # without a measure word of its own, a number in any date phrase is out
        gapped = _gapped_speaker(token)
        if gapped is not None:  # "Moscow reported about 200 wounded, Azerbaijani doctors
            verb, said = gapped  # more than 700": the second clause leaves out its verb
            if lemma(said) not in lexicon.report_verbs:
                continue
        else:
            if token.dep_ not in {"dobj", "pobj"}:
                continue
            own = {t.i for t in _number_phrase(token)}  # "as many as 18": a cue, not a noun
            if any(
                c.dep_ in {"prep", "amod", "compound"} and c.i not in own for c in token.children
            ):
                continue  # "300 of them", a number with a noun of its own
            verb = token.head
            if token.dep_ == "pobj" and verb.lower_ in {"to", "at", "of"}:
                verb = verb.head  # "claimed up to 1,500", "spoke of about 90"
            if verb.pos_ == "NOUN" and lemma(verb) in FIGURE_NOUNS and verb.dep_ == "dobj":
                verb = verb.head  # "gave a figure of 21"
            if verb.pos_ != "VERB" or lemma(verb) not in lexicon.report_verbs:
                continue
        earlier = [r for r in reported if r[0].i < token.i]
        if not earlier:
            continue
        on_topic = [r for r in earlier if r[1] == topic]
        trigger, measure, event_id = (on_topic or earlier)[-1]
        phrase = _number_phrase(token)
        cue = _cue_before(phrase, lexicon)  # "claimed up to 1,500"
        quantity = read_quantity([*_cue_words(cue, lexicon), *(t.text for t in phrase)], lexicon)
        if quantity is None:
            continue
        first = (cue or phrase)[0]
        span = Span(  # the verb is before the number, except in a garbled parse
            min(offset(verb), offset(first)), max(token_span(verb).end, token_span(phrase[-1]).end)
        )
        result.append((span, quantity, offset(phrase[0]), trigger, measure, event_id))
    return result


def _topic(triggers: list[tuple[Token, URIRef, Span]]) -> URIRef | None:
    """The measure a sentence is about: "The number of deaths is disputed: ...", "The death
    toll remains unclear: ..." (a figure noun of the measure's word, in the subject)."""
    for trigger, measure, _ in triggers:
        holder = trigger.head
        if trigger.dep_ == "pobj" and holder.lower_ == "of":
            holder = holder.head  # "the number of deaths"
        elif trigger.dep_ not in {"compound", "amod"}:
            continue  # "the death toll", "the dead count"
        if lemma(holder) in FIGURE_NOUNS and holder.dep_ in {"nsubj", "nsubjpass"}:
            return measure
    return None


def _gapped_speaker(number: Token) -> tuple[Token, Token] | None:
    """The speaker of a clause that leaves out its verb: "Baku counts 100 civilians killed,
    Armenian officials about 85 Karabakh civilians" (the parse hangs "officials" on
    "counts" and the count on "officials"). The speaker's first token and the verb the
    clause repeats, or None."""
    carrier = number.head if number.dep_ == "nummod" else number
    if carrier.dep_ != "appos":
        return None
    speaker = carrier.head
    if speaker.dep_ not in {"npadvmod", "conj"} or speaker.pos_ not in {"NOUN", "PROPN"}:
        return None
    verb = speaker.head
    if verb.pos_ != "VERB" or speaker.i < verb.i + 2:
        return None
    return next(iter(speaker.subtree)), verb


@stage("figures", requires=("sentences", "events"), assigns=("figures",))
def find_figures(doc: Document, ctx: Context) -> None:
    """Attach reported counts to events.

    A count's conjuncts share its measure ("about 200 civilians and several dozen
    soldiers had been killed"), and so do the parts listed after a total ("613
    people were killed, among them 106 women and 63 children").

    Last, with every count known, events told in general are left out
    (:func:`drop_events_told_in_general`).
    """
    lexicon = ctx.ontology.lexicon
    seen: set[tuple[int, int]] = set()
    numbered: set[tuple[int, URIRef]] = set()  # a number counts once per measure

    def add(
        event_id: int,
        measure: URIRef,
        span: Span,
        quantity: tuple[int, URIRef],
        key: tuple[int, int],
    ) -> None:
        if key in seen or (key[0], measure) in numbered:
            return  # ("put the toll at 379 people killed": one figure, two words for it)
        seen.add(key)
        numbered.add((key[0], measure))
        doc.figures.append(FigureRecord(event_id, measure, quantity[0], quantity[1], span))

    last: tuple[int, URIRef, int] | None = None  # event, measure, paragraph of the last figure
    told_before: list[tuple[Token, URIRef, int]] = []  # the last sentence's reported figures
    told_in = -1  # and its paragraph
    for sentence in doc.sentences:
        before = len(doc.figures)
        reported: list[tuple[Token, URIRef, int]] = []
        triggers = _measure_triggers(sentence, ctx.ontology)
        trigger_ids = {t.i for t, _, _ in triggers}
        measures = {t.i: m for t, m, _ in triggers}
        for trigger, measure, trigger_span in triggers:
            for noun in _arguments(trigger, measure):
                if _a_part_the_verb_counts(noun, trigger, trigger_ids):
                    continue
                if _subject_of_another_measure(noun, trigger, measures, measure):
                    continue
                found = _figure_at(noun, trigger, trigger_span, lexicon)
                if not found:
                    continue
                event_id = _event_for(
                    doc,
                    sentence,
                    trigger,
                    measure_words(ctx.ontology, measure),
                    ctx.ontology,
                    measure,
                )
                if event_id is None:
                    continue
                event = doc.canonical_event(event_id)
                event.provisional = False  # a reported figure confirms a candidate event
                for span, quantity, key in found:
                    add(event.id, measure, span, quantity, (key, offset(trigger)))
                reported.append((trigger, measure, event.id))
                for risen in _risen_counts(trigger, trigger_ids):
                    for more_span, more, key in _figure_at(risen, trigger, trigger_span, lexicon):
                        add(event.id, measure, more_span, more, (key, offset(trigger)))
                # "200 civilians and several dozen soldiers had been killed": the
                # conjuncts of the trigger's own argument share its measure
                counted = (
                    noun.head.i == trigger.i or (noun.dep_ == "pobj" and noun.head.lower_ == "at")
                ) and not any(  # "put the dead at 83 civilians and 14 servicemen"
                    c.dep_ == "acl" and c.i in trigger_ids for c in noun.children
                )  # "lost about 270 servicemen killed, 14 tanks ...": the participle says which
                for other in noun.conjuncts if counted else ():
                    own = trigger_ids & ({t.i for t in other.subtree} | {other.i + 1})
                    if own and not (
                        own == {other.i}
                        and _subject_of_another_measure(other, other, measures, measures[other.i])
                    ):
                        # "at 379 people killed and about 1,200 wounded": its own (not
                        # "killed 29 inmates and 10 hostages": hostages the verb counts)
                        continue
                    for more_span, more, key in _figure_at(other, trigger, trigger_span, lexicon):
                        add(event.id, measure, more_span, more, (key, offset(trigger)))
                # the parts follow the counted noun, before or after the verb ("At least 30
                # people, 16 of them police officers, were hurt")
                after = min(found[0][0].end, token_span(noun).end)
                for part_span, part in _parts(doc, sentence, after, lexicon):
                    add(event.id, measure, part_span, part, (part_span.start, offset(trigger)))
                break
        # "The coroner admits twelve dead. The Constitution says eighteen.": a bare number a
        # reporting verb gives repeats the last figure of its sentence or, when the sentence
        # reports none, of the sentence before in the paragraph, if that one counted one
        # measure only ("575 had died and 2,389 had been wounded. Others put it at 700": which?)
        told = reported or (
            told_before
            if told_in == sentence.paragraph and len({m for _, m, _ in told_before}) == 1
            else []
        )
        for span, quantity, key, trigger, measure, event_id in _elliptic(
            sentence, told, seen, lexicon, _topic(triggers)
        ):
            add(event_id, measure, span, quantity, (key, offset(trigger)))
        if reported:
            told_before, told_in = reported, sentence.paragraph
        if not reported and last is not None and last[2] == sentence.paragraph:
            # "3,890 ... registered as missing. Of these, 719 are civilians, among them
            # 71 children": a part of the count the sentence before gave
            for span, quantity in _subset_sentence(doc, sentence, lexicon):
                add(last[0], last[1], span, quantity, (span.start, span.start))
        if not reported and last is not None and last[2] == sentence.paragraph:
            # "Initial reports put the death toll at 13. It later rose to 15": the count
            # the sentence before gave, risen
            for number in _risen_clause(sentence):
                for span, quantity, key in _figure_at(number, number, token_span(number), lexicon):
                    add(last[0], last[1], span, quantity, (key, key))
        if len(doc.figures) > before:
            newest = doc.figures[-1]
            last = (newest.event, newest.measure, sentence.paragraph)
    drop_events_told_in_general(doc, ctx.ontology)


def drop_events_told_in_general(doc: Document, ontology: Ontology) -> None:
    """An event of a class marked ``hg:needsParticulars`` that the text gives no date, no
    place, no participant and no count ("military operations", "a massacre" said in general)
    is no event it reports: it is left out, unless another event refers to it or a name
    stands in its words."""
    marked = ontology.lexicon.need_particulars
    counted = {doc.canonical_event(f.event).id for f in doc.figures}
    referred = {
        doc.canonical_event(target).id for e in doc.live_events() for _, target in e.relations
    }
    for event in doc.live_events():
        if not any(ontology.is_a(event.cls, c) for c in marked):
            continue
        if event.date or event.place or event.agents or event.affected or event.relations:
            continue
        if event.id in counted or event.id in referred or event.names:
            continue
        if any(_NAME_INSIDE.search(doc.quote(span)) for span in event.evidence):
            continue  # "a lightning assault by Moldavia": a name the roles did not take
        event.provisional = True


#: A capitalised word after the first of a quote: a name the text gives the event.
_NAME_INSIDE = re.compile(r"(?<=\S)\s+[A-Z][a-z]")
