"""Finding the mentions of agents and places: the gazetteer, the model's names, head-word phrases.

The first half of the ``entities`` stage (see :mod:`historygraph.stages.entities`):
:class:`EntityBuilder` holds a document's mentions and entities while they are
found; each ``match_*`` function adds the mentions one source of evidence gives.
"""

from __future__ import annotations

import re
from itertools import dropwhile

from rdflib import URIRef

from historygraph.document import Document, Entity, Mention, Span
from historygraph.namespaces import HG
from historygraph.ontology import GazetteerEntry, Ontology, compact, words_of
from historygraph.stages.clauses import TIME_UNITS
from historygraph.stages.names import (
    BY_CONTEXT,
    BY_NER,
    BY_WORD,
    GLUE_WORDS,
    INITIAL,
    LOCATIVES,
    MONTH_NAMES,
    GazetteerIndex,
    alnum_prefix_length,
    entity_key,
    fold_name,
    gazetteer_entries,
    gazetteer_index,
    nationality_words,
    normalise_label,
)
from historygraph.stages.numbers import ordinal_in_figures
from historygraph.stages.person_cues import (
    a_name_beside_an_office,
    after_a_title,
    after_kin_noun,
    bare_name,
    followed_by_an_age,
    has_surname_shape,
    holds_a_head_word,
    in_apposition_to_a_person_noun,
    inside_person_name,
    is_title_of_person,
    kin_named_by,
    leader_by_name,
    name_after_a_title,
    names_a_calling,
    names_a_person,
    one_name_beside_a_title,
    opens_with_a_given_name,
    personal_name,
    surname_as_subject,
)
from historygraph.stages.place_cues import (
    COMPASS_WORDS,
    a_name_after_the,
    after_compass_word,
    after_locative,
    end_of_a_route,
    entered,
    is_place,
    named_places,
    named_settlement,
    names_place,
    place_noun,
    what_befell,
    where_something_happened,
)
from historygraph.stages.syntax import (
    Token,
    first_conjunct,
    hyphenated_rest,
    is_indefinite,
    lemma,
    noun_tag,
    of_objects,
    of_phrase,
    offset,
    token_span,
    with_conjuncts,
)
from historygraph.stages.times import (
    DATELINE_AFTER_PLACE,
    WEEKDAYS,
)


class EntityBuilder:
    """Collects mentions for one document, resolving overlaps."""

    def __init__(self, doc: Document, ontology: Ontology) -> None:
        self.doc = doc
        self.ontology = ontology
        self.lexicon = ontology.lexicon
        self.mentions: list[Mention] = []
        #: (class, strength) of the evidence that classed each NER mention
        self.evidence: dict[Span, tuple[URIRef, int]] = {}
        #: NER names found in headings: kept only if the body names them too
        self.in_headings: list[tuple[Span, str]] = []
        #: compact names the text defines as an event's ("Jeltoqsan was a wave of protests")
        self.event_names: set[str] = set()

    def entity_for_entry(self, entry: GazetteerEntry) -> str:
        key = f"gazetteer|{entry.iri}"
        if key not in self.doc.entities:
            self.doc.entities[key] = Entity(
                key=key,
                cls=entry.cls,
                label=entry.label,
                gazetteer=entry.iri,
                wikidata=entry.wikidata,
            )
        return key

    def entity_for(self, cls: URIRef, label: str, known_as: str | None = None) -> str:
        """The entity of ``label`` (created with that label if new); ``known_as``, when
        given, is the name it is known by and labelled with, one for all the ways a text
        writes it (each written form becomes an alias through its mention)."""
        label = known_as or label
        key = entity_key(cls, label)
        if key not in self.doc.entities:
            self.doc.entities[key] = Entity(key=key, cls=cls, label=label)
        return key

    def covered(self, span: Span) -> Mention | None:
        return next((m for m in self.mentions if m.span.overlaps(span)), None)

    def add(self, span: Span, entity: str, source: str) -> None:
        self.mentions.append(self.mention(span, entity, source))

    def refer(self, span: Span, entity: str) -> None:
        """A mention that refers back ("he", "the city", "the capital"): it adds no alias."""
        self.mentions.append(Mention(self._trimmed(span), entity, "anaphora"))

    def _trimmed(self, span: Span) -> Span:
        """``span`` without the white space at either end (a line break the model read on
        into), so that a quote starts and ends with the words it quotes."""
        quote = self.doc.quote(span)
        start = span.start + len(quote) - len(quote.lstrip())
        end = span.end - (len(quote) - len(quote.rstrip()))
        return Span(start, end) if end > start else span

    def mention(self, span: Span, entity: str, source: str) -> Mention:
        """A mention of ``entity``; its surface text becomes an alias if it is not the label."""
        span = self._trimmed(span)
        surface = " ".join(self.doc.quote(span).split())
        ent = self.doc.entities[entity]
        if surface != ent.label:
            ent.aliases.add(surface)
        return Mention(span, entity, source)


def match_gazetteer(b: EntityBuilder, sent: Token) -> None:
    """Longest gazetteer alias at each token, comparing letters and digits only."""
    index = gazetteer_index(b.ontology)
    tokens = list(sent)
    keys = [compact(t.text) for t in tokens]
    i = 0
    while i < len(tokens):
        best = None
        if not tokens[i].is_punct:
            acc = ""
            for j in range(i, min(len(tokens), i + index.max_tokens)):
                acc += keys[j]
                if not index.is_prefix(acc):
                    break
                capital_ok = acc not in index.proper or tokens[i].text[:1].isupper()
                if (
                    acc in index.by_compact
                    and not (tokens[j].is_punct or tokens[j].is_space)
                    and capital_ok
                    # "Azerbaijan is celebrating" is not "Azerbaijanis"
                    and _words_of_a_name(tokens[i : j + 1], index.by_compact[acc])
                ):
                    best = j
        if best is None:
            _match_glued(b, tokens[i], index, keys[i])
            i += 1
            continue
        first, last = tokens[i], tokens[best]
        if after_compass_word(first):
            i = best + 1  # "Northern Ireland" is not Ireland: the model's name stands
            continue
        entry = index.by_compact["".join(keys[i : best + 1])]
        if _a_body(b, entry.cls) and _a_body_of_the_name_before(first, last):
            i = best + 1  # "the Arkansas General Assembly" is not the UN's: the model's name
            continue
        span = Span(offset(first), offset(last) + len(last.text))
        if entry.cls != HG.Person and inside_person_name(first, last):
            i = best + 1  # "Nursultan Nazarbayev" is a man, not the city once named after him
            continue
        if _names_a_site(b, last):
            i = best + 1  # "Tbilisi Avenue" in Baku is a street, not the city
            continue
        if entry.cls == HG.Group and first is last and _describes_a_thing(b, first):
            i = best + 1  # "83 civilian deaths", "the civilian toll": no people named
            continue
        if b.covered(span) is None:
            local = _local_people(b, entry, span)
            if local is not None:  # "Karabakh Armenians": the people of one place, not all
                b.add(
                    local, b.entity_for(HG.Group, normalise_label(b.doc.quote(local))), "headword"
                )
            else:
                b.add(span, b.entity_for_entry(entry), "gazetteer")
        i = best + 1


def _a_body(b: EntityBuilder, cls: URIRef) -> bool:
    """Whether ``cls`` is a class of bodies: an organisation or a legislature."""
    return b.ontology.is_a(cls, HG.Organization) or b.ontology.is_a(cls, HG.Legislature)


def _a_body_of_the_name_before(first: Token, last: Token) -> bool:
    """Whether a proper name the model tagged with the known name goes on before it and
    names it: "the Arkansas General Assembly", "the North Carolina General Assembly"
    (whose known name "General Assembly" is the UN's)."""
    if first.i == 0:
        return False
    before = first.doc[first.i - 1]
    return (
        before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and before.dep_ == "compound"
        and first.i <= before.head.i <= last.i
        and before.ent_type_ != ""
        and first.ent_iob_ == "I"  # (one name of the model's, from before the known name on)
    )


def _describes_a_thing(b: EntityBuilder, word: Token) -> bool:
    """Whether a people's one-word name is an adjective on a noun that names no people
    ("83 civilian deaths", "a civilian area"; not "civilian residents", "the civilian
    population", which the gazetteer names as a whole, nor "Armenian refugees")."""
    if word.dep_ != "amod" or word.head.pos_ != "NOUN" or word.head.i < word.i:
        return False
    head = word.head
    return class_of_phrase(b, head, None) is None and lemma(head) not in b.lexicon.people_nouns


def _words_of_a_name(tokens: list[Token], entry: GazetteerEntry) -> bool:
    """Whether words that spell one of the entry's names without spaces and punctuation
    are that name: capitalised words ("Nagorno Karabakh" for "Nagorno-Karabakh"), or the
    name's own words ("Republic of Azerbaijan"), not a name and a small word glued on."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) < 2 or all(t.text[:1].isupper() or not t.is_alpha for t in words):
        return True
    spelled = re.findall(r"\w+", " ".join(t.lower_ for t in words))
    return any(
        re.findall(r"\w+", name.lower()) == spelled for name in (entry.label, *entry.aliases)
    )


def _names_a_site(b: EntityBuilder, last: Token) -> bool:
    """Whether the name ending at ``last`` goes on with a capitalised site head word
    ("Tbilisi Avenue", "Moscow Square"): a site named after the place (a county,
    "Kent County", or an oblast is an area of it, and stays a name of its own)."""
    if last.i + 1 >= len(last.doc):
        return False
    word = last.doc[last.i + 1]
    if not word.text[:1].isupper() or b.lexicon.head_words.get(word.lower_) != HG.Place:
        return False
    return word.lower_ not in b.lexicon.land_nouns | b.lexicon.area_head_words


def _region_of_a_known_place(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "Northern Ireland": a compass word, then the name of a place the gazetteer knows."""
    if len(tokens) < 2 or tokens[0].lower_ not in COMPASS_WORDS:
        return False
    entry = gazetteer_index(b.ontology).by_compact.get("".join(compact(t.text) for t in tokens[1:]))
    return entry is not None and b.ontology.is_a(entry.cls, HG.Place)


def _local_people(b: EntityBuilder, entry: GazetteerEntry, span: Span) -> Span | None:
    """ "Karabakh Armenians": a known people right after a place's name, as one span."""
    if entry.cls != HG.Group:
        return None
    for m in b.mentions:
        if (
            m.span.end < span.start
            and b.doc.text[m.span.end : span.start] == " "
            and is_place(b, m)
        ):
            return Span(m.span.start, span.end)
    return None


def _match_glued(b: EntityBuilder, token: Token, index: GazetteerIndex, word: str) -> None:
    """A name glued to a function word by a typo: "Karabakhand" -> "Karabakh".

    ``word`` is the token's :func:`compact` text.
    """
    if len(word) < 5:
        return
    for glue in GLUE_WORDS:
        if len(word) <= len(glue) + 2:
            continue
        if (
            word.endswith(glue)
            and word[: -len(glue)] in index.by_compact
            and token.text[:1].isupper()
        ):
            entry = index.by_compact[word[: -len(glue)]]
            start = offset(token)
            length = alnum_prefix_length(token.text, len(word) - len(glue))
            span = Span(start, start + length)
        elif (
            word.startswith(glue)
            and word[len(glue) :] in index.by_compact
            and token.text[:1].islower()
            and token.text[alnum_prefix_length(token.text, len(glue)) :][:1].isupper()
        ):
            entry = index.by_compact[word[len(glue) :]]
            skip = alnum_prefix_length(token.text, len(glue))
            span = Span(offset(token) + skip, offset(token) + len(token.text))
        else:
            continue
        if b.covered(span) is None:
            b.add(span, b.entity_for_entry(entry), "gazetteer")
        return


