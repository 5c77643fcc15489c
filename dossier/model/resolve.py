"""Resolving references once every file is read: names to entities, keys to figures and events."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Position, quote
from ..syntax.annotations import Annotated, Claim, Mention
from ..syntax.names import did_you_mean, encoding_note, name_key
from .documents import Article, Citation, Content, Dossier, Entity, Reference
from .figures import FigureSummary, summarize


class _Resolver:
    def __init__(self, content: Content):
        self.content = content
        self.diagnostics: list[Diagnostic] = []
        self.names: dict[str, str] = {}
        self.found: dict[str, str | None] = {}  # name as written → slug, remembered
        self.spellings: list[str] = []
        self.entities = self._unique(content.entities, "entity")
        self.articles = self._unique(content.articles, "article")
        self.figures = {figure.key: figure for figure in content.figures}
        self.events = {event.key: event for event in content.events}
        self._index_names()
        self.pages = {f"articles/{slug}.md" for slug in self.articles}
        self.pages |= {f"entities/{slug}.md" for slug in self.entities}
        if content.home is not None:
            self.pages.add("index.md")

    def error(self, position: Position, message: str) -> None:
        self.diagnostics.append(Diagnostic(position, "error", message))

    def _unique(self, items: list, what: str) -> dict:
        by_slug: dict = {}
        folded: dict[str, str] = {}
        for item in items:
            key = name_key(item.slug)
            if key in folded:
                other = folded[key]
                note = encoding_note(item.slug, other.rsplit("/", 1)[-1].removesuffix(".md"))
                self.error(
                    Position(item.path),
                    f'{what} slug "{item.slug}" is also used by {other} (slugs ignore case){note}',
                )
                continue
            folded[key] = item.path
            by_slug[item.slug] = item
        return by_slug

    def _index_names(self) -> None:
        for entity in self.entities.values():
            origin = entity.position or Position(entity.path)
            spellings = [(entity.name, origin), *entity.aliases, (entity.slug, origin)]
            for spelling, where in spellings:
                if not spelling:
                    continue
                key = name_key(spelling)
                owner = self.names.get(key)
                if owner is not None and owner != entity.slug:
                    other = self.entities[owner]
                    self.error(
                        where,
                        f'"{spelling}" names both "{other.name}" ({other.path}) and "{entity.name}"'
                        + encoding_note(other.name, entity.name),
                    )
                    continue
                if owner is None:
                    self.names[key] = entity.slug
                    self.spellings.append(spelling)

    def entity(self, reference: Reference | Mention) -> str | None:
        name = reference.name if isinstance(reference, Reference) else reference.target
        slug = self.found.get(name)
        if slug is None:
            slug = self.found[name] = self.names.get(name_key(name))
        if slug is None:
            where = reference.position
            self.error(where, f"unknown entity {quote(name)}{did_you_mean(name, self.spellings)}")
        return slug

    def claim(self, claim: Claim) -> bool:
        known = self.figures if claim.kind == "figure" else self.events
        if claim.key in known:
            return True
        if claim.kind in self.content.unreadable:
            return False  # its registry did not load; that error is already reported
        registry = "figures.yaml" if claim.kind == "figure" else "events.yaml"
        hint = did_you_mean(claim.key, known)
        self.error(claim.position, f"unknown {claim.kind} {quote(claim.key)} (not in {registry}){hint}")
        return False

    def links(self, body: Annotated) -> None:
        for link in body.links:
            if link.target not in self.pages:
                hint = did_you_mean(link.target, self.pages)
                self.error(link.position, f"link to {quote(link.target)}, which is not in content/{hint}")


Index = dict[str, list[Citation]]


@dataclass
class _Indexes:
    """What resolving collects: citations by entity, figure and event; the entities each document
    names; the source entity of each article."""

    mentions: Index = field(default_factory=lambda: defaultdict(list))
    figure_claims: Index = field(default_factory=lambda: defaultdict(list))
    event_claims: Index = field(default_factory=lambda: defaultdict(list))
    document_entities: dict[str, frozenset[str]] = field(default_factory=dict)
    source_of: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def of(cls, dossier: Dossier) -> _Indexes:
        """A resolved dossier's indexes, copied so that an edit can be patched into them."""
        return cls(
            defaultdict(list, dossier.mentions),
            defaultdict(list, dossier.figure_claims),
            defaultdict(list, dossier.event_claims),
            dict(dossier.document_entities),
            dict(dossier.source_of),
        )


