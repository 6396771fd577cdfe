"""Cues that a name is a person's: its shape and the words around it.

Part of the ``entities`` stage: :mod:`historygraph.stages.mentions` asks these when
the model's label for a name is missing or doubtful ("Talekh Ismailov", "my husband
Mahmud", "Tofig's brother", "a commission headed by Anatoly Sobchak"). Each
function looks at the tokens of one name and answers yes or no.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from historygraph.document import Span
from historygraph.namespaces import HG
from historygraph.ontology import fold_name
from historygraph.stages.syntax import Token, lemma, of_phrase, path_to_root

if TYPE_CHECKING:
    from historygraph.stages.mentions import EntityBuilder


def inside_person_name(first: Token, last: Token) -> bool:
    """Whether the words ``first`` .. ``last`` are part of a longer name the model tagged
    as a person's."""
    if first.ent_type_ != "PERSON" or last.ent_type_ != "PERSON":
        return False
    doc = first.doc
    start = first.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = last.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    # ("The Milli Majlis (", tagged as a person's name, is no longer name)
    return any(doc[i].pos_ == "PROPN" for i in (*range(start, first.i), *range(last.i + 1, end)))


def is_title_of_person(ent: Token) -> bool:
    """Whether an entity span is a title inside a person's name ("National" in "National Leader X")."""
    for ancestor in path_to_root(ent.root)[1:4]:
        if ancestor.ent_type_ == "PERSON" and ent.root.dep_ == "compound":
            return True
    return False


