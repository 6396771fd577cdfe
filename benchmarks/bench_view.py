"""Benchmark: the graph view in headless Chromium against pyvis's default output.

For synthetic graphs of 200, 2,000 and 10,000 nodes shaped like real output
(dated events of the ontology's event classes, each with an evidence quote,
linked to agents and places that are shared with a long-tailed popularity;
some events respond to earlier ones; several source documents), the benchmark
writes two pages:

* ``historygraph``: :func:`historygraph.view.render_view` (force layout,
  default thresholds: physics in the page until stable up to
  ``PHYSICS_MAX_NODES`` nodes, positions from Python above, and leaves collapsed
  into clusters from ``CLUSTER_MIN_NODES`` nodes on);
* ``pyvis default``: the same nodes and edges (labels, tooltips, colours) through
  ``pyvis.network.Network()`` with its default options (Barnes-Hut physics on,
  1,000 stabilisation iterations), written with ``generate_html`` as
  ``write_html`` would, with vis-network inlined (``cdn_resources="in_line"``)
  and the Bootstrap CDN tags stripped so that nothing is loaded from the network.

Each page is opened from disk in headless Chromium (Debian's
``/usr/bin/chromium``; every non-``file:`` request is aborted) and timed from
navigation start (``performance.now()``) to:

* ``drawn``: the first ``afterDrawing`` event of the network;
* ``settled``: the first ``afterDrawing`` once the layout is final: right away
  when physics is off, else after ``stabilizationIterationsDone`` (pyvis's
  default keeps simulating after that; we stop the clock there, in its favour);
* ``pan``: after settling, a mouse drag across empty canvas, timed (from the
  moment the canvas can take the mouse: pyvis fades a loading bar out first)
  until the network has redrawn at the new view position; a page is "usable"
  at ``settled + pan``.

A run that does not settle within the timeout is reported as ``>timeout``.
Targets (from the view issue): 2,000 nodes settled in under 2 s and at least 5x
faster than pyvis's default; 10,000 nodes drawn and pannable in under 5 s; the
HTML for 10,000 nodes under 15 MB. Each target is printed as PASS or MISS.

Run through ``make bench`` (``benchmarks/run.py``) or directly with
``.venv/bin/python benchmarks/bench_view.py``; results also go to
``benchmarks/results/view.json``.
"""

from __future__ import annotations

import json
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from historygraph.headless import CHROMIUM, CHROMIUM_ARGS, offline_context
from historygraph.namespaces import HG, WD

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS_PATH = BENCH_DIR / "results" / "view.json"
SIZES = (200, 2_000, 10_000)
REPEATS = 3
TIMEOUT_S = 120.0
SETTLED_2K_TARGET_S = 2.0
SPEEDUP_2K_TARGET = 5.0
USABLE_10K_TARGET_S = 5.0
HTML_10K_TARGET_MB = 15.0

BASE = Namespace("https://example.org/synthetic/")
EVENT_CLASSES = (
    "Massacre",
    "Condemnation",
    "LegislativeDecision",
    "Declaration",
    "Commemoration",
    "Deportation",
    "Protest",
    "War",
    "MilitaryOperation",
)
AGENT_CLASSES = ("Person", "Organization", "MilitaryForce", "Group", "State", "Legislature")
WORDS = [
    "city",
    "council",
    "army",
    "people",
    "ministry",
    "front",
    "union",
    "committee",
    "river",
    "valley",
    "north",
    "south",
    "republic",
    "national",
    "assembly",
    "district",
    "square",
    "bridge",
    "station",
    "harbour",
    "region",
    "guard",
]

