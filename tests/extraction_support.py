"""Helpers the extraction tests share: an entity's class, a document's figures and places."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import count
from pathlib import Path
from typing import Any

from historygraph.document import Document, Entity


def labels(doc: Document) -> dict[str, str]:
    """Entity label -> the local name of its class."""
    return {e.label: e.cls.split("#")[-1] for e in doc.entities.values()}


def entities_of(doc: Document, cls: Any) -> dict[str, Entity]:
    """The document's entities of class ``cls`` by label."""
    return {e.label: e for e in doc.entities.values() if e.cls == cls}


def the_one_person(doc: Document) -> Entity:
    """The document's one person (the test fails, listing them, if it has none or several)."""
    from historygraph.namespaces import HG

    people = entities_of(doc, HG.Person)
    assert len(people) == 1, people
    return next(iter(people.values()))


def figure_set(doc: Document) -> set[tuple[str, int, str]]:
    """(measure, count, bound) of each figure, by local names."""
    return {(f.measure.split("#")[-1], f.count, f.bound.split("#")[-1]) for f in doc.figures}


def mentions_of(doc: Document, label: str) -> list[str]:
    """The quoted mentions of the entity labelled ``label``."""
    return [doc.quote(m.span) for m in doc.mentions if doc.entities[m.entity].label == label]


def figure_rows(doc: Document) -> list[tuple[str, int, str]]:
    """(measure, count, bound) of every figure, sorted."""
    return sorted((f.measure.split("#")[-1], f.count, f.bound.split("#")[-1]) for f in doc.figures)


def event_places(doc: Document) -> dict[str, str | None]:
    """Event class -> the label of its place."""
    return {
        e.cls.split("#")[-1]: doc.entities[e.place].label if e.place else None
        for e in doc.live_events()
    }


def event_dates(doc: Document) -> dict[str, str]:
    """Event class (local name) -> its date, for the events that have one."""
    return {e.cls.split("#")[-1]: e.date.value for e in doc.live_events() if e.date is not None}


def extract_with(nlp: Any, ontology_dir: Path, texts: Iterable[str]) -> list[Document]:
    """Each text run through the default pipeline with the ontology in ``ontology_dir``
    (loaded afresh, so an extension written there since the last call counts)."""
    from historygraph.ontology import load_ontology
    from historygraph.pipeline import Context, make_pipeline, run_pipeline
    from historygraph.stages import DEFAULT_STAGES

    ctx = Context(ontology=load_ontology([ontology_dir]), nlp=nlp)
    pipeline = make_pipeline(DEFAULT_STAGES)
    return [
        run_pipeline(Document(id="t", path=Path("t.txt"), text=text, title="t"), pipeline, ctx)
        for text in texts
    ]


def fresh_model() -> Any:
    """A copy of the small English model of its own, not the one ``load_model`` caches for
    every test: a test that adds a component to set the model's tags by hand changes no
    other test's model."""
    from historygraph.nlp import load_model

    return load_model.__wrapped__("en_core_web_sm")


_TAGGERS = count()


def words_tagged(doc: Any, words: list[str], label: str) -> list[Any]:
    """Every run of ``words`` in a parsed ``doc``, as a named-entity span labelled ``label``."""
    from spacy.tokens import Span as SpacySpan

    texts = [t.text for t in doc]
    return [
        SpacySpan(doc, i, i + len(words), label)
        for i in range(len(doc) - len(words) + 1)
        if texts[i : i + len(words)] == words
    ]


def extract_with_tags(text: str, tag: Callable[[Any], list[Any]]) -> Document:
    """``text`` run through the default pipeline on a model of its own whose named-entity
    tags ``tag`` sets by hand (the spans it returns for a parsed text replace the model's
    tags they overlap; the others stay; a span labelled "" only removes them). The model's tags depend on the exact words, so a
    test of what the builder does with a tagging the model gives some names sets it so."""
    from spacy.language import Language
    from spacy.util import filter_spans

    from tests.conftest import ONTOLOGY

    def set_tags(doc: Any) -> Any:
        spans = tag(doc)
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
        doc.ents = filter_spans([*(s for s in spans if s.label_), *kept])
        return doc

    name = f"hg_test_tags_{next(_TAGGERS)}"
    Language.component(name, func=set_tags)
    nlp = fresh_model()
    nlp.add_pipe(name, after="ner")
    (doc,) = extract_with(nlp, ONTOLOGY, [text])
    return doc


def mention_labels(docs: Iterable[Document], with_class: bool = False) -> dict[str, str]:
    """Each mention's text -> the label of its entity (and its class: "army (MilitaryForce)")."""
    seen: dict[str, str] = {}
    for doc in docs:
        for m in doc.mentions:
            ent = doc.entities[m.entity]
            cls = f" ({ent.cls.split('#')[-1]})" if with_class else ""
            seen[doc.quote(m.span)] = f"{ent.label}{cls}"
    return seen


def extend_ontology(ontology_dir: Path, name: str, turtle: str) -> None:
    """Write ``ontology_dir/extensions/NAME.ttl``: the ``hg:`` prefix, then ``turtle``."""
    (ontology_dir / "extensions").mkdir(exist_ok=True)
    (ontology_dir / "extensions" / f"{name}.ttl").write_text(
        "@prefix hg: <https://w3id.org/historygraph/ontology#> .\n" + turtle, encoding="utf-8"
    )
