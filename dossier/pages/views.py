"""Which pages a dossier has, what each shows, and which content files each depends on."""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from html import escape
from typing import Any, NamedTuple

from markupsafe import Markup

from ..model.documents import ENTITY_TYPES, Article, Citation, Dossier, Entity, Event
from ..model.figures import FigureSummary, claim_of, series_of
from ..syntax.annotations import Annotated, Claim
from ..syntax.dates import FuzzyDate
from ..syntax.markup import resolve_placeholders
from . import structured
from .svg import Bar, Mark, Neighbour, bar_chart, neighbourhood_graph, timeline_svg
from .urls import absolute, relative
from .words import N_, SiteWords

TYPE_LABELS = {
    "person": N_("People"),
    "organization": N_("Organizations"),
    "product": N_("Products"),
    "publication": N_("Publications"),
    "place": N_("Places"),
    "event": N_("Events"),
    "other": N_("Other"),
}
TYPE_NAMES = {
    "person": N_("Person"),
    "organization": N_("Organization"),
    "product": N_("Product"),
    "publication": N_("Publication"),
    "place": N_("Place"),
    "event": N_("Event"),
    "other": N_("Other"),
}
RECENT_EVENTS = 6
GRAPH_NEIGHBOURS = 10  # entities drawn around one entity; the list below the graph has them all
FIGURES_FILE = "content/figures.yaml"
HOME_FILE = "content/index.md"
EVENTS_FILE = "content/events.yaml"


# Dependency names: a content file's path stands for all of it; `PATH#meta`, `PATH#mentions` and
# `PATH#claims` for the parts of an article or entity that other pages show; `PATH#mentions:NAME`
# for what an entity's page shows of a document mentioning it as NAME (those passages, and which
# names the document uses, for "appears with"), so an edit of one sentence re-renders the pages of
# the entities named in it, not of every entity the document names; `*articles#meta` and
# the like for that part of every article (or entity); `tip:figure:KEY` for what a figure's mark
# in a body shows (its label, values and number of sources), which many documents decide at once.
ARTICLES_META, ARTICLES_MENTIONS, ARTICLES_CLAIMS = "*articles#meta", "*articles#mentions", "*articles#claims"
ENTITIES_META, ENTITIES_MENTIONS, ENTITIES_CLAIMS = "*entities#meta", "*entities#mentions", "*entities#claims"
CITATIONS = frozenset({ARTICLES_META, ARTICLES_CLAIMS, ENTITIES_META, ENTITIES_CLAIMS})


Record = tuple[str, ...]  # a dependency record: its names, sorted


def record(names: Iterable[str]) -> Record:
    """A dependency record: the names, each once, in order. A tuple has a third of a set's size
    (a large dossier's record holds half a million names), and signing reads them in order."""
    return tuple(sorted(set(names)))


def part_name(path: str, part: str) -> str:
    """The dependency name of one part of a document. Names are interned: a large dossier's pages
    name the same few thousand parts some 300,000 times, and each copy would be kept until the
    dependency record is made."""
    return sys.intern(f"{path}#{part}")


def meta(path: str) -> str:
    return part_name(path, "meta")


MENTIONS_OF = "mentions:"


def mentions_of(path: str, name: str) -> str:
    """The dependency name of a document's mentions written `[[name]]` (see above)."""
    return part_name(path, MENTIONS_OF + name)


def figure_tip(key: str) -> str:
    return sys.intern(f"tip:figure:{key}")


def event_tip(key: str) -> str:
    return sys.intern(f"tip:event:{key}")


class Quoted(NamedTuple):
    """A passage on an entity page, and the link to it in its document."""

    href: str
    passage: Markup


