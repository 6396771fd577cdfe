"""pyoxigraph terms as rdflib terms, made without rdflib's constructor checks.

Oxigraph hands over terms it has already parsed and validated: an IRI is a
valid IRI, a language tag a valid tag. rdflib's ``URIRef(...)`` and
``Literal(...)`` check their input again and, for a literal, look up a Python
value for its datatype; that takes 1 to 2 microseconds a term, which is most
of the time of reading a few thousand ontology triples or a query answer.

:func:`iri` and :func:`text_literal` make the very objects the constructors
make (same class, same string, same slots), for IRIs and for literals whose
Python value is their lexical form (plain strings and language-tagged
strings). Other literals still go through ``Literal(...)``, which computes
their Python value. ``tests/test_units.py`` checks the results against the
constructors.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from rdflib import BNode, Literal, URIRef

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_new_str = str.__new__


def iri(value: str) -> URIRef:
    """``URIRef(value)`` for an IRI already validated (by Oxigraph's parser or engine)."""
    return _new_str(URIRef, value)


def text_literal(value: str, language: str | None = None) -> Literal:
    """``Literal(value, lang=language)`` for a string (the tag, if any, already validated)."""
    made = _new_str(Literal, value)
    made._language = language or None
    made._datatype = None
    made._value = str(value)
    made._ill_typed = None
    return made


@functools.cache
def converter() -> Callable[[Any], Any]:
    """A pyoxigraph → rdflib term converter (``None`` stays ``None``).

    ``xsd:string`` literals become plain literals, as rdflib parses them;
    blank nodes keep their Oxigraph identifier.
    """
    import pyoxigraph as ox

    named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode
    datatypes: dict[str, URIRef] = {}

    def convert(term: Any) -> Any:
        kind = type(term)
        if kind is named:
            return _new_str(URIRef, term.value)
        if kind is literal:
            language = term.language
            if language:
                return text_literal(term.value, language)
            datatype_iri = term.datatype.value
            if datatype_iri == _XSD_STRING:
                return text_literal(term.value)
            datatype = datatypes.get(datatype_iri)
            if datatype is None:
                datatype = datatypes[datatype_iri] = iri(datatype_iri)
            return Literal(term.value, datatype=datatype)
        if term is None:
            return None
        if kind is blank:
            return BNode(term.value)
        raise TypeError(f"not a pyoxigraph term: {term!r}")

    return convert
