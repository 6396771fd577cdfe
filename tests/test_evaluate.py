"""The development-set scorer (``make eval``) on a hand-made graph."""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from historygraph.evaluate import score_document
from historygraph.namespaces import HG

TEXT = "Columns of residents reached Agdam at dawn."
DOC = URIRef("urn:doc")
GOLD = {
    "entities": [{"label": "Agdam", "class": "hg:Place", "mentions": ["Agdam"]}],
    "events": [],
    "figures": [],
}


def graph(alias: str | None) -> Dataset:
    """One place labelled with the gazetteer's spelling, mentioned at "Agdam"."""
    dataset = Dataset()
    g = dataset.graph(DOC)
    place, evidence = URIRef("urn:place/aghdam"), URIRef("urn:doc#char=29,34")
    g.add((place, RDF.type, HG.Place))
    g.add((place, RDFS.label, Literal("Aghdam")))
    if alias:
        g.add((place, SKOS.altLabel, Literal(alias)))
    g.add((place, HG.evidence, evidence))
    g.add((evidence, RDF.type, HG.Evidence))
    g.add((evidence, HG.start, Literal(29)))
    g.add((evidence, HG.end, Literal(34)))
    g.add((evidence, HG.quote, Literal(TEXT[29:34])))
    return dataset


def test_an_entity_matches_by_any_name_the_document_gives_it(ontology) -> None:  # type: ignore[no-untyped-def]
    scores = score_document(TEXT, GOLD, graph("Agdam"), DOC, ontology)
    assert (scores["entities"].tp, scores["entities"].fp, scores["entities"].fn) == (1, 0, 0)
    assert (scores["quotes"].tp, scores["quotes"].fp) == (1, 0)
    # another spelling the document never uses does not match
    scores = score_document(TEXT, GOLD, graph(None), DOC, ontology)
    assert (scores["entities"].tp, scores["entities"].fp, scores["entities"].fn) == (0, 1, 1)


def test_event_slots_are_scored_one_by_one(ontology) -> None:  # type: ignore[no-untyped-def]
    """A matched event with the right date and place but no agent: date and place count
    as right, agents as wrong, and the strict score as wrong."""
    text = "On 3 May troops stormed Agdam."
    gold = {
        "entities": [],
        "events": [
            {
                "label": "Storming of Agdam",
                "class": "hg:MilitaryOperation",
                "date": "1994-05-03",
                "place": "Agdam",
                "agents": ["troops"],
                "affected": [],
                "evidence": "troops stormed Agdam",
            }
        ],
        "figures": [],
    }
    dataset = Dataset()
    g = dataset.graph(DOC)
    event, place, evidence = URIRef("urn:event"), URIRef("urn:place"), URIRef("urn:ev")
    g.add((event, RDF.type, HG.MilitaryOperation))
    g.add((event, RDFS.label, Literal("Military operation")))
    g.add((event, HG.date, Literal("1994-05-03")))
    g.add((event, HG.place, place))
    g.add((place, RDF.type, HG.Place))
    g.add((place, RDFS.label, Literal("Agdam")))
    g.add((event, HG.evidence, evidence))
    g.add((evidence, HG.start, Literal(9)))
    g.add((evidence, HG.end, Literal(29)))
    scores = score_document(text, gold, dataset, DOC, ontology)
    assert scores["events"].tp == 1
    assert (scores["event date"].tp, scores["event place"].tp) == (1, 1)
    assert (scores["event agents"].tp, scores["event agents"].fn) == (0, 1)
    assert scores["event affected"].tp == 1
    assert (scores["events_strict"].tp, scores["events_strict"].fn) == (0, 1)


