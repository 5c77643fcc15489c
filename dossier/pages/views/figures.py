"""The figures page: every figure with the passages that state it, grouped, with a chart per series."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...model.figures import FigureSummary, claim_of, series_of
from .. import structured
from ..svg import Bar, bar_chart
from ..urls import relative
from .dependencies import CITATIONS, FIGURES_FILE, record
from .page import Page
from .site import Site


def figure_view(site: Site, page: str, summary: FigureSummary) -> dict[str, Any]:
    d = site.dossier
    figure = summary.figure
    entity = None
    if figure.entity is not None:
        slug = d.entity_slug(figure.entity.name)
        if slug:
            entity = (d.entities[slug], relative(page, f"entities/{slug}/"))
    conflicting = {id(c) for c in summary.disagreeing}
    values = [v for c in summary.main if (v := claim_of(c).value) is not None]
    status = "conflict" if summary.conflict else "corroborated" if summary.sources > 1 else "single"
    return {
        "figure": figure,
        "summary": summary,
        "status": status,
        "sort_value": str(min(v.minimum for v in values)) if values else "",
        "href": relative(page, f"figures/#figure-{figure.key}"),
        "stated": site.words.stated(summary),
        "entity": entity,
        "claims": [{**site.citation_view(page, c), "conflict": id(c) in conflicting} for c in summary.main],
        "also": [
            (unit, site.words.also_stated(summary, unit), [site.citation_view(page, c) for c in claims])
            for unit, claims in summary.also.items()
        ],
    }


def figures_page(site: Site) -> Page:
    path = "figures/"
    conflicts = sum(1 for s in site.summaries.values() if s.conflict)
    description = site.counted(
        "%(num)d figure, linked to every passage that states it.",
        "%(num)d figures, each linked to every passage that states it.",
        len(site.summaries),
    )
    return Page(
        path=path,
        template="figures.html",
        quotes=True,
        title=site._("Figures"),
        description=description,
        build=lambda: {
            "groups": [
                {
                    "label": label,
                    "figures": [figure_view(site, path, s) for s in summaries],
                    "charts": _series_charts(site, label, summaries),
                }
                for label, summaries in _figure_groups(site)
            ],
            "conflicts": conflicts,
        },
        inputs=record({FIGURES_FILE, *CITATIONS}),
        breadcrumbs=[(site._("Figures"), path)],
        schema=lambda: structured.dataset(
            site._("Figures: %(title)s") % {"title": site.dossier.config.title},
            description,
            site.absolute(path),
            [
                ("application/json", site.absolute("data/figures.json")),
                ("text/csv", site.absolute("data/figures.csv")),
            ],
        ),
    )


def _figure_groups(site: Site) -> list[tuple[str, list[FigureSummary]]]:
    groups: dict[str, list[FigureSummary]] = {}
    for summary in site.summaries.values():
        groups.setdefault(summary.figure.group or site._("Other figures"), []).append(summary)
    return list(groups.items())


def _series_charts(site: Site, group: str, summaries: list[FigureSummary]) -> list[dict[str, Any]]:
    """A bar chart for each series in a group of figures (e.g. spending by year)."""
    charts = []
    for series in series_of(summaries):
        title = f"{group}, {series.unit} {site.words.span(series.months)}"
        bars = [
            Bar(
                site.words.date(s.figure.period) if s.figure.period else "",
                low,
                high,
                " / ".join(site.words.stated(s)),
            )
            for s, low, high in series.points
        ]
        chart_id = f"chart-{series.points[0][0].figure.key}-{len(charts)}"
        charts.append({"title": title, "svg": Markup(bar_chart(bars, title, chart_id))})
    return charts
