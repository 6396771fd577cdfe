"""Cues that a name is a place's: where it stands in its sentence.

Part of the ``entities`` stage: :mod:`historygraph.stages.mentions` asks these when
the model's label for a name is missing or doubtful ("in Stepanakert", "the road
from Goris to Yerevan", "the siege of Shusha", "the village of Nakhchivanik").
Each function looks at the parse around one token and answers yes or no.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from historygraph.document import Mention
from historygraph.namespaces import HG
from historygraph.stages.names import LOCATIVES
from historygraph.stages.person_cues import names_a_person
from historygraph.stages.syntax import Token, first_conjunct, lemma, token_span

if TYPE_CHECKING:
    from historygraph.stages.mentions import EntityBuilder


#: Words that make a region of a country a place of its own: "Northern Ireland", "West Bengal".
COMPASS_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "upper",
        "lower",
    }
)
#: ... and with "new", a place named after another: "New Mexico" is not Mexico.
_OPENS_A_PLACE_OF_ITS_OWN = COMPASS_WORDS | {"new"}


def after_compass_word(token: Token) -> bool:
    """Whether ``token`` goes on a name from a compass word (or "new") before it: one the
    model tagged, or one it left untagged ("in Northern Ireland", "New Mexico", both words
    proper nouns)."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    if token.ent_iob_ != "I":
        return (
            before.lower_ in _OPENS_A_PLACE_OF_ITS_OWN
            and before.pos_ == "PROPN"
            and before.text[:1].isupper()
            and before.ent_type_ in {"", token.ent_type_}
        )
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    first = token.doc[start]
    return first.lower_ in _OPENS_A_PLACE_OF_ITS_OWN and first.text[:1].isupper()


def names_place(b: EntityBuilder, token: Token) -> bool:
    """Whether ``token`` names a place: the model's place name, or a place's mention."""
    if token.ent_type_ in {"GPE", "LOC"}:
        return True
    m = b.covered(token_span(token))
    return m is not None and b.ontology.is_a(b.doc.entities[m.entity].cls, HG.Place)


def end_of_a_route(b: EntityBuilder, root: Token) -> bool:
    """ "the road from Stepanakert to Goris", "flew from Goris to Yerevan": a name at one end
    of a route whose other end is a place the text has named."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in {"from", "to"}:
        return False
    other = "to" if prep.lower_ == "from" else "from"
    ends = [
        o
        for head in (prep.head, root)  # ("from A to B": "to B" may hang on A)
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == other
        for o in c.children
        if o.dep_ == "pobj"
    ]
    if prep.head.dep_ == "pobj" and prep.head.head.lower_ == other:
        ends.append(prep.head)  # "to B" on A, seen from B
    return any(names_place(b, end) for end in ends)


def after_locative(b: EntityBuilder, root: Token) -> bool:
    """ "in Stepanakert", "in Yerevan, Los Angeles and Marseille": the object of a locative
    preposition, or a conjunct of one (not in a hyphenated word: "Commander-in-Chief")."""
    first = first_conjunct(root)
    prep = first.head
    if prep.i > 0 and prep.doc[prep.i - 1].tag_ == "HYPH":
        return False
    if any(t.ent_type_ == "DATE" for t in prep.doc[prep.i + 1 : first.left_edge.i + 1]):
        return False  # "In October Vladimir Kozlov ... was sentenced": a date, then a subject
    if first.dep_ == "pobj" and prep.lower_ == "to" and lemma(prep.head) in b.lexicon.motion_verbs:
        return True  # "the fighting spread to Jalal-Abad"
    if (
        first.dep_ == "pobj"
        and prep.lower_ == "to"
        and (
            lemma(prep.head) in b.lexicon.route_nouns
            # (the parse may hang "to" elsewhere: "together with the new highway to Horadiz")
            or (prep.i > 0 and lemma(prep.doc[prep.i - 1]) in b.lexicon.route_nouns)
        )
    ):
        return True  # "the new highway to Horadiz"
    if (
        first.dep_ == "pobj"
        and prep.lower_ == "from"
        and lemma(prep.head) in b.lexicon.departure_words
        and root.ent_type_ != "NORP"  # ("refugees from Lorraine, Spanish republicans and ...")
    ):
        return True  # "walked from Bagerhat", "Hindu families from Bagerhat, Barishal"
    if (
        first.dep_ == "pobj"
        and prep.lower_ == "from"
        and prep.head.tag_ == "NN"
        and names_a_person(b, prep.head)
        and not root.text.isupper()  # ("a journalist from the BBC": a body's initials)
    ):
        return True  # "a teacher from Mdantsane", "a reserve lieutenant from Krasnodar"
    if first.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in b.lexicon.side_nouns:
        return True  # "raiding south of Gumbinnen", "on the outskirts of Osh"
    return first.dep_ == "pobj" and prep.lower_ in LOCATIVES


def entered(b: EntityBuilder, root: Token) -> bool:
    """ "returned to Bangkok and entered Wat Bowonniwet": the object of a verb of entering
    (a name the model took for a person's), or its subject in the passive ("Dervent and
    Kozluk had been occupied")."""
    first = first_conjunct(root)
    return first.dep_ in {"dobj", "nsubjpass"} and lemma(first.head) in b.lexicon.entry_verbs


def where_something_happened(root: Token) -> bool:
    """ "dragged to Sanam Luang, where they were hanged": a name a clause opening with
    "where" describes is a place."""
    # (not a question put to someone: "Odette, where were you when the killing began?")
    return any(
        c.dep_ == "relcl"
        and c.left_edge.lower_ == "where"
        and c.left_edge.dep_ == "advmod"
        and c.left_edge.i > root.i
        and c.doc[c.left_edge.i + 1].pos_ not in {"AUX", "VERB"}
        for c in root.children
    )


def what_befell(b: EntityBuilder, root: Token) -> bool:
    """ "the tragedy of Novocherkassk" (tagged as a person's name): the object of "of" after
    a noun of what befalls a place."""
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.pos_ == "NOUN"
        and lemma(prep.head) in b.lexicon.fate_nouns
    )


