"""Stage ``times``: dates at the precision the text gives, and durations.

"20 January 1990" becomes ``1990-01-20`` (xsd:date), "February 1994"
``1994-02`` (xsd:gYearMonth), "1990" ``1990`` (xsd:gYear), "44 days" ``P44D``
(xsd:duration). A day and month without a year ("January 20") take the year
of the closest earlier date that has one, or the year after it when that date
is a month and the day falls months before it in its year, and the text was
written later ("back to December 2022 ... On 19 September": 2023), unless the
clause looks back ("had begun on 2 September"). "Sixty-five years ago (today)" is
counted back from the date of writing, which a news dateline gives
("SHARPEVILLE, 21 March 2025 — ..."), and so are "today", "this morning" and
"yesterday" and a weekday ("on Thursday": the latest one on or before the
date of writing; in a clause about the future, "will meet on Monday", the next one
after it); without a dateline
they are left alone. A year taken from context never puts a past event after
the date of writing. The dateline's own date dates no event: it is when the
text was written. Nor does a day that recurs ("every year on 20 January"). A
range ("27 to 29 February 1988") is dated by its first day.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from typing import Any

from historygraph.document import Document, Span, TimeExpression
from historygraph.pipeline import Context, stage
from historygraph.stages.numbers import parse_number, parse_ordinal
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
#: What joins the two ends of a range of days or numbers ("3 to 4 June", "300-500").
RANGE_SEPARATOR = r"(?:–|—|-|to|and)"
_RANGE = rf"(?:\s*{RANGE_SEPARATOR}\s*[0-3]?\d(?:st|nd|rd|th)?)"  # "3 to 4 June": the first day
DATE_PATTERNS = [
    re.compile(rf"^{_D}{_RANGE}?\s+(?:of\s+)?{_M},?\s+{_Y}$"),
    re.compile(rf"^{_M}\s+{_D},?\s+{_Y}$"),
    re.compile(rf"^{_Y}-(?P<month>\d\d)-(?P<day>\d\d)$"),
    re.compile(rf"^{_D}{_RANGE}?\s+(?:of\s+)?{_M}$"),
    re.compile(rf"^{_M}\s+{_D}$"),
    re.compile(rf"^{_M},?\s+(?:of\s+)?{_Y}$"),
    re.compile(rf"^(?:the\s+year\s+)?{_Y}$"),
]
#: Words that place a date within a month or a year: "early July", "the end of April",
#: "the first days of November 2020".
_PART_OF_A_TIME = re.compile(
    r"^(?:(?:early|late|mid)[\s-]+|(?:the\s+)?(?:beginning|start|end|middle"
    r"|(?:first|last)\s+(?:days?|weeks?))\s+of\s+)",
    re.IGNORECASE,
)
#: The first or last day of a year or of a month of a year: "the last day of 1989".
_EDGE_DAY = re.compile(
    r"^(?P<edge>first|last)\s+day\s+of\s+(?:(?P<month>[a-z]+)\.?\s+)?(?P<year>\d{4})$"
)
#: A season of a year: "the spring of 1993", "winter 1941".
_SEASON = re.compile(rf"^(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_Y}$")
#: A day written as an ordinal word before "of" and a month: "first of June".
_ORDINAL_DAY = re.compile(r"^([a-z]+(?:[\s-][a-z]+)?)\s+of\s+[a-z]")
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}
#: "44 days", "two weeks": a number (in figures or words) and a unit.
_AMOUNT = r"(?P<n>[\w-]+(?:\s[\w-]+)?)\s+(?P<unit>day|week|month|year)s?"
DURATION = re.compile(rf"^{_AMOUNT}$")
AGO = re.compile(rf"^{_AMOUNT}\s+ago$")
#: "13 April last year", "August this year": a day or month of a year the date of writing
#: counts from
_RELATIVE_YEAR = re.compile(r"^(.+?)\s+(last|this|next)\s+year$")
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}
_TODAY = re.compile(r"\s*today\b", re.IGNORECASE)
_EXACTLY = re.compile(r"^(?:exactly|precisely)\s+")
#: A month's name or its abbreviation ("June", "Sept", "Oct").
_MONTH = (
    "(?:"
    + "|".join(
        sorted({*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"}, key=len, reverse=True)
    )
    + ")"
)
#: A day and month right after a weekday and a comma: "Wednesday, 14 June", "Friday, June 16"
#: (not "Monday, 5 Armenians were killed").
#: The parts of a day a weekday or a deictic day may name: "Thursday night".
DAY_PARTS = ("morning", "afternoon", "evening", "night")
#: Days in a unit of a count of days: "two days", "a week".
DAYS_IN_UNIT = {"day": 1, "week": 7}
_DATE_AFTER_WEEKDAY = re.compile(
    rf"(?:\s+(?:{'|'.join(DAY_PARTS)}))?"  # "On Thursday night, Feb. 8"
    rf",\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|{_MONTH}\.?\s+\d{{1,2}}\b)"
)
_EXACTLY_BEFORE = re.compile(r"\b(?:exactly|precisely)\s+$", re.IGNORECASE)
#: Words that name a day relative to the date of writing, and how many days back.
DEICTIC_DAYS = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "yesterday": 1,
    "yesterday morning": 1,
    "yesterday afternoon": 1,
    "yesterday evening": 1,
    "last night": 1,  # (in a report written the day after: "filled the park last night")
    "last evening": 1,
}
#: Words that place a deictic day's time within it: "earlier today", "late last night".
_EARLY_OR_LATE = re.compile(r"^(?:earlier|early|later|late)\s+")
#: Weekday names: "on Thursday" in a dated news report is the Thursday before it was written.
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
#: Auxiliaries that put a clause in the future.
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "would"})
#: A dateline: the date of writing, near the start of a paragraph and followed by a dash.
DATELINE_REACH = 80
#: A capital letter of the Latin alphabets ("Ł" of "Łódź" too).
_CAPITAL = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"
#: "SHARPEVILLE, " or "GORIS, Armenia, ": a place, perhaps with its country or region.
_PLACE_PART = rf"{_CAPITAL}[\w.'’ -]*,"
#: (or a full stop after the agency: "Shusha, 8 November 2021 (AZERTAC). ...")
_DASH = r"\s*(?:\([^()\n]{1,40}\)\s*[.—–:-]|\.?\s*[—–:-])"
#: The year right after a day and month the model tagged without it: ", 1903".
#: (or after the range's last day: "June 3-4, 1989")
_YEAR_AFTER = re.compile(r"(?:\s*[-–]\s*(?P<last>\d{1,2}))?,\s*(?P<year>(?:1[5-9]|20)\d\d)\b")
_DATELINE_PLACE = re.compile(rf"^{_PLACE_PART}(?:\s*{_PLACE_PART})?\s*$")
_DATELINE_END = re.compile(_DASH)
#: What follows a dateline's place: perhaps its country, then a date and the dash.
_PLACE_THEN_DAY = (
    rf",(?:\s*{_PLACE_PART})?\s*(?:\d{{1,2}}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{{1,2}},?)"
)
_PLACE_THEN_DATE = rf"{_PLACE_THEN_DAY}\s+\d{{4}}"
#: An agency's name after the date of a line of writing: ", AZERTAC", ", RIA Novosti".
_AGENCY_AFTER_DATE = r"[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3}"
#: (an old newspaper's dateline may give no year: "HOMESTEAD, July 12. -- The ...")
DATELINE_AFTER_PLACE = re.compile(rf"{_PLACE_THEN_DAY}(?:\s+\d{{4}})?{_DASH}")
#: What follows a place that opens a line of its own holding the date of writing and nothing
#: else (but the agency's name: "Lindau, 4 May 2021, LINPRESS"): "Vukovar, 18 November 2021",
#: "Istanbul, Turkey, June 3, 2019", or a newspaper's weekday: "DERRY, Thursday".
DATELINE_LINE_AFTER_PLACE = re.compile(
    rf"(?:{_PLACE_THEN_DATE}(?:,[ \t]*{_AGENCY_AFTER_DATE})?"
    rf"|,\s*(?:{'|'.join(d.capitalize() for d in calendar.day_name)}))"
    r"\.?[ \t]*(?:\n|$)"
)
#: A dateline's byline: "BAKU, February 26, 2024 (State News Agency) —" names who wrote.
DATELINE_BYLINE = re.compile(
    rf"^{_PLACE_PART}[^\n—–]{{0,80}}?\((?P<byline>[^()\n]{{1,40}})\)\s*[.—–:-]"
)
#: ... or a line of its own that ends with it after the date: "Baku, 20 January 2015, AZERTAC".
DATELINE_LINE_BYLINE = re.compile(
    rf"^{_CAPITAL}[\w.'’ -]*{_PLACE_THEN_DATE},[ \t]*(?P<byline>{_AGENCY_AFTER_DATE})[ \t]*$",
    re.MULTILINE,
)
#: The head of a news dateline, up to its dash and the space after it: "MOSCOW, Jan. 21
#: (Wire) — " (an upper-case place, then at most a date, a country and a byline).
DATELINE_HEAD = re.compile(r"[A-Z][A-Z.'’ -]*,[^\n—–]{0,80}?[—–]\s*")
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
    edge = _EDGE_DAY.match(cleaned.lower())
    if edge is not None:  # "the last day of 1989": a day, not the year
        return _edge_day(edge)
    cleaned = _PART_OF_A_TIME.sub("", cleaned)  # "early July", "the end of April 1992"
    season = _SEASON.match(cleaned.lower())
    if season is not None:  # "the spring of 1993": the year
        return ParsedDate(int(season.group("year")), None, None)
    ordinal = _ORDINAL_DAY.match(cleaned.lower())
    if ordinal is not None and 1 <= (parse_ordinal(ordinal.group(1)) or 0) <= 31:
        # "the first of June 1962", "the thirty-first of March"
        cleaned = f"{parse_ordinal(ordinal.group(1))} {cleaned[ordinal.end(1) :].lstrip()}"
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


def _edge_day(m: re.Match[str]) -> ParsedDate | None:
    """The day an ``_EDGE_DAY`` match names (None for a word that is no month)."""
    year, month_text = int(m.group("year")), m.group("month")
    month = MONTHS.get(month_text.rstrip(".")) if month_text else None
    if month_text and month is None:
        return None
    if m.group("edge") == "first":
        return ParsedDate(year, month or 1, 1)
    month = month or 12
    return ParsedDate(year, month, calendar.monthrange(year, month)[1])


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
    return _days_back(anchor, n * DAYS_IN_UNIT[unit])


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


#: A bibliographic reference before its year: "(Human Rights Watch, ", "(de Waal, 2003; Cornell, ".
_CITATION_BEFORE = re.compile(r"\((?:[^()]*;\s*)?[A-Za-z][^();]*,\s*$")


def _in_a_citation(text: str, span: Span) -> bool:
    """Whether a year is that of a work cited in parentheses ("(de Waal, 2003)")."""
    if not re.fullmatch(r"\d{4}[a-z]?", text[span.start : span.end]):
        return False
    after = text[span.end : span.end + 1]
    return after in {")", ";", ","} and bool(
        _CITATION_BEFORE.search(text[max(0, span.start - 120) : span.start])
    )


def _is_temporal(head: object) -> bool:
    dep = head.dep_  # type: ignore[attr-defined]
    if dep == "pobj":
        return head.head.lower_ in TEMPORAL_PREPS  # type: ignore[attr-defined]
    return dep not in {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "csubj", "dative"}


#: A day of the month alone: "the 8th", "the 21st".
_DAY_ALONE = re.compile(r"^(?:the\s+)?([1-9]|[12]\d|3[01])(?:st|nd|rd|th)$")
#: Words of a part of a day a day of the month may be "of": "the night of the 14th".
_PARTS_OF_A_DAY = frozenset({*DAY_PARTS, "day", "dawn"})
#: The full date a phrase "N years ago today" is followed by: ", on 13 May 2005".
_DATE_AFTER_TODAY = re.compile(
    r"(?P<today>\s*today)\s*,?\s*(?:on\s+)?(?P<date>[^,;.()\n]{6,30}?\d{4})\b"
)
_DATE_AFTER_EXACTLY = re.compile(r"\s*,?\s*(?:on\s+)?(?P<date>[^,;.()\n]{6,30}?\d{4})\b")


def _written_years_after(
    text: str, words: str, span: Span, exact: bool
) -> tuple[ParsedDate, Span] | None:
    """The date of writing that "Ten years ago today, on 13 May 2005" tells (the day ten
    years after the date), with the span of the phrase, if the text tells one so."""
    ago = AGO.match(words)
    if ago is None or ago.group("unit") != "year":
        return None
    after = (_DATE_AFTER_EXACTLY if exact else _DATE_AFTER_TODAY).match(text, span.end)
    n = parse_number(ago.group("n"))
    date = parse_date(after.group("date")) if after is not None else None
    if date is None or n is None or n <= 0 or None in (date.year, date.month, date.day):
        return None
    assert after is not None and date.year is not None
    phrase = Span(span.start, after.end("today")) if not exact else span
    return ParsedDate(date.year + n, date.month, date.day), phrase


def _dates_its_clause(root: Any) -> bool:
    """ "On the 8th", "until the 12th", "the night of the 14th": a day of the month that
    dates what is told (not "men of the 29th", a regiment's number)."""
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of":
        return prep.head.lower_ in _PARTS_OF_A_DAY
    return prep.lower_ in TEMPORAL_PREPS


def _weekday_before(ent: Any) -> Any | None:
    """The weekday a date is set beside ("Monday" of "on Monday, 13 September"), if any."""
    if ent.start < 2 or ent.doc[ent.start - 1].text != ",":
        return None
    before = ent.doc[ent.start - 2]
    return before if before.lower_ in WEEKDAYS and before.ent_type_ == "DATE" else None


def _adverbial(head: Any) -> bool:
    """Whether a time phrase dates its clause ("the next day", "on that day"), rather than
    being part of a noun phrase ("the dead of that night")."""
    if head.dep_ == "pobj":
        return head.head.lower_ in {"on", "by", "until", "during", "after", "at"}
    return head.dep_ in {"npadvmod", "advmod", "tmod", "ROOT"}


@stage("times", requires=("sentences",), assigns=("times",))
def find_times(doc: Document, ctx: Context) -> None:
    """Normalise every DATE entity spaCy finds; resolve missing years from context."""
    quotes = doc.quotes
    last_year: int | None = None
    last_anchor: ParsedDate | None = None  # the date that gave ``last_year``
    written: ParsedDate | None = None  # the dateline's date, once seen
    narrative: ParsedDate | None = None  # the last day the narrative dated, for "the next day"
    days_named: dict[tuple[int, int], ParsedDate] = {}  # each day and month, as last dated
    months_named: dict[int, int] = {}  # the year each month was last named with
    anchor_paragraph = -1  # the paragraph of ``last_anchor``
    for paragraph_index, (paragraph, parsed) in enumerate(
        zip(doc.paragraphs, doc.parsed, strict=True)
    ):
        for ent in _time_phrases(parsed):
            start = offset(ent[0])
            span = Span(start, start + len(ent.text))
            quoted = any(q.contains(span) for q in quotes)
            weekday = _weekday_before(ent)
            # "on Monday, 13 September": the date says which Monday and dates what the
            # weekday dates, however the parse hangs it
            temporal = _is_temporal(weekday if weekday is not None else ent.root)
            words = " ".join(ent.text.lower().split())
            # "exactly one year ago": to the day
            exactly = _EXACTLY.match(words)
            words = words[exactly.end() :] if exactly else words
            exact = exactly is not None or bool(
                _EXACTLY_BEFORE.search(doc.text, max(0, span.start - 12), span.start)
            )
            if words in WEEKDAYS and _DATE_AFTER_WEEKDAY.match(doc.text, span.end):
                continue  # "on Wednesday, 14 June": the date after it says which Wednesday
            if written is None and not quoted:
                # "Ten years ago today, on 13 May 2005, ...": the text was written on the day
                # ten years after the date it names
                told = _written_years_after(doc.text, words, span, exact)
                value = lexical(told[0]) if told is not None else None
                if told is not None and value is not None:
                    written = told[0]
                    doc.times.append(
                        TimeExpression(told[1], "date", value[0], value[1], False, quoted, ent.root)  # type: ignore[arg-type]
                    )
                    doc.written = doc.times[-1]
                    continue
            days = _deictic_days(words, written, ent.root) if written is not None else None
            if written is not None and (AGO.match(words) or days is not None):
                today = bool(_TODAY.match(doc.text, span.end)) or exact
                back = (
                    _days_back(written, days)
                    if days is not None
                    else count_back(written, words, today=today)
                )
                value = lexical(back) if back is not None else None
                if value is not None:
                    if back is not None and back.day is not None and not quoted:
                        narrative = back  # "On Wednesday ... The same day ..."
                    doc.times.append(
                        TimeExpression(span, "date", value[0], value[1], True, quoted, ent.root)  # type: ignore[arg-type]
                    )
                continue
            # ("a week earlier troops fired": the model may hang "earlier" on the subject)
            counted = _adverbial(ent.root) or _DAYS_LATER.match(words) is not None
            shift = relative_days(words) if counted else None
            if shift is not None:
                moved = _days_back(narrative, -shift) if narrative is not None else None
                value = lexical(moved) if moved is not None else None
                if value is not None:
                    narrative = moved
                    doc.times.append(
                        TimeExpression(span, "date", value[0], value[1], temporal, quoted, ent.root)  # type: ignore[arg-type]
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
            relative = _RELATIVE_YEAR.match(words) if date is None else None
            if relative is not None and written is not None and written.year is not None:
                part = parse_date(relative.group(1))
                if part is not None and part.year is None and part.month is not None:
                    shifted = written.year + _YEAR_SHIFT[relative.group(2)]
                    date = ParsedDate(shifted, part.month, part.day)
            if date is None and len(ent) > 1 and ent[0].lower_ in WEEKDAYS:
                date = parse_date(ent[1:].text.lstrip(", "))  # "Wednesday 16 June"
            ordinal_day = _DAY_ALONE.match(words) if date is None else None
            if (
                ordinal_day is not None
                and narrative is not None
                and narrative.month is not None
                and _dates_its_clause(ent.root)
            ):
                # "On the 8th, however, the Governor declared ...": a day of the month the
                # narrative has reached
                date = ParsedDate(narrative.year, narrative.month, int(ordinal_day.group(1)))
            if date is None:
                date, span, root = _date_prefix(ent, span)
                if date is not None:
                    temporal = _is_temporal(root)
            if date is None:
                continue
            year_after = _YEAR_AFTER.match(doc.text, span.end)
            if date.year is None and date.day is not None and year_after is not None:
                # "NEW YORK, May 18, 1903.--", "the crackdown of June 3-4, 1989": the model
                # left the year out of the date
                date = ParsedDate(int(year_after.group("year")), date.month, date.day)
                span = Span(span.start, year_after.end())
            else:
                year_after = None
            day = _day_before(ent)
            if day is not None and date.month is not None and date.day is None:
                # "29 September 2023" that the model tagged from "September" on
                date = ParsedDate(date.year, date.month, day)
                span = Span(offset(ent.doc[ent.start - 1]), span.end)
            first = _RANGE_START.search(doc.text, max(0, span.start - 12), span.start)
            before = first.start() if first is not None else span.start
            night = _NIGHT_OF.search(doc.text, max(0, before - 16), before)
            other_day: int | None = None  # the range's other day, named with this one
            if night is not None and date.day is not None:
                # "the night of 19 to 20 January 1990": the night is dated by its morning
                later = _DAY_RANGE.match(ent.text)
                last = int(later.group(1)) if later is not None else None
                if year_after is not None and year_after.group("last"):
                    last = int(year_after.group("last"))  # "the night of Feb. 25-26, 1992"
                if last is not None and last > date.day:
                    other_day = date.day
                    date = ParsedDate(date.year, date.month, last)
                if first is not None:
                    other_day = int(first.group(1))
                    span = Span(first.start(1), span.end)
            elif first is not None and date.day is not None and int(first.group(1)) < date.day:
                # "from 27 to 29 February 1988", tagged from "29" on: the range's first day
                other_day = date.day
                date = ParsedDate(date.year, date.month, int(first.group(1)))
                span = Span(first.start(1), span.end)
            if date.year is None and written is None and _is_dateline(doc, paragraph, span):
                # "MOSCOW, Jan. 21 (Wire) —": a wire dateline leaves out the year, which is
                # the latest the report names, else that of the source's publication date
                year = _latest_year(doc.text) or _published_year(doc)
                if year is None:
                    continue
                written = date = ParsedDate(year, date.month, date.day)
                temporal = False
            elif date.year is None:
                if last_year is None or _modifies_a_noun(ent.root):
                    continue  # "the 20 January tragedy": the day names it, any year's
                if recurring(ent.sent):
                    temporal = False  # "every year on 20 January": a day of the year, no date
                again = (
                    days_named.get((date.month, date.day))
                    if date.day is not None and date.month is not None
                    else None
                )
                if (
                    again is not None
                    and again.year != last_year
                    and anchor_paragraph < paragraph_index
                ):
                    # "on 19 September" again, after a paragraph on 1992: the day named before
                    date = again
                    from_last_year = False
                elif (
                    date.month in months_named
                    and months_named[date.month] != last_year
                    and (
                        is_heading(doc.quote(doc.paragraphs[paragraph_index]))
                        or (last_anchor is not None and last_anchor.month is None)
                    )
                ):
                    # a diary's "4 November" after "the first days of November 2020" and "was
                    # published in 2021"; "On 27 February" after "February 1988" and a
                    # look back to "the end of 1987" (a year alone, no month): the year its
                    # month was named with
                    date = ParsedDate(months_named[date.month], date.month, date.day)
                    from_last_year = False
                else:
                    date = ParsedDate(last_year, date.month, date.day)
                    from_last_year = True
                if (
                    from_last_year
                    and written is not None
                    and last_anchor is not None
                    and not _looks_back(ent.root)
                ):
                    date = _forward(date, last_anchor, written)
                if from_last_year and last_anchor is not None:
                    date = _across_new_year(date, last_anchor, written)
                date = _year_of_weekday(ent, date, doc.text)
                if date.year != last_year:
                    last_year = date.year  # the weekday told the year: later dates follow it
                if written is not None and _after(date, written) and not in_future_clause(ent.root):
                    # "... by 1 January 2024. The Council met on 21 September": a past event
                    # is no later than the date of writing
                    date = _latest_before(date, written)
            else:
                if _in_a_citation(doc.text, span):
                    temporal = False  # "(Human Rights Watch, 1991)": when a source was written
                elif _year_of_a_thing(ent.root):
                    temporal = False  # "In a 1991 report, X estimated ...": no event's date
                elif _anchors_narrative(ent.root):
                    last_year = date.year
                    last_anchor = date
                    anchor_paragraph = paragraph_index
                if written is None and _is_dateline(doc, paragraph, span):
                    written = date  # the date of writing: it dates no event itself
                    temporal = False
            if _DESIGNATED_DAY.match(doc.text, span.end) or _DESIGNATED_DAY_END.search(ent.text):
                temporal = False  # "proclaimed 20 January a day of mourning": the day named
            value = lexical(date)
            if value is None:
                continue
            if date.day is not None and date.month is not None and not quoted:
                days_named[(date.month, date.day)] = date
                if other_day is not None and date.year is not None:
                    # "On 19 January" after "the night of 19 to 20 January 1990": that year's
                    days_named.setdefault(
                        (date.month, other_day), ParsedDate(date.year, date.month, other_day)
                    )
            if date.month is not None and date.year is not None and temporal and not quoted:
                months_named[date.month] = date.year
            if (
                date.day is not None
                and not quoted
                and (temporal or dates_heading(doc, paragraph, span))
            ):
                narrative = date  # (a timeline's dated heading: "19 January 1990")
            doc.times.append(
                TimeExpression(span, "date", value[0], value[1], temporal, quoted, ent.root)  # type: ignore[arg-type]
            )
            if written is not None and doc.written is None and date == written:
                doc.written = doc.times[-1]  # the date of writing, for what the text does now


def _year_of_weekday(ent: Any, date: ParsedDate, text: str) -> ParsedDate:
    """ "On the morning of Wednesday 16 June": when the year taken from context does not
    make the day that weekday, the year the text names nearest to it that does."""
    if date.year is None or date.month is None or date.day is None:
        return date
    words = [t.lower_ for t in ent]
    if ent.start > 0:
        before = ent.doc[ent.start - 1]
        if before.text == "," and ent.start > 1:
            before = ent.doc[ent.start - 2]
        words.append(before.lower_)
    named = [WEEKDAYS[w] for w in words if w in WEEKDAYS]
    if len(named) != 1:
        return date

    def weekday(year: int) -> int | None:
        try:
            return calendar.weekday(year, date.month, date.day)  # type: ignore[arg-type]
        except ValueError:
            return None

    if date.year is None or weekday(date.year) == named[0]:
        return date
    year = date.year
    years = sorted({int(y) for y in _YEAR.findall(text)}, key=lambda y: abs(y - year))
    fit = next((y for y in years if weekday(y) == named[0]), None)
    return ParsedDate(fit, date.month, date.day) if fit is not None else date


#: Days counted from the narrative's last date: "the next day", "the same day", "that night",
#: "two days later", "a week earlier".
_RELATIVE_DAY = re.compile(
    r"^(?:on\s+|by\s+)?(?:the\s+)?(?:(?P<next>next|following)|same|that(?:\s+same)?)\s+"
    r"(?:day|morning|afternoon|evening|night)$"
)
_DAYS_LATER = re.compile(r"^(?P<n>[\w-]+)\s+(?P<unit>day|week)s?\s+(?P<way>later|earlier)$")
#: The relative days the model does not tag ("That night security forces shot ...").
_RELATIVE_TEXT = re.compile(
    r"\b(?:[Tt]hat(?: same)?|[Tt]he same|[Tt]he next|[Tt]he following)\s+"
    r"(?:day|morning|afternoon|evening|night)\b"
    # "Today the Verkhovna Rada adopted ...": the model may miss a deictic day opening a
    # sentence (one that dates a past act: not "Today I think")
    r"|\b(?P<deictic>Today|Yesterday)\b"
)


def relative_days(words: str) -> int | None:
    """How many days after the narrative's last date a phrase points to, if it is relative.

    >>> relative_days("the next day"), relative_days("that night"), relative_days("two days later")
    (1, 0, 2)
    >>> relative_days("a week earlier"), relative_days("two weeks later")
    (-7, 14)
    """
    match = _RELATIVE_DAY.match(words)
    if match is not None:
        return 1 if match.group("next") else 0
    later = _DAYS_LATER.match(words)
    if later is not None:
        n = later.group("n")
        count = 1 if n in {"a", "one"} else parse_number(n)
        if count is None or not 0 < count < 60:
            return None
        days = count * DAYS_IN_UNIT[later.group("unit")]
        return days if later.group("way") == "later" else -days
    return None


#: The months' names, as alternatives of a pattern.
MONTH_WORDS = "|".join(calendar.month_name[1:])
#: A full date the model may tag as something else ("the statement of [9 November 2020]",
#: tagged EVENT): day month year, or month day, year.
_FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+(?:{MONTH_WORDS})\s+\d{{4}}|(?:{MONTH_WORDS})\s+\d{{1,2}},\s+\d{{4}})\b"
)
#: A day and month without a year the model missed ("On the evening of 13 May units of
#: ...", where it took "May" for a verb).
_DAY_MONTH = re.compile(
    rf"\b[0-3]?\d\s+(?:{MONTH_WORDS}|{'|'.join(calendar.month_abbr[1:])}|Sept)\b"
)  # (the short forms too: a live blog's "19 Sep 10:21 BST")


