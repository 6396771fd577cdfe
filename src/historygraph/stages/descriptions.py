"""Entities a text names by description: an office and its holder ("the President", "the
governor of Oklahoma"), a person's kin ("his family"), a site by its kind ("the square",
"the port") and the body a site stands for when it speaks ("the district hospital said").

These rules run after the names and the generic anaphora of ``coreference`` (whose helpers
they share) have found what the text names outright.
"""

from __future__ import annotations

import re
from itertools import takewhile

from historygraph.document import Entity, Mention, Span
from historygraph.namespaces import HG
from historygraph.stages.coreference import bare_reference, names_with
from historygraph.stages.mentions import (
    EntityBuilder,
    class_of_phrase,
)
from historygraph.stages.names import (
    lookback_start,
    normalise_label,
)
from historygraph.stages.syntax import Token, lemma, noun_chunks, offset, reports, tokens_span

#: Title words that are no office: honorifics and ranks of address ("the lady", "the
#: major"); a kin word names a relation, not an office (see ``match_kin_of_a_person``).
_NO_OFFICE = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "dame", "lady", "lord", "comrade"}
    | {"senior", "junior", "private"}
    | {"major", "general", "chief", "speaker", "representative", "secretary", "captain"}
)


def match_office_holders(b: EntityBuilder) -> None:
    """ "The President laid a wreath": a title after "the", with no name beside it, is the
    person the text named with that title before ("President Ilham Aliyev"); else, when
    it acts or is acted on, the holder of the office, a person named by the phrase ("the
    governor of Oklahoma declared martial law", "the Russian ambassador was summoned").

    Honorifics, ranks that are also common words ("major", "general") and kin words are
    no office; an office followed by a name ("the Minister of Defence Dmitry Yazov") is
    that person's, found by the name.
    """
    kin = {w for w in b.lexicon.title_words if w in b.lexicon.kin_nouns}
    for sent in b.doc.sentences:
        for chunk in noun_chunks(sent.parsed):
            root = chunk.root
            word = root.lower_
            if (
                root.tag_ not in {"NN", "NNP"}
                or not b.lexicon.is_title_word(root.text)
                or word in _NO_OFFICE
                or word in kin
                or chunk[0].lower_ != "the"
                or root.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"}
                or any(
                    c.dep_ in {"appos", "poss", "relcl", "compound"} and c.pos_ == "PROPN"
                    for c in root.children
                )
            ):
                continue
            if any(t.pos_ == "PROPN" and t.i < root.i for t in chunk):
                continue  # "the Azerbaijani President" is left to the name rules
            end = root
            for prep in root.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    # up to a comma: "the mayor of Kent, LeRoy Satrom"
                    run = list(
                        takewhile(lambda t: t.text != ",", sorted(prep.subtree, key=lambda t: t.i))
                    )
                    end = run[-1]
            after = [t for t in root.doc[end.i + 1 : end.i + 3] if not t.is_punct or t.text == ","]
            if after and after[0].text == ",":
                after = after[1:]  # "the mayor of Kent, LeRoy Satrom"
            if after and (after[0].pos_ == "PROPN" or after[0].ent_type_ == "PERSON"):
                continue  # "the Minister of Defence Dmitry Yazov"
            span = tokens_span(chunk[1], end)
            if b.covered(tokens_span(chunk[1], root)) is not None:
                continue  # (a place or body in its "of" phrase keeps its own mention)
            holders = [
                m
                for m in b.mentions
                if m.span.start < span.start
                and m.source != "anaphora"
                and b.doc.entities[m.entity].cls == HG.Person
                and _titled(b, m, word)
            ]
            if holders:
                b.refer(
                    Span(offset(root), offset(root) + len(root.text)),
                    max(holders, key=lambda m: m.span.start).entity,
                )
            elif root.dep_ != "pobj" and (end is not root or len(chunk) > 2):
                # ("the President" alone: an office the text names no holder of)
                label = normalise_label(b.doc.quote(span))
                b.add(span, b.entity_for(HG.Person, label), "headword")


def match_head_of_state(b: EntityBuilder) -> None:
    """ "President Ilham Aliyev visited Zangilan. The head of state laid a wreath": "the head
    of state" (or "of the state"), with no name beside it, as the subject or object of an
    act, is the person the text named last, before it, with a head of state's title
    (``hg:headOfStateTitle``: "president", "king"). With no such person it names no one."""
    titles = b.lexicon.head_of_state_titles
    for sent in b.doc.sentences:
        for chunk in noun_chunks(sent.parsed):
            root = chunk.root
            if (
                root.lower_ != "head"
                or chunk[0].lower_ != "the"
                or root.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"}
                or any(c.dep_ in {"appos", "compound", "amod"} for c in root.children)
            ):
                continue
            state = [
                o
                for prep in root.children
                if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == root.i + 1
                for o in prep.children
                if o.dep_ == "pobj"
                and o.lower_ in b.lexicon.state_nouns
                and all(c.dep_ == "det" and c.lower_ == "the" for c in o.children)
            ]
            if not state:
                continue
            after = [t for t in root.doc[state[0].i + 1 : state[0].i + 3] if t.text != ","]
            if after and (after[0].pos_ == "PROPN" or after[0].ent_type_ == "PERSON"):
                continue  # "the head of state, Ilham Aliyev": the name is found by itself
            span = tokens_span(chunk[1], state[0])
            if b.covered(span) is not None:
                continue
            holders = [
                m
                for m in b.mentions
                if m.span.end <= span.start
                and m.source != "anaphora"
                and b.doc.entities[m.entity].cls == HG.Person
                and any(_titled(b, m, title) for title in titles)
            ]
            if holders:
                b.refer(span, max(holders, key=lambda m: m.span.start).entity)


