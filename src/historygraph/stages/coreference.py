"""Joining mentions into entities: aliases, anaphora, pronouns, name parts, one sense per name.

The second half of the ``entities`` stage (see :mod:`historygraph.stages.entities`):
after :mod:`historygraph.stages.mentions` has found the names, these functions
link the other ways a text refers to them ("the city", "he", "Gapon", "the Rada").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from rdflib import URIRef

from historygraph.document import Entity, Mention, Sentence, Span
from historygraph.namespaces import HG
from historygraph.ontology import GazetteerEntry, Ontology, compact
from historygraph.stages.clues import mention_root
from historygraph.stages.mentions import (
    EntityBuilder,
    after_untagged_date,
    class_of_phrase,
    of_a_known_place,
)
from historygraph.stages.names import (
    BY_NER,
    BY_WORD,
    INITIAL,
    QUANTIFIERS,
    SITE_PREPOSITIONS,
    capital_demonyms,
    declared_demonyms,
    demonyms,
    entity_key,
    fold_name,
    gazetteer_entries,
    lookback_start,
    nationality_words,
    normalise_label,
)
from historygraph.stages.numbers import ordinal_in_figures
from historygraph.stages.place_cues import COMPASS_WORDS, is_place
from historygraph.stages.syntax import (
    Token,
    count_words,
    definite_possessors,
    is_heading,
    lemma,
    noun_chunks,
    of_objects,
    of_phrase,
    offset,
    token_span,
)
from historygraph.stages.times import DATELINE_HEAD

_PAREN = re.compile(r"\s*\(\s*([A-Z][^()\n]{0,60}?)\s*\)")


def match_parenthesised_aliases(b: EntityBuilder) -> None:
    """ "Milli Majlis (Parliament)": a name in brackets after a mention is its alias."""
    for m in sorted(b.mentions, key=lambda m: m.span.start):
        found = _PAREN.match(b.doc.text, m.span.end)
        if found is None:
            continue
        span = Span(found.start(1), found.end(1))
        if _acronym_of_a_longer_name(b, m, found.group(1)):
            continue
        if _join_the_body_in_brackets(b, m, span, found.group(1)):
            continue
        if b.covered(span) is None and not any(ch.isdigit() for ch in found.group(1)):
            b.add(span, m.entity, "alias")
            named = b.doc.entities[m.entity]
            for key, other in list(b.doc.entities.items()):
                if (
                    key != m.entity
                    and other.gazetteer is None
                    and other.cls == named.cls
                    and fold_name(other.label) == fold_name(found.group(1))
                ):
                    _repoint(b, key, m.entity)  # "UNAMIR" elsewhere in the text: the same body


def _acronym(word: str) -> bool:
    """ "JNA", "RPA": a word of two or more capital letters alone."""
    return len(word) > 1 and word.isalpha() and word.isupper()


def _join_the_body_in_brackets(b: EntityBuilder, m: Mention, span: Span, alias: str) -> bool:
    """ "units of the Rwandan Patriotic Army (RPA)", where the model took "RPA" for a body of
    another kind than the army: the name in brackets is the same body, whatever kind the
    model gave it (both are bodies; a known body keeps its own entity)."""
    inside = b.covered(span)
    if inside is None or inside.span != span or inside.entity == m.entity:
        return False
    named, other = b.doc.entities[m.entity], b.doc.entities[inside.entity]
    if (
        other.gazetteer is not None
        or not b.ontology.is_a(named.cls, HG.Organization)
        or not b.ontology.is_a(other.cls, HG.Organization)
        or fold_name(other.label) != fold_name(alias)
    ):
        return False
    _repoint(b, inside.entity, m.entity)
    return True


def _acronym_of_a_longer_name(b: EntityBuilder, m: Mention, alias: str) -> bool:
    """ "the United Nations Assistance Mission for Rwanda (UNAMIR)": an acronym after a name
    that is the object of a preposition inside a longer proper name, and does not start
    with the name's initial, is the longer name's ("officers of the People's Commissariat
    for Internal Affairs (NKVD)": still the commissariat's)."""
    if not _acronym(alias):
        return False
    if alias[0] == b.doc.quote(m.span).lstrip()[:1].upper():
        return False
    root = _root_of(b, m)
    if root is None:
        return False
    owner = root.head.head  # "Mission" of "Mission for Rwanda"
    return root.dep_ == "pobj" and owner.pos_ == "PROPN" and owner.text[:1].isupper()


def _root_of(b: EntityBuilder, m: Mention) -> Token | None:
    """The head token of a mention in its sentence's parse (its highest token inside)."""
    last = [t for t in b.doc.sentence_at(m.span.start).parsed if offset(t) < m.span.end]
    return mention_root(last[-1], m.span) if last else None


#: The broad organisation class's own word: "the organisation" that no body named with it
#: answers is one the text leaves unnamed (a report's author: "the organisation's findings").
_ORGANISATION_WORDS = frozenset({"organisation", "organization"})


def has_number(entity: Entity, number: str) -> bool:
    """Whether an entity's label has the number ``number`` as a word of its own ("14th"
    in "14th Regiment", not in "114th Regiment")."""
    return number in entity.label.lower().split()


def names_with(entity: Entity, word: str) -> bool:
    """Whether ``word`` (a lemma) is a word of the entity's label or of one of its aliases
    ("guard" of "Ohio National Guardsmen" too)."""
    for name in (entity.label, *entity.aliases):
        words = {w.lower() for w in re.findall(r"\w+", name)}
        if word in words or f"{word}s" in words:
            return True
        if len(word) >= 4 and any(w.startswith(word) and w.endswith(("men", "man")) for w in words):
            return True
    return False


def match_generic_anaphora(b: EntityBuilder) -> None:
    """ "armed forces", "the parliament": the most recent entity of that class nearby."""
    for sent in b.doc.sentences:
        for chunk in [*noun_chunks(sent.parsed), *definite_possessors(sent.parsed)]:
            root = chunk.root
            cls = class_of_phrase(b, root, None)
            if cls is None or cls == HG.Group or not b.ontology.is_a(cls, HG.Organization):
                continue
            if any(
                t.pos_ == "PROPN" and t.ent_type_ not in {"DATE", "TIME"}
                for t in chunk
                if t.i != root.i
            ):
                continue  # a name ("Soviet troops"), not a date ("On 12 February troops")
            if any(
                t.ent_type_ == "NORP" or compact(t.text) in nationality_words(b.ontology)
                for t in chunk
                if t.i != root.i
            ):
                continue  # "the Iraqi regime" is no regime named before it ("Iranian ...")
            indefinite = any(t.dep_ == "det" and t.lower_ in {"a", "an"} for t in chunk)
            if indefinite and not _kind_of_body(b, chunk):
                continue
            if indefinite and root.dep_ == "attr":
                continue  # "The ICRC is a neutral humanitarian organisation": what it is
            if any(t.lower_ in QUANTIFIERS for t in chunk):
                continue  # "many foreign governments": several bodies, not one named before
            if root.tag_ == "NN" and not any(t.dep_ in {"det", "poss"} for t in chunk):
                continue  # a singular noun with no determiner is no body: "used excessive force"
            if of_phrase(root) is not None:
                continue  # relational use: "the leadership of X" names no force itself
            tokens = after_untagged_date(
                # ("the city's garrison": neither the possessor nor its "'s"; "2. The militia":
                # nor a list's number)
                [
                    t
                    for t in chunk
                    if (t.dep_ not in {"det", "poss", "case"} or t.i == root.i)
                    and not t.is_punct
                    and t.tag_ != "LS"
                ]
            )
            counted = count_words(root, dates=False)
            while len(tokens) > 1 and tokens[0].i in counted:
                tokens = tokens[1:]  # "recorded 3,825 dead soldiers": the count is no name
            span = Span(offset(tokens[0]), offset(tokens[-1]) + len(tokens[-1].text))
            if b.covered(span) is not None:
                continue
            window_start = lookback_start(b.doc, sent.index)
            # "the Soviet army and internal troops": a conjunct is never the referent
            beside = [Span(offset(c), offset(c) + len(c.text)) for c in root.conjuncts]
            # A head word of a narrower class ("the parliament": a legislature) finds its
            # referent by class. One of the broad organisation class ("the government",
            # "the party", "the authorities") must also be a word of the referent's name.
            word = lemma(root) if cls == HG.Organization else None
            # ("the regime" may be the leadership or the authorities named before)
            words: frozenset[str] = (
                b.lexicon.ruler_nouns
                if word in b.lexicon.ruler_nouns
                else frozenset({word} if word else ())
            )
            candidates = [
                m
                for m in b.mentions
                if window_start <= m.span.start < span.start
                and not any(m.span.overlaps(c) for c in beside)
                and b.ontology.is_a(b.doc.entities[m.entity].cls, cls)
                and (word is None or any(names_with(b.doc.entities[m.entity], w) for w in words))
            ]
            # "the army": the latest body of that class the text named with that word, if any
            named = [
                m
                for m in b.mentions
                if m.span.start < span.start
                and m.source != "anaphora"
                and not any(m.span.overlaps(c) for c in beside)
                and b.ontology.is_a(b.doc.entities[m.entity].cls, cls)
                and names_with(b.doc.entities[m.entity], lemma(root))
            ]
            number = next((t.lower_ for t in chunk if ordinal_in_figures(t.text)), None)
            if number is not None:
                # "the 14th Regiment": the unit of that number named before, or one of its own
                named = [m for m in named if has_number(b.doc.entities[m.entity], number)]
                candidates = [m for m in candidates if has_number(b.doc.entities[m.entity], number)]
            force = b.ontology.is_a(cls, HG.MilitaryForce)
            if force and not named and lemma(root) not in b.lexicon.generic_force_nouns:
                # "the police", "the Guard": a force of its own kind is not just any force
                # named before ("American troops"), unless a name has its word ("guardsmen")
                candidates = [
                    m for m in candidates if names_with(b.doc.entities[m.entity], lemma(root))
                ]
            if (
                force
                and not (named or candidates)
                and lemma(root) in b.lexicon.generic_force_nouns
                and root.dep_ == "nsubj"
                and number is None
            ):
                # "On 12 February troops opened fire": no force named nearby; the one the
                # text has named most before, if any (not "to send troops", any troops)
                earlier = [
                    m
                    for m in b.mentions
                    if m.span.start < span.start
                    and m.source != "anaphora"
                    and b.ontology.is_a(b.doc.entities[m.entity].cls, HG.MilitaryForce)
                ]
                if earlier:
                    _refer_to_most_named(b, span, earlier)
                    continue
            described = _name_described(b, root, cls)
            if described is not None:
                # "the Halcones, a paramilitary group that ...": the name's entity
                b.add(span, described.entity, "headword")
            elif (named or candidates) and not indefinite:
                antecedent = max(named or candidates, key=lambda m: m.span.start)
                b.add(span, antecedent.entity, "anaphora")
            elif not force and _kind_of_body(b, chunk):
                # "A state commission concluded", "the strike committee called": a body the
                # text names by its kind alone
                b.add(span, b.entity_for(cls, normalise_label(b.doc.quote(span))), "headword")
            elif b.ontology.is_a(cls, HG.MilitaryForce) and _definite_or_modified(chunk):
                # "the police opened fire", "local police": a force the text names no other way
                b.add(span, b.entity_for(cls, normalise_label(b.doc.quote(span))), "headword")
            elif word in _ORGANISATION_WORDS and len(tokens) == 1 and root.tag_ == "NN":
                # "This report summarises the organisation's findings": the author, unnamed
                b.add(span, b.entity_for(cls, normalise_label(b.doc.quote(span))), "headword")
            elif (
                (lemma(root) in b.lexicon.story_body_nouns or cls == HG.Legislature)
                and len(tokens) == 1
                and (root.tag_ == "NN" or (root.tag_ == "NNP" and root.text.istitle()))
                and any(t.dep_ == "det" and t.lower_ == "the" for t in chunk)
            ):
                # "The government put the dead at 187", "the commission found", "the
                # parliament voted": the body of the country or the inquiry the story is
                # about, which the text names no other way; in capitals too, as British
                # writing has it ("the Government announced")
                b.add(span, b.entity_for(cls, normalise_label(b.doc.quote(span))), "headword")


def _name_described(b: EntityBuilder, root: Token, cls: URIRef) -> Mention | None:
    """The mention of the proper name a phrase of class ``cls`` is in apposition to, if the
    name's entity is of that class or one it is in ("the Halcones, a paramilitary group")."""
    if root.dep_ != "appos" or root.head.i == root.i or root.head.pos_ != "PROPN":
        return None
    named = b.covered(token_span(root.head))
    if named is None:
        return None
    return named if _of_one_kind(b, b.doc.entities[named.entity].cls, cls) else None


def _of_one_kind(b: EntityBuilder, one: URIRef, other: URIRef) -> bool:
    """Whether one class is the other or one it is in (a description and a name of it)."""
    return b.ontology.is_a(one, other) or b.ontology.is_a(other, one)


#: Pronouns that refer to one person.
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})