def _time_phrases(parsed: Any) -> list[Any]:
    """The DATE and TIME entities of a paragraph, and the relative days and full dates the
    model missed or tagged as something else."""
    found = [_without_end_punctuation(e) for e in parsed.ents if e.label_ in {"DATE", "TIME"}]
    found = [e for e in found if len(e)]
    for match in _FULL_DATE.finditer(parsed.text):
        span = parsed.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and not any(e.start < span.end and span.start < e.end for e in found):
            found.append(span)
    for match in _DAY_MONTH.finditer(parsed.text):
        span = parsed.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        inside = [e for e in found if span.start <= e.start and e.end <= span.end]
        if len(inside) == 1 and len(inside[0]) < len(span) and inside[0].label_ == "DATE":
            found.remove(inside[0])  # "11 October", tagged from "October" on only
        if not any(e.start < span.end and span.start < e.end for e in found):
            found.append(span)
    for match in _RELATIVE_TEXT.finditer(parsed.text):
        span = parsed.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or (match.group("deictic") and span.root.head.tag_ != "VBD"):
            continue
        if not any(e.start < span.end and span.start < e.end for e in found):
            found.append(span)
    return sorted(found, key=lambda e: e.start)


def _without_end_punctuation(ent: Any) -> Any:
    """A time entity without the punctuation the model took in after it ("AMRITSAR, April
    13, 2019: A century after ...", tagged "April 13, 2019:")."""
    end = ent.end
    while end > ent.start and ent.doc[end - 1].is_punct and ent.doc[end - 1].text != ".":
        end -= 1
    if end == ent.end:
        return ent
    from spacy.tokens import Span as TokenSpan

    return TokenSpan(ent.doc, ent.start, end, label=ent.label_)


