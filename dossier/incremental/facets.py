"""What a document's parts digest to: the pieces of the dependency record that other pages name.

A page depends on parts of documents (what is said about an article, its mentions, its claims), not
on whole files, so an edit re-renders only the pages that show what it changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import defaultdict
from typing import Any

from ..model.documents import Article, Entity, Event, Figure
from ..pages.views.dependencies import EVENTS_FILE, FIGURES_FILE, mentions_of, part_name, registry_entry
from ..syntax.annotations import Claim, Mention
from ..syntax.values import Value

PARTS = ("meta", "mentions", "claims")
ENTRIES = (FIGURES_FILE, EVENTS_FILE)  # the registries of keyed entries, each entry a facet


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def facets(path: str, document: Article | Entity) -> dict[str, str]:
    """Digests of the parts of a document that other pages show: what is said about it (`meta`),
    its mentions and its claims. Positions are left out: moving a passage down a line changes no
    other page."""
    body = document.body
    if isinstance(document, Article):
        kinds = [claim.kind for claim in body.claims]
        about: tuple = (
            document.title, document.language, document.source and document.source.name,
            document.published and document.published.text, document.url, document.author,
            document.summary, document.reading_minutes, len(body.mentions),
            kinds.count("figure"), kinds.count("event"), document.archived and document.archived.sha256,
        )  # fmt: skip
    else:
        about = (
            document.name, document.type, tuple(a for a, _ in document.aliases), document.summary,
            document.role, tuple(sorted(document.links.items())),
        )  # fmt: skip
    # Plain tuples of the fields: a dataclass's repr costs more than all the rest here.
    mentions = tuple((m.target, m.text, m.anchor, *context_parts(m)) for m in body.mentions)
    claims = tuple(
        (c.kind, c.key, c.text, c.anchor, *context_parts(c), c.unit, *value_parts(c.value))
        for c in body.claims
    )
    return {
        part_name(path, "meta"): sha256_hex(repr(about).encode()),
        part_name(path, "mentions"): sha256_hex(repr(mentions).encode()),
        part_name(path, "claims"): sha256_hex(repr(claims).encode()),
    }


def entry_facets(path: str, entries: list[Figure] | list[Event] | None) -> dict[str, str]:
    """Digests of each entry of figures.yaml or events.yaml, without its position: the pages that
    show one figure or event name it alone, so a new entry re-renders only the pages that list them
    all or show it."""
    found = {}
    for entry in entries or []:
        fields = {f.name: getattr(entry, f.name) for f in dataclasses.fields(entry) if f.name != "position"}
        found[registry_entry(path, entry.key)] = sha256_hex(repr(fields).encode())
    return found


def mention_facets(path: str, document: Any) -> dict[str, str]:
    """What an entity page shows of a document mentioning it, for each name the document writes
    (`pages.mentions_of`): those passages, and which names the document uses (its "appears with"
    counts). Ten times as many as documents, so they are not kept like `facets`: a build computes
    those of the documents it compares or signs, each document's in one pass."""
    if not isinstance(document, Article | Entity):
        return {}
    passages: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for m in document.body.mentions:
        passages[m.target].append((m.text, m.anchor, *context_parts(m)))
    names = repr(sorted(passages))
    return {
        mentions_of(path, name): sha256_hex(f"{names}|{shown!r}".encode()) for name, shown in passages.items()
    }


def context_parts(annotation: Mention | Claim) -> tuple[str, str, str]:
    context = annotation.context
    return context.before, context.text, context.after


def value_parts(value: Value | None) -> tuple[str | None, ...]:
    """What a stated value is: its written parts (the numbers follow from them)."""
    if value is None:
        return (None,)
    return value.qualifier, value.low_text, value.high_text, value.scale
