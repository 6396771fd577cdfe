"""Unit tests of the pure helpers: dates, durations, numbers, bounds, slugs, TriG, pipeline."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from historygraph.errors import HistorygraphError
from historygraph.iri import evidence_iri, slug
from historygraph.namespaces import HG
from historygraph.ontology import compact, words_of
from historygraph.pipeline import FunctionStage, check_pipeline
from historygraph.stages.figures import read_quantity
from historygraph.stages.numbers import parse_number
from historygraph.stages.parse import parse_text, split_paragraphs
from historygraph.stages.times import ParsedDate, lexical, parse_date, parse_duration, quoted_spans
from historygraph.trig import serialize_trig


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 January 1990", ParsedDate(1990, 1, 20)),
        ("January 20, 1990", ParsedDate(1990, 1, 20)),
        ("on 3 June 1989", ParsedDate(1989, 6, 3)),
        ("Sept. 19, 2023", ParsedDate(2023, 9, 19)),
        ("February 1994", ParsedDate(1994, 2, None)),
        ("1990", ParsedDate(1990, None, None)),
        ("January 20", ParsedDate(None, 1, 20)),
        ("the 4th of June", ParsedDate(None, 6, 4)),
        ("1905-01-22", ParsedDate(1905, 1, 22)),
        ("Today", None),
        ("44 days", None),
        ("32 January 1990", None),
    ],
)
def test_parse_date(text: str, expected: ParsedDate | None) -> None:
    assert parse_date(text) == expected


def test_lexical_keeps_precision() -> None:
    assert lexical(ParsedDate(1994, 2, None)) == ("1994-02", XSD.gYearMonth)
    assert lexical(ParsedDate(1990, None, None)) == ("1990", XSD.gYear)
    assert lexical(ParsedDate(1990, 1, 20)) == ("1990-01-20", XSD.date)
    assert lexical(ParsedDate(1990, 2, 30)) is None
    assert lexical(ParsedDate(None, 2, 3)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("44 days", "P44D"),
        ("two weeks", "P2W"),
        ("three years", "P3Y"),
        ("1 month", "P1M"),
        ("days", None),
    ],
)
def test_parse_duration(text: str, expected: str | None) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("744", 744),
        ("1,500", 1500),
        ("twenty-one", 21),
        ("three thousand", 3000),
        ("2.5 million", 2_500_000),
        ("one hundred and ten", 110),
        ("two hundred thousand", 200_000),
        ("one hundred and five thousand", 105_000),
        ("80 and 150", None),  # the two ends of a range, not 230
        ("five six", None),
        ("twenty thirty", None),
        ("many", None),
        ("", None),
    ],
)
def test_parse_number(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("words", "count", "bound"),
    [
        (["more", "than", "100"], 100, HG.AtLeast),
        (["at", "least", "161"], 161, HG.AtLeast),
        (["about", "2,600"], 2600, HG.Approximate),
        (["up", "to", "300"], 300, HG.AtMost),
        (["744"], 744, HG.Exact),
        (["hundreds"], 200, HG.AtLeast),
        (["hundreds", "of", "thousands"], 200_000, HG.AtLeast),
        (["some", "dozens"], 24, HG.Approximate),
    ],
)
def test_read_quantity(ontology, words: list[str], count: int, bound: URIRef) -> None:  # type: ignore[no-untyped-def]
    assert read_quantity(words, ontology.lexicon) == (count, bound)


def test_read_quantity_rejects_words(ontology) -> None:  # type: ignore[no-untyped-def]
    assert read_quantity(["several"], ontology.lexicon) is None


def test_split_paragraphs_keeps_offsets() -> None:
    text = "Title\n\n  First para.\nstill first.\n\n\nSecond.\n"
    spans = split_paragraphs(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Title",
        "First para.\nstill first.",
        "Second.",
    ]


def test_quoted_spans() -> None:
    text = 'a decision “On the events” was adopted; he said "no".'
    assert [text[s.start : s.end] for s in quoted_spans(text)] == ["“On the events”", '"no"']


def test_slug_and_compact() -> None:
    assert slug("Heydar Aliyev’s  Mission (Moscow)") == "heydar-aliyev-s-mission-moscow"
    assert slug("Émile Zola") == "emile-zola"
    assert compact("Milli Majlis") == compact("MilliMajlis") == "millimajlis"
    assert words_of("anti-terrorism measure") == ("anti", "-", "terrorism", "measure")
    assert str(evidence_iri(URIRef("https://x/doc"), 3, 9)) == "https://x/doc#char=3,9"


def test_trig_is_canonical_and_escapes() -> None:
    def make(order: list[int]) -> Dataset:
        ds = Dataset()
        g = ds.graph(URIRef("https://x/g"))
        triples = [
            (URIRef("https://x/b"), HG.quote, Literal('say "hi"\n\tand \\ go')),
            (URIRef("https://x/a"), HG.count, Literal(3)),
            (URIRef("https://x/a"), HG.date, Literal("1990-01", datatype=XSD.gYearMonth)),
        ]
        for i in order:
            g.add(triples[i])
        return ds

    one, two = serialize_trig(make([0, 1, 2])), serialize_trig(make([2, 0, 1]))
    assert one == two
    assert '"say \\"hi\\"\\n\\tand \\\\ go"' in one
    parsed = Dataset()
    parsed.parse(data=one, format="trig")
    assert sum(1 for _ in parsed.quads((None, None, None, None))) == 3


def test_pipeline_order_is_checked() -> None:
    def noop(doc, ctx) -> None:  # type: ignore[no-untyped-def]
        return None

    first = FunctionStage("first", ("sentences",), ("events",), noop)
    with pytest.raises(HistorygraphError, match="requires sentences"):
        check_pipeline([first])
    check_pipeline([FunctionStage("parse", ("text",), ("sentences",), noop), first])


def test_count_back_stays_in_the_calendar() -> None:
    from historygraph.stages.times import count_back

    written = ParsedDate(2025, 3, 21)
    assert count_back(written, "sixty-five years ago") == ParsedDate(1960, None, None)
    assert count_back(written, "5 months ago") == ParsedDate(2024, 10, None)
    assert count_back(written, "two weeks ago") == ParsedDate(2025, 3, 7)
    for too_far in ("a million years ago", "30000 months ago", "3000000 days ago"):
        assert count_back(written, too_far) is None
    assert count_back(ParsedDate(2025, None, None), "3 days ago") is None  # no day to count from


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=20))
def test_trig_writer_round_trips_any_text(text: str, local: str) -> None:
    """Whatever a literal or an IRI holds, rdflib reads back what the writer wrote."""
    dataset = Dataset()
    iri = URIRef("urn:x:" + "".join(ch for ch in local if ch.isprintable()))
    dataset.graph(URIRef("urn:g")).add((iri, HG.quote, Literal(text)))
    parsed = Dataset()
    parsed.parse(data=serialize_trig(dataset), format="trig")
    assert {(s, o) for s, _, o, _ in parsed.quads((None, HG.quote, None, None))} == {
        (iri, Literal(text))
    }


def test_gc_paused_restores_the_collector() -> None:
    import gc

    from historygraph.build import gc_paused

    with pytest.raises(ValueError), gc_paused():
        assert not gc.isenabled()
        raise ValueError("a failed build")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("On 20 January 1990 units entered.", "On 20 January 1990, units entered."),
        (
            "Calm. On the night of 19 to 20 May troops came.",
            "Calm. On the night of 19 to 20 May, troops came.",
        ),
        ("In late April 1920 the army came.", "In late April 1920, the army came."),
        ("At 03:30 on 26 June units crossed.", "At 03:30 on 26 June, units crossed."),
        ("In the summer of 1944 units came.", "In the summer of 1944, units came."),
        ("On 20 May 1990 at 00:15 troops came.", "On 20 May 1990 at 00:15, troops came."),
        ("At 9:46 a.m. on Monday, 13 May, after", "At 9:46 a.m. on Monday, 13 May, after"),
        ("On 20 January, troops entered.", "On 20 January, troops entered."),
        ("On 20 January at dawn troops entered.", "On 20 January at dawn, troops entered."),
        ("On 20 January in the evening troops came.", "On 20 January in the evening troops came."),
        ("In 1990 and 1991 strikes spread.", "In 1990 and 1991 strikes spread."),
        ("Born in 1990 he fled.", "Born in 1990 he fled."),
    ],
)
def test_a_comma_after_a_date_opening_a_sentence(text: str, parsed: str) -> None:
    got, mapping = parse_text(text)
    assert got == parsed
    if mapping is not None:  # every character read maps back to the same one, the comma to a space
        assert all(
            got[i] == text[m] or (got[i] == "," and text[m] == " ")
            for i, m in enumerate(mapping[:-1])
        )


def test_a_time_opening_is_parsed_again_only_where_the_model_joined_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from historygraph.stages.parse import reparse_time_openings

    kept = "That night was the worst of the siege."
    first = nlp(kept)
    assert reparse_time_openings(first, kept, None, nlp) is first
    joined = "Calm. That night units of the army and internal troops entered the town."
    again = reparse_time_openings(nlp(joined), joined, None, nlp)
    assert again.text == "Calm. That night, units of the army and internal troops entered the town."
    mapping = again.user_data["offset_map"]
    assert all(
        again.text[i] == joined[m] or (again.text[i] == "," and joined[m] == " ")
        for i, m in enumerate(mapping[:-1])
    )


def test_an_entity_an_event_befell_is_not_made_its_doer_by_a_later_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    # "The workers were shot ... The workers had attacked the posts": two mentions merged
    # into one event; the workers stay affected and are not made its agents as well
    from historygraph.document import EventRecord, Sentence, Span
    from historygraph.stages.merge import Merger
    from historygraph.stages.triggers import EventMention

    parsed = nlp("The workers were shot.")
    sentence = Sentence(index=0, span=Span(0, len(parsed.text)), paragraph=0, parsed=parsed[:])
    event = EventRecord(id=1, cls=HG.Massacre)

    def mention(agents: list[str], affected: list[str]) -> EventMention:
        return EventMention(
            HG.Massacre,
            "strong",
            parsed[3],
            Span(17, 21),
            sentence,
            agents=agents,
            affected=affected,
        )

    Merger.absorb(event, mention(["militia"], ["workers"]))
    Merger.absorb(event, mention(["workers"], []))
    Merger.absorb(event, mention(["militia", "guards"], ["militia", "passers-by"]))
    assert event.agents == ["militia", "guards"]
    assert event.affected == ["workers", "passers-by"]


def test_a_name_the_model_tagged_across_list_commas_is_as_many_names(nlp) -> None:  # type: ignore[no-untyped-def]
    """The model's "Gray, Attucks," (one name over a list's comma) becomes two names; a name
    whose parts hold other words than proper nouns keeps its comma."""
    from spacy.tokens import Span as SpacySpan

    from historygraph.stages.parse import _names_apart_at_commas

    listed = nlp("The remains of Gray, Attucks, Caldwell and Maverick were buried.")
    listed.ents = [SpacySpan(listed, 3, 7, label="ORG")]  # "Gray, Attucks,"
    _names_apart_at_commas(listed)
    assert [(e.text, e.label_) for e in listed.ents] == [("Gray", "ORG"), ("Attucks", "ORG")]
    named = nlp("The Ministry of Labour, Health and Social Affairs said so.")
    named.ents = [SpacySpan(named, 1, 9, label="ORG")]
    _names_apart_at_commas(named)
    assert [e.text for e in named.ents] == ["Ministry of Labour, Health and Social Affairs"]