#: Words before a month named alone that make it a date ("in April", "last March").
MONTH_ALONE_AFTER = frozenset(
    {"in", "since", "until", "till", "by", "during", "early", "late", "mid", "last", "that"}
)


def _date_prefix(ent: Any, span: Span) -> tuple[ParsedDate | None, Span, Any]:
    """A date the model tagged with a word too many ("9 March thousands"), or a month
    named alone after a preposition ("in April": its year comes from context).

    Returns the date, its span and its root token (None, the span and the entity's
    root if there is none).
    """
    tokens = list(ent)
    for end in range(len(tokens) - 1, 0, -1):
        date = parse_date(" ".join(t.text for t in tokens[:end]))
        if date is not None and (date.month is not None or date.year is not None):
            part = ent.doc[ent.start : ent.start + end]
            return date, Span(span.start, offset(part[-1]) + len(part[-1].text)), part.root
    if (
        len(tokens) == 1
        and tokens[0].lower_ in MONTHS
        and ent.start > 0
        and ent.doc[ent.start - 1].lower_ in MONTH_ALONE_AFTER
    ):
        return ParsedDate(None, MONTHS[tokens[0].lower_], None), span, ent.root
    rest = _PART_OF_A_TIME.sub("", re.sub(r"^the\s+", "", ent.text, flags=re.I)).lower()
    if len(tokens) > 1 and rest != ent.text.lower() and rest in MONTHS:
        return ParsedDate(None, MONTHS[rest], None), span, ent.root  # "early July"
    return None, span, ent.root