def head_phrase_class(b: EntityBuilder, root: Token) -> URIRef | None:
    """The class of the longest head phrase around ``root``: "Supreme Council", "House of Lords".

    A phrase is the root with the words just before it ("supreme council") or
    the root followed by "of" and more ("house of commons"), compared by text
    and by lemma.
    """
    phrases = b.lexicon.head_phrases
    anchors, longest = head_phrase_anchors(b.ontology)
    if root.lower_ not in anchors and lemma(root) not in anchors:
        return None
    doc = root.doc
    windows = [doc[max(0, root.i - n) : root.i + 1] for n in range(1, longest)]
    if root.i + 1 < len(doc) and doc[root.i + 1].lower_ == "of":
        windows += [doc[root.i : root.i + n + 1] for n in range(2, longest)]
    best: tuple[int, URIRef] | None = None
    for window in windows:
        for text in (" ".join(t.text for t in window), " ".join(lemma(t) for t in window)):
            cls = phrases.get(words_of(text))
            if cls is not None and (best is None or len(window) > best[0]):
                best = (len(window), cls)
    return best[1] if best is not None else None


def head_phrase_end(b: EntityBuilder, root: Token) -> int | None:
    """Where a head phrase that goes on past ``root`` with "of" ends ("line of contact",
    "house of commons"), if the lexicon has one there."""
    doc = root.doc
    if root.i + 1 >= len(doc) or doc[root.i + 1].lower_ != "of":
        return None
    _, longest = head_phrase_anchors(b.ontology)
    for n in range(longest, 1, -1):
        window = doc[root.i : root.i + n + 1]
        for text in (" ".join(t.text for t in window), " ".join(lemma(t) for t in window)):
            if words_of(text) in b.lexicon.head_phrases:
                return offset(window[-1]) + len(window[-1].text)
    return None


def head_phrase_anchors(ontology: Ontology) -> tuple[frozenset[str], int]:
    """The words a head phrase can be found from (its last word, or the word before "of"),
    and the longest phrase in words (built once per ontology)."""
    return ontology.derived("entities.head_phrase_anchors", _make_head_phrase_anchors)


def _make_head_phrase_anchors(ontology: Ontology) -> tuple[frozenset[str], int]:
    phrases = ontology.lexicon.head_phrases
    anchors = {k[-1] for k in phrases} | {k[0] for k in phrases if k[1] == "of"}
    return frozenset(anchors), max((len(k) for k in phrases), default=0)


def class_of_phrase(b: EntityBuilder, root: Token, default: URIRef | None) -> URIRef | None:
    """The agent or place class a phrase's head word gives (``default`` when it gives none)."""
    cls = head_phrase_class(b, root)
    if cls is None:
        # the word as written first: "survivors" (a group), though "survivor" is a person
        cls = b.lexicon.head_words.get(root.lower_) or b.lexicon.head_words.get(lemma(root))
    if cls is None and noun_tag(root) == "NNS" and root.tag_ != "NNS":
        # a lower-case plural the model tagged as a name keeps its own form as its lemma
        cls = b.lexicon.head_words.get(root.lower_.removesuffix("s"))
    if cls is not None and b.ontology.is_a(cls, HG.Legislature) and _of_another_body(b, root):
        # "the Presidium of the Central Committee", "the Supreme Council of the Armed
        # Forces": the council of a body that is no legislature is no legislature either
        return HG.Organization
    if cls is not None and (b.ontology.is_a(cls, HG.Agent) or b.ontology.is_a(cls, HG.Place)):
        return cls
    return default


def _of_another_body(b: EntityBuilder, root: Token) -> bool:
    """Whether a phrase's "of" names a body of a class other than a legislature's: a party's
    committee, an academy, armed forces."""
    for obj in of_objects(root):
        if names_place(b, obj):
            return False  # "the Federal Assembly of the Russian Federation": a state's
        cls = class_of_phrase(b, obj, None)
        if cls is not None and b.ontology.is_a(cls, HG.Organization):
            return not b.ontology.is_a(cls, HG.Legislature)
    return False


def names_an_event(b: EntityBuilder, root: Token) -> bool:
    """ "the Khojaly Genocide", "the Sharpeville Massacre": an event's name, not an entity.

    The head word is an event trigger or an event anaphor ("the Sumgait Tragedy").
    """
    words = ((lemma(root),), (root.lower_,))
    return any(w in b.lexicon.event_triggers or w in b.lexicon.anaphors for w in words)


def _descriptor_class(b: EntityBuilder, first: Token) -> URIRef | None:
    """ "the informal association Osh Aimagy", "the opposition coalition Ozod Vatan": the class
    of the common noun that names what a name is, written just before it."""
    if first.i == 0 or first.is_sent_start:
        return None
    word = first.doc[first.i - 1]
    if word.pos_ != "NOUN" or not word.is_lower or word.tag_ != "NN":
        return None
    cls = class_of_phrase(b, word, None)
    if cls is None or b.ontology.is_a(cls, HG.Person) or b.ontology.is_a(cls, HG.Group):
        return None  # ("historian Anan Sriwong" is a calling the name loop reads on its own)
    return cls


