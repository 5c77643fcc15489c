"""The timeline: every dated event with the sources that state it, its picture and its filters."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...model.documents import Entity, Event
from .. import structured
from ..svg import Mark, timeline_svg
from ..urls import relative
from .dependencies import CITATIONS, EVENTS_FILE, record
from .page import Page
from .site import Site


def event_view(site: Site, page: str, event: Event) -> dict[str, Any]:
    d = site.dossier
    entities = []
    for reference in event.entities:
        slug = d.entity_slug(reference.name)
        if slug:
            entities.append((d.entities[slug], relative(page, f"entities/{slug}/")))
    return {
        "event": event,
        "href": relative(page, f"timeline/#event-{event.key}"),
        "entities": entities,
        "years": list(range(event.date.earliest.year, event.date.latest.year + 1)),
        "citations": [site.citation_view(page, c) for c in d.event_claims.get(event.key, [])],
    }


def timeline_page(site: Site) -> Page:
    path = "timeline/"
    events = site.events_in_order()
    marks = [
        Mark(f"#event-{e.key}", e.title, e.date, site.words.date(e.date), e.label, e.featured) for e in events
    ]
    picture = site._("Timeline of events")
    return Page(
        path=path,
        template="timeline.html",
        quotes=True,
        title=site._("Timeline"),
        description=site.counted(
            "%(num)d dated event, with the sources that state it.",
            "%(num)d dated events, each with the sources that state it.",
            len(events),
        ),
        build=lambda: {
            "events": [event_view(site, path, e) for e in events],
            "axis": Markup(timeline_svg(marks, picture, site.content_language)),
            "filter_entities": _event_entities(site, events),
            "filter_years": sorted(
                {y for e in events for y in range(e.date.earliest.year, e.date.latest.year + 1)}
            ),
        },
        inputs=record({EVENTS_FILE, *CITATIONS}),
        breadcrumbs=[(site._("Timeline"), path)],
        schema=lambda: structured.events(
            [(e, site.absolute(f"{path}#event-{e.key}")) for e in events], picture
        ),
    )


def _event_entities(site: Site, events: list[Event]) -> list[Entity]:
    """The entities the events name, by name: what the timeline can be filtered by."""
    slugs = {site.dossier.entity_slug(r.name) for e in events for r in e.entities}
    return sorted((site.dossier.entities[s] for s in slugs if s), key=lambda e: e.name.casefold())
