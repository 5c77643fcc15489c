"""The dossier as data and as feeds: JSON, CSV, iCalendar, TimelineJS, Atom, sitemap, robots.txt."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from collections.abc import Callable, Iterable, Iterator
from html import escape
from typing import Any

from ..model.documents import Article, Citation, Dossier, Entity
from ..model.figures import FigureSummary, claim_of, unit_of
from ..syntax.dates import DAY, YEAR, FuzzyDate
from ..syntax.values import number_json
from .urls import absolute
from .words import SiteWords

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _json_list(items: Iterable[Any]) -> bytes:
    """A JSON array, one item encoded at a time: the exports of a large dossier run to tens of
    megabytes, and building all their items before encoding any would hold them all at once."""
    return b"".join(_json_parts(_ENCODE(item).encode() for item in items))


def _json_parts(items: Iterable[bytes]) -> Iterator[bytes]:
    """A JSON array of encoded items, in parts, so a file can be written without being held whole."""
    yield b"["
    for number, item in enumerate(items):
        yield b"," + item if number else item
    yield b"]\n"


def _date(date: FuzzyDate | None, words: SiteWords) -> dict[str, str] | None:
    if date is None:
        return None
    return {
        "text": date.text,
        "display": words.date(date),
        "earliest": date.earliest.isoformat(),
        "latest": date.latest.isoformat(),
    }


def _citation(dossier: Dossier, citation: Citation) -> dict[str, Any]:
    annotation = citation.annotation
    target = f"{citation.page}#{annotation.anchor}"
    found = {
        "document": citation.document.path,
        "url": absolute(dossier.config.base_url, target),
        "anchor": annotation.anchor,
        "text": annotation.text,
        "quote": f"{annotation.context.before}{annotation.context.text}{annotation.context.after}",
    }
    document = citation.document
    if isinstance(document, Article) and document.archived is not None:  # the source's capture
        found["capture_sha256"] = document.archived.sha256
    return found


def entities_json(dossier: Dossier, encoded: Callable[[Entity], bytes] | None = None) -> bytes:
    return b"".join(entities_json_parts(dossier, encoded))


def entities_json_parts(
    dossier: Dossier, encoded: Callable[[Entity], bytes] | None = None
) -> Iterator[bytes]:
    """Every entity with its mentions, in parts (`_json_parts`). `encoded` may give an entity's item
    as made before: an edit changes a few of them, and the mentions of all are most of the file."""
    encode = encoded or functools.partial(entity_item, dossier)
    return _json_parts(encode(e) for e in sorted(dossier.entities.values(), key=lambda e: e.slug))


def entity_item(dossier: Dossier, e: Entity) -> bytes:
    """One entity of `entities_json`, encoded; it shows what the entity's page shows of it."""
    record = {
        "slug": e.slug,
        "name": e.name,
        "type": e.type,
        "aliases": [alias for alias, _ in e.aliases],
        "summary": e.summary,
        "role": e.role,
        "links": e.links,
        "url": absolute(dossier.config.base_url, f"entities/{e.slug}/"),
        "mentions": [_citation(dossier, c) for c in dossier.mentions.get(e.slug, [])],
        "related": [{"slug": s, "shared": n} for s, n in dossier.related(e.slug)],
    }
    return _ENCODE(record).encode()


def events_json(dossier: Dossier, words: SiteWords) -> bytes:
    base = dossier.config.base_url
    events = sorted(dossier.events.values(), key=lambda e: (e.date.sort_key(), e.title))
    return _json_list(
        {
            "key": e.key,
            "date": _date(e.date, words),
            "title": e.title,
            "summary": e.summary,
            "url": absolute(base, f"timeline/#event-{e.key}"),
            "entities": [dossier.entity_slug(r.name) for r in e.entities],
            "citations": [_citation(dossier, c) for c in dossier.event_claims.get(e.key, [])],
            "references": [{"title": r.title, "url": r.url} for r in e.references],
        }
        for e in events
    )


