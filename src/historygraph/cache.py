"""Per-document extraction results: serialisable, cacheable, shippable between processes.

After the pipeline, a document's annotations (entities, mentions, events,
figures) are plain data; :func:`to_dict` and :func:`restore` turn them into
JSON and back. Results are cached under ``GRAPH_DIR/.cache/`` by a key made of
the text, the ontology hash, the builder version, a hash of the extraction code
and the model name, so a rebuild re-extracts only what changed.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from rdflib import URIRef

from historygraph import __version__
from historygraph.document import (
    Document,
    Entity,
    EventRecord,
    FigureRecord,
    Mention,
    Span,
    TimeExpression,
)
from historygraph.fsutil import atomic_write_text

#: Bump when the cached format or the extraction changes in a way the version does not show.
CACHE_FORMAT = 4


@functools.cache
def extractor_digest(package: Path = Path(__file__).parent) -> str:
    """SHA-256 over the extraction code (the pipeline, its stages, and how the model is
    loaded, with the tokenizer's own special cases): an edit to a rule changes it, so a
    cached result of the old rule is not reused, whatever the version."""
    h = hashlib.sha256()
    code = [package / "pipeline.py", package / "nlp.py", *(package / "stages").glob("*.py")]
    for path in sorted(code):
        h.update(path.name.encode("utf-8"))
        h.update(path.read_bytes())
    return h.hexdigest()


def cache_key(text: str, ontology_digest: str, model: str, published: str = "") -> str:
    """Content hash of everything an extraction depends on (``published``: the source's
    date in graph.toml, which dates a wire dateline that gives no year)."""
    h = hashlib.sha256()
    parts = (
        str(CACHE_FORMAT),
        __version__,
        extractor_digest(),
        ontology_digest,
        model,
        published,
        text,
    )
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _span(s: Span | None) -> list[int] | None:
    return None if s is None else [s.start, s.end]


def _unspan(v: list[int] | None) -> Span | None:
    return None if v is None else Span(v[0], v[1])


def _time(t: TimeExpression | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {
        "span": _span(t.span), "kind": t.kind, "value": t.value, "datatype": str(t.datatype),
        "temporal": t.temporal, "quoted": t.quoted,
    }  # fmt: skip


def _untime(v: dict[str, Any] | None) -> TimeExpression | None:
    if v is None:
        return None
    span = _unspan(v["span"])
    assert span is not None
    return TimeExpression(
        span, v["kind"], v["value"], URIRef(v["datatype"]), v["temporal"], v["quoted"], None
    )


def to_dict(doc: Document) -> dict[str, Any]:
    """The annotations of a processed document as JSON-ready data."""
    return {
        "skipped": doc.skipped,
        "entities": [
            {
                "key": e.key, "cls": str(e.cls), "label": e.label,
                "gazetteer": str(e.gazetteer) if e.gazetteer else None,
                "wikidata": str(e.wikidata) if e.wikidata else None,
                "aliases": sorted(e.aliases), "located_in": e.located_in,
                "located_in_evidence": _span(e.located_in_evidence), "named": e.named,
            }
            for e in doc.entities.values()
        ],
        "mentions": [[m.span.start, m.span.end, m.entity, m.source] for m in doc.mentions],
        "events": [
            {
                "id": e.id, "cls": str(e.cls), "evidence": [_span(s) for s in e.evidence],
                "triggers": [_span(s) for s in e.triggers], "date": _time(e.date),
                "duration": _time(e.duration), "place": e.place, "agents": e.agents,
                "affected": e.affected, "relations": [[str(r), t] for r, t in e.relations],
                "provisional": e.provisional, "paragraph": e.paragraph, "merged_into": e.merged_into,
                "names": e.names,
            }
            for e in doc.events
        ],
        "figures": [
            [f.event, str(f.measure), f.count, str(f.bound), f.evidence.start, f.evidence.end]
            for f in doc.figures
        ],
        "timings": doc.timings,
    }  # fmt: skip


def restore(doc: Document, data: dict[str, Any]) -> Document:
    """Put cached annotations back onto a freshly read document."""
    doc.skipped = data["skipped"]
    doc.entities = {}
    for e in data["entities"]:
        doc.entities[e["key"]] = Entity(
            key=e["key"], cls=URIRef(e["cls"]), label=e["label"],
            gazetteer=URIRef(e["gazetteer"]) if e["gazetteer"] else None,
            wikidata=URIRef(e["wikidata"]) if e["wikidata"] else None,
            aliases=set(e["aliases"]), located_in=e["located_in"],
            located_in_evidence=_unspan(e["located_in_evidence"]), named=e["named"],
        )  # fmt: skip
    doc.mentions = [
        Mention(Span(a, b), entity, source) for a, b, entity, source in data["mentions"]
    ]
    doc.events = []
    for e in data["events"]:
        doc.events.append(
            EventRecord(
                id=e["id"], cls=URIRef(e["cls"]),
                evidence=[s for s in map(_unspan, e["evidence"]) if s is not None],
                triggers=[s for s in map(_unspan, e["triggers"]) if s is not None],
                date=_untime(e["date"]), duration=_untime(e["duration"]), place=e["place"],
                agents=list(e["agents"]), affected=list(e["affected"]),
                relations=[(URIRef(r), t) for r, t in e["relations"]],
                provisional=e["provisional"], paragraph=e["paragraph"], merged_into=e["merged_into"],
                names=list(e.get("names", [])),
            )
        )  # fmt: skip
    doc.figures = [
        FigureRecord(event, URIRef(measure), count, URIRef(bound), Span(a, b))
        for event, measure, count, bound, a, b in data["figures"]
    ]
    doc.timings = dict(data.get("timings", {}))
    return doc


def release(doc: Document) -> Document:
    """Drop the parse (spaCy objects) once extraction is done; keeps memory flat on big builds."""
    restore(doc, to_dict(doc))
    doc.parsed = []
    doc.sentences = []
    doc.event_mentions = {}
    return doc


class ResultCache:
    """JSON files under ``GRAPH_DIR/.cache/extract/``, one per cache key."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached result for ``key``, or None (also for an unreadable entry)."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("format") == CACHE_FORMAT else None

    def put(self, key: str, result: dict[str, Any]) -> None:
        """Store a result (atomically)."""
        atomic_write_text(
            self._path(key), json.dumps({"format": CACHE_FORMAT, **result}, ensure_ascii=False)
        )
