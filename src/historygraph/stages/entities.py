"""Stage ``entities``: agents and places the text names.

Sources, in order of authority:

1. the ontology's gazetteer, matched ignoring case, spaces and punctuation
   (so a glued "MilliMajlis" or "Karabakhand" still matches);
2. spaCy's statistical NER, classed by the head word of the name ("... Army" is
   a military force) or by the NER label;
3. noun phrases headed by a class head word with a proper-name modifier
   ("the USSR leadership");
4. parenthesised aliases ("Milli Majlis (Parliament)");
5. generic definite phrases ("armed forces", "the parliament") resolved to the
   most recent entity of that class.

Then one name keeps one sense in a document: the mentions of a name the model
labelled differently become one entity, classed by the strongest evidence any
of them has; a lone surname or title ("Gapon", "the Tsar") joins the one
person whose full name starts or ends with it; a collective group or force
named with an extra modifier ("ethnic Armenian forces") joins the plainer name
("Armenian forces"). In a heading, where title case misleads the model, a name
counts only if the body names it too.
"""

from __future__ import annotations

import bisect
import calendar
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from rdflib import URIRef

from historygraph.document import Document, Entity, Mention, Sentence, Span
from historygraph.namespaces import HG
from historygraph.ontology import GazetteerEntry, Ontology, compact, words_of
from historygraph.pipeline import Context, stage
from historygraph.stages.clauses import TIME_UNITS
from historygraph.stages.syntax import (
    Token,
    is_heading,
    lemma,
    noun_chunks,
    offset,
    path_to_root,
    token_span,
    tokens_span,
)
from historygraph.stages.times import DATELINE_AFTER_PLACE, DATELINE_BYLINE, DATELINE_HEAD

#: Function words a typo may glue to a name ("Karabakhand").
GLUE_WORDS = ("and", "or", "the", "of", "in", "on", "at", "to", "by")
#: Group nouns too generic to name a group without a proper-name modifier.
GENERIC_GROUP_NOUNS = frozenset({"people", "population", "person", "nation", "civilian"})
#: Words that quantify a noun phrase rather than name it ("several protesters").
QUANTIFIERS = frozenset(
    {"some", "several", "many", "few", "all", "most", "hundreds", "thousands", "dozens", "other"}
)
#: Quantifiers that make a bare plural generic: "many residents", "most residents".
GENERIC_QUANTIFIERS = frozenset({"some", "several", "many", "few", "all", "most"})
#: How many sentences back a generic phrase ("the army") looks for its referent.
ANAPHORA_WINDOW = 3
#: Prepositions after which a name the model calls a person or organisation is a place.
LOCATIVES = frozenset({"in", "at", "near", "outside", "towards", "toward", "around", "across"})
#: Verbs whose agent ("headed by X") is a person when the name is a bare personal name.
LEADING_VERBS = frozenset({"head", "lead", "chair", "command", "preside"})
#: Names of months: never a word of an entity's name.
MONTH_NAMES = frozenset(calendar.month_name[1:])
#: Prepositions that place a site ("the memorial on Rustaveli Avenue").
SITE_PREPOSITIONS = ("on", "in", "at", "near")
#: Nouns that refer back to a settlement ("the city", "the town").
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "township"})
#: Nouns that stand for a country or a people's land: "the country's leadership".
PLACE_NOUNS = frozenset({"country", "republic", "nation", "state", "land", "capital"})
#: Place head words of areas, not sites: "the breakaway region" names no place of its own.
AREA_NOUNS = frozenset({"region", "territory", "district", "province", "area", "zone"})
#: Strength of the evidence that gave a mention its class (see ``_one_sense_per_name``).
BY_NER, BY_CONTEXT, BY_WORD = 1, 2, 3


def normalise_label(text: str) -> str:
    """A display label: whitespace collapsed, leading article and possessive dropped.

    >>> normalise_label("the  Soviet army's")
    'Soviet army'
    """
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"['’]s?$", "", text)
    return text.strip(" ,;:")


def fold_name(label: str) -> str:
    """A name folded for comparison: no case, accents, spaces or punctuation.

    >>> fold_name("Nagorno-Karabakh") == fold_name("nagorno karabakh")
    True
    """
    folded = unicodedata.normalize("NFKD", label)
    return compact("".join(ch for ch in folded if not unicodedata.combining(ch)))


def entity_key(cls: URIRef, label: str) -> str:
    """Key of a non-gazetteer entity: class plus case- and accent-folded label."""
    return f"{cls}|{fold_name(label)}"


@dataclass(frozen=True)
class GazetteerIndex:
    """Compact alias -> entry, every prefix of a compact alias, and the longest alias in tokens."""

    by_compact: dict[str, GazetteerEntry]
    proper: frozenset[str]  # compact keys of capitalised names: match only capitalised text
    sorted_keys: tuple[str, ...]  # the keys of by_compact, sorted (for prefix tests)
    max_tokens: int

    def is_prefix(self, text: str) -> bool:
        """Whether some alias key starts with ``text`` (a binary search of the sorted keys)."""
        keys = self.sorted_keys
        i = bisect.bisect_left(keys, text)
        return i < len(keys) and keys[i].startswith(text)


def gazetteer_index(ontology: Ontology) -> GazetteerIndex:
    """The space-insensitive alias index of the ontology's gazetteer (built once per ontology)."""
    return ontology.derived("entities.gazetteer_index", _make_gazetteer_index)


def _make_gazetteer_index(ontology: Ontology) -> GazetteerIndex:
    by_compact: dict[str, GazetteerEntry] = {}
    proper: set[str] = set()
    longest = 1
    # where two entries share a name, one linked to Wikidata (curated by hand, or a user's
    # extension) wins over a generated one; otherwise the first by IRI
    for entry in sorted(ontology.lexicon.gazetteer, key=lambda e: e.wikidata is None):
        for name in (entry.label, *entry.aliases):
            c = compact(name)
            if c and c not in by_compact:
                by_compact[c] = entry
                if name[:1].isupper():
                    proper.add(c)
            longest = max(longest, len(_NAME_TOKENS.findall(name)))
    return GazetteerIndex(by_compact, frozenset(proper), tuple(sorted(by_compact)), longest + 1)


_NAME_TOKENS = re.compile(r"\w+|[^\w\s]")

#: Endings that make a nationality word of a place name: Azerbaijan-i, Armenia-n, Japan-ese.
DEMONYM_ENDINGS = ("i", "n", "an", "ian", "ese", "ish")


def nationality_words(ontology: Ontology) -> frozenset[str]:
    """Compact nationality adjectives formed from the gazetteer's one-word place names.

    "Azerbaijani", "Armenian", "Chinese": the model sometimes tags them as a
    person or organisation. Names that are themselves in the gazetteer are kept.
    Built once per ontology.
    """
    return ontology.derived("entities.nationality_words", _make_nationality_words)


def _make_nationality_words(ontology: Ontology) -> frozenset[str]:
    words: set[str] = set()
    for entry in ontology.lexicon.gazetteer:
        if len(entry.label.split()) != 1 or not ontology.is_a(entry.cls, HG.Place):
            continue
        if entry.capital_of is not None:
            continue  # a capital's people are named after its country, not after it
        words.update(_demonyms(entry.label))
    return frozenset(words - _gazetteer_names(ontology))


def _gazetteer_names(ontology: Ontology) -> frozenset[str]:
    """The compact labels and aliases of every gazetteer entry (built once per ontology)."""
    return ontology.derived(
        "entities.gazetteer_names",
        lambda o: frozenset(compact(n) for e in o.lexicon.gazetteer for n in (e.label, *e.aliases)),
    )


