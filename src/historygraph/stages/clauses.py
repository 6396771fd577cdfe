"""Clause structure for the events stage: which clause a token is in, and what a clause
is about (its subject hidden in a date phrase, its destinations, its purpose).

Pure functions of spaCy's dependency parse; none reads the document or the ontology.
"""

from __future__ import annotations

from historygraph.stages.syntax import Token, of_objects


def coordinated_modifiers(token: Token) -> list[Token]:
    """ "the Soviet Army and Interior Ministry troops", "units of the Soviet Army and ...":
    the first conjunct of names coordinated before the head noun (of the phrase, or of its
    "of" object), each a body of its own."""
    heads = [token, *of_objects(token)]
    return [
        m
        for head in heads
        for m in head.children
        if m.dep_ in {"nmod", "compound"}
        and m.i < head.i
        and any(c.dep_ == "cc" for c in m.children)
        and any(c.dep_ == "conj" for c in m.children)
    ]


def destinations(verb: Token) -> list[Token]:
    """Where a verb goes or happens: its object and the objects of its prepositions
    ("visited the alley", "walked up to the alley", "gathered at the monument")."""
    result = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ == "prep":
            result += [c for c in prep.children if c.dep_ == "pobj"]
    return result


def names_a_site(name: str, sites: frozenset[str]) -> bool:
    """Whether a name has one of the site words as whole words ("Halabja Monument")."""
    words = " ".join(name.replace("\u2019", "'").split())
    padded = f" {words} "
    return any(f" {site} " in padded for site in sites)


#: Words that put a clause or phrase at another time than what it hangs on.
TIME_BOUNDS = frozenset({"after", "before", "since", "until"})
#: Nouns of a span of time that a "after/before" phrase can measure from ("the day after").
TIME_UNITS = frozenset({"day", "night", "morning", "evening", "week", "month", "year"})


def time_clause(token: Token) -> Token | None:
    """The head of the clause or phrase "after ...", "before ...", "since ..." or "until ..."
    that ``token`` is in, if any: it happened at another time than what it hangs on. A
    phrase counts when it measures from a span of time ("On 21 January, the day after the
    killings, ..."): where else it hangs is too often the model's guess."""
    while token.head.i != token.i:
        if token.dep_ in {"advcl", "conj"} and any(
            c.dep_ == "mark" and c.lower_ in TIME_BOUNDS for c in token.children
        ):
            return token  # (a clause the model conjoined keeps its mark: "a day after X ended")
        prep = token.head
        if (
            token.dep_ == "pobj"
            and prep.dep_ == "prep"
            and prep.lower_ in TIME_BOUNDS
            and prep.head.lemma_.lower() in TIME_UNITS
        ):
            return token
        token = token.head
    return None


def reported_clause(token: Token) -> Token | None:
    """The head of the reported clause ("said [the victims would be buried on Monday]") that
    ``token`` is in, if any: its dates and places are not those of events outside it."""
    found = None
    while token.head.i != token.i:
        if token.dep_ == "ccomp":
            found = token
        token = token.head
    return found


def clause_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` (itself excluded)."""
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return None


def within(token: Token | None, head: Token) -> bool:
    """Whether ``token`` is ``head`` or in its subtree."""
    while token is not None:
        if token.i == head.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to seize", "to commemorate")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def purpose_clause(verb: Token) -> bool:
    """Whether a verb heads an infinitive of purpose ("visited X to commemorate the victims"):
    what the main clause did is the event."""
    return (
        verb.pos_ == "VERB"
        and verb.dep_ in {"advcl", "xcomp"}
        and verb.head.pos_ == "VERB"
        and infinitive(verb)
    )


def prepositional(date: Token) -> bool:
    """Whether a date is the object of a preposition ("on 21 January"), also when the model
    took the subject after it into the phrase ("On 21 January Aliyev came")."""
    if date.dep_ == "pobj":
        return True
    head = date.head
    if date.dep_ in {"compound", "nummod"} and head.i > date.i:
        if head.dep_ == "pobj":
            return True
        # "On 23 August Yeltsin signed", parsed with the date inside the subject: the
        # preposition just before the date, left without an object
        first = min(t.i for t in date.subtree)
        before = date.doc[first - 1] if first > 0 else None
        return (
            before is not None
            and before.dep_ == "prep"
            and before.lower_ in {"on", "in", "by", "since", "until"}
            and not any(c.dep_ == "pobj" for c in before.children)
        )
    return False


def swallowed_subject(verb: Token) -> Token | None:
    """A subject the model took into a date phrase before a verb that has none: "in the
    early hours of 20 January units of the army entered", "On 21 January Aliyev came"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i or not temporal(prep):
            continue
        stack = [prep]
        while stack:
            for obj in stack.pop().children:
                if obj.dep_ != "pobj":
                    continue
                if obj.ent_type_ not in {"DATE", "TIME"} and any(
                    t.ent_type_ in {"DATE", "TIME"} for t in obj.lefts
                ):
                    return obj
                stack.extend(c for c in obj.children if c.dep_ == "prep")
    return None


def temporal(prep: Token) -> bool:
    """Whether a preposition's phrase holds a date ("On 21 January Heydar Aliyev", misparsed)."""
    return any(t.ent_type_ in {"DATE", "TIME"} for t in prep.subtree)


def dated_document(verb: Token) -> Token | None:
    """The document of ", dated 19 January, declaring ..." (", dated 19 January, which
    imposed ..."), where the model made "dated" a verb and hung the clause on it or its
    date: the noun before the comma, above its of-phrases ("a decree of the Presidium")."""
    dated = verb.head
    if verb.dep_ == "relcl" and dated.dep_ in {"npadvmod", "dobj"}:
        dated = dated.head
    elif verb.dep_ != "advcl":
        return None
    if dated.lower_ != "dated" or dated.i < 2 or dated.doc[dated.i - 1].text != ",":
        return None
    noun = dated.doc[dated.i - 2]
    while noun.dep_ == "compound" or (noun.dep_ == "pobj" and noun.head.lower_ == "of"):
        noun = noun.head if noun.dep_ == "compound" else noun.head.head
    return noun if noun.pos_ == "NOUN" else None
