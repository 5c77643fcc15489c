"""schema.org descriptions of pages, as JSON-LD safe to place inside a <script> element."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..model.documents import Article, Entity, Event
from ..syntax.dates import DAY, FuzzyDate

ENTITY_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "product": "Product",
    "publication": "Periodical",
    "place": "Place",
    "event": "Event",
    "other": "Thing",
}


def script_json(data: dict[str, Any]) -> Markup:
    """JSON that cannot end its <script> early: `<`, `>` and `&` are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _date(date: FuzzyDate | None) -> str | None:
    """An ISO 8601 date at the precision given: a day, a month, or a year."""
    if date is None:
        return None
    return date.earliest.isoformat() if date.precision == DAY else date.iso()


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def website(name: str, description: str, url: str, language: str) -> dict[str, Any]:
    return _clean({"@context": "https://schema.org", "@type": "WebSite", "name": name,
                   "description": description, "url": url, "inLanguage": language})  # fmt: skip


def news_article(
    article: Article, url: str, source: Entity | None, about: list[str], archived_at: str = ""
) -> dict[str, Any]:
    """`archived_at`: the site's captured copy of the source, where it publishes one."""
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "inLanguage": article.language,
            "datePublished": _date(article.published),
            "author": {"@type": "Person", "name": article.author} if article.author else None,
            "publisher": {"@type": "Organization", "name": source.name} if source else None,
            "description": article.summary,
            "isBasedOn": article.url,
            "archivedAt": archived_at or article.archive_url,
            "url": url,
            "about": [{"@type": "Thing", "name": name} for name in about],
        }
    )


def entity(thing: Entity, url: str) -> dict[str, Any]:
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": ENTITY_TYPES[thing.type],
            "name": thing.name,
            "alternateName": [alias for alias, _ in thing.aliases],
            "description": thing.summary,
            "jobTitle": thing.role if thing.type == "person" else None,
            "sameAs": list(thing.links.values()),
            "url": url,
        }
    )


def events(items: list[tuple[Event, str]], name: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": name,
        "itemListElement": [
            _clean(
                {
                    "@type": "ListItem",
                    "position": number,
                    "item": _clean(
                        {
                            "@type": "Event",
                            "name": event.title,
                            "description": event.summary,
                            "startDate": _date(event.date) if event.date.start else None,
                            "endDate": event.date.latest.isoformat() if event.date.is_interval else None,
                            "url": url,
                        }
                    ),
                }
            )
            for number, (event, url) in enumerate(items, start=1)
        ],
    }


def dataset(name: str, description: str, url: str, downloads: list[tuple[str, str]]) -> dict[str, Any]:
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "name": name,
            "description": description,
            "url": url,
            "distribution": [
                {"@type": "DataDownload", "encodingFormat": kind, "contentUrl": link}
                for kind, link in downloads
            ],
        }
    )