#: Measures the page makes about itself: set up before any script runs.
PROBE = """
(() => {
  const bench = (window.__bench = { drawn: null, settled: null, stable: false });
  let visObject;
  const wrap = (vis) => {
    const Original = vis.Network;
    if (!Original || Original.__benchWrapped) { return; }
    const Wrapped = function (container, data, options) {
      const net = new Original(container, data, options);
      const physicsOn = () => net.physics.options.enabled && net.physics.physicsEnabled !== false;
      bench.stable = !physicsOn() || !net.physics.options.stabilization.enabled;
      net.on("stabilizationIterationsDone", () => { bench.stable = true; });
      net.on("afterDrawing", () => {
        const now = performance.now();
        if (bench.drawn === null) { bench.drawn = now; }
        if (bench.settled === null && (bench.stable || !physicsOn())) { bench.settled = now; }
        bench.lastDraw = now;
      });
      window.__benchNetwork = net;
      return net;
    };
    Wrapped.prototype = Original.prototype;
    Wrapped.__benchWrapped = true;
    vis.Network = Wrapped;
  };
  Object.defineProperty(window, "vis", {
    configurable: true,
    get() { return visObject; },
    set(value) {
      visObject = value;
      // vis-network's UMD wrapper assigns an empty object, then fills it in.
      let network;
      Object.defineProperty(value, "Network", {
        configurable: true, enumerable: true,
        get() { return network; },
        set(fn) { network = fn; Object.defineProperty(value, "Network", { value: fn, writable: true, configurable: true, enumerable: true }); wrap(value); },
      });
    },
  });
})();
"""


# ---------------------------------------------------------------- synthetic graphs


def _name(rng: random.Random, words: int = 2) -> str:
    return " ".join(rng.choice(WORDS).capitalize() for _ in range(words))


def synthetic_dataset(nodes: int, seed: int = 1990) -> Dataset:
    """A built-graph-shaped dataset with about ``nodes`` events, agents and places.

    Half the nodes are events (dated, at day, month or year precision, with one
    evidence quote), 30% agents and 20% places. Each event has one or two agents,
    maybe an affected group and one place, chosen with a long-tailed popularity
    (a few hubs, many nodes mentioned once); one in ten responds to an earlier
    event. Every 200 events share a source document (a named graph); agents and
    places carry labels, aliases and some Wikidata links in a reference graph.
    """
    rng = random.Random(seed)
    n_events = nodes // 2
    n_agents = nodes * 3 // 10
    n_places = nodes - n_events - n_agents
    if (n_agents and n_agents % 7919 == 0) or (n_places and n_places % 7919 == 0):
        raise ValueError(f"{nodes} nodes: agent or place count is a multiple of 7919")
    data = Dataset()
    reference = data.graph(BASE["graph/reference"])
    agents = [BASE[f"agent/{i}"] for i in range(n_agents)]
    places = [BASE[f"place/{i}"] for i in range(n_places)]
    labels: dict[URIRef, str] = {}
    for i, agent in enumerate(agents):
        cls = HG[AGENT_CLASSES[i % len(AGENT_CLASSES)]]
        labels[agent] = f"{_name(rng)} {i}"
        reference.add((agent, RDF.type, cls))
        reference.add((agent, RDFS.label, Literal(labels[agent])))
        if i % 3 == 0:
            reference.add((agent, SKOS.altLabel, Literal(f"{_name(rng, 1)} alias {i}")))
        if i % 5 == 0:
            reference.add((agent, SKOS.exactMatch, WD[f"Q{1000 + i}"]))
    for i, place in enumerate(places):
        labels[place] = f"{_name(rng, 1)}ville {i}"
        reference.add((place, RDF.type, HG.Place))
        reference.add((place, RDFS.label, Literal(labels[place])))
        if i % 4 == 0 and i > 0:
            reference.add((place, HG.locatedIn, places[rng.randrange(i)]))
    agent_weights = [1.0 / (rank + 1) ** 0.9 for rank in range(n_agents)]
    place_weights = [1.0 / (rank + 1) ** 0.9 for rank in range(n_places)]
    events: list[URIRef] = []
    for i in range(n_events):
        doc = BASE[f"source/doc-{i // 200}"]
        graph = data.graph(doc)
        if i % 200 == 0:
            graph.add((doc, RDF.type, HG.Document))
            graph.add((doc, RDFS.label, Literal(f"Synthetic report {i // 200}")))
        cls = EVENT_CLASSES[rng.randrange(len(EVENT_CLASSES))]
        event = BASE[f"event/{i}"]
        # Everyone is mentioned at least once; beyond that, popularity is long-tailed.
        who = rng.choices(agents, weights=agent_weights, k=rng.choice((1, 1, 2)))
        if i < n_agents:
            who[0] = agents[(i * 7919) % n_agents]
        where = rng.choices(places, weights=place_weights, k=1)[0]
        if i < n_places:
            where = places[(i * 7919) % n_places]
        year, month, day = rng.randrange(1900, 2025), rng.randrange(1, 13), rng.randrange(1, 29)
        precision = rng.random()
        if precision < 0.7:
            date = Literal(f"{year:04d}-{month:02d}-{day:02d}", datatype=XSD.date)
        elif precision < 0.9:
            date = Literal(f"{year:04d}-{month:02d}", datatype=XSD.gYearMonth)
        else:
            date = Literal(f"{year:04d}", datatype=XSD.gYear)
        label = f"{cls} by {labels[who[0]]} in {labels[where]} ({date})"
        graph.add((event, RDF.type, HG[cls]))
        graph.add((event, RDFS.label, Literal(label)))
        graph.add((event, HG.date, date))
        graph.add((event, HG.place, where))
        for agent in who:
            graph.add((event, HG.agent, agent))
        if rng.random() < 0.3:
            graph.add((event, HG.affected, rng.choices(agents, weights=agent_weights)[0]))
        if events and rng.random() < 0.1:
            graph.add((event, HG.respondsTo, events[rng.randrange(len(events))]))
        start = 100 * (i % 200)
        quote = (
            f"On {date} {labels[who[0]]} carried out the {cls.lower()} in {labels[where]}, "
            f"as the report of that year describes at some length."
        )
        span = URIRef(f"{doc}#char={start},{start + len(quote)}")
        graph.add((event, HG.evidence, span))
        graph.add((span, RDF.type, HG.Evidence))
        graph.add((span, HG.document, doc))
        graph.add((span, HG.start, Literal(start)))
        graph.add((span, HG.end, Literal(start + len(quote))))
        graph.add((span, HG.quote, Literal(quote)))
        events.append(event)
    return data


