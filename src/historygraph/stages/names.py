"""Names of entities: normalised labels, entity keys, the gazetteer index, peoples' names.

Shared by the ``entities`` stage (:mod:`historygraph.stages.mentions`,
:mod:`historygraph.stages.coreference`) and the stages after it.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass

from rdflib import URIRef

from historygraph.document import Document
from historygraph.namespaces import HG
from historygraph.ontology import GazetteerEntry, Ontology, compact, fold_name

#: Function words a typo may glue to a name ("Karabakhand").
GLUE_WORDS = ("and", "or", "the", "of", "in", "on", "at", "to", "by")
#: Words that quantify a noun phrase rather than name it ("several protesters").
QUANTIFIERS = frozenset(
    {"some", "several", "many", "few", "all", "most", "hundreds", "thousands", "dozens", "other"}
)
#: Quantifiers that make a bare plural generic: "many residents", "most residents".
GENERIC_QUANTIFIERS = frozenset({"some", "several", "many", "few", "all", "most"})
#: Words that say how a source sees a group or force or how big it was, not who is in it:
#: its label leaves them out ("peaceful demonstrators" is labelled "demonstrators"; the
#: quote keeps the source's words).
DESCRIBING_WORDS = frozenset(
    {
        "peaceful",
        "unarmed",
        "innocent",
        "defenceless",
        "defenseless",
        "helpless",
        "large",
        "huge",
        "vast",
        "big",
        "enormous",
        "massive",
        "small",
        "own",
        "fellow",
        "remaining",
        "ordinary",
    }
)
#: An initial of a personal name: "R." in "R. Dorlov", "S." in "Mikhail S. Gorbachev", "Ye."
#: in a Russian patronymic.
INITIAL = re.compile(r"^[A-Z][a-z]?\.$")
#: How many sentences back a generic phrase ("the army") looks for its referent.
ANAPHORA_WINDOW = 3


def lookback_start(doc: Document, sentence: int, back: int = ANAPHORA_WINDOW) -> int:
    """Where the text an anaphor in sentence number ``sentence`` looks back over begins:
    the start of the sentence ``back`` sentences before it (or of the first sentence)."""
    return doc.sentences[max(0, sentence - back)].span.start


#: Prepositions after which a name the model calls a person or organisation is a place.
LOCATIVES = frozenset({"in", "at", "near", "outside", "towards", "toward", "around", "across"})
#: Names of months: never a word of an entity's name.
MONTH_NAMES = frozenset(calendar.month_name[1:])
#: Prepositions that place a site ("the memorial on Rustaveli Avenue").
SITE_PREPOSITIONS = ("on", "in", "at", "near")
#: Strength of the evidence that gave a mention its class (see ``one_sense_per_name``).
BY_NER, BY_CONTEXT, BY_WORD = 1, 2, 3


#: Double quotation marks, straight, curly and angled.
_DOUBLE_QUOTES = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')


def normalise_label(text: str) -> str:
    """A display label: whitespace collapsed, leading article, possessive and double
    quotation marks dropped (a name the text quotes is the same name unquoted).

    >>> normalise_label("the  Soviet army's")
    'Soviet army'
    >>> normalise_label('the "Shield" commission')
    'Shield commission'
    """
    text = " ".join(_DOUBLE_QUOTES.sub("", text).split())
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"['’]s?$", "", text)
    return text.strip(" ,;:")


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
    # "M. S. Gorbachev", "M. Gorbachev": a known person's given names as initials (a form
    # two people share names neither)
    initialled: dict[str, set[URIRef]] = {}
    entries_by_iri = {e.iri: e for e in ontology.lexicon.gazetteer}
    for entry in ontology.lexicon.gazetteer:
        if not ontology.is_a(entry.cls, HG.Person):
            continue
        for name in (entry.label, *entry.aliases):
            words = name.split()
            if len(words) > 1 and all(w[:1].isupper() for w in words):
                initials = compact("".join(w[0] for w in words[:-1]) + words[-1])
                initialled.setdefault(initials, set()).add(entry.iri)
    for c, iris in sorted(initialled.items()):
        if len(iris) == 1 and c not in by_compact:
            by_compact[c] = entries_by_iri[next(iter(iris))]
            proper.add(c)
    return GazetteerIndex(by_compact, frozenset(proper), tuple(sorted(by_compact)), longest + 1)


_NAME_TOKENS = re.compile(r"\w+|[^\w\s]")

#: Endings that make a nationality word of a place name: Azerbaijan-i, Armenia-n, Japan-ese.
DEMONYM_ENDINGS = ("i", "n", "an", "ian", "ese", "ish")


def gazetteer_entries(ontology: Ontology) -> dict[URIRef, GazetteerEntry]:
    """The gazetteer's entries by IRI (built once per ontology)."""
    return ontology.derived(
        "entities.gazetteer_entries", lambda o: {e.iri: e for e in o.lexicon.gazetteer}
    )


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
        if not ontology.is_a(entry.cls, HG.Place):
            continue
        words.update(compact(d) for d in entry.demonyms)  # "Chechen", "Russian" (hg:demonym)
        if len(entry.label.split()) != 1 or entry.capital_of is not None:
            continue  # a capital's people are named after its country, not after it
        words.update(demonyms(entry.label))
    return frozenset(words - _gazetteer_names(ontology))


def declared_demonyms(ontology: Ontology) -> dict[str, frozenset[str]]:
    """Compact name or alias of a known place -> the compact demonyms the gazetteer gives it
    (``hg:demonym``: "russianfederation" and "russia" -> {"russian"}). Built once."""
    return ontology.derived("entities.declared_demonyms", _make_declared_demonyms)


def _make_declared_demonyms(ontology: Ontology) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for entry in ontology.lexicon.gazetteer:
        if entry.demonyms:
            for name in (entry.label, *entry.aliases):
                table.setdefault(compact(name), set()).update(compact(d) for d in entry.demonyms)
    return {k: frozenset(v) for k, v in table.items()}


def _gazetteer_names(ontology: Ontology) -> frozenset[str]:
    """The compact labels and aliases of every gazetteer entry (built once per ontology)."""
    return ontology.derived(
        "entities.gazetteer_names",
        lambda o: frozenset(compact(n) for e in o.lexicon.gazetteer for n in (e.label, *e.aliases)),
    )


def demonyms(label: str) -> set[str]:
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
        if entry.iri not in with_capital:
            continue
        words = {compact(d) for d in entry.demonyms}  # "Russian", "Soviet" (hg:demonym)
        if len(entry.label.split()) == 1:
            words |= demonyms(entry.label)
        for word in sorted(words - names):
            table.setdefault(word, entry.iri)
    return table


def alnum_prefix_length(text: str, n_alnum: int) -> int:
    """Characters of ``text`` needed to cover its first ``n_alnum`` letters/digits."""
    seen = 0
    for i, ch in enumerate(text):
        if ch.isalnum():
            seen += 1
            if seen == n_alnum:
                return i + 1
    return len(text)
