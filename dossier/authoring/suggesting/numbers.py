"""Number phrases in German and English prose, read into the value mini-language.

`rund 40 Milliarden Yuan` → `~40 bn` CNY; `between RMB 32 billion and RMB 33 billion` → `32..33 bn`
CNY; `24.871 F&E-Mitarbeitern` (German) and `24,871 employees` (English) → `24871`; `5,3 Prozent` →
`5.3` %; `sieben Milliarden Parameter` → `7 bn`. Which of `.` and `,` groups thousands follows the
language of the passage; a separator followed by anything but three digits is a decimal point.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ...syntax.values import ValueSyntaxError, parse_value

QUALIFIERS = {
    "~": ("rund", "etwa", "ca.", "circa", "zirka", "ungefähr", "knapp", "fast", "nahezu", "about",
          "around", "approximately", "roughly", "nearly", "almost", "some", "~"),
    ">": ("über", "mehr als", "more than", "over", "above", "über", ">"),
    "<": ("unter", "weniger als", "less than", "under", "below", "<"),
    "<=": ("bis zu", "up to", "höchstens", "at most"),
    ">=": ("mindestens", "at least"),
}  # fmt: skip
SCALES = {
    "bn": ("Milliarden", "Milliarde", "Mrd.", "Mrd", "billion", "billions", "bn", "B"),
    "m": ("Millionen", "Million", "Mio.", "Mio", "million", "millions", "mn", "M"),
    "k": ("Tausend", "thousand", "k"),
}
CURRENCIES = {
    "CNY": ("Yuan", "yuan", "RMB", "CNY", "Renminbi", "¥"),
    "USD": ("US-Dollar", "US-Dollars", "US dollars", "USD", "$", "Dollar", "dollars", "US$"),
    "EUR": ("Euro", "euros", "EUR", "€"),
}
PERCENT = ("Prozent", "percent", "per cent", "%", "Prozentpunkte", "percentage points")
UNIT_WORDS = {"nm": ("Nanometer", "nanometre", "nanometer", "nm")}
WORD_NUMBERS = {
    "ein": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
    "fünfzig": 50, "hundert": 100, "tausend": 1000, "zehntausend": 10_000, "hunderttausend": 100_000,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "thousand": 1000,
}  # fmt: skip
_LARGE_WORDS = {word for word, number in WORD_NUMBERS.items() if number >= 1000}


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_QUALIFIER_WORDS = {word: mark for mark, words in QUALIFIERS.items() for word in words}
_SCALE_WORDS = {word: scale for scale, words in SCALES.items() for word in words}
_CURRENCY_WORDS = {word: code for code, words in CURRENCIES.items() for word in words}
_UNIT_WORDS = {word: unit for unit, words in UNIT_WORDS.items() for word in words}
_DIGITS = r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_NUMBER = rf"(?:{_DIGITS}|(?i:{_alternatives(WORD_NUMBERS)}))"
_CURRENCY = _alternatives(_CURRENCY_WORDS)
_SCALE = _alternatives(_SCALE_WORDS)
_END = r"(?![\w])"


def _amount(p: str) -> str:
    """A number with an optional currency before it and scale word after it; groups named p + ..."""
    return rf"(?:(?P<{p}cur>{_CURRENCY})\s*)?(?P<{p}num>{_NUMBER})(?:\s*(?P<{p}scale>{_SCALE}){_END})?"


# The words before a number that belong to the phrase ("rund", "mehr als", "between"), found by
# looking back from a match: a pattern that began with them could not skip ahead to the number.
_LEAD = re.compile(
    rf"(?<![\w.,])(?:(?P<qual>{_alternatives(_QUALIFIER_WORDS)})\s*)?(?:(?P<between>zwischen|between)\s+)?$"
)
# Not after a letter or digit and a hyphen or slash: the rest of a model number (`A320-200`,
# `RX 7900/7800`), not a figure of its own.
_PHRASE = re.compile(
    r"(?<![\w.,])(?<!\w[-‐‑/])"
    + _amount("a")
    + r"(?:\s*(?:–|-|—|bis|to|and|und)\s*"
    + _amount("b")
    + r")?"
    + rf"(?:[\s‑-]*(?P<unit>{_CURRENCY}|{_alternatives(PERCENT)}|{_alternatives(_UNIT_WORDS)}))?"
    + r"(?![\w$€¥])"
)
_YEAR = re.compile(r"(1[89]|20)\d\d")


@dataclass(frozen=True)
class NumberPhrase:
    start: int
    end: int
    value: str  # in the value mini-language
    unit: str | None


def _starts_automaton():
    """The words a number phrase can begin with (a currency or a number word), found in one pass."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in [*_CURRENCY_WORDS, *WORD_NUMBERS]:
        automaton.add_word(word.lower(), len(word))
    automaton.make_automaton()
    return automaton


