"""Charts drawn at build time as SVG: the timeline axis."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from .dates import FuzzyDate

WIDTH, LANE, TOP, MARGIN = 800, 18, 28, 16


@dataclass(frozen=True)
class Mark:
    """One event on the axis: its anchor link, its label and its date."""

    href: str
    label: str
    date: FuzzyDate


def _ordinal(day: dt.date) -> int:
    return day.toordinal()


def timeline_svg(marks: list[Mark], title: str) -> str:
    """A horizontal axis with every event at its date; coarse dates are drawn as spans."""
    if not marks:
        return ""
    first = min(mark.date.earliest for mark in marks)
    last = max(mark.date.latest for mark in marks)
    start = dt.date(first.year, 1, 1)
    end = dt.date(last.year + 1, 1, 1)
    span = max(_ordinal(end) - _ordinal(start), 1)

    def x(day: dt.date) -> float:
        return MARGIN + (WIDTH - 2 * MARGIN) * (_ordinal(day) - _ordinal(start)) / span

    lanes: list[float] = []
    shapes: list[str] = []
    for mark in sorted(marks, key=lambda m: m.date.sort_key()):
        left = x(mark.date.earliest)
        right = max(x(mark.date.latest + dt.timedelta(days=1)), left + 6)
        lane = next((i for i, edge in enumerate(lanes) if edge + 4 <= left), len(lanes))
        if lane == len(lanes):
            lanes.append(right)
        lanes[lane] = right
        y = TOP + lane * LANE
        label = escape(f"{mark.date.display()}: {mark.label}")
        if mark.date.precision >= 5 and not mark.date.is_interval:
            shape = f'<circle cx="{left + 3:.1f}" cy="{y + 6}" r="5"/>'
        else:
            shape = f'<rect x="{left:.1f}" y="{y + 1}" width="{right - left:.1f}" height="10" rx="3"/>'
        shapes.append(f'<a href="{escape(mark.href)}"><title>{label}</title>{shape}</a>')
    height = TOP + max(len(lanes), 1) * LANE + 8
    ticks = []
    years = end.year - start.year
    step = 1 if years <= 12 else 5 if years <= 60 else 10
    for year in range(start.year, end.year + 1, step):
        tx = x(dt.date(year, 1, 1))
        label = f'<text x="{tx + 3:.1f}" y="11">{year}</text>' if year < end.year else ""
        ticks.append(f'<line x1="{tx:.1f}" y1="14" x2="{tx:.1f}" y2="{height - 4}" class="tick"/>{label}')
        if years <= 3 and year < end.year:
            for quarter in (4, 7, 10):
                qx = x(dt.date(year, quarter, 1))
                ticks.append(f'<line x1="{qx:.1f}" y1="18" x2="{qx:.1f}" y2="{height - 4}" class="minor"/>')
    description = escape("; ".join(f"{m.date.display()}: {m.label}" for m in marks))
    return (
        f'<svg class="timeline-axis" viewBox="0 0 {WIDTH} {height}" role="group" '
        f'aria-labelledby="axis-title axis-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="axis-title">{escape(title)}</title><desc id="axis-desc">{description}</desc>'
        f'<g class="ticks">{"".join(ticks)}</g>'
        f'<line x1="{MARGIN}" y1="18" x2="{WIDTH - MARGIN}" y2="18" class="axis"/>'
        f'<g class="marks">{"".join(shapes)}</g></svg>'
    )
