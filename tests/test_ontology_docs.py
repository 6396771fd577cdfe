"""``historygraph ontology docs``: one offline, deterministic page with every class of the ontology."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from historygraph.cli import main
from historygraph.inference import is_inferred_graph
from historygraph.namespaces import HG
from historygraph.ontology_docs import render_docs
from historygraph.query import load_dataset
from tests.conftest import ONTOLOGY, SEED

DATA = Path(__file__).resolve().parent / "data" / "ontologies"


class Elements(HTMLParser):
    """Collects ids, data-iri values, hrefs and src attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.iris: set[str] = set()
        self.hrefs: list[str] = []
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids[values["id"] or ""] += 1
        if values.get("data-iri"):
            self.iris.add(values["data-iri"] or "")
        if "href" in values:
            self.hrefs.append(values["href"] or "")
        if "src" in values:
            self.sources.append(values["src"] or "")


@pytest.fixture(scope="module")
def page() -> str:
    return render_docs([ONTOLOGY], SEED)


@pytest.fixture(scope="module")
def elements(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


def core_classes() -> list[URIRef]:
    core = Graph().parse(ONTOLOGY / "core.ttl", format="turtle")
    return sorted(c for c in core.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef))


def section(page: str, iri: URIRef) -> str:
    m = re.search(rf'<section [^>]*data-iri="{re.escape(str(iri))}">(.*?)</section>', page, re.S)
    assert m, f"no section for {iri}"
    return m.group(1)


def test_every_class_of_the_core_ontology_appears(elements: Elements) -> None:
    classes = core_classes()
    assert len(classes) > 20
    missing = [str(c) for c in classes if str(c) not in elements.iris]
    assert not missing, f"classes missing from the docs: {missing}"


def test_offline_no_remote_url_and_no_broken_anchor(page: str, elements: Elements) -> None:
    assert elements.sources == [], "no images, scripts or frames"
    assert "<script" not in page and "url(" not in page and "@import" not in page
    assert all(h.startswith("#") for h in elements.hrefs), [
        h for h in elements.hrefs if h[:1] != "#"
    ]
    broken = sorted({h[1:] for h in elements.hrefs} - set(elements.ids))
    assert not broken, f"links to missing anchors: {broken}"
    assert [i for i, n in elements.ids.items() if n > 1] == [], "ids are unique"


def test_a_class_shows_triggers_style_shapes_and_counts(page: str) -> None:
    massacre = section(page, HG.Massacre)
    for trigger in ("massacre", "pogrom", "mass killing"):
        assert f'<span class="phrase">{trigger}</span>' in massacre
    assert "hgs:EventShape" in massacre and "(via" in massacre
    event = section(page, HG.Event)
    assert "an event needs at least one hg:evidence" in event, "the shape's table is on hg:Event"
    assert "#d62728" in event and "dot" in event
    dataset = load_dataset(SEED / "graph.trig")
    direct = {
        s
        for s, _, _, g in dataset.quads((None, RDF.type, HG.Massacre, None))
        if not is_inferred_graph(g)
    }
    assert f'data-direct="{len(direct)}"' in massacre
    assert "black-january" in massacre


def test_known_entities_and_external_terms(page: str, elements: Elements) -> None:
    assert "https://w3id.org/historygraph/reference/baku" in elements.iris
    assert "wd:Q9248" in page
    assert "http://semanticweb.cs.vu.nl/2009/11/sem/Event" in elements.iris


def test_deterministic() -> None:
    assert render_docs([ONTOLOGY], SEED) == render_docs([ONTOLOGY], SEED)


def test_extension_classes_are_documented_with_their_triggers() -> None:
    page = render_docs([DATA / "base", DATA / "trigger-overridden"])
    pogrom = section(page, URIRef("https://w3id.org/historygraph/ontology#Pogrom"))
    assert '<span class="phrase">pogrom</span>' in pogrom and "pogrom.ttl:" in pogrom
    assert "no graph given" in page


def test_cli_writes_index_html(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    status = main(["ontology", "docs", "--graph", str(SEED), "--output", str(tmp_path / "docs")])
    assert status == 0
    out = capsys.readouterr().out
    index = tmp_path / "docs" / "index.html"
    assert out.strip() == f"wrote {index}"
    assert index.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_bad_ontology_is_one_line_error_with_file_and_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    broken = DATA / "parse-error"
    status = main(["ontology", "docs", "--ontology", str(broken), "-o", str(tmp_path)])
    assert status == 1
    err = capsys.readouterr().err.strip()
    assert f"{broken / 'broken.ttl'}:5: bad Turtle" in err and "\n" not in err
    assert not (tmp_path / "index.html").exists()