def _named_before(
    b: EntityBuilder, start: int, span: Span, keep: Callable[[Mention], bool]
) -> list[Mention]:
    """The mentions from ``start`` up to ``span`` that ``keep`` accepts: what a pronoun or
    "the city" may refer back to."""
    return [m for m in b.mentions if start <= m.span.start < span.start and keep(m)]


def match_pronouns(b: EntityBuilder) -> None:
    """ "He condemned the pogroms": the person last named in this or the previous sentences.

    A pronoun's mention adds no alias: "He" is no name of the person.
    """
    for sent in b.doc.sentences:
        window_start = lookback_start(b.doc, sent.index)
        for token in sent.parsed:
            if token.lower_ not in PERSONAL_PRONOUNS or token.tag_ not in {"PRP", "PRP$"}:
                continue
            span = Span(offset(token), offset(token) + len(token.text))
            if b.covered(span) is not None:
                continue
            people = _named_before(
                b,
                window_start,
                span,
                lambda m: b.ontology.is_a(b.doc.entities[m.entity].cls, HG.Person),
            )
            if people:
                latest = max(people, key=lambda m: m.span.start)
                b.refer(span, latest.entity)
        _match_they(b, sent)


def _match_they(b: EntityBuilder, sent: Sentence) -> None:
    """ "Azerbaijani units advanced in two sectors. In the north they took several
    heights": "they", a subject, is the force or group that was the subject just before."""
    previous = b.doc.sentences[sent.index - 1] if sent.index > 0 else None
    for token in sent.parsed:
        if token.lower_ != "they" or token.dep_ != "nsubj":
            continue
        span = token_span(token)
        if b.covered(span) is not None:
            continue
        subjects = [
            m
            for m in b.mentions
            if (previous is not None and previous.span.start <= m.span.start)
            and m.span.start < span.start
            and (
                b.ontology.is_a(b.doc.entities[m.entity].cls, HG.MilitaryForce)
                or b.ontology.is_a(b.doc.entities[m.entity].cls, HG.Group)
            )
            and _is_subject_mention(b, m)
        ]
        if subjects:
            b.refer(span, max(subjects, key=lambda m: m.span.start).entity)


def _is_subject_mention(b: EntityBuilder, m: Mention) -> bool:
    """Whether a mention is the subject of its clause (its last word is an active subject)."""
    sentence = b.doc.sentence_at(m.span.start)
    last = next((t for t in sentence.parsed if token_span(t).end == m.span.end), None)
    return last is not None and last.dep_ == "nsubj"


def _kind_of_body(b: EntityBuilder, chunk: Token) -> bool:
    """Whether a singular noun phrase tells what kind of body it names by a common word
    before its head word: "a state commission", "the strike committee", "a military court"
    (not "the committee", "the new government": no kind; nor "a mass opposition movement",
    "a formal alliance": a loose body noun of the lexicon, ``hg:looseBodyNoun``)."""
    root = chunk.root
    # ("the ceasefire regime", "the passport regime": rules, not rulers)
    kinds = {"amod"} if root.lower_ == "regime" else {"amod", "compound"}
    return (
        root.tag_ == "NN"
        and lemma(root) not in b.lexicon.loose_body_nouns
        and any(
            t.head.i == root.i
            and t.i < root.i
            and t.is_lower
            and t.dep_ in kinds
            and t.pos_ == ("NOUN" if t.dep_ == "compound" else "ADJ")
            and t.lower_ not in _NO_KIND
            for t in chunk
        )
    )


#: Adjectives before a body's head word that tell no kind of body: "the new government".
_NO_KIND = frozenset(
    {"new", "old", "former", "same", "other", "whole", "entire", "first", "last", "next"}
    | {"present", "current", "then", "own", "interim", "provisional", "local", "central"}
    | {"only", "further", "single", "special"}
)


def _definite_or_modified(chunk: Token) -> bool:
    """Whether a noun phrase is definite ("the police") or has an adjective ("local police")."""
    root = chunk.root
    return any(
        (t.dep_ == "det" and t.lower_ == "the") or (t.dep_ == "amod" and t.head.i == root.i)
        for t in chunk
    )


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


def extend_by_place(b: EntityBuilder) -> None:
    """ "the Supreme Soviet of Armenia": a body's name goes on through "of" and a place.

    The model often ends the name before "of"; without the place, the bodies of
    two republics would be one entity. The place stays a mention of its own.
    """
    starts = {m.span.start: m for m in b.mentions}
    for m in list(b.mentions):
        ent = b.doc.entities[m.entity]
        if m.source != "ner" or ent.gazetteer is not None:
            continue
        if not b.ontology.is_a(ent.cls, HG.Agent) or b.ontology.is_a(ent.cls, HG.Person):
            continue
        found = _OF_THE.match(b.doc.text, m.span.end)
        place = starts.get(found.end()) if found else None
        if place is None:
            continue
        if not is_place(b, place):
            continue
        span = Span(m.span.start, place.span.end)
        label = normalise_label(b.doc.quote(span))
        key = b.entity_for(ent.cls, label, of_a_known_place(b, span, ent.cls, label))
        b.mentions[b.mentions.index(m)] = b.mention(span, key, m.source)
        b.evidence[span] = b.evidence.get(m.span, (ent.cls, BY_WORD))


#: Words that make "the capital" a region's, not a country's ("the regional capital").
_SUBNATIONAL = frozenset(
    {"regional", "provincial", "district", "local", "oblast", "county", "state", "former"}
)