def _titled(b: EntityBuilder, m: Mention, word: str) -> bool:
    """Whether the text gives a person's mention the title ``word`` right before it
    ("President Ilham Aliyev", "the Prime Minister, Nikol Pashinyan") or right after it
    ("Ilham Aliyev, the President of Azerbaijan")."""
    before = b.doc.text[max(0, m.span.start - 40) : m.span.start].lower()
    after = b.doc.text[m.span.end : m.span.end + 40].lower()
    return bool(
        re.search(rf"\b{re.escape(word)}\b[\w\s,-]{{0,25}}$", before)
        or re.match(rf",\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}{re.escape(word)}\b", after)
    )


def match_kin_of_a_person(b: EntityBuilder) -> None:
    """ "his family", "Sevda Karimova's family": a person's kin are a group, labelled by the
    person ("Heydar Aliyev's family"), whether the text names the person or a pronoun
    refers to them."""
    for m in list(b.mentions):
        person = b.doc.entities[m.entity]
        if person.cls != HG.Person:
            continue
        try:
            sentence = b.doc.sentence_at(m.span.start)
        except ValueError:
            continue
        inside = [t for t in sentence.parsed if m.span.start <= offset(t) < m.span.end]
        if not inside or inside[-1].dep_ != "poss":
            continue
        kin = inside[-1].head
        if kin.lower_ not in b.lexicon.family_nouns or kin.i < inside[-1].i:
            continue
        span = Span(m.span.start, offset(kin) + len(kin.text))
        if any(o.span.overlaps(span) and o is not m for o in b.mentions):
            continue
        label = f"{person.label}'s {kin.lower_}"
        b.mentions.append(Mention(span, b.entity_for(HG.Group, label), "headword"))


def match_site_anaphora(b: EntityBuilder) -> None:
    """ "the square", "the port": a bare site noun after "the" is the place named before
    with that word ("Azadliq Square ... the square"), or else a place of its own, named by
    the noun (an annotator's "port of Baku" the text calls only "the port").

    Settlement, area and country nouns have rules of their own; vague site nouns
    (the lexicon's ``hg:vagueSiteNoun``) name no new place.
    """
    for sent in b.doc.sentences:
        for chunk in noun_chunks(sent.parsed):
            root = chunk.root
            word = lemma(root)
            if root.tag_ != "NN" or word in b.lexicon.territory_nouns:
                continue
            cls = class_of_phrase(b, root, None)
            if cls is None or not b.ontology.is_a(cls, HG.Place):
                continue
            span = bare_reference(b, chunk, (["the"],))
            if span is None or _in_a_name(root):
                continue
            named = [
                m
                for m in b.mentions
                if m.span.start < span.start
                and m.source != "anaphora"
                and b.ontology.is_a(b.doc.entities[m.entity].cls, HG.Place)
                and any(
                    names_with(b.doc.entities[m.entity], w)
                    for w in (word, *sorted(b.lexicon.site_synonyms.get(word, ())))
                )
            ]
            if not named and word in b.lexicon.building_nouns:
                # "the White House ... the building": the site named last, nearby
                window_start = lookback_start(b.doc, sent.index)
                named = [
                    m
                    for m in b.mentions
                    if window_start <= m.span.start < span.start
                    and m.source != "anaphora"
                    and _is_site(b, b.doc.entities[m.entity])
                ]
            if named:
                b.refer(span, max(named, key=lambda m: m.span.start).entity)
            elif word not in b.lexicon.vague_site_nouns:
                b.add(span, b.entity_for(cls, normalise_label(b.doc.quote(span))), "headword")


def _is_site(b: EntityBuilder, entity: Entity) -> bool:
    """Whether an entity is a place named by a site's head word ("Trade Unions House",
    "the Semashko hospital"), no settlement, area or state."""
    if not b.ontology.is_a(entity.cls, HG.Place) or b.ontology.is_a(entity.cls, HG.State):
        return False
    last = entity.label.split()[-1].lower() if entity.label else ""
    head = b.lexicon.head_words.get(last)
    return head is not None and b.ontology.is_a(head, HG.Place) and last not in b.lexicon.land_nouns


def _in_a_name(token: Token) -> bool:
    """Whether a token is part of a name the model tagged ("the Memorial" of a society)."""
    return token.ent_type_ not in {"", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"}


def match_sites_that_speak(b: EntityBuilder) -> None:
    """ "the district central hospital said", "according to Osh State University": a site
    (a place named by a site's head word, not a known place) that reports something is the
    body that works there, an organisation."""
    verbs = b.lexicon.report_verbs
    for key, entity in b.doc.entities.items():
        if entity.gazetteer is not None or not _is_site(b, entity):
            continue
        spans = [m.span for m in b.mentions if m.entity == key and m.source != "anaphora"]
        if any(_reports(b, span, verbs) for span in spans):
            entity.cls = HG.Organization


def _reports(b: EntityBuilder, span: Span, verbs: frozenset[str]) -> bool:
    """Whether the phrase at ``span`` is the subject of a reporting verb, or the object of
    "according to"."""
    tokens = [t for t in b.doc.sentence_at(span.start).parsed if span.start <= offset(t) < span.end]
    roots = [t for t in tokens if not (span.start <= offset(t.head) < span.end) or t.head is t]
    if len(roots) != 1:
        return False
    root = roots[0]
    return reports(root, verbs) or (
        root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"
    )
