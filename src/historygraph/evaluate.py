"""Score the builder against hand annotations (``make eval``).

A development set is a folder of ``NAME.txt`` documents, each with a
``NAME.gold.json`` annotation (see ``tests/devset/``). Predicted facts are
matched to gold facts by class and by overlap of their evidence spans:

* entities: same class, a name (label or an alias the document uses) that
  matches the gold label (case-folded, without diacritics, either containing the
  other), and a mention overlapping a gold mention;
* events: same class and overlapping evidence; the strict score also needs the
  date, place and participants to agree, and the slot scores (``event date``,
  ``event place``, ``event agents``, ``event affected``) count, over the
  matched events, how often each of these agrees on its own (a place or
  participant agrees when one of its names, as for entities, matches the gold
  label: "UN Security Council" is the "United Nations Security Council" the text
  also calls so);
* figures: same measure, count (when the gold gives one) and bound, and
  overlapping evidence; ``figure event`` counts, over the matched figures whose
  gold event was matched too, how often the builder gave the figure to that event.

A second, independent annotation of the same documents is scored the same way against
the first (``--agreement DIR``): its entities, events and figures stand in for the
builder's, which gives the agreement between two annotators, the ceiling a builder can
reach on these annotations.

Usage: ``python -m historygraph.evaluate DEVSET_DIR [--only NAME ...] [--quiet]
[--agreement SECOND_DIR]``.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Identifier

from historygraph.document import Span
from historygraph.namespaces import HG, HG_IRI
from historygraph.ontology import Ontology

#: The kinds of score, in the order they are printed.
KINDS = (
    "entities",
    "events",
    "events_strict",
    "event date",
    "event place",
    "event agents",
    "event affected",
    "figures",
    "figure event",
    "quotes",
)


@dataclass
class Score:
    """True positives, false positives and false negatives of one kind of fact."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        """Accumulate another score (micro-average)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses
        self.extras += other.extras


def _fold(text: str) -> str:
    """Lower case, no diacritics ("Nausėda" is "nauseda"), no "the", words only."""
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return re.sub(r"[^a-z0-9]+", " ", bare.lower().replace("the ", " ")).strip()


def _labels_match(a: str, b: str) -> bool:
    fa, fb = _fold(a), _fold(b)
    return bool(fa and fb) and (fa in fb or fb in fa)


def _spans_of(text: str, needle: str) -> list[Span]:
    return (
        [Span(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)] if needle else []
    )


def _local(term: URIRef) -> str:
    """A term's local name: ``hg:Group`` is "Group"."""
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _term(name: str) -> URIRef:
    return URIRef(HG_IRI + name.split(":", 1)[1]) if name.startswith("hg:") else URIRef(name)


@dataclass
class _Predicted:
    iri: URIRef
    cls: URIRef
    label: str
    spans: list[Span]
    props: dict[URIRef, list[Any]]

    @property
    def names(self) -> list[str]:
        """The label and every alias the document gives (``skos:altLabel``)."""
        return [self.label, *(str(a) for a in self.props.get(SKOS.altLabel, []))]


def _predictions(dataset: Dataset, graph: URIRef, ontology: Ontology) -> list[_Predicted]:
    g = dataset.graph(graph)
    result = []
    for s in sorted(cast("set[Identifier]", set(g.subjects(RDF.type, None)))):
        classes = [c for c in g.objects(s, RDF.type) if isinstance(c, URIRef)]
        if not classes or not isinstance(s, URIRef):
            continue
        cls = max(sorted(classes), key=ontology.depth)
        spans = []
        for ev in g.objects(s, HG.evidence):
            start, end = g.value(ev, HG.start), g.value(ev, HG.end)
            if start is not None and end is not None:
                spans.append(Span(int(cast(Literal, start)), int(cast(Literal, end))))
        props: dict[URIRef, list[Any]] = {}
        for p, o in g.predicate_objects(s):
            props.setdefault(cast(URIRef, p), []).append(o)
        label = str(g.value(s, RDFS.label) or "")
        result.append(_Predicted(s, cls, label, spans, props))
    return result


def _overlaps(spans: list[Span], gold: list[Span]) -> bool:
    return any(a.overlaps(b) for a in spans for b in gold)