@dataclass
class Page:
    """One HTML page to render: its site path, template, and the content files it depends on.

    `inputs` is the page's dependency record: its output can change only when one of these names
    changes (see the dependency names above). The context is built only when the page is rendered,
    so finding what to re-render stays cheap, and is not kept: a build holds every page at once.
    """

    path: str
    template: str
    title: str
    build: Callable[[], dict[str, Any]] = dict
    inputs: Record = ()
    description: str = ""
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)
    schema: Callable[[], dict[str, Any]] | None = None  # schema.org description, for JSON-LD
    kind: str = "website"  # Open Graph type
    quotes: bool = False  # it shows passages, made with their own layout (see `passages.py`)


class Views:
    """Builds every page's context from the resolved dossier."""

    def __init__(self, dossier: Dossier, summaries: dict[str, FigureSummary], words: SiteWords):
        self.dossier = dossier
        self.summaries = summaries
        self.words = words
        self._ = words.gettext
        config = dossier.config
        written = config.content_language or config.language  # of the registries (see render.text_lang)
        self.content_language = written if written != words.language else None
        self._resolved: dict[tuple[int, str, str], str] = {}
        self._slugs: dict[str, str | None] = {}  # a name written in content → its entity's slug
        self._entity_metas: dict[str, str] = {}  # entity slug → its meta (see `entity_meta`)
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

    # Links and placeholders

    def resolver(self, page: str) -> Callable[[str, str], str]:
        """Fills placeholders for a page; the answer depends only on the page's depth, so it is
        remembered across pages."""
        depth = page.count("/")

        def resolve(field_name: str, ref: str) -> str:
            key = (depth, field_name, ref)
            found = self._resolved.get(key)
            if found is None:
                kind, _, name = ref.partition(":")
                found = self._resolved[key] = escape(self._resolve(page, field_name, kind, name))
            return found

        return resolve

    def _resolve(self, page: str, field_name: str, kind: str, key: str) -> str:
        d = self.dossier
        if kind == "entity":
            slug = d.entity_slug(" ".join(key.split()))
            entity = d.entities.get(slug or "")
            if entity is None:
                return "#"
            if field_name == "href":
                return relative(page, f"entities/{entity.slug}/")
            kind_label = self._(TYPE_NAMES[entity.type])
            return f"{kind_label}: {entity.name}" + (f" — {entity.summary}" if entity.summary else "")
        if kind == "figure":
            if field_name == "href":
                return relative(page, f"figures/#figure-{key}")
            summary = self.summaries.get(key)
            if summary is None:
                return key
            values = ", ".join(self.words.stated(summary)) or self._("no value in its unit")
            sources = self.words.ngettext("%(num)d source", "%(num)d sources", summary.sources)
            tip = self._("Figure: %(label)s: %(values)s (%(sources)s)")
            return tip % {
                "label": summary.figure.label,
                "values": values,
                "sources": sources % {"num": summary.sources},
            }
        if kind == "event":
            if field_name == "href":
                return relative(page, f"timeline/#event-{key}")
            event = d.events.get(key)
            if event is None:
                return key
            return self._("Event: %(date)s — %(title)s") % {
                "date": self.words.date(event.date),
                "title": event.title,
            }
        if kind == "page":
            target, _, fragment = key.partition("#")
            site_path = _content_page(target)
            return relative(page, site_path + (f"#{fragment}" if fragment else ""))
        return "#"

    def html(self, page: str, html: str) -> Markup:
        return Markup(resolve_placeholders(html, self.resolver(page)))

    def overview(self) -> str:
        d = self.dossier
        counts = {
            "sources": self._count("%(num)d source", "%(num)d sources", len(d.articles)),
            "entities": self._count("%(num)d entity", "%(num)d entities", len(d.entities)),
            "figures": self._count("%(num)d figure", "%(num)d figures", len(d.figures)),
            "events": self._count("%(num)d event", "%(num)d events", len(d.events)),
        }
        return self._("A sourced dossier: %(sources)s, %(entities)s, %(figures)s and %(events)s.") % counts

    def _count(self, singular: str, plural: str, count: int) -> str:
        return self.words.ngettext(singular, plural, count) % {"num": count}

    def absolute(self, target: str) -> str:
        """The published address of a site path; empty when base_url is unknown (no guessing)."""
        base = self.dossier.config.base_url
        return absolute(base, target) if base else ""

    # Dependencies

    def slug_of(self, name: str) -> str | None:
        """The slug of the entity a written name stands for, looked up once per build: names are
        written tens of thousands of times, and each lookup normalises the name."""
        if name not in self._slugs:
            self._slugs[name] = self.dossier.entity_slug(name)
        return self._slugs[name]

    def entity_meta(self, slug: str) -> str:
        """The dependency name of what pages show of an entity, made once per build."""
        if slug not in self._entity_metas:
            self._entity_metas[slug] = meta(self.dossier.entities[slug].path)
        return self._entity_metas[slug]

    def entity_file(self, name: str) -> set[str]:
        return self.entity_files((name,))

    def entity_files(self, names: Iterable[str]) -> set[str]:
        """`entity_file` of each name: what pages show of the entities the names stand for."""
        return {self.entity_meta(slug) for name in set(names) if (slug := self.slug_of(name))}

    @staticmethod
    def citing(citations: list[Citation], part: str) -> set[str]:
        """The documents of these citations: that part of each, and what is shown of it (title)."""
        paths = {c.document.path for c in citations}
        return {part_name(path, part) for path in paths} | {meta(path) for path in paths}

    def figure_inputs(self, key: str) -> set[str]:
        """A figure's row shows every claim of it, so it depends on every document stating it."""
        claims = self.dossier.figure_claims.get(key, [])
        inputs = {FIGURES_FILE} | self.citing(claims, "claims")
        figure = self.dossier.figures.get(key)
        if figure is not None and figure.entity is not None:
            inputs |= self.entity_file(figure.entity.name)
        return inputs

    def event_inputs(self, key: str) -> set[str]:
        citations = self.dossier.event_claims.get(key, [])
        inputs = {EVENTS_FILE} | self.citing(citations, "claims")
        event = self.dossier.events.get(key)
        for reference in event.entities if event else []:
            inputs |= self.entity_file(reference.name)
        return inputs

    def body_inputs(self, body: Annotated) -> set[str]:
        """What a body's resolved placeholders read: entities named, figures and events claimed."""
        inputs = self.entity_files(mention.target for mention in body.mentions)
        inputs |= {figure_tip(c.key) for c in body.claims if c.kind == "figure"}
        inputs |= {event_tip(c.key) for c in body.claims if c.kind == "event"}
        return inputs

    def tips(self) -> dict[str, str]:
        """The text of each figure's and event's marks in bodies, by dependency name (`figure_tip`,
        `event_tip`): a page showing only that depends on it rather than on every document that
        states the figure, or on the whole events.yaml."""
        tips = {figure_tip(key): self._resolve("", "title", "figure", key) for key in self.summaries}
        tips |= {event_tip(key): self._resolve("", "title", "event", key) for key in self.dossier.events}
        return tips

    # Shared pieces

    def events_in_order(self) -> list[Event]:
        return sorted(self.dossier.events.values(), key=lambda e: (e.date.sort_key(), e.title))

    @cached_property
    def sourced_by(self) -> dict[str, list[Article]]:
        """Entity slug → the articles it is the source of, newest first."""
        found: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles_in_order():
            slug = self.dossier.source_of.get(article.slug)
            if slug:
                found[slug].append(article)
        return found

    @cache  # noqa: B019 -- one Views per build; the order is asked for by many pages
    def articles_in_order(self) -> list[Article]:
        """Newest first; articles whose copy names no date last, by title."""
        dated = [a for a in self.dossier.articles if a.published is not None]
        undated = [a for a in self.dossier.articles if a.published is None]
        dated.sort(key=lambda a: (a.published.sort_key(), a.title), reverse=True)  # type: ignore[union-attr]
        undated.sort(key=lambda a: a.title.casefold())
        return dated + undated

    def source_name(self, article: Article) -> Entity | None:
        slug = self.dossier.source_of.get(article.slug)
        return self.dossier.entities.get(slug) if slug else None

    def entities_by_type(self) -> list[tuple[str, list[Entity]]]:
        groups = []
        for kind in ENTITY_TYPES:
            members = [e for e in self.dossier.entities.values() if e.type == kind]
            if members:
                members.sort(key=lambda e: e.name.casefold())
                groups.append((self._(TYPE_LABELS[kind]), members))
        return groups

    def figure_groups(self) -> list[tuple[str, list[FigureSummary]]]:
        groups: dict[str, list[FigureSummary]] = {}
        for summary in self.summaries.values():
            groups.setdefault(summary.figure.group or self._("Other figures"), []).append(summary)
        return list(groups.items())

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

    # Pages

    def home(self) -> Page:
        d = self.dossier
        path = ""
        featured = [s for s in self.summaries.values() if s.figure.featured]
        newest = list(reversed(self.events_in_order()))
        marked = [e for e in newest if e.featured]  # the events that matter come first
        recent = marked + [e for e in newest if not e.featured][: max(RECENT_EVENTS - len(marked), 0)]
        home = d.home
        return Page(
            path=path,
            template="home.html",
            quotes=True,
            title=home.title if home and home.title else d.config.title,
            description=d.config.description or (_first_words(home.body) if home else "") or self.overview(),
            build=lambda: {
                "intro": self.html(path, home.body.html) if home else Markup(""),
                "featured": [self.figure_view(path, s) for s in featured],
                "recent": [self.event_view(path, e) for e in recent],
                "entity_groups": self.entities_by_type(),
                "articles": [self.article_card(path, a) for a in self.articles_in_order()],
            },
            inputs=record({HOME_FILE, FIGURES_FILE, EVENTS_FILE, *CITATIONS}),
            schema=lambda: structured.website(
                d.config.title, d.config.description, self.absolute(""), self.words.language
            ),
        )

    def article_card(self, page: str, article: Article) -> dict[str, Any]:
        source = self.source_name(article)
        return {
            "href": relative(page, f"articles/{article.slug}/"),
            "title": article.title,
            "language": article.language,
            "source": source.name if source else None,
            "source_href": relative(page, f"entities/{source.slug}/") if source else None,
            "published": article.published,
            "summary": article.summary,
            "counts": {
                "mentions": len(article.body.mentions),
                "figures": sum(1 for c in article.body.claims if c.kind == "figure"),
                "events": sum(1 for c in article.body.claims if c.kind == "event"),
            },
        }

    def articles_index(self) -> Page:
        path = "articles/"
        return Page(
            path=path,
            template="articles.html",
            title=self._("Sources"),
            description=self._count(
                "The %(num)d source article of this dossier.",
                "The %(num)d source articles of this dossier.",
                len(self.dossier.articles),
            ),
            build=lambda: {"articles": [self.article_card(path, a) for a in self.articles_in_order()]},
            inputs=record({ARTICLES_META, ENTITIES_META}),
            breadcrumbs=[(self._("Sources"), path)],
        )

    def article(self, article: Article) -> Page:
        path = f"articles/{article.slug}/"
        source = self.source_name(article)
        inputs = {article.path} | self.body_inputs(article.body)
        if source:
            inputs.add(meta(source.path))
        return Page(
            path=path,
            template="article.html",
            title=article.title,
            description=article.summary
            or _first_words(article.body)
            or self._("%(title)s: a source.") % {"title": article.title},
            build=lambda: self._article_context(path, article, source),
            inputs=record(inputs),
            breadcrumbs=[(self._("Sources"), "articles/"), (article.title, path)],
            schema=lambda: structured.news_article(
                article, self.absolute(path), source, self._mentioned_names(article)
            ),
            kind="article",
        )

    def _mentioned_names(self, article: Article) -> list[str]:
        slugs = dict.fromkeys(self.slug_of(m.target) for m in article.body.mentions)
        return [self.dossier.entities[slug].name for slug in slugs if slug]

    def _article_context(self, path: str, article: Article, source: Entity | None) -> dict[str, Any]:
        d = self.dossier
        counts: dict[str, int] = {}
        for mention in article.body.mentions:
            slug = self.slug_of(mention.target)
            if slug:
                counts[slug] = counts.get(slug, 0) + 1
        entities = sorted(((d.entities[s], n) for s, n in counts.items()), key=lambda p: p[0].name.casefold())
        figures, events = _claims_by_key(article.body.claims)
        return {
            "article": article,
            "body": self.html(path, article.body.html),
            "source": source,
            "source_href": relative(path, f"entities/{source.slug}/") if source else None,
            "entities": [
                {"entity": e, "count": n, "href": relative(path, f"entities/{e.slug}/")} for e, n in entities
            ],
            "figures": [
                {
                    "label": d.figures[key].label,
                    "href": f"#{claims[0].anchor}",
                    "stated": _stated_once(claims, d.figures[key].unit, self.words),
                }
                for key, claims in figures.items()
                if key in d.figures
            ],
            "events": [
                {"event": d.events[key], "href": f"#{claims[0].anchor}"}
                for key, claims in events.items()
                if key in d.events
            ],
        }

    def entities_index(self) -> Page:
        path = "entities/"

        def build() -> dict[str, Any]:
            groups = [
                (
                    label,
                    [
                        {
                            "entity": e,
                            "href": relative(path, f"entities/{e.slug}/"),
                            "mentions": len(self.dossier.mentions.get(e.slug, [])),
                        }
                        for e in members
                    ],
                )
                for label, members in self.entities_by_type()
            ]
            return {"groups": groups}

        return Page(
            path=path,
            template="entities.html",
            title=self._("Entities"),
            description=self._("People, organizations, products and publications in this dossier."),
            build=build,
            inputs=record({ENTITIES_META, ARTICLES_MENTIONS, ENTITIES_MENTIONS}),
            breadcrumbs=[(self._("Entities"), path)],
        )

    def entity(self, entity: Entity) -> Page:
        path = f"entities/{entity.slug}/"
        d = self.dossier
        inputs = {entity.path} | self.body_inputs(entity.body)
        for citation in d.mentions.get(entity.slug, []):
            source = citation.document.path
            inputs.add(mentions_of(source, citation.annotation.target))
            inputs.add(meta(source))
        inputs |= {self.entity_meta(slug) for slug, _ in d.related(entity.slug)}
        inputs |= {meta(a.path) for a in self.sourced_by[entity.slug]}
        for key in self.entity_figures[entity.slug]:
            inputs |= self.figure_inputs(key)
        for key in self.entity_events[entity.slug]:
            inputs |= self.event_inputs(key)
        return Page(
            path=path,
            template="entity.html",
            quotes=True,
            title=entity.name,
            description=entity.summary or self._("%(name)s in this dossier.") % {"name": entity.name},
            build=lambda: self._entity_context(path, entity),
            inputs=record(inputs),
            breadcrumbs=[(self._("Entities"), "entities/"), (entity.name, path)],
            schema=lambda: structured.entity(entity, self.absolute(path)),
            kind="profile" if entity.type == "person" else "website",
        )

    def _entity_context(self, path: str, entity: Entity) -> dict[str, Any]:
        d = self.dossier
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
            group["mentions"].append(Quoted(self.citation_link(path, citation), self.passage(citation)))
        sourced = self.sourced_by[entity.slug]
        related = [
            {"entity": d.entities[slug], "count": n, "href": relative(path, f"entities/{slug}/")}
            for slug, n in d.related(entity.slug)
        ]
        return {
            "entity": entity,
            "body": self.html(path, entity.body.html),
            "type_label": self._(TYPE_LABELS[entity.type]),
            "type_name": self._(TYPE_NAMES[entity.type]),
            "mention_groups": list(by_document.values()),
            "mention_count": len(citations),
            "figures": [self.figure_view(path, self.summaries[k]) for k in self.entity_figures[entity.slug]],
            "events": [self.event_view(path, d.events[k]) for k in self.entity_events[entity.slug]],
            "axis": self.entity_axis(path, entity),
            "related": related,
            "graph": Markup(
                neighbourhood_graph(
                    entity.name,
                    [Neighbour(r["entity"].name, r["href"], r["count"]) for r in related[:GRAPH_NEIGHBOURS]],
                    self._("Entities %(name)s appears with") % {"name": entity.name},
                    self.words,
                )
            ),
            "sourced": [self.article_card(path, a) for a in sourced],
        }

    def event_entities(self, events: list[Event]) -> list[Entity]:
        """The entities the events name, by name: what the timeline can be filtered by."""
        slugs = {self.dossier.entity_slug(r.name) for e in events for r in e.entities}
        return sorted((self.dossier.entities[s] for s in slugs if s), key=lambda e: e.name.casefold())

    def entity_axis(self, path: str, entity: Entity) -> Markup:
        """The timeline's picture for one entity's events, each mark leading to its timeline entry."""
        events = [self.dossier.events[k] for k in self.entity_events[entity.slug]]
        marks = [
            Mark(
                relative(path, f"timeline/#event-{e.key}"),
                e.title,
                e.date,
                self.words.date(e.date),
                e.label,
                e.featured,
            )
            for e in events
        ]
        title = self._("Events with %(name)s") % {"name": entity.name}
        return Markup(timeline_svg(marks, title, self.content_language)) if marks else Markup("")

    def event_view(self, page: str, event: Event) -> dict[str, Any]:
        d = self.dossier
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
            "citations": [self.citation_view(page, c) for c in d.event_claims.get(event.key, [])],
        }

    def figure_view(self, page: str, summary: FigureSummary) -> dict[str, Any]:
        d = self.dossier
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
            "stated": self.words.stated(summary),
            "entity": entity,
            "claims": [
                {**self.citation_view(page, c), "conflict": id(c) in conflicting} for c in summary.main
            ],
            "also": [
                (unit, self.words.also_stated(summary, unit), [self.citation_view(page, c) for c in claims])
                for unit, claims in summary.also.items()
            ],
        }

    def series_charts(self, group: str, summaries: list[FigureSummary]) -> list[dict[str, Any]]:
        """A bar chart for each series in a group of figures (e.g. spending by year)."""
        charts = []
        for series in series_of(summaries):
            title = f"{group}, {series.unit} {self.words.span(series.months)}"
            bars = [
                Bar(
                    self.words.date(s.figure.period) if s.figure.period else "",
                    low,
                    high,
                    " / ".join(self.words.stated(s)),
                )
                for s, low, high in series.points
            ]
            chart_id = f"chart-{series.points[0][0].figure.key}-{len(charts)}"
            charts.append({"title": title, "svg": Markup(bar_chart(bars, title, chart_id))})
        return charts

    def timeline(self) -> Page:
        path = "timeline/"
        events = self.events_in_order()
        marks = [
            Mark(f"#event-{e.key}", e.title, e.date, self.words.date(e.date), e.label, e.featured)
            for e in events
        ]
        picture = self._("Timeline of events")
        return Page(
            path=path,
            template="timeline.html",
            quotes=True,
            title=self._("Timeline"),
            description=self._count(
                "%(num)d dated event, with the sources that state it.",
                "%(num)d dated events, each with the sources that state it.",
                len(events),
            ),
            build=lambda: {
                "events": [self.event_view(path, e) for e in events],
                "axis": Markup(timeline_svg(marks, picture, self.content_language)),
                "filter_entities": self.event_entities(events),
                "filter_years": sorted(
                    {y for e in events for y in range(e.date.earliest.year, e.date.latest.year + 1)}
                ),
            },
            inputs=record({EVENTS_FILE, *CITATIONS}),
            breadcrumbs=[(self._("Timeline"), path)],
            schema=lambda: structured.events(
                [(e, self.absolute(f"{path}#event-{e.key}")) for e in events], picture
            ),
        )

    def figures_page(self) -> Page:
        path = "figures/"
        conflicts = sum(1 for s in self.summaries.values() if s.conflict)
        description = self._count(
            "%(num)d figure, linked to every passage that states it.",
            "%(num)d figures, each linked to every passage that states it.",
            len(self.summaries),
        )
        return Page(
            path=path,
            template="figures.html",
            quotes=True,
            title=self._("Figures"),
            description=description,
            build=lambda: {
                "groups": [
                    {
                        "label": label,
                        "figures": [self.figure_view(path, s) for s in summaries],
                        "charts": self.series_charts(label, summaries),
                    }
                    for label, summaries in self.figure_groups()
                ],
                "conflicts": conflicts,
            },
            inputs=record({FIGURES_FILE, *CITATIONS}),
            breadcrumbs=[(self._("Figures"), path)],
            schema=lambda: structured.dataset(
                self._("Figures: %(title)s") % {"title": self.dossier.config.title},
                description,
                self.absolute(path),
                [
                    ("application/json", self.absolute("data/figures.json")),
                    ("text/csv", self.absolute("data/figures.csv")),
                ],
            ),
        )

    def all_pages(self) -> list[Page]:
        pages = [self.home(), self.articles_index(), self.entities_index(), self.timeline()]
        pages.append(self.figures_page())
        pages += [self.article(a) for a in self.articles_in_order()]
        pages += [self.entity(e) for e in sorted(self.dossier.entities.values(), key=lambda e: e.slug)]
        return pages

    def page_paths(self) -> list[str]:
        """The site path of every page, in the order of `all_pages`, without building them."""
        fixed = ["", "articles/", "entities/", "timeline/", "figures/"]
        articles = [f"articles/{a.slug}/" for a in self.articles_in_order()]
        entities = [f"entities/{slug}/" for slug in sorted(self.dossier.entities)]
        return fixed + articles + entities

    @cached_property
    def articles_by_slug(self) -> dict[str, Article]:
        return {article.slug: article for article in self.dossier.articles}

    def page(self, path: str) -> Page | None:
        """The page at a site path, built alone (for incremental builds); None if there is none."""
        fixed = {
            "": self.home,
            "articles/": self.articles_index,
            "entities/": self.entities_index,
            "timeline/": self.timeline,
            "figures/": self.figures_page,
        }
        if path in fixed:
            return fixed[path]()
        kind, _, slug = path.rstrip("/").partition("/")
        if kind == "articles":
            article = self.articles_by_slug.get(slug)
            return self.article(article) if article else None
        entity = self.dossier.entities.get(slug) if kind == "entities" else None
        return self.entity(entity) if entity else None


