"""Figures: claims grouped by key, corroboration, conflicts and "also stated as" units."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from ..syntax.annotations import Claim
from ..syntax.values import Interval, Value, format_quantity
from .documents import Citation, Figure


@dataclass
class FigureSummary:
    figure: Figure
    main: list[Citation] = field(default_factory=list)  # claims in the figure's own unit
    also: dict[str, list[Citation]] = field(default_factory=dict)  # other unit → claims
    disagreeing: list[Citation] = field(default_factory=list)  # claims some other claim excludes
    widest_gap: tuple[Citation, Citation] | None = None  # the two claims furthest apart

    @cached_property
    def sources(self) -> int:
        """How many documents state the figure in its own unit (asked of every mark of it in every
        body, so counted once; a summary is complete before anyone asks)."""
        return len({citation.document.path for citation in self.main})

    @property
    def conflict(self) -> bool:
        return self.widest_gap is not None

    def values(self) -> list[str]:
        """Distinct stated values in the figure's unit, in order of first statement."""
        return list(self._values)

    @cached_property
    def _values(self) -> tuple[str, ...]:
        # Kept with the summary (and in the build cache): an edit re-summarizes only its figures.
        return tuple(distinct_values(self.main, self.figure.unit))

    def also_values(self, unit: str) -> list[str]:
        return distinct_values(self.also[unit], unit)


def claim_of(citation: Citation) -> Claim:
    claim = citation.annotation
    assert isinstance(claim, Claim)
    return claim


def unit_of(citation: Citation, figure: Figure) -> str:
    return claim_of(citation).unit or figure.unit


def distinct_values(
    citations: list[Citation], unit: str, written: Callable[[Value, str], str] = format_quantity
) -> list[str]:
    """The distinct values these citations state, as `written` writes them, in order of first statement."""
    seen: dict[str, None] = {}
    for citation in citations:
        value = claim_of(citation).value
        if value is not None:
            seen.setdefault(written(value, unit), None)
    return list(seen)


def summarize(figure: Figure, citations: list[Citation]) -> FigureSummary:
    """Split claims by unit and find the main-unit claims that do not overlap.

    Intervals on a line all overlap exactly when the one ending first overlaps the one starting
    last, so a single pass finds whether a figure has a conflict and which claims take part.
    """
    summary = FigureSummary(figure)
    for citation in citations:
        unit = unit_of(citation, figure)
        if unit == figure.unit:
            summary.main.append(citation)
        else:
            summary.also.setdefault(unit, []).append(citation)
    intervals = [(c, v.interval) for c in summary.main if (v := claim_of(c).value) is not None]
    if len(intervals) < 2:
        return summary
    by_high = sorted(intervals, key=lambda p: _high_key(p[1]))
    by_low = sorted(intervals, key=lambda p: _low_key(p[1]), reverse=True)
    first_end, last_start = by_high[0], by_low[0]
    if first_end[1].overlaps(last_start[1]):
        return summary
    summary.widest_gap = (first_end[0], last_start[0])
    for citation, interval in intervals:
        end = by_high[1] if by_high[0][0] is citation else by_high[0]
        start = by_low[1] if by_low[0][0] is citation else by_low[0]
        if not interval.overlaps(end[1]) or not interval.overlaps(start[1]):
            summary.disagreeing.append(citation)
    return summary


def _high_key(interval: Interval) -> tuple[Decimal | float, bool]:
    """Sorts the interval that ends first first (an open end before a closed one at the same point)."""
    high = interval.high if interval.high is not None else float("inf")
    return (high, interval.high_closed)


def _low_key(interval: Interval) -> tuple[Decimal | float, bool]:
    """Sorts, in reverse, the interval that starts last first."""
    low = interval.low if interval.low is not None else float("-inf")
    return (low, not interval.low_closed)


@dataclass
class Series:
    """Figures of one group in one unit over periods of the same length: what a chart can compare."""

    unit: str
    span: str  # "per year", "over 5 years", ...
    points: list[tuple[FigureSummary, float, float]]  # figure, lowest and highest value stated
    months: int = 12  # the length of each period


def _span(months: int) -> str:
    if months % 12 == 0:
        return "per year" if months == 12 else f"over {months // 12} years"
    return "per quarter" if months == 3 else "per month" if months == 1 else f"over {months} months"


def _bounds(summary: FigureSummary) -> tuple[float, float] | None:
    """The lowest and highest value stated in the figure's unit; None if a claim is only a bound."""
    values = [v for c in summary.main if (v := claim_of(c).value) is not None]
    if not values or any(v.qualifier in {"<", ">", "<=", ">="} for v in values):
        return None
    return float(min(v.minimum for v in values)), float(max(v.maximum for v in values))


def series_of(summaries: list[FigureSummary]) -> list[Series]:
    """Every series of at least two periods among these figures, periods in date order."""
    found: dict[tuple[str, str], Series] = {}
    for summary in sorted(summaries, key=lambda s: s.figure.period.sort_key() if s.figure.period else ()):
        period, bounds = summary.figure.period, _bounds(summary)
        if period is None or bounds is None:
            continue
        first, last = period.earliest, period.latest
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        span = _span(months)
        series = found.setdefault((summary.figure.unit, span), Series(summary.figure.unit, span, [], months))
        series.points.append((summary, *bounds))
    return [s for s in found.values() if len({p[0].figure.period for p in s.points}) >= 2]
