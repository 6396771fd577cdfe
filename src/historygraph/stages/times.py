"""Stage ``times``: dates at the precision the text gives, and durations.

"20 January 1990" becomes ``1990-01-20`` (xsd:date), "February 1994"
``1994-02`` (xsd:gYearMonth), "1990" ``1990`` (xsd:gYear), "44 days" ``P44D``
(xsd:duration). A day and month without a year ("January 20") take the year
of the closest earlier date that has one. "Sixty-five years ago (today)" is
counted back from the date of writing, which a news dateline gives
("SHARPEVILLE, 21 March 2025 — ..."), and so are "today", "this morning" and
"yesterday"; without a dateline they are left alone. The dateline's own date
dates no event: it is when the text was written.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from historygraph.document import Document, Span, TimeExpression
from historygraph.pipeline import Context, stage
from historygraph.stages.numbers import parse_number
from historygraph.stages.syntax import is_heading, offset
from historygraph.vocab import XSD

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
#: "44 days", "two weeks": a number (in figures or words) and a unit.
_AMOUNT = r"(?P<n>[\w-]+(?:\s[\w-]+)?)\s+(?P<unit>day|week|month|year)s?"
DURATION = re.compile(rf"^{_AMOUNT}$")
AGO = re.compile(rf"^{_AMOUNT}\s+ago$")
_TODAY = re.compile(r"\s*today\b", re.IGNORECASE)
#: Words that name a day relative to the date of writing, and how many days back.
DEICTIC_DAYS = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "yesterday": 1,
}
#: A dateline: the date of writing, near the start of a paragraph and followed by a dash.
DATELINE_REACH = 80
_DATELINE_PLACE = re.compile(r"^[A-Z][\w.'’ -]*,\s*$")
_DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[—–:-]")
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


def count_back(anchor: ParsedDate, text: str, today: bool = False) -> ParsedDate | None:
    """The date ``text`` ("sixty-five years ago") points to, counted back from ``anchor``.

    Precision: the unit's (a year, a month, a day), or the anchor's own day when
    the text adds "today".

    >>> count_back(ParsedDate(2025, 3, 21), "sixty-five years ago")
    ParsedDate(year=1960, month=None, day=None)
    >>> count_back(ParsedDate(2025, 3, 21), "sixty-five years ago", today=True)
    ParsedDate(year=1960, month=3, day=21)
    >>> count_back(ParsedDate(2025, 3, 2), "three days ago")
    ParsedDate(year=2025, month=2, day=27)
    """
    m = AGO.match(" ".join(text.lower().split()))
    if m is None or anchor.year is None:
        return None
    n = parse_number(m.group("n"))
    if n is None or n <= 0:
        return None
    unit = m.group("unit")
    years_back = n if unit == "year" else n // 12 if unit == "month" else n // 365
    if years_back >= anchor.year:  # "a million years ago": before the calendar dated here
        return None
    if unit == "year":
        if today and anchor.month is not None:
            return ParsedDate(anchor.year - n, anchor.month, anchor.day)
        return ParsedDate(anchor.year - n, None, None)
    if anchor.month is None:
        return None
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 - n
        return ParsedDate(index // 12, index % 12 + 1, anchor.day if today else None)
    if anchor.day is None:
        return None
    return _days_back(anchor, n * (7 if unit == "week" else 1))


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
    written: ParsedDate | None = None  # the dateline's date, once seen
    for paragraph, parsed in zip(doc.paragraphs, doc.parsed, strict=True):
        for ent in parsed.ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            start = offset(ent[0])
            span = Span(start, start + len(ent.text))
            quoted = any(q.contains(span) for q in quotes)
            temporal = _is_temporal(ent.root)
            words = " ".join(ent.text.lower().split())
            if written is not None and (AGO.match(words) or words in DEICTIC_DAYS):
                today = bool(_TODAY.match(doc.text, span.end))
                back = (
                    _days_back(written, DEICTIC_DAYS[words])
                    if words in DEICTIC_DAYS
                    else count_back(written, ent.text, today=today)
                )
                value = lexical(back) if back is not None else None
                if value is not None:
                    doc.times.append(
                        TimeExpression(span, "date", value[0], value[1], True, quoted, ent.root)  # type: ignore[arg-type]
                    )
                continue
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
                if written is None and _is_dateline(doc, paragraph, span):
                    written = date  # the date of writing: it dates no event itself
                    temporal = False
            value = lexical(date)
            if value is None:
                continue
            doc.times.append(
                TimeExpression(span, "date", value[0], value[1], temporal, quoted, ent.root)  # type: ignore[arg-type]
            )


def _is_dateline(doc: Document, paragraph: Span, span: Span) -> bool:
    """ "SHARPEVILLE, 21 March 2025 — ...": a place, the date, then a dash, opening a paragraph.

    A title such as "20 January 1990 – Road to Victory" is no dateline.
    """
    before = doc.text[paragraph.start : span.start]
    return (
        span.start - paragraph.start <= DATELINE_REACH
        and bool(_DATELINE_PLACE.match(before))
        and bool(_DATELINE_END.match(doc.text, span.end))
        and not is_heading(doc.quote(paragraph))
    )


def _days_back(anchor: ParsedDate, days: int) -> ParsedDate | None:
    """``anchor`` minus ``days`` days, if the anchor gives a day."""
    if anchor.year is None or anchor.month is None or anchor.day is None:
        return None
    try:
        back = datetime.date(anchor.year, anchor.month, anchor.day) - datetime.timedelta(days=days)
    except (ValueError, OverflowError):
        return None
    return ParsedDate(back.year, back.month, back.day)
