"""Helpers over spaCy tokens shared by the stages: offsets, subtrees, distances."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from historygraph.document import Span

Token = Any  # spacy.tokens.Token

#: Dependency labels of clauses that are not part of a word's own phrase.
CLAUSE_DEPS = frozenset({"conj", "cc", "parataxis", "advcl", "punct", "mark"})


def offset(token: Token) -> int:
    """Absolute character offset of ``token`` in the document text."""
    return char_offset(token.doc, token.idx)


def char_offset(parsed: Any, index: int) -> int:
    """Absolute offset in the document text of character ``index`` of a parsed paragraph.

    The paragraph's parsed text may leave out reference marks ("[3]", see
    :func:`historygraph.stages.parse.parse_text`); ``user_data["offset_map"]`` then maps
    its characters back to the stored text.
    """
    user = parsed.user_data
    mapping = user.get("offset_map")
    return int(user.get("offset", 0)) + (index if mapping is None else mapping[index])


#: Dependencies of a noun that heads a noun phrase of its own.
_NP_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
#: Dependencies of the words before a noun that belong to its phrase.
_NP_LEFT = frozenset({"det", "amod", "compound", "nummod", "poss", "quantmod", "case"})


def _phrase_start(token: Token, first: frozenset[str]) -> int:
    """Where a noun's phrase starts: the modifiers before it whose dependency is in
    ``first``, and theirs (never a prepositional phrase)."""
    start = token.i
    stack = [c for c in token.lefts if c.dep_ in first]
    while stack:
        child = stack.pop()
        start = min(start, child.i)
        stack.extend(c for c in child.lefts if c.dep_ in _NP_LEFT)
    return start


def _with_missed_chunks(doc: Any, chunks: list[Any]) -> list[Any]:
    """spaCy's chunks, plus a phrase for each subject or object noun it left out.

    The chunker sometimes drops a subject the parser found ("On 8 November
    Azerbaijani troops captured Shusha, the town Armenians call Shushi" has no
    chunk "Azerbaijani troops").
    """
    inside = {i for c in chunks for i in range(c.start, c.end)}
    extra = []
    for token in doc:
        # ("at the H. Cegielski works": a plural noun the tagger took for a verb)
        noun_as_verb = token.tag_ == "VBZ" and token.dep_ == "pobj" and token.is_lower
        if token.i in inside or (token.pos_ not in {"NOUN", "PROPN"} and not noun_as_verb):
            continue
        # ("joined by Polish troops, Hungarian divisions and ...": a list item the parser
        # hung on the verb)
        first = token
        while first.dep_ == "conj" and first.head.pos_ in {"NOUN", "PROPN"}:
            first = first.head
        listed = first.dep_ == "conj" and first.head.pos_ == "VERB"
        # ("the town of Bucha, Kyiv region, during ...": a named place after a comma that
        # the parser hung on the verb as an adverbial noun)
        placed = (
            token.dep_ == "npadvmod"
            and token.i > 0
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts)
            and doc[min(c.i for c in token.lefts) - 1].text == ","
        )
        if token.dep_ not in _NP_DEPS and not listed and not placed:
            continue
        start = _phrase_start(token, _NP_LEFT)
        while start < token.i and doc[start].ent_type_ == "DATE" and doc[start].dep_ != "poss":
            start += 1  # never a date the parser hung on the noun
        if any(i in inside for i in range(start, token.i + 1)):
            continue
        extra.append(doc[start : token.i + 1])
    return sorted(chunks + extra, key=lambda c: c.start) if extra else chunks


def definite_possessors(sent: Any) -> list[Any]:
    """ "the organisation's" in "the organisation's findings": each definite possessor of a
    sentence, as a span of its own (the noun chunk of the thing it owns holds it inside)."""
    found = []
    for token in sent:
        det = next((c for c in token.children if c.dep_ == "det"), None)
        if token.dep_ == "poss" and token.pos_ == "NOUN" and det is not None and det.i < token.i:
            found.append(token.doc[det.i : token.i + 1])
    return found


def possessor_phrases(doclike: Any) -> list[Any]:
    """ "The Indonesian government" in "The Indonesian government's first response": each
    noun that owns another, with the words before it, as a phrase of its own (the noun chunk
    of the thing it owns holds it inside)."""
    found = []
    for token in doclike:
        if token.dep_ != "poss" or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if token.head.text[:1].isupper():
            continue  # "the Polish People's Republic": a word of a name, no owner
        start = _phrase_start(token, _NP_LEFT - {"case"})
        found.append(token.doc[start : token.i + 1])
    return found


#: At most this many words make a line a heading of its own inside a paragraph.
HEADING_LINE_WORDS = 8


def block_line_breaks(doc: Any) -> frozenset[int]:
    """The whitespace tokens of a parsed paragraph that end a line of a block of short lines.

    A letterhead, an address or a signature ("Ministry of Health of the Azerbaijan SSR" /
    "Information Bulletin No. 3", "Gareth Pellow" / "Sponsors") is a paragraph of short
    lines, each a name or a heading of its own, where the model reads on across the line
    break. A hard-wrapped paragraph of prose has longer lines, and a name that runs on
    into its next line is one name. Only the breaks after which every line so far is
    short (at most :data:`HEADING_LINE_WORDS` words) count.
    """
    breaks = doc.user_data.get("hg_block_line_breaks")
    if breaks is None:
        found = set()
        line_start = 0
        for token in doc:
            if "\n" not in token.text:
                continue
            line = doc.text[line_start : token.idx]
            if len(line.split()) > HEADING_LINE_WORDS:
                break
            if token.is_space:
                found.add(token.i)
            line_start = token.idx + token.text.rindex("\n") + 1
        breaks = doc.user_data["hg_block_line_breaks"] = frozenset(found)
    return breaks


def noun_chunks(doclike: Any) -> list[Any]:
    """The noun chunks of a spaCy ``Doc`` or of a ``Span`` of it (a sentence).

    spaCy's ``Span.noun_chunks`` recomputes the whole document's chunks and keeps
    those inside the span, on every call; here they are computed once per
    document (kept in its ``user_data``) and filtered the same way.
    """
    from spacy.tokens import Doc

    doc = doclike if isinstance(doclike, Doc) else doclike.doc
    chunks = doc.user_data.get("hg_noun_chunks")
    if chunks is None:
        chunks = doc.user_data["hg_noun_chunks"] = _within_lines(
            doc, _with_missed_chunks(doc, list(doc.noun_chunks))
        )
    if doclike is doc:
        return list(chunks)
    return [c for c in chunks if c.start >= doclike.start and c.end <= doclike.end]


def _within_lines(doc: Any, chunks: list[Any]) -> list[Any]:
    """Each chunk cut at the line breaks of a block of short lines (see
    :func:`block_line_breaks`), each part with a noun a chunk of its own: "NEW YORK" /
    "Militia" is a dateline's place, then a heading's militia, not one phrase."""
    breaks = block_line_breaks(doc)
    if not breaks:
        return chunks
    result = []
    for chunk in chunks:
        inside = [i for i in range(chunk.start, chunk.end) if i in breaks]
        if not inside:
            result.append(chunk)
            continue
        bounds = [chunk.start, *inside, chunk.end]
        for start, end in pairwise(bounds):
            part = doc[start + (start in breaks) : end]
            if any(t.pos_ in {"NOUN", "PROPN"} for t in part):
                result.append(part)
    return result


def token_span(token: Token) -> Span:
    """The span of one token."""
    start = offset(token)
    return Span(start, start + len(token.text))


def tokens_span(first: Token, last: Token) -> Span:
    """The span from the start of ``first`` to the end of ``last``."""
    return Span(offset(first), offset(last) + len(last.text))


def _semicolon_between(clause: Token, head: Token) -> bool:
    """Whether a clause before ``head`` ends at a semicolon or colon before it."""
    if clause.i > head.i:
        return False
    last = max(t.i for t in clause.subtree)
    return any(t.text in {";", ":"} for t in head.doc[last + 1 : head.i])


def phrase_tokens(head: Token, skip: frozenset[str] = CLAUSE_DEPS) -> list[Token]:
    """``head`` and its subtree, leaving out coordinated and adverbial clauses."""
    result = [head]
    clausal = head.pos_ in {"VERB", "AUX"} or any(
        c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in head.children
    )
    for child in head.children:
        # "aggression and a crime" stays whole; "X was qualified, and a decision was adopted" does not
        nominal_conj = child.dep_ == "conj" and not clausal
        nominal_cc = child.dep_ == "cc" and not clausal
        if child.dep_ in skip and not (nominal_conj or nominal_cc):
            continue
        if child.dep_ == "ccomp" and _semicolon_between(child, head):
            continue  # "France condemned it; the EU condemned it": two clauses, not one
        result.extend(phrase_tokens(child, skip))
    return sorted(result, key=lambda t: t.i)


def phrase_span(head: Token, skip: frozenset[str] = CLAUSE_DEPS) -> Span:
    """The span of :func:`phrase_tokens`, trimmed of edge punctuation."""
    tokens = phrase_tokens(head, skip)
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens_span(tokens[0], tokens[-1])


def path_to_root(token: Token) -> list[Token]:
    """``token`` and its ancestors up to the sentence root."""
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of one sentence (large if unrelated)."""
    if a.doc is not b.doc:
        return 10_000
    pa = path_to_root(a)
    depth_b = {t.i: d for d, t in enumerate(path_to_root(b))}
    for d, t in enumerate(pa):
        if t.i in depth_b:
            return d + depth_b[t.i]
    return 10_000


