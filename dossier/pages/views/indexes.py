"""The index pages: every source article, and every entity by type."""

from __future__ import annotations

from typing import Any

from ...model.documents import ENTITY_TYPES, Entity
from ..urls import relative
from .articles import article_card
from .dependencies import ARTICLES_MENTIONS, ARTICLES_META, ENTITIES_MENTIONS, ENTITIES_META, record
from .page import TYPE_LABELS, Page
from .site import Site


def entities_by_type(site: Site) -> list[tuple[str, list[Entity]]]:
    groups = []
    for kind in ENTITY_TYPES:
        members = [e for e in site.dossier.entities.values() if e.type == kind]
        if members:
            members.sort(key=lambda e: e.name.casefold())
            groups.append((site._(TYPE_LABELS[kind]), members))
    return groups


def articles_index(site: Site) -> Page:
    path = "articles/"
    return Page(
        path=path,
        template="articles.html",
        title=site._("Sources"),
        description=site.counted(
            "The %(num)d source article of this dossier.",
            "The %(num)d source articles of this dossier.",
            len(site.dossier.articles),
        ),
        build=lambda: {"articles": [article_card(site, path, a) for a in site.articles_in_order()]},
        inputs=record({ARTICLES_META, ENTITIES_META}),
        breadcrumbs=[(site._("Sources"), path)],
    )


def entities_index(site: Site) -> Page:
    path = "entities/"

    def build() -> dict[str, Any]:
        groups = [
            (
                label,
                [
                    {
                        "entity": e,
                        "href": relative(path, f"entities/{e.slug}/"),
                        "mentions": len(site.dossier.mentions.get(e.slug, [])),
                    }
                    for e in members
                ],
            )
            for label, members in entities_by_type(site)
        ]
        return {"groups": groups}

    return Page(
        path=path,
        template="entities.html",
        title=site._("Entities"),
        description=site._("People, organizations, products and publications in this dossier."),
        build=build,
        inputs=record({ENTITIES_META, ARTICLES_MENTIONS, ENTITIES_MENTIONS}),
        breadcrumbs=[(site._("Entities"), path)],
    )