#: Words that make a day of the year recur ("every year on 20 January", "annually on").
_RECURRING = re.compile(
    r"\b(?:every|each)\s+(?:year|anniversary|spring|summer|autumn|winter|"
    + "|".join(calendar.month_name[1:])
    + r")\b|\bannually\b|\byearly\b|\byear after year\b",
    re.IGNORECASE,
)


def recurring(sent: object) -> bool:
    """Whether a sentence speaks of something that recurs each year."""
    return bool(_RECURRING.search(sent.text))  # type: ignore[attr-defined]


#: The first day of a range the model cut off: "27 to " before "29 February 1988".
#: A day a declaration names: "proclaimed 20 January a day of mourning", "designated 11 July
#: as the Day of Remembrance" (the model may tag "20 January a day" as one date).
_DESIGNATED_DAY = re.compile(
    r"\s+(?:as\s+)?(?:a|the|an)\s+(?:[A-Za-z]+\s+){0,2}[Dd]ay\b(?!\s+(?:later|after|before|earlier))"
)
_DESIGNATED_DAY_END = re.compile(r"\s(?:a|the|an)\s+(?:[A-Za-z]+\s+){0,2}[Dd]ay$")
#: "the night of 19 to 20 January": a night over two days.
_NIGHT_OF = re.compile(r"\bnight\s+of\s+$", re.I)
#: A range of days that a date expression starts with: "19 to 20 January".
_DAY_RANGE = re.compile(rf"^[0-3]?\d\s*{RANGE_SEPARATOR}\s*([0-3]?\d)\b")
_RANGE_START = re.compile(rf"\b([0-3]?\d)\s*{RANGE_SEPARATOR}\s*$")