_STARTS = _starts_automaton()
_DIGIT_RUN = re.compile(r"\d+")


def _phrases(text: str) -> Iterator[re.Match[str]]:
    """What `_PHRASE.finditer` finds, tried only where a phrase can begin (a digit, a currency, a
    number word) rather than at every character: the same matches, several times faster."""
    starts = {m.start() for m in _DIGIT_RUN.finditer(text)}
    starts.update(end + 1 - length for end, length in _STARTS.iter(text.lower()))
    reached = 0
    for start in sorted(starts):
        if start < reached:
            continue
        match = _PHRASE.match(text, start)
        if match is not None:
            reached = match.end()
            yield match


def find_numbers(text: str, language: str) -> list[NumberPhrase]:
    found = []
    for match in _phrases(text):
        lead = _LEAD.search(text, max(match.start() - 24, 0), match.start())
        phrase = _read(match, lead, language)
        if phrase is not None:
            found.append(phrase)
    return found


def _read(match: re.Match[str], lead: re.Match[str] | None, language: str) -> NumberPhrase | None:
    qualifier_words = lead["qual"] if lead else None
    between = lead["between"] if lead else None
    first = _number(match["anum"], language)
    second = _number(match["bnum"], language) if match["bnum"] else None
    if first is None or (match["bnum"] and second is None):
        return None
    unit_word = match["unit"] or ""
    currency = match["acur"] or match["bcur"] or (unit_word if unit_word in _CURRENCY_WORDS else "")
    unit = _CURRENCY_WORDS.get(currency) or ("%" if unit_word in PERCENT else _UNIT_WORDS.get(unit_word))
    scale_word = match["bscale"] or match["ascale"]
    scale = _SCALE_WORDS.get(scale_word) if scale_word else None
    words = match["anum"].lower() in WORD_NUMBERS
    if words and not (scale or unit or match["anum"].lower() in _LARGE_WORDS):
        return None  # "ein", "two": a figure only with a scale or a unit
    if second is None and not (scale or unit or qualifier_words) and _YEAR.fullmatch(match["anum"]):
        return None  # a year, which the date reader takes
    if second is None and not (scale or unit) and first < 10 and not qualifier_words:
        return None  # a lone digit is a count in passing, not a stated figure
    if match["bnum"] and not (between or re.search(r"[–\-—]|bis|to", match.group(0))):
        return None  # "5 and 6" without "between" lists two numbers
    if second is not None and second < first:
        return None  # `737-800` is a range, `800-737` a model number or a score, not a figure
    qualifier = _QUALIFIER_WORDS.get(" ".join((qualifier_words or "").split()), "")
    value = _format(first)
    if second is not None:
        value += f"..{_format(second)}"
        qualifier = qualifier if qualifier == "~" else ""
    if scale:
        value += f" {scale}"
    start = lead.start() if lead and (qualifier_words or between) else match.start()
    try:
        parse_value(qualifier + value)
    except ValueSyntaxError:
        return None  # what the value language cannot hold is no suggestion
    return NumberPhrase(start, match.end(), qualifier + value, unit)


def _number(text: str, language: str) -> Decimal | None:
    lowered = text.lower()
    if lowered in WORD_NUMBERS:
        return Decimal(WORD_NUMBERS[lowered])
    digits = re.sub(r"[\u202f\u00a0 ]", "", text)
    decimal_mark = "," if language.startswith("de") else "."
    group_mark = "." if decimal_mark == "," else ","
    groups = re.fullmatch(rf"\d{{1,3}}(?:\{group_mark}\d{{3}})+(?:\{decimal_mark}\d+)?", digits)
    if groups:
        digits = digits.replace(group_mark, "")
    elif group_mark in digits and decimal_mark not in digits:
        # "13.5" in German prose or "13,5" in English: a decimal mark in the other convention
        digits = digits.replace(group_mark, decimal_mark)
    try:
        return Decimal(digits.replace(decimal_mark, "."))
    except ArithmeticError:
        return None


def _format(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text
