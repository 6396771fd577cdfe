"""Phrases headed by a class head word: "the USSR leadership", "the Berkut riot police".

Part of the ``entities`` stage (see :mod:`historygraph.stages.entities`): a noun
phrase whose head word the lexicon gives a class (``hg:headWord``) names an agent
or place when a proper name or a known place modifies it.
"""

from __future__ import annotations

from itertools import takewhile
from typing import Any

from rdflib import URIRef

from historygraph.document import Mention, Span
from historygraph.namespaces import HG
from historygraph.ontology import compact
from historygraph.stages.coreference import has_number, names_with
from historygraph.stages.mentions import (
    EntityBuilder,
    add_name,
    after_untagged_date,
    building_of_a_body,
    class_of_phrase,
    head_phrase_class,
    head_phrase_end,
    of_a_known_place,
    of_its_place,
)
from historygraph.stages.names import (
    DESCRIBING_WORDS,
    GENERIC_QUANTIFIERS,
    QUANTIFIERS,
    SITE_PREPOSITIONS,
    lookback_start,
    nationality_words,
    normalise_label,
)
from historygraph.stages.numbers import ordinal_in_figures
from historygraph.stages.place_cues import is_place, names_place
from historygraph.stages.syntax import (
    Token,
    count_words,
    first_conjunct,
    hyphenated_rest,
    lemma,
    noun_chunks,
    noun_tag,
    of_phrase,
    offset,
    possessor_phrases,
    reports,
    token_span,
    tokens_span,
    with_conjuncts,
)


def _a_side_of(b: EntityBuilder, root: Token) -> bool:
    """Whether ``root`` is a side noun of the lexicon (``hg:sideNoun``) that only says which
    part of what follows "of" it is: "the centre of Baku", "the outskirts of Osh" (not "the
    cultural centre of Baku", "the Trade Centre": sites of their own)."""
    return (
        root.lower_ in b.lexicon.side_nouns
        and not any(c.dep_ in {"amod", "compound", "nmod"} for c in root.children)
        and of_phrase(root) is not None
    )


def _inside_quotes(chunk: Any, tokens: list[Token], root: Token) -> list[Token]:
    """The words of a phrase from the quotation marks its head word is in or after: a
    separate "Ostland Republic" is named "Ostland Republic", not 'separate "Ostland
    Republic'; the "Shield" commission keeps both its quotation marks ('"Shield"
    commission', not 'Shield" commission': its label has none)."""
    opening = max((t.i for t in chunk if t.tag_ == "``" and t.i < root.i), default=None)
    if opening is None:
        return tokens
    inside = [t for t in tokens if t.i > opening]
    if any(t.tag_ == "''" and opening < t.i < root.i for t in chunk):
        return [root.doc[opening], *inside]  # the quoted words close before the head word
    return inside