def score_document(
    text: str, gold: dict[str, Any], dataset: Dataset, graph: URIRef, ontology: Ontology
) -> dict[str, Score]:
    """Entity, event (loose and strict) and figure scores of one document, plus quote checks."""
    predicted = _predictions(dataset, graph, ontology)
    labels = {p.iri: p.label for p in predicted}
    names = {p.iri: p.names for p in predicted}  # the label and every alias the text uses
    scores = {k: Score() for k in KINDS}

    # quotes: every evidence quote equals its span
    g = dataset.graph(graph)
    for ev in g.subjects(RDF.type, HG.Evidence):
        start, end, quote = g.value(ev, HG.start), g.value(ev, HG.end), g.value(ev, HG.quote)
        ok = (
            start is not None
            and end is not None
            and text[int(cast(Literal, start)) : int(cast(Literal, end))] == str(quote)
        )
        scores["quotes"].tp += ok
        scores["quotes"].fp += not ok

    entities = [
        p for p in predicted if ontology.is_a(p.cls, HG.Agent) or ontology.is_a(p.cls, HG.Place)
    ]
    used: set[URIRef] = set()
    # Two rounds: a gold entity whose own name the builder found takes it first, so that a
    # name inside a longer one ("Communist Party of the Soviet Union" inside "Politburo of
    # the ...") does not take the longer one's entity; then names inside names match.
    matched: dict[int, URIRef] = {}
    for exact in (True, False):
        for index, ent in enumerate(gold.get("entities", [])):
            if index in matched:
                continue
            cls = _term(ent["class"])
            gold_spans = [s for m in ent.get("mentions", []) for s in _spans_of(text, m)]
            match = next(
                (
                    p
                    for p in entities
                    if p.iri not in used
                    and p.cls == cls
                    and any(
                        (_fold(name) == _fold(ent["label"]))
                        if exact
                        else _labels_match(name, ent["label"])
                        for name in p.names
                    )
                    and (not gold_spans or _overlaps(p.spans, gold_spans))
                ),
                None,
            )
            if match is not None:
                used.add(match.iri)
                matched[index] = match.iri
    for index, ent in enumerate(gold.get("entities", [])):
        by_class = scores.setdefault(f"entities {_local(_term(ent['class']))}", Score())
        if index in matched:
            scores["entities"].tp += 1
            by_class.tp += 1
        else:
            scores["entities"].fn += 1
            by_class.fn += 1
            scores["entities"].misses.append(f"{ent['label']} ({ent['class']})")
    for p in entities:
        if p.iri not in used:
            scores["entities"].fp += 1
            scores.setdefault(f"entities {_local(p.cls)}", Score()).fp += 1
            scores["entities"].extras.append(f"{p.label} ({_local(p.cls)})")

    events = [p for p in predicted if ontology.is_a(p.cls, HG.Event)]
    used = set()
    event_of_gold: dict[str, URIRef] = {}  # gold event label -> the predicted event it matched
    for ev in gold.get("events", []):
        cls = _term(ev["class"])
        gold_spans = _spans_of(text, ev["evidence"])
        match = next(
            (
                p
                for p in events
                if p.iri not in used and p.cls == cls and _overlaps(p.spans, gold_spans)
            ),
            None,
        )
        optional = bool(ev.get("optional"))
        if match is None:
            if not optional:
                scores["events"].fn += 1
                scores["events_strict"].fn += 1
                scores["events"].misses.append(ev["label"])
            continue
        used.add(match.iri)
        event_of_gold.setdefault(ev["label"], match.iri)
        scores["events"].tp += 1
        date = [str(d) for d in match.props.get(HG.date, [])]
        place = [labels.get(x, str(x)) for x in match.props.get(HG.place, [])]
        agents = sorted(labels.get(x, str(x)) for x in match.props.get(HG.agent, []))
        affected = sorted(labels.get(x, str(x)) for x in match.props.get(HG.affected, []))
        slots = {
            "event date": date == ([ev["date"]] if ev.get("date") else []),
            "event place": (
                place == []
                if not ev.get("place")
                else any(
                    _labels_match(n, ev["place"])
                    for x in match.props.get(HG.place, [])
                    for n in names.get(x, [str(x)])
                )
            ),
            "event agents": _same_names(
                [names.get(x, [str(x)]) for x in match.props.get(HG.agent, [])],
                ev.get("agents", []),
            ),
            "event affected": _same_names(
                [names.get(x, [str(x)]) for x in match.props.get(HG.affected, [])],
                ev.get("affected", []),
            ),
        }
        for slot, right in slots.items():
            scores[slot].tp += right
            scores[slot].fp += not right
            scores[slot].fn += not right
        if all(slots.values()):
            scores["events_strict"].tp += 1
        else:
            scores["events_strict"].fp += 1
            scores["events_strict"].fn += 1
            scores["events_strict"].misses.append(
                f"{ev['label']}: got date={date} place={place} agents={agents} affected={affected}"
            )
    for p in events:
        if p.iri not in used:
            scores["events"].fp += 1
            scores["events_strict"].fp += 1
            scores["events"].extras.append(p.label)

    figures = [p for p in predicted if p.cls == HG.Figure]
    event_of_figure = {f: e.iri for e in events for f in e.props.get(HG.figure, [])}
    used = set()
    for fig in gold.get("figures", []):
        gold_spans = _spans_of(text, fig["evidence"])
        match = next(
            (
                p
                for p in figures
                if p.iri not in used
                and p.props.get(HG.measure) == [_term(fig["measure"])]
                and p.props.get(HG.bound) == [_term(fig["bound"])]
                and (
                    fig.get("count") is None
                    or [int(c) for c in p.props.get(HG.count, [])] == [fig["count"]]
                )
                and _overlaps(p.spans, gold_spans)
            ),
            None,
        )
        if match is None:
            scores["figures"].fn += 1
            scores["figures"].misses.append(f"{fig['measure']} {fig.get('count')} {fig['bound']}")
        else:
            used.add(match.iri)
            scores["figures"].tp += 1
            expected = event_of_gold.get(fig.get("event", ""))
            if expected is not None:
                right = event_of_figure.get(match.iri) == expected
                scores["figure event"].tp += right
                scores["figure event"].fp += not right
                scores["figure event"].fn += not right
                if not right:
                    got = event_of_figure.get(match.iri)
                    scores["figure event"].misses.append(
                        f"{fig['measure']} {fig.get('count')}: gold {fig['event']}, "
                        f"got {labels[got] if got is not None else 'no event'}"
                    )
    for p in figures:
        if p.iri not in used:
            scores["figures"].fp += 1
            scores["figures"].extras.append(p.label)
    return scores