def test_a_participant_and_a_label_match_by_any_name_and_without_diacritics(ontology) -> None:  # type: ignore[no-untyped-def]
    """An agent labelled "United Nations Security Council" that the text calls "the UN
    Security Council" agrees with a gold agent of that name; "Nausėda" is "Nauseda"."""
    text = "The UN Security Council condemned the attack. Gitanas Nausėda spoke."
    gold = {
        "entities": [
            {"label": "Gitanas Nauseda", "class": "hg:Person", "mentions": ["Gitanas Nausėda"]}
        ],
        "events": [
            {
                "label": "Condemnation by the council",
                "class": "hg:Condemnation",
                "agents": ["UN Security Council"],
                "affected": [],
                "evidence": "condemned the attack",
            }
        ],
        "figures": [],
    }

    def dataset(alias: bool) -> Dataset:
        data = Dataset()
        g = data.graph(DOC)
        event, council, person = URIRef("urn:event"), URIRef("urn:council"), URIRef("urn:p")
        g.add((event, RDF.type, HG.Condemnation))
        g.add((event, RDFS.label, Literal("Condemnation")))
        g.add((event, HG.agent, council))
        g.add((council, RDF.type, HG.Organization))
        g.add((council, RDFS.label, Literal("United Nations Security Council")))
        if alias:
            g.add((council, SKOS.altLabel, Literal("UN Security Council")))
        for node, (start, end) in ((event, (24, 44)), (person, (46, 61))):
            evidence = URIRef(f"urn:ev{start}")
            g.add((node, HG.evidence, evidence))
            g.add((evidence, HG.start, Literal(start)))
            g.add((evidence, HG.end, Literal(end)))
        g.add((person, RDF.type, HG.Person))
        g.add((person, RDFS.label, Literal("Gitanas Nausėda")))
        return data

    scores = score_document(text, gold, dataset(alias=True), DOC, ontology)
    assert scores["events"].tp == 1 and scores["event agents"].tp == 1
    assert scores["entities"].tp == 1  # the person, whatever the diacritics
    scores = score_document(text, gold, dataset(alias=False), DOC, ontology)
    assert scores["event agents"].tp == 0  # a name the text never uses does not match


