"""Stage ``parse``: paragraphs, sentences, tokens and the dependency parse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from historygraph.document import Document, Sentence, Span
from historygraph.pipeline import Context, stage
from historygraph.stages.syntax import (
    HEADING_LINE_WORDS,
    block_line_breaks,
    char_offset,
    is_heading,
)
from historygraph.stages.times import DATELINE_HEAD, DAY_PARTS, MONTH_WORDS

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
#: Reference marks of encyclopedia text: "[1]", "[12]", "[a]", "[note 3]", "[citation needed]",
#: with the space before one that stands apart ("killed [3] and").
_REFERENCE_MARK = re.compile(
    r"[ \t]?\[(?:\d{1,3}|[a-z]{1,2}|(?:note|nb|n) ?\d{1,3}|citation needed|clarification needed)\]"
)
#: Author-year citations of scholarly text: "(Olcott, 1995)", "(Beissinger, 2002; Brown,
#: 2007)", "(de Waal 2003: 90)", "(Smith and Jones, 1999, p. 12)": their years date nothing
#: and their authors are no actors of the story.
_AUTHOR = r"(?:[a-z]{1,3} )?[A-Z][A-Za-z\u2019'-]+(?: (?:and|&) [A-Z][A-Za-z\u2019'-]+| et al\.)?"
_CITE = rf"{_AUTHOR},? (?:1[5-9]|20)\d\d[a-z]?(?:[,:] ?(?:pp?\. ?)?\d+(?:[\u2013-]\d+)?)?"
_CITATION = re.compile(rf"[ \t]?\((?:{_CITE})(?:; ?{_CITE})*\)")
#: What the model does not read: reference marks and citations.
_LEFT_OUT = re.compile(f"{_REFERENCE_MARK.pattern}|{_CITATION.pattern}")


def parse_text(text: str) -> tuple[str, list[int] | None]:
    """The text spaCy parses, reference marks and author-year citations left out, and
    where its characters are.

    A mark such as "[3]" after a full stop hides the sentence break from the model
    and can end up inside a name or a number, and a citation's year and author
    ("(Olcott, 1995)") would date events and name actors, so the model reads the text
    without them. The stored text keeps the mark: the second value maps each character of
    the parsed text (and its end) to its offset in ``text``; None when the parsed text is
    ``text``. A date that opens a sentence gets the comma after it that the text left out
    (see :func:`_comma_after_fronted_dates`).

    >>> parse_text("were killed.[3][4] In May")
    ('were killed. In May', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 18, 19, 20, 21, 22, 23, 24, 25])
    """
    text = _dateline_apart(text)
    if "[" not in text and "(" not in text:
        return _comma_after_fronted_dates(text, None)
    kept: list[int] = []
    pos = 0
    for m in _LEFT_OUT.finditer(text):
        kept.extend(range(pos, m.start()))
        pos = m.end()
    if pos == 0:
        return _comma_after_fronted_dates(text, None)
    kept.extend(range(pos, len(text) + 1))
    return _comma_after_fronted_dates("".join(text[i] for i in kept[:-1]), kept)


_PARTS = "|".join(DAY_PARTS)
_DAYS = r"[0-3]?\d(?:\s*(?:[-\u2013]|to)\s*[0-3]?\d)?"
_DATE = (
    rf"(?:the\s+(?:(?:first|last|early|late)\s+)?(?:{_PARTS}|eve|hours"
    r"|spring|summer|autumn|winter|days?|weeks?|months?)\s+of\s+)?"
    r"(?:(?:early|late|mid-?)\s*)?"
    rf"(?:{_DAYS}\s+(?:{MONTH_WORDS})(?:,?\s+\d{{4}})?|(?:{MONTH_WORDS})\s+{_DAYS}(?:,\s+\d{{4}})?"
    rf"|(?:{MONTH_WORDS})(?:\s+\d{{4}})?|\d{{4}})"
)
_HOUR = (
    r"(?:dawn|daybreak|noon|midday|midnight|dusk|nightfall"
    r"|\d{1,2}[:.]\d\d(?:\s*[ap]\.m\.)?|\d{1,2}\s*[ap]\.m\.)"
)
#: A date that opens a sentence ("On 20 January 1990", "On the night of 19 to 20 January",
#: "In March 1988", "At dawn on 18 May", "On 20 January at 00:15") with no comma after it,
#: before a word that starts the clause.
_FRONTED_DATE = re.compile(
    rf"(?:^|(?<=[.!?][\"\u201d\u2019)] )|(?<=[.!?] )|(?<=\n))"
    rf"(?:(?:On|In|Early on|Late on|By|During)\s+{_DATE}(?:\s+at\s+{_HOUR})?"
    rf"|At\s+{_HOUR}(?:\s+on\s+{_DATE})?)"
    r"(?= (?!(?:at|in|on|of|and|or|to|from|until|till|through|when|after|before|alone)\b"
    r"|[ap]\.m\.)"
    r"[A-Za-z])"
)


def _comma_after_fronted_dates(text: str, kept: list[int] | None) -> tuple[str, list[int] | None]:
    """A comma after a date that opens a sentence, where the text has none.

    "On 20 January 1990 units of the Soviet Army entered Baku" is read by the small
    model as "On [20 January 1990 units] of ...": the sentence loses its subject. With
    the comma every writer may put there, the model parses it as a fronted adverbial.
    The comma maps to the space after the date.

    >>> parse_text("On 20 January troops entered.")[0]
    'On 20 January, troops entered.'
    """
    return _commas_at(text, kept, [m.end() for m in _FRONTED_DATE.finditer(text)])


def _commas_at(text: str, kept: list[int] | None, ends: list[int]) -> tuple[str, list[int] | None]:
    """``text`` with a comma at each of ``ends``, and where its characters are in the stored
    text (``kept`` maps ``text`` there, None when they are one): each comma maps to the
    character it is put before."""
    if not ends:
        return text, kept
    where = kept if kept is not None else list(range(len(text) + 1))
    out: list[str] = []
    mapping: list[int] = []
    pos = 0
    for end in ends:
        out.append(text[pos:end])
        mapping.extend(where[pos:end])
        out.append(",")
        mapping.append(where[end])
        pos = end
    out.append(text[pos:])
    mapping.extend(where[pos:])
    return "".join(out), mapping


#: An opening that says when, with no comma after it: "That night units of the Soviet Army
#: entered the city", "Later that morning armoured cars were driven into the crowd".
_TIME_OPENING = re.compile(
    r"(?:^|(?<=[.!?][\"\u201d\u2019)] )|(?<=[.!?] )|(?<=\n))"
    r"(?:(?:(?:Later|Earlier|Late|Early)\s+)?(?:That|This|The same|The next|The following)\s+"
    rf"(?:{_PARTS}|day|week)"
    r"|(?:Two|Three|Four|Five|Several|A few)\s+(?:days|hours|weeks)\s+later)"
    r"(?= [A-Za-z])"
)
#: How the model hangs such an opening on the noun after it when it reads both as one
#: phrase ("That night units": "night" a compound of "units").
_INTO_THE_NEXT_NOUN = frozenset({"compound", "nmod", "amod", "det", "nummod"})


def reparse_time_openings(parsed: Any, text: str, kept: list[int] | None, nlp: Any) -> Any:
    """A paragraph parsed again with a comma after each opening of :data:`_TIME_OPENING`
    the model read as part of the phrase after it ("That night units of the Soviet Army
    entered ...": "That night units" the subject). Whether an opening needs the comma
    is read from the first parse: "That night was the worst" keeps its subject. The new
    parse's ``user_data["offset_map"]`` maps it back to the stored text; ``parsed``
    itself when nothing needs it."""
    ends = []
    for m in _TIME_OPENING.finditer(text):
        opening = [t for t in parsed if m.start() <= t.idx < m.end()]
        if opening and any(
            t.head.i > opening[-1].i and t.dep_ in _INTO_THE_NEXT_NOUN for t in opening
        ):
            ends.append(m.end())
    if not ends:
        return parsed
    new_text, mapping = _commas_at(text, kept, ends)
    again = nlp(new_text)
    if mapping is not None:
        again.user_data["offset_map"] = mapping
    return again


def _dateline_apart(text: str) -> str:
    """A news dateline ("RIGA, Latvia, Jan. 21, 1991 (Agency) — ") ends with a full stop
    in what the model reads, so that its place is no part of the first sentence's subject.

    One character for one: offsets stay the same.

    >>> _dateline_apart("RIGA, Latvia, Jan. 21 (Agency) — Police fired.")
    'RIGA, Latvia, Jan. 21 (Agency) . Police fired.'
    """
    head = DATELINE_HEAD.match(text)
    if head is None:
        return text
    dash = head.group().rstrip()
    end = len(dash) - 1
    return f"{text[:end]}.{text[end + 1 :]}"


def split_paragraphs(text: str) -> list[Span]:
    """Spans of the blank-line separated paragraphs, whitespace trimmed.

    >>> split_paragraphs("a b\\n\\n c\\n")
    [Span(start=0, end=3), Span(start=6, end=7)]
    """
    spans = []
    pos = 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + chunk.index(stripped)
            spans.extend(_heading_lines_apart(text, Span(start, start + len(stripped))))
        if m:
            pos = m.end()
    return spans


def _heading_lines_apart(text: str, paragraph: Span) -> list[Span]:
    """A short line with no closing punctuation at the head of a paragraph is a paragraph of
    its own: a timeline's "19 January 1990" above its entry, a section title above its
    text. (A line of hard-wrapped prose is longer, and a sentence's last line ends it.)

    >>> split_paragraphs("19 January 1990\\nTroops entered the city.")
    [Span(start=0, end=15), Span(start=16, end=40)]
    """
    spans = []
    start = paragraph.start
    while True:
        newline = text.find("\n", start, paragraph.end)
        if newline < 0:
            break
        line = text[start:newline].strip()
        rest = text[newline + 1 : paragraph.end].strip()
        # (above prose only: a signature's lines, "(Signed) X / Ambassador", stay together)
        following = rest.split("\n", 1)[0].strip()
        if not (
            rest
            and line
            and len(line.split()) <= HEADING_LINE_WORDS
            and is_heading(line)
            and not is_heading(following)
        ):
            break
        spans.append(Span(start, start + len(text[start:newline].rstrip())))
        start = newline + 1
        while text[start].isspace():  # (the rest is not empty: it starts with a word)
            start += 1
    spans.append(Span(start, paragraph.end))
    return spans


def preparse(docs: Sequence[Document], nlp: Any) -> None:
    """Split several documents into paragraphs and parse them all in one ``nlp.pipe`` call.

    spaCy batches its work across the texts it is given; a document has a few
    paragraphs, so parsing many documents' paragraphs together is faster than
    one call per document. The ``parse`` stage then uses ``doc.parsed`` as is.
    """
    texts: list[str] = []
    for doc in docs:
        doc.paragraphs = split_paragraphs(doc.text)
        texts.extend(doc.text[p.start : p.end] for p in doc.paragraphs)
    parsed = iter(_parse_paragraphs(texts, nlp))
    for doc in docs:
        doc.parsed = [next(parsed) for _ in doc.paragraphs]


def _parse_paragraphs(paragraphs: list[str], nlp: Any) -> list[Any]:
    """Each paragraph as the model reads it (:func:`parse_text`, then
    :func:`reparse_time_openings`), with ``user_data["offset_map"]`` when the parsed text is
    not the paragraph's own."""
    read = [parse_text(text) for text in paragraphs]
    result = []
    for first, (text, kept) in zip(nlp.pipe([t for t, _ in read]), read, strict=True):
        parsed = reparse_time_openings(first, text, kept, nlp)
        if kept is not None and "offset_map" not in parsed.user_data:
            parsed.user_data["offset_map"] = kept
        _names_within_lines(parsed)
        _names_apart_at_commas(parsed)
        _no_apposition_across_semicolons(parsed)
        result.append(parsed)
    return result


def _names_apart_at_commas(parsed: Any) -> None:
    """A name the model tagged across a comma, each part of it proper nouns alone, is as
    many names as parts: "the remains of Gray, Attucks, Caldwell and Maverick" (the model's
    "Gray, Attucks"), "proceedings against Khrushchev, Kozlov, Mikoyan", "the chairwoman of
    the Council, Leyla Rzayeva". A name with a comma and other words in its parts stays
    whole: "1st Battalion, Parachute Regiment", "Ministry of Labour, Health and Social
    Affairs", "Novocherkassk, Rostov region"."""
    from spacy.tokens import Span as SpacySpan

    ents = []
    changed = False
    for ent in parsed.ents:
        first, last = ent.start, ent.end
        while last > first and parsed[last - 1].is_punct:
            last -= 1  # ("Gray, Attucks,": the model's name may end with the comma)
        commas = [i for i in range(first, last) if parsed[i].text == ","]
        pieces = []
        for start, end in pairwise([first - 1, *commas, last]):
            words = [t for t in parsed[start + 1 : end] if t.dep_ != "det"]
            pieces.append(words)
        if not commas or not all(
            words and all(t.pos_ == "PROPN" and t.is_alpha for t in words) for words in pieces
        ):
            ents.append(ent)
            continue
        changed = True
        ents.extend(
            SpacySpan(parsed, words[0].i, words[-1].i + 1, label=ent.label_) for words in pieces
        )
    if changed:
        parsed.ents = ents


def _no_apposition_across_semicolons(parsed: Any) -> None:
    """A phrase the model put in apposition to a word before a semicolon is the next item of
    a list the semicolons part ("Gorbachev, then General Secretary ...; Defence Minister
    Dmitry Yazov; ..."), or a clause of its own ("The NKVD recorded 1,272 deaths on the
    trains; the survivors ... remember thousands"): it never describes that word, so it is
    relabelled as a conjunct."""
    for token in parsed:
        if token.dep_ != "appos":
            continue
        low, high = sorted((token.head.i, token.i))
        if any(t.text == ";" for t in parsed[low + 1 : high]):
            token.dep_ = "conj"


def _names_within_lines(parsed: Any) -> None:
    """No name the model tagged runs across a line break of a block of short lines (see
    :func:`~historygraph.stages.syntax.block_line_breaks`): of the pieces a name spans, the
    one of most words stays the name ("Ministry of Health of the Azerbaijan SSR" /
    "Information Bulletin No. 3", "Jackson State College" / "Summary")."""
    from spacy.tokens import Span as SpacySpan

    breaks = block_line_breaks(parsed)
    if not breaks:
        return
    ents = []
    for ent in parsed.ents:
        cuts = [i for i in range(ent.start, ent.end) if i in breaks]
        if not cuts:
            ents.append(ent)
            continue
        pieces = []
        for start, end in pairwise([ent.start, *cuts, ent.end]):
            start += start in breaks
            while start < end and parsed[start].is_space:
                start += 1
            while end > start and parsed[end - 1].is_space:
                end -= 1
            if end > start:
                pieces.append(parsed[start:end])
        if pieces:
            best = max(pieces, key=lambda piece: sum(t.is_alpha for t in piece))
            ents.append(SpacySpan(parsed, best.start, best.end, label=ent.label_))
    parsed.ents = ents


@stage("parse", requires=("text",), assigns=("paragraphs", "sentences", "tokens"))
def parse(doc: Document, ctx: Context) -> None:
    """Split into paragraphs and parse each with spaCy (sentences never cross a paragraph).

    A document already given to :func:`preparse` is not parsed again.
    """
    if not doc.parsed or len(doc.parsed) != len(doc.paragraphs):
        doc.paragraphs = split_paragraphs(doc.text)
        doc.parsed = _parse_paragraphs([doc.text[p.start : p.end] for p in doc.paragraphs], ctx.nlp)
    for p_index, (para, parsed) in enumerate(zip(doc.paragraphs, doc.parsed, strict=True)):
        parsed.user_data["offset"] = para.start
        parsed.user_data["paragraph"] = p_index
        for sent in parsed.sents:
            text = sent.text
            stripped = text.rstrip()
            if not stripped:
                continue
            start = char_offset(parsed, sent.start_char)
            end = char_offset(parsed, sent.start_char + len(stripped) - 1) + 1
            doc.sentences.append(Sentence(len(doc.sentences), Span(start, end), p_index, sent))