def a_name_after_the(b: EntityBuilder, ent: Token) -> bool:
    """ "a town on the Danube", "near the Nkaneng informal settlement": one word the model
    tagged as a person's name, after "the", as the object of a preposition or naming a
    place noun of the lexicon. A person's name takes no article."""
    words = [t for t in ent if t.dep_ != "det"]
    if ent.label_ != "PERSON" or len(words) != 1:
        return False
    root = words[0]
    if root.i == 0 or root.doc[root.i - 1].lower_ != "the" or b.lexicon.is_title_word(root.text):
        return False  # ("a letter to the Pope": a title)
    if root.dep_ == "pobj":
        return True
    return root.dep_ in {"compound", "nmod"} and place_noun(b, root.head)


def named_settlement(b: EntityBuilder, root: Token) -> bool:
    """ "the village of Nakhchivanik": the name a settlement noun is "of"."""
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.i != prep.i
        and lemma(prep.head) in b.lexicon.settlement_nouns
    )


def named_places(b: EntityBuilder, root: Token) -> bool:
    """ "the old quarters of al-Kilaniya, al-Barudiya and al-Hadir", "the village of Tegh",
    "the Batken and Leilek districts", "shelled villages, among them Ak-Sai, Dostuk and
    Arka", "provinces such as Edirne and Kırklareli": the names a plural place noun of the
    lexicon (or a settlement's or an area's) is "of", that modify it, or that it lists."""
    first = first_conjunct(root)
    if first.dep_ in {"nmod", "compound"}:
        return _plural_place_noun(b, first.head)
    prep = first.head
    if first.dep_ != "pobj" or prep.head.i == prep.i:
        return False
    if prep.lower_ == "of":
        return _plural_place_noun(b, prep.head) or _a_land_noun_of_a_name(b, prep.head)
    opens = prep  # the word that opens the list: "among", "including", "such" of "such as"
    if prep.lower_ == "as" and prep.i > 2 and prep.doc[prep.i - 1].lower_ == "such":
        opens = prep.doc[prep.i - 1]
    elif prep.lower_ not in {"among", "including"}:
        return False
    if opens.i < 2:
        return False
    before = opens.doc[opens.i - 1]
    if before.is_punct:
        before = opens.doc[opens.i - 2]
    return _plural_place_noun(b, before)


def _a_land_noun_of_a_name(b: EntityBuilder, noun: Token) -> bool:
    """ "near the village of Tegh", "the district of Morazan": a settlement or area noun of
    the lexicon, written in lower case after a determiner ("the House of Commons" is none)."""
    return (
        noun.tag_ == "NN"
        and noun.is_lower
        and noun.lower_ in b.lexicon.land_nouns
        and any(c.dep_ == "det" for c in noun.children)
    )


def _plural_place_noun(b: EntityBuilder, noun: Token) -> bool:
    """Whether a token is a plural place noun of the lexicon ("villages", "districts"), or a
    settlement's or an area's ("hamlets")."""
    return noun.tag_ == "NNS" and (place_noun(b, noun) or lemma(noun) in b.lexicon.land_nouns)


def place_noun(b: EntityBuilder, noun: Token) -> bool:
    """Whether a token is a place noun of the lexicon, as written or by its lemma."""
    cls = b.lexicon.head_words.get(noun.lower_) or b.lexicon.head_words.get(lemma(noun))
    return cls is not None and b.ontology.is_a(cls, HG.Place)


def is_place(b: EntityBuilder, m: Mention) -> bool:
    """Whether a mention names a place or a state."""
    cls = b.doc.entities[m.entity].cls
    return b.ontology.is_a(cls, HG.Place) or b.ontology.is_a(cls, HG.State)