def _place_kind_first(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "Fort Pillow", "Mount Halla", "Lake Sevan": a name that opens with a word for a kind
    of place (a place's head word of the lexicon) and goes on with a name."""
    if len(tokens) < 2 or not tokens[0].text.istitle() or tokens[1].tag_ != "NNP":
        return False
    if class_of_phrase(b, tokens[-1], None) is not None:
        return False  # "the Border Police": the last word's class
    cls = b.lexicon.head_words.get(tokens[0].lower_)
    return cls is not None and b.ontology.is_a(cls, HG.Place)


def _name_after_a_known_body(
    b: EntityBuilder, tokens: list[Token], nested: list[Mention], default: URIRef
) -> None:
    """ "the Minsk Group of the Conference on Security and Cooperation in Europe", tagged as
    one name whose head is a known body's: the name after the body and its "of" is a name
    of its own, classed by its head word or else by the model's label (``default``)."""
    end = max(m.span.end for m in nested)
    after = [t for t in tokens if offset(t) >= end]
    if not after or after[0].lower_ != "of":
        return
    rest = list(dropwhile(lambda t: t.lower_ in {"of", "the"}, after))
    if len(rest) < 2 or not rest[0].text[:1].isupper():
        return
    root = next((t for t in rest if not rest[0].i <= t.head.i <= rest[-1].i), rest[-1])
    cls = class_of_phrase(b, root, None) or default
    if not b.ontology.is_a(cls, HG.Agent):
        return
    span = Span(offset(rest[0]), offset(rest[-1]) + len(rest[-1].text))
    if b.covered(span) is None:
        b.add(span, b.entity_for(cls, normalise_label(b.doc.quote(span))), "ner")


def _written_as_a_name(word: str) -> bool:
    """A capital, then a small letter, and not all in capitals: "McCleary", "O'Dwyer",
    "Emory" (not "KGB")."""
    return word[:1].isupper() and word[1:2].islower() and not word.isupper()


def _title_and_surname(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "General Emory", "Sheriff McCleary" (tagged as a body or a place): a title word and one
    capitalised name that no class's head word is and no known name holds."""
    if len(tokens) != 2 or not b.lexicon.is_title_word(tokens[0].text):
        return False
    name = tokens[1]
    after = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
    return (
        (after is None or after.tag_ != "POS")  # "King William's Town": a place's name
        and name.tag_ == "NNP"
        and _written_as_a_name(name.text)
        and class_of_phrase(b, name, None) is None
        and not any(m.span.overlaps(token_span(name)) for m in b.mentions)
    )


def _appositive_class(b: EntityBuilder, root: Token, person: bool = False) -> URIRef | None:
    """ "Sharpeville, a township near Vereeniging": the class the appositive's head word gives.

    For ``person``, a full name the model tagged as a person's or one that opens with a given
    name, a body or group set beside it is no class of it."""
    for child in root.children:
        if child.dep_ == "appos":
            first = next(t for t in child.subtree if t.dep_ != "det")
            if first.i < child.i and b.lexicon.is_title_word(first.text):
                continue  # "Robert Ford, Commander Land Forces": an office, not what he is
            if (
                child.tag_ in {"NNS", "NNPS"}
                and lemma(child) != child.lower_  # ("the political police": no plural)
                and any(c.dep_ == "conj" for c in root.children)
            ):
                continue  # "Ettor and Giovannitti, the union's organizers": what they are together
            cls = class_of_phrase(b, child, None)
            if cls == HG.Person and noun_tag(child) == "NNS":
                # "7,000 Muslims ..., among them 1,653 women": people, not one person
                continue
            if cls == HG.Group and root.tag_ == "NNP" and child.tag_ == "NNS":
                # "The defenders of Sadarak, the volunteers of ...": people set beside one
                # singular name are the parse's slip (a group's name is plural: "the Lobos")
                continue
            if person and cls is not None and cls != HG.Person and b.ontology.is_a(cls, HG.Agent):
                # "Major General Eldon Bargewell, US Army": whom a person serves (or a list
                # the parse took for an apposition: "Rahib Huseynov, former residents of ...")
                continue
            if cls is not None:
                return cls
    return None


#: The marks of a transcript's questions and answers at the start of a line.
_QUESTION_MARK = re.compile(r"(?m)^Q\.\s")
_ANSWER_MARK = re.compile(r"(?m)^A\.\s")


def _transcript_mark(b: EntityBuilder, token: Token) -> bool:
    """Whether a token is the "Q." or "A." that starts a line of a transcript of questions
    and answers (one with both marks), not a person's initial."""
    if token.text not in {"Q.", "A."}:
        return False
    start = offset(token)
    if start > 0 and b.doc.text[start - 1] != "\n":
        return False
    return bool(_QUESTION_MARK.search(b.doc.text) and _ANSWER_MARK.search(b.doc.text))


def _predicate_class(b: EntityBuilder, root: Token) -> URIRef | None:
    """ "Samashki is a large village in western Chechnya": the class the head word of what
    the name is said to be gives."""
    verb = root.head
    if root.dep_ != "nsubj" or lemma(verb) != "be":
        return None
    for child in verb.children:
        if child.dep_ == "attr" and child.i > root.i:
            return class_of_phrase(b, child, None)
    return None


def _list_items(root: Token) -> list[Token]:
    """The other items of the list (the conjuncts) a token is one of."""
    return [t for t in with_conjuncts(first_conjunct(root)) if t.i != root.i]


def _listed_with_people(tokens: list[Token]) -> bool:
    """ "Allison Krause, Jeffrey Miller, Sandra Scheuer and William Schroeder": a name
    written as a personal name, in a list of names the model tagged as people's."""
    if not bare_name(tokens):
        return False
    root = tokens[-1]
    others = _list_items(root)
    if not others and root.dep_ == "appos":
        # "Mykola Stepanenko, Olena Hrytsai, Taras Kulyk": the last of a list of names
        # with no "and", which the parse hangs on the first in apposition
        others = [root.head, *_list_items(root.head)]
        if len(others) < 2:
            return False
    return bool(others) and all(t.ent_type_ == "PERSON" for t in others)


def _listed_with_others_of_a_calling(b: EntityBuilder, tokens: list[Token]) -> bool:
    """ "Black Kettle, White Antelope and other Cheyenne chiefs": a personal name listed
    with "other" people of a title or calling of the lexicon."""
    if not bare_name(tokens):
        return False

    def of_a_calling(noun: Token) -> bool:
        # ("Cheyenne chiefs", tagged as a proper noun, keeps its plural as its lemma)
        singular = noun.lower_[:-1] if noun.lower_.endswith("s") else noun.lower_
        return (
            b.lexicon.is_title_word(singular)
            or b.lexicon.head_words.get(singular) == HG.Person
            or b.lexicon.head_words.get(noun.lower_) in (HG.Person, HG.Group)
        )

    return any(
        t.tag_ in {"NNS", "NNPS"}
        and any(c.lower_ == "other" and c.dep_ == "amod" for c in t.children)
        and of_a_calling(t)
        for t in _list_items(tokens[-1])
    )


def _a_person_after_a_description(b: EntityBuilder, ent: Token, tokens: list[Token]) -> bool:
    """ "In Dublin, the Taoiseach, Brian Cowen, welcomed": a full name the model tags as a
    person's, which the parse hangs as a conjunct on a description with an article ("the
    Taoiseach") that is no known place; an apposition, not a list of places ("at Hong Lim,
    Tanjong Pagar and Tanah Merah")."""
    if ent.label_ != "PERSON" or ent.root.dep_ != "conj" or not bare_name(tokens):
        return False
    before = ent.root.head
    mention = b.covered(token_span(before))
    return any(c.dep_ == "det" for c in before.children) and (
        mention is None or mention.source != "gazetteer"
    )


def _listed_with_places(b: EntityBuilder, root: Token) -> bool:
    """Whether a name is one of a list of places ("Baku, Shamakhi, Guba and Lankaran"):
    another item of the list is a place the gazetteer knows or a place head word names, no
    item is a name the model tagged as a person's, and no title stands before the name
    ("former minister Tudor Albu, Sorin Vlad and Cozma" lists people)."""
    others = _list_items(root)
    if any(t.ent_type_ == "PERSON" for t in others):
        return False  # "Iliescu, Petre Roman, Virgil Magureanu and Cozma": a list of people
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in root.children):
        return False  # a title or description before the name
    for token in others:
        mention = b.covered(token_span(token))
        if mention is not None and mention.source == "gazetteer" and is_place(b, mention):
            return True
        cls = class_of_phrase(b, token, None)  # "between Grozny and the Ingush border"
        if cls is not None and b.ontology.is_a(cls, HG.Place):
            return True
    return False


def _class_of_examples(b: EntityBuilder, root: Token) -> URIRef | None:
    """ "border villages such as Voskepar", "towns including Shusha": the class of the plural
    noun whose example the name is."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in {"as", "including"}:
        return None
    noun = prep.head
    if prep.lower_ == "as":
        # ("such" is parsed as the head of "as", its child, or the noun's child)
        if noun.lower_ == "such":
            noun = noun.head
        elif not any(c.lower_ == "such" for c in (*prep.children, *noun.children)):
            return None
    if noun.tag_ != "NNS":
        return None
    cls = class_of_phrase(b, noun, None)
    # ("opposition leaders, including Kim Dae-jung": one of a group is a member, no group)
    return None if cls is not None and b.ontology.is_a(cls, HG.Group) else cls


#: Words that introduce a list after the plural noun whose members it names ("the villages
#: of the district, among them Soltanli, Mehdili and Sirik"; "the liberated villages: Chayli,
#: Kuyjak and Garajalli").
_LIST_OPENERS = frozenset({":", ",", "—", "among", "them", "including", "namely"})


def _listed_after_places(b: EntityBuilder, root: Token) -> bool:
    """Whether a name is one of a list that a plural place noun introduces: "the remaining
    villages of the district, among them Soltanli, Mehdili, Horovlu and Sirik" (names the
    model tags as people's or bodies')."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    k = first.i - 1
    opened = False
    while k >= 0 and root.doc[k].lower_ in _LIST_OPENERS:
        opened = opened or root.doc[k].text != ","
        k -= 1
    if not opened or k < 0 or root.doc[k].sent.start != root.sent.start:
        return False
    noun: Token | None = root.doc[k]
    while noun is not None:
        if noun.tag_ == "NNS" and noun.pos_ == "NOUN":
            cls = class_of_phrase(b, noun, None)
            return cls is not None and b.ontology.is_a(cls, HG.Place)
        # "the villages of the district": the noun the place's "of" phrase hangs on
        noun = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    return False


def _modifies(token: Token) -> bool:
    """Whether ``token`` modifies a noun ("Armenian" in "Armenian forces")."""
    return token.dep_ in {"amod", "compound", "nmod", "poss"}


def _nationality_plural(b: EntityBuilder, token: Token) -> bool:
    """ "Kazakhs", "Uzbeks": a nationality word of the gazetteer plus "s"."""
    word = compact(token.text)
    return word.endswith("s") and word[:-1] in nationality_words(b.ontology)


def _people_of_a_nation(b: EntityBuilder, ent: Token) -> bool:
    """ "Turkish Cypriots", "Greek Cypriots": two capitalised words, a nationality word of the
    gazetteer, then a plural that is none ("Turkish Airlines" is no plural)."""
    words = list(ent)
    while words and words[-1].pos_ in {"ADP", "DET", "CCONJ", "PUNCT"}:
        words.pop()  # "Turkish Cypriots on Hermes Street", tagged up to the preposition
    if len(words) != 2:
        return False
    first, last = words
    return (
        compact(first.text) in nationality_words(b.ontology)
        and last.text[:1].isupper()
        and last.text.endswith("s")
        and last.tag_ in {"NNPS", "NNS"}
        and compact(last.text) not in nationality_words(b.ontology)
    )


def _listed_with_peoples(b: EntityBuilder, root: Token) -> bool:
    """Whether a plural name is one of a list of peoples ("Azerbaijanis, Lezgins, Jews and
    members of other communities"): another item is a people the gazetteer knows or a
    nationality used as a plural noun."""
    if (
        _modifies(root)
        or not root.text[:1].isupper()
        or not (root.tag_ in {"NNPS", "NNS"} or (root.tag_ == "NNP" and root.text.endswith("s")))
    ):
        return False
    for token in _list_items(root):
        if _nationality_plural(b, token) or (
            token.ent_type_ == "NORP" and _is_people_noun(b, token)
        ):
            return True
        mention = b.covered(token_span(token))
        if mention is not None and b.doc.entities[mention.entity].cls == HG.Group:
            return True
    return False


def _ethnic_people(b: EntityBuilder, token: Token) -> bool:
    """ "ethnic Kyrgyz", "ethnic Uzbeks": a nationality word after "ethnic", as a noun ("an
    ethnic Russian" is one person's nationality, no people)."""
    word = compact(token.text)
    nationalities = nationality_words(b.ontology)
    return (
        not _modifies(token)
        and (word in nationalities or (word.endswith("s") and word[:-1] in nationalities))
        and any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in token.children)
        and not is_indefinite(token)
    )


def _is_people_noun(b: EntityBuilder, root: Token) -> bool:
    """ "Armenians", "Georgians": a nationality used as a plural noun, not as a modifier.

    The tagger may call it a plural noun, or a singular proper noun whose text
    is a nationality word of the gazetteer plus "s".
    """
    if _modifies(root):
        return False
    if root.tag_ in {"NNPS", "NNS"}:
        return True
    return _nationality_plural(b, root) or _invariant_people(b, root)


def _invariant_people(b: EntityBuilder, root: Token) -> bool:
    """ "about 1,500 Kyrgyz gathered", "between Kyrgyz and Uzbeks": a nationality whose
    plural is the word itself, counted or listed with a people (not "spoke in Kyrgyz")."""
    return (
        not _modifies(root)
        and compact(root.text) in nationality_words(b.ontology)
        and (
            any(c.dep_ == "nummod" for c in root.children)
            or any(_nationality_plural(b, c) or c.tag_ in {"NNPS", "NNS"} for c in root.conjuncts)
        )
    )


#: Entity types of the model that name nothing the lexicon classes: a proper name the model
#: tagged so (or not at all) may still be a place or a person ("into the Bogside", PRODUCT).
_UNTYPED = frozenset({"", "PRODUCT", "WORK_OF_ART", "LAW"})
#: Prepositions of motion that, with a locative one, make their object a place.
_MOTION_PREPOSITIONS = frozenset({"into", "towards", "toward", "through", "from"})


def _conjunct_set_beside_its_head(tokens: list[Token]) -> bool:
    """ "the Minister of Culture, Adil Karimli, the Special Representative ...": a name the
    parse made the conjunct of a singular noun, set after it by a comma alone (no "and"
    or "or" joins them), as a name is set beside its office."""
    last = tokens[-1]
    head = last.head
    first = tokens[0]
    return (
        last.dep_ == "conj"
        and head.tag_ in {"NN", "NNP"}
        and first.i > 1
        and first.doc[first.i - 1].text == ","
        and not any(c.dep_ == "cc" and c.i < first.i for c in head.children)
    )


def match_untagged_names(b: EntityBuilder, parsed: Token) -> None:
    """Proper names the model left untyped: "Lord Widgery" (a title, then a name) is a
    person; "into the Bogside", "towards Free Derry Corner" (the object of a locative
    preposition) is a place."""
    for token in parsed:
        if token.pos_ != "PROPN" or token.dep_ == "compound" or token.ent_type_ not in _UNTYPED:
            continue
        names = _name_words_before(token)
        if names is None:
            continue
        tokens = [*names, token]  # one run of words ("Alma-Ata" too)
        if any(
            t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ not in _UNTYPED
            for t in tokens
        ):
            continue
        span = Span(offset(tokens[0]), offset(token) + len(token.text))
        if b.covered(span) is not None or names_an_event(b, token):
            continue
        if compact(b.doc.quote(span)) in b.event_names:
            continue
        definite = any(c.dep_ == "det" for c in token.children)
        if (
            len(tokens) > 1
            and b.lexicon.is_title_word(tokens[0].text)
            and not b.lexicon.is_title_word(token.text)
            and not definite  # "the Lord Chief Justice" is an office, "Lord Widgery" a name
        ):
            named = [t for t in tokens if not b.lexicon.is_title_word(t.text)]
            named = tokens[tokens.index(named[0]) :] if len(named) > 1 else tokens
            # the person's name without the title ("Senior Lieutenant Elvin Mammadov"; a
            # surname keeps it: "Lord Widgery")
            add_name(b, Span(offset(named[0]), span.end), HG.Person)
        elif (
            (token.dep_ == "appos" or _conjunct_set_beside_its_head(tokens))
            and len(tokens) > 1
            and token.head.i < token.i
            and not b.lexicon.is_title_word(token.text)  # "..., Victorious Commander"
            and token.lower_ not in b.lexicon.head_words
            and names_a_person(b, token.head)
        ):
            # "The President of the Republic, Abdelmadjid Tebboune, has decided": the name
            # set beside an office or a calling, which the model left untagged (or took for
            # the office's conjunct: "the Minister of Culture, Adil Karimli, the ...")
            add_name(b, span, HG.Person)
        elif after_kin_noun(b, span):
            add_name(b, span, HG.Person)  # "My husband Mahmud", "my father-in-law Rasul"
        elif (
            len(tokens) <= 3
            and not definite
            and not any(b.lexicon.is_title_word(t.text) for t in tokens)
            and followed_by_an_age(b, span)
        ):
            add_name(b, span, HG.Person)  # 'said Leyla, 16, who came with her class'
        elif surname_as_subject(b, tokens) and class_of_phrase(b, token, None) is None:
            add_name(b, span, HG.Person)  # "Mutalibov himself admitted it later"
        elif len(tokens) > 1 and personal_name(b, tokens):
            # 'They said "go," Armen Tarkhanyan told the crowd': the model took the name for
            # a title; a given name and a surname of a known shape are a person's
            add_name(b, span, HG.Person)
        elif bare_name(tokens) and any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and names_a_person(b, c) for c in token.children
        ):
            # "Sero Rıza, the elderly poet of the valley": a name the text describes by a
            # calling or an office set beside it
            add_name(b, span, HG.Person)
        elif (
            bare_name(tokens)
            and not definite
            and (described_by_who(token) or _subject_of_a_personal_pronoun(token))
            and class_of_phrase(b, token, None) is None
            and not any(b.lexicon.is_title_word(t.text) for t in tokens)
        ):
            # "Pablo Picasso, who had been commissioned to ...", "Rabindranath Tagore, within
            # weeks of the slaughter, returned his knighthood": a name "who" describes or
            # "his" or "her" in its own clause refers back to
            add_name(b, span, HG.Person)
        elif (
            token.dep_ == "pobj"
            and token.head.lower_ == "by"
            and token.head.head.tag_ == "VBN"
            and len(tokens) == 2
            and bare_name(tokens)
            and class_of_phrase(b, token, None) is None
            and not b.lexicon.is_title_word(token.text)  # "by Deputy Chairman": an office
        ):
            add_name(b, span, HG.Person)  # "Recorded by Leyla Hasanli in a settlement ..."
        elif (described := _descriptor_class(b, tokens[0])) is not None:
            add_name(b, span, described)  # "the Russian human rights centre Memorial counted"
        elif len(tokens) == 1 and _listed_with_peoples(b, token):
            add_name(b, span, HG.Group)  # "Greeks, Lezgins and Armenians": a people listed
        elif (
            len(tokens) > 1
            and not any(b.lexicon.is_title_word(t.text) for t in tokens)  # "Prime Minister"
            and _listed_with_people(tokens)
        ):
            # "Felix Baran, Hugo Gerlot, Gustav Johnson": a personal name in a list of names
            # the model tagged as people's
            add_name(b, span, HG.Person)
        elif (
            # (or one the model took for a plural: "the villages of Mahmudlu and Dejal")
            (token.tag_ == "NNP" or (token.tag_ == "NNPS" and not token.lower_.endswith("s")))
            and not (len(tokens) == 1 and b.lexicon.is_title_word(token.text))  # "from President X"
            and (  # ("the Riots": no place)
                (
                    # (or a conjunct of one: "in Hwasun and Naju", Naju untagged)
                    token.dep_ in {"pobj", "conj"}
                    and (
                        after_locative(b, token)
                        # "sent into the Bogside" (a motion; "an inquiry into the Riots" is none)
                        or (
                            token.head.lower_ in _MOTION_PREPOSITIONS
                            and token.head.head.pos_ == "VERB"
                        )
                    )
                )
                or named_places(b, token)  # "provinces such as Edirne, Kırklareli and Balıkesir"
            )
            and class_of_phrase(b, token, None) is None  # ("the Government House": head words')
        ):
            add_name(b, span, HG.Place)