def match_capital(b: EntityBuilder) -> None:
    """ "the capital (city)": the capital of a country named in its sentence, else a capital
    named nearby, else the capital of the country named nearby that the text has named most.

    "The Lithuanian capital" names its country by the adjective. Like a pronoun, the
    phrase adds no alias.
    """
    capitals = {e.capital_of: e for e in b.lexicon.gazetteer if e.capital_of is not None}
    if not capitals:
        return
    nations = capital_demonyms(b.ontology)
    capital_iris = {e.iri for e in capitals.values()}
    for sent in b.doc.sentences:
        for chunk in noun_chunks(sent.parsed):
            root = chunk.root
            words = [t.lower_ for t in chunk if t.dep_ != "det"]
            if "capital" not in words or lemma(root) not in {"capital", "city"}:
                continue
            if of_phrase(root) is not None:
                continue  # "the capital city of Baku" names the city itself
            if not any(t.dep_ == "det" and t.lower_ == "the" for t in chunk):
                continue
            if any(w in _SUBNATIONAL for w in words):
                continue  # "the regional capital", "the provincial capital": no country's
            tokens = [t for t in chunk if t.dep_ != "det"]
            span = Span(offset(tokens[0]), offset(tokens[-1]) + len(tokens[-1].text))
            named = [nations[w] for t in tokens if (w := compact(t.text)) in nations]
            if named:
                for m in [m for m in b.mentions if span.contains(m.span)]:
                    b.mentions.remove(m)  # "Lithuanian" is no mention of its own here
            if b.covered(span) is not None:
                continue
            if named:
                b.refer(span, b.entity_for_entry(capitals[named[0]]))
                continue
            window_start = lookback_start(b.doc, sent.index)
            states = [
                m
                for m in b.mentions
                if window_start <= m.span.start < span.start
                and b.doc.entities[m.entity].gazetteer in capitals
            ]
            cities = [
                m
                for m in b.mentions
                if window_start <= m.span.start < span.start
                and b.doc.entities[m.entity].gazetteer in capital_iris
            ]
            in_sentence = [m for m in states if m.span.start >= sent.span.start]
            if in_sentence:  # "Estonia was quiet, but unrest reached the capital"
                nearest = max(in_sentence, key=lambda m: m.span.start)
                state = b.doc.entities[nearest.entity].gazetteer
                if state is not None:
                    b.refer(span, b.entity_for_entry(capitals[state]))
            elif cities:  # "a rally in Bucharest ... spread through the capital"
                latest = max(cities, key=lambda m: m.span.start)
                b.refer(span, latest.entity)
            elif states:
                # the country the text has named most so far, then the latest: "protests
                # spread through the capital" in a text about Romania that also names Hungary
                told = Counter(m.entity for m in b.mentions if m.span.start < span.start)
                best = max(states, key=lambda m: (told[m.entity], m.span.start))
                state = b.doc.entities[best.entity].gazetteer
                if state is not None:
                    b.refer(span, b.entity_for_entry(capitals[state]))


def match_crowds_of_a_group(b: EntityBuilder) -> None:
    """ "a crowd of students", "crowds of Popular Front supporters": a gathering noun of
    the lexicon (``hg:gatheringNoun``) with "of" and a group the text names is that group
    (the phrase is one of its mentions, and no crowd of its own)."""
    words = b.lexicon.gathering_nouns
    for m in list(b.mentions):
        ent = b.doc.entities[m.entity]
        # (a cheap test before the parse: a regular plural has its lemma in it, "crowds")
        if ent.cls != HG.Group or not any(w in b.doc.quote(m.span).lower() for w in words):
            continue
        root = _root_of(b, m)
        if root is None or lemma(root) not in words:
            continue
        objects = of_objects(root)
        if len(objects) != 1:
            continue
        where = token_span(objects[0])
        target = next(
            (
                o
                for o in b.mentions
                if o.span.contains(where)
                and o.entity != m.entity
                and b.ontology.is_a(b.doc.entities[o.entity].cls, HG.Group)
            ),
            None,
        )
        if target is not None:
            b.mentions[b.mentions.index(m)] = Mention(m.span, target.entity, "anaphora")


#: How many sentences after "the crowd" the protesters it stands for may be named first.
_CROWD_LOOKAHEAD = 1


def match_crowd_anaphora(b: EntityBuilder) -> None:
    """ "Demonstrators gathered on the square ... the troops fired into the crowd": "the
    crowd" (a gathering noun of the lexicon, ``hg:gatheringNoun``) is the protesters named
    in the last few sentences, unless the text named a crowd of its own since."""
    for m in list(b.mentions):
        ent = b.doc.entities[m.entity]
        quote = b.doc.quote(m.span)
        if ent.cls != HG.Group or len(quote.split()) != 1:
            continue
        root = _root_of(b, m)
        if root is None or lemma(root) not in b.lexicon.gathering_nouns:
            continue
        if not b.doc.text[: m.span.start].rstrip().lower().endswith("the"):
            continue  # "a crowd": a new one
        sentence = b.doc.sentence_at(m.span.start).index
        window_start = lookback_start(b.doc, sentence)
        before = [
            other
            for other in b.mentions
            if window_start <= other.span.start < m.span.start
            and (
                other.entity == m.entity
                or (
                    b.doc.entities[other.entity].cls == HG.Group
                    and b.doc.entities[other.entity].label.lower().split()[-1]
                    in b.lexicon.protester_nouns
                )
            )
        ]
        if not before:
            # "began to push the crowd off the square. The demonstrators put up ...": the
            # protesters the next sentences name, when none came before
            window_end = b.doc.sentences[
                min(len(b.doc.sentences) - 1, sentence + _CROWD_LOOKAHEAD)
            ].span.end
            before = [
                other
                for other in b.mentions
                if m.span.end <= other.span.start < window_end
                and b.doc.entities[other.entity].cls == HG.Group
                and b.doc.entities[other.entity].label.lower().split()[-1]
                in b.lexicon.protester_nouns
            ]
            if before:
                first = min(before, key=lambda o: o.span.start)
                b.mentions[b.mentions.index(m)] = Mention(m.span, first.entity, "anaphora")
            continue
        latest = max(before, key=lambda o: o.span.start)
        if latest.entity != m.entity:
            b.mentions[b.mentions.index(m)] = Mention(m.span, latest.entity, "anaphora")


def match_settlement_anaphora(b: EntityBuilder) -> None:
    """ "Troops entered the city": a place named nearby that is no country and no site.

    A site is a place named by a head word other than a settlement noun ("Lenin
    Square", "the Salyan barracks"). Like a pronoun, "the city" adds no alias.
    """
    for sent in b.doc.sentences:
        # this paragraph and the one before it: a city is named once and then "the city"
        window_start = b.doc.paragraphs[max(0, sent.paragraph - 1)].start
        for chunk in noun_chunks(sent.parsed):
            root = chunk.root
            if lemma(root) not in b.lexicon.settlement_nouns or root.tag_ != "NN":
                continue
            # ("the old town", "a city", "the city's", "the city of Baku": no bare reference)
            span = bare_reference(b, chunk, (["the"],))
            if span is None:
                continue
            places = _named_before(
                b, window_start, span, lambda m: _settlement(b, m) and not _acts_as_government(b, m)
            )
            if not places:
                # a news report's city is the one its dateline names ("BAKU, ... —")
                places = [m for m in _dateline_places(b) if m.span.start < span.start]
            if places:
                # a place the text called by that noun ("the town of Bucha, Kyiv region":
                # "the town" is Bucha, however often Kyiv is named)
                called = _called_by(b, places, lemma(root))
                # the place the text has named most so far ("Sumgait, a city north of Baku")
                _refer_to_most_named(b, span, called or places)


def _called_by(b: EntityBuilder, places: list[Mention], noun: str) -> list[Mention]:
    """The places among ``places`` the text calls ``noun`` where it names them ("the town of
    Bucha", "Sumgait, an industrial city", "the city of Ganja")."""
    entities = {m.entity for m in places}
    before = re.compile(rf"\b{noun}s?\s+of\s+$", re.IGNORECASE)
    after = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}{noun}\b", re.IGNORECASE)
    called = {
        m.entity
        for m in b.mentions
        if m.entity in entities
        and (
            before.search(b.doc.text, max(0, m.span.start - 40), m.span.start)
            or after.match(b.doc.text, m.span.end)
        )
    }
    return [m for m in places if m.entity in called]


#: Words for one's own country, written with a capital out of reverence ("the Motherland"):
#: no place's name, but the country the text is about.
_OWN_COUNTRY_WORDS = frozenset({"motherland", "homeland", "fatherland"})


def match_country_anaphora(b: EntityBuilder) -> None:
    """ "a minute of silence was observed throughout the country", "fell for the
    Motherland": the state the text has named most in this paragraph and the one before
    (adds no alias); "the Motherland" with no state named there names nothing."""
    for sent in b.doc.sentences:
        window_start = b.doc.paragraphs[max(0, sent.paragraph - 1)].start
        for chunk in noun_chunks(sent.parsed):
            if chunk.root.lower_ in _OWN_COUNTRY_WORDS:
                _refer_own_country(b, chunk, window_start)
                continue
            if chunk.root.lower_ != "country":
                continue
            # ("a country", "the country's", "their country": no bare reference)
            span = bare_reference(b, chunk, (["the"], ["the", "whole"], ["the", "entire"]))
            if span is None:
                continue
            states = _named_before(
                b,
                window_start,
                span,
                lambda m: b.ontology.is_a(b.doc.entities[m.entity].cls, HG.State),
            )
            if states:
                _refer_to_most_named(b, span, states)


def match_our_people(b: EntityBuilder) -> None:
    """ "our people" in a text that speaks for a nation: the people the text names by a
    nationality and "people" ("the Azerbaijani people"), the one named most (adds no alias;
    with no such people named, it names no one: the text's nation is not sure)."""
    nations = capital_demonyms(b.ontology)
    told = Counter(m.entity for m in b.mentions)
    peoples = [
        key
        for key, entity in b.doc.entities.items()
        if key in told
        and entity.cls == HG.Group
        and (words := entity.label.split())[1:] == ["people"]
        and compact(words[0]) in nations
    ]
    if not peoples:
        return
    people = max(peoples, key=lambda k: (told[k], k))
    for sent in b.doc.sentences:
        for chunk in noun_chunks(sent.parsed):
            words = [t.lower_ for t in chunk]
            if words == ["our", "people"] and b.covered(token_span(chunk.root)) is None:
                b.refer(Span(offset(chunk[0]), offset(chunk.root) + len(chunk.root.text)), people)


