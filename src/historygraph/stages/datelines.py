"""The lines around a text's story: the place of writing on a dateline ("Vukovar, 18
November 2021"), bylines and their authors, the agency a dateline names, a transcript's
speaker labels, and places named only to tell the clock time ("09:00 Moscow time")."""

from __future__ import annotations

import re

from historygraph.document import Span
from historygraph.namespaces import HG
from historygraph.stages.mentions import (
    EntityBuilder,
    add_name,
    class_of_phrase,
    match_ner,
    names_an_event,
)
from historygraph.stages.names import BY_NER
from historygraph.stages.person_cues import holds_a_head_word
from historygraph.stages.place_cues import is_place
from historygraph.stages.syntax import Token, is_heading, offset
from historygraph.stages.times import (
    DATELINE_AFTER_PLACE,
    DATELINE_BYLINE,
    DATELINE_LINE_AFTER_PLACE,
    DATELINE_LINE_BYLINE,
)

#: How far into a text a line with the place and date of writing may stand.
DATELINE_LINE_REACH = 400


def _opens_a_dateline_line(b: EntityBuilder, span: Span) -> bool:
    """ "Vukovar, 18 November 2021": a name that opens a line near the top holding only it,
    perhaps its country, and a date, or that date and a dash the story goes on from
    ("GENEVA, 12 December 2023 — The flight ..."), is the place the text was written in."""
    if span.start > DATELINE_LINE_REACH:
        return False
    if span.start > 0 and b.doc.text[span.start - 1] != "\n":
        return False  # (a line of its own: "From Our Staff Reporter\nDERRY, Thursday")
    return (
        DATELINE_LINE_AFTER_PLACE.match(b.doc.text, span.end) is not None
        # (or a dateline the story goes on from: "GENEVA, 12 December 2023 — The flight ...")
        or DATELINE_AFTER_PLACE.match(b.doc.text, span.end) is not None
    )


#: A name that may open a dateline: up to four capitalised words.
_DATELINE_NAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}")
#: Words of a text's kind, not of a place, that may open a line with a date: "PRESS
#: RELEASE, Berlin, 21 January 2023", "Statement, 3 May 2021".
_GENRE_WORDS = frozenset(
    {"press", "release", "statement", "communique", "communiqué", "bulletin", "transcript"}
    | {"news", "update", "report", "posted", "published", "updated", "written", "issued"}
)


def match_dateline_places(b: EntityBuilder) -> None:
    """ "Vukovar, 18 November 2021": a name on a line near the top that holds only it,
    perhaps its country, and a date is the place the text was written in, whether the model
    tagged it or not (such a line counts as a heading, whose names are otherwise kept only if
    the body names them too)."""
    for paragraph, parsed in zip(b.doc.paragraphs, b.doc.parsed, strict=True):
        if paragraph.start > DATELINE_LINE_REACH:
            break
        # each line of the paragraph ("From Our Staff Reporter\nDERRY, Thursday")
        starts = [paragraph.start]
        starts += [paragraph.start + n.end() for n in re.finditer("\n", b.doc.quote(paragraph))]
        for start in starts:
            _match_dateline_place(b, parsed, start)


def _match_dateline_place(b: EntityBuilder, parsed: Token, start: int) -> None:
    """The place opening the line at ``start``, if the line holds only it and a date."""
    found = _DATELINE_NAME.match(b.doc.text, start)
    if found is None:
        return
    span = Span(found.start(), found.end())
    tokens = [t for t in parsed if span.start <= offset(t) < span.end]
    tagged = b.covered(span)
    if (
        tagged is not None
        and tagged.span == span
        and tagged.source == "ner"
        and b.evidence.get(span, (None, BY_NER))[1] == BY_NER
    ):
        tagged = None  # "DERRY, Thursday", tagged as a body by the model's label alone
    if (
        tokens
        and tagged is None
        and _opens_a_dateline_line(b, span)
        and not any(t.ent_type_ in {"PERSON", "DATE", "TIME"} for t in tokens)
        and _may_name_a_dateline_place(b, tokens)
    ):
        b.mentions = [m for m in b.mentions if m.span != span]
        add_name(b, span, HG.Place)


def _may_name_a_dateline_place(b: EntityBuilder, tokens: list[Token]) -> bool:
    """Whether the words opening a line with a date may be a place's name: proper nouns
    with no article ("The Weekly Reformer, Saturday, ..." is a newspaper), no word of a
    text's kind ("PRESS RELEASE, Berlin, ..."), no event's name ("Kent State Shootings, May
    4, 1970") and no head word of the lexicon, last or not ("Radio Ozodlik")."""
    return (
        all(t.pos_ == "PROPN" and t.lower_ not in _GENRE_WORDS for t in tokens)
        and not names_an_event(b, tokens[-1])
        and class_of_phrase(b, tokens[-1], None) is None
        and not holds_a_head_word(b, tokens)  # ("Radio Ozodlik, 13 May 2015: ...")
    )


