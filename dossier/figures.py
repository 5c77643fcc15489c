"""Figures: claims grouped by key, corroboration, conflicts and "also stated as" units."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from .annotations import Claim
from .model import Citation, Figure
from .values import format_quantity


@dataclass
class FigureSummary:
    figure: Figure
    main: list[Citation] = field(default_factory=list)  # claims in the figure's own unit
    also: dict[str, list[Citation]] = field(default_factory=dict)  # other unit → claims
    conflicts: list[tuple[Citation, Citation]] = field(default_factory=list)

    @property
    def sources(self) -> int:
        """How many documents state the figure in its own unit."""
        return len({citation.document.path for citation in self.main})

    @property
    def conflict(self) -> bool:
        return bool(self.conflicts)

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
    """Split claims by unit and find pairs of main-unit claims whose intervals do not overlap."""
    summary = FigureSummary(figure)
    for citation in citations:
        unit = unit_of(citation, figure)
        if unit == figure.unit:
            summary.main.append(citation)
        else:
            summary.also.setdefault(unit, []).append(citation)
    for first, second in combinations(summary.main, 2):
        a, b = claim_of(first).value, claim_of(second).value
        if a is not None and b is not None and not a.interval().overlaps(b.interval()):
            summary.conflicts.append((first, second))
    return summary