def _day_before(ent: object) -> int | None:
    """The day of the month in the token just before a date entity, if it is one (1-31)."""
    start = ent.start  # type: ignore[attr-defined]
    if start == 0:
        return None
    token = ent.doc[start - 1]  # type: ignore[attr-defined]
    if (
        not token.text.isdigit()
        or len(token.text) > 2
        or token.ent_type_ not in {"", "DATE", "CARDINAL"}
    ):
        return None
    day = int(token.text)
    return day if 1 <= day <= 31 else None


_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


def dates_heading(doc: Document, paragraph: Span, span: Span) -> bool:
    """Whether a date is all of a heading paragraph but a few words ("19 January 1990",
    "Night of 19 to 20 January 1990"): a timeline's date for the paragraph after it."""
    text = doc.quote(paragraph)
    rest = doc.text[paragraph.start : span.start] + doc.text[span.end : paragraph.end]
    return (
        paragraph.contains(span)
        and is_heading(text)
        and len(rest.strip()) <= _HEADING_SLACK
        and "," not in rest  # ("Baku, 19 January 2022": when it was written, a dateline)
    )


#: Characters a dated heading may have besides its date ("Night of ").
_HEADING_SLACK = 12


def _published_year(doc: Document) -> int | None:
    """The year of the source's publication date in graph.toml, if given ("1905-01-10")."""
    found = _YEAR.match(doc.meta.get("published", ""))
    return int(found.group(1)) if found else None


