"""Every page of a site, found by kind and by path: what the renderer and incremental builds ask."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ...model.documents import Article, Dossier, Entity
from ...model.figures import FigureSummary
from ...syntax.dates import FuzzyDate
from ..words import SiteWords
from .articles import article_page
from .entity import entity_page
from .figures import figures_page
from .home import home_page
from .indexes import articles_index, entities_index
from .page import Page
from .site import Site
from .timeline import timeline_page

FIXED: dict[str, Callable[[Site], Page]] = {
    "": home_page,
    "articles/": articles_index,
    "entities/": entities_index,
    "timeline/": timeline_page,
    "figures/": figures_page,
}


class Views:
    """The pages of a resolved dossier, each built from the shared core (`Site`) by its kind's module."""

    def __init__(self, dossier: Dossier, summaries: dict[str, FigureSummary], words: SiteWords):
        self.dossier = dossier
        self.site = Site(dossier, summaries, words)

    def all_pages(self) -> list[Page]:
        pages = [make(self.site) for make in FIXED.values()]
        pages += [article_page(self.site, a) for a in self.articles_in_order()]
        pages += [
            entity_page(self.site, e) for e in sorted(self.dossier.entities.values(), key=lambda e: e.slug)
        ]
        return pages

    def page_paths(self) -> list[str]:
        """The site path of every page, in the order of `all_pages`, without building them."""
        articles = [f"articles/{a.slug}/" for a in self.articles_in_order()]
        entities = [f"entities/{slug}/" for slug in sorted(self.dossier.entities)]
        return list(FIXED) + articles + entities

    def page(self, path: str) -> Page | None:
        """The page at a site path, built alone (for incremental builds); None if there is none."""
        if path in FIXED:
            return FIXED[path](self.site)
        kind, _, slug = path.rstrip("/").partition("/")
        if kind == "articles":
            article = self.site.articles_by_slug.get(slug)
            return article_page(self.site, article) if article else None
        entity = self.dossier.entities.get(slug) if kind == "entities" else None
        return entity_page(self.site, entity) if entity else None

    def tips(self) -> dict[str, str]:
        return self.site.links.tips()

    def articles_in_order(self) -> list[Article]:
        return self.site.articles_in_order()

    def source_name(self, article: Article) -> Entity | None:
        return self.site.source_name(article)


def latest_date(dossier: Dossier) -> dt.date | None:
    """The newest date the content states; used where a feed needs an `updated` time."""
    dates: list[FuzzyDate] = [a.published for a in dossier.articles if a.published]
    return max((d.latest for d in dates), default=None)
