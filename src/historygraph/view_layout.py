"""Where the view puts nodes: dates as day numbers, label sizes, and the layouts computed in Python.

:func:`timeline_positions` lays events out left to right by date (actors above,
places below); :func:`force_positions` precomputes a force-directed layout for
graphs too large for the browser's physics. Both estimate label sizes from
:func:`wrap_label`, so that labels do not overlap. Used by :mod:`historygraph.view`.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Any, NamedTuple

import networkx as nx

_DATE_RE = re.compile(r"(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?")
#: Labels are wrapped (in Python, at spaces) to lines of at most this many characters.
LABEL_CHARS = 24
#: The same for event labels in the timeline layout (narrower columns).
TIMELINE_LABEL_CHARS = 17
#: Width of an average character of a 14 px label, in pixels (for layout estimates).
_CHAR_WIDTH = 7.2
_LINE_HEIGHT = 17
NO_DATE = "no date given"


class DateSpan(NamedTuple):
    """The days an event's dates cover, as day numbers (see :func:`day_number`)."""

    start: int
    end: int


# ---------------------------------------------------------------- dates


def day_number(year: int, month: int, day: int) -> int:
    """Return the proleptic Gregorian day number of a date (1970-01-01 is 0).

    Works for any year, including year 0 and negative (BCE) years.

    >>> day_number(1970, 1, 1), day_number(1970, 1, 2), day_number(1969, 12, 31)
    (0, 1, -1)
    """
    # Howard Hinnant's days_from_civil.
    year -= month <= 2
    era = (year if year >= 0 else year - 399) // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _days_in_month(year: int, month: int) -> int:
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return day_number(*following, 1) - day_number(year, month, 1)


def date_span(text: str) -> DateSpan | None:
    """Return the days an ``xsd:date``, ``gYearMonth`` or ``gYear`` text covers.

    >>> date_span("1990-01-20") == DateSpan(day_number(1990, 1, 20), day_number(1990, 1, 20))
    True
    >>> span = date_span("1994-02")
    >>> span.end - span.start + 1
    28
    >>> date_span("soon") is None
    True
    """
    match = _DATE_RE.match(text.strip())
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return None
    if month is None:
        return DateSpan(day_number(year, 1, 1), day_number(year, 12, 31))
    last = _days_in_month(year, month)
    if day is None:
        return DateSpan(day_number(year, month, 1), day_number(year, month, last))
    if not 1 <= day <= last:
        return None
    return DateSpan(day_number(year, month, day), day_number(year, month, day))


def _iso_day(number: int) -> str:
    """Return the ISO text (``YYYY-MM-DD``) of a day number."""
    # Howard Hinnant's civil_from_days.
    z = number + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (month <= 2)
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


def _visible_label(attrs: Mapping[str, Any]) -> str:
    """Return the drawn label: an event's label gets its date (or "no date given"); a
    label another source's node shares, the title of the one source telling it."""
    label = str(attrs["label"])
    if attrs["is_event"] and not (attrs["date"] and attrs["date"] in label):
        label = f"{label}\n{attrs['date'] or NO_DATE}"
    note = attrs.get("source_note")
    return f"{label}\n({note})" if note else label


def _drawn_label(attrs: Mapping[str, Any], event_chars: int | None = None) -> str:
    """The label as drawn: with an event's date, wrapped (events at ``event_chars``)."""
    chars = event_chars if event_chars is not None and attrs.get("is_event") else LABEL_CHARS
    return wrap_label(_visible_label(attrs), chars)


# ---------------------------------------------------------------- layouts computed in Python


