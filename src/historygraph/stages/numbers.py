"""Numbers written in digits or words ("744", "1,500", "twenty-one", "three thousand")."""

from __future__ import annotations

import re

UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGITS = re.compile(r"^\d{1,3}(?:[,\u00a0 ]\d{3})+$|^\d+$")


def parse_number(text: str) -> int | None:
    """The integer a number phrase denotes, or None.

    >>> parse_number("1,500")
    1500
    >>> parse_number("twenty-one")
    21
    >>> parse_number("three hundred and forty")
    340
    >>> parse_number("2.5 million")
    2500000
    >>> parse_number("a hundred")
    100
    >>> parse_number("many") is None
    True
    >>> parse_number("80 and 150") is None  # two ends of a range, not 230
    True
    """
    text = text.strip().lower()
    if not text:
        return None
    text = re.sub(r"^an?\s+(?=hundred|thousand|million|billion)", "one ", text)  # "a hundred"
    if _DIGITS.match(text):
        return int(re.sub(r"\D", "", text))
    m = re.match(r"^(\d+(?:\.\d+)?)\s+(hundred|thousand|million|billion)$", text)
    if m:
        return round(float(m.group(1)) * SCALES[m.group(2)])
    total = current = 0
    previous = ""  # the kind of the word before: "", "digit", "unit", "tens", "scale", "and"
    for word in re.split(r"[\s-]+", text):
        if word == "and" and previous == "scale":
            previous = "and"  # "three hundred and forty" (not "80 and 150", a range)
            continue
        if word in UNITS and previous in {"", "tens", "scale", "and"}:
            current += UNITS[word]
            previous = "unit"
        elif word in TENS and previous in {"", "scale", "and"}:
            current += TENS[word]
            previous = "tens"
        elif word in SCALES and previous != "and":
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total += current
                current = 0
            previous = "scale"
        elif word.isdigit() and previous == "":
            current += int(word)
            previous = "digit"
        else:
            return None  # "80 and 150", "five six": no one number
    return total + current if previous not in {"", "and"} else None


_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_ORDINAL_WORDS = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fifth": "five",
    "eighth": "eight",
    "ninth": "nine",
    "twelfth": "twelve",
}


def ordinal_in_figures(text: str) -> bool:
    """Whether a word is an ordinal written in figures ("366th", "1st"): the number of a
    unit or a body ("the 14th Regiment"), never a count."""
    return _ORDINAL_DIGITS.match(text.lower()) is not None


def parse_ordinal(text: str) -> int | None:
    """The integer an ordinal denotes ("34th", "third", "thirty-fourth"), or None.

    >>> parse_ordinal("34th"), parse_ordinal("third"), parse_ordinal("thirty-fourth")
    (34, 3, 34)
    >>> parse_ordinal("twentieth"), parse_ordinal("hundredth"), parse_ordinal("fourth")
    (20, 100, 4)
    >>> parse_ordinal("third-largest") is None
    True
    """
    text = text.strip().lower()
    m = _ORDINAL_DIGITS.match(text)
    if m:
        return int(m.group(1))
    words = re.split(r"([\s-]+)", text)
    last = words[-1]
    if last in _ORDINAL_WORDS:
        cardinal = _ORDINAL_WORDS[last]
    elif last.endswith("ieth"):
        cardinal = last[:-4] + "y"  # thirtieth -> thirty
    elif last.endswith("th"):
        cardinal = last[:-2]  # fourth -> four, hundredth -> hundred
    else:
        return None
    return parse_number("".join([*words[:-1], cardinal]))
