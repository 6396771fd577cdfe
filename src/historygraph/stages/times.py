"""Stage ``times``: dates at the precision the text gives, and durations.

"20 January 1990" becomes ``1990-01-20`` (xsd:date), "February 1994"
``1994-02`` (xsd:gYearMonth), "1990" ``1990`` (xsd:gYear), "44 days" ``P44D``
(xsd:duration). A day and month without a year ("January 20") take the year
of the closest earlier date that has one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from rdflib.namespace import XSD

from historygraph.document import Document, Span, TimeExpression
from historygraph.pipeline import Context, stage
from historygraph.stages.numbers import parse_number
from historygraph.stages.syntax import offset

MONTHS: dict[str, int] = {}
for _i in range(1, 13):
    MONTHS[calendar.month_name[_i].lower()] = _i
    MONTHS[calendar.month_abbr[_i].lower()] = _i
MONTHS["sept"] = 9

_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>[12]\d{3})"
_RANGE = r"(?:\s*(?:–|—|-|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?)"  # "3 to 4 June": the first day
DATE_PATTERNS = [
    re.compile(rf"^{_D}{_RANGE}?\s+(?:of\s+)?{_M},?\s+{_Y}$"),
    re.compile(rf"^{_M}\s+{_D},?\s+{_Y}$"),
    re.compile(rf"^{_Y}-(?P<month>\d\d)-(?P<day>\d\d)$"),
    re.compile(rf"^{_D}{_RANGE}?\s+(?:of\s+)?{_M}$"),
    re.compile(rf"^{_M}\s+{_D}$"),
    re.compile(rf"^{_M},?\s+(?:of\s+)?{_Y}$"),
    re.compile(rf"^(?:the\s+year\s+)?{_Y}$"),
]
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}
DURATION = re.compile(r"^(?P<n>[\w-]+(?:\s[\w-]+)?)\s+(?P<unit>day|week|month|year)s?$")
#: Prepositions whose object is a temporal modifier.
TEMPORAL_PREPS = frozenset(
    {
        "on",
        "in",
        "at",
        "during",
        "since",
        "until",
        "till",
        "by",
        "before",
        "after",
        "from",
        "of",
        "through",
    }
)
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“"}


@dataclass(frozen=True)
class ParsedDate:
    """A date with the parts the text gave."""

    year: int | None
    month: int | None
    day: int | None


def parse_date(text: str) -> ParsedDate | None:
    """Parse an English date expression, keeping its precision.

    >>> parse_date("January 20, 1990")
    ParsedDate(year=1990, month=1, day=20)
    >>> parse_date("February 1994")
    ParsedDate(year=1994, month=2, day=None)
    >>> parse_date("yesterday") is None
    True
    """
    cleaned = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.")
    cleaned = re.sub(r"^(?:(?:on|in|the|of|between|from)\s+)+", "", cleaned, flags=re.I)
    for pattern in DATE_PATTERNS:
        m = pattern.match(cleaned.lower())
        if m is None:
            continue
        parts = m.groupdict()
        month_text = parts.get("month")
        month = None
        if month_text is not None:
            month = int(month_text) if month_text.isdigit() else MONTHS[month_text.rstrip(".")]
        day = int(parts["day"]) if parts.get("day") else None
        year = int(parts["year"]) if parts.get("year") else None
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None and not 1 <= day <= 31:
            return None
        return ParsedDate(year, month, day)
    return None


def parse_duration(text: str) -> str | None:
    """An ISO 8601 duration for "44 days", "two weeks", "three years".

    >>> parse_duration("44 days")
    'P44D'
    >>> parse_duration("two weeks")
    'P2W'
    """
    m = DURATION.match(" ".join(text.lower().split()))
    if m is None:
        return None
    number = parse_number(m.group("n"))
    if number is None or number <= 0:
        return None
    return f"P{number}{_UNITS[m.group('unit')]}"


def lexical(date: ParsedDate) -> tuple[str, object] | None:
    """The lexical form and XSD datatype of a (year-complete) date."""
    if date.year is None:
        return None
    if date.month is None:
        return f"{date.year:04d}", XSD.gYear
    if date.day is None:
        return f"{date.year:04d}-{date.month:02d}", XSD.gYearMonth
    try:
        calendar.weekday(date.year, date.month, date.day)
    except ValueError:
        return None
    return f"{date.year:04d}-{date.month:02d}-{date.day:02d}", XSD.date


_OPENING_QUOTE = re.compile("[" + re.escape("".join(QUOTE_PAIRS)) + "]")


def quoted_spans(text: str) -> list[Span]:
    """Spans between matching quotation marks (titles, citations).

    >>> quoted_spans('the decision "On the events" of 1994')
    [Span(start=13, end=28)]
    """
    spans = []
    i = 0
    while (found := _OPENING_QUOTE.search(text, i)) is not None:
        i = found.start()
        close = QUOTE_PAIRS[text[i]]
        j = text.find(close, i + 1)
        newline = text.find("\n\n", i + 1)
        if j > i + 1 and (newline < 0 or j < newline):
            spans.append(Span(i, j + 1))
            i = j + 1
        else:
            i += 1
    return spans


def _is_temporal(head: object) -> bool:
    dep = head.dep_  # type: ignore[attr-defined]
    if dep == "pobj":
        return head.head.lower_ in TEMPORAL_PREPS  # type: ignore[attr-defined]
    return dep not in {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "csubj", "dative"}


@stage("times", requires=("sentences",), assigns=("times",))
def find_times(doc: Document, ctx: Context) -> None:
    """Normalise every DATE entity spaCy finds; resolve missing years from context."""
    quotes = doc.quotes
    last_year: int | None = None
    for parsed in doc.parsed:
        for ent in parsed.ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            start = offset(ent[0])
            span = Span(start, start + len(ent.text))
            quoted = any(q.contains(span) for q in quotes)
            temporal = _is_temporal(ent.root)
            duration = parse_duration(ent.text)
            if duration is not None:
                doc.times.append(
                    TimeExpression(
                        span, "duration", duration, XSD.duration, temporal, quoted, ent.root
                    )
                )
                continue
            date = parse_date(ent.text)
            if date is None:
                continue
            if date.year is None:
                if last_year is None:
                    continue
                date = ParsedDate(last_year, date.month, date.day)
            else:
                last_year = date.year
            value = lexical(date)
            if value is None:
                continue
            doc.times.append(
                TimeExpression(span, "date", value[0], value[1], temporal, quoted, ent.root)  # type: ignore[arg-type]
            )