def _demonyms(label: str) -> set[str]:
    """The compact adjectives a one-word place name may form ("Lithuania" -> "lithuanian")."""
    stem = compact(label)
    words = {stem + ending for ending in DEMONYM_ENDINGS}
    if stem[-1:] in "aeiouy":  # China -> Chinese, Kenya -> Kenyan
        words.update(stem[:-1] + ending for ending in ("an", "ian", "ese"))
    # Kazakhstan -> Kazakh, Uzbekistan -> Uzbek ("Pakistan" keeps only "Pakistani")
    for suffix in ("istan", "stan"):
        base = stem[: -len(suffix)]
        if stem.endswith(suffix) and len(base) >= 4 and base[-1] not in "aeiou":
            words.add(base)
            break
    return words


def capital_demonyms(ontology: Ontology) -> dict[str, URIRef]:
    """Compact nationality adjective -> the state with a capital ("lithuanian" -> Lithuania)."""
    return ontology.derived("entities.capital_demonyms", _make_capital_demonyms)


def _make_capital_demonyms(ontology: Ontology) -> dict[str, URIRef]:
    gazetteer = ontology.lexicon.gazetteer
    with_capital = {e.capital_of for e in gazetteer if e.capital_of is not None}
    names = _gazetteer_names(ontology)
    table: dict[str, URIRef] = {}
    for entry in gazetteer:
        if entry.iri in with_capital and len(entry.label.split()) == 1:
            for word in sorted(_demonyms(entry.label) - names):
                table.setdefault(word, entry.iri)
    return table


def _alnum_prefix_length(text: str, n_alnum: int) -> int:
    """Characters of ``text`` needed to cover its first ``n_alnum`` letters/digits."""
    seen = 0
    for i, ch in enumerate(text):
        if ch.isalnum():
            seen += 1
            if seen == n_alnum:
                return i + 1
    return len(text)


class _Builder:
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
        self.mentions.append(Mention(span, entity, "anaphora"))

    def mention(self, span: Span, entity: str, source: str) -> Mention:
        """A mention of ``entity``; its surface text becomes an alias if it is not the label."""
        surface = " ".join(self.doc.quote(span).split())
        ent = self.doc.entities[entity]
        if surface != ent.label:
            ent.aliases.add(surface)
        return Mention(span, entity, source)


def _match_gazetteer(b: _Builder, sent: Token) -> None:
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
                    and not tokens[j].is_punct
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
        if _after_compass_word(first):
            i = best + 1  # "Northern Ireland" is not Ireland: the model's name stands
            continue
        span = Span(offset(first), offset(last) + len(last.text))
        entry = index.by_compact["".join(keys[i : best + 1])]
        if entry.cls != HG.Person and _inside_person_name(first, last):
            i = best + 1  # "Nursultan Nazarbayev" is a man, not the city once named after him
            continue
        if _names_a_site(b, last):
            i = best + 1  # "Tbilisi Avenue" in Baku is a street, not the city
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


def _names_a_site(b: _Builder, last: Token) -> bool:
    """Whether the name ending at ``last`` goes on with a capitalised site head word
    ("Tbilisi Avenue", "Moscow Square"): a site named after the place (a county,
    "Kent County", or an oblast is an area of it, and stays a name of its own)."""
    if last.i + 1 >= len(last.doc):
        return False
    word = last.doc[last.i + 1]
    if not word.text[:1].isupper() or b.lexicon.head_words.get(word.lower_) != HG.Place:
        return False
    return word.lower_ not in SETTLEMENT_NOUNS | AREA_NOUNS | _AREA_HEAD_WORDS


#: Place head words of administrative areas ("Kent County", "Sumgait Raion"), not sites.
_AREA_HEAD_WORDS = frozenset(
    {
        "oblast",
        "county",
        "prefecture",
        "governorate",
        "municipality",
        "okrug",
        "krai",
        "raion",
        "canton",
        "region",
        "coast",
        "valley",
        "river",
        "island",
        "mountains",
    }
)


def _inside_person_name(first: Token, last: Token) -> bool:
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


def _after_compass_word(token: Token) -> bool:
    """Whether ``token`` goes on a name from a compass word before it: one the model
    tagged, or one it left untagged ("in Northern Ireland", both words proper nouns)."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    if token.ent_iob_ != "I":
        return (
            before.lower_ in COMPASS_WORDS
            and before.pos_ == "PROPN"
            and before.text[:1].isupper()
            and before.ent_type_ in {"", token.ent_type_}
        )
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    first = token.doc[start]
    return first.lower_ in COMPASS_WORDS and first.text[:1].isupper()


def _region_of_a_known_place(b: _Builder, tokens: list[Token]) -> bool:
    """ "Northern Ireland": a compass word, then the name of a place the gazetteer knows."""
    if len(tokens) < 2 or tokens[0].lower_ not in COMPASS_WORDS:
        return False
    entry = gazetteer_index(b.ontology).by_compact.get("".join(compact(t.text) for t in tokens[1:]))
    return entry is not None and b.ontology.is_a(entry.cls, HG.Place)


def _local_people(b: _Builder, entry: GazetteerEntry, span: Span) -> Span | None:
    """ "Karabakh Armenians": a known people right after a place's name, as one span."""
    if entry.cls != HG.Group:
        return None
    for m in b.mentions:
        if (
            m.span.end < span.start
            and b.doc.text[m.span.end : span.start] == " "
            and _is_place(b, m)
        ):
            return Span(m.span.start, span.end)
    return None


def _match_glued(b: _Builder, token: Token, index: GazetteerIndex, word: str) -> None:
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
            length = _alnum_prefix_length(token.text, len(word) - len(glue))
            span = Span(start, start + length)
        elif (
            word.startswith(glue)
            and word[len(glue) :] in index.by_compact
            and token.text[:1].islower()
            and token.text[_alnum_prefix_length(token.text, len(glue)) :][:1].isupper()
        ):
            entry = index.by_compact[word[len(glue) :]]
            skip = _alnum_prefix_length(token.text, len(glue))
            span = Span(offset(token) + skip, offset(token) + len(token.text))
        else:
            continue
        if b.covered(span) is None:
            b.add(span, b.entity_for_entry(entry), "gazetteer")
        return


def _is_title_of_person(ent: Token) -> bool:
    """Whether an entity span is a title inside a person's name ("National" in "National Leader X")."""
    for ancestor in path_to_root(ent.root)[1:4]:
        if ancestor.ent_type_ == "PERSON" and ent.root.dep_ == "compound":
            return True
    return False


def _head_phrase_class(b: _Builder, root: Token) -> URIRef | None:
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


def _head_phrase_end(b: _Builder, root: Token) -> int | None:
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


def _class_of_phrase(b: _Builder, root: Token, default: URIRef | None) -> URIRef | None:
    cls = _head_phrase_class(b, root)
    if cls is None:
        # the word as written first: "survivors" (a group), though "survivor" is a person
        cls = b.lexicon.head_words.get(root.lower_) or b.lexicon.head_words.get(lemma(root))
    if cls is not None and (b.ontology.is_a(cls, HG.Agent) or b.ontology.is_a(cls, HG.Place)):
        return cls
    return default


def _names_an_event(b: _Builder, root: Token) -> bool:
    """ "the Khojaly Genocide", "the Sharpeville Massacre": an event's name, not an entity.

    The head word is an event trigger or an event anaphor ("the Sumgait Tragedy").
    """
    words = ((lemma(root),), (root.lower_,))
    return any(w in b.lexicon.event_triggers or w in b.lexicon.anaphors for w in words)


def _appositive_class(b: _Builder, root: Token) -> URIRef | None:
    """ "Sharpeville, a township near Vereeniging": the class the appositive's head word gives."""
    for child in root.children:
        if child.dep_ == "appos":
            cls = _class_of_phrase(b, child, None)
            if cls is not None:
                return cls
    return None