def _name_words_before(token: Token) -> list[Token] | None:
    """The proper nouns hung on ``token`` as compounds that are written just before it, one
    run of words (with hyphens): "Deputy Minister of Culture [Tomáš] Jelínek", "Foreign
    Ministry spokesperson [Leyla] Abdullayeva" (the office or calling before is no part of
    the name). None when a line break cuts the run (two heading lines parsed as one)."""
    compounds = {
        t.i for t in token.subtree if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < token.i
    }
    doc = token.doc
    k = token.i - 1
    while k >= 0 and (k in compounds or (doc[k].tag_ == "HYPH" and k - 1 in compounds)):
        k -= 1
    if k >= 0 and doc[k].is_space and any(i < k for i in compounds):
        return None
    return [doc[i] for i in range(k + 1, token.i) if doc[i].tag_ != "HYPH"]


def _modifier_named_by_its_last_word(ent: Token, last: Token) -> bool:
    """Whether the model's name ``ent`` modifies a noun after it and its root is not its last
    word ``last``, a noun."""
    return (
        ent.root.i != last.i
        and not ent.start <= last.head.i < ent.end
        and last.head.i > last.i
        and last.tag_.startswith("NN")
    )


def _named_after(root: Token) -> bool:
    """ "named after Joseph Stalin", "renamed for Lenin": whom or what something is named
    after, which the words after it do not describe."""
    preposition = root.head
    return (
        root.dep_ == "pobj"
        and preposition.lower_ in {"after", "for"}
        and lemma(preposition.head) in {"name", "rename"}
    )


#: Possessive and reflexive pronouns that refer to a person, never to a place or a body
#: (which would be "its", "itself").
_HIS_OR_HER = frozenset({"his", "her", "himself", "herself"})


def _subject_of_a_personal_pronoun(name: Token) -> bool:
    """Whether ``name`` is the subject of a verb whose own words, after it, say "his" or
    "her" ("X returned his knighthood"; a place or a body would be "its")."""
    if name.dep_ != "nsubj":
        return False
    return any(t.lower_ in _HIS_OR_HER and t.i > name.i for t in name.head.subtree)


#: Relative pronouns that refer to a person.
_PERSONAL_RELATIVES = frozenset({"who", "whom", "whose"})


def described_by_who(name: Token) -> bool:
    """ "Pablo Picasso, who had been commissioned": a name a relative clause of "who",
    "whom" or "whose" describes (also after a preposition: "to whom")."""
    for clause in name.children:
        if clause.dep_ != "relcl" or clause.i < name.i:
            continue
        words = [t for t in clause.subtree if not t.is_punct]
        if words and words[0].pos_ == "ADP":
            words = words[1:]
        if words and words[0].lower_ in _PERSONAL_RELATIVES:
            return True
    return False


def after_untagged_date(tokens: list[Token]) -> list[Token]:
    """The words of a phrase after a date the model left untagged before its head word
    ("20 January units", "19 to 20 January units"): a month is no word of a name."""
    dated = 0
    while dated < len(tokens) - 1 and (
        tokens[dated].like_num
        or tokens[dated].lower_ in {"to", "and", "-", "\u2013"}
        or _DAY_RANGE.match(tokens[dated].text)  # "19–20 January", one word to the model
    ):
        dated += 1
    if dated < len(tokens) - 1 and tokens[dated].text in MONTH_NAMES:
        return tokens[dated + 1 :]
    # "Late that night soldiers", "over three days mobs": a time before the head word is no
    # word of its name
    timed = [
        i
        for i, t in enumerate(tokens[:-1])
        if lemma(t) in TIME_UNITS
        and t.dep_ == "compound"
        and any(c.dep_ in {"det", "nummod"} for c in t.children)  # "over three days mobs"
    ]
    if timed:
        return tokens[timed[-1] + 1 :]
    return tokens


_DAY_RANGE = re.compile(r"^\d{1,2}[\u2013-]\d{1,2}$")


def add_name(b: EntityBuilder, span: Span, cls: URIRef) -> None:
    """A name found from its context (not its NER label): a mention of the entity of that
    class and label."""
    b.evidence[span] = (cls, BY_CONTEXT)
    b.add(span, b.entity_for(cls, normalise_label(b.doc.quote(span))), "ner")


def _number_after_no(last: Token) -> list[Token]:
    """ "School No. 15", "Gate No. 2": the full stop and number after a name's last word
    "No" (the model tags the name without them)."""
    if last.text not in {"No", "Nr"}:
        return []
    doc = last.doc
    rest = list(doc[last.i + 1 : last.i + 3])
    rest = rest[:2] if rest and rest[0].text == "." else rest[:1]
    return rest if rest and rest[-1].like_num else []


#: "war" right after a name: "the First Karabakh War", "during the Karabakh war".
_WAR_AFTER = re.compile(r"[ \t]+(?:[Ww]ar|WAR)s?\b")


def drop_places_naming_a_war(b: EntityBuilder) -> None:
    """ "the First Karabakh War", "since the Karabakh war": a place named only in the name of
    a war is no place of the story. A place the text also names elsewhere keeps those
    mentions ("Nagorno-Karabakh ... the Nagorno-Karabakh war"), and a state stays a party
    to it ("the Iran-Iraq war")."""
    elsewhere = {m.entity for m in b.mentions if not _WAR_AFTER.match(b.doc.text, m.span.end)}
    b.mentions = [
        m
        for m in b.mentions
        if m.entity in elsewhere
        or b.doc.entities[m.entity].cls != HG.Place
        or not _WAR_AFTER.match(b.doc.text, m.span.end)
    ]


#: Letters after a person's name: an abbreviation of a few letters, each part closed by a
#: full stop ("M.P.", "Esq.", "Jr.", "Q.C.", "Retd."), after a comma or a bracket.
_POST_NOMINAL = re.compile(r"(?:[A-Z][A-Za-z]{0,3}\.)+")
_BEFORE_POST_NOMINAL = re.compile(r",\s*|\s*\(")


def drop_post_nominals(b: EntityBuilder) -> None:
    """ "Mr R. B. Haldane, M.P., and Sir Albert Rollit", "Colonel J. Smith (Retd.)": the
    letters after a person's name are no place, body or person of their own."""
    people = {
        m.span.end for m in b.mentions if b.ontology.is_a(b.doc.entities[m.entity].cls, HG.Person)
    }
    text = b.doc.text

    def post_nominal(m: Mention) -> bool:
        end = m.span.end + 1 if text[m.span.end : m.span.end + 1] == "." else m.span.end
        if not _POST_NOMINAL.fullmatch(text, m.span.start, end):
            return False
        return any(
            _BEFORE_POST_NOMINAL.fullmatch(text, person, m.span.start) is not None
            for person in people
            if person < m.span.start
        )

    b.mentions = [m for m in b.mentions if not post_nominal(m)]


def drop_states_before_a_name_goes_on(b: EntityBuilder) -> None:
    """ "the USSR Ministry of Internal Affairs", "the Presidium of the USSR Supreme Soviet": a
    state named inside a body's name, with the name going on after it, is a word of that
    name, not a mention of the state ("the Supreme Soviet of the USSR" still names it). Run
    after the bodies are linked to their states."""
    bodies = [
        m.span
        for m in b.mentions
        if any(
            b.ontology.is_a(b.doc.entities[m.entity].cls, cls)
            for cls in (HG.Organization, HG.Legislature, HG.MilitaryForce)
        )
    ]
    b.mentions = [
        m
        for m in b.mentions
        if not (
            b.ontology.is_a(b.doc.entities[m.entity].cls, HG.State)
            and any(
                body.start <= m.span.start
                and m.span.end < body.end
                and b.doc.text[m.span.end : body.end].strip()[:1].isupper()
                for body in bodies
            )
        )
    ]


def building_of_a_body(b: EntityBuilder, root: Token) -> None:
    """ "stormed the building of the Radio and Television Committee": the site, a place
    named as "Radio and Television Committee building" (the body stays a mention of its own
    only where the text names it elsewhere). The site's head words are the lexicon's
    ``hg:seatNoun``."""
    if lemma(root) not in b.lexicon.seat_nouns and root.lower_ not in b.lexicon.seat_nouns:
        return
    of = of_phrase(root)
    body = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if body is None:
        return
    named = [
        m
        for m in b.mentions
        if m.span.contains(token_span(body))
        and any(
            b.ontology.is_a(b.doc.entities[m.entity].cls, c)
            for c in (HG.Organization, HG.Legislature)
        )
    ]
    if len(named) != 1:
        return
    inner = named[0]
    first = root.left_edge if root.left_edge.dep_ != "det" else root.doc[root.left_edge.i + 1]
    span = Span(offset(first), inner.span.end)
    if b.covered(span) not in (None, inner):
        return
    b.mentions.remove(inner)
    label = f"{b.doc.entities[inner.entity].label} {root.lower_}"
    b.add(span, b.entity_for(HG.Place, label), "headword")


#: What the model tags a name that may be an event's: never a place's label.
_EVENT_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT"})