def _index(r: _Resolver, document: Article | Entity, indexes: _Indexes) -> None:
    """Resolve one document's references and add its citations to the indexes."""
    mentions, figure_claims, event_claims = indexes.mentions, indexes.figure_claims, indexes.event_claims
    source_of, document_entities = indexes.source_of, indexes.document_entities
    seen: set[str] = set()
    for place, mention in enumerate(document.body.mentions):
        slug = r.entity(mention)
        if slug is not None:
            mentions[slug].append(Citation(document, mention, place))
            seen.add(slug)
    if isinstance(document, Article):
        source_of[document.slug] = r.entity(document.source) if document.source else None
    else:
        seen.add(document.slug)
    for place, claim in enumerate(document.body.claims):
        if r.claim(claim):
            index = figure_claims if claim.kind == "figure" else event_claims
            index[claim.key].append(Citation(document, claim, place))
    r.links(document.body)
    document_entities[document.path] = frozenset(seen)


def _dossier(content: Content, r: _Resolver, indexes: _Indexes) -> Dossier:
    mentions, figure_claims, event_claims = indexes.mentions, indexes.figure_claims, indexes.event_claims
    return Dossier(
        config=content.config,
        home=content.home,
        articles=list(r.articles.values()),
        entities=r.entities,
        figures=r.figures,
        events=r.events,
        names=r.names,
        mentions={k: v for k, v in mentions.items() if v},
        figure_claims={k: v for k, v in figure_claims.items() if v},
        event_claims={k: v for k, v in event_claims.items() if v},
        document_entities=indexes.document_entities,
        source_of=indexes.source_of,
    )


def _check_registries(r: _Resolver) -> None:
    """Every entity a figure or event of the registries names must exist."""
    for figure in r.figures.values():
        if figure.entity is not None:
            r.entity(figure.entity)
    for event in r.events.values():
        for reference in event.entities:
            r.entity(reference)


def _document_order(citation: Citation) -> tuple[int, str]:
    """Citations are listed articles first, then entities, each by file name."""
    return (0 if isinstance(citation.document, Article) else 1, citation.document.path)


def _without(citations: list[Citation], documents: set[tuple[int, str]]) -> list[Citation]:
    """A list in document order without the citations of `documents` (given by `_document_order`)."""
    kept = list(citations)
    for order in documents:
        start = bisect.bisect_left(kept, order, key=_document_order)
        del kept[start : bisect.bisect_right(kept, order, lo=start, key=_document_order)]
    return kept


def _in_document_order(ordered: list[Citation], added: list[Citation]) -> list[Citation]:
    """`ordered`, a list in document order, with `added` put in their places, as a stable sort of
    both would: an entity named in thousands of articles is not sorted again for thirty."""
    merged = list(ordered)
    for citation in sorted(added, key=_document_order):
        bisect.insort(merged, citation, key=_document_order)
    return merged