def _class_of_examples(b: _Builder, root: Token) -> URIRef | None:
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
    return _class_of_phrase(b, noun, None)


def _modifies(token: Token) -> bool:
    """Whether ``token`` modifies a noun ("Armenian" in "Armenian forces")."""
    return token.dep_ in {"amod", "compound", "nmod", "poss"}


def _nationality_plural(b: _Builder, token: Token) -> bool:
    """ "Kazakhs", "Uzbeks": a nationality word of the gazetteer plus "s"."""
    word = compact(token.text)
    return word.endswith("s") and word[:-1] in nationality_words(b.ontology)


def _ethnic_people(b: _Builder, token: Token) -> bool:
    """ "ethnic Kyrgyz", "ethnic Uzbeks": a nationality word after "ethnic", as a noun."""
    word = compact(token.text)
    nationalities = nationality_words(b.ontology)
    return (
        not _modifies(token)
        and (word in nationalities or (word.endswith("s") and word[:-1] in nationalities))
        and any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in token.children)
    )


def _is_people_noun(b: _Builder, root: Token) -> bool:
    """ "Armenians", "Georgians": a nationality used as a plural noun, not as a modifier.

    The tagger may call it a plural noun, or a singular proper noun whose text
    is a nationality word of the gazetteer plus "s".
    """
    if _modifies(root):
        return False
    if root.tag_ in {"NNPS", "NNS"}:
        return True
    return _nationality_plural(b, root)


#: Entity types of the model that name nothing the lexicon classes: a proper name the model
#: tagged so (or not at all) may still be a place or a person ("into the Bogside", PRODUCT).
_UNTYPED = frozenset({"", "PRODUCT", "WORK_OF_ART", "LAW"})
#: Prepositions of motion that, with a locative one, make their object a place.
_MOTION_PREPOSITIONS = frozenset({"into", "towards", "toward", "through", "from"})


def _match_untagged_names(b: _Builder, parsed: Token) -> None:
    """Proper names the model left untyped: "Lord Widgery" (a title, then a name) is a
    person; "into the Bogside", "towards Free Derry Corner" (the object of a locative
    preposition) is a place."""
    for token in parsed:
        if token.pos_ != "PROPN" or token.dep_ == "compound" or token.ent_type_ not in _UNTYPED:
            continue
        names = [t for t in token.subtree if t.dep_ == "compound" and t.i < token.i]
        tokens = [*names, token]
        hyphens = {t.i for t in token.doc[tokens[0].i : token.i] if t.tag_ == "HYPH"}
        if sorted({*(t.i for t in tokens), *hyphens}) != list(range(tokens[0].i, token.i + 1)):
            continue  # a name is one run of words ("Alma-Ata" too)
        if any(
            t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ not in _UNTYPED
            for t in tokens
        ):
            continue
        span = Span(offset(tokens[0]), offset(token) + len(token.text))
        if b.covered(span) is not None or _names_an_event(b, token):
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
            _add_name(b, span, HG.Person)
        elif (
            token.dep_ == "pobj"
            and token.tag_ == "NNP"
            and not (len(tokens) == 1 and b.lexicon.is_title_word(token.text))  # "from President X"
            and (  # ("the Riots": no place)
                _after_locative(token)
                # "sent into the Bogside" (a motion; "an inquiry into the Riots" is none)
                or (token.head.lower_ in _MOTION_PREPOSITIONS and token.head.head.pos_ == "VERB")
            )
            and _class_of_phrase(b, token, None) is None  # ("the Government House": head words')
        ):
            _add_name(b, span, HG.Place)


def _after_untagged_date(tokens: list[Token]) -> list[Token]:
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


def _add_name(b: _Builder, span: Span, cls: URIRef) -> None:
    """A name found from its context (not its NER label): a mention of the entity of that
    class and label."""
    b.evidence[span] = (cls, BY_CONTEXT)
    b.add(span, b.entity_for(cls, normalise_label(b.doc.quote(span))), "ner")


def _after_locative(root: Token) -> bool:
    """ "in Stepanakert", "in Yerevan, Los Angeles and Marseille": the object of a locative
    preposition, or a conjunct of one (not in a hyphenated word: "Commander-in-Chief")."""
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    prep = first.head
    if prep.i > 0 and prep.doc[prep.i - 1].tag_ == "HYPH":
        return False
    if any(t.ent_type_ == "DATE" for t in prep.doc[prep.i + 1 : first.left_edge.i + 1]):
        return False  # "In October Vladimir Kozlov ... was sentenced": a date, then a subject
    if first.dep_ == "pobj" and prep.lower_ == "to" and lemma(prep.head) in _TO_A_PLACE:
        return True  # "the fighting spread to Jalal-Abad"
    return first.dep_ == "pobj" and prep.lower_ in LOCATIVES


#: Verbs of motion whose "to" leads to a place ("spread to", "fled to"; not "appealed to").
_TO_A_PLACE = frozenset(
    {"spread", "move", "flee", "travel", "return", "march", "advance", "retreat", "relocate"}
)


#: A transcript's speaker label at the head of a paragraph: "ANCHOR: ", "CORRESPONDENT: ".
_SPEAKER_LABEL = re.compile(r"(?P<speaker>[A-Z][A-Z .'-]{1,40}):\s")


def _drop_paragraph_heads(b: _Builder) -> None:
    """What opens a paragraph and names no entity of the story: a dateline's byline
    ("BAKU, February 26, 2024 (State News Agency) —": the agency that filed the report) and
    a transcript's speaker label ("CORRESPONDENT: ": a role in the broadcast)."""
    for paragraph in b.doc.paragraphs:
        text = b.doc.quote(paragraph)
        for found in (DATELINE_BYLINE.match(text), _SPEAKER_LABEL.match(text)):
            if found is None:
                continue
            group = "byline" if "byline" in found.groupdict() else "speaker"
            span = Span(paragraph.start + found.start(group), paragraph.start + found.end(group))
            b.mentions = [m for m in b.mentions if not span.contains(m.span)]


def _named_settlement(root: Token) -> bool:
    """ "the village of Nakhchivanik": the name a settlement noun is "of"."""
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.i != prep.i
        and lemma(prep.head) in SETTLEMENT_NOUNS
    )


def _is_place(b: _Builder, m: Mention) -> bool:
    """Whether a mention names a place or a state."""
    cls = b.doc.entities[m.entity].cls
    return b.ontology.is_a(cls, HG.Place) or b.ontology.is_a(cls, HG.State)


#: Endings of surnames (Slavic, Caucasian, Turkic, Romanian: Ismailov, Petrosyan,
#: Shevardnadze, Iliescu, ...).
SURNAME_ENDINGS = (
    "ov",
    "ova",
    "ev",
    "eva",
    "yev",
    "yeva",
    "yan",
    "shvili",
    "dze",
    "enko",
    "vich",
    "sky",
    "skaya",
    "ski",
    "oglu",
    "zade",
    "escu",
    "eanu",
    "ić",
)


def _bare_name(tokens: list[Token]) -> bool:
    """Two or three capitalised proper nouns, as a personal name is written."""
    return 2 <= len(tokens) <= 3 and all(t.tag_ == "NNP" and t.text[:1].isupper() for t in tokens)