def match_headword_phrases(b: EntityBuilder, parsed: Token) -> None:
    """Noun phrases such as "the USSR leadership": a class head word with a proper-name modifier."""
    nationalities = nationality_words(b.ontology)
    for chunk in [*noun_chunks(parsed), *possessor_phrases(parsed)]:
        root = chunk.root
        cls = class_of_phrase(b, root, None)
        if cls is None and _named_route(b, root):
            cls = HG.Place
        if cls is None:
            continue
        site = b.ontology.is_a(cls, HG.Place)
        if not (site or b.ontology.is_a(cls, HG.Agent)):
            continue
        if b.ontology.is_a(cls, HG.Person) and noun_tag(root) != "NN":
            continue  # "the Karabakh ombudsman" is one person; "Soviet officers" are not
        root_span = Span(offset(root), offset(root) + len(root.text))
        if b.covered(root_span) is not None:
            continue
        if _describes_an_unnamed_subject(b, root, chunk):
            continue  # "Rosewood was a small town in Levy County": what the subject is
        if _describes_the_name_after(root):
            continue  # "the rights group Memorial": one body, the name's
        if site and _a_side_of(b, root):
            continue  # "in the centre of Baku": Baku, told more closely; no place of its own
        tokens = [
            t
            for t in chunk
            if (t.dep_ not in {"det", "poss"} or t.i == root.i)
            and not t.is_punct
            and t.tag_ != "LS"  # ("2. The militia": no list's number)
        ]
        dated = root.ent_type_ in {"DATE", "TIME"}  # ("the Armenian quarter", tagged DATE)
        while (
            tokens
            and not dated
            and (
                tokens[0].ent_type_ in {"DATE", "TIME"}
                or (tokens[0].like_num and len(tokens) > 1 and tokens[1].ent_type_ == "DATE")
            )
        ):
            # "On 13 April 1919 troops fired", "From 22 December Ostland troops fought" (the
            # model left the day out of the date): the date is no part of the name
            date = tokens[0]
            tokens = tokens[1:]
            while tokens and tokens[0].head.i == date.i and tokens[0].i < root.i:
                tokens = tokens[1:]  # nor a word of the date: "Every year since, mourners"
        tokens = after_untagged_date(tokens)
        while len(tokens) > 1 and tokens[0].tag_ == "JJ" and tokens[1].dep_ == "nummod":
            # "shot dead nine miners": an adjective before the number is no part of the phrase
            # (a count comes before a describing word: "nine dead miners")
            tokens = tokens[1:]
        tokens = _after_coordinated_modifiers(tokens, root)
        # "on the square, many mourners" (the model took "square" for an adjective): a
        # quantifier opens the phrase it is in
        quantifier = next(
            (k for k in range(len(tokens) - 1, -1, -1) if tokens[k].lower_ in QUANTIFIERS),
            None,
        )
        if quantifier is not None and quantifier > 0 and tokens[quantifier].i < root.i:
            tokens = tokens[quantifier:]
        tokens = _inside_quotes(chunk, tokens, root)
        possessor = next((c for c in root.children if c.dep_ == "poss"), None)
        owner = possessor
        if owner is not None and (
            owner.pos_ not in {"NOUN", "PROPN"}
            or names_place(b, owner)
            or lemma(owner) in b.lexicon.territory_nouns
        ):
            owner = None  # "his office", "Azerbaijan's army", "the country's leadership"
        # "Russia's defence ministry", "Karabakh's human rights ombudsman": a body or office
        # of a named place, named after it ("defence ministry of Russian Federation"); the
        # place keeps its own mention
        of_place = (
            possessor is not None
            and possessor.pos_ == "PROPN"
            and not site
            and not b.ontology.is_a(cls, HG.Group)
            and b.covered(token_span(possessor)) is not None
            and names_place(b, possessor)
        )
        if (
            owner is not None
            and not site
            and not b.ontology.is_a(cls, HG.Group)
            and not b.ontology.is_a(cls, HG.Person)
        ):
            # "the military commandant's office", "the USSR Prosecutor's Office": a body its
            # owner names (a country before the owner keeps its own mention)
            placed = {
                t.i
                for c in owner.children
                if c.dep_ == "poss" and names_place(b, c)
                for t in c.subtree
            }
            tokens = sorted(
                {*(t for t in owner.subtree if t.i not in placed), *tokens}, key=lambda t: t.i
            )
        # "the 366th motorised rifle regiment": a unit or body named by its number
        number = (
            next((t for t in tokens if t.i < root.i and ordinal_in_figures(t.text)), None)
            if not site
            else None
        )
        named = (
            owner is not None
            or of_place
            or number is not None
            or any(
                t.pos_ == "PROPN" or t.ent_type_ == "NORP" or compact(t.text) in nationalities
                for t in tokens
                if t.i != root.i
            )
        )  # "Azerbaijani troops", whatever the model tags "Azerbaijani" as
        # a plural group noun on its own ("protesters", "university students") names a group too
        # and so does a singular one the lexicon lists in the singular ("a crowd")
        collective = (
            (
                cls == HG.Group
                # "taken away as hostages", "held as prisoners": what people were
                # taken for, no group the text refers to
                and not (root.dep_ == "pobj" and root.head.lower_ == "as" and not _definite(chunk))
                # "a town of about 5,000 inhabitants", "the village had some 300
                # inhabitants": the size of a place, no group the text refers to
                and not _size_of_a_place(b, root)
                # 'blamed "extremists" for the violence': a word the text quotes from
                # someone else, no group it refers to itself
                and not _in_quotation_marks(root)
                and (
                    noun_tag(root) == "NNS"
                    or (noun_tag(root) == "NN" and root.lower_ in b.lexicon.head_words)
                )
                and lemma(root) not in b.lexicon.generic_group_nouns
                # "its organisers", "their relatives": people by their relation to someone
                # the text does not name here, no group of their own
                and not (
                    root.lower_ in b.lexicon.relational_group_nouns
                    and any(t.tag_ == "PRP$" and t.head.i == root.i for t in chunk)
                    and not any(
                        t.dep_ in {"amod", "compound"}
                        and t.head.i == root.i
                        and t.lower_ != "own"  # ("against its own citizens")
                        for t in chunk
                    )
                )
                # "Memorial, whose investigators reached the area": the people of someone
                # just named, in a clause about that one, no group of their own
                and not any(t.lower_ == "whose" and t.head.i == root.i for t in chunk)
                # "most residents", "many residents": some of a people, no group of its own
                # ("many historians", "some witnesses": the group the text cites)
                and not (
                    root.lower_ not in b.lexicon.informant_nouns
                    and any(t.lower_ in GENERIC_QUANTIFIERS and t.head.i == root.i for t in chunk)
                    and not any(
                        t.dep_ in {"amod", "compound"}
                        and t.head.i == root.i
                        and t.lower_ not in GENERIC_QUANTIFIERS
                        for t in chunk
                    )
                )
            )
            or (
                # "the authorities", "local authorities": a body named by its plural head word
                cls == HG.Organization
                and noun_tag(root) == "NNS"
                and root.lower_ in b.lexicon.head_words
            )
            or (
                # "government troops", "security forces", "border guards": a force its modifier
                # names, though no proper name does
                b.ontology.is_a(cls, HG.MilitaryForce)
                and noun_tag(root) == "NNS"
                and (
                    any(
                        t.dep_ == "compound" and t.pos_ == "NOUN" and t.head.i == root.i
                        for t in tokens
                    )
                    # or a head phrase of the lexicon names the kind: "the internal troops"
                    or head_phrase_class(b, root) is not None
                )
            )
            # or a force whose word has no singular, acting on its own or listed with another
            # force: "Police arrested the organisers", "the army and police" ("soldiers
            # fired" are men of a force named elsewhere)
            or (
                b.ontology.is_a(cls, HG.MilitaryForce)
                and lemma(root) == root.lower_
                and _acting_force(b, root, chunk)
            )
        )
        # one unnamed person the text singles out: "a retired teacher said", "another officer
        # recalls" (not a description of someone named: "Anahit, a teacher from Martuni",
        # "she was a nurse", "as a student")
        individual = (
            b.ontology.is_a(cls, HG.Person)
            and chunk[0].lower_ in {"a", "an", "another"}
            and chunk[0].head.i == root.i
            and root.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "dative"}
            and not (root.dep_ == "pobj" and root.head.lower_ in {"as", "like"})
            and not any(c.dep_ in {"appos", "relcl"} for c in root.children)
            and not any(t.pos_ == "PROPN" for t in chunk)
        )
        if _definite_speaker(b, cls, chunk):
            # "a Western diplomat ... the diplomat said": the one named so before, if any
            earlier = [
                m
                for m in b.mentions
                if m.span.start < root_span.start
                and b.doc.entities[m.entity].cls == HG.Person
                and b.doc.entities[m.entity].label.lower().split()[-1:] == [root.lower_]
            ]
            if not earlier:
                # "Ambassador Mikhail Bocharnikov laid a wreath ... the diplomat told": the
                # person last named in the sentences just before
                sentence = b.doc.sentence_at(root_span.start).index
                window = lookback_start(b.doc, sentence)
                earlier = [
                    m
                    for m in b.mentions
                    if window <= m.span.start < root_span.start
                    and m.source == "ner"
                    and b.doc.entities[m.entity].cls == HG.Person
                ]
            if earlier:
                b.refer(root_span, max(earlier, key=lambda m: m.span.start).entity)
                continue
            individual = True
        # a site named by a proper noun before its head word: "the Supreme Council building",
        # "the Antakalnis cemetery" (the model may take the name alone for an organisation)
        named_site = (
            site
            and (
                any(
                    t.pos_ == "PROPN"
                    # ("the Semashko hospital": a name the parse took for a describing word)
                    and (t.dep_ == "compound" or (t.dep_ == "amod" and t.tag_ == "NNP"))
                    and t.i < root.i
                    and compact(t.text) not in nationalities  # "the Azerbaijani city of ..."
                    for t in tokens
                )
                or _a_site_of_a_people(b, cls, root, tokens, nationalities)
            )
            # ("the Osh region of the Kirghiz SSR": an area named, then the land it lies in)
            and (lemma(root) in b.lexicon.area_nouns or of_phrase(root) is None)
        )
        # a site described by its modifiers where something happened: "outside the
        # government building", "stormed the city prison", "near a military barracks"
        described_site = (
            site
            and noun_tag(root) == "NN"
            and lemma(root) not in b.lexicon.land_nouns
            and chunk[0].lower_ in {"the", "a", "an"}
            and any(t.dep_ in {"amod", "compound"} and t.head.i == root.i for t in tokens)
            and not any(
                (c.dep_ == "prep" and c.lower_ in (*SITE_PREPOSITIONS, "of")) or c.dep_ == "poss"
                for c in root.children
            )
            # ("the television centre was blown up"; "at the station and the cable plant")
            and first_conjunct(root).dep_ in {"pobj", "dobj", "nsubjpass"}
            and not any(t.ent_type_ == "NORP" or t.lower_ in QUANTIFIERS for t in tokens)
        )
        if (
            site
            and not named_site
            and possessor is not None
            and possessor.pos_ == "PROPN"
            and lemma(root) not in b.lexicon.land_nouns  # "Azerbaijan's second city"
        ):
            _add_possessed_site(b, cls, root, possessor, tokens)
            continue
        end = None
        if (site and not (named_site or described_site)) or not (
            named or collective or site or individual
        ):
            # "the government of India"; a site: "the memorial on Rustaveli Avenue" (a named
            # place is the model's to find, and "the town of Khojaly" is Khojaly itself)
            preps = SITE_PREPOSITIONS if site else ("of",)
            end = (
                _of_a_place(b, root, preps)
                # (a group only as the people of a place: "the population of Jabrayil")
                if (cls != HG.Group or lemma(root) in b.lexicon.national_people_nouns)
                and (chunk[0].lower_ == "the" or (site and chunk[0].lower_ in {"a", "an"}))
                else None
            )
            if end is None and lemma(root) in b.lexicon.national_people_nouns and _definite(chunk):
                end = _people_of(b, root)
            if (
                end is None
                and site
                and chunk[0].lower_ == "the"
                and noun_tag(root) == "NN"
                and lemma(root) not in b.lexicon.land_nouns
            ):
                # "the permanent mission of Azerbaijan", "the central square of Sumgait": a
                # site of a place ("the second city of Azerbaijan" is only a description)
                end = _of_a_place(b, root, ("of",))
            if (
                end is None
                and chunk[0].lower_ == "the"
                and not site
                and not b.ontology.is_a(cls, HG.Group)
                and not b.ontology.is_a(cls, HG.Person)
            ):
                end = _of_the_territory(b, root)  # "the leadership of the republic"
            if end is None and chunk[0].lower_ == "the":
                end = head_phrase_end(b, root)  # "the line of contact": a term of the lexicon
            if end is None and chunk[0].lower_ == "the" and root.pos_ == "PROPN":
                end = _of_a_body(b, root)  # "the Presidium of the Supreme Soviet of ..."
            if end is None and site and chunk[0].lower_ == "the":
                building_of_a_body(b, root)  # "the building of the Radio Committee"
            if end is None:
                continue
            tokens.extend(t for t in root.doc[root.i + 1 :] if offset(t) < end)
        # "at least 800 residents": the words of a count are no part of the name
        counted = count_words(root)
        while tokens and (
            # (not the number of a unit: "the 366th motorised rifle regiment")
            (tokens[0].like_num and not ordinal_in_figures(tokens[0].text))
            or tokens[0].i in counted
            # "only the Juma Mosque", "also the businessmen", "nearly the entire population"
            or (
                tokens[0].pos_ == "ADV"
                and tokens[0].whitespace_  # (not "so-called")
                and tokens[0].i < root.i
                and len(tokens) > 1
            )
            or tokens[0].dep_ in {"nummod", "quantmod", "case"}  # "the city's residents"
            or tokens[0].tag_ in {"WRB", "WDT", "WP"}  # "the house, where relatives ..."
            or tokens[0].lower_ in QUANTIFIERS
            or (tokens[0].dep_ == "advmod" and tokens[0].head.like_num)  # "roughly 120,000"
            or (tokens[0].dep_ == "amod" and tokens[0].head.like_num)  # "more than 100,000"
            or (tokens[0].dep_ == "cc" and len(tokens) > 1)  # "37 dead and 106 prisoners"
        ):
            tokens = tokens[1:]
        if not tokens:
            continue
        span = tokens_span(tokens[0], tokens[-1])
        # "the government of India": India stays a mention of its own, inside the longer name
        place = [
            m
            for m in b.mentions
            if end is not None
            and m.span.end == end
            and is_place(b, m)  # ("the Presidium of the Supreme Soviet": one body)
        ]
        # "Hitler's regime", "General Franco's forces": the person who owns the body keeps a
        # mention of their own inside its name
        place += _owners(b, possessor, span)
        for m in [m for m in b.mentions if span.contains(m.span) and m not in place]:
            b.mentions.remove(m)
        if all(m in place for m in b.mentions if m.span.overlaps(span)):
            label = normalise_label(b.doc.quote(_label_span(cls, tokens)))
            if of_place:
                label = of_its_place(b, root, span, cls, label)
            key = (number is not None and _same_number(b, cls, number, root)) or b.entity_for(
                cls, label, of_a_known_place(b, span, cls, label)
            )
            b.add(span, key, "headword")
            if site and place:
                b.doc.entities[key].located_in = place[0].entity
                b.doc.entities[key].located_in_evidence = span


