"""The value mini-language of figure claims: `"~40 bn"`, `"32..33 bn"`, `">13.5 bn"`, `24871`.

A value is an optional qualifier, a number, an optional range end and an optional scale word. Numbers
are kept as `Decimal` so `5.576 m` stays exactly what the source printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ..diagnostics import quote

SCALES: dict[str, tuple[str, int]] = {
    "k": ("k", 3),
    "thousand": ("k", 3),
    "m": ("m", 6),
    "mn": ("m", 6),
    "million": ("m", 6),
    "bn": ("bn", 9),
    "billion": ("bn", 9),
    "tn": ("tn", 12),
    "trillion": ("tn", 12),
}

_NUMBER = r"[+-]?\d[\d_]*(?:\.\d[\d_]*)?"
_VALUE = re.compile(
    rf"""^\s*(?P<qualifier>~|>=|<=|>|<)?\s*
    (?P<low>{_NUMBER})
    (?:\s*(?:\.\.|–)\s*(?P<high>{_NUMBER}))?
    \s*(?P<scale>[A-Za-z]+)?\s*$""",
    re.VERBOSE,
)


class ValueSyntaxError(ValueError):
    """A value that does not follow the mini-language; the message says why."""


@dataclass(frozen=True)
class Interval:
    """The set of numbers a claim allows; `None` bounds are infinite."""

    low: Decimal | None
    high: Decimal | None
    low_closed: bool = True
    high_closed: bool = True

    def overlaps(self, other: Interval) -> bool:
        low, low_closed = _tighter_low(self, other)
        high, high_closed = _tighter_high(self, other)
        if low is None or high is None:
            return True
        if low < high:
            return True
        return low == high and low_closed and high_closed


def _tighter_low(a: Interval, b: Interval) -> tuple[Decimal | None, bool]:
    if a.low is None:
        return b.low, b.low_closed
    if b.low is None or a.low > b.low:
        return a.low, a.low_closed
    if b.low > a.low:
        return b.low, b.low_closed
    return a.low, a.low_closed and b.low_closed


def _tighter_high(a: Interval, b: Interval) -> tuple[Decimal | None, bool]:
    if a.high is None:
        return b.high, b.high_closed
    if b.high is None or a.high < b.high:
        return a.high, a.high_closed
    if b.high < a.high:
        return b.high, b.high_closed
    return a.high, a.high_closed and b.high_closed


@dataclass(frozen=True)
class Value:
    qualifier: str
    low: Decimal  # as printed, before scaling
    high: Decimal | None  # range end, as printed
    scale: str  # canonical scale word, "" for none
    low_text: str
    high_text: str | None

    @property
    def is_range(self) -> bool:
        return self.high is not None

    @property
    def factor(self) -> Decimal:
        return Decimal(10) ** SCALES[self.scale][1] if self.scale else Decimal(1)

    @property
    def minimum(self) -> Decimal:
        return self.low * self.factor

    @property
    def maximum(self) -> Decimal:
        return (self.high if self.high is not None else self.low) * self.factor

    @cached_property
    def interval(self) -> Interval:
        """Numbers this claim is compatible with (see DESIGN.md, "corroboration and conflicts")."""
        low, high = self.minimum, self.maximum
        if self.qualifier == ">":
            return Interval(low, None, low_closed=False)
        if self.qualifier == ">=":
            return Interval(low, None)
        if self.qualifier == "<":
            return Interval(None, high, high_closed=False)
        if self.qualifier == "<=":
            return Interval(None, high)
        low_half = _half_step(self.low_text) * self.factor
        high_half = _half_step(self.high_text or self.low_text) * self.factor
        if self.qualifier == "~":
            low_margin = max(low_half, abs(low) * Decimal("0.05"))
            high_margin = max(high_half, abs(high) * Decimal("0.05"))
            return Interval(low - low_margin, high + high_margin)
        if self.is_range:
            return Interval(low, high)
        return Interval(low - low_half, high + high_half, high_closed=False)

    def __str__(self) -> str:
        number = _group(self.low_text)
        if self.high_text is not None:
            number += "–" + _group(self.high_text)
        scale = f" {self.scale}" if self.scale else ""
        return f"{self.qualifier}{number}{scale}"


def parse_value(text: str | int | float) -> Value:
    """Parse a claim's value; raises `ValueSyntaxError` with a reader-friendly reason."""
    if isinstance(text, bool):
        raise ValueSyntaxError(f"{quote(text)} is not a number")
    if isinstance(text, int | float):
        text = str(text)
    if not text.strip():
        raise ValueSyntaxError("empty value")
    match = _VALUE.match(text)
    if not match:
        if re.search(r"\d,\d", text):
            raise ValueSyntaxError(f'{quote(text)} is not a value: group digits with "_" or not at all')
        raise ValueSyntaxError(
            f'{quote(text)} is not a value: expected e.g. "200 bn", "~40 bn", "32..33 bn" or ">13.5"'
        )
    scale_word = (match["scale"] or "").lower()
    if scale_word and scale_word not in SCALES:
        raise ValueSyntaxError(f"unknown scale word {quote(match['scale'])} (use k, m, bn or tn)")
    qualifier = match["qualifier"] or ""
    low_text = match["low"].replace("_", "").lstrip("+")
    high_text = match["high"].replace("_", "").lstrip("+") if match["high"] else None
    low = Decimal(low_text)
    high = Decimal(high_text) if high_text is not None else None
    if high is not None:
        if qualifier in (">", "<", ">=", "<="):
            raise ValueSyntaxError(f'{quote(text)}: a range cannot also be "{qualifier}"')
        if high < low:
            raise ValueSyntaxError(f"{quote(text)}: the range ends below where it starts")
    return Value(
        qualifier=qualifier,
        low=low,
        high=high,
        scale=SCALES[scale_word][0] if scale_word else "",
        low_text=low_text,
        high_text=high_text,
    )


def _half_step(number: str) -> Decimal:
    """Half a unit of the last stated digit: `589` → 0.5, `5.576` → 0.0005."""
    decimals = len(number.split(".")[1]) if "." in number else 0
    return Decimal(5) * Decimal(10) ** -(decimals + 1)


def _group(number: str) -> str:
    """Thousands separators for readers: `24871` → `24,871`."""
    sign = "-" if number.startswith("-") else ""
    whole, _, fraction = number.lstrip("-").partition(".")
    if len(whole) > 3:
        whole = f"{int(whole):,}"
    return sign + whole + (f".{fraction}" if fraction else "")


def format_quantity(value: Value, unit: str) -> str:
    """A value with its unit as readers expect it: `CNY 200 bn`, `5.3%`, `2,500 engineers`."""
    text = str(value)
    if not unit:
        return text
    if unit == "%":
        return f"{text}%"
    if re.fullmatch(r"[A-Z]{3}", unit):
        bare = text[len(value.qualifier) :]
        return f"{value.qualifier}{unit} {bare}"
    return f"{text} {unit}"


def number_json(value: Decimal) -> int | float:
    """A Decimal as the plainest JSON number."""
    return int(value) if value == value.to_integral_value() else float(value)
