"""The pipeline on short texts written for these tests (not the first article):
each test checks one general rule on sentences the rules were not written for."""

from __future__ import annotations

from pathlib import Path

import pytest

from historygraph.document import Document
from historygraph.namespaces import HG
from historygraph.pipeline import Context, make_pipeline, run_pipeline
from historygraph.stages import DEFAULT_STAGES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract(nlp, ontology):  # type: ignore[no-untyped-def]
    stages = make_pipeline(DEFAULT_STAGES)
    ctx = Context(ontology=ontology, nlp=nlp)

    def run(text: str) -> Document:
        doc = Document(id="t", path=Path("t.txt"), text=text, title="t")
        return run_pipeline(doc, stages, ctx)

    return run


def labels(doc: Document) -> dict[str, str]:
    return {e.label: e.cls.split("#")[-1] for e in doc.entities.values()}


def test_glued_alias_matches_the_gazetteer(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1995 the MilliMajlis met in Baku and debated the situation in Karabakhand the border."
    )
    found = labels(doc)
    assert found["Milli Majlis"] == "Legislature"
    assert found["Karabakh"] == "Place"
    karabakh = next(m for m in doc.mentions if doc.entities[m.entity].label == "Karabakh")
    assert doc.quote(karabakh.span) == "Karabakh"


def test_head_word_classes_unknown_names(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Hungarian People's Army entered Budapest. The Parliament of Hungary protested."
    )
    found = labels(doc)
    assert any(v == "MilitaryForce" and "Army" in k for k, v in found.items()), found
    assert any(v == "Legislature" and "Parliament" in k for k, v in found.items()), found


def test_parenthesised_alias_joins_the_entity(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("The Milli Majlis (Parliament) adopted a resolution in May 1992.")
    assert [e.label for e in doc.entities.values() if e.cls == HG.Legislature] == ["Milli Majlis"]


def test_event_with_agent_date_and_figure(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On 3 March 1921 government troops massacred villagers in Kronstadt.\n\n"
        "Soldiers killed at least 300 people. Afterwards 1,200 were arrested."
    )
    doc = extract(text)
    events = doc.live_events()
    massacre = next(e for e in events if e.cls == HG.Massacre)
    assert massacre.date is not None and massacre.date.value == "1921-03-03"
    figures = {(f.measure.split("#")[-1], f.count, f.bound.split("#")[-1]) for f in doc.figures}
    assert ("Killed", 300, "AtLeast") in figures
    assert ("Imprisoned", 1200, "Exact") in figures
    for f in doc.figures:
        assert doc.quote(f.evidence).strip() == doc.quote(f.evidence)


def test_day_and_month_take_the_year_from_context(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Protests began in Leipzig in September 1989. On October 9 a mass demonstration took place in Leipzig."
    doc = extract(text)
    values = [t.value for t in doc.times if t.kind == "date"]
    assert "1989-10-09" in values


def test_duration_and_vague_quantity(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The war lasted 44 days. Thousands were wounded and hundreds went missing during the war."
    )
    assert any(t.kind == "duration" and t.value == "P44D" for t in doc.times)
    figures = {(f.measure.split("#")[-1], f.count, f.bound.split("#")[-1]) for f in doc.figures}
    assert ("Missing", 200, "AtLeast") in figures
    assert ("Wounded", 2000, "AtLeast") in figures


def test_condemnation_responds_to_the_crime(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In August 1968 Soviet troops carried out a massacre in Prague. "
        "The next day the Government of Romania strongly condemned the crime."
    )
    doc = extract(text)
    events = {e.cls: e for e in doc.live_events()}
    condemnation, massacre = events[HG.Condemnation], events[HG.Massacre]
    assert (HG.respondsTo, massacre.id) in condemnation.relations
    assert condemnation.agents and "Romania" in doc.entities[condemnation.agents[0]].label


def test_modifier_and_date_words_are_not_triggers(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("The liberation movement grew in March 1990.")
    assert doc.live_events() == []


def test_no_text_gives_no_events(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Nothing of note.")
    assert doc.live_events() == [] and doc.figures == []


def test_the_capital_resolves_through_the_gazetteer(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Azerbaijan declared independence in 1991. Crowds gathered in the capital that night."
    )
    capital = [m for m in doc.mentions if doc.entities[m.entity].label == "Baku"]
    assert capital and doc.quote(capital[0].span) == "capital"