def _same_names(predicted: list[list[str]], gold: list[str]) -> bool:
    """Whether the predicted entities (each by its names) are the gold ones: as many, and
    each gold label matched by a name of one of them."""
    if len(predicted) != len(gold):
        return False
    return all(any(_labels_match(n, g) for names in predicted for n in names) for g in gold)


def gold_files(devset: Path, only: Iterable[str] | None = None) -> list[Path]:
    """The annotations of a development set, optionally only the named documents.

    Raises ValueError, naming the path, when the folder, or a named document's
    annotation, is missing.
    """
    if not devset.is_dir():
        raise ValueError(f"{devset}: not a folder")
    paths = sorted(devset.glob("*.gold.json"))
    if only is not None:
        wanted = {name.removesuffix(".gold.json").removesuffix(".txt") for name in only}
        missing = sorted(wanted - {p.name.removesuffix(".gold.json") for p in paths})
        if missing:
            raise ValueError(f"{devset}: no annotation for {', '.join(missing)}")
        paths = [p for p in paths if p.name.removesuffix(".gold.json") in wanted]
    if not paths:
        raise ValueError(f"{devset}: no NAME.gold.json annotations")
    return paths


def _project_ontology() -> Path:
    """The project's own ontology folder, which every scratch build and score uses."""
    return (Path(__file__).resolve().parents[2] / "ontology").resolve()


