"""Charts drawn at build time as SVG: the timeline axis, figure series and entity neighbourhoods.

Every text that comes from content is escaped; every chart carries a title and a description that
say in words what it shows, and the page around it holds the same facts as text.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from html import escape

from ..syntax.dates import FuzzyDate
from .words import SiteWords

WIDTH, LANE, TOP, MARGIN = 800, 18, 28, 16


def _svg(
    css: str, size: tuple[float, float], ident: str, title: str, description: str, body: str, spoken: str = ""
) -> str:
    """An SVG element named by its title and described in words; the text arrives unescaped.

    Charts whose marks are links have no role, so assistive technology reaches the links; a
    picture-only chart is given role="img".
    """
    role = "" if "<a " in body else ' role="img"'
    return (
        f'<svg class="{css}" viewBox="0 0 {size[0]} {size[1]}"{role} '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc"{spoken}>{escape(description)}</desc>{body}</svg>'
    )


@dataclass(frozen=True)
class Mark:
    """One event on the axis: its anchor link, its label and its date."""

    href: str
    label: str
    date: FuzzyDate
    when: str = ""  # the date as the site writes it (default: in English)
    short: str = ""  # the name drawn beside the mark (default: the label, shortened)
    featured: bool = False

    @property
    def shown(self) -> str:
        return self.when or self.date.display()

    @property
    def name(self) -> str:
        """What the axis writes beside the mark; an uncertain date says so with a "?"."""
        text = self.short or shorten(self.label)
        return text + (" (?)" if self.date.uncertain else "")


SHORT = 32  # characters of a title drawn beside its mark, at most
CHARACTER = 7.2  # px a label character may take at the axis's 11 px font (wide letters included)
GAP = 6


def shorten(text: str, limit: int = SHORT) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + "…"


@dataclass(frozen=True)
class Placed:
    """A mark placed on the axis: its lane, the span of its shape, and where its label goes."""

    mark: Mark
    lane: int
    left: float  # the shape's span
    right: float
    label_x: float  # where the label's text starts
    label_left: float  # the extent the label takes
    label_right: float
    label_lane: int  # the lane of the label: the mark's, or the one below where no side has room

    @property
    def extent(self) -> tuple[float, float]:
        if self.label_lane != self.lane:
            return self.left, self.right
        return min(self.left, self.label_left), max(self.right, self.label_right)


def _ordinal(day: dt.date) -> int:
    return day.toordinal()


def layout(marks: list[Mark]) -> tuple[list[Placed], dt.date, dt.date]:
    """Place every mark at its date and its label beside it (to the right, or to the left near the
    end), each in the first lane where neither overlaps what the lane holds: no two labels or marks
    overlap. Returns the placed marks and the first and last day of the axis."""
    first = min(mark.date.earliest for mark in marks)
    last = max(mark.date.latest for mark in marks)
    start = dt.date(first.year, 1, 1)
    end = dt.date(last.year + 1, 1, 1)
    span = max(_ordinal(end) - _ordinal(start), 1)

    def x(day: dt.date) -> float:
        return MARGIN + (WIDTH - 2 * MARGIN) * (_ordinal(day) - _ordinal(start)) / span

    lanes: list[float] = []
    placed = []
    for mark in sorted(marks, key=lambda m: m.date.sort_key()):
        left = x(mark.date.earliest)
        right = max(x(mark.date.latest + dt.timedelta(days=1)), left + 10)
        width = len(mark.name) * CHARACTER
        if right + GAP + width <= WIDTH - MARGIN / 2:
            label_left = right + 4
        elif left - GAP - width >= MARGIN / 2:  # no room on the right: the label ends where the mark starts
            label_left = left - 4 - width
        else:  # a mark across the whole axis: its label goes in a lane of its own below it
            label_left = min(left, WIDTH - MARGIN / 2 - width)
            lane = len(lanes)
            lanes += [right, label_left + width]
            placed.append(
                Placed(mark, lane, left, right, label_left, label_left, label_left + width, lane + 1)
            )
            continue
        label_right = label_left + width
        low = min(left, label_left)
        lane = next((i for i, edge in enumerate(lanes) if edge + GAP <= low), len(lanes))
        if lane == len(lanes):
            lanes.append(0.0)
        lanes[lane] = max(right, label_right)
        placed.append(Placed(mark, lane, left, right, label_left, label_left, label_right, lane))
    return placed, start, end


def timeline_svg(marks: list[Mark], title: str, language: str | None = None) -> str:
    """A horizontal axis with every event at its date and its name beside it: a day is a point, a
    coarser date its span; approximate dates have soft ends, uncertain ones a "?"."""
    if not marks:
        return ""
    placed, start, end = layout(marks)
    span = max(_ordinal(end) - _ordinal(start), 1)

    def x(day: dt.date) -> float:
        return MARGIN + (WIDTH - 2 * MARGIN) * (_ordinal(day) - _ordinal(start)) / span

    shapes: list[str] = []
    # The events' names, where not in the site's language: SVG marks that with xml:lang.
    spoken = f' xml:lang="{language}"' if language else ""
    lanes = max(max(p.lane, p.label_lane) for p in placed) + 1
    for p in placed:
        mark, y = p.mark, TOP + p.lane * LANE
        classes = ["mark"]
        if mark.featured:
            classes.append("featured")
        if mark.date.approximate:
            classes.append("approximate")
        if mark.date.uncertain:
            classes.append("uncertain")
        if mark.date.precision >= 5 and not mark.date.is_interval:
            shape = f'<circle cx="{p.left + 5:.1f}" cy="{y + 6}" r="5"/>'
        else:
            shape = f'<rect x="{p.left:.1f}" y="{y + 1}" width="{p.right - p.left:.1f}" height="10" rx="3"/>'
        text = f'<text x="{p.label_x:.1f}" y="{TOP + p.label_lane * LANE + 10}">{escape(mark.name)}</text>'
        tip = escape(f"{mark.shown}: {mark.label}")
        shapes.append(
            f'<a href="{escape(mark.href)}" class="{" ".join(classes)}"{spoken}>'
            f"<title>{tip}</title>{shape}{text}</a>"
        )
    height = TOP + lanes * LANE + 8
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
    description = "; ".join(f"{m.shown}: {m.label}" for m in marks)
    body = (
        f'<g class="ticks">{"".join(ticks)}</g>'
        f'<line x1="{MARGIN}" y1="18" x2="{WIDTH - MARGIN}" y2="18" class="axis"/>'
        f'<g class="marks">{"".join(shapes)}</g>'
    )
    return _svg("timeline-axis", (WIDTH, height), "axis", title, description, body, spoken)


@dataclass(frozen=True)
class Bar:
    """One figure of a series: its period, the lowest and highest value stated, and the text."""

    label: str
    low: float
    high: float
    text: str


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × a power of ten that is at least `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def bar_chart(bars: list[Bar], title: str, chart_id: str) -> str:
    """Bars on a shared zero baseline; a range of stated values is drawn as a lighter cap."""
    width, height, top, bottom, left = 560, 200, 24, 34, 8
    ceiling = _nice_ceiling(max(bar.high for bar in bars))
    slot = (width - 2 * left) / len(bars)
    bar_width = min(slot * 0.6, 90)

    def y(value: float) -> float:
        return top + (height - top - bottom) * (1 - value / ceiling)

    shapes = []
    for index, bar in enumerate(bars):
        x = left + slot * index + (slot - bar_width) / 2
        middle = x + bar_width / 2
        shapes.append(
            f'<rect class="bar" x="{x:.1f}" y="{y(bar.low):.1f}" width="{bar_width:.1f}" '
            f'height="{y(0) - y(bar.low):.1f}"/>'
        )
        if bar.high > bar.low:
            shapes.append(
                f'<rect class="bar-range" x="{x:.1f}" y="{y(bar.high):.1f}" width="{bar_width:.1f}" '
                f'height="{y(bar.low) - y(bar.high):.1f}"/>'
            )
        value_y = y(bar.high) - 6
        shapes.append(f'<text class="value" x="{middle:.1f}" y="{value_y:.1f}">{escape(bar.text)}</text>')
        shapes.append(f'<text class="label" x="{middle:.1f}" y="{height - 12}">{escape(bar.label)}</text>')
    description = "; ".join(f"{bar.label}: {bar.text}" for bar in bars)
    axis = f'<line class="axis" x1="{left}" y1="{y(0):.1f}" x2="{width - left}" y2="{y(0):.1f}"/>'
    return _svg("bar-chart", (width, height), chart_id, title, description, axis + "".join(shapes))


@dataclass(frozen=True)
class Neighbour:
    """An entity that appears in the same documents, with how many it shares."""

    name: str
    href: str
    count: int


def neighbourhood_graph(
    name: str, neighbours: list[Neighbour], title: str, words: SiteWords | None = None
) -> str:
    """The entity in the middle, the entities it appears with around it; thicker lines, more shared."""
    if not neighbours:
        return ""
    words = words or SiteWords()
    width, height = 560, 300
    cx, cy, radius = width / 2, height / 2, 112
    most = max(n.count for n in neighbours)
    edges, nodes = [], []
    for index, neighbour in enumerate(neighbours):
        angle = -math.pi / 2 + 2 * math.pi * index / len(neighbours)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        stroke = 1 + 4 * neighbour.count / most
        edges.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke-width="{stroke:.1f}"/>')
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else "start" if math.cos(angle) > 0 else "end"
        tx = x + 10 * math.cos(angle)
        ty = y + 14 * math.sin(angle) + 4
        label = escape(neighbour.name)
        short = escape(neighbour.name if len(neighbour.name) <= 24 else neighbour.name[:23].rstrip() + "…")
        shared = words.ngettext("%(num)d shared document", "%(num)d shared documents", neighbour.count) % {
            "num": neighbour.count
        }
        nodes.append(
            f'<a href="{escape(neighbour.href)}"><title>{label}: {shared}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7"/>'
            f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}">{short}</text></a>'
        )
    listed = "; ".join(f"{n.name} ({n.count})" for n in neighbours)
    description = escape(words.gettext("%(name)s appears with %(list)s") % {"name": name, "list": listed})
    return (
        f'<svg class="graph" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="graph-title graph-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="graph-title">{escape(title)}</title><desc id="graph-desc">{description}</desc>'
        f'<g class="edges">{"".join(edges)}</g>'
        f'<circle class="centre" cx="{cx}" cy="{cy}" r="11"/>'
        f'<text class="centre-label" x="{cx}" y="{cy + 28}" text-anchor="middle">{escape(name)}</text>'
        f'<g class="nodes">{"".join(nodes)}</g></svg>'
    )