def find_event_names(b: EntityBuilder, parsed: Token) -> None:
    """ "Jeltoqsan was a wave of protests", "the Intifada was an uprising": the subject of
    a copula whose complement is an event noun names an event, not an agent or a place."""
    for ent in parsed.ents:
        root = ent.root
        if ent.label_ not in _EVENT_NAME_LABELS or root.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if root.head.lemma_ != "be":
            continue
        for attr in (c for c in root.head.children if c.dep_ == "attr"):
            nouns = [attr]
            if lemma(attr) in b.lexicon.series_nouns:
                nouns = of_objects(attr)
            if any(names_an_event(b, n) for n in nouns):
                b.event_names.add(compact(ent.text))


#: Endings of the names of peoples and their adjectives ("Armenian", "Chinese", "Kurdish",
#: "French", "Iraqi", "Slavic"), which a place's name tagged as a people's has not.
_PEOPLE_ENDINGS = ("an", "ese", "ish", "ch", "i", "ic")
#: Prepositions of where one goes or comes from ("fled to the Punjab").
_TOWARDS = frozenset({"to", "into", "from", "throughout"})


def _a_place_tagged_as_a_people(b: EntityBuilder, root: Token, text: str) -> bool:
    """ "fled to the Punjab", "the Kurdish neighbourhoods of Aleppo": a singular name the
    model tagged as a nationality, after a preposition of going or after "of" and a place
    noun, with no ending of a people's name, is a place's."""
    if root.tag_ != "NNP" or root.dep_ != "pobj" or root.lower_.endswith("s"):
        return False
    if root.lower_.endswith(_PEOPLE_ENDINGS) or compact(text) in nationality_words(b.ontology):
        return False
    prep = root.head
    if prep.lower_ in _TOWARDS:
        return True
    return prep.lower_ == "of" and prep.head.i != prep.i and place_noun(b, prep.head)


#: Prepositions that place what follows them in space, never in a body: "on the Commons",
#: "into the Seine", "near the Parapet" (not "in" or "at": "in the FLN", "at the BBC").
SPATIAL_PREPOSITIONS = frozenset(
    {"on", "onto", "into", "near", "through", "across", "along", "beyond", "outside", "past"}
    | {"towards", "toward"}
)
#: Verbs after which "on" names no place: a channel ("spoke on Central Television", "an
#: address broadcast on"), or what the verb is about or asks of ("called on the CSTO", "the
#: massacre weighed on the Conference", "relied on the Front").
_VERBS_OF_A_FIGURATIVE_ON = frozenset(
    {"broadcast", "televise", "air", "call", "weigh", "rely", "depend", "insist", "focus"}
    | {"comment", "agree", "vote", "decide", "declare", "impose", "wage", "press", "urge"}
)


def _a_persons_name(b: EntityBuilder, ent: Token) -> bool:
    """Whether a name the model tagged as a person's has a person's cue: a title word in it
    or just before it ("Academician Tofig Nasirov", "Father Tissier") or a given name and a
    surname of a known shape."""
    tokens = list(ent)
    return (
        any(b.lexicon.is_title_word(t.text) for t in tokens)
        or after_a_title(b, tokens)
        or personal_name(b, tokens)
    )


def _a_place_by_its_preposition(b: EntityBuilder, root: Token) -> bool:
    """Whether a name with no class head word is the object of a preposition that places it
    in space. "On" after a name is its topic ("the Commission on Campus Unrest", "the
    Declaration on Allied Relations"), and after a verb of saying or of
    :data:`_VERBS_OF_A_FIGURATIVE_ON` no place."""
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in SPATIAL_PREPOSITIONS:
        return False
    if class_of_phrase(b, root, None) is not None:
        return False  # "into the Ministry of Defence": a body's own head word
    if preposition.lower_ != "on":
        return True
    before = root.doc[preposition.i - 1] if preposition.i > 0 else preposition
    head = lemma(preposition.head)
    return not (
        before.tag_ in {"NNP", "NNPS"}  # "a State Committee on the State of Emergency"
        or head in b.lexicon.report_verbs
        or head in _VERBS_OF_A_FIGURATIVE_ON
    )