def evaluate_devset(
    devset: Path, only: Iterable[str] | None = None
) -> tuple[dict[str, Score], dict[str, dict[str, Score]]]:
    """Build each development document in a scratch graph and score it."""
    from historygraph.build import build
    from historygraph.iri import document_iri
    from historygraph.ontology import load_ontology

    onto = _project_ontology()
    ontology = load_ontology([onto])
    totals = {k: Score() for k in KINDS}
    per_doc: dict[str, dict[str, Score]] = {}
    for gold_path in gold_files(devset, only):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = devset / gold["document"]
        with tempfile.TemporaryDirectory() as tmp:
            gdir = Path(tmp) / "g"
            (gdir / "sources").mkdir(parents=True)
            shutil.copy(source, gdir / "sources" / source.name)
            (gdir / "graph.toml").write_text(
                '[graph]\nname = "eval"\nbase = "https://example.org/eval/"\n'
                f'ontology = [{json.dumps(str(onto))}]\n\n[[sources]]\nfile = "sources/{source.name}"\n'
                f"title = {json.dumps(source.stem)}\n",
                encoding="utf-8",
            )
            result = build(gdir, write_view=False)
            graph = document_iri("https://example.org/eval/", f"sources/{source.name}")
            scores = score_document(
                source.read_text(encoding="utf-8"), gold, result.dataset, graph, ontology
            )
        per_doc[source.name] = scores
        for k, v in scores.items():
            totals.setdefault(k, Score()).add(v)
    return totals, per_doc


def annotation_dataset(text: str, annotation: dict[str, Any], graph: URIRef) -> Dataset:
    """An annotation written as the named graph a build would give, for :func:`score_document`.

    Each entity is a node of its class with its label, its capitalised mentions as
    ``skos:altLabel`` and every occurrence of every mention as evidence; each event (but
    the optional ones) has its class, its evidence's first occurrence, its date, place,
    agents and affected; each figure its measure, bound, count, evidence and event.
    """
    dataset = Dataset()
    g = dataset.graph(graph)
    count = 0

    def evidence(subject: URIRef, span: Span) -> None:
        nonlocal count
        node = URIRef(f"{graph}#evidence-{count}")
        count += 1
        g.add((node, RDF.type, HG.Evidence))
        g.add((node, HG.start, Literal(span.start)))
        g.add((node, HG.end, Literal(span.end)))
        g.add((node, HG.quote, Literal(text[span.start : span.end])))
        g.add((subject, HG.evidence, node))

    entities: dict[str, URIRef] = {}
    for index, ent in enumerate(annotation.get("entities", [])):
        node = URIRef(f"{graph}/entity-{index}")
        entities.setdefault(ent["label"], node)
        g.add((node, RDF.type, _term(ent["class"])))
        g.add((node, RDFS.label, Literal(ent["label"])))
        for mention in ent.get("mentions", []):
            if mention[:1].isupper() and mention != ent["label"]:
                g.add((node, SKOS.altLabel, Literal(mention)))
            for span in _spans_of(text, mention):
                evidence(node, span)
    events: dict[str, URIRef] = {}
    for index, ev in enumerate(annotation.get("events", [])):
        if ev.get("optional"):
            continue
        node = URIRef(f"{graph}/event-{index}")
        events.setdefault(ev["label"], node)
        g.add((node, RDF.type, _term(ev["class"])))
        g.add((node, RDFS.label, Literal(ev["label"])))
        for span in _spans_of(text, ev["evidence"])[:1]:
            evidence(node, span)
        if ev.get("date"):
            g.add((node, HG.date, Literal(ev["date"])))
        if ev.get("place") in entities:
            g.add((node, HG.place, entities[ev["place"]]))
        for role, key in ((HG.agent, "agents"), (HG.affected, "affected")):
            for label in ev.get(key) or []:
                if label in entities:
                    g.add((node, role, entities[label]))
    for index, fig in enumerate(annotation.get("figures", [])):
        node = URIRef(f"{graph}/figure-{index}")
        g.add((node, RDF.type, HG.Figure))
        g.add((node, RDFS.label, Literal(f"{fig['measure']} {fig.get('count')}")))
        g.add((node, HG.measure, _term(fig["measure"])))
        g.add((node, HG.bound, _term(fig["bound"])))
        if fig.get("count") is not None:
            g.add((node, HG.count, Literal(int(fig["count"]))))
        for span in _spans_of(text, fig["evidence"])[:1]:
            evidence(node, span)
        if fig.get("event") in events:
            g.add((events[fig["event"]], HG.figure, node))
    return dataset


