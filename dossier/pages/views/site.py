"""What every page kind reads: the resolved dossier, the site's words, the link resolver, the
dependency inputs, the orders pages list things in, and the view of one citation."""

from __future__ import annotations

from collections import defaultdict
from functools import cache, cached_property
from typing import Any

from markupsafe import Markup

from ...model.documents import Article, Citation, Dossier, Entity, Event
from ...model.figures import FigureSummary
from ...syntax.annotations import Annotated, Claim
from ..urls import relative
from ..words import SiteWords
from .inputs import Inputs
from .links import Links


class Site:
    """The shared core of the page kinds, made once per build."""

    def __init__(self, dossier: Dossier, summaries: dict[str, FigureSummary], words: SiteWords):
        self.dossier = dossier
        self.summaries = summaries
        self.words = words
        self._ = words.gettext
        config = dossier.config
        written = config.content_language or config.language  # of the registries (see render.text_lang)
        self.content_language = written if written != words.language else None
        self.links = Links(dossier, summaries, words)
        self.inputs = Inputs(dossier)
        self.entity_figures: dict[str, list[str]] = defaultdict(list)
        for key, figure in dossier.figures.items():
            if figure.entity is not None:
                slug = dossier.entity_slug(figure.entity.name)
                if slug:
                    self.entity_figures[slug].append(key)
        self.entity_events: dict[str, list[str]] = defaultdict(list)
        for event in self.events_in_order():
            for reference in event.entities:
                slug = dossier.entity_slug(reference.name)
                if slug and event.key not in self.entity_events[slug]:
                    self.entity_events[slug].append(event.key)

    def html(self, page: str, html: str) -> Markup:
        return self.links.html(page, html)

    def absolute(self, target: str) -> str:
        return self.links.absolute(target)

    def counted(self, singular: str, plural: str, count: int) -> str:
        """A count in words: the plural form the site's language has for it, filled in."""
        return self.words.ngettext(singular, plural, count) % {"num": count}

    # Orders

    def events_in_order(self) -> list[Event]:
        return sorted(self.dossier.events.values(), key=lambda e: (e.date.sort_key(), e.title))

    @cache  # noqa: B019 -- one Site per build; the order is asked for by many pages
    def articles_in_order(self) -> list[Article]:
        """Newest first; articles whose copy names no date last, by title."""
        dated = [a for a in self.dossier.articles if a.published is not None]
        undated = [a for a in self.dossier.articles if a.published is None]
        dated.sort(key=lambda a: (a.published.sort_key(), a.title), reverse=True)  # type: ignore[union-attr]
        undated.sort(key=lambda a: a.title.casefold())
        return dated + undated

    @cached_property
    def sourced_by(self) -> dict[str, list[Article]]:
        """Entity slug → the articles it is the source of, newest first."""
        found: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles_in_order():
            slug = self.dossier.source_of.get(article.slug)
            if slug:
                found[slug].append(article)
        return found

    @cached_property
    def articles_by_slug(self) -> dict[str, Article]:
        return {article.slug: article for article in self.dossier.articles}

    def source_name(self, article: Article) -> Entity | None:
        slug = self.dossier.source_of.get(article.slug)
        return self.dossier.entities.get(slug) if slug else None

    # Citations

    def citation_link(self, page: str, citation: Citation) -> str:
        return relative(page, f"{citation.page}#{citation.annotation.anchor}")

    @staticmethod
    def passage(citation: Citation) -> Markup:
        """The cited passage as `passage.html` rendered it when its document was read."""
        return Markup(citation.passage)

    def citation_view(self, page: str, citation: Citation) -> dict[str, Any]:
        annotation = citation.annotation
        document = citation.document
        title = document.title if isinstance(document, Article) else document.name
        view = {
            "href": self.citation_link(page, citation),
            "url": self.absolute(f"{citation.page}#{annotation.anchor}"),  # printed beside the link
            "document": title,
            "language": document.language if isinstance(document, Article) else "",
            "passage": self.passage(citation),
            "text": annotation.text,
        }
        if isinstance(annotation, Claim) and annotation.value is not None:
            summary = self.summaries.get(annotation.key)
            unit = annotation.unit or (summary.figure.unit if summary else "")
            view["value"] = self.words.quantity(annotation.value, unit)
        return view


def first_words(body: Annotated, limit: int = 160) -> str:
    """A description from the body's first paragraph when the front matter gives none."""
    text = " ".join(body.lead.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
