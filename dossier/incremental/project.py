"""Incremental builds: what is known about a dossier folder from one build to the next.

A build reads every source file's bytes (or only the files the caller says changed), re-parses the
files whose bytes changed, resolves the whole dossier (a linear pass), and re-renders only the outputs
whose signature changed. An output's signature is a hash of everything it was made from: the engine
version, config.yaml, its layouts, and the content files in its dependency record (`Output.inputs`).
The same record serves `build`, `serve` and the persistent cache.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from .. import __version__, progress
from ..diagnostics import ContentError, Diagnostic, Report
from ..model.documents import Config, Content, Dossier, Entity
from ..model.figures import FigureSummary
from ..model.resolve import resolve, resolve_edit
from ..pages.data import entity_item
from ..pages.layouts import ENGINE_LAYOUTS
from ..pages.passages import PASSAGE_LAYOUT
from ..pages.render import (
    Output,
    Renderer,
    collect_assets,
    environment,
    layout_error,
    template_closure,
)
from ..pages.views.dependencies import MENTIONS_OF, Record, part_name
from ..pages.words import CATALOGS, SiteWords, load_words
from ..reading.config import MarkdownOptions, load_config, markdown_options
from ..reading.discover import CONFIG_FILE, REGISTRIES, Stat, file_digest, is_source, scan_sources, stat_of
from ..reading.dismissals import DISMISSED, load_dismissals
from ..reading.documents import load_home
from ..reading.registries import load_events, load_figures
from .facets import PARTS, mention_facets, sha256_hex
from .folders import compiled_layouts
from .freshness import same_bytes, vouches
from .journal import Journal
from .parsing import apart_from_the_collector, attach_passages_at, read_document
from .reach import Reach
from .workers import parallel_map, parallel_results, write_file


class Sink(Protocol):
    """Where a build's files go: a staging folder when publishing, the live folder when previewing."""

    def write(self, path: str, data: bytes) -> None: ...
    def later(self, path: str, produce: Callable[[], bytes]) -> None: ...
    def keep(self, path: str) -> None: ...
    def remove(self, path: str) -> None: ...


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