def wrap_label(text: str, chars: int = LABEL_CHARS) -> str:
    """Break a label at spaces into lines of at most ``chars`` characters.

    Existing line breaks are kept; a word longer than ``chars`` gets a line of
    its own. Wrapping here, not in the page, spares vis-network measuring every
    word of every label (quadratic per label, seconds on large graphs).

    >>> wrap_label("Massacre by Soviet army in Baku", 12)
    'Massacre by\\nSoviet army\\nin Baku'
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if line and len(line) + 1 + len(word) > chars:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return "\n".join(lines)


def _label_lines(label: str) -> int:
    return label.count("\n") + 1


def _label_width(label: str) -> float:
    return max(len(line) for line in label.split("\n")) * _CHAR_WIDTH + 24


def _pack_rows(items: Sequence[tuple[str, float, float]], gap: float) -> dict[str, int]:
    """Assign each ``(id, x, width)`` the lowest row where it overlaps nothing (greedy)."""
    rows: list[float] = []  # the right edge of the last item in each row
    placed: dict[str, int] = {}
    for node, x, width in sorted(items, key=lambda it: (it[1], it[0])):
        left = x - width / 2
        row = next((i for i, right in enumerate(rows) if right + gap <= left), len(rows))
        if row == len(rows):
            rows.append(0.0)
        rows[row] = x + width / 2
        placed[node] = row
    return placed


def timeline_positions(projection: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Place events left to right by date, actors above them and places below.

    Each distinct start day is a column (in date order, evenly spaced); events of
    the same day stack in their column, undated events get a last column (event
    labels wrap at :data:`TIMELINE_LABEL_CHARS` there). An
    agent or place sits at the mean column of the events it is linked to (or of
    its placed neighbours) and rows are packed so that no two labels overlap.

    Returns:
        ``{node: (x, y)}`` in whole pixels (vis-network reports positions rounded).
    """
    labels = {n: _drawn_label(a, TIMELINE_LABEL_CHARS) for n, a in projection.nodes(data=True)}
    events = [n for n, a in projection.nodes(data=True) if a["is_event"]]
    starts = sorted(
        {a["date_span"].start for a in map(projection.nodes.get, events) if a["date_span"]}
    )
    column_of_day = {day: i for i, day in enumerate(starts)}
    column_width = TIMELINE_LABEL_CHARS * _CHAR_WIDTH + 36
    positions: dict[str, tuple[float, float]] = {}
    stacks: dict[int, list[str]] = defaultdict(list)
    for node in events:
        span = projection.nodes[node]["date_span"]
        stacks[column_of_day[span.start] if span else len(starts)].append(node)
    half_height = 0.0
    for column, members in stacks.items():
        heights = [30 + _label_lines(labels[n]) * _LINE_HEIGHT + 14 for n in members]
        total = sum(heights)
        half_height = max(half_height, total / 2)
        y = -total / 2
        for node, height in zip(members, heights, strict=True):
            positions[node] = (column * column_width, y + height / 2)
            y += height
    simple = nx.Graph(projection)
    others = [n for n in projection.nodes if n not in positions]
    # x of a non-event: mean x of its placed neighbours, repeated outwards from the events.
    pending = set(others)
    xs: dict[str, float] = {}
    while pending:
        progress = {}
        for node in sorted(pending):
            known = [
                positions[m][0] if m in positions else xs[m]
                for m in simple[node]
                if m in positions or m in xs
            ]
            if known:
                progress[node] = sum(known) / len(known)
        if not progress:  # linked to no event, even indirectly: over the first column
            xs.update(dict.fromkeys(pending, 0.0))
            break
        xs.update(progress)
        pending -= set(progress)
    bands: dict[str, list[tuple[str, float, float]]] = {"up": [], "down": []}
    for node in others:
        band = "down" if projection.nodes[node]["kind"] == "place" else "up"
        bands[band].append((node, xs[node], _label_width(labels[node])))
    row_height = 30 + 2 * _LINE_HEIGHT
    for band, items in bands.items():
        rows = _pack_rows(items, gap=12)
        sign = -1 if band == "up" else 1
        for node, x, _ in items:
            positions[node] = (x, sign * (half_height + 70 + rows[node] * row_height))
    return {n: (round(x), round(y)) for n, (x, y) in positions.items()}


def _golden_spiral(index: int, spacing: float) -> tuple[float, float]:
    """The ``index``-th point (from 1) of a sunflower spiral with even density."""
    radius = spacing * math.sqrt(index)
    angle = index * math.pi * (3 - math.sqrt(5))
    return radius * math.cos(angle), radius * math.sin(angle)