def load_ontology_graph() -> Graph:
    """The project's ontology (every ``ontology/*.ttl``)."""
    graph = Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


# ---------------------------------------------------------------- the two pages


def historygraph_page(dataset: Dataset, ontology: Graph, path: Path) -> float:
    """Write the historygraph view of ``dataset`` to ``path``; return the seconds it took."""
    from historygraph.view import render_view

    t0 = time.perf_counter()
    render_view(dataset, ontology, path, title="Synthetic graph")
    return time.perf_counter() - t0


def pyvis_default_page(dataset: Dataset, ontology: Graph, path: Path) -> float:
    """Write pyvis's default page for the same nodes and edges; return the seconds it took.

    Same node ids, labels, hover texts, colours and shapes, and the same edges
    with their labels, through ``Network(cdn_resources="in_line", directed=True)``
    with pyvis's default options (``directed=True`` only because pyvis's
    duplicate-edge check for undirected networks is quadratic). The Bootstrap
    CDN ``<link>`` and ``<script src>`` tags are removed.
    """
    from pyvis.network import Network

    from historygraph.view import _IndexedIds, project, style_for
    from historygraph.view_layout import _visible_label

    t0 = time.perf_counter()
    projection = project(dataset, ontology)
    net = Network(cdn_resources="in_line", directed=True)
    net.node_ids = _IndexedIds()  # same output, linear time
    for node, attrs in projection.nodes(data=True):
        style = style_for(URIRef(attrs["class_iri"]), ontology)
        quotes = [span.quote for span in attrs["evidence"][:3]]
        title = "\n".join([attrs["label"], ", ".join(attrs["classes"]), *quotes])
        net.add_node(
            node, label=_visible_label(attrs), title=title, color=style.color, shape=style.shape
        )
    for source, target, attrs in projection.edges(data=True):
        net.add_edge(source, target, label=attrs["label"], title=attrs["label"])
    page = net.generate_html()
    page = re.sub(r"<link\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*>", "", page)
    page = re.sub(r"<script\b[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>", "", page)
    if re.search(r"(?:src|href)=\"https?://", page):
        raise RuntimeError("the pyvis page still references the network")
    path.write_text(page, encoding="utf-8")
    return time.perf_counter() - t0


# ---------------------------------------------------------------- measuring in Chromium


@dataclass
class Timing:
    """One page load: seconds from navigation start (None: not reached in time)."""

    drawn: float | None
    settled: float | None
    pan: float | None

    @property
    def usable(self) -> float | None:
        if self.settled is None or self.pan is None:
            return None
        return self.settled + self.pan


