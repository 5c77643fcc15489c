"""An entity's page: every mention in context, its figures and events, the entities it appears with."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...model.documents import Article, Entity
from .. import structured
from ..svg import Mark, Neighbour, neighbourhood_graph, timeline_svg
from ..urls import relative
from .articles import article_card
from .dependencies import mentions_of, meta, record
from .figures import figure_view
from .page import TYPE_LABELS, TYPE_NAMES, Page, Quoted
from .site import Site
from .timeline import event_view

GRAPH_NEIGHBOURS = 10  # entities drawn around one entity; the list below the graph has them all


def entity_page(site: Site, entity: Entity) -> Page:
    path = f"entities/{entity.slug}/"
    d = site.dossier
    inputs = {entity.path} | site.inputs.body(entity.body)
    for citation in d.mentions.get(entity.slug, []):
        source = citation.document.path
        inputs.add(mentions_of(source, citation.annotation.target))
        inputs.add(meta(source))
    inputs |= {site.inputs.entity_meta(slug) for slug, _ in d.related(entity.slug)}
    inputs |= {meta(a.path) for a in site.sourced_by[entity.slug]}
    for key in site.entity_figures[entity.slug]:
        inputs |= site.inputs.figure(key)
    for key in site.entity_events[entity.slug]:
        inputs |= site.inputs.event(key)
    return Page(
        path=path,
        template="entity.html",
        quotes=True,
        title=entity.name,
        description=entity.summary or site._("%(name)s in this dossier.") % {"name": entity.name},
        build=lambda: _context(site, path, entity),
        inputs=record(inputs),
        breadcrumbs=[(site._("Entities"), "entities/"), (entity.name, path)],
        schema=lambda: structured.entity(entity, site.absolute(path)),
        kind="profile" if entity.type == "person" else "website",
    )


def _context(site: Site, path: str, entity: Entity) -> dict[str, Any]:
    d = site.dossier
    citations = d.mentions.get(entity.slug, [])
    by_document: dict[str, dict[str, Any]] = {}
    for citation in citations:
        document = citation.document
        group = by_document.setdefault(
            document.path,
            {
                "title": document.title if isinstance(document, Article) else document.name,
                "href": relative(path, citation.page),
                "language": document.language if isinstance(document, Article) else "",
                "mentions": [],
            },
        )
        group["mentions"].append(Quoted(site.citation_link(path, citation), site.passage(citation)))
    sourced = site.sourced_by[entity.slug]
    related = [
        {"entity": d.entities[slug], "count": n, "href": relative(path, f"entities/{slug}/")}
        for slug, n in d.related(entity.slug)
    ]
    return {
        "entity": entity,
        "body": site.html(path, entity.body.html),
        "type_label": site._(TYPE_LABELS[entity.type]),
        "type_name": site._(TYPE_NAMES[entity.type]),
        "mention_groups": list(by_document.values()),
        "mention_count": len(citations),
        "figures": [figure_view(site, path, site.summaries[k]) for k in site.entity_figures[entity.slug]],
        "events": [event_view(site, path, d.events[k]) for k in site.entity_events[entity.slug]],
        "axis": _axis(site, path, entity),
        "related": related,
        "graph": Markup(
            neighbourhood_graph(
                entity.name,
                [Neighbour(r["entity"].name, r["href"], r["count"]) for r in related[:GRAPH_NEIGHBOURS]],
                site._("Entities %(name)s appears with") % {"name": entity.name},
                site.words,
            )
        ),
        "sourced": [article_card(site, path, a) for a in sourced],
    }


def _axis(site: Site, path: str, entity: Entity) -> Markup:
    """The timeline's picture for one entity's events, each mark leading to its timeline entry."""
    events = [site.dossier.events[k] for k in site.entity_events[entity.slug]]
    marks = [
        Mark(
            relative(path, f"timeline/#event-{e.key}"),
            e.title,
            e.date,
            site.words.date(e.date),
            e.label,
            e.featured,
        )
        for e in events
    ]
    title = site._("Events with %(name)s") % {"name": entity.name}
    return Markup(timeline_svg(marks, title, site.content_language)) if marks else Markup("")