def _same_number(b: EntityBuilder, cls: URIRef, number: Token, root: Token) -> str | None:
    """The unit or body of class ``cls`` the text named before with the same number and
    head word ("the 366th regiment" after "the 366th motorised rifle regiment"), if any."""
    for m in reversed(b.mentions):
        ent = b.doc.entities[m.entity]
        if ent.cls == cls and has_number(ent, number.lower_) and names_with(ent, lemma(root)):
            return m.entity
    return None


def _a_site_of_a_people(
    b: EntityBuilder, cls: URIRef, root: Token, tokens: list[Token], nationalities: frozenset[str]
) -> bool:
    """ "the Kyrgyz border", "the Soviet embassy", "the Soviet-Iranian border": one site a
    people's or a country's adjective names (not a settlement or area, "the Azerbaijani city
    of ..."; not a plural, "Armenian houses"; not a state, "the Soviet republic")."""
    return (
        noun_tag(root) == "NN"
        and not b.ontology.is_a(cls, HG.State)
        and lemma(root) not in b.lexicon.land_nouns
        and any(
            t.dep_ in {"amod", "compound"}
            and t.head.i == root.i
            and (t.ent_type_ == "NORP" or compact(t.text) in nationalities)
            for t in tokens
        )
        and of_phrase(root) is None
    )