def of_phrase(token: Token) -> Token | None:
    """A token's first "of" phrase ("the siege of Shusha": its "of"), or None."""
    return next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)


def of_objects(token: Token) -> list[Token]:
    """The objects of a token's "of" phrases ("a crowd of students": ["students"])."""
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def with_conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("X and Y")."""
    result = [token]
    for child in token.children:
        if child.dep_ == "conj":
            result.extend(with_conjuncts(child))
    return result


def first_conjunct(token: Token) -> Token:
    """The first of the words coordinated with ``token``, which holds the role in the
    sentence they share: "the cable plant" of "at the station and the cable plant" is
    "station" (the object of "at")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def noun_tag(token: Token) -> str:
    """The model's fine-grained tag, a lower-case word it tagged as a proper noun taken as
    the common noun it is ("On 14 July, mobs went ...": "mobs" tagged NNP)."""
    if token.tag_ in {"NNP", "NNPS"} and token.is_alpha and token.text.islower():
        plural = token.tag_ == "NNPS" or (
            token.lower_.endswith("s") and not token.lower_.endswith("ss")
        )
        return "NNS" if plural else "NN"
    return str(token.tag_)


def lemma(token: Token) -> str:
    """Lower-case lemma, falling back to the lower-case text."""
    value = token.lemma_.lower() if token.lemma_ else ""
    return value or token.lower_


