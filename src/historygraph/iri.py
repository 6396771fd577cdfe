"""Minting IRIs from content: type plus normalised label, or type plus date plus anchor.

No counters, no random ids: the same inputs give the same IRIs.
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef


def slug(text: str, limit: int = 80) -> str:
    """A lower-case ASCII slug.

    >>> slug("Heydar Aliyev’s  Mission (Moscow)")
    'heydar-aliyev-s-mission-moscow'
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    value = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return value[:limit].rstrip("-") or "x"


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``/`` or ``#``."""
    return re.split(r"[/#]", iri)[-1]


def document_iri(base: str, file: str) -> URIRef:
    """IRI of a source document (and of its named graph)."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file.split("/")[-1])
    return URIRef(f"{base}source/{slug(stem)}")


def entity_iri(base: str, cls: URIRef, name: str) -> URIRef:
    """IRI of an agent or place: class and label (or gazetteer key)."""
    return URIRef(f"{base}{slug(local_name(cls))}/{slug(name)}")


def document_entity_iri(document: URIRef, cls: URIRef, name: str) -> URIRef:
    """IRI of an agent or place a source names by common nouns alone ("the crowd", "the
    government"): under the source's IRI, for the same words in two sources need not mean
    the same people."""
    return entity_iri(f"{document}/", cls, name)


def event_iri(base: str, cls: URIRef, date: str | None, anchor: str) -> URIRef:
    """IRI of an event: class, date (or 'undated') and an anchor (place, agent or trigger)."""
    return URIRef(f"{base}event/{slug(local_name(cls))}-{date or 'undated'}-{slug(anchor, 48)}")


def evidence_iri(document: URIRef, start: int, end: int) -> URIRef:
    """IRI of a text span, RFC 5147 style."""
    return URIRef(f"{document}#char={start},{end}")


def figure_iri(event: URIRef, document: URIRef, measure: URIRef, start: int) -> URIRef:
    """IRI of a figure: its event, the reporting document, the measure and the offset."""
    return URIRef(f"{event}/figure/{local_name(document)}-{slug(local_name(measure))}-{start}")
