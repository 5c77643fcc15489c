"""Figures: claims grouped by key, corroboration, conflicts and "also stated as" units."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .annotations import Claim
from .model import Citation, Figure
from .values import Interval, format_quantity


@dataclass
class FigureSummary:
    figure: Figure
    main: list[Citation] = field(default_factory=list)  # claims in the figure's own unit
    also: dict[str, list[Citation]] = field(default_factory=dict)  # other unit → claims
    disagreeing: list[Citation] = field(default_factory=list)  # claims some other claim excludes
    widest_gap: tuple[Citation, Citation] | None = None  # the two claims furthest apart

    @property
    def sources(self) -> int:
        """How many documents state the figure in its own unit."""
        return len({citation.document.path for citation in self.main})

    @property
    def conflict(self) -> bool:
        return self.widest_gap is not None

    def values(self) -> list[str]:
        """Distinct stated values in the figure's unit, in order of first statement."""
        return _distinct(self.main, self.figure.unit)

    def also_values(self, unit: str) -> list[str]:
        return _distinct(self.also[unit], unit)


def claim_of(citation: Citation) -> Claim:
    claim = citation.annotation
    assert isinstance(claim, Claim)
    return claim


def unit_of(citation: Citation, figure: Figure) -> str:
    return claim_of(citation).unit or figure.unit


def _distinct(citations: list[Citation], unit: str) -> list[str]:
    seen: dict[str, None] = {}
    for citation in citations:
        value = claim_of(citation).value
        if value is not None:
            seen.setdefault(format_quantity(value, unit), None)
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