def _content_page(target: str) -> str:
    """The site path of a content file: `articles/x.md` → `articles/x/`, `index.md` → ``."""
    if target == "index.md":
        return ""
    return target.removesuffix(".md") + "/"


def _stated_once(claims: list[Claim], unit: str, words: SiteWords) -> list[tuple[str, int]]:
    """Each value an article states for a figure, once, with how many times it states it."""
    counts: dict[str, int] = {}
    for claim in claims:
        if claim.value is not None:
            text = words.quantity(claim.value, claim.unit or unit)
            counts[text] = counts.get(text, 0) + 1
    return list(counts.items())


def _claims_by_key(claims: list[Claim]) -> tuple[dict[str, list[Claim]], dict[str, list[Claim]]]:
    figures: dict[str, list[Claim]] = {}
    events: dict[str, list[Claim]] = {}
    for claim in claims:
        (figures if claim.kind == "figure" else events).setdefault(claim.key, []).append(claim)
    return figures, events


def _first_words(body: Annotated, limit: int = 160) -> str:
    """A description from the body's first paragraph when the front matter gives none."""
    text = " ".join(body.lead.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def latest_date(dossier: Dossier) -> dt.date | None:
    """The newest date the content states; used where a feed needs an `updated` time."""
    dates: list[FuzzyDate] = [a.published for a in dossier.articles if a.published]
    return max((d.latest for d in dates), default=None)
