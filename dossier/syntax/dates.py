"""The date grammar: EDTF (ISO 8601-2) with friendlier quarter and half-year spellings.

`2025`, `2025-04`, `2025-04-30`, `2025-Q3`, `2025-H1`, EDTF sub-year codes (`2025-35` is Q3, `2025-22`
summer), each optionally followed by `~` (approximate), `?` (uncertain) or `%` (both), and intervals
`A/B` with `..` for an open end. A date knows its earliest and latest day and its precision, so it can
be shown honestly ("Q3 2025", "c. July 2023") and sorted by earliest day, coarser first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..diagnostics import quote

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip

# Precision ranks: lower is coarser, so it sorts first among dates starting on the same day.
YEAR, HALF, SEASON, QUARTER, MONTH, DAY = range(6)


@dataclass(frozen=True)
class _SubYear:
    label: str  # "Q{n} {year}" style template
    first_month: int
    months: int
    precision: int


def _sub_years() -> dict[int, _SubYear]:
    seasons = [("spring", 3), ("summer", 6), ("autumn", 9), ("winter", 12)]
    codes: dict[int, _SubYear] = {}
    for offset, (name, month) in enumerate(seasons):
        codes[21 + offset] = _SubYear(name + " {year}", month, 3, SEASON)
        codes[25 + offset] = _SubYear(name + " {year}", month, 3, SEASON)
        south_month = (month + 5) % 12 + 1
        codes[29 + offset] = _SubYear(name + " {year} (southern)", south_month, 3, SEASON)
    for quarter in range(1, 5):
        codes[32 + quarter] = _SubYear(f"Q{quarter} {{year}}", 3 * quarter - 2, 3, QUARTER)
    for third in range(1, 4):
        first = 4 * third - 3
        label = f"{MONTHS[first - 1][:3]}–{MONTHS[first + 2][:3]} {{year}}"
        codes[36 + third] = _SubYear(label, first, 4, SEASON)
    for half in range(1, 3):
        codes[39 + half] = _SubYear(f"H{half} {{year}}", 6 * half - 5, 6, HALF)
    return codes


SUB_YEARS = _sub_years()

_POINT = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?:(?P<quarter>Q[1-4])|(?P<half>H[12])|(?P<two>\d{2}))(?:-(?P<day>\d{2}))?)?"
    r"(?P<flag>[~?%])?$",
    re.IGNORECASE,
)


class DateSyntaxError(ValueError):
    """A date that does not follow the grammar; the message says why."""


@dataclass(frozen=True)
class Point:
    """One date at its own precision."""

    earliest: dt.date
    latest: dt.date
    precision: int
    label: str  # "30 April 2025", "Q3 2025" without qualifiers
    approximate: bool = False
    uncertain: bool = False

    def display(self) -> str:
        prefix = "c. " if self.approximate else ""
        suffix = "?" if self.uncertain else ""
        return f"{prefix}{self.label}{suffix}"


@dataclass(frozen=True)
class FuzzyDate:
    """A date or an interval of dates, as written in the content (`text`)."""

    text: str
    start: Point | None
    end: Point | None
    is_interval: bool

    @property
    def earliest(self) -> dt.date:
        point = self.start or self.end
        assert point is not None
        return point.earliest

    @property
    def latest(self) -> dt.date:
        point = self.end or self.start
        assert point is not None
        return point.latest

    @property
    def precision(self) -> int:
        point = self.start or self.end
        assert point is not None
        return point.precision

    @property
    def approximate(self) -> bool:
        return any(p is not None and p.approximate for p in (self.start, self.end))

    @property
    def uncertain(self) -> bool:
        return any(p is not None and p.uncertain for p in (self.start, self.end))

    def sort_key(self) -> tuple[dt.date, int, dt.date]:
        """Earliest day first; at the same day the coarser date first, then the shorter one."""
        return (self.earliest, self.precision, self.latest)

    def display(self) -> str:
        if not self.is_interval:
            assert self.start is not None
            return self.start.display()
        if self.start is None:
            assert self.end is not None
            return f"until {self.end.display()}"
        if self.end is None:
            return f"from {self.start.display()}"
        start, end = self.start.display(), self.end.display()
        separator = "–" if " " not in start + end else " – "
        return f"{start}{separator}{end}"

    def iso(self) -> str:
        """A machine form for `<time datetime>`: the earliest day at its precision."""
        point = self.start or self.end
        assert point is not None
        if point.precision == DAY:
            return point.earliest.isoformat()
        if point.precision == MONTH:
            return f"{point.earliest.year:04d}-{point.earliest.month:02d}"  # strftime drops zeros
        return f"{point.earliest.year:04d}"


def parse_date(value: object) -> FuzzyDate:
    """Parse a date as YAML gave it (text, an int year, or a `datetime.date`)."""
    if isinstance(value, bool) or value is None:
        raise DateSyntaxError(f"{quote(value)} is not a date")
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value).strip()
    if not text:
        raise DateSyntaxError("empty date")
    if "/" in text:
        first, _, second = text.partition("/")
        start = None if first == ".." else _parse_point(first, text)
        end = None if second == ".." else _parse_point(second, text)
        if start is None and end is None:
            raise DateSyntaxError(f"{quote(text)}: an interval needs at least one end")
        if start and end and end.latest < start.earliest:
            raise DateSyntaxError(f"{quote(text)}: the interval ends before it starts")
        return FuzzyDate(text, start, end, is_interval=True)
    return FuzzyDate(text, _parse_point(text, text), None, is_interval=False)


def _parse_point(text: str, whole: str) -> Point:
    match = _POINT.match(text.strip())
    if not match:
        raise DateSyntaxError(
            f"{quote(whole)} is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn,"
            " optionally followed by ~ or ?, or an interval A/B"
        )
    year = int(match["year"])
    if year < 1:
        raise DateSyntaxError(f"{quote(whole)}: there is no year 0")
    flag = match["flag"] or ""
    approximate, uncertain = flag in ("~", "%"), flag in ("?", "%")
    if match["quarter"] or match["half"]:
        if match["day"]:
            raise DateSyntaxError(f"{quote(whole)}: a quarter or half year takes no day")
        code = 32 + int(match["quarter"][1]) if match["quarter"] else 39 + int(match["half"][1])
        return _sub_year_point(year, code, approximate, uncertain)
    if match["two"] is None:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return Point(first, last, YEAR, str(year), approximate, uncertain)
    two = int(match["two"])
    if two > 12 or two == 0:
        if match["day"]:
            raise DateSyntaxError(f"{quote(whole)}: there is no month {two}")
        if two not in SUB_YEARS:
            raise DateSyntaxError(f"{quote(whole)}: {two:02d} is neither a month nor an EDTF code (21-41)")
        return _sub_year_point(year, two, approximate, uncertain)
    month_name = MONTHS[two - 1]
    last_day = calendar.monthrange(year, two)[1]
    if match["day"] is None:
        first, last = dt.date(year, two, 1), dt.date(year, two, last_day)
        return Point(first, last, MONTH, f"{month_name} {year}", approximate, uncertain)
    day = int(match["day"])
    if not 1 <= day <= last_day:
        raise DateSyntaxError(f"{quote(whole)}: {month_name} {year} has no day {day}")
    day_date = dt.date(year, two, day)
    return Point(day_date, day_date, DAY, f"{day} {month_name} {year}", approximate, uncertain)


def _sub_year_point(year: int, code: int, approximate: bool, uncertain: bool) -> Point:
    sub = SUB_YEARS[code]
    first = dt.date(year, sub.first_month, 1)
    end_month_index = sub.first_month + sub.months - 2  # zero-based month of the last month
    end_year, end_month = year + end_month_index // 12, end_month_index % 12 + 1
    last = dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return Point(first, last, sub.precision, sub.label.format(year=year), approximate, uncertain)