def split_verb_object(verb: Token, table: dict[Any, Any]) -> tuple[Token, Any] | None:
    """A two-word phrase of ``table`` made of a verb and its object with words between
    them ("laid red carnations": "lay carnation"; "lost their lives": "lose life"; "claimed
    dozens of lives": "claim life", the object a quantity word counts): the object and the
    table's value, if any. Next to each other, the phrase matches as words already."""
    if verb.pos_ != "VERB":
        return None
    for direct in verb.children:
        if direct.dep_ != "dobj" or direct.i <= verb.i:
            continue  # (an object before its verb, "how many lives it lost", is no phrase)
        # ("claimed dozens of lives": the object a quantity word counts)
        counted = of_objects(direct)[:1] if direct.tag_ == "NNS" or direct.like_num else []
        for obj in ([direct] if direct.i > verb.i + 1 else []) + counted:
            for v in (lemma(verb), verb.lower_):
                for o in (lemma(obj), obj.lower_):
                    if (v, o) in table:
                        return obj, table[(v, o)]
    return None


def is_definite(token: Token) -> bool:
    """Whether a noun is introduced by a definite or demonstrative determiner or a possessive."""
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in {"the", "this", "that", "these", "those"}:
            return True
        if child.dep_ == "poss":
            return True
    return False


def is_indefinite(token: Token) -> bool:
    """Whether a noun has an indefinite article."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children)


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def reports(token: Token, verbs: frozenset[str]) -> bool:
    """Whether ``token`` is the active subject of a reporting verb (a lemma of ``verbs``):
    "the district hospital said", "our ombudsman later said"."""
    return token.dep_ == "nsubj" and token.head.pos_ == "VERB" and lemma(token.head) in verbs


#: A heading is a paragraph of at most this many words without closing punctuation.
HEADING_MAX_WORDS = 25
_CLOSING = tuple(".!?…\"”’'),;")  # (a clause of a list or a resolution goes on: ",", ";")


def is_heading(text: str) -> bool:
    """A title or heading: short, one line, and not closed like a sentence.

    >>> is_heading("Sharpeville remembers its dead, sixty-five years on")
    True
    >>> is_heading("The police opened fire.")
    False
    """
    return (
        "\n" not in text and len(text.split()) <= HEADING_MAX_WORDS and not text.endswith(_CLOSING)
    )


def hyphenated_rest(last: Token, *, names_only: bool = True) -> list[Token]:
    """The rest of a hyphenated word after ``last``, hyphens and words with no space between,
    which the tokenizer splits off: "-Korgon" of "Bazar-Korgon" (with ``names_only``, a
    capitalised word the model left untagged), "-combatants" of "non-combatants"."""
    doc, rest = last.doc, []
    i = last.i
    while (
        i + 2 < len(doc)
        and doc[i + 1].text in {"-", "\u2010"}
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].is_alpha
        and (not names_only or (doc[i + 2].text[:1].isupper() and not doc[i + 2].ent_type_))
    ):
        rest += [doc[i + 1], doc[i + 2]]
        i += 2
    return rest


def count_words(root: Token, *, dates: bool = True) -> set[int]:
    """The indices of the words of a count hung on ``root`` ("at least 800" of "at least 800
    residents"); without ``dates``, not of a number the model tagged as a date or a time."""
    return {
        t.i
        for c in root.children
        if c.dep_ == "nummod" and (dates or c.ent_type_ not in {"DATE", "TIME"})
        for t in c.subtree
    }