def _refer_own_country(b: EntityBuilder, chunk: Token, window_start: int) -> None:
    """ "the Motherland": the state named most nearby, else no mention at all (the model may
    have tagged the word as a place's name)."""
    root = chunk.root
    if [t.lower_ for t in chunk if t.i != root.i] != ["the"]:
        return
    span = token_span(root)
    held = b.covered(span)
    if held is not None:
        if held.span != span or held.source != "ner":
            return
        b.mentions.remove(held)
    states = _named_before(
        b, window_start, span, lambda m: b.ontology.is_a(b.doc.entities[m.entity].cls, HG.State)
    )
    if states:
        _refer_to_most_named(b, span, states)


def match_state_by_its_adjective(b: EntityBuilder) -> None:
    """ "Deportations ordered by the Soviet state", "the Azerbaijani state was proclaimed":
    the known state whose adjective stands before "state" or "empire" (adds no alias; "a
    Soviet state", "the new Soviet state" and "the state of emergency" name none). The nouns
    are the lexicon's (``hg:stateNoun``)."""
    nations = capital_demonyms(b.ontology)
    entries = gazetteer_entries(b.ontology)
    for sent in b.doc.sentences:
        for chunk in noun_chunks(sent.parsed):
            root = chunk.root
            if root.lower_ not in b.lexicon.state_nouns or root.tag_ != "NN":
                continue
            before = [t for t in chunk if t.i < root.i]
            if len(before) != 2 or before[0].lower_ != "the":
                continue
            state = nations.get(compact(before[1].text))
            if state is None or state not in entries:
                continue
            if any(c.dep_ in {"prep", "appos", "poss", "case"} for c in root.children):
                continue
            span = Span(offset(before[1]), offset(root) + len(root.text))
            for m in [m for m in b.mentions if span.contains(m.span)]:
                b.mentions.remove(m)  # "Soviet" is no mention of its own here
            if b.covered(span) is None:
                b.refer(span, b.entity_for_entry(entries[state]))


def bare_reference(b: EntityBuilder, chunk: Token, allowed: tuple[list[str], ...]) -> Span | None:
    """The span of a noun phrase's head if the words before it are one of ``allowed``
    ("the city", "the whole country") and nothing after it names what it is ("the city
    of Baku"), and no mention covers it yet."""
    root = chunk.root
    if [t.lower_ for t in chunk if t.i != root.i] not in allowed:
        return None
    if any(c.dep_ in {"prep", "appos", "poss", "case"} for c in root.children):
        return None
    span = Span(offset(root), offset(root) + len(root.text))
    return None if b.covered(span) is not None else span


def _refer_to_most_named(b: EntityBuilder, span: Span, candidates: list[Mention]) -> None:
    """Refer ``span`` to the candidate the text has named most so far, then the latest."""
    told = Counter(m.entity for m in b.mentions if m.span.start < span.start)
    best = max(candidates, key=lambda m: (told[m.entity], m.span.start))
    b.refer(span, best.entity)


def _acts_as_government(b: EntityBuilder, m: Mention) -> bool:
    """ "Moscow had declared a state of emergency": a city named as the subject of a verb
    stands for its government, and is no city troops enter."""
    try:
        sentence = b.doc.sentence_at(m.span.start)
    except ValueError:
        return False
    inside = [t for t in sentence.parsed if m.span.start <= offset(t) < m.span.end]
    if not inside:
        return False
    root = inside[-1]
    return root.dep_ == "nsubj" and root.head.pos_ in {"VERB", "AUX"}


def _dateline_places(b: EntityBuilder) -> list[Mention]:
    """The places a news dateline at the start of the text names ("BAKU, Azerbaijan, ...")."""
    if not b.doc.paragraphs:
        return []
    first = b.doc.paragraphs[0]
    head = DATELINE_HEAD.match(b.doc.text, first.start)
    if head is None and len(b.doc.paragraphs) > 1:
        first = b.doc.paragraphs[1]  # after a headline
        head = DATELINE_HEAD.match(b.doc.text, first.start)
    if head is None:
        return []
    return [
        m for m in b.mentions if first.start <= m.span.start < head.end() and _settlement(b, m)
    ][:1]


def _settlement(b: EntityBuilder, m: Mention) -> bool:
    """Whether a mention is of a place that may be a settlement (no state, no named site)."""
    ent = b.doc.entities[m.entity]
    if not b.ontology.is_a(ent.cls, HG.Place) or b.ontology.is_a(ent.cls, HG.State):
        return False
    last = ent.label.split()[-1].lower() if ent.label else ""
    head = b.lexicon.head_words.get(last)
    return head is None or last in b.lexicon.settlement_nouns or not b.ontology.is_a(head, HG.Place)


def link_locations(b: EntityBuilder) -> None:
    """ "the Permanent Mission of Azerbaijan in Moscow": a site located in a place."""
    by_start = sorted(b.mentions, key=lambda m: m.span.start)
    for m in by_start:
        ent = b.doc.entities[m.entity]
        if not b.ontology.is_a(ent.cls, HG.Place) or ent.gazetteer is not None:
            continue
        if ent.located_in is not None:
            continue  # "the memorial on Rustaveli Avenue": placed by its own name
        follow = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?").match(b.doc.text, m.span.end)
        if follow is None:
            continue
        target = next((n for n in by_start if n.span.start == follow.end()), None)
        if target is None:
            continue
        tcls = b.doc.entities[target.entity].cls
        if b.ontology.is_a(tcls, HG.Place) or b.ontology.is_a(tcls, HG.State):
            ent.located_in = target.entity
            ent.located_in_evidence = Span(m.span.start, target.span.end)


def _repoint(b: EntityBuilder, old: str, new: str) -> None:
    """Make every mention of entity ``old`` a mention of ``new``."""
    if old == new:
        return
    for i, m in enumerate(b.mentions):
        if m.entity == old:
            b.mentions[i] = b.mention(m.span, new, m.source)


def one_sense_per_name(b: EntityBuilder) -> None:
    """One entity per name: the class of its most strongly classed mention wins.

    spaCy's small model may call one place GPE in one sentence and ORG in the
    next. Each NER mention carries the strength of the evidence for its class
    (the name's own head word or an appositive, then a locative preposition,
    then the NER label); the strongest wins, then the most mentions, then the
    class name.
    """
    by_name: dict[str, dict[str, list[int]]] = {}
    for m in b.mentions:
        ent = b.doc.entities[m.entity]
        if ent.gazetteer is not None or m.span not in b.evidence:
            continue
        _, strength = b.evidence[m.span]
        by_name.setdefault(fold_name(ent.label), {}).setdefault(m.entity, []).append(strength)
    for senses in by_name.values():
        if len(senses) < 2:
            continue
        best = max(
            senses,
            key=lambda k: (
                max(senses[k]),
                sum(senses[k]),
                len(senses[k]),
                str(b.doc.entities[k].cls),
            ),
        )
        for key in senses:
            _repoint(b, key, best)


def match_force_names(b: EntityBuilder) -> None:
    """ "the Berkut riot police ... Berkut officers": a name the model alone took for a place
    that a force's name starts with (its other words lower-case) is that force."""
    forces: dict[str, str] = {}
    for key, ent in b.doc.entities.items():
        words = ent.label.split()
        if b.ontology.is_a(ent.cls, HG.MilitaryForce) and len(words) > 1:
            names = [w for w in words if w[:1].isupper()]
            if (
                names
                and words[: len(names)] == names
                and all(w.islower() for w in words[len(names) :])
            ):
                forces.setdefault(fold_name(" ".join(names)), key)
    if not forces:
        return
    for m in list(b.mentions):
        ent = b.doc.entities[m.entity]
        evidence = b.evidence.get(m.span)
        if (
            ent.gazetteer is None
            and b.ontology.is_a(ent.cls, HG.Place)
            and evidence is not None
            and evidence[1] == BY_NER
            and fold_name(ent.label) in forces
        ):
            _repoint(b, m.entity, forces[fold_name(ent.label)])


def match_name_parts(b: EntityBuilder) -> None:
    """ "Gapon", "the Tsar": a one-word name joins the one person whose name starts or ends with it.

    Only names classed by the NER label alone: "in Washington" stays a place.
    """
    people: dict[str, set[str]] = {}  # first or last word -> people
    surnames: dict[str, set[str]] = {}  # last word -> people
    # first "R. Mamedov" joins "Rasim Mamedov", so that "Mamedov" alone has one owner
    _match_shortened_given_names(b)
    _match_initials_to_known_people(b)
    live = {m.entity for m in b.mentions}
    for key, ent in b.doc.entities.items():
        if key not in live:
            continue
        words = ent.label.split()
        if b.ontology.is_a(ent.cls, HG.Person) and len(words) > 1:
            people.setdefault(compact(words[0]), set()).add(key)
            # the surname of the label and of each full name the text writes ("Kunaev" of
            # "Dinmukhamed Kunaev", a text's spelling of the gazetteer's "... Kunayev")
            for name in (ent.label, *ent.aliases):
                if len(name.split()) > 1:
                    surname = compact(name.split()[-1])
                    people.setdefault(surname, set()).add(key)
                    surnames.setdefault(surname, set()).add(key)
    if not people:
        return
    _match_surnames(b, {w: keys for w, keys in surnames.items() if people[w] == keys})
    # "Mr Pashinyan" joins "Nikol Pashinyan" first, so that "Pashinyan" alone has one owner
    _match_titled_surnames(b, surnames)
    still_named = {m.entity for m in b.mentions}  # (not those the titled surnames joined)
    for key in sorted({m.entity for m in b.mentions if m.source == "ner"}):
        ent = b.doc.entities[key]
        if ent.gazetteer is not None or len(ent.label.split()) != 1:
            continue
        strengths = [
            b.evidence.get(m.span, (None, BY_WORD))[1] for m in b.mentions if m.entity == key
        ]
        if max(strengths) > BY_NER and not b.ontology.is_a(ent.cls, HG.Person):
            # "in Washington": a place, whatever person shares the name (but what the words
            # around it make a person's, "Governor Campbell", is the one person so named)
            continue
        owners = (people.get(compact(ent.label), set()) - {key}) & still_named
        if len(owners) == 1:
            _repoint(b, key, next(iter(owners)))
    _match_name_beginnings(b)


