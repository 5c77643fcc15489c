"""An article's page, and the card that lists an article on other pages."""

from __future__ import annotations

from typing import Any

from ...model.documents import Article, Entity
from ...syntax.annotations import Claim
from .. import structured
from ..urls import relative
from ..words import SiteWords
from .dependencies import LINKS_FILE, meta, record
from .page import Page
from .site import Site, first_words


def article_card(site: Site, page: str, article: Article) -> dict[str, Any]:
    source = site.source_name(article)
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


def article_page(site: Site, article: Article) -> Page:
    path = f"articles/{article.slug}/"
    source = site.source_name(article)
    inputs = {article.path} | site.inputs.body(article.body)
    if source:
        inputs.add(meta(source.path))
    if article.archived is not None:
        inputs.add(article.archived.file)  # what the page says of it (paragraphs left out)
    if article.url:
        inputs.add(LINKS_FILE)  # whether the original is gone
    return Page(
        path=path,
        template="article.html",
        title=article.title,
        description=article.summary
        or first_words(article.body)
        or site._("%(title)s: a source.") % {"title": article.title},
        build=lambda: _context(site, path, article, source),
        inputs=record(inputs),
        breadcrumbs=[(site._("Sources"), "articles/"), (article.title, path)],
        schema=lambda: structured.news_article(
            article, site.absolute(path), source, _mentioned_names(site, article), _copy(site, article, path)
        ),
        kind="article",
    )


def _copy(site: Site, article: Article, path: str) -> str:
    """The address of the site's captured copy of the article's source, where it publishes one."""
    public = article.archived is not None and site.dossier.config.captures == "public"
    return site.absolute(f"{path}captured/") if public else ""


def _mentioned_names(site: Site, article: Article) -> list[str]:
    slugs = dict.fromkeys(site.inputs.slug_of(m.target) for m in article.body.mentions)
    return [site.dossier.entities[slug].name for slug in slugs if slug]


def _context(site: Site, path: str, article: Article, source: Entity | None) -> dict[str, Any]:
    d = site.dossier
    counts: dict[str, int] = {}
    for mention in article.body.mentions:
        slug = site.inputs.slug_of(mention.target)
        if slug:
            counts[slug] = counts.get(slug, 0) + 1
    entities = sorted(((d.entities[s], n) for s, n in counts.items()), key=lambda p: p[0].name.casefold())
    figures, events = _claims_by_key(article.body.claims)
    return {
        "article": article,
        "body": site.html(path, article.body.html),
        "source": source,
        "source_href": relative(path, f"entities/{source.slug}/") if source else None,
        "entities": [
            {"entity": e, "count": n, "href": relative(path, f"entities/{e.slug}/")} for e, n in entities
        ],
        "figures": [
            {
                "label": d.figures[key].label,
                "href": f"#{claims[0].anchor}",
                "stated": _stated_once(claims, d.figures[key].unit, site.words),
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
