"""Incremental builds: what is known about a dossier folder from one build to the next.

A build reads every source file's bytes (or only the files the caller says changed), re-parses the
files whose bytes changed, resolves the whole dossier (a linear pass), and re-renders only the outputs
whose signature changed. An output's signature is a hash of everything it was made from: the engine
version, config.yaml, its layouts, and the content files in its dependency record (`Output.inputs`).
The same record serves `build`, `serve` and the persistent cache.
"""

from __future__ import annotations

import gc
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .. import progress
from ..diagnostics import ContentError, Diagnostic, Report
from ..model.documents import Dossier, Entity
from ..model.figures import FigureSummary
from ..model.resolve import resolve, resolve_edit
from ..pages.data import entity_item
from ..pages.render import Output, Renderer, collect_assets, environment, layout_error
from ..pages.views.dependencies import Record, part_name
from ..pages.words import SiteWords, load_words
from ..reading.config import load_config, markdown_options
from ..reading.discover import Stat
from .documents import Documents
from .facets import sha256_hex
from .folders import compiled_layouts
from .journal import JournalEntry
from .parsing import apart_from_the_collector
from .reach import Edit, LaterPages, edited_documents, outputs_for, reach
from .signing import Signing, TemplateDigests, settings, signer
from .sources import Sources
from .writing import Sink, write_outputs

__all__ = ["Outcome", "Project", "Sink"]


@dataclass
class Outcome:
    """What one build did."""

    pages: int = 0  # HTML pages in the site
    files: int = 0  # files in the site
    rendered: list[str] = field(default_factory=list)  # outputs made this time
    changed: set[str] = field(default_factory=set)  # outputs whose bytes differ from the last build
    removed: set[str] = field(default_factory=set)
    sources_changed: set[str] = field(default_factory=set)
    parsed: int = 0  # content files parsed this time
    diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0