def _match_shortened_given_names(b: EntityBuilder) -> None:
    """ "R. Mamedov", "M. A. Alasgarov", "Phillip Gibbs": a person named by initials or by one
    given name of several before the same surname is the one other person whose full name
    has that surname, whose given names begin with those initials and which has every given
    name written out ("Rasim Mamedov", "Murtuz Abbas Alasgarov", "Phillip Lafayette
    Gibbs"); two initials before a surname are also a given name and a patronymic, so "H. A.
    Aliyev" is "Heydar Aliyev" when the text writes out only the given name."""
    used = {m.entity for m in b.mentions}
    people = {
        key: b.doc.entities[key].label.split()
        for key in sorted(used)
        if b.ontology.is_a(b.doc.entities[key].cls, HG.Person)
    }
    for key, words in people.items():
        if len(words) < 2 or b.doc.entities[key].gazetteer is not None:
            continue
        given, surname = words[:-1], compact(words[-1])
        if any(b.lexicon.is_title_word(w) for w in given):
            continue  # "Dr. Dorlov": a title, no initial
        initials = all(INITIAL.match(w) for w in given)
        if not initials and len(given) != 1:
            continue  # only initials ("R. Mamedov") or one given name ("Phillip Gibbs")
        fuller = []
        for other, more in people.items():
            full_given = more[:-1]
            if (
                other == key
                or not full_given
                or compact(more[-1]) != surname
                or any(INITIAL.match(w) for w in full_given)  # not written out
            ):
                continue
            if initials:
                if len(full_given) >= len(given) and all(
                    g.rstrip(".") == f[: len(g.rstrip("."))]
                    for g, f in zip(given, full_given[: len(given)], strict=True)
                ):
                    fuller.append(other)
                elif (
                    len(full_given) == 1
                    and len(given) == 2
                    and full_given[0].startswith(given[0].rstrip("."))
                ):
                    fuller.append(other)  # "H. A. Aliyev": a given name and a patronymic
            elif len(full_given) > 1 and full_given[0] == given[0]:
                fuller.append(other)  # "Phillip Gibbs", "Phillip Lafayette Gibbs"
        if len(fuller) == 1:
            _repoint(b, key, fuller[0])


def _match_initials_to_known_people(b: EntityBuilder) -> None:
    """ "Comrade A. N. Mutalibov was elected First Secretary", where the text writes no
    fuller name: a person named by initials and a surname is the one person of the
    gazetteer with that surname whose given name begins with the first initial ("Ayaz
    Mutalibov"; "M. Aliyev" matches neither Heydar nor Ilham Aliyev)."""
    known = _known_people_by_surname(b.ontology)
    for key in sorted({m.entity for m in b.mentions}):
        ent = b.doc.entities[key]
        words = ent.label.split()
        if (
            ent.gazetteer is not None
            or not b.ontology.is_a(ent.cls, HG.Person)
            or len(words) < 2
            or not all(INITIAL.match(w) for w in words[:-1])
        ):
            continue
        first = words[0].rstrip(".")
        owners = [
            entry
            for entry in known.get(compact(words[-1]), ())
            if any(
                len(name.split()) > 1 and name.split()[0].startswith(first)
                for name in (entry.label, *entry.aliases)
            )
        ]
        if len(owners) == 1:
            _repoint(b, key, b.entity_for_entry(owners[0]))


def _known_people_by_surname(ontology: Ontology) -> dict[str, tuple[GazetteerEntry, ...]]:
    """The gazetteer's people by the compact last word of each of their names (built once
    per ontology)."""

    def make(o: Ontology) -> dict[str, tuple[GazetteerEntry, ...]]:
        found: dict[str, list[GazetteerEntry]] = {}
        for entry in o.lexicon.gazetteer:
            if not o.is_a(entry.cls, HG.Person):
                continue
            for surname in sorted({compact(n.split()[-1]) for n in (entry.label, *entry.aliases)}):
                found.setdefault(surname, []).append(entry)
        return {k: tuple(v) for k, v in found.items()}

    return ontology.derived("coreference.known_people_by_surname", make)


def _match_name_beginnings(b: EntityBuilder) -> None:
    """ "Ahmed Aga" after "Ahmed Aga Barutanliyata": a person's name of two words or more
    that begins the longer name of exactly one other person is that person."""
    used = {m.entity for m in b.mentions}
    people = {
        key: b.doc.entities[key].label.split()
        for key in sorted(used)
        if b.ontology.is_a(b.doc.entities[key].cls, HG.Person)
        and b.doc.entities[key].gazetteer is None
    }
    for key, words in people.items():
        if len(words) < 2 or b.lexicon.is_title_word(words[0]):
            continue
        longer = [
            other
            for other, more in people.items()
            if other != key and len(more) > len(words) and more[: len(words)] == words
        ]
        if len(longer) == 1:
            _repoint(b, key, longer[0])


#: Titles that are part of how a peer is known: "Lord Widgery", "Lady Astor".
_PEERAGE_TITLES = frozenset({"lord", "lady", "sir", "dame", "baron", "baroness", "earl"})


def _match_titled_surnames(b: EntityBuilder, surnames: dict[str, set[str]]) -> None:
    """ "Governor Rhodes" after "Governor James Rhodes", "Ambassador Gleysteen" after
    "William Gleysteen": a title and a surname are the one person named in full with it;
    with no such person, the person is labelled by the surname alone."""
    used = {m.entity for m in b.mentions}
    for key in sorted(used):
        ent = b.doc.entities[key]
        words = ent.label.split()
        if (
            not b.ontology.is_a(ent.cls, HG.Person)
            or ent.gazetteer is not None
            or len(words) != 2
            or not b.lexicon.is_title_word(words[0])
        ):
            continue
        owners = {
            k
            for k in surnames.get(compact(words[1]), set())
            if k != key
            and k in used
            and not b.lexicon.is_title_word(b.doc.entities[k].label.split()[0])
        }
        if len(owners) == 1:
            _repoint(b, key, next(iter(owners)))
        elif not owners and words[0].lower() not in _PEERAGE_TITLES:
            # ("Ambassador Gleysteen" alone: the person is Gleysteen; a peer keeps the title:
            # "Lord Widgery")
            ent.aliases.add(ent.label)
            ent.label = words[1]


def match_place_name_ends(b: EntityBuilder) -> None:
    """ "Nagorno-Karabakh ... Karabakh": a place the text names by the last part of the name
    of the one other place it names that way is that place.

    A state keeps its own name ("Azerbaijan" beside "Western Azerbaijan"), and so does a
    name that ends two longer ones ("Ossetia" beside "North" and "South Ossetia") or a
    part of a place ("Beirut" beside "West Beirut").
    """
    used = {m.entity for m in b.mentions}
    places = [k for k in sorted(used) if b.ontology.is_a(b.doc.entities[k].cls, HG.Place)]
    for key in places:
        ent = b.doc.entities[key]
        if b.ontology.is_a(ent.cls, HG.State):
            continue
        ends = [
            other
            for other in places
            if other != key
            and not b.ontology.is_a(b.doc.entities[other].cls, HG.State)
            and _ends_a_name(b.doc.entities[other].label, ent.label)
        ]
        if len(ends) == 1:
            _repoint(b, key, ends[0])


def match_site_name_parts(b: EntityBuilder) -> None:
    """ "along the Araz", tagged as a body, a person or a place, where the text also says "the
    Araz river": a name that a natural feature's name is, without its head word, is that
    feature (when one is named so)."""
    used = {m.entity for m in b.mentions}
    sites: dict[str, list[str]] = {}
    for key in sorted(used):
        ent = b.doc.entities[key]
        words = ent.label.split()
        if (
            len(words) > 1
            and b.ontology.is_a(ent.cls, HG.Place)
            and words[-1] in b.lexicon.feature_nouns
        ):
            sites.setdefault(" ".join(words[:-1]), []).append(key)
    for key in sorted(used):
        ent = b.doc.entities[key]
        if ent.gazetteer is not None or not (
            b.ontology.is_a(ent.cls, HG.Place)
            or b.ontology.is_a(ent.cls, HG.Organization)
            or ent.cls == HG.Person
        ):
            continue
        if ent.label.split()[-1].lower() in b.lexicon.head_words:
            continue  # "the Interior Ministry" is a body, not "the Interior Ministry building"
        found = sites.get(ent.label, [])
        if len(found) == 1:
            _repoint(b, key, found[0])


