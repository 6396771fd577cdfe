"""Consistency check for the hand-annotated development set.

Run:  /work/main/.venv/bin/python tests/devset/check_gold.py [NAME.gold.json ...]

For every gold file (default: all *.gold.json next to this script) it asserts that
the document exists, every "mentions" and "evidence" string occurs verbatim in
it, classes / measures / bounds are from the hg: vocabulary, and all
cross-references (agents, affected, place, locatedIn, respondsTo, commemorates,
figure events) name a label defined in the same file.  It does not use the
historygraph package.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

EVENT_CLASSES = {
    "hg:Massacre",
    "hg:Condemnation",
    "hg:LegislativeDecision",
    "hg:Declaration",
    "hg:Commemoration",
    "hg:Deportation",
    "hg:Protest",
    "hg:War",
    "hg:MilitaryOperation",
}
AGENT_CLASSES = {
    "hg:Person",
    "hg:Organization",
    "hg:MilitaryForce",
    "hg:Legislature",
    "hg:State",
    "hg:Group",
}
PLACE_CLASSES = {"hg:Place", "hg:State"}
ENTITY_CLASSES = AGENT_CLASSES | {"hg:Place"}
MEASURES = {"hg:Killed", "hg:Wounded", "hg:Missing", "hg:Imprisoned"}
BOUNDS = {"hg:Exact", "hg:AtLeast", "hg:AtMost", "hg:Approximate"}
TOP_KEYS = {"document", "note", "entities", "events", "figures"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check(gold_path: Path) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert set(gold) == TOP_KEYS, f"{gold_path.name}: top-level keys {sorted(gold)}"
    doc_path = gold_path.parent / gold["document"]
    assert doc_path.exists(), f"missing document {doc_path}"
    text = doc_path.read_text(encoding="utf-8")

    def in_text(s, what):
        assert isinstance(s, str) and s, f"{gold_path.name}: empty {what}"
        assert s in text, f"{gold_path.name}: {what} not in text: {s!r}"

    ents = {}
    for e in gold["entities"]:
        assert e["label"] not in ents, f"duplicate entity {e['label']}"
        assert e["class"] in ENTITY_CLASSES, f"bad entity class {e['class']}"
        assert e["mentions"], f"entity {e['label']} has no mentions"
        for m in e["mentions"]:
            in_text(m, f"mention of {e['label']}")
        if "wikidata" in e:
            assert re.fullmatch(r"Q\d+", e["wikidata"]), e["wikidata"]
        ents[e["label"]] = e
    for e in gold["entities"]:
        if "locatedIn" in e:
            assert ents.get(e["locatedIn"], {}).get("class") in PLACE_CLASSES, (
                f"locatedIn {e['locatedIn']}"
            )

    evs = {}
    for ev in gold["events"]:
        assert ev["label"] not in evs, f"duplicate event {ev['label']}"
        evs[ev["label"]] = ev
    for ev in gold["events"]:
        assert ev["class"] in EVENT_CLASSES, f"bad event class {ev['class']}"
        assert ev["date"] is None or DATE_RE.match(ev["date"]), f"bad date {ev['date']}"
        if ev["place"] is not None:
            assert ents.get(ev["place"], {}).get("class") in PLACE_CLASSES, (
                f"bad place {ev['place']}"
            )
        for role in ("agents", "affected"):
            for a in ev[role]:
                assert ents.get(a, {}).get("class") in AGENT_CLASSES, (
                    f"{role} {a!r} of {ev['label']}"
                )
        for rel in ("respondsTo", "commemorates"):
            if rel in ev:
                assert ev[rel] in evs and ev[rel] != ev["label"], f"{rel} {ev[rel]!r}"
        if "optional" in ev:
            assert isinstance(ev["optional"], bool)
        in_text(ev["evidence"], f"evidence of {ev['label']}")

    for f in gold["figures"]:
        assert f["event"] in evs, f"figure event {f['event']!r}"
        assert f["measure"] in MEASURES, f"bad measure {f['measure']}"
        assert f["bound"] in BOUNDS, f"bad bound {f['bound']}"
        assert f["count"] is None or (isinstance(f["count"], int) and f["count"] >= 0), f["count"]
        in_text(f["evidence"], "figure evidence")

    return {
        "document": gold["document"],
        "words": len(text.split()),
        "entities": len(gold["entities"]),
        "events": len(gold["events"]),
        "optional_events": sum(1 for e in gold["events"] if e.get("optional")),
        "figures": len(gold["figures"]),
    }


def main(argv):
    paths = [Path(p) for p in argv] or sorted(HERE.glob("*.gold.json"))
    for p in paths:
        r = check(p)
        print(
            f"OK {r['document']:32} words={r['words']:4} entities={r['entities']:3} "
            f"events={r['events']:3} (optional {r['optional_events']}) figures={r['figures']:3}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