def _describes_an_unnamed_subject(b: EntityBuilder, root: Token, chunk: Any) -> bool:
    """Whether a phrase with "a" says what its clause's subject is ("Rosewood was a small
    town in Levy County") and no mention covers the subject (the model missed "Rosewood"):
    a description, no place or body of its own. (A subject that is a mention takes the
    phrase as one more mention of it.)"""
    if root.dep_ != "attr" or not any(t.dep_ == "det" and t.lower_ in {"a", "an"} for t in chunk):
        return False
    subjects = [c for c in root.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return not any(b.covered(token_span(s)) is not None for s in subjects)


def _describes_the_name_after(root: Token) -> bool:
    """Whether a lower-case singular noun says what the proper name just after it is ("the
    human rights group Memorial", "the opposition coalition Ozod Vatan"): the noun hangs on
    the name, or the name is set beside it."""
    if root.i + 1 >= len(root.doc) or root.tag_ != "NN" or not root.is_lower:
        return False
    name = root.doc[root.i + 1]
    if name.pos_ != "PROPN" or not name.text[:1].isupper():
        return False
    return (root.dep_ == "compound" and root.head.i >= name.i and root.head.pos_ == "PROPN") or (
        name.dep_ == "appos" and name.head.i == root.i
    )


def _named_route(b: EntityBuilder, root: Token) -> bool:
    """ "along the Bilajari road", "from the Gorus road": a route noun of the lexicon with a
    proper name before it is a place (the model may take the name for a person's); a route
    the text does not name ("the road") is none."""
    return (
        noun_tag(root) == "NN"
        and lemma(root) in b.lexicon.route_nouns
        and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper() and c.i < root.i
            for c in root.children
        )
    )


