"""The standard vocabularies (``rdf:``, ``rdfs:``, ``owl:``, ...) for code that reads terms often.

rdflib's ``RDF``, ``RDFS``, ``OWL``, ``SKOS``, ``XSD``, ``PROV`` and ``SH`` are
closed namespaces: every ``RDF.type`` goes through a metaclass that checks the
term list (about a microsecond). A build reads such terms tens of thousands of
times, so the builder's modules take them from here: the same IRIs as
:class:`~historygraph.namespaces.FastNamespace` objects, each term made once.
They are for reading terms only (``RDF.type``, ``XSD["date"]``, ``str(RDF)``);
pass rdflib's own objects where rdflib expects a namespace.
"""

from __future__ import annotations

from rdflib import namespace as _rdflib

from historygraph.namespaces import FastNamespace

RDF = FastNamespace(str(_rdflib.RDF))
RDFS = FastNamespace(str(_rdflib.RDFS))
OWL = FastNamespace(str(_rdflib.OWL))
SKOS = FastNamespace(str(_rdflib.SKOS))
XSD = FastNamespace(str(_rdflib.XSD))
PROV = FastNamespace(str(_rdflib.PROV))
SH = FastNamespace(str(_rdflib.SH))