def spring_layout(
    count: int,
    edges: Sequence[tuple[int, int]],
    *,
    seed: int = 7,
    iterations: int = 60,
) -> list[tuple[float, float]]:
    """Fruchterman-Reingold positions of nodes ``0 … count-1`` in about the unit square.

    The algorithm of networkx's ``spring_layout`` (repulsion ``k²/d``, attraction
    ``d²/k`` along edges, a cooling step), computed with numpy in blocks so
    that it needs neither scipy nor ``count²`` memory, plus a weak pull to the
    centre that keeps components together. Repeated edges pull harder. Exact
    repulsion: ``count²`` work per iteration, so keep ``count`` to a few thousand.

    >>> spring_layout(2, [(0, 1)]) == spring_layout(2, [(0, 1)])
    True
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    x, y = rng.random(count), rng.random(count)
    if count < 2:
        return [(0.5, 0.5)] * count
    sources = np.array([e[0] for e in edges], dtype=np.intp)
    targets = np.array([e[1] for e in edges], dtype=np.intp)
    k = 1 / math.sqrt(count)
    gravity = 0.5 * k * math.sqrt(count)
    step = 0.1
    cooling = step / (iterations + 1)
    block = max(1, 2_000_000 // count)
    for _ in range(iterations):
        fx, fy = np.empty(count), np.empty(count)
        for lo in range(0, count, block):
            dx = x[lo : lo + block, None] - x[None, :]
            dy = y[lo : lo + block, None] - y[None, :]
            push = dx * dx
            push += dy * dy
            np.maximum(push, 1e-4, out=push)
            np.divide(k * k, push, out=push)
            fx[lo : lo + block] = (dx * push).sum(axis=1)
            fy[lo : lo + block] = (dy * push).sum(axis=1)
        if len(sources):
            ex, ey = x[sources] - x[targets], y[sources] - y[targets]
            pull = np.sqrt(ex * ex + ey * ey).clip(min=0.01) / k
            ex, ey = ex * pull, ey * pull
            fx -= np.bincount(sources, ex, count) - np.bincount(targets, ex, count)
            fy -= np.bincount(sources, ey, count) - np.bincount(targets, ey, count)
        fx -= (x - 0.5) * gravity
        fy -= (y - 0.5) * gravity
        length = np.sqrt(fx * fx + fy * fy).clip(min=0.01)
        x += fx * (step / length)
        y += fy * (step / length)
        step -= cooling
    return [(float(a), float(b)) for a, b in zip(x, y, strict=True)]


#: The force layout places up to this many nodes by :func:`spring_layout` (the hubs).
FORCE_HUBS = 1000


def force_positions(
    projection: nx.MultiDiGraph,
    *,
    seed: int = 7,
    hubs: int = FORCE_HUBS,
    spacing: float = 90.0,
) -> dict[str, tuple[int, int]]:
    """Lay out a graph in Python, so that the page runs no physics.

    Graphs of up to ``hubs`` nodes (not counting components of one to three
    nodes) get a :func:`spring_layout` of all their nodes. Larger ones get it
    for their ``hubs`` best-connected nodes (and the best-connected node of
    every other component of four or more), over a graph that links two hubs
    when they are linked or share a neighbour; every other node then sits near
    the mean position of its already placed neighbours, on a sunflower spiral
    around that point so that none coincide. Components of fewer than four
    nodes are packed in rows below.

    Args:
        projection: The graph to lay out.
        seed: Seed of the spring layout.
        hubs: How many nodes the spring layout places.
        spacing: About the distance between neighbouring nodes, in pixels.

    Returns:
        ``{node: (x, y)}`` in whole pixels (vis-network reports positions rounded).
    """
    simple = nx.Graph(projection)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    degree = dict(simple.degree())
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    big = [c for c in components if len(c) >= 4]
    small = [c for c in components if len(c) < 4]
    in_big = [n for c in big for n in c]
    ranked = sorted(in_big, key=lambda n: (-degree[n], n))
    hub_set = set(ranked[:hubs])
    hub_set.update(min(c, key=lambda n: (-degree[n], n)) for c in big)
    hub_list = sorted(hub_set)
    index = {n: i for i, n in enumerate(hub_list)}
    links: list[tuple[int, int]] = []
    for node in sorted(simple):
        near = sorted(m for m in simple[node] if m in hub_set)
        if node in hub_set:
            links.extend((index[node], index[m]) for m in near if node < m)
        elif len(near) > 1:  # two hubs sharing a neighbour that is not a hub
            links.extend((index[a], index[b]) for a, b in combinations(near[:6], 2))
    side = spacing * math.sqrt(max(len(in_big), 1))
    positions: dict[str, tuple[float, float]] = {}
    for node, (x, y) in zip(hub_list, spring_layout(len(hub_list), links, seed=seed), strict=True):
        positions[node] = ((x - 0.5) * side, (y - 0.5) * side)
    if len(hub_set) < len(in_big):
        placed_around: Counter[tuple[int, int]] = Counter()
        distance = nx.multi_source_dijkstra_path_length(simple, hub_set)
        rest = sorted(
            (n for n in in_big if n not in hub_set), key=lambda n: (distance[n], -degree[n], n)
        )
        for node in rest:
            near = [positions[m] for m in simple[node] if m in positions]
            cx = sum(p[0] for p in near) / len(near)
            cy = sum(p[1] for p in near) / len(near)
            cell = (round(cx / spacing), round(cy / spacing))
            placed_around[cell] += 1
            dx, dy = _golden_spiral(placed_around[cell], spacing * 0.6)
            positions[node] = (cx + dx, cy + dy)
    if small:
        bottom = max((p[1] for p in positions.values()), default=0.0) + 2 * spacing
        left = min((p[0] for p in positions.values()), default=0.0)
        per_row = max(1, math.ceil(math.sqrt(len(small))))
        for number, comp in enumerate(small):
            cx = left + (number % per_row) * spacing * 3.5
            cy = bottom + (number // per_row) * spacing * 1.5
            for offset, node in enumerate(comp):
                positions[node] = (cx + offset * spacing, cy + (offset % 2) * spacing * 0.4)
    return {n: (round(x), round(y)) for n, (x, y) in positions.items()}
