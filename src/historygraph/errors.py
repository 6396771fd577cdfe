"""The exceptions historygraph raises for bad input.

The library never prints or exits; the command line turns a
:class:`HistorygraphError` into one line on stderr and exit status 1.
"""

from __future__ import annotations


class HistorygraphError(Exception):
    """Base class of every error caused by the user's input (exit status 1)."""


class ConfigError(HistorygraphError):
    """A graph directory or its ``graph.toml`` is missing or malformed."""


class SourceError(HistorygraphError):
    """A source document is missing, unreadable, not UTF-8 or empty."""


class OntologyError(HistorygraphError):
    """A file in ``ontology/`` cannot be parsed or is inconsistent."""


class QueryError(HistorygraphError):
    """A SPARQL query is malformed, unknown or not allowed."""


class QueryTimeout(QueryError):  # noqa: N818 (public API name)
    """A SPARQL query ran longer than its time limit (and was stopped)."""


class StoreError(HistorygraphError):
    """An on-disk Oxigraph store cannot be opened, loaded or is out of date."""


class ValidationError(HistorygraphError):
    """The built graph violates the SHACL shapes."""


class ServerError(HistorygraphError):
    """The SPARQL server cannot start (the address is in use, the graph does not load)."""


class ExportError(HistorygraphError):
    """Writing an export or pushing it to a triplestore failed."""