def _label_span(cls: URIRef, tokens: list[Token]) -> Span:
    """The words of a phrase that label its entity: a group's or a force's without the words
    that say how the source sees it ("unarmed residents", "a huge crowd", "the remaining
    Dorland units"); the mention keeps them."""
    described = (
        list(takewhile(lambda t: t.lower_ in DESCRIBING_WORDS and t.dep_ == "amod", tokens[:-1]))
        if cls in (HG.Group, HG.MilitaryForce)
        else []
    )
    return tokens_span(tokens[len(described)], tokens[-1])


#: Callings of a text's own staff: "our correspondent reports", "the editor notes" are its
#: writers.
_OWN_STAFF = frozenset({"correspondent", "reporter", "editor"})


def _acting_force(b: EntityBuilder, root: Token, chunk: Token) -> bool:
    """ "Police arrested him", "shot by police": a force named by its bare head word, the
    subject of a verb or the agent of a passive one; or listed with another force ("the army
    and police were sent in", "attacking soldiers and police", "Iranian forces and
    peshmerga"; not the kinds of a measure: "companies of infantry and cavalry")."""
    if any(
        t.dep_ in {"det", "poss", "amod", "nummod", "compound"}
        for t in chunk
        if t.i < root.i and t.ent_type_ not in {"DATE", "TIME"}
    ):
        return False  # ("the police", "Kent police": named otherwise; "In 1921 police")
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB":
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent":
        return True
    first = first_conjunct(root)
    if first.dep_ == "pobj" and first.head.lower_ == "of":
        return False
    return any(
        t.i != root.i
        and (cls := class_of_phrase(b, t, None)) is not None
        and b.ontology.is_a(cls, HG.MilitaryForce)
        for t in with_conjuncts(first)
    )


