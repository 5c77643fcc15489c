"""The dossier as data and as feeds: JSON, CSV, Atom, sitemap, robots.txt."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from typing import Any

from ..model.documents import Article, Citation, Dossier
from ..model.figures import FigureSummary, claim_of, unit_of
from ..syntax.dates import FuzzyDate
from ..syntax.values import format_quantity, number_json
from .urls import absolute


def _json_list(items: Iterable[Any]) -> bytes:
    """A JSON array, one item encoded at a time: the exports of a large dossier run to tens of
    megabytes, and building all their items before encoding any would hold them all at once."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    return b"[" + b",".join(encode(item).encode() for item in items) + b"]\n"


def _date(date: FuzzyDate | None) -> dict[str, str] | None:
    if date is None:
        return None
    return {
        "text": date.text,
        "display": date.display(),
        "earliest": date.earliest.isoformat(),
        "latest": date.latest.isoformat(),
    }


def _citation(dossier: Dossier, citation: Citation) -> dict[str, Any]:
    annotation = citation.annotation
    target = f"{citation.page}#{annotation.anchor}"
    return {
        "document": citation.document.path,
        "url": absolute(dossier.config.base_url, target),
        "anchor": annotation.anchor,
        "text": annotation.text,
        "quote": f"{annotation.context.before}{annotation.context.text}{annotation.context.after}",
    }


def entities_json(dossier: Dossier) -> bytes:
    base = dossier.config.base_url
    return _json_list(
        {
            "slug": e.slug,
            "name": e.name,
            "type": e.type,
            "aliases": [alias for alias, _ in e.aliases],
            "summary": e.summary,
            "role": e.role,
            "links": e.links,
            "url": absolute(base, f"entities/{e.slug}/"),
            "mentions": [_citation(dossier, c) for c in dossier.mentions.get(e.slug, [])],
            "related": [{"slug": s, "shared": n} for s, n in dossier.related(e.slug)],
        }
        for e in sorted(dossier.entities.values(), key=lambda e: e.slug)
    )


def events_json(dossier: Dossier) -> bytes:
    base = dossier.config.base_url
    events = sorted(dossier.events.values(), key=lambda e: (e.date.sort_key(), e.title))
    return _json_list(
        {
            "key": e.key,
            "date": _date(e.date),
            "title": e.title,
            "summary": e.summary,
            "url": absolute(base, f"timeline/#event-{e.key}"),
            "entities": [dossier.entity_slug(r.name) for r in e.entities],
            "citations": [_citation(dossier, c) for c in dossier.event_claims.get(e.key, [])],
            "references": [{"title": r.title, "url": r.url} for r in e.references],
        }
        for e in events
    )


def _claim_json(dossier: Dossier, summary: FigureSummary, citation: Citation) -> dict[str, Any]:
    claim = claim_of(citation)
    assert claim.value is not None
    unit = unit_of(citation, summary.figure)
    return {
        **_citation(dossier, citation),
        "value": str(claim.value),
        "display": format_quantity(claim.value, unit),
        "unit": unit,
        "qualifier": claim.value.qualifier,
        "low": number_json(claim.value.minimum),
        "high": number_json(claim.value.maximum),
    }


def figures_json(dossier: Dossier, summaries: dict[str, FigureSummary]) -> bytes:
    base = dossier.config.base_url
    return _json_list(
        {
            "key": key,
            "label": s.figure.label,
            "unit": s.figure.unit,
            "group": s.figure.group,
            "entity": dossier.entity_slug(s.figure.entity.name) if s.figure.entity else None,
            "period": _date(s.figure.period),
            "featured": s.figure.featured,
            "note": s.figure.note,
            "url": absolute(base, f"figures/#figure-{key}"),
            "values": s.values(),
            "sources": s.sources,
            "conflict": s.conflict,
            "claims": [_claim_json(dossier, s, c) for c in s.main],
            "also_stated_as": [_claim_json(dossier, s, c) for claims in s.also.values() for c in claims],
        }
        for key, s in summaries.items()
    )


def figures_csv(dossier: Dossier, summaries: dict[str, FigureSummary]) -> bytes:
    """One row per claim, so a spreadsheet can filter by figure, source or unit."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["key", "label", "value", "unit", "low", "high", "qualifier", "main_unit", "conflict",
         "document", "url", "quote"]
    )  # fmt: skip
    for key, s in summaries.items():
        for citation in [*s.main, *(c for claims in s.also.values() for c in claims)]:
            row = _claim_json(dossier, s, citation)
            writer.writerow(
                [key, s.figure.label, row["value"], row["unit"], row["low"], row["high"],
                 row["qualifier"], row["unit"] == s.figure.unit, s.conflict, row["document"],
                 row["url"], row["quote"]]
            )  # fmt: skip
    return buffer.getvalue().encode()


def timestamp(day: dt.date | None, epoch: int | None) -> str:
    """An RFC 3339 time from content dates, or SOURCE_DATE_EPOCH, never the clock."""
    if day is not None:
        return f"{day.isoformat()}T00:00:00Z"
    moment = dt.datetime.fromtimestamp(epoch or 0, dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def article_updated(article: Article, fallback: str) -> str:
    return timestamp(article.published.earliest, None) if article.published else fallback