def _agency_name(byline: str) -> bool:
    """Whether a dateline's byline is a name ("TASS", "AzerTAj", "RIA Novosti", "Gundem34":
    a word with a capital or a digit after its first letter), not a description ("State
    News Agency", "Wire", "Our correspondent") or a citation ("Swietochowski, 1995")."""
    return "," not in byline and any(
        w[:1].isalpha() and any(c.isupper() or c.isdigit() for c in w[1:]) for w in byline.split()
    )


#: A transcript's speaker label at the head of a paragraph: "ANCHOR: ", "CORRESPONDENT: ".
_SPEAKER_LABEL = re.compile(r"(?P<speaker>[A-Z][A-Z .'-]{1,40}):\s")


def drop_paragraph_heads(b: EntityBuilder) -> None:
    """What opens a paragraph and names no entity of the story: a dateline's byline
    ("BAKU, February 26, 2024 (State News Agency) —": the agency that filed the report) and
    a transcript's speaker label ("CORRESPONDENT: ": a role in the broadcast).

    A byline that is an agency's own name ("ALMA-ATA, 19 December 1986 (TASS).", "Baku, 19
    January 2000 (AzerTAj).", a line "Baku, 20 January 2015, AZERTAC") names the organisation
    that published the report: it stays, as an organisation."""
    for paragraph in b.doc.paragraphs:
        text = b.doc.quote(paragraph)
        line_byline = DATELINE_LINE_BYLINE.match(text)
        if line_byline is not None and not _agency_name(line_byline.group("byline")):
            line_byline = None  # ("Derry, 31 January 1972, Monday": no agency's name)
        bylines = (DATELINE_BYLINE.match(text), line_byline, _SPEAKER_LABEL.match(text))
        for found in bylines:
            if found is None:
                continue
            group = "byline" if "byline" in found.groupdict() else "speaker"
            span = Span(paragraph.start + found.start(group), paragraph.start + found.end(group))
            b.mentions = [m for m in b.mentions if not span.contains(m.span)]
            if group == "byline" and _agency_name(found.group(group)):
                key = b.entity_for(HG.Organization, found.group(group))
                b.add(span, key, "dateline")


_BYLINE = re.compile(
    r"(?:(?:Posted|Written|Reported|Filed|Compiled)\s+by|By)\s+(?:our\s+\w|[A-Z])"
    # "From Martin Holloway in Baku", "From our correspondent ...": not "From the report of"
    r"|From\s+(?:[Oo]ur\s+\w|(?!The\b)[A-Z][\w'.-]*\s+[A-Z])"
)


def is_byline(text: str) -> bool:
    """A byline: a heading line that names who wrote the text ("By Farah Nadia Ismail",
    "By our special correspondents Lieutenant-Colonel V. Gorelov and Major A. Sitnikov",
    "From Martin Holloway in Baku", "Posted by Lilit Avagyan, 22 September 2024")."""
    return is_heading(text) and _BYLINE.match(text) is not None


def match_authors(b: EntityBuilder, parsed: Token, paragraph: Span) -> None:
    """The people a byline names are persons of the text (its authors); nothing else it
    names is ("By Ciaran Doherty, Northern Ireland reporter": no place of the story)."""
    match_ner(b, parsed)
    for m in [m for m in b.mentions if paragraph.contains(m.span)]:
        ent = b.doc.entities[m.entity]
        last = ent.label.split()[-1].lower() if ent.label else ""
        # (a calling is no author's name: "By our Ireland Correspondent")
        if not b.ontology.is_a(ent.cls, HG.Person) or last in b.lexicon.head_words:
            b.mentions.remove(m)


#: "09:00 Moscow time": a place's name before "time" names a time zone.
_TIME_ZONE_AFTER = re.compile(r"\s+time\b")


def drop_time_zones(b: EntityBuilder) -> None:
    """ "at about 09:00 Moscow time": a place named only to tell the clock time is no
    place of the story (and no place of the event told in the sentence)."""
    b.mentions = [
        m
        for m in b.mentions
        if not (
            is_place(b, m)
            and _TIME_ZONE_AFTER.match(b.doc.text, m.span.end)
            and b.doc.text[m.span.start : m.span.start + 1].isupper()
        )
    ]
