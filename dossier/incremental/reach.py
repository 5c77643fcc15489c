"""Small edits: only the outputs an edit can reach, found from the dependency record."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..model.documents import Article, Dossier, Entity, Event
from ..pages.render import Output, Renderer
from ..pages.views.dependencies import Record, part_name
from ..pages.views.page import Page
from .documents import Documents
from .facets import ENTRIES, PARTS, mention_facets
from .parsing import apart_from_the_collector


@dataclass(frozen=True)
class Edit:
    """An edit of existing documents: their paths, their parts' digests before it, and the derived
    values (figure and event tips) that moved with it."""

    paths: set[str]
    old_facets: dict[str, str]
    moved: set[str]


def edited_documents(changed: set[str], documents: Documents) -> set[str]:
    """The changed files, when every one is an article or entity that was there before and still
    is, or a figures.yaml or events.yaml that keeps every key (new or changed entries); otherwise
    (an added or removed file, config, layouts, the home page, a key removed) nothing: build it all."""
    for path in changed:
        if path in ENTRIES:
            if not documents.entries_kept(path):
                return set()
            continue
        kind = path.startswith(("content/articles/", "content/entities/"))
        if (
            not kind
            or path not in documents.sources.digests
            or documents.parsed.get(path, (None, None))[1] is None
        ):
            return set()
    return set(changed)


def reach(edit: Edit, documents: Documents, output_inputs: dict[str, Record], dossier: Dossier) -> set[str]:
    """Outputs whose dependency record names a changed part of an edited document or a derived
    value that moved, and the pages that may newly depend on it."""
    facets = documents.sources.facets
    names = set(edit.moved)
    entity_pages: set[str] = set()
    for path in edit.paths & set(ENTRIES):
        names.add(path)  # the pages that list every entry
        old = {n: d for n, d in edit.old_facets.items() if n.startswith(f"{path}#")}
        new = {n: d for n, d in facets.items() if n.startswith(f"{path}#")}
        changed = {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}
        names |= changed
        keys = {name.partition("#entry:")[2] for name in changed}
        entity_pages |= _entry_entities(keys, documents.previous.get(path) or [], dossier)
        entity_pages |= _entry_entities(keys, [*dossier.figures.values(), *dossier.events.values()], dossier)
    documents_edited = edit.paths - set(ENTRIES)
    for path in documents_edited:
        kind = "articles" if path.startswith("content/articles/") else "entities"
        names.add(path)
        for part in PARTS:
            name = part_name(path, part)
            if edit.old_facets.get(name) != facets.get(name):
                names |= {name, f"*{kind}#{part}"}
        old = mention_facets(path, documents.previous.get(path))
        new = mention_facets(path, documents.parsed[path][1])
        names |= {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}
    # A scan of the record, not an index kept from it: a few thousand set intersections take a
    # few milliseconds, and an inverse index would double the record's memory and cache.
    reached = {path for path, inputs in output_inputs.items() if not names.isdisjoint(inputs)}
    reached |= entity_pages  # an entity's page lists the figures and events naming it
    # The record covers every dependency the last build knew of; new ones can only come from
    # what the edited documents name now and did not name before.
    for path in documents_edited:
        document = documents.parsed[path][1]
        reached.add(_page_file(document))
        before = documents.previous.get(path)
        slugs, figures = _named(document, dossier)
        old_slugs, old_figures = _named(before, dossier) if before is not None else (set(), set())
        reached |= {f"entities/{slug}/index.html" for slug in slugs - old_slugs}
        for key in figures - old_figures:
            reached |= {_page_file(c.document) for c in dossier.figure_claims.get(key, [])}
    return reached


def outputs_for(paths: set[str], renderer: Renderer) -> list[Output]:
    outputs = []
    for path in sorted(paths):
        if path.endswith("index.html"):
            page = renderer.views.page(path.removesuffix("index.html"))
            if page is not None:
                outputs.append(renderer.page_output(page))
    outputs += [o for o in renderer.other_outputs() if o.path in paths]
    return outputs


class LaterPages:
    """The pages an edit reached that no open tab shows, left unviewed by the build: a page's view
    (what it shows, and the dependency record that comes with it) is worked out when the page is
    made after the build, or by `records`, which the next build waits for. An edit that reaches
    hundreds of entity pages then costs the open page only its own."""

    def __init__(self, paths: set[str], renderer: Renderer | None, kept: dict[str, Record]):
        self.renderer = renderer
        self.paths = {path for path in paths if path.endswith("index.html")}
        self._kept = kept
        self._pages: dict[str, Page | None] = {}

    def outputs(self) -> list[Output]:
        """An output for each page, made on demand from its view; its record the last one known
        until `records` replaces it."""
        return [
            Output(path, functools.partial(self._render, path), self._kept.get(path, ()), on_demand=True)
            for path in sorted(self.paths)
        ]

    def records(self) -> dict[str, Record]:
        """The dependency records of the pages that still exist, each viewed once; kept out of the
        cycle collector's way, as a build's reading is (they last until the next build)."""
        with apart_from_the_collector():
            pages = {path: self._page(path) for path in sorted(self.paths)}
        return {path: page.inputs for path, page in pages.items() if page is not None}

    def _page(self, path: str) -> Page | None:
        assert self.renderer is not None
        if path not in self._pages:  # two threads may view a page at once: the same view, twice
            self._pages[path] = self.renderer.views.page(path.removesuffix("index.html"))
        return self._pages[path]

    def _render(self, path: str) -> bytes:
        page = self._page(path)
        if page is None:
            raise LookupError(f"{path}: the page is gone")  # the build that removed it says so
        assert self.renderer is not None
        return self.renderer.render(page)


def _named(document: Article | Entity, dossier: Dossier) -> tuple[set[str], set[str]]:
    """The entities whose pages show something of this document, and the figures it states."""
    slugs = {dossier.entity_slug(m.target) for m in document.body.mentions}
    if isinstance(document, Article) and document.source is not None:
        slugs.add(dossier.entity_slug(document.source.name))
    figures = set()
    for claim in document.body.claims:
        if claim.kind == "figure":
            figures.add(claim.key)
            figure = dossier.figures.get(claim.key)
            if figure is not None and figure.entity is not None:
                slugs.add(dossier.entity_slug(figure.entity.name))
        else:
            event = dossier.events.get(claim.key)
            slugs |= {dossier.entity_slug(r.name) for r in (event.entities if event else [])}
    return {slug for slug in slugs if slug}, figures


def _entry_entities(keys: set[str], entries: list, dossier: Dossier) -> set[str]:
    """The pages of the entities that these figures or events (of `entries`, by key) name."""
    names = set()
    for entry in entries:
        if entry.key in keys:
            references = entry.entities if isinstance(entry, Event) else [entry.entity]
            names |= {r.name for r in references if r is not None}
    slugs = {dossier.entity_slug(name) for name in names}
    return {f"entities/{slug}/index.html" for slug in slugs if slug}


def _page_file(document: Article | Entity) -> str:
    kind = "articles" if isinstance(document, Article) else "entities"
    return f"{kind}/{document.slug}/index.html"