def agreement(
    devset: Path, second: Path, only: Iterable[str] | None = None
) -> tuple[dict[str, Score], dict[str, dict[str, Score]]]:
    """Score each second annotation in ``second`` (``NAME.gold.json``) against the first
    (``devset/NAME.gold.json``, on the text ``devset/NAME.txt``), as if it were a build.

    Raises ValueError, naming the path, when a folder or a first annotation is missing.
    """
    from historygraph.ontology import load_ontology

    ontology = load_ontology([_project_ontology()])
    totals = {k: Score() for k in KINDS}
    per_doc: dict[str, dict[str, Score]] = {}
    for path in gold_files(second, only):
        first_path = devset / path.name
        if not first_path.is_file():
            raise ValueError(f"{first_path}: no first annotation for {path}")
        first = json.loads(first_path.read_text(encoding="utf-8"))
        text = (devset / first["document"]).read_text(encoding="utf-8")
        graph = URIRef(f"urn:historygraph:agreement:{path.name}")
        annotation = json.loads(path.read_text(encoding="utf-8"))
        scores = score_document(
            text, first, annotation_dataset(text, annotation, graph), graph, ontology
        )
        per_doc[first["document"]] = scores
        for k, v in scores.items():
            totals.setdefault(k, Score()).add(v)
    return totals, per_doc


def format_scores(
    totals: dict[str, Score], per_doc: dict[str, dict[str, Score]], verbose: bool = True
) -> str:
    """A table of precision, recall and F1; over all documents, the entities of each class
    too ("entities Group": a gold entity of the class found, a found one of the class not
    in the gold)."""
    lines = [f"{'document':32} {'kind':22} {'P':>6} {'R':>6} {'F1':>6}"]
    for name, scores in [*per_doc.items(), ("ALL (micro)", totals)]:
        kinds = [k for k in KINDS if k in scores]
        if name == "ALL (micro)":
            by_class = sorted(
                (k for k in scores if k not in KINDS), key=lambda k: -_gold(scores[k])
            )
            kinds[1:1] = by_class
        for kind in kinds:
            s = scores[kind]
            if kind == "quotes":
                lines.append(f"{name:32} {'quote==span':22} {s.tp:>6} ok {s.fp:>3} bad")
                continue
            lines.append(f"{name:32} {kind:22} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}")
            if verbose and name != "ALL (micro)":
                lines += [f"    missed: {m}" for m in s.misses] + [
                    f"    extra:  {x}" for x in s.extras
                ]
    return "\n".join(lines)


def _gold(score: Score) -> int:
    return score.tp + score.fn


def main(argv: list[str] | None = None) -> int:
    """``python -m historygraph.evaluate DEVSET_DIR [--only NAME ...] [--quiet]``."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m historygraph.evaluate",
        description=(
            "Build each document of a development set in a scratch graph and score "
            "entities, events and figures against its hand annotation (NAME.gold.json "
            "beside NAME.txt). Facts match by class and overlapping evidence."
        ),
        epilog=(
            "Examples: python -m historygraph.evaluate tests/devset --only sumgait-1988 --quiet; "
            "python -m historygraph.evaluate tests/heldout --agreement tests/heldout/second --quiet"
        ),
    )
    parser.add_argument("devset", type=Path, help="folder of NAME.txt + NAME.gold.json pairs")
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        help="score only these documents (names without .txt / .gold.json)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="scores only, without the missed and extra facts"
    )
    parser.add_argument(
        "--agreement",
        type=Path,
        metavar="SECOND_DIR",
        help="score a second, independent annotation of the documents (SECOND_DIR/NAME.gold.json) "
        "against the first instead of the builder: the agreement between two annotators",
    )
    args = parser.parse_args(argv)
    try:
        if args.agreement is not None:
            totals, per_doc = agreement(args.devset, args.agreement, only=args.only)
        else:
            totals, per_doc = evaluate_devset(args.devset, only=args.only)
    except ValueError as exc:
        print(f"historygraph.evaluate: error: {exc}", file=sys.stderr)
        return 2
    print(format_scores(totals, per_doc, verbose=not args.quiet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