def _personal_name(tokens: list[Token]) -> bool:
    """ "Talekh Ismailov": a given name and a surname of a known shape, whatever the model
    says; or such a surname alone, told in apposition to a noun ("One man, Akhmedov")."""
    last = tokens[-1].text.lower() if tokens else ""
    if len(last) < 5 or not last.endswith(SURNAME_ENDINGS):
        return False
    if len(tokens) == 1 and tokens[0].tag_ == "NNP" and tokens[0].text[:1].isupper():
        root = tokens[0]
        return (root.dep_ == "appos" and root.head.pos_ == "NOUN") or any(
            c.dep_ == "appos" and c.pos_ == "NOUN" for c in root.children
        )
    return _bare_name(tokens)


#: Head words of a site that a body occupies: "the building of the Radio Committee".
_SEAT_NOUNS = frozenset({"building", "headquarters", "premises", "offices"})


def _building_of_a_body(b: _Builder, root: Token) -> None:
    """ "stormed the building of the Radio and Television Committee": the site, a place
    named as "Radio and Television Committee building" (the body stays a mention of its own
    only where the text names it elsewhere)."""
    if lemma(root) not in _SEAT_NOUNS and root.lower_ not in _SEAT_NOUNS:
        return
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
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


def _after_a_title(b: _Builder, tokens: list[Token]) -> bool:
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


def _leader_by_name(tokens: list[Token]) -> bool:
    """ "a commission headed by Anatoly Sobchak": a bare personal name as the agent of a
    verb of leading ("headed/led/chaired by").
    """
    if not _bare_name(tokens):
        return False
    root = tokens[-1]
    by = root.head
    return (
        root.dep_ == "pobj"
        and by.lower_ == "by"
        and by.dep_ == "agent"
        and lemma(by.head) in LEADING_VERBS
    )


#: Nouns of many events of one kind: "a wave of protests", "a series of strikes".
SERIES_NOUNS = frozenset({"wave", "series", "campaign", "spate", "outbreak", "cycle", "chain"})

#: What the model tags a name that may be an event's: never a place's label.
_EVENT_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT"})