def _definite_speaker(b: EntityBuilder, cls: URIRef, chunk: Token) -> bool:
    """ "The coroner admits twelve dead", "our ombudsman later said": one person the text
    singles out by a calling, after "the" or a possessive, who reports something (not the
    text's writer: "our correspondent reports", "the editor notes")."""
    root = chunk.root
    return (
        b.ontology.is_a(cls, HG.Person)
        and root.lower_ not in _OWN_STAFF
        and root.tag_ == "NN"
        and chunk[0].lower_ in {"the", "our", "their", "its"}
        and reports(root, b.lexicon.report_verbs)
        and not any(c.dep_ in {"appos", "relcl"} for c in root.children)
        and not any(t.pos_ == "PROPN" for t in chunk)
    )


def _owners(b: EntityBuilder, possessor: Token | None, span: Span) -> list[Mention]:
    """The mentions of people inside ``span`` that name its possessor ("Hitler" in
    "Hitler's regime", "Francisco Franco" in "General Francisco Franco's forces")."""
    if possessor is None or any(c.dep_ == "det" for c in possessor.children):
        return []  # ("the Record's offices": a newspaper's name, no one's)
    owned = Span(offset(next(iter(possessor.subtree))), offset(possessor) + len(possessor.text))
    return [
        m
        for m in b.mentions
        if span.contains(m.span)
        and owned.contains(m.span)
        and b.ontology.is_a(b.doc.entities[m.entity].cls, HG.Person)
    ]


def _add_possessed_site(
    b: EntityBuilder, cls: URIRef, root: Token, possessor: Token, tokens: list[Token]
) -> None:
    """ "Azerbaijan's permanent mission": a site named by its possessor, labelled as the
    same site named with "of" ("permanent mission of Azerbaijan"), so that both forms are one
    entity. The possessor keeps its own mention."""
    owned = {t.i for t in possessor.subtree}
    words = [t for t in tokens if t.i not in owned and t.i >= possessor.i]
    if not words or words[-1].i != root.i:
        return
    span = tokens_span(words[0], root)
    owner = [t for t in possessor.subtree if t.dep_ != "case"]
    owner_span = tokens_span(owner[0], owner[-1])
    named = [t for t in owner if t.dep_ != "det"]
    whole = tokens_span(named[0], root) if named else span
    # the model's own name for the possessor alone ("Wolf" of "the Wolf's Gate")
    inside = [m for m in b.mentions if m.span.overlaps(whole)]
    if (
        root.text[:1].isupper()
        and possessor.text[:1].isupper()
        and not names_place(b, possessor)
        and (not inside or all(m.source == "ner" and owner_span.contains(m.span) for m in inside))
    ):
        # "the Polish People's Republic", "the Wolf's Gate": no place owns it; the
        # possessive is its name's
        for m in inside:
            b.mentions.remove(m)
        b.add(whole, b.entity_for(cls, normalise_label(b.doc.quote(whole))), "headword")
        return
    if b.covered(span) is not None:
        return
    owner_label = normalise_label(b.doc.quote(owner_span))
    label = f"{normalise_label(b.doc.quote(span))} of {owner_label}"
    b.add(span, b.entity_for(cls, label), "headword")


def _after_coordinated_modifiers(tokens: list[Token], root: Token) -> list[Token]:
    """ "the Soviet Army and Interior Ministry troops": two bodies, the head word names the
    second; its name starts after the last coordinator that joins two named modifiers.

    The first body keeps a mention of its own (the model's, or none); "Army and Navy
    veterans" is left whole, as the modifiers are not names the model found.
    """
    for k in range(len(tokens) - 1, 0, -1):
        cc = tokens[k]
        if cc.dep_ != "cc" or cc.head.i == root.i or cc.i > root.i:
            continue
        before, after = tokens[:k], tokens[k + 1 :]
        if before and after and _names_a_body(before[-1]) and _names_a_body(after[0]):
            return after
    return tokens