def test_the_scorer_scores_only_the_documents_named(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from historygraph.evaluate import main

    for name in ("first", "second"):
        (tmp_path / f"{name}.txt").write_text(TEXT + "\n", encoding="utf-8")
        (tmp_path / f"{name}.gold.json").write_text(
            json.dumps({"document": f"{name}.txt", **GOLD}), encoding="utf-8"
        )
    assert main([str(tmp_path), "--only", "second", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "second.txt" in out and "first.txt" not in out
    assert "missed:" not in out


def test_the_scorer_names_what_it_cannot_find(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from historygraph.evaluate import main

    assert main([str(tmp_path / "absent")]) == 2
    assert capsys.readouterr().err.strip().endswith("absent: not a folder")
    assert main([str(tmp_path)]) == 2
    assert "no NAME.gold.json annotations" in capsys.readouterr().err


def test_an_entity_found_by_its_own_name_is_not_taken_by_a_longer_name(ontology) -> None:  # type: ignore[no-untyped-def]
    text = "He left the Politburo of the Ravna Party. Later the Party expelled him."
    dataset = Dataset()
    g = dataset.graph(DOC)
    party, later = text.index("Ravna Party"), text.index("Party expelled")
    found = {
        "urn:party": ("Ravna Party", [(party, party + 11), (later, later + 5)]),
        "urn:politburo": ("Politburo of the Ravna Party", [(text.index("Politburo"), party + 11)]),
    }
    for iri, (label, spans) in found.items():
        node = URIRef(iri)
        g.add((node, RDF.type, HG.Organization))
        g.add((node, RDFS.label, Literal(label)))
        for start, end in spans:
            evidence = URIRef(f"urn:doc#char={start},{end}")
            g.add((node, HG.evidence, evidence))
            g.add((evidence, RDF.type, HG.Evidence))
            g.add((evidence, HG.start, Literal(start)))
            g.add((evidence, HG.end, Literal(end)))
            g.add((evidence, HG.quote, Literal(text[start:end])))
    gold = {
        "entities": [
            # the longer name first: in gold order it would take the party's entity
            {"label": "Politburo of the Ravna Party", "class": "hg:Organization",
             "mentions": ["the Politburo of the Ravna Party"]},
            {"label": "Ravna Party", "class": "hg:Organization",
             "mentions": ["the Party"]},
        ],
        "events": [],
        "figures": [],
    }  # fmt: skip
    scores = score_document(text, gold, dataset, DOC, ontology)
    assert (scores["entities"].tp, scores["entities"].fp, scores["entities"].fn) == (2, 0, 0)


AGREEMENT_TEXT = (
    "On 9 April 1989 Soviet troops dispersed a rally in Tbilisi. "
    "The troops killed 19 people. The Georgian parliament condemned the killing."
)
FIRST = {
    "document": "tbilisi.txt",
    "entities": [
        {"label": "Soviet troops", "class": "hg:MilitaryForce", "mentions": ["Soviet troops"]},
        {"label": "Tbilisi", "class": "hg:Place", "mentions": ["Tbilisi"]},
        {
            "label": "Georgian parliament",
            "class": "hg:Legislature",
            "mentions": ["Georgian parliament"],
        },
    ],
    "events": [
        {
            "label": "Dispersal of the rally",
            "class": "hg:Massacre",
            "date": "1989-04-09",
            "place": "Tbilisi",
            "agents": ["Soviet troops"],
            "affected": [],
            "evidence": "The troops killed 19 people",
        },
        {
            "label": "Parliament condemns the killing",
            "class": "hg:Condemnation",
            "date": None,
            "place": None,
            "agents": ["Georgian parliament"],
            "affected": [],
            "evidence": "The Georgian parliament condemned the killing",
        },
    ],
    "figures": [
        {
            "event": "Dispersal of the rally",
            "measure": "hg:Killed",
            "count": 19,
            "bound": "hg:Exact",
            "evidence": "killed 19 people",
        }
    ],
}


def _agree(tmp_path, second: dict) -> dict:  # type: ignore[type-arg]
    import json

    from historygraph.evaluate import agreement

    (tmp_path / "second").mkdir(exist_ok=True)
    (tmp_path / "tbilisi.txt").write_text(AGREEMENT_TEXT, encoding="utf-8")
    (tmp_path / "tbilisi.gold.json").write_text(json.dumps(FIRST), encoding="utf-8")
    (tmp_path / "second" / "tbilisi.gold.json").write_text(json.dumps(second), encoding="utf-8")
    totals, _ = agreement(tmp_path, tmp_path / "second")
    return totals


def test_an_annotation_agrees_with_itself(tmp_path) -> None:  # type: ignore[no-untyped-def]
    totals = _agree(tmp_path, FIRST)
    assert all(totals[k].f1 == 1.0 for k in ("entities", "events", "events_strict", "figures"))
    assert totals["quotes"].fp == 0 and totals["quotes"].tp > 0


def test_a_second_annotator_who_differs_is_scored_like_a_build(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import copy

    second = copy.deepcopy(FIRST)
    second["entities"][2]["class"] = "hg:Organization"  # a body classed otherwise
    second["events"][0]["date"] = "1989-04"  # read at another precision
    second["figures"][0]["bound"] = "hg:AtLeast"
    totals = _agree(tmp_path, second)
    assert (totals["entities"].tp, totals["entities"].fp, totals["entities"].fn) == (2, 1, 1)
    assert (totals["events"].tp, totals["event date"].tp, totals["event date"].fn) == (2, 1, 1)
    assert (totals["figures"].tp, totals["figures"].fp, totals["figures"].fn) == (0, 1, 1)


def test_agreement_names_a_missing_first_annotation(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from historygraph.evaluate import main

    (tmp_path / "second").mkdir()
    (tmp_path / "second" / "other.gold.json").write_text(json.dumps(FIRST), encoding="utf-8")
    assert main([str(tmp_path), "--agreement", str(tmp_path / "second")]) == 2
    assert "no first annotation" in capsys.readouterr().err


def test_entities_are_also_scored_class_by_class(ontology) -> None:  # type: ignore[no-untyped-def]
    """A gold place found, a gold person missed and a found group not in the gold: the
    place's class scores 1/0/0, the person's 0/0/1, the group's 0/1/0; the whole table
    prints each class under the entities over all documents."""
    from historygraph.evaluate import Score, format_scores

    gold = {
        "entities": [
            {"label": "Agdam", "class": "hg:Place", "mentions": ["Agdam"]},
            {"label": "Tofig Aliyev", "class": "hg:Person", "mentions": ["Tofig Aliyev"]},
        ],
        "events": [],
        "figures": [],
    }
    dataset = graph("Agdam")
    residents = URIRef("urn:group/residents")
    dataset.graph(DOC).add((residents, RDF.type, HG.Group))
    dataset.graph(DOC).add((residents, RDFS.label, Literal("residents")))
    scores = score_document(TEXT, gold, dataset, DOC, ontology)
    counts = {k: (s.tp, s.fp, s.fn) for k, s in scores.items() if k.startswith("entities")}
    assert counts == {
        "entities": (1, 1, 1),
        "entities Place": (1, 0, 0),
        "entities Person": (0, 0, 1),
        "entities Group": (0, 1, 0),
    }
    totals: dict[str, Score] = {}
    for k, s in scores.items():
        totals.setdefault(k, Score()).add(s)
    table = format_scores(totals, {"doc.txt": scores}, verbose=False).splitlines()
    per_doc = [line.split()[1] for line in table if line.startswith("doc.txt")]
    assert "Person" not in per_doc  # per document, the kinds only
    everything = [line.split()[2:] for line in table if line.startswith("ALL")]
    # kind words, then P, R, F1; the classes by how many gold entities they have
    assert [row[:-3] for row in everything[:4]] == [
        ["entities"], ["entities", "Place"], ["entities", "Person"], ["entities", "Group"],
    ]  # fmt: skip
    assert [row[-3:] for row in everything[:4]] == [
        ["0.50", "0.50", "0.50"], ["1.00", "1.00", "1.00"], ["1.00", "0.00", "0.00"],
        ["0.00", "1.00", "0.00"],
    ]  # fmt: skip


def test_a_figure_is_scored_for_the_event_it_is_given_to(ontology) -> None:  # type: ignore[no-untyped-def]
    """``figure event``: a matched figure counts as right when the builder gave it to the
    event the gold figure names (as matched), wrong when it gave it to another one."""
    text = "Workers marched to the palace. Troops fired on them. 96 people were killed."
    gold = {
        "entities": [],
        "events": [
            {"label": "March", "class": "hg:Protest", "evidence": "marched"},
            {"label": "Shooting", "class": "hg:Massacre", "evidence": "fired"},
        ],
        "figures": [
            {
                "event": "Shooting",
                "measure": "hg:Killed",
                "count": 96,
                "bound": "hg:Exact",
                "evidence": "96 people were killed",
            }
        ],
    }

    def built(owner: str) -> Dataset:
        dataset = Dataset()
        g = dataset.graph(DOC)
        spans = {"protest": (8, 15), "massacre": (38, 43), "figure": (53, 74)}
        for name, (start, end) in spans.items():
            node, ev = URIRef(f"urn:{name}"), URIRef(f"urn:{name}#ev")
            g.add((node, HG.evidence, ev))
            g.add((ev, HG.start, Literal(start)))
            g.add((ev, HG.end, Literal(end)))
            g.add((node, RDFS.label, Literal(name)))
        g.add((URIRef("urn:protest"), RDF.type, HG.Protest))
        g.add((URIRef("urn:massacre"), RDF.type, HG.Massacre))
        figure = URIRef("urn:figure")
        g.add((figure, RDF.type, HG.Figure))
        g.add((figure, HG.measure, HG.Killed))
        g.add((figure, HG.bound, HG.Exact))
        g.add((figure, HG.count, Literal(96)))
        g.add((URIRef(f"urn:{owner}"), HG.figure, figure))
        return dataset

    right = score_document(text, gold, built("massacre"), DOC, ontology)
    assert right["figures"].tp == 1 and right["events"].tp == 2
    assert (right["figure event"].tp, right["figure event"].fp) == (1, 0)
    wrong = score_document(text, gold, built("protest"), DOC, ontology)
    assert wrong["figures"].tp == 1
    assert (wrong["figure event"].tp, wrong["figure event"].fp) == (0, 1)
    assert wrong["figure event"].misses == ["hg:Killed 96: gold Shooting, got protest"]