def resolve_edit(
    previous: Dossier,
    previous_summaries: dict[str, FigureSummary],
    content: Content,
    edited: set[str],
) -> tuple[Dossier, dict[str, FigureSummary], list[Diagnostic]]:
    """Resolve after an edit of existing articles or entity bodies whose names did not change, and
    of registries that kept every key: take the edited documents' citations out of the previous
    indexes and put the new ones in, so the cost follows the edit, not the dossier. Gives what
    `resolve(content)` would."""
    r = _Resolver(content)
    old = {d.path: d for d in [*previous.articles, *previous.entities.values()] if d.path in edited}
    new = {d.path: d for d in [*r.articles.values(), *r.entities.values()] if d.path in edited}
    indexes = _Indexes.of(previous)
    mentions, figure_claims, event_claims = indexes.mentions, indexes.figure_claims, indexes.event_claims
    # The keys each edited document was cited under: its citations are taken out of each list where
    # they stand, found by halving (the lists are in document order), not by reading the list.
    slugs: dict[str, set[tuple[int, str]]] = {}
    figure_keys: dict[str, set[tuple[int, str]]] = {}
    event_keys: dict[str, set[tuple[int, str]]] = {}
    for document in old.values():
        order = (0 if isinstance(document, Article) else 1, document.path)
        for slug in previous.document_entities.get(document.path, ()):
            slugs.setdefault(slug, set()).add(order)
        for claim in document.body.claims:
            (figure_keys if claim.kind == "figure" else event_keys).setdefault(claim.key, set()).add(order)
    touched: list[tuple[Index, dict[str, set[tuple[int, str]]]]] = [
        (mentions, slugs), (figure_claims, figure_keys), (event_claims, event_keys)
    ]  # fmt: skip
    for index, keys in touched:
        for key, orders in keys.items():
            index[key] = _without(index.get(key, []), orders)
    before = [{key: len(citations) for key, citations in index.items()} for index, _ in touched]
    for document in new.values():
        _index(r, document, indexes)
    for (index, _), counts in zip(touched, before, strict=True):  # the lists new citations went into
        for key, citations in index.items():
            count = counts.get(key, 0)
            if len(citations) != count:
                index[key] = _in_document_order(citations[:count], citations[count:])
    changed_figures = {
        c.key for d in [*old.values(), *new.values()] for c in d.body.claims if c.kind == "figure"
    }
    changed_figures |= {key for key, figure in r.figures.items() if previous.figures.get(key) != figure}
    _check_registries(r)
    dossier = _dossier(content, r, indexes)
    summaries = {
        key: summarize(figure, dossier.figure_claims.get(key, []))
        if key in changed_figures or key not in previous_summaries
        else previous_summaries[key]
        for key, figure in r.figures.items()
    }
    return dossier, summaries, r.diagnostics + _warnings(dossier, summaries)


def resolve(content: Content) -> tuple[Dossier, dict[str, FigureSummary], list[Diagnostic]]:
    """Check every reference and build the indexes pages are made from."""
    r = _Resolver(content)
    indexes = _Indexes()
    for document in [*r.articles.values(), *r.entities.values()]:
        _index(r, document, indexes)
    if content.home is not None:
        for mention in content.home.body.mentions:
            r.entity(mention)
        for claim in content.home.body.claims:
            r.claim(claim)
        r.links(content.home.body)
    _check_registries(r)
    dossier = _dossier(content, r, indexes)
    summaries = {
        key: summarize(figure, dossier.figure_claims.get(key, [])) for key, figure in r.figures.items()
    }
    return dossier, summaries, r.diagnostics + _warnings(dossier, summaries)


def _warnings(dossier: Dossier, summaries: dict[str, FigureSummary]) -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def warn(position: Position, message: str) -> None:
        found.append(Diagnostic(position, "warning", message))

    cited_as_source = {slug for slug in dossier.source_of.values() if slug}
    for entity in dossier.entities.values():
        if not dossier.mentions.get(entity.slug) and entity.slug not in cited_as_source:
            warn(
                entity.position or Position(entity.path),
                f'entity "{entity.name}" is never mentioned',
            )
    for event in dossier.events.values():
        if not dossier.event_claims.get(event.key):
            warn(event.position, f'event "{event.key}" is never cited by an article')
    for key, summary in summaries.items():
        figure = summary.figure
        if not summary.main and not summary.also:
            warn(figure.position, f'figure "{key}" is never stated by an article')
        if summary.widest_gap is not None:
            first, second = sorted(summary.widest_gap, key=lambda c: c.annotation.position)
            a, b = first.annotation, second.annotation
            assert isinstance(a, Claim) and isinstance(b, Claim)
            warn(
                figure.position,
                f'figure "{key}": sources disagree: "{a.value}" at {_where(a.position)} '
                f'vs "{b.value}" at {_where(b.position)}',
            )
    return found


def _where(position: Position) -> str:
    return f"{position.path}:{position.line}:{position.col}"