def _names_a_body(token: Token) -> bool:
    """A token of a name the model found, other than a nationality ("Gurkha and Indian
    soldiers" are one body of soldiers)."""
    return bool(token.ent_type_) and token.ent_type_ != "NORP"


def _objects_after(root: Token, preps: tuple[str, ...] = ("of",)) -> list[Token]:
    """The objects of a preposition of ``preps`` right after ``root``: "Derry" in "the people
    of Derry", "India" in "the government of India"."""
    return [
        obj
        for prep in root.children
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i == root.i + 1
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _of_a_place(b: EntityBuilder, root: Token, preps: tuple[str, ...] = ("of",)) -> int | None:
    """ "the government of India", "the army of Armenia": where the named place ends, if any.

    ``preps``: the prepositions that may join the head word to the place.
    """
    for obj in _objects_after(root, preps):
        span = Span(offset(obj), offset(obj) + len(obj.text))
        place = b.covered(span)
        if obj.ent_type_ == "GPE" or (
            place is not None and b.ontology.is_a(b.doc.entities[place.entity].cls, HG.Place)
        ):
            return place.span.end if place is not None else span.end
    return None


#: Quotation marks that may set a single word apart.
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})


def _in_quotation_marks(root: Token) -> bool:
    """Whether a noun stands alone between quotation marks ('"extremists"'; not before a
    possessive's apostrophe: "'the workers' demands")."""
    doc = root.doc
    return (
        0 < root.i < len(doc) - 1
        and doc[root.i - 1].text in _QUOTE_MARKS
        and doc[root.i + 1].text in _QUOTE_MARKS
        and doc[root.i + 1].tag_ != "POS"
    )


def _size_of_a_place(b: EntityBuilder, root: Token) -> bool:
    """Whether a counted plural tells how many people a place has: "a town of about 5,000
    inhabitants" (after "of" and a settlement or area noun of the lexicon), "Khojaly had
    some 7,000 inhabitants" (the object of "have")."""
    if not count_words(root) or any(c.dep_ == "poss" for c in root.children):
        return False  # ("its roughly 7,000 inhabitants depended on ...": the place's people)
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return lemma(root.head.head) in b.lexicon.land_nouns
    return root.dep_ == "dobj" and lemma(root.head) == "have"


def _of_the_territory(b: EntityBuilder, root: Token) -> int | None:
    """ "the leadership of the republic", "the procuracy of the republic": where the country,
    settlement or area noun (``hg:countryNoun``, ``hg:settlementNoun``, ``hg:areaNoun``)
    that "of" and "the" join to a body's head word ends, if any: the body of the land the
    text is about, named by it."""
    for obj in _objects_after(root):
        if (
            obj.tag_ == "NN"
            and obj.is_lower
            and lemma(obj) in b.lexicon.territory_nouns
            and [c.lower_ for c in obj.children] == ["the"]
        ):
            return offset(obj) + len(obj.text)
    return None


def _definite(chunk: Token) -> bool:
    """Whether "the" determines the phrase ("almost the entire population")."""
    return any(t.dep_ == "det" and t.lower_ == "the" and t.head.i == chunk.root.i for t in chunk)


def _people_of(b: EntityBuilder, root: Token) -> int | None:
    """ "the people of Derry" (tagged as a person), "the people of Amritsar" (tagged as a
    body): where the place whose people these are ends, when "of" joins them to one
    capitalised name the model did not tag as a place (a place, whatever it took it for)."""
    for obj in _objects_after(root):
        if (
            obj.tag_ == "NNP"
            and obj.text.istitle()
            and obj.ent_type_ in {"PERSON", "ORG", "GPE", "LOC", "FAC", ""}
            and not any(c.dep_ in {"compound", "amod", "conj"} for c in obj.children)
        ):
            span = token_span(obj)
            held = b.covered(span)
            if held is not None and (held.span != span or held.source != "ner"):
                return None  # part of a longer name, or a known one of another class
            if held is not None:
                b.mentions.remove(held)
            add_name(b, span, HG.Place)  # "the people of Amritsar", tagged as a body
            return span.end
    return None