def _ends_a_name(longer: str, name: str) -> bool:
    """Whether ``name`` is the last part of the proper name ``longer`` ("Karabakh" of
    "Nagorno-Karabakh"), not of a description ("town in Nagorno-Karabakh") or of a part of
    it ("West Beirut")."""
    if not re.search(rf"[\s-]{re.escape(name)}$", longer):
        return False
    before = longer[: -len(name) - 1].split()
    return (
        bool(before)
        and all(w[:1].isupper() for w in before)
        and before[0].lower() not in COMPASS_WORDS
    )


def _match_surnames(b: EntityBuilder, surnames: dict[str, set[str]]) -> None:
    """ "Pinochet" on its own, untagged by the model: the one person whose name ends with it.

    ``surnames`` maps a last word to the people it ends; a word that also begins
    another person's name has been left out by the caller (it is ambiguous).
    """
    for paragraph, parsed in zip(b.doc.paragraphs, b.doc.parsed, strict=True):
        if is_heading(b.doc.quote(paragraph)):
            continue
        for token in parsed:
            word = compact(token.text)
            # a capitalised name; the tagger may call one opening a sentence a common noun
            if token.pos_ not in {"PROPN", "NOUN"} or len(word) < 3 or not token.text[:1].isupper():
                continue
            if token.ent_type_ not in {"", "PERSON"} and not (
                # "headed by Shaumian": a surname the model took for a people's name for its
                # ending (not a people's word: "Georgian", "Armenian")
                token.ent_type_ == "NORP"
                and token.tag_ == "NNP"
                and word not in nationality_words(b.ontology)
            ):
                continue  # "in May 1919" is a date, whoever Theresa May is
            owners = surnames.get(word, set())
            if len(owners) != 1:
                continue
            span = Span(offset(token), offset(token) + len(token.text))
            if b.covered(span) is None:
                b.add(span, next(iter(owners)), "alias")


_KNOWN_AS = re.compile(
    r",?\s+(?:(?:also|better|commonly)\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?"
)


def match_known_as(b: EntityBuilder) -> None:
    """ "the Disorders Inquiry Committee, known as the Hunter Committee": one entity, two names."""
    starts = {m.span.start: m for m in b.mentions}
    ordered = sorted(b.mentions, key=lambda m: m.span.start)
    for n, m in enumerate(ordered):
        # "the Commission of Inquiry into the Riots, known as ...": the name may be followed
        # by the rest of its noun phrase, but by no other name and no sentence end
        stop = ordered[n + 1].span.start if n + 1 < len(ordered) else len(b.doc.text)
        found = _KNOWN_AS.search(b.doc.text, m.span.end, min(stop + 80, m.span.end + 80))
        if found is not None and (
            found.start() > stop or not _same_phrase(b, m.span.end, found.start())
        ):
            found = None
        other = starts.get(found.end()) if found else None
        if other is None or b.doc.entities[other.entity].gazetteer is not None:
            continue
        first, second = b.doc.entities[m.entity].cls, b.doc.entities[other.entity].cls
        if b.ontology.is_a(first, HG.Place) != b.ontology.is_a(second, HG.Place):
            continue  # a place is not also known as an organisation
        _repoint(b, other.entity, m.entity)


def _same_phrase(b: EntityBuilder, start: int, end: int) -> bool:
    """Whether the text between two offsets may continue a noun phrase: no verb, no sentence end."""
    if "." in b.doc.text[start:end]:
        return False
    for sent in b.doc.sentences:
        if sent.span.start <= start <= sent.span.end:
            return end <= sent.span.end and not any(
                t.pos_ in {"VERB", "AUX"} for t in sent.parsed if start <= offset(t) < end
            )
    return False


def merge_plural_groups(b: EntityBuilder) -> None:
    """ "a crowd gathered ... the crowds grew": a group named by the plural of another
    group's head word is that group."""
    keys = sorted({m.entity for m in b.mentions if m.source == "headword"})
    for key in keys:
        ent = b.doc.entities[key]
        if ent.cls != HG.Group or not ent.label.endswith("s") or " " in ent.label:
            continue
        single = entity_key(HG.Group, ent.label[:-1])
        if single in b.doc.entities and any(m.entity == single for m in b.mentions):
            _repoint(b, key, single)


def merge_modified_names(b: EntityBuilder) -> None:
    """ "ethnic Armenian forces" joins "Armenian forces"; "the last students" joins "students".

    A group or force named by a head word with extra lower-case modifiers is the
    same as the plainer name of that class in the same document.
    """
    keys = sorted({m.entity for m in b.mentions if m.source == "headword"})
    for key in keys:
        ent = b.doc.entities[key]
        words = ent.label.split()
        for n in range(1, len(words)):
            if not words[n - 1].islower() or words[n - 1] in ("of", *SITE_PREPOSITIONS):
                break  # "memorial on Rustaveli Avenue" is not Rustaveli Avenue
            shorter = entity_key(ent.cls, " ".join(words[n:]))
            if shorter in b.doc.entities and any(m.entity == shorter for m in b.mentions):
                _repoint(b, key, shorter)
                break


def _first_mentions(b: EntityBuilder) -> dict[str, int]:
    """Where each entity the document mentions is first mentioned (a character offset)."""
    first: dict[str, int] = {}
    for m in b.mentions:
        first[m.entity] = min(first.get(m.entity, m.span.start), m.span.start)
    return first


def merge_bare_into_named_groups(b: EntityBuilder) -> None:
    """ "forty Polish prisoners ... the prisoners": a group or force named by a bare head word,
    only after the text has named it in full, is the one group or force of the document
    whose name is that word after capitalised words (a people, a place, a body: "Polish
    prisoners", "Negro marchers", "Sunni militants"), when there is just one ("Armenian
    refugees" and "Azerbaijani refugees" leave "the refugees" alone; "120,000 residents ...
    the city's Moldavian residents" are two groups). Lower-case modifiers are
    ``merge_modified_names``'s."""
    first = _first_mentions(b)
    bodies = [k for k in sorted(first) if b.doc.entities[k].cls in (HG.Group, HG.MilitaryForce)]
    for key in bodies:
        ent = b.doc.entities[key]
        if " " in ent.label or not ent.label.islower():
            continue
        named = [
            k
            for k in bodies
            if k != key
            and b.doc.entities[k].cls == ent.cls
            and b.doc.entities[k].label.lower().endswith(" " + ent.label)  # ("Soviet Army")
            and not b.doc.entities[k].label.isupper()  # (a headline: "TROOPERS ROUT MARCHERS")
            and all(w[:1].isupper() for w in b.doc.entities[k].label.split()[:-1])
        ]
        if len(named) == 1 and first[named[0]] > first[key]:
            continue  # the bare word came first: "residents ... Moldavian residents"
        if len(named) == 1:
            _repoint(b, key, named[0])


def merge_units_into_their_force(b: EntityBuilder) -> None:
    """ "Soviet Army units entered the city" where the text names the Soviet Army: a force
    named by another force's name (or the acronym the text gives it: "RPA soldiers") and a
    word for its men or units (the lexicon's ``hg:forceOfBodyNoun``: "units", "troops",
    "soldiers") is that force. Where the text names no such force, the forces named by one
    name and two of these words ("Interior Ministry troops", "Interior Ministry units") are
    one, labelled as the text names it most."""
    forces = {
        b.doc.entities[k].label: k
        for k in sorted({m.entity for m in b.mentions})
        if b.doc.entities[k].cls == HG.MilitaryForce
    }
    for m in sorted(b.mentions, key=lambda m: m.span.start):
        # and by the acronym the text gives it: "JNA troops", "the Yugoslav People's Army (JNA)"
        short = b.doc.quote(m.span)
        if b.doc.entities[m.entity].cls == HG.MilitaryForce and _acronym(short):
            forces.setdefault(short, m.entity)
    alike: dict[str, list[str]] = {}
    for label, key in sorted(forces.items()):
        words = label.split()
        if len(words) < 2 or words[-1].lower() not in b.lexicon.force_of_body_nouns:
            continue
        whole = forces.get(" ".join(words[:-1]))
        if whole is not None and whole != key:
            _repoint(b, key, whole)
        elif words[0][:1].isupper():
            alike.setdefault(" ".join(words[:-1]), []).append(key)
    # "Interior Ministry troops ... Interior Ministry units": one force by two such words
    first = _first_mentions(b)
    count = Counter(m.entity for m in b.mentions)
    for keys in alike.values():
        live = [k for k in keys if k in first]
        if len(live) > 1:
            best = max(live, key=lambda k: (count[k], -first[k]))
            for key in live:
                _repoint(b, key, best)


def merge_generic_forces_into_the_one_named(b: EntityBuilder) -> None:
    """ "The Soviet Army entered Baku ... [paragraphs later] troops fired on the crowd": a
    force named only by generic words (the lexicon's ``hg:genericForceNoun``: "troops",
    "the army", "army units") is the one force the document names by a proper name, when
    it names just one and named it first ("troops ... the Polish People's Army" are two)."""
    first = _first_mentions(b)
    forces = [k for k in sorted(first) if b.doc.entities[k].cls == HG.MilitaryForce]
    named = [k for k in forces if any(w[:1].isupper() for w in b.doc.entities[k].label.split())]
    if len(named) != 1:
        return
    for key in forces:
        label = b.doc.entities[key].label
        if (
            key != named[0]
            and first[key] > first[named[0]]
            and label.islower()
            and all(word in b.lexicon.generic_force_nouns for word in label.split())
            and not _coordinated_with(b, key, named[0])
        ):
            _repoint(b, key, named[0])