def match_ner(b: EntityBuilder, parsed: Token, heading: bool = False) -> None:
    """Add the names the model tagged in a paragraph, classed by head word, context or label."""
    for ent in parsed.ents:
        default = b.lexicon.ner_labels.get(ent.label_)
        if ent.label_ == "NORP" and (
            (ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVES)
            or named_settlement(b, ent.root)
            or _a_place_tagged_as_a_people(b, ent.root, ent.text)
            or (  # "the Barda and Aghjabadi districts" ("the Armenian villages": a people's)
                named_places(b, ent.root) and compact(ent.text) not in nationality_words(b.ontology)
            )
        ):
            # "in the Punjab", "the city of Andijan", "fled to the Punjab", "the Kurdish
            # neighbourhoods of Aleppo", tagged as a nationality by the model
            default = HG.Place
        elif (
            ent.label_ == "ORG" or (ent.label_ == "PERSON" and not _a_persons_name(b, ent))
        ) and _a_place_by_its_preposition(b, ent.root):
            # "gathered on the Commons", "a village on the Angerapp", "threw a rose into the
            # Seine", "near the Parapet", tagged as a body by the model; "fired on Calea
            # Girocului", "a meeting on St Peter's Field", tagged as a person's
            default = HG.Place
        elif ent.label_ == "NORP" and _is_people_noun(b, ent.root):
            default = HG.Group  # "South Africans", "Armenians" used as a noun: a people
        elif (
            ent.label_ in {"GPE", "ORG", "PERSON"}
            and len(ent) == 1
            and _nationality_plural(b, ent.root)
        ):
            # "Kazakhs", "Uzbeks", tagged as a place, a body or a person by the model
            default = HG.Group
        elif (
            ent.label_ in {"GPE", "ORG", "PERSON", "LOC"}
            and len(ent) == 1
            and _listed_with_peoples(b, ent.root)
        ):
            # "Azerbaijanis, Lezgins, Jews": a plural name listed with peoples, tagged as a
            # place, a body or a person by the model
            default = HG.Group
        elif _people_of_a_nation(b, ent):
            # "Turkish Cypriots", "Kosovo Albanians": a people named by a nationality or place,
            # then a capitalised plural
            default = HG.Group
        elif ent.label_ == "NORP" and after_a_title(b, list(ent)):
            default = HG.Person  # "My cousin Arman", tagged as a nationality by the model
        elif ent.label_ == "NORP" and _a_full_name_tagged_as_a_people(b, ent):
            default = HG.Person  # "including Ruben Vardanyan", tagged as a nationality
        elif ent.label_ in {"NORP", "ORG"} and _a_surname_tagged_as_a_people(b, ent):
            # "demanding that Pashinyan resign", "sent Mikoyan and Kozlov", tagged as a
            # nationality or a body
            default = HG.Person
        elif ent.label_ == "PERSON" and len(ent) == 1 and ent.root.tag_ == "NNS":
            default = HG.Group  # "Provocateurs in the crowd": a plural noun, no one's name
        ethnic = len(ent) == 1 and (_ethnic_people(b, ent.root) or _invariant_people(b, ent.root))
        if ethnic:
            # "between ethnic Kyrgyz and ethnic Uzbeks", "about 1,500 Kyrgyz": peoples
            default = HG.Group
        after_place = _name_after_a_known_place(b, [t for t in ent if not t.is_punct])
        if after_place:
            # "the President of Ukraine Volodymyr Zelensky", tagged as one name from "Ukraine"
            # on: the place is a mention already; the name after it is a person's
            span = Span(offset(after_place[0]), offset(after_place[-1]) + len(after_place[-1].text))
            if b.covered(span) is None:
                add_name(b, span, HG.Person)
            continue
        if default is None or is_title_of_person(ent):
            continue
        if ent.label_ == "PERSON" and ent.root.dep_ == "amod":
            continue
        if _no_name_of_its_own(b, ent):
            continue
        if _names_an_occasion(ent):
            continue  # "the Baisakhi fair", "the festival of Baisakhi": a feast, no place
        if _in_gloss(b, ent):
            continue  # "Black January (Azerbaijani: Qara Yanvar)": a name in another language
        if len(ent) == 1 and compact(ent.text) in nationality_words(b.ontology) and not ethnic:
            continue  # "under Azerbaijani control", tagged PERSON by the model
        if ent.root.pos_ in {"NOUN", "PROPN"} and names_an_event(b, ent.root):
            continue  # (a verb the model took into the name is no event's name: see below)
        named = [t for t in ent if t.dep_ != "det"]
        if (
            len(named) > 1
            and named[0].text[:1].isupper()
            and named[0].dep_ == "compound"
            and names_an_event(b, named[0])
        ):
            continue  # "Operation Lentil", "Operation Ring": an event's name before its own
        if compact(ent.text) in b.event_names:
            continue  # "Jeltoqsan (1986)", "convicted over Jeltoqsan": an event's name
        bracket = next((t.i for t in ent if t.text == "("), None)
        if bracket is not None and bracket > ent.start:  # "Martyrs' Lane (Şəhidlər Xiyabanı)"
            ent = ent.doc[ent.start : bracket]
        tokens = [t for t in ent if not (t.dep_ == "det" or t.is_punct)]
        if tokens and _transcript_mark(b, tokens[0]):
            tokens = tokens[1:]  # "A. Tutsi were being killed": an answer's mark, no initial
            if not any(t.pos_ == "PROPN" for t in tokens):
                continue  # "Q. Please tell the Chamber"
        if ent.label_ != "PERSON" and tokens:
            # "Leyla Huseynova", tagged ORG from "Huseynova" on: the given name before it
            first = tokens[0]
            while (
                first.i > 0
                and first.doc[first.i - 1].tag_ == "NNP"
                and first.doc[first.i - 1].dep_ == "compound"
                and first.doc[first.i - 1].head.i in {t.i for t in tokens}
                and not first.doc[first.i - 1].text[:1].islower()  # ("the federal Executive ...")
                and first.doc[first.i - 1].text[:1].isalpha()  # (no full stop: "ST. PETERSBURG")
                and not first.doc[first.i - 1].ent_type_
                and not first.doc[first.i - 1].is_sent_start
            ):
                first = first.doc[first.i - 1]
                tokens.insert(0, first)
        if tokens:
            last = tokens[-1]
            while (
                last.i + 1 < len(last.doc)
                and last.dep_ == "compound"
                and last.head.i == last.i + 1
                and last.doc[last.i + 1].tag_ == "NNP"
                and (
                    not last.doc[last.i + 1].ent_type_
                    or (  # (the surname tagged as a nationality: "Ruben" ORG, "Vardanyan" NORP)
                        last.doc[last.i + 1].ent_type_ == "NORP"
                        and has_surname_shape(b, last.doc[last.i + 1].text)
                    )
                )
            ):
                last = last.doc[last.i + 1]  # "Ruben Vardanyan", tagged ORG as "Ruben" only
                tokens.append(last)  # "Mayor LeRoy Satrom", tagged PERSON as "LeRoy" only
        if ent.label_ != "PERSON" and tokens:
            before = tokens[0].doc[tokens[0].i - 1] if tokens[0].i else None
            if before is not None and ordinal_in_figures(before.text):
                tokens.insert(0, before)  # "the 58th Army", tagged ORG from "Army" on
        if tokens and b.lexicon.is_title_word(tokens[-1].text):
            # "Field Marshal Thanom Kittikachorn", the model's name "Field Marshal": the name
            tokens = name_after_a_title(tokens[-1]) or tokens
        if (
            ent.label_ == "PERSON"
            and len(tokens) > 2
            and tokens[0].text[:1].isupper()
            and names_a_calling(b, tokens[0])
            and all(t.pos_ == "PROPN" for t in tokens[1:])
        ):
            tokens = tokens[1:]  # "Historian Anan Sriwong said": a calling, then the name
        verb = next((i for i, t in enumerate(tokens) if i and t.tag_.startswith("VB")), None)
        if verb is not None:  # "the House of Commons censured Dyer": the name ends at the verb
            tokens = tokens[:verb]
        while tokens and tokens[-1].pos_ in {"ADP", "CCONJ", "DET", "PART"}:
            tokens = tokens[:-1]  # "the Popular Front for": no name ends with a function word
        # "the Minister of Health": an office, held by a person
        office = (
            len(tokens) > 2 and b.lexicon.is_title_word(tokens[0].text) and tokens[1].lower_ == "of"
        )
        titled = False
        while (
            not office
            and len(tokens) > 2
            and b.lexicon.is_title_word(tokens[0].text)
            and tokens[1].tag_ != "POS"  # ("the President's Commission": the title owns it)
        ):
            tokens = tokens[1:]  # "Lady Mehriban Aliyeva", "Lieutenant-General Rustam Muradov"
            titled = True
        if not tokens or all(b.lexicon.is_title_word(t.text) for t in tokens):
            continue  # "the hon. Lady", "the General's proclamation": a title alone names no one
        if ent.label_ != "PERSON" and _part_of_a_title(b, tokens):
            continue  # "Secretary of State Antony Blinken", "the High Representative, Josep ..."
        tokens += hyphenated_rest(tokens[-1])  # "Bazar-Korgon", tagged from "Bazar" only
        numbered = _number_after_no(tokens[-1])  # "School No. 15", tagged as "School No"
        tokens += numbered
        # (a name tagged as a place that no known place has: "the Berkut riot police")
        unknown = ent.label_ == "GPE" and not any(
            m.span.overlaps(token_span(t)) for m in b.mentions for t in tokens
        )
        force = _force_after(b, tokens[-1]) if ent.label_ in {"ORG", "NORP"} or unknown else []
        if force:
            tokens = tokens + force  # "Interior Ministry troops", "a KGB special unit"
        span = Span(offset(tokens[0]), offset(tokens[-1]) + len(tokens[-1].text))
        nested = [m for m in b.mentions if m.span.overlaps(span)]
        holder = _office_holder(b, tokens, nested)
        if holder is not None:
            # "Speaker of the Milli Majlis Sahiba Gafarova", tagged as one name: the body's
            # name, then the person who holds the office
            add_name(
                b, Span(offset(holder[0]), offset(holder[-1]) + len(holder[-1].text)), HG.Person
            )
            continue
        root_span = Span(offset(ent.root), offset(ent.root) + len(ent.root.text))
        if nested:
            # A longer name headed outside the known name ("Armed Forces of Azerbaijan") wins.
            if all(span.contains(m.span) and m.span != span for m in nested) and not any(
                m.span.overlaps(root_span) for m in nested
            ):
                for m in nested:  # a place stays a mention of its own ("... of Lithuania")
                    if not is_place(b, m):
                        b.mentions.remove(m)
            else:
                _name_after_a_known_body(b, tokens, nested, default)
                continue
        cls, strength = class_of_phrase(b, ent.root, None), BY_WORD
        if cls is None and _modifier_named_by_its_last_word(ent, tokens[-1]):
            # "Royal Irish Constabulary men": the model hangs every word of the name on the
            # noun after it, and its root is its first word; its last word is its head word
            # (an agent's only: "Kent State University campus" may be the body or the site)
            last = class_of_phrase(b, tokens[-1], None)
            if last is not None and b.ontology.is_a(last, HG.Agent):
                cls = last
        if cls is None and numbered:
            cls = class_of_phrase(b, tokens[0], None)  # "School No. 15": a school
        if force:
            cls = HG.MilitaryForce
        if (
            cls == HG.Group
            and ent.label_ == "ORG"
            and len(tokens) > 2
            and ent.root.text.istitle()
            and ent.root.tag_ in {"NNPS", "NNS"}
        ):
            cls = HG.Organization  # "the Industrial Workers of the World": a body's name
        if (
            cls is not None
            and b.ontology.is_a(cls, HG.Legislature)
            and any(t.lower_.endswith("ist") and t.i < ent.root.i for t in tokens)
        ):
            cls = HG.Organization  # "the Pan Africanist Congress": a movement's congress
        if office or _title_and_surname(b, tokens):
            cls = HG.Person
        if cls is None and ent.label_ != "PERSON" and _place_kind_first(b, tokens):
            cls = HG.Place  # "Fort Pillow", "Mount Halla", tagged as a body
        if cls is None and ent.label_ != "GPE" and _region_of_a_known_place(b, tokens):
            cls = HG.Place  # "Northern Ireland", "Western Azerbaijan", tagged ORG by the model
        if cls is None:
            cls = (
                _descriptor_class(b, tokens[0])
                or _appositive_class(
                    b,
                    ent.root,
                    (ent.label_ == "PERSON" and len(tokens) > 1)
                    or opens_with_a_given_name(b, tokens),  # "on the orders of Nicolae ..."
                )
                or _predicate_class(b, ent.root)
            )
        if (
            cls is None
            and ent.label_ == "PERSON"
            and len(tokens) == 1
            and _listed_with_places(b, ent.root)
        ):
            # "the victims of Baku, Shamakhi and Guba" (a full name, "Andrei Kuznetsov and
            # Irina Belova, travelled to Stepanakert", is a person's the parse misplaced)
            cls, strength = HG.Place, BY_CONTEXT
        if cls is None:
            cls = _class_of_examples(b, ent.root)
            if cls is not None and not b.ontology.is_a(cls, HG.Place) and personal_name(b, tokens):
                # "commanders of Armenian armed formations, including Garnik Ovsepyan": a
                # person's name is no example of a body, whatever noun the parse hung it on
                cls = None
        if cls is None and _listed_after_places(b, ent.root):
            cls, strength = HG.Place, BY_CONTEXT  # "the liberated villages: Chayli, Kuyjak"
        if cls is None and (
            (
                after_locative(b, ent.root)
                and not _initials_of_a_body_after_in_or_at(ent)
                and not _a_person_after_a_description(b, ent, tokens)
            )
            or end_of_a_route(b, ent.root)
            or named_settlement(b, ent.root)
            or named_places(b, ent.root)
            or a_name_after_the(b, ent)
            or entered(b, ent.root)
            # (not whom something is named after: "the works, then named after Joseph
            # Stalin, where the crews ...": the clause is the works')
            or (where_something_happened(ent.root) and not _named_after(ent.root))
            or what_befell(b, ent.root)
        ):
            cls, strength = HG.Place, BY_CONTEXT  # "in Stepanakert", tagged PERSON or ORG
        if (
            ent.start_char == 0
            and ent.text.isupper()
            and DATELINE_AFTER_PLACE.match(b.doc.text, span.end)
        ):
            cls, strength = HG.Place, BY_WORD  # "GORIS, Armenia, 29 September 2023 —": a dateline
        if cls is None and ent.label_ != "PERSON" and leader_by_name(b, tokens):
            cls, strength = HG.Person, BY_CONTEXT  # "headed by Anatoly Sobchak", tagged ORG
        if (
            cls is None
            and ent.label_ != "PERSON"
            and (
                _listed_with_people(tokens)
                or _listed_with_others_of_a_calling(b, tokens)
                or in_apposition_to_a_person_noun(b, tokens)
                or one_name_beside_a_title(b, tokens)
                or a_name_beside_an_office(b, tokens)
                or opens_with_a_given_name(b, tokens)
                or (  # "the death of Sitting Bull, who was killed", tagged ORG
                    (
                        bare_name(tokens)
                        # (one name the model took for a place's: "a photograph of Nurlan,
                        # who was 27": no place is a "who")
                        or (
                            len(tokens) == 1
                            and ent.label_ in {"GPE", "LOC", "FAC"}
                            and tokens[0].tag_ == "NNP"
                        )
                    )
                    and described_by_who(ent.root)
                    and not any(c.dep_ == "det" for c in ent.root.children)
                )
            )
        ):
            cls, strength = HG.Person, BY_CONTEXT  # "Jeffrey Miller, Sandra Scheuer and ..."
        if cls is None and ent.label_ != "PERSON" and followed_by_an_age(b, span):
            cls, strength = HG.Person, BY_CONTEXT  # "said Nino, 52,", tagged GPE
        if cls is None and ent.label_ != "PERSON" and kin_named_by(b, tokens):
            cls, strength = HG.Person, BY_CONTEXT  # "Tofig's brother", "Tofig" tagged GPE
        if cls is None and ent.label_ != "PERSON" and personal_name(b, tokens):
            cls, strength = HG.Person, BY_CONTEXT  # "sentenced Talekh Ismailov", tagged GPE
        if (
            cls is None
            and titled
            and ent.label_ != "PERSON"
            and all(t.text[:1].isupper() for t in tokens)
            # (the model may take a surname for a plural noun: "Lord Justice Edmund Davies")
            and all(t.pos_ == "PROPN" for t in tokens[:-1])
            and (tokens[-1].pos_ == "PROPN" or tokens[-1].tag_ == "NNS")
        ):
            cls, strength = HG.Person, BY_CONTEXT  # "Private Tural Hasanli", tagged ORG
        if cls is None and ent.label_ != "PERSON" and after_a_title(b, tokens):
            cls, strength = HG.Person, BY_CONTEXT  # "my cousin Arman", tagged ORG
        if cls is None:
            cls, strength = default, BY_NER
        if (
            ent.label_ == "PERSON"
            and strength == BY_WORD
            and b.ontology.is_a(cls, HG.Place)
            and personal_name(b, tokens)
        ):
            # "the Shusha district Aydin Karimov", "the committee, Rauf Huseynov, almost the
            # whole district": a place noun the parse hung on a personal name the model tags
            # as a person's does not make it a place
            cls, strength = HG.Person, BY_NER
        parts = _coordinated_places(b, tokens, cls)
        if parts and not heading:
            for part in parts:  # "the cities of Osh and Jalal-Abad", tagged as one name
                part_span = Span(offset(part[0]), offset(part[-1]) + len(part[-1].text))
                if b.covered(part_span) is None:
                    b.evidence[part_span] = (cls, strength)
                    b.add(
                        part_span, b.entity_for(cls, normalise_label(b.doc.quote(part_span))), "ner"
                    )
            continue
        label = normalise_label(b.doc.quote(span))
        if not label:
            continue
        if heading and not _a_byline_name(b, ent, tokens, span, cls):
            b.in_headings.append((span, label))
            continue
        label = of_its_place(b, ent.root, span, cls, label)
        b.evidence[span] = (cls, strength)
        b.add(span, b.entity_for(cls, label, of_a_known_place(b, span, cls, label)), "ner")


#: What follows a title's name, not a person's: a date or a number ("Krasnaya Zvezda, 24
#: January 1990", "Voyenny Vestnik, No. 3", "Batang Kali: 64 years on", "... at 100").
_DATED_AFTER = re.compile(rf"[\s,:;.-]*(?:at\s+)?(?:\d|No\b|(?:{'|'.join(sorted(MONTH_NAMES))})\b)")


def _initials_of_a_body_after_in_or_at(ent: Token) -> bool:
    """ "raise the matter at the CSCE", "a member in the I.W.W.": initials the model tags as
    a body's are its name after "in" or "at" too (a place so named is the gazetteer's)."""
    return (
        ent.label_ == "ORG"
        and len(ent) == 1
        and ent.text.isupper()
        and ent.root.dep_ == "pobj"
        and ent.root.head.lower_ in {"in", "at"}
    )