def _of_a_body(b: EntityBuilder, root: Token) -> int | None:
    """ "the Presidium of the Supreme Soviet of the Azerbaijan SSR": where the body that a
    capitalised head word names a part of ends, if "of" joins it to a body or a state."""
    for obj in _objects_after(root):
        held = b.covered(token_span(obj))
        # (a body the head words name, found later in the sentence: "Supreme Soviet")
        cls = (
            b.doc.entities[held.entity].cls
            if held is not None
            else class_of_phrase(b, obj, None)
            if obj.pos_ == "PROPN"
            else None
        )
        if cls is None:
            continue
        if b.ontology.is_a(cls, HG.Organization) or b.ontology.is_a(cls, HG.State):
            return _name_end(obj)
    return None


#: Dependants that start a clause or a second phrase after a name ("the Presidium of the
#: Supreme Soviet, which Gorbachev heads"; "the Presidium of X and the Council of Y").
_NOT_OF_A_NAME = frozenset({"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis"})


def _name_end(head: Token) -> int:
    """Where the name ``head`` heads ends: its subtree without the clauses and the
    coordinated or apposed phrases hung on it or on the words under it."""
    end = token_span(head).end
    for child in head.children:
        if child.dep_ not in _NOT_OF_A_NAME and child.i > head.i:
            end = max(end, _name_end(child))
    return end


def match_kin_groups(b: EntityBuilder, parsed: Token) -> None:
    """ "the families of the victims", "relatives of the dead", "families of martyrs": people
    named by their kin to other people are a group, named by the whole phrase.

    Read from the words, not the parse (the model often hangs "of the dead" on another
    noun of a list): "of", then a plural noun ("martyrs", "missing persons") or "the" and a
    word used as one ("the dead", "the deported"). "The relatives of Ramiz Karimov" names
    no group.
    """
    doc = parsed.doc
    for token in parsed:
        if (
            token.lower_ not in b.lexicon.kin_group_nouns
            or token.tag_ != "NNS"
            or token.i + 3 > len(doc)
        ):
            continue
        if doc[token.i + 1].lower_ != "of":
            continue
        j = token.i + 2
        determined = doc[j].lower_ in {"the", "our", "their"}
        j += determined
        words = list(takewhile(lambda t: t.is_lower, doc[j : j + 2]))
        if not words:
            continue
        plural = ("NNS", "NNPS")  # (the model may tag "martyrs" as a name)
        if words[0].tag_ in plural:
            last = words[0]
        elif len(words) > 1 and words[0].pos_ in {"ADJ", "VERB"} and words[1].tag_ in plural:
            last = words[1]  # "missing persons"
        elif (
            determined
            and words[0].pos_ in {"ADJ", "VERB", "NOUN"}
            and words[0].i + 1 < len(doc)
            and doc[words[0].i + 1].pos_ not in {"NOUN", "PROPN"}
        ):
            last = words[0]  # "the dead"
        else:
            continue
        # "the families of the non-combatants": the hyphenated word whole
        last = [last, *hyphenated_rest(last, names_only=False)][-1]
        span = Span(offset(token), offset(last) + len(last.text))
        if b.covered(span) is not None:
            continue
        b.add(span, b.entity_for(HG.Group, normalise_label(b.doc.quote(span))), "headword")


def match_forces_of_bodies(b: EntityBuilder, parsed: Token) -> None:
    """ "troops of the Interior Ministry": armed men of a body the text names are that body's
    force, labelled as the text would write it with the body's name first ("Interior
    Ministry troops", "FSB special forces"), so that both ways of writing it are one force.
    The body keeps no mention of its own there (it acts through its troops)."""
    for token in parsed:
        if token.lower_ not in b.lexicon.force_of_body_nouns or token.tag_ != "NNS":
            continue
        prep = of_phrase(token)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if obj is None:
            continue
        body = b.covered(token_span(obj))
        if (
            body is None
            or b.doc.entities[body.entity].cls != HG.Organization
            or not body.span.contains(token_span(obj))
        ):
            continue
        # the words before it: "the special forces of the FSB" are "FSB special forces" (not
        # a date: "On 13 May troops of ...")
        first = token
        while (
            first.i > 0
            and first.doc[first.i - 1].dep_ in {"amod", "compound"}
            and first.doc[first.i - 1].head.i == token.i
            and first.doc[first.i - 1].is_lower
            and not first.doc[first.i - 1].ent_type_
        ):
            first = first.doc[first.i - 1]
        if b.covered(tokens_span(first, token)) is not None:
            continue
        span = Span(offset(first), body.span.end)
        words = [t.lower_ for t in token.doc[first.i : token.i + 1]]
        label = " ".join([b.doc.entities[body.entity].label, *words])
        b.mentions.remove(body)
        b.add(span, b.entity_for(HG.MilitaryForce, label), "headword")