class Project:
    """One dossier folder, kept between builds so that each build does only the work a change needs."""

    def __init__(
        self, root: Path, *, base_url: str | None = None, strict: bool = False, serving: bool = False
    ):
        self.root = root
        self.base_url = base_url
        self.strict = strict
        self.serving = serving
        self.sources = Sources(root)
        self.documents = Documents(root, self.sources)
        self.signatures: dict[str, str] = {}  # output path → signature of what made it
        self.output_digests: dict[str, str] = {}  # output path → digest of its bytes
        self.output_inputs: dict[str, Record] = {}  # output path → its dependency record
        self.derived: dict[str, str] = {}  # "tip:figure:KEY" → digest of that text (see pages.py)
        # entity slug → its data/entities.json item, compressed, with its page's signature (`_entity_items`)
        self.entity_items: dict[str, tuple[str, bytes]] = {}
        self._items_made: set[str] = set()
        self.counts = (0, 0)  # pages and files of the last build
        self.last_diagnostics: list[Diagnostic] = []
        self.deferred: set[str] = set()  # outputs left to be made on request
        # For the cache's journal: the full cache this project extends, the outputs the last build
        # signed, and the edits whose citations the cached resolution (`dossier`, `summaries`) has
        # not taken in yet.
        self.generation = ""
        self._signed: set[str] = set()
        self._patched: set[str] | None = None  # documents the last build's resolution patched in
        self._unresolved: set[str] = set()
        self._full_build = False
        self.templates = TemplateDigests()  # kept until a layout changes
        self._later_pages = LaterPages(set(), None, {})  # pages the last build left unviewed
        self.env: jinja2.Environment = environment(root, compiled_layouts(root))
        self.words: SiteWords | None = None  # the site's language, read with the config
        self.dossier: Dossier | None = None
        self.summaries: dict[str, FigureSummary] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """For the build cache: all but the template environment and the site's words (made again)."""
        self.finish()
        state = dict(self.__dict__)
        del state["env"], state["_later_pages"]
        state["words"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.env = environment(self.root, compiled_layouts(self.root))
        self._later_pages = LaterPages(set(), None, {})

    def forget_outputs(self) -> None:
        """Render every output at the next build (the output folder is not the one last built)."""
        for known in (self.signatures, self.output_digests, self.output_inputs):
            known.clear()
        self.deferred.clear()
        self.dossier = self.summaries = None
        self._unresolved = set()

    # Reading and resolving

    def load(
        self, report: Report, edited: set[str] = frozenset(), old_facets: dict[str, str] | None = None
    ) -> tuple[Dossier, dict[str, FigureSummary]] | None:
        config, problems = load_config(self.root)
        report.extend(problems)
        if config is None:
            return None
        if self.base_url is not None:
            config.base_url = self.base_url.rstrip("/") + "/" if self.base_url else ""
        options = markdown_options(config)
        self.words, problems = load_words(self.root, config.language)
        report.extend(problems)
        if self.documents.config_changed():
            self.documents.forget()
        passage = self.documents.passage_template(self.env, self.templates)
        content = self.documents.content(config, options, passage, report, full=self._full_build)
        progress.current().phase("resolving")
        if (
            self.dossier is not None
            and self.summaries is not None
            and edited
            and names_kept(edited, old_facets or {}, self.sources.facets)
        ):
            # Edits journalled since the cache was saved whole are patched in along with these.
            patch = edited | self._unresolved
            dossier, summaries, problems = resolve_edit(self.dossier, self.summaries, content, patch)
            self._patched = set(edited)
        else:
            dossier, summaries, problems = resolve(content)
            self._patched = None
        report.extend(problems)
        return dossier, summaries

    def _entity_items(
        self, renderer: Renderer, signatures: dict[str, str], unsigned: set[str]
    ) -> Callable[[Entity], bytes]:
        """Each entity's item of data/entities.json, kept with the signature of the entity's page:
        the page shows everything the item holds, so while the page is unchanged, so is the item
        (one whose page this build did not sign is made anew)."""

        def item(entity: Entity) -> bytes:
            page = f"entities/{entity.slug}/index.html"
            if page in unsigned:
                return entity_item(renderer.dossier, entity)
            signature = signatures.get(page) or self.signatures.get(page, "")
            kept = self.entity_items.get(entity.slug)
            if kept is not None and kept[0] == signature:
                return zlib.decompress(kept[1])
            data = entity_item(renderer.dossier, entity)
            self.entity_items[entity.slug] = (signature, zlib.compress(data, 1))  # a seventh of the size
            self._items_made.add(entity.slug)
            return data

        return item

    # The cache's journal

    def journal_entry(self) -> JournalEntry | None:
        """The changes of the last build, when it only edited documents whose names stayed the same
        (so the cached resolution can be patched on loading); None when it must be saved whole."""
        if self._patched is None or not self.generation:
            return None
        sources, facets, groups = self.sources.journalled()
        parsed = self.documents.parsed
        return JournalEntry(
            generation=self.generation,
            sources=sources,
            facets=facets,
            groups=groups,
            derived=dict(self.derived),
            parsed={path: parsed[path] for path in self._patched if path in parsed},
            outputs={
                path: (self.signatures[path], self.output_digests.get(path, ""), self.output_inputs[path])
                for path in self._signed
            },
            entity_items={slug: self.entity_items[slug] for slug in self._items_made},
            counts=self.counts,
            diagnostics=self.last_diagnostics,
            edited=set(self._patched),
        )

    def apply(self, entry: JournalEntry) -> None:
        """Bring a project loaded from a full cache up to date with one journal entry."""
        self.sources.apply(entry)
        self.documents.apply(entry)
        self.derived = dict(entry.derived)
        for path, (signature, digest, inputs) in entry.outputs.items():
            self.signatures[path] = signature
            self.output_digests[path] = digest
            self.output_inputs[path] = inputs
        self.entity_items.update(entry.entity_items)
        self.counts = entry.counts
        self.last_diagnostics = entry.diagnostics
        self._unresolved |= entry.edited

    # The build

    def build(
        self, sink: Sink, changed: Iterable[str] | None = None, scanned: dict[str, Stat] | None = None
    ) -> Outcome:
        """Bring `sink` up to date with the sources; raises ContentError and writes nothing on errors."""
        started = time.perf_counter()
        self.sources.start_build()
        self.documents.start_build()
        self._signed, self._items_made, self._patched = set(), set(), None
        outcome = Outcome(sources_changed=self.sources.refresh(changed, scanned))
        if not outcome.sources_changed and self.dossier is not None and self.signatures:
            # Nothing changed since the last good build: the caller keeps what it has (the preview's
            # site keeps the outputs left for later, and makes them when their time comes).
            if self.strict and any(d.severity == "warning" for d in self.last_diagnostics):
                raise ContentError(self.last_diagnostics)
            return Outcome(
                *self.counts, diagnostics=self.last_diagnostics, seconds=time.perf_counter() - started
            )
        gc.unfreeze()  # what the last build read may be garbage now (see `parsing.apart_from_the_collector`)
        self.finish()  # the records of the last build's later pages, before this one reaches any
        known = self.dossier is not None and self.signatures and outcome.sources_changed
        changed = outcome.sources_changed
        # Taken before a registry is read again to tell what its edit changed (see edited_documents).
        before = {name: d for name, d in self.sources.facets.items() if name.split("#")[0] in changed}
        edited = edited_documents(changed, self.documents) if known else set()
        self._full_build = not edited  # then the cache is saved whole, bodies and all
        old_facets = {name: digest for name, digest in before.items() if name.split("#")[0] in edited}
        if any(path.startswith("layouts/") for path in outcome.sources_changed):
            self.env = environment(self.root, compiled_layouts(self.root))  # a fresh template cache
            self.templates = TemplateDigests()
        report = Report()
        with apart_from_the_collector():
            loaded = self.load(report, edited, old_facets)
        if loaded is None or report.errors or (self.strict and report.warnings):
            self.dossier = self.summaries = None  # the next build resolves everything again
            raise ContentError(report.sorted())
        self.dossier, self.summaries = loaded
        self._unresolved = set()
        # The preview makes the pages no open tab shows after an edit's build (see writing.py), so
        # they need no signature now: left for later, they are made whatever it would have said.
        shown = getattr(sink, "shown", None)
        later = (lambda path: not shown(path)) if self.serving and edited and shown is not None else None
        outputs, signatures, derived = self._signed_outputs(edited, old_facets, later)
        todo = []
        for output in outputs:
            signature = signatures.get(output.path)
            if (
                signature is not None
                and self.signatures.get(output.path) == signature
                and output.path not in self.deferred
            ):
                sink.keep(output.path)
            else:
                todo.append(output)
        progress.current().phase("writing pages")
        written = write_outputs(todo, sink, self.output_digests, self.serving)
        outcome.changed, outcome.rendered = written.changed, written.rendered
        self.deferred = (self.deferred - set(written.rendered)) | written.deferred
        self.output_digests.update(written.digests)
        self.signatures.update(signatures)
        self.derived = derived
        for output in outputs:
            self.output_inputs[output.path] = output.inputs
        self.documents.settle()
        if edited:  # outputs the edit did not reach are carried over as they are
            for path in set(self.signatures) - set(signatures):
                sink.keep(path)
        else:
            self._remove_gone(sink, {output.path for output in outputs}, outcome)
        outcome.pages, outcome.files = self.counts
        outcome.parsed = self.documents.parse_count
        outcome.diagnostics = self.last_diagnostics = report.sorted()
        outcome.seconds = time.perf_counter() - started
        return outcome

    def unchanged(self, changed: Iterable[str]) -> Outcome | None:
        """What a build of `changed` gives, without one, when it would find nothing to do (the
        watcher's report of files a review action wrote and built); None when there is work."""
        if self.dossier is None or not self.signatures or not self.sources.hold(changed):
            return None
        return Outcome(*self.counts, diagnostics=self.last_diagnostics)

    def finish(self) -> None:
        """Take in the dependency records of the pages the last build left unviewed (`LaterPages`):
        the preview calls it right after a build, and a build that has work to do before any."""
        self.output_inputs.update(self._later_pages.records())
        self._later_pages = LaterPages(set(), None, {})

    def _signed_outputs(
        self, edited: set[str], old_facets: dict[str, str], later: Callable[[str], bool] | None = None
    ) -> tuple[list[Output], dict[str, str], dict[str, str]]:
        """The outputs this build may have to make (all, or those an edit reaches), their signatures
        (but of those `later` leaves unsigned), and the digests of the derived values (figure and
        event tips) they were signed with."""
        assert self.dossier is not None and self.summaries is not None and self.words is not None
        try:
            assets = collect_assets(self.root)
            renderer = Renderer(
                self.env, self.root, self.dossier, self.summaries, assets, self.words, serving=self.serving
            )
            derived = {name: sha256_hex(text.encode()) for name, text in renderer.views.tips().items()}
            moved = {n for n in derived.keys() | self.derived.keys() if derived.get(n) != self.derived.get(n)}
            if edited:
                edit = Edit(edited, old_facets, moved)
                reached = reach(edit, self.documents, self.output_inputs, self.dossier)
                if later is not None:
                    unviewed = {path for path in reached if later(path)}
                    self._later_pages = LaterPages(unviewed, renderer, self.output_inputs)
                    reached -= self._later_pages.paths
                outputs = outputs_for(reached, renderer) + self._later_pages.outputs()
            else:
                outputs = renderer.outputs()
            # Published pages name assets by content hash, so they change when an asset does.
            hashed = "" if self.serving else ",".join(a.hashed for a in renderer.assets.values())
            sign = signer(
                Signing(
                    sources=self.sources,
                    parsed=self.documents.parsed,
                    mentions=self.documents.fresh_mentions,
                    derived=derived,
                    settings=settings(self.serving, self.base_url, self.sources.digests, hashed),
                    templates=lambda names: self.templates.digest(self.env, self.sources.digests, names),
                )
            )
            unsigned = self._later_pages.paths
            signatures = {output.path: sign(output) for output in outputs if output.path not in unsigned}
            self._signed = set(signatures)
            renderer.entity_items = self._entity_items(renderer, signatures, unsigned)
            self.documents.fresh_mentions = {}  # signed: let them go
        except (jinja2.TemplateError, OSError) as exc:
            raise ContentError([layout_error(exc, self.root)]) from None
        return outputs, signatures, derived

    def _remove_gone(self, sink: Sink, live: set[str], outcome: Outcome) -> None:
        """After a full build: the outputs no page makes any more are removed, and the counts kept."""
        assert self.dossier is not None
        self.entity_items = {s: kept for s, kept in self.entity_items.items() if s in self.dossier.entities}
        for gone in set(self.signatures) - live:
            sink.remove(gone)
            outcome.removed.add(gone)
            for known in (self.signatures, self.output_digests, self.output_inputs):
                known.pop(gone, None)
            self.deferred.discard(gone)
        self.counts = (sum(1 for path in live if path.endswith(".html")), len(live))


def names_kept(edited: set[str], old_facets: dict[str, str], facets: dict[str, str]) -> bool:
    """Whether an edit leaves every entity's names as they were, so the last build's resolution can
    be patched rather than redone."""
    return all(
        old_facets.get(part_name(path, "meta")) == facets.get(part_name(path, "meta"))
        for path in edited
        if path.startswith("content/entities/")
    )