def _a_byline_name(
    b: EntityBuilder, ent: Token, tokens: list[Token], span: Span, cls: URIRef | None
) -> bool:
    """Whether a name in a heading is a person's the heading names, as a byline, a signature
    or a chair does ("By Hélène Marchetti, historian", "Tofig Mammadli, Editor-in-Chief",
    "by Deputy Speaker Kemal Aydemir"): the model's person, a given name and a surname not
    set in capitals, with no class head word or event word among them and no date or number
    after it (a newspaper's name over its date, a headline's place)."""
    if cls != HG.Person or ent.label_ != "PERSON" or not bare_name(tokens):
        return False
    if any(t.is_upper for t in tokens) or _DATED_AFTER.match(b.doc.text, span.end):
        return False
    return not any(class_of_phrase(b, t, None) is not None or names_an_event(b, t) for t in tokens)


def _name_after_a_known_place(b: EntityBuilder, tokens: list[Token]) -> list[Token]:
    """The words of a personal name the model tagged together with the known place before
    it ("Ukraine Volodymyr Zelensky" after "the President of"): a place the text names
    already, then a given name and a surname of a known shape. Empty when there is none."""
    if tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]  # "People's Deputy of the USSR Rasim Mamedov", tagged from "the"
    if len(tokens) < 3:
        return []
    words_before = [t.lower_ for t in tokens[0].doc[max(0, tokens[0].i - 2) : tokens[0].i]]
    if words_before[-1:] != ["of"] and words_before != ["of", "the"]:
        return []
    first = Span(offset(tokens[0]), offset(tokens[0]) + len(tokens[0].text))
    place = next((m for m in b.mentions if m.span.contains(first) and is_place(b, m)), None)
    if place is None:
        return []
    rest = [t for t in tokens if offset(t) >= place.span.end]
    return rest if 2 <= len(rest) <= 3 and personal_name(b, rest) else []


#: Nouns of a recurring occasion: a name before one, or one is "of", names the occasion.
_OCCASION_NOUNS = frozenset({"festival", "fair", "feast", "holiday"})


def _names_an_occasion(ent: Token) -> bool:
    """Whether a one-word name the model tagged names a feast or a fair: it modifies an
    occasion noun ("the Baisakhi fair", "a Baisakhi gathering" is not one) or such a noun,
    or "the day", is "of" it ("the festival of Baisakhi", "the day of Baisakhi")."""
    root = ent.root
    if len(ent) != 1 or ent.label_ not in {"GPE", "LOC", "FAC"}:
        return False
    if root.dep_ in {"compound", "amod", "nmod"}:
        return lemma(root.head) in _OCCASION_NOUNS
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    noun = root.head.head
    return lemma(noun) in _OCCASION_NOUNS or (
        noun.lower_ == "day" and any(c.lower_ == "the" for c in noun.children)
    )


def _no_name_of_its_own(b: EntityBuilder, ent: Token) -> bool:
    """Whether a name the model tagged is none, or only a part of a longer name the head
    words find: a lowercase word ("schools, mosques and cemeteries"), the name before a
    site's head word ("the Corvin cinema", "the Kapaz district"), a unit's number ("the
    366th motorised rifle regiment", tagged "366th"), a body inside an office's name
    ("the UN High Commissioner for Human Rights"), what an office is of ("the Minister of
    the Interior") or an office set before its holder's name ("the Taoiseach, Brian
    Cowen")."""
    if not any(ch.isupper() for ch in ent.text) and (
        ent.root.pos_ == "NOUN" or ent.label_ in {"PERSON", "GPE", "LOC", "FAC"}
    ):
        return True
    head = ent.root.head
    head_class = b.lexicon.head_words.get(head.lower_)
    if (
        ent.label_ in {"PERSON", "ORG"}
        and ent.root.dep_ == "compound"
        and head.i == ent.end
        and head.pos_ == "NOUN"
        and head.text.islower()
        and head_class is not None
        and b.ontology.is_a(head_class, HG.Place)
    ):
        return True
    if all(t.like_num or t.ent_type_ == "ORDINAL" or t.text[:1].isdigit() for t in ent):
        return True
    if _name_of_a_make(b, ent):
        return True
    if _common_word_in_capitals(b, ent):
        return True
    if _common_noun_opening_a_line(b, ent):
        return True
    if ent.label_ != "PERSON" and ent[-1].lower_ in WEEKDAYS:
        return True  # "On Easter Sunday", "Good Friday": a day's name, no place or body
    if _portfolio_of_an_office(b, ent):
        return True  # "the Minister of the Interior": what the office is of, no body
    if _an_office_before_its_holder(b, ent):
        return True  # "the Taoiseach, Brian Cowen": the person's office, found by the name
    return (
        ent.label_ == "ORG"
        and ent.root.dep_ in {"compound", "det"}
        and head.i > ent.root.i
        and head.text[:1].isupper()  # ("the White House press secretary": a body's)
        and b.lexicon.is_title_word(head.text.split("-")[0])
    )


def _an_office_before_its_holder(b: EntityBuilder, ent: Token) -> bool:
    """ "the Taoiseach, Brian Cowen", "the Adjutant General, Brigadier General John Chase":
    an office the model took for a name, set before the name of the person who holds it."""
    if ent.label_ in {"GPE", "LOC", "NORP"} or ent.text.isupper():
        return False
    if ent.root.dep_ == "pobj" and ent.root.head.lower_ == "of":
        return False  # "the head of the Gulag, Comrade I. I. Dolgikh": the head's name
    first = ent[0]
    if not (first.lower_ == "the" or (first.i > 0 and first.doc[first.i - 1].lower_ == "the")):
        return False
    if holds_a_head_word(b, ent):
        return False
    doc = ent.doc
    k = ent.end
    if k + 1 < len(doc) and doc[k].lower_ == "of" and doc[k + 1].ent_type_ == "GPE":
        k += 1  # "the Grand Mufti of Jerusalem, Haj Amin al-Husseini"
        while k < len(doc) and doc[k].ent_type_ == "GPE":
            k += 1
    if k >= len(doc) or doc[k].text != ",":
        return False
    k += 1
    start = k
    while (
        k < len(doc)
        and k < start + 4
        and (doc[k].text in {".", "the"} or (doc[k].text[:1].isupper() and not doc[k].ent_type_))
    ):
        k += 1  # a title or rank before the name: "Brigadier General", "the Rt. Rev."
    return k < len(doc) and doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "B"


def _portfolio_of_an_office(b: EntityBuilder, ent: Token) -> bool:
    """Whether a name the model tagged as a body's is only what an office is of: "the
    Minister of the Interior", "the Secretary of State for the Colonies", "the High
    Commissioner for Diaspora Affairs". Not a body the lexicon's head words or an acronym
    name ("Vice-President of the Heydar Aliyev Foundation", "Chairman of the KGB"), nor a
    place, a people or a person."""
    root = ent.root
    if ent.label_ in {"GPE", "LOC", "NORP", "PERSON"} or root.dep_ != "pobj":
        return False
    if root.head.lower_ not in {"of", "for"}:
        return False
    office = root.head.head
    if (
        not b.lexicon.is_title_word(office.text)
        and office.dep_ == "pobj"
        and office.head.lower_ in {"of", "for"}
    ):
        office = office.head.head  # "Secretary of State for the Colonies": "for" on "State"
    return (
        office.text[:1].isupper()
        and b.lexicon.is_title_word(office.text)
        and not any(t.text.isupper() and len(t.text) > 1 for t in ent)
        and not holds_a_head_word(b, ent)
    )


def _a_full_name_tagged_as_a_people(b: EntityBuilder, ent: Token) -> bool:
    """Two or three capitalised proper nouns, a given name of the lexicon first or a
    surname's shape last ("Ruben Vardanyan"), none of them a nationality, standing as a
    noun: a person's name the model took for a nationality's."""
    tokens = [t for t in ent if not (t.dep_ == "det" or t.is_punct)]
    if len(tokens) < 2 or ent.root.dep_ in {"amod", "compound"}:
        return False
    if any(compact(t.text) in nationality_words(b.ontology) for t in tokens):
        return False
    return personal_name(b, tokens) or opens_with_a_given_name(b, tokens)


def _a_surname_tagged_as_a_people(b: EntityBuilder, ent: Token) -> bool:
    """One capitalised proper noun of a surname's shape (``hg:surnameEnding``: "Pashinyan",
    "Aliyev") that is no nationality and stands as a noun, not before one ("Armenian" in
    "Armenian troops" is a people's word): a person's name, whatever nationality or body the
    model took it for."""
    root = ent.root
    return (
        len(ent) == 1
        and root.tag_ == "NNP"
        and root.dep_ not in {"amod", "compound"}
        and has_surname_shape(b, root.text)
        and compact(root.text) not in nationality_words(b.ontology)
    )


def _name_of_a_make(b: EntityBuilder, ent: Token) -> bool:
    """ "Grad rockets", "Kalashnikov rifles", "Kamaz truck": one capitalised word the model
    tagged as a person's or a body's, before a lower-case common noun that is no class's head
    word, names a make or a model of a thing, no agent. Not an acronym ("FBI agents", "NKVD
    officers" are a body's) and not a head word's modifier ("Pravda correspondents")."""
    head = ent.root.head
    return (
        ent.label_ in {"PERSON", "ORG"}
        and len(ent) == 1
        and not ent.text.isupper()
        and ent.root.dep_ in {"compound", "amod"}
        and head.i == ent.end
        and head.tag_ in {"NN", "NNS"}
        and head.text.islower()
        and b.lexicon.head_words.get(head.lower_) is None
        and b.lexicon.head_words.get(lemma(head)) is None
    )


def _common_word_in_capitals(b: EntityBuilder, ent: Token) -> bool:
    """ "THE DEAD AND WOUNDED.": one word in capitals that the text also writes in lower
    case ("the dead were carried ...") is a common word set in capitals, not a name."""
    if len(ent) != 1 or len(ent.text) < 3 or not ent.text.isupper():
        return False
    return re.search(rf"\b{re.escape(ent.text.lower())}\b", b.doc.text) is not None


def _common_noun_opening_a_line(b: EntityBuilder, ent: Token) -> bool:
    """ "Wreaths were laid", "Groups of young men moved in", "Justice must be done": one word
    the model tagged as a name but the tagger as a common noun, written in capitals only
    because a sentence or a line opens with it (not a people, "Belarusians", "Kazakhs"; not
    a plural the model took for a person's name, "Provocateurs", a group; not a head word of
    the lexicon, "Police"; not a surname after an initial the parse cut off, "Sh. Rzayev")."""
    root = ent.root
    return (
        len(ent) == 1
        and root.tag_ in {"NN", "NNS"}
        and ent.label_ != "NORP"
        and not _nationality_plural(b, root)  # "Kazakhs later remembered"
        and not (ent.label_ == "PERSON" and root.tag_ == "NNS")  # "Provocateurs": a group
        and root.is_alpha
        and len(root.text) > 2
        and class_of_phrase(b, root, None) is None
        and _opens_a_line(root, ent.sent.start)
        and not INITIAL.match(root.doc[max(0, root.i - 2) : root.i].text.replace(" ", ""))
    )