class Project(Journal, Reach):
    """One dossier folder, kept between builds so that each build does only the work a change needs."""

    def __init__(
        self,
        root: Path,
        *,
        base_url: str | None = None,
        strict: bool = False,
        serving: bool = False,
    ):
        self.root = root
        self.base_url = base_url
        self.strict = strict
        self.serving = serving
        self.digests: dict[str, str] = {}  # source path → digest of its bytes
        # source path → its status when last digested, and when that was (see `refresh`)
        self.file_stats: dict[str, tuple[Stat, int]] = {}
        self.parsed: dict[str, tuple[str, Any, list[Diagnostic]]] = {}  # path → (digest, result, problems)
        self.signatures: dict[str, str] = {}  # output path → signature of what made it
        self.output_digests: dict[str, str] = {}  # output path → digest of its bytes
        self.facets: dict[str, str] = {}  # "PATH#part" → digest of that part of a parsed document
        self.derived: dict[str, str] = {}  # "tip:figure:KEY" → digest of that text (see pages.py)
        self.passage_layout = ""  # digest of the layout the parsed documents' passages were made with
        # entity slug → its data/entities.json item, compressed, with its page's signature (`_entity_items`)
        self.entity_items: dict[str, tuple[str, bytes]] = {}
        self._items_made: set[str] = set()
        # path → digests of its mentions by name, from the workers that parsed it, for this build only
        self._fresh_mentions: dict[str, dict[str, str]] = {}
        # Where the bodies of documents parsed by a full build go, when a cache will keep them (set
        # by the caller, see `published.py`), and whether this build wrote them there.
        self.pending_bodies: Path | None = None
        self.bodies_written = False
        self._full_build = False
        self.groups: dict[str, int] = {}  # "*articles#meta", ... → XOR of their members' digests
        self.output_inputs: dict[str, Record] = {}  # output path → its dependency record
        self.counts = (0, 0)  # pages and files of the last build
        self.last_diagnostics: list[Diagnostic] = []
        self._previous: dict[str, Any] = {}  # path → parsed document, as of the last build
        self._template_digests: dict[tuple[str, ...], str] = {}  # kept until a layout changes
        self._parsed_now: set[str] = set()  # files parsed since the last successful build
        # For the cache's journal: what the last build changed, and the edits whose citations the
        # cached resolution (`dossier`, `summaries`) has not taken in yet.
        self.generation = ""
        self._touched_sources: set[str] = set()
        self._touched_facets: set[str] = set()
        self._signed: set[str] = set()
        self._patched: set[str] | None = None  # documents the last build's resolution patched in
        self._unresolved: set[str] = set()
        self.deferred: set[str] = set()  # outputs left to be made on request
        self.env: jinja2.Environment = environment(root, compiled_layouts(root))
        self.words: SiteWords | None = None  # the site's language, read with the config
        self.dossier: Dossier | None = None
        self.summaries: dict[str, FigureSummary] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """For the build cache: everything but the template environment and the site's words,
        which are made again."""
        state = dict(self.__dict__)
        del state["env"]
        state["_fresh_mentions"] = {}
        state["words"] = None
        state["pending_bodies"], state["bodies_written"] = None, False
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.env = environment(self.root, compiled_layouts(self.root))

    def forget_outputs(self) -> None:
        """Render every output at the next build (the output folder is not the one last built)."""
        for record in (self.signatures, self.output_digests, self.output_inputs):
            record.clear()
        self.deferred.clear()
        self.dossier = self.summaries = None
        self._unresolved = set()

    # Sources

    def stats(self) -> dict[str, Stat]:
        """Each source's status when it was last read, for the cache's "nothing changed" check.

        Files read within the times' granularity of being written are left out: their status
        cannot vouch for their bytes, so the next build reads them again (see `same_bytes`).
        """
        return {path: known[0] for path, known in self.file_stats.items() if vouches(known)}

    def refresh(
        self, changed: Iterable[str] | None = None, scanned: dict[str, Stat] | None = None
    ) -> set[str]:
        """Re-read sources (all, or just `changed`); returns the paths whose bytes differ.

        `scanned` is every source's status as just read by `scan_sources`, which saves a second
        look at thousands of files when the caller has already made one.
        """
        if changed is None:
            if scanned is None:
                scanned = scan_sources(self.root)
            paths = set(scanned) | set(self.digests)
        else:
            scanned = None
            paths = set()
            for path in changed:
                paths.add(path)
                paths |= {known for known in self.digests if known.startswith(path.rstrip("/") + "/")}
        differ = set()
        for path in sorted(p for p in paths if is_source(p)):
            status = scanned.get(path) if scanned is not None else stat_of(self.root / path)
            if status is not None and same_bytes(status, self.file_stats.get(path)):
                continue
            read_at = time.time_ns()
            digest = file_digest(self.root / path)
            self._touched_sources.add(path)
            if status is None or digest is None:
                self.file_stats.pop(path, None)
            else:
                self.file_stats[path] = (status, read_at)
            if digest != self.digests.get(path):
                differ.add(path)
                if digest is None:
                    self.digests.pop(path, None)
                    self._set_facets(path, {})
                else:
                    self.digests[path] = digest
        return differ

    def _regroup(self, group: str, name: str, old: str | None, new: str | None) -> None:
        """Keep a group's digest (an XOR over its members) up to date as one member changes."""
        value = self.groups.get(group, 0)
        for digest in (old, new):
            if digest is not None:
                value ^= int(sha256_hex(f"{name}={digest}".encode()), 16)
        self.groups[group] = value

    def _set_facets(self, path: str, found: dict[str, str]) -> None:
        kind = path.split("/")[1] if path.count("/") == 2 else ""
        for part in PARTS:
            name = part_name(path, part)
            old, new = self.facets.pop(name, None), found.get(name)
            self._touched_facets.add(name)
            if new is not None:
                self.facets[name] = new
            if old != new:
                self._regroup(f"*{kind}#{part}", name, old, new)

    # Parsing

    def _parse_registry(
        self, path: str, options: MarkdownOptions, passage: jinja2.Template
    ) -> tuple[Any, list[Diagnostic]]:
        """figures.yaml, events.yaml or the home page, read again only when its bytes changed
        (articles and entities are read by `_content`, in workers)."""
        digest = self.digests[path]
        cached = self.parsed.get(path)
        if cached is not None and cached[0] == digest:
            return cached[1], cached[2]
        if path == "content/figures.yaml":
            result, problems = load_figures(self.root)
        elif path == "content/events.yaml":
            result, problems = load_events(self.root)
        elif path == DISMISSED:
            result, problems = load_dismissals(self.root)  # read for its errors; pages do not show it
        else:
            result, problems = load_home(self.root, options)
            if result is not None:
                attach_passages_at(self.root, passage, result)
        self._store(path, result, problems, {})
        return result, problems

    def _store(self, path: str, result: Any, problems: list[Diagnostic], found: dict[str, str]) -> None:
        """Keep a parse result, with its facets (made by the worker that parsed it, see `parsing`)."""
        self.parsed[path] = (self.digests[path], result, problems)
        self.parse_count += 1
        self._parsed_now.add(path)
        self._set_facets(path, found)

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
        if self.parsed.get(CONFIG_FILE, ("",))[0] != self.digests.get(CONFIG_FILE):
            self.parsed = {CONFIG_FILE: (self.digests.get(CONFIG_FILE, ""), None, [])}
            for path in {name.split("#")[0] for name in self.facets}:
                self._set_facets(path, {})
        passage = self._passage_layout()
        content = self._content(config, options, passage, report)
        progress.current().phase("resolving")
        if self._names_kept(edited, old_facets or {}):
            assert self.dossier is not None and self.summaries is not None
            # Edits journalled since the cache was saved whole are patched in along with these.
            patch = edited | self._unresolved
            dossier, summaries, problems = resolve_edit(self.dossier, self.summaries, content, patch)
            self._patched = set(edited)
        else:
            dossier, summaries, problems = resolve(content)
            self._patched = None
        report.extend(problems)
        return dossier, summaries

    def _names_kept(self, edited: set[str], old_facets: dict[str, str]) -> bool:
        """Whether an edit leaves every entity's names as they were, so the last build's
        resolution can be patched rather than redone."""
        if not edited or self.dossier is None or self.summaries is None:
            return False
        return all(
            old_facets.get(part_name(path, "meta")) == self.facets.get(part_name(path, "meta"))
            for path in edited
            if path.startswith("content/entities/")
        )

    def _passage_layout(self) -> jinja2.Template:
        """The layout passages are rendered with; when it changed, the documents are read again,
        which renders their passages anew (a layout edit is rare; a content edit is not)."""
        try:
            template = self.env.get_template(PASSAGE_LAYOUT)
        except jinja2.TemplateError as exc:
            raise ContentError([layout_error(exc, self.root)]) from None
        digest = self._templates_digest()((PASSAGE_LAYOUT,))
        if digest != self.passage_layout:
            kept = (CONFIG_FILE, "content/figures.yaml", "content/events.yaml")  # no passages in these
            self.parsed = {path: known for path, known in self.parsed.items() if path in kept}
            self.passage_layout = digest
        return template

    def _content(
        self, config: Config, options: MarkdownOptions, passage: jinja2.Template, report: Report
    ) -> Content:
        documents = [
            p for p in sorted(self.digests) if p.startswith(("content/articles/", "content/entities/"))
        ]
        stale = [p for p in documents if self.parsed.get(p, ("",))[0] != self.digests[p]]
        parsed = parallel_results(functools.partial(read_document, self.root, options, passage), stale)
        # A full build writes the bodies' pickles, as they come, where the cache will keep them.
        keep = self.pending_bodies if self._full_build and stale else None
        reading = progress.current()
        reading.phase("reading", len(stale))
        with keep.open("wb") if keep is not None else contextlib.nullcontext() as bodies:
            for count, (path, (result, blob, problems, found, mentions)) in enumerate(
                zip(stale, parsed, strict=True), 1
            ):
                reading.step(count)
                if result is not None:
                    result.take_body(blob, bodies, str(keep or ""))
                self._store(path, result, problems, found)
                self._fresh_mentions[path] = mentions
        self.bodies_written = self.bodies_written or keep is not None
        articles, entities = [], []
        for path in sorted(self.digests):
            if path.startswith(("content/articles/", "content/entities/")):
                _, result, problems = self.parsed[path]
                report.extend(problems)
                if result is not None:
                    (articles if path.startswith("content/articles/") else entities).append(result)
        figures, events, home = [], [], None
        unreadable = set()
        for path in REGISTRIES:
            if path not in self.digests:
                continue
            result, problems = self._parse_registry(path, options, passage)
            report.extend(problems)
            if path == "content/figures.yaml":
                figures = result
                if problems and not figures:
                    unreadable.add("figure")
            elif path == "content/events.yaml":
                events = result
                if problems and not events:
                    unreadable.add("event")
            elif path != DISMISSED:
                home = result
        return Content(config, home, articles, entities, figures, events, unreadable)

    # Signatures

    def _signer(
        self, templates_digest: Callable[[tuple[str, ...]], str], assets: str, derived: dict[str, str]
    ) -> Callable[[Output], str]:
        groups = {name: f"{value:064x}" for name, value in self.groups.items()} | derived
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        catalogs = ",".join(d for path, d in sorted(self.digests.items()) if path.startswith(CATALOGS))
        common = (
            f"{__version__}|{self.serving}|{self.base_url}|{self.digests.get(CONFIG_FILE)}|{assets}|{epoch}"
            f"|{catalogs}"
        )

        by_document = self._fresh_mentions  # for this build only (see `mention_facets`)

        def mentions(name: str) -> str:
            path = name.partition("#")[0]
            found = by_document.get(path)
            if found is None:
                found = by_document[path] = mention_facets(path, self.parsed.get(path, ("", None))[1])
            return found.get(name, "-")

        lines: dict[str, str] = {}  # "name=digest", made once per name: pages share most names

        def line(name: str) -> str:
            found = groups.get(name) or self.facets.get(name)
            if found is None:
                found = mentions(name) if MENTIONS_OF in name else self.digests.get(name, "-")
            made = lines[name] = f"{name}={found}"
            return made

        def sign(output: Output) -> str:
            parts = [common, output.path, output.version, templates_digest(output.templates)]
            parts += [lines.get(name) or line(name) for name in output.inputs]  # in order already
            return sha256_hex("\n".join(parts).encode())

        return sign

    def _templates_digest(self) -> Callable[[tuple[str, ...]], str]:
        memo = self._template_digests

        def digest(templates: tuple[str, ...]) -> str:
            if templates not in memo:
                parts = []
                for name in templates:
                    for member in template_closure(self.env, name):
                        local = f"layouts/{member}"
                        engine = ENGINE_LAYOUTS / member
                        own = self.digests.get(local)
                        parts.append(f"{member}={own or sha256_hex(engine.read_bytes())}")
                memo[templates] = sha256_hex("\n".join(sorted(parts)).encode())
            return memo[templates]

        return digest

    def _entity_items(self, renderer: Renderer, signatures: dict[str, str]) -> Callable[[Entity], bytes]:
        """Each entity's item of data/entities.json, kept with the signature of the entity's page:
        the page shows everything the item holds, so while the page is unchanged, so is the item."""

        def item(entity: Entity) -> bytes:
            page = f"entities/{entity.slug}/index.html"
            signature = signatures.get(page) or self.signatures.get(page, "")
            kept = self.entity_items.get(entity.slug)
            if kept is not None and kept[0] == signature:
                return zlib.decompress(kept[1])
            data = entity_item(renderer.dossier, entity)
            self.entity_items[entity.slug] = (signature, zlib.compress(data, 1))  # a seventh of the size
            self._items_made.add(entity.slug)
            return data

        return item

    # The build

    def build(
        self, sink: Sink, changed: Iterable[str] | None = None, scanned: dict[str, Stat] | None = None
    ) -> Outcome:
        """Bring `sink` up to date with the sources; raises ContentError and writes nothing on errors."""
        started = time.perf_counter()
        gc.unfreeze()  # what the last build read may be garbage now (see `parsing.apart_from_the_collector`)
        self.parse_count = 0
        self._touched_sources, self._touched_facets, self._signed = set(), set(), set()
        self._items_made = set()
        self._fresh_mentions = {}
        self._patched = None
        outcome = Outcome(sources_changed=self.refresh(changed, scanned))
        if not outcome.sources_changed and self.dossier is not None and self.signatures and not self.deferred:
            # Nothing changed since the last good build: the caller keeps what it has.
            if self.strict and any(d.severity == "warning" for d in self.last_diagnostics):
                raise ContentError(self.last_diagnostics)
            outcome.pages, outcome.files = self.counts
            outcome.diagnostics = self.last_diagnostics
            outcome.seconds = time.perf_counter() - started
            return outcome
        edited = self._edited_documents(outcome.sources_changed)
        self._full_build = not edited  # then the cache is saved whole, bodies and all
        old_facets = {name: digest for name, digest in self.facets.items() if name.split("#")[0] in edited}
        if any(path.startswith("layouts/") for path in outcome.sources_changed):
            self.env = environment(self.root, compiled_layouts(self.root))  # a fresh template cache
            self._template_digests = {}
        report = Report()
        with apart_from_the_collector():
            loaded = self.load(report, edited, old_facets)
        if loaded is None or report.errors or (self.strict and report.warnings):
            self.dossier = self.summaries = None  # the next build resolves everything again
            raise ContentError(report.sorted())
        dossier, summaries = loaded
        self.dossier, self.summaries = dossier, summaries
        self._unresolved = set()
        try:
            assets = collect_assets(self.root)
            renderer = Renderer(
                self.env, self.root, dossier, summaries, assets, self.words, serving=self.serving
            )
            derived = {name: sha256_hex(text.encode()) for name, text in renderer.views.tips().items()}
            moved = {n for n in derived.keys() | self.derived.keys() if derived.get(n) != self.derived.get(n)}
            if edited:
                reach = self._reach(edited, old_facets, renderer, moved)
                outputs = self._outputs_for(reach, renderer)
            else:
                outputs = renderer.outputs()
            # Published pages name assets by content hash, so they change when an asset does.
            assets = "" if self.serving else ",".join(a.hashed for a in renderer.assets.values())
            sign = self._signer(self._templates_digest(), assets, derived)
            signatures = {output.path: sign(output) for output in outputs}
            self._signed = set(signatures)
            renderer.entity_items = self._entity_items(renderer, signatures)
            self._fresh_mentions = {}  # signed: let them go
        except (jinja2.TemplateError, OSError) as exc:
            raise ContentError([layout_error(exc, self.root)]) from None
        todo: list[Output] = []
        for output in outputs:
            signature = signatures[output.path]
            if self.signatures.get(output.path) == signature and output.path not in self.deferred:
                sink.keep(output.path)
            else:
                todo.append(output)
        digests = {}
        progress.current().phase("writing pages")
        folder = getattr(sink, "direct", None)  # a folder the sink lets other processes write into
        if folder is not None and not self.serving:
            # Outputs made here keep parts for the next build; the workers make the others meanwhile.
            local, todo = [o for o in todo if o.local], [o for o in todo if not o.local]
            made_here: list[str] = []
            made = parallel_map(
                lambda i: write_file(folder, todo[i].path, todo[i].produce()),
                range(len(todo)),
                alongside=lambda: made_here.extend(
                    write_file(folder, o.path, o.parts() if o.parts else o.produce()) for o in local
                ),
            )
            todo += local
            for output, digest in zip(todo, made + made_here, strict=True):
                if digest != self.output_digests.get(output.path):
                    outcome.changed.add(output.path)
                digests[output.path] = digest
                sink.wrote(output.path)  # type: ignore[attr-defined]  # sinks with `direct` have it
                outcome.rendered.append(output.path)
            todo = []
        for output in todo:
            if self.serving and output.on_demand:
                sink.later(output.path, output.produce)
                self.deferred.add(output.path)
                outcome.changed.add(output.path)
                continue
            data = output.produce()
            digest = sha256_hex(data)
            if digest != self.output_digests.get(output.path):
                outcome.changed.add(output.path)
            digests[output.path] = digest
            sink.write(output.path, data)
            self.deferred.discard(output.path)
            outcome.rendered.append(output.path)
        self.output_digests.update(digests)
        self.signatures.update(signatures)
        self.derived = derived
        self._record(outputs)
        if edited:  # outputs the edit did not reach are carried over as they are
            for path in set(self.signatures) - set(signatures):
                sink.keep(path)
        if not edited:
            self.entity_items = {s: kept for s, kept in self.entity_items.items() if s in dossier.entities}
            live = {output.path for output in outputs}
            for gone in set(self.signatures) - live:
                sink.remove(gone)
                outcome.removed.add(gone)
                for record in (self.signatures, self.output_digests, self.output_inputs):
                    record.pop(gone, None)
                self.deferred.discard(gone)
            self.counts = (sum(1 for path in live if path.endswith(".html")), len(live))
        outcome.pages, outcome.files = self.counts
        outcome.parsed = self.parse_count
        outcome.diagnostics = self.last_diagnostics = report.sorted()
        outcome.seconds = time.perf_counter() - started
        return outcome
