"""pyoxigraph terms as rdflib terms, made without rdflib's constructor checks.

Oxigraph hands over terms it has already parsed and validated: an IRI is a
valid IRI, a language tag a valid tag. rdflib's ``URIRef(...)`` and
``Literal(...)`` check their input again and, for a literal, look up a Python
value for its datatype; that takes 1 to 2 microseconds a term, which is most
of the time of reading a few thousand ontology triples or a query answer.

:func:`iri` and :func:`text_literal` make the very objects the constructors
make (same class, same string, same slots), for IRIs and for literals whose
Python value is their lexical form (plain strings and language-tagged
strings). :func:`typed_literal` does the same for the typed literals query
answers are full of: canonical ``xsd:integer`` and ``xsd:date`` values, and
datatypes rdflib gives no Python value (``xsd:gYear``, ``xsd:gYearMonth``, ...,
as its own ``_toPythonMapping`` says). Anything else still goes through
``Literal(...)``. ``tests/test_warmup.py`` checks the results against the
constructors.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib import term as _rdflib_term

_new_str = str.__new__
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_INTEGER = _new_str(URIRef, "http://www.w3.org/2001/XMLSchema#integer")
_XSD_DATE = _new_str(URIRef, "http://www.w3.org/2001/XMLSchema#date")
#: rdflib's datatype -> Python converters (a datatype missing here gets no Python value)
_CONVERTED: Any = getattr(_rdflib_term, "_toPythonMapping", None)
#: lexical forms rdflib's normalisation leaves as they are
_CANONICAL_INTEGER = re.compile(r"0|-?[1-9][0-9]*")
_CANONICAL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iri(value: str) -> URIRef:
    """``URIRef(value)`` for an IRI already validated (by Oxigraph's parser or engine)."""
    return _new_str(URIRef, value)


def _literal(
    value: str, language: str | None, datatype: URIRef | None, python: Any, ill_typed: bool | None
) -> Literal:
    """A Literal with the slots ``Literal.__new__`` would give it, set directly."""
    made = _new_str(Literal, value)
    made._language = language
    made._datatype = datatype
    made._value = python
    made._ill_typed = ill_typed
    return made


def text_literal(value: str, language: str | None = None) -> Literal:
    """``Literal(value, lang=language)`` for a string (the tag, if any, already validated)."""
    return _literal(value, language or None, None, str(value), None)


def _typed(value: str, datatype: URIRef, python: Any, ill_typed: bool | None) -> Literal:
    return _literal(value, None, datatype, python, ill_typed)


def _kind(datatype: URIRef) -> str:
    """How :func:`typed_literal` makes literals of ``datatype`` (decided once per datatype)."""
    if _CONVERTED is None:
        return "constructor"
    if datatype not in _CONVERTED:  # rdflib computes no Python value and checks nothing
        return "no value"
    if datatype == _XSD_INTEGER:
        return "integer"
    if datatype == _XSD_DATE:
        return "date"
    return "constructor"


def typed_literal(value: str, datatype: URIRef, kind: str | None = None) -> Literal:
    """``Literal(value, datatype=datatype)``, without the constructor where the result is plain.

    ``kind`` is ``_kind(datatype)``, if the caller keeps it per datatype.
    """
    kind = kind or _kind(datatype)
    if kind == "no value":
        return _typed(value, datatype, None, None)
    if kind == "integer" and _CANONICAL_INTEGER.fullmatch(value):
        return _typed(value, datatype, int(value), False)
    if kind == "date" and _CANONICAL_DATE.fullmatch(value):
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:  # "1990-02-30": the constructor decides
            return Literal(value, datatype=datatype)
        return _typed(value, datatype, day, False)
    return Literal(value, datatype=datatype)


@functools.cache
def converter() -> Callable[[Any], Any]:
    """A pyoxigraph → rdflib term converter (``None`` stays ``None``).

    ``xsd:string`` literals become plain literals, as rdflib parses them;
    blank nodes keep their Oxigraph identifier.
    """
    import pyoxigraph as ox

    named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode
    datatypes: dict[str, tuple[URIRef, str]] = {}  # IRI -> (term, how to make its literals)

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
            known = datatypes.get(datatype_iri)
            if known is None:
                datatype = iri(datatype_iri)
                known = datatypes[datatype_iri] = (datatype, _kind(datatype))
            return typed_literal(term.value, *known)
        if term is None:
            return None
        if kind is blank:
            return BNode(term.value)
        raise TypeError(f"not a pyoxigraph term: {term!r}")

    return convert