def events_ics(dossier: Dossier, words: SiteWords, updated: str) -> bytes:
    """The events as iCalendar: all-day events spanning each date at its precision (30 April 2025 is
    one day, Q3 2025 three months), with the title, the summary and the address of its entry."""
    import icalendar  # loaded only when the calendar is made

    base = dossier.config.base_url
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//dossier//events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", dossier.config.title)
    host = base.split("//", 1)[-1].split("/", 1)[0] if base else "dossier.invalid"
    stamp = dt.datetime.fromisoformat(updated.replace("Z", "+00:00"))  # as the feed's: from content
    for e in sorted(dossier.events.values(), key=lambda e: (e.date.sort_key(), e.title)):
        event = icalendar.Event()
        event.add("uid", f"{e.key}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", e.title)
        event.add("dtstart", e.date.earliest)
        event.add("dtend", e.date.latest + dt.timedelta(days=1))  # iCalendar's end day is exclusive
        precision = words.gettext("Date as the sources give it: %(date)s.") % {"date": words.date(e.date)}
        event.add("description", f"{e.summary}\n\n{precision}" if e.summary else precision)
        if base:
            event.add("url", absolute(base, f"timeline/#event-{e.key}"))
        calendar.add_component(event)
    return calendar.to_ical()


def timeline_json(dossier: Dossier, words: SiteWords) -> bytes:
    """The events in TimelineJS's JSON format, each date at its own precision."""
    base = dossier.config.base_url
    events = []
    for e in sorted(dossier.events.values(), key=lambda e: (e.date.sort_key(), e.title)):
        text = e.summary or ""
        if base:
            link, label = absolute(base, f"timeline/#event-{e.key}"), escape(words.gettext("In the dossier"))
            text += f' <a href="{link}">{label}</a>'
        event: dict[str, Any] = {
            "unique_id": e.key,
            "start_date": _timeline_date(e.date.earliest, e.date.precision),
            "display_date": words.date(e.date),
            "text": {"headline": e.title, "text": text.strip()},
        }
        end = _timeline_date(e.date.latest, e.date.precision)
        if end != event["start_date"]:  # a span: a quarter, a season, an interval
            event["end_date"] = end
        events.append(event)
    title = {"text": {"headline": dossier.config.title, "text": dossier.config.description or ""}}
    return json.dumps({"title": title, "events": events}, ensure_ascii=False, indent=1).encode() + b"\n"


def _timeline_date(day: dt.date, precision: int) -> dict[str, int]:
    """TimelineJS's date object: the year, and the month and the day where the date is that precise."""
    date = {"year": day.year}
    if precision > YEAR:  # a month, or the first month of a quarter, half or season
        date["month"] = day.month
    if precision == DAY:
        date["day"] = day.day
    return date


def _claim_json(
    dossier: Dossier, summary: FigureSummary, citation: Citation, words: SiteWords
) -> dict[str, Any]:
    claim = claim_of(citation)
    assert claim.value is not None
    unit = unit_of(citation, summary.figure)
    return {
        **_citation(dossier, citation),
        "value": str(claim.value),
        "display": words.quantity(claim.value, unit),
        "unit": unit,
        "qualifier": claim.value.qualifier,
        "low": number_json(claim.value.minimum),
        "high": number_json(claim.value.maximum),
    }


def figures_json(dossier: Dossier, summaries: dict[str, FigureSummary], words: SiteWords) -> bytes:
    base = dossier.config.base_url
    return _json_list(
        {
            "key": key,
            "label": s.figure.label,
            "unit": s.figure.unit,
            "group": s.figure.group,
            "entity": dossier.entity_slug(s.figure.entity.name) if s.figure.entity else None,
            "period": _date(s.figure.period, words),
            "featured": s.figure.featured,
            "note": s.figure.note,
            "url": absolute(base, f"figures/#figure-{key}"),
            "values": words.stated(s),
            "sources": s.sources,
            "conflict": s.conflict,
            "claims": [_claim_json(dossier, s, c, words) for c in s.main],
            "also_stated_as": [
                _claim_json(dossier, s, c, words) for claims in s.also.values() for c in claims
            ],
        }
        for key, s in summaries.items()
    )


def figures_csv(dossier: Dossier, summaries: dict[str, FigureSummary], words: SiteWords) -> bytes:
    """One row per claim, so a spreadsheet can filter by figure, source or unit."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["key", "label", "value", "unit", "low", "high", "qualifier", "main_unit", "conflict",
         "document", "url", "quote"]
    )  # fmt: skip
    for key, s in summaries.items():
        for citation in [*s.main, *(c for claims in s.also.values() for c in claims)]:
            row = _claim_json(dossier, s, citation, words)
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