def in_apposition_to_a_person_noun(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "the police minister, Nathi Mthethwa", "a single woman, Marguerite Rouffanche": a
    personal name in apposition to a title word of the lexicon or to a common noun that
    names no body or place."""
    if not bare_name(tokens):
        return False
    root = tokens[-1]
    if root.dep_ != "appos" or root.head.pos_ != "NOUN":
        return False
    head = root.head
    if b.lexicon.is_title_word(head.text):
        return True
    # "a single woman, Marguerite Rouffanche", "the Leningrad deputy Anatoly Sobchak": a
    # common noun no class head word of a body or place heads; a personal name has no
    # article ("the anarchist sheet, the Arbeiter-Zeitung" is a paper's name)
    return (
        head.text.islower()
        and b.lexicon.head_words.get(head.lower_) in (None, HG.Person)
        and not any(c.dep_ == "det" for c in root.children)
    )


def one_name_beside_a_title(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "The Iranian foreign minister, Velayati, said", "Velayati, the foreign minister,":
    one capitalised proper noun in apposition to a title word of the lexicon ("minister",
    "governor") that an article or a modifier makes a common noun."""
    if len(tokens) != 1 or tokens[0].tag_ != "NNP" or not tokens[0].text[:1].isupper():
        return False
    root = tokens[0]
    titles = [root.head] if root.dep_ == "appos" else []
    titles += [c for c in root.children if c.dep_ == "appos"]
    doc = root.doc
    return any(
        t.pos_ == "NOUN"
        and t.text.islower()
        and b.lexicon.is_title_word(t.text)
        and any(c.dep_ in {"det", "amod", "compound", "poss"} for c in t.children)
        # set off by a comma ("my uncle Vazgen's old Niva" is no apposition)
        and any(w.text == "," for w in doc[min(t.i, root.i) + 1 : max(t.i, root.i)])
        for t in titles
    )


def a_name_beside_an_office(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "M. Thiers, the Minister of the Interior, repeated": a name of up to three capitalised
    words followed, after a comma, by an office the text writes in capitals: "the", a title
    word of the lexicon and what it is of."""
    if not 1 <= len(tokens) <= 3 or not all(
        t.tag_ in {"NNP", "NNPS"} and t.text[:1].isupper() for t in tokens
    ):
        return False
    # (the name's head: its last word, or the word the model hung the others on)
    root = next((t for t in tokens if t.dep_ != "compound"), tokens[-1])
    doc = root.doc
    return any(
        c.dep_ == "appos"
        and c.i > tokens[-1].i
        and doc[tokens[-1].i + 1].text == ","
        and b.lexicon.is_title_word(c.text)
        and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
        and of_phrase(c) is not None
        for c in root.children
    )


def bare_name(tokens: list[Token]) -> bool:
    """Two or three capitalised proper nouns, as a personal name is written."""
    return 2 <= len(tokens) <= 3 and all(t.tag_ == "NNP" and t.text[:1].isupper() for t in tokens)


def opens_with_a_given_name(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "François Hollande", "Léopold Sédar Senghor", "Esteban Ruiz Carranza": two or three
    capitalised proper nouns, the first a given name of the lexicon (``hg:givenName``,
    compared without case or diacritics) and none after it a class head word ("Louis
    Street", "Victor Hugo Avenue" name places)."""
    if not bare_name(tokens) or fold_name(tokens[0].text) not in b.lexicon.given_names:
        return False
    return not holds_a_head_word(b, tokens[1:])


def holds_a_head_word(b: EntityBuilder, tokens: Iterable[Token]) -> bool:
    """Whether a word of a name is a class's head word, as written or as its lemma ("the
    Heydar Aliyev Foundation", "Louis Street")."""
    heads = b.lexicon.head_words
    return any(t.lower_ in heads or lemma(t) in heads for t in tokens)


def has_surname_shape(b: EntityBuilder, word: str) -> bool:
    """Whether a word of five letters or more ends as surnames do (``hg:surnameEnding``:
    "Ismailov", "Pashinyan")."""
    return len(word) >= 5 and word.lower().endswith(b.lexicon.surname_endings)


def personal_name(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "Talekh Ismailov": a given name and a surname of a known shape, whatever the model
    says; or such a surname alone, told in apposition to a noun ("One man, Akhmedov")."""
    if not tokens or not has_surname_shape(b, tokens[-1].text):
        return False
    if len(tokens) == 1 and tokens[0].tag_ == "NNP" and tokens[0].text[:1].isupper():
        root = tokens[0]
        return (root.dep_ == "appos" and root.head.pos_ == "NOUN") or any(
            c.dep_ == "appos" and c.pos_ == "NOUN" for c in root.children
        )
    return bare_name(tokens)


def surname_as_subject(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "Pashinyan signed the statement", "Mutalibov himself admitted it": one capitalised
    word of a surname's shape (``hg:surnameEnding``), no title, as the subject of a verb."""
    if len(tokens) != 1:
        return False
    word = tokens[0]
    return (
        word.tag_ == "NNP"
        and word.dep_ in {"nsubj", "nsubjpass"}
        and word.text[:1].isupper()
        and not word.text.isupper()
        and not any(c.dep_ == "det" for c in word.children)
        and not b.lexicon.is_title_word(word.text)
        and has_surname_shape(b, word.text)
    )


#: "my husband ", "his father-in-law ": a possessive and a noun of kin just before a name.
_KIN_BEFORE = re.compile(r"\b(?:my|his|her|our|their)\s+(\w+)(?:-in-law)?\s+$", re.IGNORECASE)


def after_kin_noun(b: EntityBuilder, span: Span) -> bool:
    """ "My husband Mahmud", "my father-in-law Rasul", "our neighbour Karen": a name right
    after a possessive and a noun of kin is a person's, whatever the model tagged it."""
    found = _KIN_BEFORE.search(b.doc.text, max(0, span.start - 40), span.start)
    if found is None:
        return False
    word = found.group(1).lower()
    return word in b.lexicon.kin_nouns or b.lexicon.is_title_word(word)


#: ", 52," or ", aged 52," right after a name: a person's age, as a reporter writes it.
_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?(\d{1,3})\s*,")


def followed_by_an_age(b: EntityBuilder, span: Span) -> bool:
    """ "said Nino, 52, who laid roses", "Sevda, 34, who reached Aghdam": a name followed by
    a number of years set off by commas is a person's, whatever the model tagged it."""
    found = _AGE_AFTER.match(b.doc.text, span.end)
    return found is not None and 0 < int(found.group(1)) <= 120


def kin_named_by(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "Tofig's brother", "Leyla's mother": a one-word name that is the possessor of a
    noun of kin (or a kin title word of the lexicon, "brother", "aunt") is a person's."""
    if len(tokens) != 1 or tokens[0].dep_ != "poss" or tokens[0].tag_ != "NNP":
        return False
    head = tokens[0].head
    return head.pos_ == "NOUN" and (
        head.lower_ in b.lexicon.kin_nouns or b.lexicon.is_title_word(head.text)
    )


def after_a_title(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "my cousin Arman", "uncle Vazgen's car": a name of one or two words right after a
    title word of the lexicon that modifies it."""
    if not tokens or len(tokens) > 2 or tokens[0].i == 0:
        return False
    title = tokens[0].doc[tokens[0].i - 1]
    return (
        title.pos_ in {"NOUN", "PROPN"}
        and b.lexicon.is_title_word(title.text)
        and all(t.tag_ == "NNP" and t.text[:1].isupper() for t in tokens)
    )


def leader_by_name(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "a commission headed by Anatoly Sobchak": a bare personal name as the agent of a
    verb of leading ("headed/led/chaired by").
    """
    if not bare_name(tokens):
        return False
    root = tokens[-1]
    by = root.head
    return (
        root.dep_ == "pobj"
        and by.lower_ == "by"
        and by.dep_ == "agent"
        and lemma(by.head) in b.lexicon.leading_verbs
    )


def name_after_a_title(last: Token) -> list[Token]:
    """ "Field Marshal Thanom Kittikachorn", the model's name "Field Marshal": the proper
    nouns after a title that the model left untagged, up to the noun the title hangs on."""
    head = last.head
    if last.dep_ != "compound" or head.i <= last.i or head.tag_ != "NNP" or head.ent_type_:
        return []
    rest = list(last.doc[last.i + 1 : head.i + 1])
    if any(t.tag_ != "NNP" or t.ent_type_ or not t.text[:1].isupper() for t in rest):
        return []
    return rest


def names_a_person(b: EntityBuilder, noun: Token) -> bool:
    """Whether a common noun names a person by calling or office ("poet", "minister")."""
    return b.lexicon.head_words.get(noun.lower_) == HG.Person or b.lexicon.is_title_word(noun.text)


def names_a_calling(b: EntityBuilder, token: Token) -> bool:
    """Whether a word names what a person does ("Historian", "Journalist"), by the lexicon's
    head words of a person or of a group of such persons ("historians")."""
    word = token.lower_
    people = {HG.Person, HG.Group}
    return (
        b.lexicon.head_words.get(word) == HG.Person
        or b.lexicon.head_words.get(word + "s") in people
    ) and not b.lexicon.is_title_word(word)