def _latest_year(text: str) -> int | None:
    """The latest year a text names, if any (the year of a report that omits it)."""
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


#: Prepositions of a bound of time: "dissolved by 1 January 2024", "blockaded since December
#: 2022" give no year of the narrative.
BOUND_PREPS = frozenset({"by", "until", "till", "since"})


def _anchors_narrative(root: Any) -> bool:
    """Whether a date's year carries over to the dates after it that give none.

    Not the year of a thing ("In a 1991 report, Helsinki Watch ...", "restore the 2004
    constitution") nor of a bound
    ("dissolving its institutions by 1 January 2024. ... On 5 October ...", "Since
    December 2022 ... On 19 September ...", "since the ceasefire of 1994").
    """
    bound = root.dep_ == "pobj" and root.head.lower_ in BOUND_PREPS and not _time_since(root.head)
    named = root.head.head  # "since the ceasefire of 1994": a bound too
    bound = bound or (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and named.dep_ == "pobj"
        and named.head.lower_ in BOUND_PREPS
        and not _time_since(named.head)
    )
    return not bound and not _modifies_a_noun(root)


#: Words of the time that has gone by since a date: "Twenty years have passed since ...".
_ELAPSED_WORDS = frozenset(
    {"pass", "elapse", "year", "years", "decade", "decades", "month", "months"}
)