def of_a_known_place(b: EntityBuilder, span: Span, cls: URIRef, label: str) -> str | None:
    """ "Ministry of Foreign Affairs of the Republic of Armenia": the name a body whose name
    ends with "of" and a known place is known by, with the place's own label ("... of
    Armenia"), so that the body named either way is one entity (None if not so named).
    Whoever governs a nation the gazetteer gives an adjective (``hg:demonym``) is known by
    it: "the leadership of the USSR" is the "Soviet leadership" other texts name."""
    if b.ontology.is_a(cls, HG.Place) or b.ontology.is_a(cls, HG.Group):
        return None
    for m in b.mentions:
        entity = b.doc.entities[m.entity]
        if m.span.end != span.end or entity.gazetteer is None or not is_place(b, m):
            continue
        before = b.doc.text[span.start : m.span.start]
        found = re.search(r"\s+of\s+(?:the\s+)?$", before)
        if found is None or not before[: found.start()].strip():
            continue
        body = normalise_label(before[: found.start()])
        entry = gazetteer_entries(b.ontology)[entity.gazetteer]
        if body.lower() in b.lexicon.ruler_nouns and entry.demonyms:
            return f"{entry.demonyms[0]} {body.lower()}"
        return f"{body} of {entity.label}"
    return None


def _coordinated_places(b: EntityBuilder, tokens: list[Token], cls: URIRef) -> list[list[Token]]:
    """ "Osh and Jalal-Abad", tagged as one place: its two names, each capitalised (a
    place whose name has "and" in it, "Bosnia and Herzegovina", is in the gazetteer); and
    "Beslan, Republic of North Ossetia-Alania": a place and the known region after it."""
    if not b.ontology.is_a(cls, HG.Place):
        return []
    # (the tokens leave out punctuation: a comma is a gap before a token)
    commas = [k for k in range(1, len(tokens)) if tokens[k].doc[tokens[k].i - 1].text == ","]
    if len(commas) == 1:
        # "Beslan, Republic of North Ossetia-Alania", tagged as one place: a place, then
        # the known region it lies in (which keeps its own mention)
        after = tokens[commas[0] :]
        region = Span(offset(after[0]), offset(after[-1]) + len(after[-1].text))
        if tokens[0].text[:1].isupper() and any(
            m.source == "gazetteer" and region.contains(m.span) and is_place(b, m)
            for m in b.mentions
        ):
            return [tokens[: commas[0]], after]
    if (
        len(tokens) > 1
        and len(commas) == len(tokens) - 1
        and all(t.text[:1].isupper() and t.dep_ == "conj" for t in tokens[1:])
    ):
        return [[t] for t in tokens]  # "Bagerhat, Barishal", tagged as one place: a list
    links = [i for i, t in enumerate(tokens) if t.lower_ == "and" and t.dep_ == "cc"]
    if len(links) != 1 or not 0 < links[0] < len(tokens) - 1:
        return []
    parts = [tokens[: links[0]], tokens[links[0] + 1 :]]
    if not all(all(t.text[:1].isupper() or t.is_punct for t in part) for part in parts):
        return []
    return parts


def of_its_place(b: EntityBuilder, root: Token, span: Span, cls: URIRef, label: str) -> str:
    """ "Russia's defence ministry": the label of a body named after the place that owns
    it, outside its span ("defence ministry of Russian Federation"), so that two
    countries' ministries stay two bodies."""
    if b.ontology.is_a(cls, HG.Place) or b.ontology.is_a(cls, HG.Group):
        return label
    for child in root.children:
        if child.dep_ != "poss" or child.pos_ != "PROPN" or offset(child) >= span.start:
            continue
        holder = b.covered(token_span(child))
        if holder is not None and is_place(b, holder):
            return f"{label} of {b.doc.entities[holder.entity].label}"
    return label


def _force_after(b: EntityBuilder, last: Token) -> list[Token]:
    """The force head word right after a body's name, with up to two lower-case words
    between ("[Interior Ministry] troops", "[KGB] special unit"): its tokens, if any."""
    doc = last.doc
    following: list[Token] = []
    for t in doc[last.i + 1 : last.i + 4]:
        if not t.text.islower() or t.pos_ not in {"ADJ", "NOUN"}:
            break
        following.append(t)
        if b.lexicon.head_words.get(lemma(t)) == HG.MilitaryForce or (
            b.lexicon.head_words.get(t.lower_) == HG.MilitaryForce
        ):
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower():
                return []  # "Interior Ministry troop carriers": the head word modifies
            return following
    return []


def _office_holder(
    b: EntityBuilder, tokens: list[Token], nested: list[Mention]
) -> list[Token] | None:
    """The personal name after a body's name in one tagged name that follows a title and
    "of" ("Speaker of [the Milli Majlis Sahiba Gafarova]"): its tokens, if so."""
    if len(nested) != 1 or nested[0].span.start != offset(tokens[0]):
        return None
    cls = b.doc.entities[nested[0].entity].cls
    if b.ontology.is_a(cls, HG.Place) and not b.ontology.is_a(cls, HG.State):
        return None  # (a state has office holders: "President of the Republic of X Name")
    rest = [t for t in tokens if offset(t) >= nested[0].span.end]
    if len(rest) < 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
        return None
    if class_of_phrase(b, rest[-1], None) not in (None, HG.Person):
        return None  # "Secretary of [the CPSU Central Committee]": the body's own head word
    before = tokens[0].doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if before is not None and before.dep_ == "det" and before.i > 0:
        before = before.doc[before.i - 1]
    if before is None or before.lower_ != "of" or before.i == 0:
        return None
    return rest if b.lexicon.is_title_word(before.doc[before.i - 1].text) else None


def _part_of_a_title(b: EntityBuilder, tokens: list[Token]) -> bool:
    """Whether a name the model tagged as a body or place is a person's title, or the field
    of one, beside the person's name: "Secretary of [State] Antony Blinken", "[the High
    Representative], Josep Borrell", "[Victorious Commander-in-Chief] President Ilham
    Aliyev", "Zareh Sinanyan, High Commissioner for [Diaspora Affairs]". A name with a head
    word of its own ("the Speaker of the Milli Majlis") or one the gazetteer knows is a
    body, whatever office it gives.
    """
    first, last = tokens[0], tokens[-1]
    span = Span(offset(first), offset(last) + len(last.text))
    if any(m.span.overlaps(span) for m in b.mentions):
        return False
    if class_of_phrase(b, last, None) is not None:
        return False
    doc = first.doc
    field = (
        first.i >= 2
        and doc[first.i - 1].lower_ in {"of", "for"}
        and b.lexicon.is_title_word(doc[first.i - 2].text)
    )
    title = b.lexicon.is_title_word(last.text)  # ("Commander-in-Chief" ends with "Chief")
    if not (field or title):
        return False
    office = doc[first.i - 2] if field else last
    if office.dep_ == "appos" and office.head.ent_type_ == "PERSON":
        # "Zareh Sinanyan, Armenia's High Commissioner for [Diaspora Affairs]"; a land the
        # office is of stays a place: "William Scranton, a former governor of [Pennsylvania]"
        return not (field and not title and last.ent_type_ == "GPE")
    after = doc[last.i + 1 : last.i + 4]
    after = [t for t in after if not (t.is_punct or b.lexicon.is_title_word(t.text))]
    return bool(after) and after[0].ent_type_ == "PERSON"


def _in_gloss(b: EntityBuilder, ent: Token) -> bool:
    """Whether a name follows "(Language:", as encyclopedias give a name in other languages
    ("Black January (Azerbaijani: Qara Yanvar; Russian: ...)")."""
    doc, i = ent.doc, ent.start - 1
    while i >= 0 and doc[i].text not in {":", ";", "(", ")"} and ent.start - i <= 6:
        i -= 1
    if i < 2 or doc[i].text != ":":
        return False
    language = doc[i - 1]
    return (
        language.ent_type_ in {"NORP", "LANGUAGE"}
        or compact(language.text) in nationality_words(b.ontology)
    ) and any(t.text == "(" for t in doc[max(0, i - 12) : i - 1])


def _in_capitals(name: str) -> bool:
    """Whether a name is written all in capitals ("ST PETERSBURG", "USSR")."""
    return name.isupper() and sum(c.isalpha() for c in name) > 1


def label_people_without_middle_initials(b: EntityBuilder) -> None:
    """ "Mikhail S. Gorbachev", "Corazon C. Aquino": a person named by a given name written
    in full, middle initials and a surname is labelled without the initials ("Mikhail
    Gorbachev"), as other texts name them; the name as written stays an alias."""
    for ent in b.doc.entities.values():
        if ent.cls != HG.Person or ent.gazetteer is not None:
            continue
        words = ent.label.split()
        if (
            len(words) < 3
            or not all(INITIAL.match(w) for w in words[1:-1])
            or INITIAL.match(words[0])
            or b.lexicon.is_title_word(words[0])  # ("General S. Dorlov": a title, no name)
            or not words[0][:1].isupper()
            or not words[0].isalpha()
            or not words[-1][:1].isupper()
            or len(words[-1]) < 3  # ("Comrade S. Ye", a name the model cut short)
            or words[-1].endswith(".")
        ):
            continue
        ent.aliases.add(ent.label)
        ent.label = f"{words[0]} {words[-1]}"


def label_as_written(b: EntityBuilder) -> None:
    """A name met first in capitals (a dateline, a headline) takes the text's own spelling.

    "ST PETERSBURG, Jan. 10 — ... St Petersburg is under martial law": the place is
    labelled "St Petersburg", and the capitals stay an alias. A name the text only
    ever writes in capitals ("USSR") keeps them.
    """
    for m in sorted(b.mentions, key=lambda m: m.span.start):
        ent = b.doc.entities[m.entity]
        if ent.gazetteer is not None or not _in_capitals(ent.label):
            continue
        written = normalise_label(b.doc.quote(m.span))
        if _in_capitals(written) or fold_name(written) != fold_name(ent.label):
            continue
        ent.aliases.discard(written)
        ent.aliases.add(ent.label)
        ent.label = written


def mark_unnamed(b: EntityBuilder) -> None:
    """Mark the entities the text names by common nouns alone: "the crowd", "the government",
    "civilians" (a gazetteer entry too), "Police opened fire" (a capital that opens a
    sentence or a line names no one), "the Government" (nor does one on a head word of the
    lexicon). Who they are depends on the document that speaks of them, so each source's
    are its own nodes (:meth:`historygraph.emit.Emitter.minted`)."""
    openers: dict[str, set[str]] = {}  # first words written in capitals for the sentence's sake
    for m in b.mentions:
        parsed = b.doc.sentence_at(m.span.start).parsed
        first = next((t for t in parsed if offset(t) == m.span.start), None)
        if first is not None and first.pos_ != "PROPN" and _opens_a_line(first, parsed.start):
            openers.setdefault(m.entity, set()).add(first.text)
    for key, ent in b.doc.entities.items():
        if ent.gazetteer is not None:  # the gazetteer's own label: "civilians" is no name
            ent.named = any(word[:1].isupper() for word in ent.label.split())
        else:
            ent.named = any(
                _a_name(b, name, openers.get(key, set())) for name in (ent.label, *ent.aliases)
            )


def _a_name(b: EntityBuilder, name: str, openers: set[str]) -> bool:
    """Whether ``name`` has a word in capitals that is no head word of the lexicon and, if it
    is the first, not one a sentence opens with (``openers``)."""
    for i, word in enumerate(name.split()):
        if not word[:1].isupper() or (i == 0 and word in openers):
            continue
        bare = re.sub(r"(?:'s|’s|'|’)$", "", word).lower()
        if bare not in b.lexicon.head_words and bare.removesuffix("s") not in b.lexicon.head_words:
            return True
    return False


def _opens_a_line(token: Token, sentence_start: int) -> bool:
    """Whether only punctuation (an opening quote, a bracket) comes before ``token`` in its
    sentence (which starts at token index ``sentence_start``) or on its line."""
    for k in range(token.i - 1, sentence_start - 1, -1):
        before = token.doc[k]
        if "\n" in before.text or "\n" in before.whitespace_:
            return True
        if not before.is_punct:
            return False
    return True