def _coordinated_with(b: EntityBuilder, key: str, other: str) -> bool:
    """Whether a mention of entity ``key`` is coordinated with one of ``other`` ("the
    Securitate and army units": two forces)."""
    spans = [m.span for m in b.mentions if m.entity == other]
    for m in b.mentions:
        root = _root_of(b, m) if m.entity == key else None
        if root is not None and any(
            token_span(c).overlaps(s) for c in root.conjuncts for s in spans
        ):
            return True
    return False


def _nation_patterns(words: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "Armenian troops" (or "the totalitarian Soviet regime": one lower-case adjective
    may stand before the nation's name, see :func:`_nation_named`) and "the troops of the
    Republic of Armenia" for ``words``."""
    return (
        re.compile(
            rf"(?:the\s+)?(?:(?P<adjective>[a-z][\w'-]*)\s+)?([A-Z][\w'-]*)\s+((?i:{words}))"
        ),
        re.compile(
            rf"(?:the\s+)?((?i:{words}))\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?"
            rf"([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
        ),
    )


def _nation_words(
    ontology: Ontology, family: str, words: frozenset[str]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`_nation_patterns` for one ``family`` of the lexicon's words, built once per
    ontology (matching nothing when the lexicon gives no word)."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    alternatives = alternatives or "(?!)"
    return ontology.derived(
        f"coreference.national_{family}", lambda _: _nation_patterns(alternatives)
    )


def _nation_named(
    entity: Entity, patterns: tuple[re.Pattern[str], re.Pattern[str]]
) -> tuple[str, str] | None:
    """The nation a body's name names and nothing else ("Armenian troops": ("armenian",
    "adjective"); "the armed forces of Armenia": ("armenia", "place")), or None. "the
    Azerbaijani Army", a name of its own, is one branch of the armed forces. An adjective
    before the nation's name says nothing of which body it is ("the totalitarian Soviet
    regime" is the Soviet leadership) unless it makes the body a part of the nation's
    (``_SUBNATIONAL``: "local Armenian forces", "the regional Azerbaijani authorities")."""
    before, after = patterns
    for name in (entity.label, *sorted(entity.aliases)):
        found = before.fullmatch(name)
        if (
            found is not None
            and found.group(3) != "Army"
            and found.group("adjective") not in _SUBNATIONAL
        ):
            return compact(found.group(2)), "adjective"
        found = after.fullmatch(name)
        if found is not None and found.group(1) != "Army":
            return compact(found.group(2)), "place"
    return None


def _same_nation(
    a: tuple[str, str], b: tuple[str, str], declared: dict[str, frozenset[str]]
) -> bool:
    if a[1] == b[1]:
        return a[0] == b[0]
    adjective, place = (a[0], b[0]) if a[1] == "adjective" else (b[0], a[0])
    return adjective in demonyms(place) or adjective in declared.get(place, ())


def _national_forces(ontology: Ontology) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "Armenian troops", "the armed forces of Armenia": a nation's name and a word for its
    armed forces as a whole (``hg:nationalForceNoun``; "formations", "detachments" are
    irregular bodies, not all of a nation's forces)."""
    return _nation_words(ontology, "forces", ontology.lexicon.national_force_nouns)


def _national_peoples(ontology: Ontology) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "the Azerbaijani people", "the population of Azerbaijan": a nation's name and a word
    for its people as a whole (``hg:nationalPeopleNoun``)."""
    return _nation_words(ontology, "peoples", ontology.lexicon.national_people_nouns)


def _national_rulers(ontology: Ontology) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "the Soviet leadership", "the government of Azerbaijan": a nation's name and a ruler
    noun of the lexicon (``hg:rulerNoun``)."""
    return _nation_words(ontology, "rulers", ontology.lexicon.ruler_nouns)


def merge_national_bodies(b: EntityBuilder) -> None:
    """ "Armenian troops ... Armenian units ... the armed forces of Armenia": in one text,
    the forces named by one nation and a word for armed forces alone are one force; so
    are the bodies named by one nation and a word for its rulers ("the Soviet
    authorities", "the Soviet leadership", "the Soviet regime"), and the groups named by one
    nation and "people", "nation" or "population" ("the Azerbaijani people", "the people
    of Azerbaijan").

    The body the gazetteer knows wins, then the one the text names most, then the first
    named. A name with any other word ("Interior Ministry troops", "Armenian
    peacekeepers") is a body of its own, but for an adjective before the nation's name
    ("the totalitarian Soviet regime"; not "local Armenian forces").
    """
    declared = declared_demonyms(b.ontology)
    first: dict[str, int] = {}
    count: Counter[str] = Counter()
    for m in b.mentions:
        first.setdefault(m.entity, m.span.start)
        count[m.entity] += 1
    families: dict[str, list[tuple[str, tuple[str, str]]]] = {
        "forces": [],
        "rulers": [],
        "peoples": [],
    }
    for key in sorted(first, key=first.__getitem__):
        entity = b.doc.entities[key]
        if b.ontology.is_a(entity.cls, HG.MilitaryForce):
            family, nation = "forces", _nation_named(entity, _national_forces(b.ontology))
        elif entity.cls == HG.Organization:
            family, nation = "rulers", _nation_named(entity, _national_rulers(b.ontology))
        elif entity.cls == HG.Group:
            family, nation = "peoples", _nation_named(entity, _national_peoples(b.ontology))
        else:
            continue
        if nation is not None:
            families[family].append((key, nation))
    for bodies in families.values():
        done: set[str] = set()
        for key, nation in bodies:
            if key in done:
                continue
            group = [k for k, n in bodies if k not in done and _same_nation(nation, n, declared)]
            done.update(group)
            best = max(
                group,
                key=lambda k: (b.doc.entities[k].gazetteer is not None, count[k], -first[k]),
            )
            for other in group:
                _repoint(b, other, best)
    for key, _ in families["forces"]:
        _label_by_demonym(b, b.doc.entities[key], declared)


def _label_by_demonym(
    b: EntityBuilder, entity: Entity, declared: dict[str, frozenset[str]]
) -> None:
    """ "the armed forces of the Republic of Armenia": a force named by its nation's place
    is labelled by the nation's adjective, as the text writes it elsewhere ("Armenian
    armed forces"; the name as written stays an alias). A force the gazetteer knows keeps
    its label. Where the text never writes the adjective, it is the one the gazetteer gives
    the place ("Soviet"), or the regular one of a name in "-ia" ("the armed forces of
    Armenia": "Armenian armed forces"); otherwise the label stays."""
    if entity.gazetteer is not None:
        return
    found = _national_forces(b.ontology)[1].fullmatch(entity.label)
    if found is None or found.group(1) == "Army":
        return
    name = found.group(2)
    place = compact(name)
    adjectives = demonyms(place) | set(declared.get(place, ()))
    written = Counter(
        w for w in re.findall(r"\b[A-Z][\w'-]*", b.doc.text) if compact(w) in adjectives
    )
    if written:
        adjective = max(sorted(written), key=written.__getitem__)
    else:
        found_adjective = _adjective_of(b, place, name)
        if found_adjective is None:
            return
        adjective = found_adjective
    entity.aliases.add(entity.label)
    entity.label = f"{adjective} {found.group(1).lower()}"


def _adjective_of(b: EntityBuilder, place: str, name: str) -> str | None:
    """The one adjective the gazetteer gives a place ("Soviet"), else the regular one of a
    one-word name in "-ia" ("Armenia": "Armenian"), else None (no adjective is sure)."""
    for entry in b.ontology.lexicon.gazetteer:
        if len(entry.demonyms) == 1 and place in {
            compact(n) for n in (entry.label, *entry.aliases)
        }:
            return next(iter(entry.demonyms))
    return name + "n" if " " not in name and name.endswith("ia") else None


def match_appositives(b: EntityBuilder) -> None:
    """ "the Milli Majlis, the parliament of Azerbaijan, adopted": a description in
    apposition to a name, of a class the name's entity has or is in, describes that entity;
    so does one the name is said to be ("Samashki is a large village in western Chechnya").

    Only a description the head words made is joined: a name in apposition may be
    another entity ("Aliyev, a pensioner in Moscow" leaves Moscow alone).
    """
    for sent in b.doc.sentences:
        for token in sent.parsed:
            subject = _subject_described(token)
            if subject is None and (token.dep_ != "appos" or token.head.i == token.i):
                continue
            described = b.covered(token_span(token))
            named = b.covered(token_span(subject if subject is not None else token.head))
            if described is None or named is None or described.entity == named.entity:
                continue
            if subject is None and _another_name_of_a_site(b, token, described, named):
                # "Independence Square, the Maidan": the square's other name
                _repoint(b, described.entity, named.entity)
                continue
            if subject is None and _title_before_a_name(b, named, described):
                # "the Head of State, Kassym-Jomart Tokayev,": the name's entity
                _repoint(b, named.entity, described.entity)
                continue
            if described.source != "headword":
                continue
            if named.source == "headword" and not b.doc.quote(named.span)[:1].isupper():
                continue  # a description in apposition to a description
            if subject is None and _a_named_area_around(b, token, described):
                continue  # "Garadaghly, Khojavend district, 17 February": where it lies
            kind, name = b.doc.entities[described.entity].cls, b.doc.entities[named.entity].cls
            if _of_one_kind(b, name, kind):
                _repoint(b, described.entity, named.entity)


def _a_named_area_around(b: EntityBuilder, token: Token, described: Mention) -> bool:
    """ "Garadaghly, Khojavend district": a place phrase with a name of its own ("Khojavend"),
    without an article, in apposition to a place, is the area it lies in, not it."""
    cls = b.doc.entities[described.entity].cls
    return (
        b.ontology.is_a(cls, HG.Place)
        and not any(c.dep_ == "det" for c in token.children)
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    )


def _title_before_a_name(b: EntityBuilder, title: Mention, name: Mention) -> bool:
    """Whether a person's title ("the Head of State", with a word in lower case) stands
    before the personal name the model found in apposition to it."""
    people = [b.doc.entities[m.entity].cls for m in (title, name)]
    words = b.doc.quote(title.span).split()
    return (
        name.source == "ner"
        and all(cls == HG.Person for cls in people)
        and title.span.end < name.span.start
        and any(w.isalpha() and w.islower() for w in words[1:])
    )


def _subject_described(token: Token) -> Token | None:
    """The subject a predicate noun describes: "Samashki" in "Samashki is a large village"."""
    verb = token.head
    if token.dep_ != "attr" or lemma(verb) != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.i < token.i), None)


def _another_name_of_a_site(
    b: EntityBuilder, token: Token, described: Mention, named: Mention
) -> bool:
    """ "Independence Square, the Maidan": one bare proper name with "the", in apposition to a
    place the model or the head words found (not "Baku, Azerbaijan": a place and the
    country it is in), is another name of that place."""
    appositive = b.doc.entities[described.entity]
    return (
        token.pos_ == "PROPN"
        and described.span == token_span(token)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and appositive.gazetteer is None
        and b.doc.entities[named.entity].gazetteer is None
        and b.ontology.is_a(b.doc.entities[named.entity].cls, HG.Place)
        and not b.ontology.is_a(b.doc.entities[named.entity].cls, HG.State)
    )


def match_shortened_names(b: EntityBuilder) -> None:
    """A name that is a longer name of its class, shortened, refers to the latest body
    named so before it (or, with none before it, to the first named after it: a title
    names what its text goes on to tell). The cuts: before "of" ("the Supreme Soviet of the
    Azerbaijan SSR ... the Supreme Soviet"); without the place name it starts with ("the
    Kyrgyzstan Inquiry Commission ... the Inquiry Commission"); the last word of a
    two-word name ("the Verkhovna Rada ... the Rada"); and, after "the", the capitalised
    head word of a longer name ("the Popular Front of Azerbaijan ... the Front", "the UN
    Security Council ... the Council", "the House of Commons ... the House"), whose class
    may be narrower than the one the model gave the head word alone, or a body's where the
    head word alone is a site's ("the House")."""
    longer: dict[str, list[str]] = {}  # folded short name -> entities with a longer name
    one_word: dict[str, list[str]] = {}  # the capitalised head word of a name with "of"
    # (a place's name, not a nationality: "the Kazakh Supreme Soviet ... told the Supreme
    # Soviet", the Union's)
    places = {
        fold_name(e.label) for e in b.doc.entities.values() if b.ontology.is_a(e.cls, HG.Place)
    }
    for key, ent in b.doc.entities.items():
        parts = ent.label.split(" of ")
        for n in range(1, len(parts)):  # "Ministry of Defence of Azerbaijan": each cut
            head = " of ".join(parts[:n])
            if len(head.split()) > 1:
                longer.setdefault(fold_name(head), []).append(key)
        name_part = re.split(r" (?:of|for) ", ent.label)[0]
        words = name_part.split()
        if (
            (len(words) > 1 or name_part != ent.label)  # ("House of Commons" too)
            and words[-1][:1].isupper()
            and not b.ontology.is_a(ent.cls, HG.Person)
            and not b.ontology.is_a(ent.cls, HG.Place)
        ):
            # "the Popular Front of Azerbaijan ... the Front", "the UN Security Council ...
            # the Council", "the International Criminal Tribunal for the former Yugoslavia
            # ... the Tribunal", "the House of Commons ... the House": its head word,
            # capitalised
            one_word.setdefault(fold_name(words[-1]), []).append(key)
        words = ent.label.split()
        if (  # "the Verkhovna Rada ... the Rada": a body by the last word of its name
            len(words) == 2
            and words[-1][:1].isupper()
            and not b.ontology.is_a(ent.cls, HG.Person)
            and not b.ontology.is_a(ent.cls, HG.Place)
            and fold_name(words[0]) not in places
        ):
            longer.setdefault(fold_name(words[-1]), []).append(key)
        first, _, rest = ent.label.partition(" ")
        if (  # "the Kyrgyzstan Inquiry Commission ... the Inquiry Commission"
            not b.ontology.is_a(ent.cls, HG.Place)
            and fold_name(first) in places
            and len(rest.split()) > 1
            and rest[:1].isupper()
        ):
            longer.setdefault(fold_name(rest), []).append(key)
    if not longer and not one_word:
        return
    for i, m in enumerate(b.mentions):
        ent = b.doc.entities[m.entity]
        owners = longer.get(fold_name(ent.label), [])
        quoted = b.doc.quote(m.span)
        head_word = (
            not owners
            and quoted[:1].isupper()
            and " " not in quoted
            and b.doc.text[max(0, m.span.start - 4) : m.span.start].lower() == "the "
        )
        if head_word:
            owners = one_word.get(fold_name(ent.label), [])
        owners = [
            k
            for k in owners
            if k != m.entity
            and (
                b.doc.entities[k].cls == ent.cls
                # ("the Council" the model calls an organisation, of a legislature)
                or (head_word and b.ontology.is_a(b.doc.entities[k].cls, ent.cls))
                # ("the House" a site's word, of the House of Commons)
                or (
                    head_word
                    and b.ontology.is_a(ent.cls, HG.Place)
                    and b.ontology.is_a(b.doc.entities[k].cls, HG.Agent)
                )
            )
        ]
        if ent.gazetteer is not None or not owners:
            continue
        named = [n for n in b.mentions if n.entity in owners]
        if not named:
            continue  # (a longer name whose mentions went to another entity before)
        before = [n for n in named if n.span.end <= m.span.start]
        if before:
            latest = max(before, key=lambda n: n.span.start)
            b.mentions[i] = b.mention(m.span, latest.entity, m.source)
        else:
            earliest = min(named, key=lambda n: n.span.start)
            b.mentions[i] = b.mention(m.span, earliest.entity, m.source)


def merge_descriptions_ending_a_name(b: EntityBuilder) -> None:
    """ "The Fuzuli District Executive Authority ... according to the district executive
    authority": a body the text names in lower case alone, by two words or more, is the one
    body it names with a proper name that ends with those words; so is a force named by one
    word ("the army" of a text that names the Soviet Army, "the gendarmerie" of one that
    names the Hungarian gendarmerie). Two such names ("the Aghdam District Executive
    Authority", "the Fuzuli District Executive Authority") leave it alone, and so does
    another body's one word ("the authorities" of a text that names the Uzbek authorities
    may be others)."""
    bodies = sorted(
        {
            m.entity
            for m in b.mentions
            if b.ontology.is_a(b.doc.entities[m.entity].cls, HG.Organization)
        }
    )
    named = [k for k in bodies if not b.doc.entities[k].label.islower()]
    for key in bodies:
        ent = b.doc.entities[key]
        words = ent.label.split()
        if ent.gazetteer is not None or not ent.label.islower():
            continue
        if len(words) < 2 and ent.cls != HG.MilitaryForce:
            continue
        owners = [k for k in named if _ends_with(b.doc.entities[k].label.lower(), words)]
        if len(owners) == 1:
            _repoint(b, key, owners[0])


def match_heading_names(b: EntityBuilder) -> None:
    """A name in a heading counts when the body names it too (as any entity)."""
    names: dict[str, str] = {}
    for m in b.mentions:
        ent = b.doc.entities[m.entity]
        names.setdefault(compact(ent.label), m.entity)
        names.setdefault(compact(b.doc.quote(m.span)), m.entity)
    for span, label in b.in_headings:
        key = names.get(compact(label))
        if key is not None and b.covered(span) is None:
            b.add(span, key, "ner")


def match_the_last_word_of_a_name(b: EntityBuilder) -> None:
    """ "The Soviet Union ... the Union", "the British Empire ... the Empire": "the" and one
    capitalised word, not a title ("the President"), that no name covers, is the one thing
    named before whose name of two words or more ends with that word (a person's surname
    is left to the person rules; two such names, "the Central Committee" and "the Hunter
    Committee", leave it alone)."""
    for sent in b.doc.sentences:
        tokens = list(sent.parsed)
        for i, t in enumerate(tokens[1:], start=1):
            if (
                tokens[i - 1].lower_ != "the"
                or t.tag_ != "NNP"
                or not t.text.istitle()
                or (i + 1 < len(tokens) and tokens[i + 1].tag_ == "NNP")
                or b.lexicon.is_title_word(t.text)
            ):
                continue
            span = token_span(t)
            if b.covered(span) is not None:
                continue
            owners = {
                m.entity
                for m in b.mentions
                if m.span.end <= span.start
                and not b.ontology.is_a(b.doc.entities[m.entity].cls, HG.Person)
                and _ends_with_word(b.doc.entities[m.entity].label, t.text)
            }
            if len(owners) == 1:
                b.add(span, next(iter(owners)), "anaphora")


def _ends_with_word(label: str, word: str) -> bool:
    """Whether a name of two words or more ends with ``word`` ("Soviet Union", "Union")."""
    return _ends_with(label, [word])


def _ends_with(label: str, words: list[str]) -> bool:
    """Whether a name longer than ``words`` ends with them ("Fuzuli District Executive
    Authority", ["District", "Executive", "Authority"])."""
    own = label.split()
    return len(own) > len(words) and own[-len(words) :] == words