@dataclass
class Case:
    """One graph size, both pages."""

    nodes: int
    edges: int
    html_mb: dict[str, float] = field(default_factory=dict)
    write_s: dict[str, float] = field(default_factory=dict)
    runs: dict[str, list[Timing]] = field(default_factory=dict)

    def median(self, page: str, what: str) -> float | None:
        values = [getattr(t, what) for t in self.runs.get(page, [])]
        if not values or any(v is None for v in values):
            return None
        return statistics.median(values)


def measure(browser: Any, path: Path, timeout_s: float) -> Timing:
    """Open ``path`` in a fresh context; time drawing, settling and one pan."""
    context, blocked = offline_context(browser, {"width": 1280, "height": 800})
    context.add_init_script(PROBE)
    page = context.new_page()
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        try:
            page.wait_for_function(
                "window.__bench && window.__bench.settled !== null",
                timeout=timeout_s * 1000,
                polling=50,
            )
        except Exception:
            drawn = page.evaluate("window.__bench ? window.__bench.drawn : null")
            return Timing(None if drawn is None else drawn / 1000, None, None)
        bench = page.evaluate("window.__bench")
        pan = _pan(page)
        if blocked:
            raise RuntimeError(f"{path.name} requested {blocked[:3]}")
        return Timing(bench["drawn"] / 1000, bench["settled"] / 1000, pan)
    finally:
        context.close()


def _pan(page: Any) -> float | None:
    """Drag empty canvas by 200 px; seconds until the network has redrawn there."""
    start = page.evaluate(
        """() => {
            const net = window.__benchNetwork;
            const r = net.body.container.getBoundingClientRect();
            for (let i = 1; i < 20; i++) {
                for (let j = 1; j < 20; j++) {
                    const p = { x: (r.width * i) / 20, y: (r.height * j) / 20 };
                    if (net.getNodeAt(p) === undefined && net.getEdgeAt(p) === undefined) {
                        return [r.left + p.x, r.top + p.y];
                    }
                }
            }
            return [r.left + 5, r.top + 5];
        }"""
    )
    before = page.evaluate("JSON.stringify(window.__benchNetwork.getViewPosition())")
    page.evaluate("window.__bench.lastDraw = null")
    t0 = time.perf_counter()
    try:  # pyvis covers the canvas with its loading bar until it has faded out
        page.wait_for_function(
            "([x, y]) => document.elementFromPoint(x, y) instanceof HTMLCanvasElement",
            arg=start,
            timeout=10_000,
            polling=20,
        )
    except Exception:
        return None
    page.mouse.move(start[0], start[1])
    page.mouse.down()
    for step in range(1, 6):
        page.mouse.move(start[0] + 40 * step, start[1] + 20 * step)
    page.mouse.up()
    try:
        page.wait_for_function(
            """(before) => window.__bench.lastDraw !== null &&
                JSON.stringify(window.__benchNetwork.getViewPosition()) !== before""",
            arg=before,
            timeout=30_000,
            polling=20,
        )
    except Exception:
        return None
    return time.perf_counter() - t0


# ---------------------------------------------------------------- report


