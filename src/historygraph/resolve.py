"""Cross-document resolution: one node per real-world event across sources.

Entities already share IRIs across documents (gazetteer entries by their
gazetteer key, other names by class plus normalised label). Events need a rule:
two events reported by *different* documents are the same event when

* they have the same class, and
* the same place, or, when one of them gives no place, an agent in common, and
* their dates are close: one is a prefix of the other ("1990-01" and
  "1990-01-20"), or both fall in the same month, or they are at most three days
  apart; or
* they carry the same name ("Black January").

An event joins a group of events only if no member of it is placed elsewhere
(a report that gives no place does not join Moscow's events to St Petersburg's).
Dates that differ under this rule stay on the one event node, each in its own
source's named graph: a disagreement between sources, not two events. Events
of one document are never merged here (the pipeline already did that).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from historygraph.document import Document, EventRecord

#: Days two full dates may differ and still be read as one event.
DATE_SLACK_DAYS = 3


@dataclass(frozen=True)
class EventRef:
    """An event of one document: (document index, event id)."""

    doc: int
    event: int


def _to_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def dates_close(a: str, b: str) -> bool:
    """Whether two lexical dates may name the same day of one event.

    >>> dates_close("1990-01-20", "1990-01")
    True
    >>> dates_close("1990-01-19", "1990-01-20")
    True
    >>> dates_close("1990-01-20", "1994-03")
    False
    """
    if a.startswith(b) or b.startswith(a):
        return True
    if len(a) >= 7 and len(b) >= 7 and a[:7] == b[:7]:
        return True
    da, db = _to_date(a), _to_date(b)
    return da is not None and db is not None and abs((da - db).days) <= DATE_SLACK_DAYS


@dataclass(frozen=True)
class Anchor:
    """Where an event is and who acted, as IRIs that compare across documents."""

    place: str | None
    agents: frozenset[str]

    def __bool__(self) -> bool:
        return self.place is not None or bool(self.agents)

    def elsewhere(self, other: Anchor) -> bool:
        """Both give a place, and not the same one."""
        return self.place is not None and other.place is not None and self.place != other.place

    def agrees(self, other: Anchor) -> bool:
        """The same place; or, when either gives no place, an agent in common.

        Two places that differ keep two events apart whoever acted ("troops fired in
        Tbilisi" and "troops fired in Baku" on one day).
        """
        if self.place is not None and other.place is not None:
            return self.place == other.place
        return bool(self.agents & other.agents)


def _anchor(event: EventRecord, entity_iri: dict[str, str]) -> Anchor:
    return Anchor(
        entity_iri[event.place] if event.place else None,
        frozenset(entity_iri[a] for a in event.agents),
    )


def cluster_events(
    docs: list[Document], entity_iris: list[dict[str, str]]
) -> dict[EventRef, EventRef]:
    """Map every live event to the representative of its cross-document cluster.

    ``entity_iris[i]`` maps entity keys of document ``i`` to their IRIs (so
    anchors compare across documents). The representative is the first event in
    source order, which makes IRIs deterministic.
    """
    clusters: list[list[tuple[EventRef, EventRecord, Anchor]]] = []
    result: dict[EventRef, EventRef] = {}
    for d, doc in enumerate(docs):
        for event in doc.live_events():
            ref = EventRef(d, event.id)
            anchor = _anchor(event, entity_iris[d])
            target = None
            if (anchor and event.date is not None) or event.names:
                for cluster in clusters:
                    if any(member.doc == d for member, _, _ in cluster):
                        continue
                    if any(
                        _same(event, anchor, other, other_anchor)
                        for _, other, other_anchor in cluster
                    ) and not any(anchor.elsewhere(other) for _, _, other in cluster):
                        target = cluster
                        break
            if target is None:
                target = []
                clusters.append(target)
            target.append((ref, event, anchor))
            result[ref] = target[0][0]
    return result


def _named_alike(a: EventRecord, b: EventRecord) -> bool:
    names = {" ".join(n.lower().split()) for n in a.names}
    return any(" ".join(n.lower().split()) in names for n in b.names)


def _same(a: EventRecord, a_anchor: Anchor, b: EventRecord, b_anchor: Anchor) -> bool:
    if a.cls == b.cls and _named_alike(a, b):
        return True
    return (
        a.cls == b.cls
        and a_anchor.agrees(b_anchor)
        and a.date is not None
        and b.date is not None
        and dates_close(a.date.value, b.date.value)
    )
