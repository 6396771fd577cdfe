"""Entity resolution across a graph's sources: acronyms, proposed merges, curation.

* An acronym ("USSR") of a same-class name ("Union of Soviet Socialist
  Republics") is the same entity: merged automatically.
* Names that look alike within one class ("Aliyev" / "Heydar Aliyev",
  "Sharpville" / "Sharpeville") are only *proposed* for merging, never merged
  silently, and never across classes; the proposals are listed in
  ``report.json``.
* ``GRAPH_DIR/curation.ttl`` decides: ``<a> owl:sameAs <b>`` merges ``a`` into
  ``b`` on the next build; ``<a> owl:differentFrom <b>`` silences a proposal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL

from historygraph.ontology import parse_turtle_file

CURATION_FILE = "curation.ttl"
#: Similarity (0..1) above which two same-class names are proposed for merging.
PROPOSAL_THRESHOLD = 0.85
_STOP = frozenset({"of", "the", "and", "for", "in", "de", "du", "des", "la", "le"})


def fold(label: str) -> str:
    """Lower case, no accents, no punctuation, no leading article.

    >>> fold("The Pan-Africanist Congress")
    'pan africanist congress'
    """
    text = unicodedata.normalize("NFKD", label)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def acronym_of(long_label: str) -> str:
    """Initials of the capitalised words of a name.

    >>> acronym_of("Union of Soviet Socialist Republics")
    'USSR'
    """
    words = [w for w in re.split(r"[\s\-]+", long_label) if w and w.lower() not in _STOP]
    return "".join(w[0] for w in words if w[0].isupper())


def is_acronym(short: str, long_label: str) -> bool:
    """Whether ``short`` (2–6 capitals, dots allowed) abbreviates ``long_label``."""
    letters = short.replace(".", "")
    return (
        2 <= len(letters) <= 6
        and letters.isupper()
        and letters.isalpha()
        and acronym_of(long_label) == letters
    )


def similarity(a: str, b: str) -> float:
    """How alike two names are: 1.0 when one's words all occur in the other, else a string ratio."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    ta, tb = set(fa.split()) - _STOP, set(fb.split()) - _STOP
    if ta and tb and (ta <= tb or tb <= ta) and max(len(t) for t in ta | tb) >= 4:
        return 1.0
    return SequenceMatcher(None, fa, fb).ratio()


@dataclass
class Curation:
    """What ``curation.ttl`` decides."""

    same_as: dict[URIRef, URIRef] = field(default_factory=dict)
    different: set[frozenset[URIRef]] = field(default_factory=set)
    digest: str = ""

    def canonical(self, iri: URIRef) -> URIRef:
        """Follow ``owl:sameAs`` links to the IRI that stands for the entity."""
        seen = {iri}
        while iri in self.same_as:
            iri = self.same_as[iri]
            if iri in seen:  # a cycle: stop at the smallest IRI
                return min(seen)
            seen.add(iri)
        return iri


def load_curation(graph_dir: Path) -> Curation:
    """Read ``GRAPH_DIR/curation.ttl`` if it exists (errors name file and line)."""
    import hashlib

    path = graph_dir / CURATION_FILE
    if not path.exists():
        return Curation()
    graph = parse_turtle_file(path, Graph())
    curation = Curation(digest=hashlib.sha256(path.read_bytes()).hexdigest())
    for a, b in sorted(graph.subject_objects(OWL.sameAs)):
        if isinstance(a, URIRef) and isinstance(b, URIRef) and a != b:
            curation.same_as[a] = b
    for a, b in graph.subject_objects(OWL.differentFrom):
        if isinstance(a, URIRef) and isinstance(b, URIRef):
            curation.different.add(frozenset((a, b)))
    return curation


@dataclass(frozen=True)
class Candidate:
    """A named entity as the emitter will write it."""

    iri: URIRef
    cls: URIRef
    label: str
    from_gazetteer: bool
    named: bool = True  # False for "the crowd": no merge is proposed for words that name no one


def resolve(
    candidates: list[Candidate], curation: Curation
) -> tuple[dict[URIRef, URIRef], list[dict[str, object]]]:
    """Merges to apply (acronyms, curation) and merges to propose (look-alike names).

    Returns ``(merge, proposals)``: ``merge`` maps an IRI to the IRI that
    replaces it; ``proposals`` are for the build report.
    """
    merge: dict[URIRef, URIRef] = {}
    unique = sorted({c.iri: c for c in candidates}.values(), key=lambda c: str(c.iri))
    by_class: dict[URIRef, list[Candidate]] = {}
    for c in unique:
        by_class.setdefault(c.cls, []).append(c)
    proposals: list[dict[str, object]] = []
    for cls, members in sorted(by_class.items()):
        for short in members:
            if short.from_gazetteer:
                continue
            for long_ in members:
                if long_.iri != short.iri and is_acronym(short.label, long_.label):
                    merge[short.iri] = long_.iri
        index: dict[str, list[Candidate]] = {}
        for c in members:
            if not c.named:
                continue
            for token in set(fold(c.label).split()) - _STOP:
                index.setdefault(token, []).append(c)
        seen: set[frozenset[URIRef]] = set()
        for bucket in index.values():
            for i, a in enumerate(bucket):
                for b in bucket[i + 1 :]:
                    pair = frozenset((a.iri, b.iri))
                    if (
                        pair in seen
                        or pair in curation.different
                        or a.iri in merge
                        or b.iri in merge
                    ):
                        continue
                    seen.add(pair)
                    if a.from_gazetteer and b.from_gazetteer:
                        continue
                    if curation.canonical(a.iri) == curation.canonical(b.iri):
                        continue
                    score = similarity(a.label, b.label)
                    if score >= PROPOSAL_THRESHOLD:
                        keep, drop = (
                            (a, b) if (a.from_gazetteer or len(a.label) >= len(b.label)) else (b, a)
                        )
                        proposals.append(
                            {
                                "class": str(cls),
                                "merge": str(drop.iri),
                                "into": str(keep.iri),
                                "labels": [drop.label, keep.label],
                                "score": round(score, 3),
                                "curation": f"<{drop.iri}> owl:sameAs <{keep.iri}> .",
                            }
                        )
    for c in unique:
        target = curation.canonical(c.iri)
        if target != c.iri:
            merge[c.iri] = target
    proposals.sort(key=lambda p: (str(p["class"]), str(p["merge"]), str(p["into"])))
    return merge, proposals