def _find_event_names(b: _Builder, parsed: Token) -> None:
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
            if lemma(attr) in SERIES_NOUNS:
                nouns = [
                    o
                    for p in attr.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
            if any(_names_an_event(b, n) for n in nouns):
                b.event_names.add(compact(ent.text))


def _match_ner(b: _Builder, parsed: Token, heading: bool = False) -> None:
    for ent in parsed.ents:
        default = b.lexicon.ner_labels.get(ent.label_)
        if ent.label_ == "NORP" and (
            (ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVES)
            or _named_settlement(ent.root)
        ):
            # "in the Punjab", "the city of Andijan", tagged as a nationality by the model
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
        elif ent.label_ == "NORP" and _after_a_title(b, list(ent)):
            default = HG.Person  # "My cousin Arman", tagged as a nationality by the model
        elif ent.label_ == "PERSON" and len(ent) == 1 and ent.root.tag_ == "NNS":
            default = HG.Group  # "Provocateurs in the crowd": a plural noun, no one's name
        ethnic = len(ent) == 1 and _ethnic_people(b, ent.root)
        if ethnic:
            default = HG.Group  # "between ethnic Kyrgyz and ethnic Uzbeks": peoples
        if default is None or _is_title_of_person(ent):
            continue
        if ent.label_ == "PERSON" and ent.root.dep_ == "amod":
            continue
        if _in_gloss(b, ent):
            continue  # "Black January (Azerbaijani: Qara Yanvar)": a name in another language
        if len(ent) == 1 and compact(ent.text) in nationality_words(b.ontology) and not ethnic:
            continue  # "under Azerbaijani control", tagged PERSON by the model
        if ent.root.pos_ in {"NOUN", "PROPN"} and _names_an_event(b, ent.root):
            continue  # (a verb the model took into the name is no event's name: see below)
        if compact(ent.text) in b.event_names:
            continue  # "Jeltoqsan (1986)", "convicted over Jeltoqsan": an event's name
        bracket = next((t.i for t in ent if t.text == "("), None)
        if bracket is not None and bracket > ent.start:  # "Martyrs' Lane (Şəhidlər Xiyabanı)"
            ent = ent.doc[ent.start : bracket]
        tokens = [t for t in ent if not (t.dep_ == "det" or t.is_punct)]
        if ent.label_ != "PERSON" and tokens:
            # "Leyla Huseynova", tagged ORG from "Huseynova" on: the given name before it
            first = tokens[0]
            while (
                first.i > 0
                and first.doc[first.i - 1].tag_ == "NNP"
                and first.doc[first.i - 1].dep_ == "compound"
                and first.doc[first.i - 1].head.i == tokens[-1].i
                and not first.doc[first.i - 1].ent_type_
                and not first.doc[first.i - 1].is_sent_start
            ):
                first = first.doc[first.i - 1]
                tokens.insert(0, first)
            last = tokens[-1]
            while (
                last.i + 1 < len(last.doc)
                and last.dep_ == "compound"
                and last.head.i == last.i + 1
                and last.doc[last.i + 1].tag_ == "NNP"
                and not last.doc[last.i + 1].ent_type_
            ):
                last = last.doc[last.i + 1]  # "Ruben Vardanyan", tagged ORG as "Ruben" only
                tokens.append(last)
        verb = next((i for i, t in enumerate(tokens) if i and t.tag_.startswith("VB")), None)
        if verb is not None:  # "the House of Commons censured Dyer": the name ends at the verb
            tokens = tokens[:verb]
        while tokens and tokens[-1].pos_ in {"ADP", "CCONJ", "DET", "PART"}:
            tokens = tokens[:-1]  # "the Popular Front for": no name ends with a function word
        # "the Minister of Health": an office, held by a person
        office = (
            len(tokens) > 2 and b.lexicon.is_title_word(tokens[0].text) and tokens[1].lower_ == "of"
        )
        while not office and len(tokens) > 2 and b.lexicon.is_title_word(tokens[0].text):
            tokens = tokens[1:]  # "Lady Mehriban Aliyeva", "Lieutenant-General Rustam Muradov"
        if not tokens or (
            ent.label_ == "PERSON" and all(b.lexicon.is_title_word(t.text) for t in tokens)
        ):
            continue  # "the hon. Lady": a title alone names no one
        tokens += _hyphenated_rest(tokens[-1])  # "Bazar-Korgon", tagged from "Bazar" only
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
            _add_name(
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
                    if not _is_place(b, m):
                        b.mentions.remove(m)
            else:
                continue
        cls, strength = _class_of_phrase(b, ent.root, None), BY_WORD
        if force:
            cls = HG.MilitaryForce
        if office:
            cls = HG.Person
        if cls is None and ent.label_ != "GPE" and _region_of_a_known_place(b, tokens):
            cls = HG.Place  # "Northern Ireland", "Western Azerbaijan", tagged ORG by the model
        if cls is None:
            cls = _appositive_class(b, ent.root)
        if cls is None:
            cls = _class_of_examples(b, ent.root)
        if cls is None and (_after_locative(ent.root) or _named_settlement(ent.root)):
            cls, strength = HG.Place, BY_CONTEXT  # "in Stepanakert", tagged PERSON or ORG
        if (
            ent.start_char == 0
            and ent.text.isupper()
            and DATELINE_AFTER_PLACE.match(b.doc.text, span.end)
        ):
            cls, strength = HG.Place, BY_WORD  # "GORIS, Armenia, 29 September 2023 —": a dateline
        if cls is None and ent.label_ == "ORG" and _leader_by_name(tokens):
            cls, strength = HG.Person, BY_CONTEXT  # "headed by Anatoly Sobchak", tagged ORG
        if cls is None and ent.label_ != "PERSON" and _personal_name(tokens):
            cls, strength = HG.Person, BY_CONTEXT  # "sentenced Talekh Ismailov", tagged GPE
        if cls is None and ent.label_ != "PERSON" and _after_a_title(b, tokens):
            cls, strength = HG.Person, BY_CONTEXT  # "my cousin Arman", tagged ORG
        if cls is None:
            cls, strength = default, BY_NER
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
        if heading:
            b.in_headings.append((span, label))
            continue
        label = _of_its_place(b, ent.root, span, cls, label)
        b.evidence[span] = (cls, strength)
        b.add(span, b.entity_for(cls, label, _of_a_known_place(b, span, cls, label)), "ner")


def _of_a_known_place(b: _Builder, span: Span, cls: URIRef, label: str) -> str | None:
    """ "Ministry of Foreign Affairs of the Republic of Armenia": the name a body whose name
    ends with "of" and a known place is known by, with the place's own label ("... of
    Armenia"), so that the body named either way is one entity (None if not so named)."""
    if b.ontology.is_a(cls, HG.Place) or b.ontology.is_a(cls, HG.Group):
        return None
    for m in b.mentions:
        entity = b.doc.entities[m.entity]
        if m.span.end != span.end or entity.gazetteer is None or not _is_place(b, m):
            continue
        before = b.doc.text[span.start : m.span.start]
        found = re.search(r"\s+of\s+(?:the\s+)?$", before)
        if found is None or not before[: found.start()].strip():
            continue
        return f"{normalise_label(before[: found.start()])} of {entity.label}"
    return None


def _hyphenated_rest(last: Token) -> list[Token]:
    """The rest of a hyphenated name after ``last`` ("-Korgon" of "Bazar-Korgon"): a hyphen
    and a capitalised word, with no space between."""
    doc, rest = last.doc, []
    i = last.i
    while (
        i + 2 < len(doc)
        and doc[i + 1].text in {"-", "\u2010"}
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].text[:1].isupper()
        and doc[i + 2].is_alpha
        and not doc[i + 2].ent_type_
    ):
        rest += [doc[i + 1], doc[i + 2]]
        i += 2
    return rest


def _coordinated_places(b: _Builder, tokens: list[Token], cls: URIRef) -> list[list[Token]]:
    """ "Osh and Jalal-Abad", tagged as one place: its two names, each capitalised (a
    place whose name has "and" in it, "Bosnia and Herzegovina", is in the gazetteer)."""
    if not b.ontology.is_a(cls, HG.Place):
        return []
    links = [i for i, t in enumerate(tokens) if t.lower_ == "and" and t.dep_ == "cc"]
    if len(links) != 1 or not 0 < links[0] < len(tokens) - 1:
        return []
    parts = [tokens[: links[0]], tokens[links[0] + 1 :]]
    if not all(all(t.text[:1].isupper() or t.is_punct for t in part) for part in parts):
        return []
    return parts


def _of_its_place(b: _Builder, root: Token, span: Span, cls: URIRef, label: str) -> str:
    """ "Russia's defence ministry": the label of a body named after the place that owns
    it, outside its span ("defence ministry of Russian Federation"), so that two
    countries' ministries stay two bodies."""
    if b.ontology.is_a(cls, HG.Place) or b.ontology.is_a(cls, HG.Group):
        return label
    for child in root.children:
        if child.dep_ != "poss" or child.pos_ != "PROPN" or offset(child) >= span.start:
            continue
        holder = b.covered(token_span(child))
        if holder is not None and _is_place(b, holder):
            return f"{label} of {b.doc.entities[holder.entity].label}"
    return label


def _force_after(b: _Builder, last: Token) -> list[Token]:
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


def _office_holder(b: _Builder, tokens: list[Token], nested: list[Mention]) -> list[Token] | None:
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
    before = tokens[0].doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if before is not None and before.dep_ == "det" and before.i > 0:
        before = before.doc[before.i - 1]
    if before is None or before.lower_ != "of" or before.i == 0:
        return None
    return rest if b.lexicon.is_title_word(before.doc[before.i - 1].text) else None


def _in_gloss(b: _Builder, ent: Token) -> bool:
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


def _match_headword_phrases(b: _Builder, parsed: Token) -> None:
    """Noun phrases such as "the USSR leadership": a class head word with a proper-name modifier."""
    nationalities = nationality_words(b.ontology)
    for chunk in noun_chunks(parsed):
        root = chunk.root
        cls = _class_of_phrase(b, root, None)
        if cls is None:
            continue
        site = b.ontology.is_a(cls, HG.Place)
        if not (site or b.ontology.is_a(cls, HG.Agent)):
            continue
        if b.ontology.is_a(cls, HG.Person) and root.tag_ != "NN":
            continue  # "the Karabakh ombudsman" is one person; "Soviet officers" are not
        root_span = Span(offset(root), offset(root) + len(root.text))
        if b.covered(root_span) is not None:
            continue
        tokens = [t for t in chunk if t.dep_ not in {"det", "poss"} and not t.is_punct]
        while tokens and (
            tokens[0].ent_type_ in {"DATE", "TIME"}
            or (tokens[0].like_num and len(tokens) > 1 and tokens[1].ent_type_ == "DATE")
        ):
            # "On 13 April 1919 troops fired", "From 22 December Ostland troops fought" (the
            # model left the day out of the date): the date is no part of the name
            tokens = tokens[1:]
        tokens = _after_untagged_date(tokens)
        tokens = _after_coordinated_modifiers(tokens, root)
        possessor = next((c for c in root.children if c.dep_ == "poss"), None)
        owner = possessor
        if owner is not None and (
            owner.pos_ not in {"NOUN", "PROPN"}
            or _names_place(b, owner)
            or lemma(owner) in SETTLEMENT_NOUNS | AREA_NOUNS | PLACE_NOUNS
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
            and _names_place(b, possessor)
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
                if c.dep_ == "poss" and _names_place(b, c)
                for t in c.subtree
            }
            tokens = sorted(
                {*(t for t in owner.subtree if t.i not in placed), *tokens}, key=lambda t: t.i
            )
        named = (
            owner is not None
            or of_place
            or any(
                t.pos_ == "PROPN" or t.ent_type_ == "NORP" or compact(t.text) in nationalities
                for t in tokens
                if t.i != root.i
            )
        )  # "Azerbaijani troops", whatever the model tags "Azerbaijani" as
        # a plural group noun on its own ("protesters", "university students") names a group too
        # and so does a singular one the lexicon lists in the singular ("a crowd")
        collective = (
            cls == HG.Group
            and (root.tag_ == "NNS" or (root.tag_ == "NN" and root.lower_ in b.lexicon.head_words))
            and lemma(root) not in GENERIC_GROUP_NOUNS
            # "most residents", "many residents": some of a people, no group of its own
            and not (
                any(t.lower_ in GENERIC_QUANTIFIERS and t.head.i == root.i for t in chunk)
                and not any(
                    t.dep_ in {"amod", "compound"}
                    and t.head.i == root.i
                    and t.lower_ not in GENERIC_QUANTIFIERS
                    for t in chunk
                )
            )
        ) or (
            # "government troops", "security forces", "border guards": a force its modifier
            # names, though no proper name does
            b.ontology.is_a(cls, HG.MilitaryForce)
            and root.tag_ == "NNS"
            and (
                any(
                    t.dep_ == "compound" and t.pos_ == "NOUN" and t.head.i == root.i for t in tokens
                )
                # or a head phrase of the lexicon names the kind: "the internal troops"
                or _head_phrase_class(b, root) is not None
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
        # a site named by a proper noun before its head word: "the Supreme Council building",
        # "the Antakalnis cemetery" (the model may take the name alone for an organisation)
        named_site = (
            site
            and any(
                t.pos_ == "PROPN"
                and t.dep_ == "compound"
                and t.i < root.i
                and compact(t.text) not in nationalities  # "the Azerbaijani city of ..."
                for t in tokens
            )
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
        )
        # a site described by its modifiers where something happened: "outside the
        # government building", "stormed the city prison", "near a military barracks"
        described_site = (
            site
            and root.tag_ == "NN"
            and lemma(root) not in SETTLEMENT_NOUNS | AREA_NOUNS
            and chunk[0].lower_ in {"the", "a", "an"}
            and any(t.dep_ in {"amod", "compound"} and t.head.i == root.i for t in tokens)
            and not any(
                (c.dep_ == "prep" and c.lower_ in (*SITE_PREPOSITIONS, "of")) or c.dep_ == "poss"
                for c in root.children
            )
            and root.dep_ in {"pobj", "dobj", "nsubjpass"}  # ("the television centre was blown up")
            and not any(t.ent_type_ == "NORP" or t.lower_ in QUANTIFIERS for t in tokens)
        )
        if (
            site
            and not named_site
            and possessor is not None
            and possessor.pos_ == "PROPN"
            and lemma(root) not in SETTLEMENT_NOUNS | AREA_NOUNS  # "Azerbaijan's second city"
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
                if cls != HG.Group
                and (chunk[0].lower_ == "the" or (site and chunk[0].lower_ in {"a", "an"}))
                else None
            )
            if (
                end is None
                and site
                and chunk[0].lower_ == "the"
                and root.tag_ == "NN"
                and lemma(root) not in SETTLEMENT_NOUNS | AREA_NOUNS
            ):
                # "the permanent mission of Azerbaijan", "the central square of Sumgait": a
                # site of a place ("the second city of Azerbaijan" is only a description)
                end = _of_a_place(b, root, ("of",))
            if end is None and chunk[0].lower_ == "the":
                end = _head_phrase_end(b, root)  # "the line of contact": a term of the lexicon
            if end is None and chunk[0].lower_ == "the" and root.pos_ == "PROPN":
                end = _of_a_body(b, root)  # "the Presidium of the Supreme Soviet of ..."
            if end is None and site and chunk[0].lower_ == "the":
                _building_of_a_body(b, root)  # "the building of the Radio Committee"
            if end is None:
                continue
            tokens.extend(t for t in root.doc[root.i + 1 :] if offset(t) < end)
        while tokens and (
            tokens[0].like_num
            or tokens[0].dep_ in {"nummod", "quantmod", "case"}  # "the city's residents"
            or tokens[0].lower_ in QUANTIFIERS
            or (tokens[0].dep_ == "advmod" and tokens[0].head.like_num)  # "roughly 120,000"
            or (tokens[0].dep_ == "amod" and tokens[0].head.like_num)  # "more than 100,000"
        ):
            tokens = tokens[1:]
        if not tokens:
            continue
        span = Span(offset(tokens[0]), offset(tokens[-1]) + len(tokens[-1].text))
        # "the government of India": India stays a mention of its own, inside the longer name
        place = [
            m
            for m in b.mentions
            if end is not None
            and m.span.end == end
            and _is_place(b, m)  # ("the Presidium of the Supreme Soviet": one body)
        ]
        for m in [m for m in b.mentions if span.contains(m.span) and m not in place]:
            b.mentions.remove(m)
        if all(m in place for m in b.mentions if m.span.overlaps(span)):
            label = normalise_label(b.doc.quote(span))
            if of_place:
                label = _of_its_place(b, root, span, cls, label)
            key = b.entity_for(cls, label, _of_a_known_place(b, span, cls, label))
            b.add(span, key, "headword")
            if site and place:
                b.doc.entities[key].located_in = place[0].entity
                b.doc.entities[key].located_in_evidence = span


def _names_place(b: _Builder, token: Token) -> bool:
    """Whether ``token`` names a place: the model's place name, or a place's mention."""
    if token.ent_type_ in {"GPE", "LOC"}:
        return True
    m = b.covered(token_span(token))
    return m is not None and b.ontology.is_a(b.doc.entities[m.entity].cls, HG.Place)


def _add_possessed_site(
    b: _Builder, cls: URIRef, root: Token, possessor: Token, tokens: list[Token]
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


def _of_a_place(b: _Builder, root: Token, preps: tuple[str, ...] = ("of",)) -> int | None:
    """ "the government of India", "the army of Armenia": where the named place ends, if any.

    ``preps``: the prepositions that may join the head word to the place.
    """
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps or prep.i != root.i + 1:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            span = Span(offset(obj), offset(obj) + len(obj.text))
            place = b.covered(span)
            if obj.ent_type_ == "GPE" or (
                place is not None and b.ontology.is_a(b.doc.entities[place.entity].cls, HG.Place)
            ):
                return place.span.end if place is not None else span.end
    return None


def _of_a_body(b: _Builder, root: Token) -> int | None:
    """ "the Presidium of the Supreme Soviet of the Azerbaijan SSR": where the body that a
    capitalised head word names a part of ends, if "of" joins it to a body or a state."""
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != root.i + 1:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            held = b.covered(token_span(obj))
            # (a body the head words name, found later in the sentence: "Supreme Soviet")
            cls = (
                b.doc.entities[held.entity].cls
                if held is not None
                else _class_of_phrase(b, obj, None)
                if obj.pos_ == "PROPN"
                else None
            )
            if cls is None:
                continue
            if b.ontology.is_a(cls, HG.Organization) or b.ontology.is_a(cls, HG.State):
                return max(token_span(t).end for t in obj.subtree)
    return None


_PAREN = re.compile(r"\s*\(\s*([A-Z][^()\n]{0,60}?)\s*\)")


def _match_parenthesised_aliases(b: _Builder) -> None:
    for m in sorted(b.mentions, key=lambda m: m.span.start):
        found = _PAREN.match(b.doc.text, m.span.end)
        if found is None:
            continue
        span = Span(found.start(1), found.end(1))
        if b.covered(span) is None and not any(ch.isdigit() for ch in found.group(1)):
            b.add(span, m.entity, "alias")


#: Nouns that name armed forces of any kind: "the troops" may be any force named before.
GENERIC_FORCE_NOUNS = frozenset(
    {
        "troops",
        "troop",
        "force",
        "forces",
        "soldier",
        "soldiers",
        "army",
        "military",
        "unit",
        "units",
    }
)


def _names_with(entity: Entity, word: str) -> bool:
    """Whether ``word`` (a lemma) is a word of the entity's label or of one of its aliases
    ("guard" of "Ohio National Guardsmen" too)."""
    for name in (entity.label, *entity.aliases):
        words = {w.lower() for w in re.findall(r"\w+", name)}
        if word in words or f"{word}s" in words:
            return True
        if len(word) >= 4 and any(w.startswith(word) and w.endswith(("men", "man")) for w in words):
            return True
    return False


def _match_generic_anaphora(b: _Builder) -> None:
    """ "armed forces", "the parliament": the most recent entity of that class nearby."""
    for sent in b.doc.sentences:
        for chunk in noun_chunks(sent.parsed):
            root = chunk.root
            cls = _class_of_phrase(b, root, None)
            if cls is None or cls == HG.Group or not b.ontology.is_a(cls, HG.Organization):
                continue
            if any(t.pos_ == "PROPN" for t in chunk if t.i != root.i):
                continue
            if any(t.dep_ == "det" and t.lower_ in {"a", "an"} for t in chunk):
                continue
            if any(t.lower_ in QUANTIFIERS for t in chunk):
                continue  # "many foreign governments": several bodies, not one named before
            if root.tag_ == "NN" and not any(t.dep_ in {"det", "poss"} for t in chunk):
                continue  # a singular noun with no determiner is no body: "used excessive force"
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
                continue  # relational use: "the leadership of X" names no force itself
            tokens = _after_untagged_date(
                [t for t in chunk if t.dep_ not in {"det", "poss"} and not t.is_punct]
            )
            span = Span(offset(tokens[0]), offset(tokens[-1]) + len(tokens[-1].text))
            if b.covered(span) is not None:
                continue
            window_start = b.doc.sentences[max(0, sent.index - ANAPHORA_WINDOW)].span.start
            # "the Soviet army and internal troops": a conjunct is never the referent
            beside = [Span(offset(c), offset(c) + len(c.text)) for c in root.conjuncts]
            # A head word of a narrower class ("the parliament": a legislature) finds its
            # referent by class. One of the broad organisation class ("the government",
            # "the party", "the authorities") must also be a word of the referent's name.
            word = lemma(root) if cls == HG.Organization else None
            candidates = [
                m
                for m in b.mentions
                if window_start <= m.span.start < span.start
                and not any(m.span.overlaps(c) for c in beside)
                and b.ontology.is_a(b.doc.entities[m.entity].cls, cls)
                and (word is None or _names_with(b.doc.entities[m.entity], word))
            ]
            # "the army": the latest body of that class the text named with that word, if any
            named = [
                m
                for m in b.mentions
                if m.span.start < span.start
                and m.source != "anaphora"
                and not any(m.span.overlaps(c) for c in beside)
                and b.ontology.is_a(b.doc.entities[m.entity].cls, cls)
                and _names_with(b.doc.entities[m.entity], lemma(root))
            ]
            force = b.ontology.is_a(cls, HG.MilitaryForce)
            if force and not named and lemma(root) not in GENERIC_FORCE_NOUNS:
                # "the police", "the Guard": a force of its own kind is not just any force
                # named before ("American troops"), unless a name has its word ("guardsmen")
                candidates = [
                    m for m in candidates if _names_with(b.doc.entities[m.entity], lemma(root))
                ]
            if named or candidates:
                antecedent = max(named or candidates, key=lambda m: m.span.start)
                b.add(span, antecedent.entity, "anaphora")
            elif b.ontology.is_a(cls, HG.MilitaryForce) and _definite_or_modified(chunk):
                # "the police opened fire", "local police": a force the text names no other way
                b.add(span, b.entity_for(cls, normalise_label(b.doc.quote(span))), "headword")


#: Pronouns that refer to one person.
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})


def _match_pronouns(b: _Builder) -> None:
    """ "He condemned the pogroms": the person last named in this or the previous sentences.

    A pronoun's mention adds no alias: "He" is no name of the person.
    """
    for sent in b.doc.sentences:
        window_start = b.doc.sentences[max(0, sent.index - ANAPHORA_WINDOW)].span.start
        for token in sent.parsed:
            if token.lower_ not in PERSONAL_PRONOUNS or token.tag_ not in {"PRP", "PRP$"}:
                continue
            span = Span(offset(token), offset(token) + len(token.text))
            if b.covered(span) is not None:
                continue
            people = [
                m
                for m in b.mentions
                if window_start <= m.span.start < span.start
                and b.ontology.is_a(b.doc.entities[m.entity].cls, HG.Person)
            ]
            if people:
                latest = max(people, key=lambda m: m.span.start)
                b.refer(span, latest.entity)
        _match_they(b, sent)


def _match_they(b: _Builder, sent: Sentence) -> None:
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


def _is_subject_mention(b: _Builder, m: Mention) -> bool:
    """Whether a mention is the subject of its clause (its last word is an active subject)."""
    sentence = b.doc.sentence_at(m.span.start)
    last = next((t for t in sentence.parsed if token_span(t).end == m.span.end), None)
    return last is not None and last.dep_ == "nsubj"


def _definite_or_modified(chunk: Token) -> bool:
    """Whether a noun phrase is definite ("the police") or has an adjective ("local police")."""
    root = chunk.root
    return any(
        (t.dep_ == "det" and t.lower_ == "the") or (t.dep_ == "amod" and t.head.i == root.i)
        for t in chunk
    )


@stage("entities", requires=("sentences",), assigns=("entities", "mentions"))
def find_entities(doc: Document, ctx: Context) -> None:
    """Find and resolve the agents and places the document mentions."""
    b = _Builder(doc, ctx.ontology)
    for parsed in doc.parsed:
        _find_event_names(b, parsed)
    for sent in doc.sentences:
        _match_gazetteer(b, sent.parsed)
    _match_parenthesised_aliases(b)
    for paragraph, parsed in zip(doc.paragraphs, doc.parsed, strict=True):
        _match_ner(b, parsed, heading=is_heading(doc.quote(paragraph)))
        _match_headword_phrases(b, parsed)
        if not is_heading(doc.quote(paragraph)):
            _match_untagged_names(b, parsed)
    _extend_by_place(b)
    _one_sense_per_name(b)
    _match_force_names(b)
    _match_name_parts(b)
    _match_known_as(b)
    _merge_modified_names(b)
    _match_appositives(b)
    _match_shortened_names(b)
    _match_heading_names(b)
    _match_parenthesised_aliases(b)
    _match_generic_anaphora(b)
    _match_pronouns(b)
    _match_capital(b)
    _match_settlement_anaphora(b)
    _drop_paragraph_heads(b)
    _link_locations(b)
    doc.mentions = sorted(b.mentions, key=lambda m: (m.span.start, m.span.end))
    used = {m.entity for m in doc.mentions}
    doc.entities = {k: v for k, v in sorted(doc.entities.items()) if k in used}


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


def _extend_by_place(b: _Builder) -> None:
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
        if not _is_place(b, place):
            continue
        span = Span(m.span.start, place.span.end)
        label = normalise_label(b.doc.quote(span))
        key = b.entity_for(ent.cls, label, _of_a_known_place(b, span, ent.cls, label))
        b.mentions[b.mentions.index(m)] = b.mention(span, key, m.source)
        b.evidence[span] = b.evidence.get(m.span, (ent.cls, BY_WORD))


#: Words that make "the capital" a region's, not a country's ("the regional capital").
_SUBNATIONAL = frozenset(
    {"regional", "provincial", "district", "local", "oblast", "county", "state", "former"}
)


def _match_capital(b: _Builder) -> None:
    """ "the capital (city)": the capital of a country named in its sentence, else a capital
    named nearby, else the capital of the country named nearby that the text has named most.

    "The Lithuanian capital" names its country by the adjective. Like a pronoun, the
    phrase adds no alias.
    """
    capitals = {e.capital_of: e for e in b.lexicon.gazetteer if e.capital_of is not None}
    if not capitals:
        return
    demonyms = capital_demonyms(b.ontology)
    capital_iris = {e.iri for e in capitals.values()}
    for sent in b.doc.sentences:
        for chunk in noun_chunks(sent.parsed):
            root = chunk.root
            words = [t.lower_ for t in chunk if t.dep_ != "det"]
            if "capital" not in words or lemma(root) not in {"capital", "city"}:
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
                continue  # "the capital city of Baku" names the city itself
            if not any(t.dep_ == "det" and t.lower_ == "the" for t in chunk):
                continue
            if any(w in _SUBNATIONAL for w in words):
                continue  # "the regional capital", "the provincial capital": no country's
            tokens = [t for t in chunk if t.dep_ != "det"]
            span = Span(offset(tokens[0]), offset(tokens[-1]) + len(tokens[-1].text))
            named = [demonyms[w] for t in tokens if (w := compact(t.text)) in demonyms]
            if named:
                for m in [m for m in b.mentions if span.contains(m.span)]:
                    b.mentions.remove(m)  # "Lithuanian" is no mention of its own here
            if b.covered(span) is not None:
                continue
            if named:
                b.refer(span, b.entity_for_entry(capitals[named[0]]))
                continue
            window_start = b.doc.sentences[max(0, sent.index - ANAPHORA_WINDOW)].span.start
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
                b.refer(span, b.entity_for_entry(capitals[state]))


def _match_settlement_anaphora(b: _Builder) -> None:
    """ "Troops entered the city": a place named nearby that is no country and no site.

    A site is a place named by a head word other than a settlement noun ("Lenin
    Square", "the Salyan barracks"). Like a pronoun, "the city" adds no alias.
    """
    for sent in b.doc.sentences:
        # this paragraph and the one before it: a city is named once and then "the city"
        window_start = b.doc.paragraphs[max(0, sent.paragraph - 1)].start
        for chunk in noun_chunks(sent.parsed):
            root = chunk.root
            if lemma(root) not in SETTLEMENT_NOUNS or root.tag_ != "NN":
                continue
            if [t.lower_ for t in chunk if t.i != root.i] != ["the"]:
                continue  # "the old town", "a city", "the city's": not a bare reference
            if any(c.dep_ in {"prep", "appos", "poss", "case"} for c in root.children):
                continue  # "the city of Baku" names the city itself
            span = Span(offset(root), offset(root) + len(root.text))
            if b.covered(span) is not None:
                continue
            places = [
                m
                for m in b.mentions
                if window_start <= m.span.start < span.start
                and _settlement(b, m)
                and not _acts_as_government(b, m)
            ]
            if not places:
                # a news report's city is the one its dateline names ("BAKU, ... —")
                places = [m for m in _dateline_places(b) if m.span.start < span.start]
            if places:
                # the place the text has named most so far ("Sumgait, a city north of Baku"),
                # then the latest
                told = Counter(m.entity for m in b.mentions if m.span.start < span.start)
                best = max(places, key=lambda m: (told[m.entity], m.span.start))
                b.refer(span, best.entity)


def _acts_as_government(b: _Builder, m: Mention) -> bool:
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


def _dateline_places(b: _Builder) -> list[Mention]:
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


def _settlement(b: _Builder, m: Mention) -> bool:
    """Whether a mention is of a place that may be a settlement (no state, no named site)."""
    ent = b.doc.entities[m.entity]
    if not b.ontology.is_a(ent.cls, HG.Place) or b.ontology.is_a(ent.cls, HG.State):
        return False
    last = ent.label.split()[-1].lower() if ent.label else ""
    head = b.lexicon.head_words.get(last)
    return head is None or last in SETTLEMENT_NOUNS or not b.ontology.is_a(head, HG.Place)


def _link_locations(b: _Builder) -> None:
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


def _repoint(b: _Builder, old: str, new: str) -> None:
    """Make every mention of entity ``old`` a mention of ``new``."""
    if old == new:
        return
    for i, m in enumerate(b.mentions):
        if m.entity == old:
            b.mentions[i] = b.mention(m.span, new, m.source)


def _one_sense_per_name(b: _Builder) -> None:
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


def _match_force_names(b: _Builder) -> None:
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


def _match_name_parts(b: _Builder) -> None:
    """ "Gapon", "the Tsar": a one-word name joins the one person whose name starts or ends with it.

    Only names classed by the NER label alone: "in Washington" stays a place.
    """
    people: dict[str, set[str]] = {}  # first or last word -> people
    surnames: dict[str, set[str]] = {}  # last word -> people
    for key, ent in b.doc.entities.items():
        words = ent.label.split()
        if b.ontology.is_a(ent.cls, HG.Person) and len(words) > 1:
            for word in (words[0], words[-1]):
                people.setdefault(compact(word), set()).add(key)
            surnames.setdefault(compact(words[-1]), set()).add(key)
    if not people:
        return
    _match_surnames(b, {w: keys for w, keys in surnames.items() if people[w] == keys})
    for key in sorted({m.entity for m in b.mentions if m.source == "ner"}):
        ent = b.doc.entities[key]
        if ent.gazetteer is not None or len(ent.label.split()) != 1:
            continue
        strengths = [
            b.evidence.get(m.span, (None, BY_WORD))[1] for m in b.mentions if m.entity == key
        ]
        if max(strengths) > BY_NER:  # "in Washington": a place, whatever person shares the name
            continue
        owners = people.get(compact(ent.label), set()) - {key}
        if len(owners) == 1:
            _repoint(b, key, next(iter(owners)))


def _match_surnames(b: _Builder, surnames: dict[str, set[str]]) -> None:
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
            if token.ent_type_ not in {"", "PERSON"}:
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


def _match_known_as(b: _Builder) -> None:
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


def _same_phrase(b: _Builder, start: int, end: int) -> bool:
    """Whether the text between two offsets may continue a noun phrase: no verb, no sentence end."""
    if "." in b.doc.text[start:end]:
        return False
    for sent in b.doc.sentences:
        if sent.span.start <= start <= sent.span.end:
            return end <= sent.span.end and not any(
                t.pos_ in {"VERB", "AUX"} for t in sent.parsed if start <= offset(t) < end
            )
    return False


def _merge_modified_names(b: _Builder) -> None:
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


def _match_appositives(b: _Builder) -> None:
    """ "the Milli Majlis, the parliament of Azerbaijan, adopted": a description in
    apposition to a name, of a class the name's entity has or is in, describes that entity.

    Only a description the head words made is joined: a name in apposition may be
    another entity ("Aliyev, a pensioner in Moscow" leaves Moscow alone).
    """
    for sent in b.doc.sentences:
        for token in sent.parsed:
            if token.dep_ != "appos" or token.head.i == token.i:
                continue
            described = b.covered(token_span(token))
            named = b.covered(token_span(token.head))
            if described is None or named is None or described.entity == named.entity:
                continue
            if _another_name_of_a_site(b, token, described, named):
                # "Independence Square, the Maidan": the square's other name
                _repoint(b, described.entity, named.entity)
                continue
            if described.source != "headword":
                continue
            if named.source == "headword" and not b.doc.quote(named.span)[:1].isupper():
                continue  # a description in apposition to a description
            kind, name = b.doc.entities[described.entity].cls, b.doc.entities[named.entity].cls
            if b.ontology.is_a(name, kind) or b.ontology.is_a(kind, name):
                _repoint(b, described.entity, named.entity)


def _another_name_of_a_site(b: _Builder, token: Token, described: Mention, named: Mention) -> bool:
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


def _match_shortened_names(b: _Builder) -> None:
    """A name that is a longer name of its class, shortened, refers to the latest body
    named so before it (or, with none before it, to the first named after it: a title
    names what its text goes on to tell). The cuts: before "of" ("the Supreme Soviet of the
    Azerbaijan SSR ... the Supreme Soviet"); without the place name it starts with ("the
    Kyrgyzstan Inquiry Commission ... the Inquiry Commission"); the last word of a
    two-word name ("the Verkhovna Rada ... the Rada"); and, after "the", the capitalised
    head word of a name with "of" ("the Popular Front of Azerbaijan ... the Front")."""
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
        words = parts[0].split()
        if len(parts) > 1 and len(words) > 1 and not b.ontology.is_a(ent.cls, HG.Person):
            # "the Popular Front of Azerbaijan ... the Front": its head word, capitalised
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
        if (
            not owners
            and quoted[:1].isupper()
            and " " not in quoted
            and b.doc.text[max(0, m.span.start - 4) : m.span.start].lower() == "the "
        ):
            owners = one_word.get(fold_name(ent.label), [])
        owners = [k for k in owners if b.doc.entities[k].cls == ent.cls and k != m.entity]
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
            first = min(named, key=lambda n: n.span.start)
            b.mentions[i] = b.mention(m.span, first.entity, m.source)


def _match_heading_names(b: _Builder) -> None:
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