def _time_since(prep: Any) -> bool:
    """ "Twenty years have passed since the night of 19 to 20 January 1990", "thirty years
    since ...": the date a text counts the years from is the one it tells of, no bound."""
    return prep.lower_ == "since" and (
        prep.head.lemma_ in _ELAPSED_WORDS or prep.head.lower_ in _ELAPSED_WORDS
    )


def _year_of_a_thing(root: Any) -> bool:
    """ "a 1991 report", "an 1888 law": a date that says when a thing was made."""
    return _modifies_a_noun(root) and any(
        c.dep_ == "det" and c.lower_ in {"a", "an"} for c in root.head.children
    )


def _modifies_a_noun(root: Any) -> bool:
    """Whether a date modifies the noun after it ("a 1991 report", "the 20 January tragedy";
    not "of 20 January units of the army", where the model took the subject into the date)."""
    head = root.head
    return (
        root.dep_ in {"nummod", "compound", "amod", "nmod"}
        and head.pos_ == "NOUN"
        and head.i > root.i
        and head.ent_type_ not in {"DATE", "TIME"}
        and any(c.dep_ in {"det", "poss"} and c.i < root.i for c in head.children)
    )


def _is_dateline(doc: Document, paragraph: Span, span: Span) -> bool:
    """ "SHARPEVILLE, 21 March 2025 — ...": a place, the date, then a dash, opening a paragraph.

    A title such as "20 January 1990 – Road to Victory" is no dateline.
    """
    before = doc.text[paragraph.start : span.start]
    # (or an upper-case place and the date, then a full stop: "BAKU, 20 September 2023.")
    stop = (
        before[:1].isupper()
        and before.split(",")[0].isupper()
        and doc.text[span.end : span.end + 1] == "."
    )
    if _publication_line(doc, paragraph, span):
        return True
    return (
        span.start - paragraph.start <= DATELINE_REACH
        and bool(_DATELINE_PLACE.match(before))
        and (bool(_DATELINE_END.match(doc.text, span.end)) or stop)
        and not is_heading(doc.quote(paragraph))
    )


#: What stands before the date on a line of its own that says when and where a text was
#: written: "Istanbul, ", "Posted by Lilit Avagyan, ", "Updated ", "Press release, Baku, ".
#: A weekday's name, as written in a dateline or a record's name.
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PUBLICATION_BEFORE = re.compile(
    r"^(?:(?:Posted|Published|Updated|Last updated|Written|Press release)\b[^\n]{0,60}?"
    rf"|{_CAPITAL}[\w'-]+(?:\s+{_CAPITAL}[\w'-]+){{0,3}})"  # ("Gazeta Łódzka, ")
    rf"(?:,\s*{_WEEKDAY})?"  # "DERRY, Tuesday, 1 February 1972"
    r",?\s*(?:on\s+)?$"
)


def _publication_line(doc: Document, paragraph: Span, span: Span) -> bool:
    """ "Istanbul, 3 June 2019", "Posted by Lilit Avagyan, 22 September 2024": a short line
    near the top that is a date of writing and nothing else.

    The date may end the line's last sentence ("Daily bulletin of the spokesperson. Yerevan,
    5 October 2020, 10:00"), or follow the name of a broadcast or record ("Channel One,
    evening news, 20 January 2020. Transcript of the segment."); a time of day, a remark in
    brackets ("(unofficial translation)") or a short sentence naming the record may follow.
    """
    if paragraph.start >= _PUBLICATION_REACH or paragraph.end - paragraph.start > 120:
        return False
    before = doc.text[paragraph.start : span.start]
    sentence = before.rfind(". ")
    if sentence >= 0:
        before = before[sentence + 2 :]  # the date ends the paragraph's last sentence
    rest = doc.text[span.end : paragraph.end]
    if _PUBLICATION_AFTER.fullmatch(rest) is None:
        return False
    return bool(_PUBLICATION_BEFORE.match(before) or _RECORD_BEFORE.match(before))


