"""Stage ``parse``: paragraphs, sentences, tokens and the dependency parse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from historygraph.document import Document, Sentence, Span
from historygraph.pipeline import Context, stage

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


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
            spans.append(Span(start, start + len(stripped)))
        if m:
            pos = m.end()
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
    parsed = iter(nlp.pipe(texts))
    for doc in docs:
        doc.parsed = [next(parsed) for _ in doc.paragraphs]


@stage("parse", requires=("text",), assigns=("paragraphs", "sentences", "tokens"))
def parse(doc: Document, ctx: Context) -> None:
    """Split into paragraphs and parse each with spaCy (sentences never cross a paragraph).

    A document already given to :func:`preparse` is not parsed again.
    """
    if not doc.parsed or len(doc.parsed) != len(doc.paragraphs):
        doc.paragraphs = split_paragraphs(doc.text)
        texts = [doc.text[p.start : p.end] for p in doc.paragraphs]
        doc.parsed = list(ctx.nlp.pipe(texts))
    for p_index, (para, parsed) in enumerate(zip(doc.paragraphs, doc.parsed, strict=True)):
        parsed.user_data["offset"] = para.start
        parsed.user_data["paragraph"] = p_index
        for sent in parsed.sents:
            text = sent.text
            stripped = text.rstrip()
            if not stripped:
                continue
            start = para.start + sent.start_char
            doc.sentences.append(
                Sentence(len(doc.sentences), Span(start, start + len(stripped)), p_index, sent)
            )