def _fmt(value: float | None, timeout: float) -> str:
    return f">{timeout:.0f}" if value is None else f"{value:.2f}"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def run(sizes: tuple[int, ...] = SIZES, repeats: int = REPEATS) -> list[Case]:
    """Build, write and measure both pages for every size."""
    from playwright.sync_api import sync_playwright

    from historygraph.view import project

    ontology = load_ontology_graph()
    cases: list[Case] = []
    with tempfile.TemporaryDirectory(prefix="hg-bench-view-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            for size in sizes:
                dataset = synthetic_dataset(size)
                projection = project(dataset, ontology)
                case = Case(projection.number_of_nodes(), projection.number_of_edges())
                pages = {
                    "historygraph": Path(tmp) / f"historygraph-{size}.html",
                    "pyvis default": Path(tmp) / f"pyvis-{size}.html",
                }
                case.write_s["historygraph"] = historygraph_page(
                    dataset, ontology, pages["historygraph"]
                )
                case.write_s["pyvis default"] = pyvis_default_page(
                    dataset, ontology, pages["pyvis default"]
                )
                for name, path in pages.items():
                    case.html_mb[name] = path.stat().st_size / 1e6
                timed_out: set[str] = set()
                for _ in range(repeats):  # interleaved, so that both see the same machine state
                    for name, path in pages.items():
                        if name in timed_out:  # a page that timed out is not run again
                            continue
                        timing = measure(browser, path, TIMEOUT_S)
                        case.runs.setdefault(name, []).append(timing)
                        print(
                            f"  {size:>6} {name:14} drawn {_fmt(timing.drawn, TIMEOUT_S)} s, "
                            f"settled {_fmt(timing.settled, TIMEOUT_S)} s, "
                            f"pan {_fmt(timing.pan, TIMEOUT_S)} s",
                            flush=True,
                        )
                        if timing.settled is None:
                            timed_out.add(name)
                cases.append(case)
        finally:
            browser.close()
    return cases


def report(cases: list[Case]) -> list[str]:
    """Print the table and the verdicts; return the verdict lines."""
    print()
    print(
        f"{'nodes':>7} {'edges':>7} {'page':14} {'HTML MB':>8} {'write s':>8} "
        f"{'drawn s':>8} {'settled s':>9} {'usable s':>9}"
    )
    for case in cases:
        for name in ("historygraph", "pyvis default"):
            print(
                f"{case.nodes:>7} {case.edges:>7} {name:14} {case.html_mb[name]:>8.2f} "
                f"{case.write_s[name]:>8.2f} {_fmt(case.median(name, 'drawn'), TIMEOUT_S):>8} "
                f"{_fmt(case.median(name, 'settled'), TIMEOUT_S):>9} "
                f"{_fmt(case.median(name, 'usable'), TIMEOUT_S):>9}"
            )
        ours, theirs = (
            case.median("historygraph", "settled"),
            case.median("pyvis default", "settled"),
        )
        if ours:
            ratio = (
                f"{theirs / ours:.1f}x" if theirs else f">{TIMEOUT_S / ours:.0f}x (pyvis timed out)"
            )
            print(f"{'':>7} {'':>7} settled: historygraph is {ratio} faster than pyvis's default")
    by_size = {c.nodes: c for c in cases}
    verdicts: list[str] = []
    two, ten = by_size.get(2_000), by_size.get(10_000)
    if two:
        ours, theirs = two.median("historygraph", "settled"), two.median("pyvis default", "settled")
        verdicts.append(
            f"{_verdict(ours is not None and ours < SETTLED_2K_TARGET_S)}: 2,000 nodes settled in "
            f"{_fmt(ours, TIMEOUT_S)} s (target < {SETTLED_2K_TARGET_S:.0f} s)"
        )
        speedup = None if ours is None else (theirs / ours if theirs else TIMEOUT_S / ours)
        verdicts.append(
            f"{_verdict(speedup is not None and speedup >= SPEEDUP_2K_TARGET)}: 2,000 nodes "
            f"{'≥' if theirs is None and speedup else ''}{speedup or 0:.1f}x faster than pyvis's "
            f"default (target ≥ {SPEEDUP_2K_TARGET:.0f}x)"
        )
    if ten:
        usable = ten.median("historygraph", "usable")
        verdicts.append(
            f"{_verdict(usable is not None and usable < USABLE_10K_TARGET_S)}: 10,000 nodes drawn "
            f"and panned in {_fmt(usable, TIMEOUT_S)} s (target < {USABLE_10K_TARGET_S:.0f} s)"
        )
        size = ten.html_mb["historygraph"]
        verdicts.append(
            f"{_verdict(size < HTML_10K_TARGET_MB)}: 10,000-node HTML is {size:.1f} MB "
            f"(target < {HTML_10K_TARGET_MB:.0f} MB)"
        )
    print()
    for line in verdicts:
        print(line)
    return verdicts


def main() -> None:
    """Run the benchmark, print the table and verdicts, save ``results/view.json``."""
    if not CHROMIUM.exists():
        print(f"skipped: {CHROMIUM} is missing (make chromium installs Debian's package)")
        return
    print(f"view benchmark: {', '.join(f'{s:,}' for s in SIZES)} nodes, {REPEATS} runs each")
    cases = run()
    verdicts = report(cases)
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(
        json.dumps(
            {
                "machine": {"python": sys.version.split()[0], "platform": platform.platform()},
                "cases": [
                    {**asdict(c), "runs": {k: [asdict(t) for t in v] for k, v in c.runs.items()}}
                    for c in cases
                ],
                "verdicts": verdicts,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