#: What may follow the date on a line of writing: a time of day, a remark in brackets, a
#: short sentence naming the record ("Translated transcript.").
_PUBLICATION_AFTER = re.compile(
    r"(?:,?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?"
    rf"(?:,[ \t]*{_AGENCY_AFTER_DATE})?"  # the agency: ", AZERTAC"
    r"\s*(?:\([^()\n]{1,60}\))?"
    r"\s*(?:\.\s*[A-Z][^.\n]{0,40})?\s*\.?\s*"
)
#: A broadcast's or record's name before its date: "Channel One, evening news, ",
#: "Czechoslovak Radio, Prague: morning broadcasts of Wednesday, ".
_RECORD_BEFORE = re.compile(
    r"^[^\n:]{0,60}(?::\s*)?[^\n]{0,30}?\b(?:news|broadcasts?|bulletin|transcript|update)"
    rf"(?:\s+(?:of|on|for))?,?\s*(?:{_WEEKDAY},?\s*)?$",
    re.IGNORECASE,
)


#: How far into a text a line with its date of writing may stand.
_PUBLICATION_REACH = 400


#: A part of a day before or after a weekday: "overnight Friday", "late Saturday", "Sunday
#: morning".
_PART_OF_DAY = re.compile(rf"^(?:overnight|early|late|on)\s+|\s+(?:{'|'.join(DAY_PARTS)})$")


def _deictic_days(words: str, written: ParsedDate | None, root: object) -> int | None:
    """Days before the date of writing that "yesterday" or "(last) Thursday" names, if any.

    A weekday is the latest one on or before the date of writing, unless the
    sentence speaks of the future ("will meet on Monday", "are to be buried on
    Thursday"): then it is the next one after it (a negative number of days back).
    """
    words = _EARLY_OR_LATE.sub("", words)  # "Earlier today", "early this morning"
    if words in DEICTIC_DAYS:
        return DEICTIC_DAYS[words]
    day = WEEKDAYS.get(_PART_OF_DAY.sub("", words.removeprefix("last ")))
    if day is None or written is None or written.year is None:
        return None
    if written.month is None or written.day is None:
        return None
    try:
        today = calendar.weekday(written.year, written.month, written.day)
    except ValueError:
        return None
    if in_future_clause(root):
        return -((day - today) % 7 or 7)
    return (today - day) % 7


def in_future_clause(token: object) -> bool:
    """Whether the clause of ``token`` speaks of the future ("will meet", "shall vote")."""
    node = token
    for _ in range(8):
        if getattr(node, "pos_", "") in {"VERB", "AUX"}:
            break
        head = node.head  # type: ignore[attr-defined]
        if head is node:
            break
        node = head
    if any(c.lower_ in FUTURE_AUXILIARIES for c in node.children):  # type: ignore[attr-defined]
        return True
    # "the victims are to be buried on Thursday": "be to" with the verb
    return (
        getattr(node, "dep_", "") == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)  # type: ignore[attr-defined]
        and node.head.lemma_ == "be"  # type: ignore[attr-defined]
        and node.head.tag_ in {"VBZ", "VBP", "VBD"}  # type: ignore[attr-defined]
    )


def _looks_back(root: Any) -> bool:
    """Whether a date hangs on a verb in the past perfect ("the war had begun on 27
    September"): the story looks back before the date it has reached."""
    verb = root
    while verb.head.i != verb.i and verb.pos_ not in {"VERB", "AUX"}:
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)


def _forward(date: ParsedDate, anchor: ParsedDate, written: ParsedDate) -> ParsedDate:
    """ "... back to December 2022. ... On 19 September": a day and month that fall months
    before a month the text named as its starting point follow it in the next year, when
    that is still no later than the date of writing (a story told forward). After a day
    ("20 January 1990 ... the decree signed on 19 January") the story looks back."""
    if date.year is None or anchor.month is None or date.month is None:
        return date
    if anchor.day is not None or anchor.month - date.month < 2:
        return date  # a day the story has reached, or a month just before: it looks back
    later = ParsedDate(date.year + 1, date.month, date.day)
    return date if _after(later, written) else later


def _across_new_year(
    date: ParsedDate, anchor: ParsedDate, written: ParsedDate | None
) -> ParsedDate:
    """ "On 31 December 1989 ... On the night of 1 January": a day a few weeks after the
    day the story has reached, across the new year, is in the next year (not eleven months
    before it), unless that is after the date of writing."""
    if None in (date.year, date.month, date.day, anchor.year, anchor.month, anchor.day):
        return date
    try:
        reached = datetime.date(anchor.year, anchor.month, anchor.day)  # type: ignore[arg-type]
        same = datetime.date(date.year, date.month, date.day)  # type: ignore[arg-type]
        later = datetime.date(date.year + 1, date.month, date.day)  # type: ignore[arg-type, operator]
    except ValueError:
        return date
    if (reached - same).days < 300 or not 0 < (later - reached).days <= 62:
        return date
    moved = ParsedDate(later.year, later.month, later.day)
    return date if written is not None and _after(moved, written) else moved


def _after(date: ParsedDate, written: ParsedDate) -> bool:
    """Whether a (year-complete) date falls after the date of writing, at the coarser precision."""
    a = (date.year, date.month or 0, date.day or 0)
    b = (written.year, written.month or 13, written.day or 32)
    return a > b  # type: ignore[operator]


def _latest_before(date: ParsedDate, written: ParsedDate) -> ParsedDate:
    """The same day and month in the latest year that is not after the date of writing."""
    assert written.year is not None
    candidate = ParsedDate(written.year, date.month, date.day)
    if _after(candidate, written):
        candidate = ParsedDate(written.year - 1, date.month, date.day)
    return candidate


def _days_back(anchor: ParsedDate, days: int) -> ParsedDate | None:
    """``anchor`` minus ``days`` days, if the anchor gives a day."""
    if anchor.year is None or anchor.month is None or anchor.day is None:
        return None
    try:
        back = datetime.date(anchor.year, anchor.month, anchor.day) - datetime.timedelta(days=days)
    except (ValueError, OverflowError):
        return None
    return ParsedDate(back.year, back.month, back.day)
