"""Incremental builds: what is known about a dossier folder from one build to the next.

A build reads every source file's bytes (or only the files the caller says changed), re-parses the
files whose bytes changed, resolves the whole dossier (a linear pass), and re-renders only the outputs
whose signature changed. An output's signature is a hash of everything it was made from: the engine
version, config.yaml, its layouts, and the content files in its dependency record (`Output.inputs`).
The same record serves `build`, `serve` and the persistent cache.
"""

from __future__ import annotations

import functools
import hashlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from .. import __version__
from ..diagnostics import ContentError, Diagnostic, Report
from ..model.documents import Article, Config, Content, Dossier, Entity
from ..model.figures import FigureSummary
from ..model.resolve import resolve, resolve_edit
from ..pages.render import (
    ENGINE_LAYOUTS,
    Output,
    Renderer,
    collect_assets,
    environment,
    layout_error,
    template_closure,
)
from ..pages.views import MENTIONS_OF, mentions_of, part_name
from ..reading.content import (
    MarkdownOptions,
    load_config,
    load_events,
    load_figures,
    load_home,
    markdown_options,
    parse_article,
    parse_entity,
)
from ..reading.discover import CONFIG_FILE, REGISTRIES, Stat, file_digest, is_source, scan_sources, stat_of
from ..syntax.annotations import Claim, Mention
from ..syntax.values import Value
from .folders import compiled_layouts
from .workers import parallel_map, write_file

PARTS = ("meta", "mentions", "claims")


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


@dataclass
class JournalEntry:
    """What one build that only edited existing documents changed in a project, so the cache can
    append it instead of writing the whole project again (see `cache.save`)."""

    generation: str  # the full cache this entry extends
    sources: dict[str, tuple[str | None, tuple[Stat, int] | None]]  # path → digest, status
    facets: dict[str, str | None]  # None: the facet is gone
    groups: dict[str, int]
    derived: dict[str, str]
    parsed: dict[str, tuple[str, Any, list[Diagnostic]]]
    outputs: dict[str, tuple[str, str, frozenset[str]]]  # path → signature, digest, dependency record
    counts: tuple[int, int]
    diagnostics: list[Diagnostic]
    edited: set[str]  # documents whose citations the cached resolution does not hold yet


def _digest(data: bytes) -> str:
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
            kinds.count("figure"), kinds.count("event"),
        )  # fmt: skip
    else:
        about = (
            document.name, document.type, tuple(a for a, _ in document.aliases), document.summary,
            document.role, tuple(sorted(document.links.items())),
        )  # fmt: skip
    # Plain tuples of the fields: a dataclass's repr costs more than all the rest here.
    mentions = tuple((m.target, m.text, m.anchor, *_context(m)) for m in body.mentions)
    claims = tuple(
        (c.kind, c.key, c.text, c.anchor, *_context(c), c.unit, *_value(c.value)) for c in body.claims
    )
    return {
        part_name(path, "meta"): _digest(repr(about).encode()),
        part_name(path, "mentions"): _digest(repr(mentions).encode()),
        part_name(path, "claims"): _digest(repr(claims).encode()),
    }


def mention_facets(path: str, document: Any) -> dict[str, str]:
    """Digests of a document's mentions grouped by the name they use (`pages.mentions_of`). Ten
    times as many as documents, so they are not kept like `facets`: a build computes the few it
    compares, and signs each entity page from the documents (see `mention_facet`)."""
    if not isinstance(document, Article | Entity):
        return {}
    written = dict.fromkeys(m.target for m in document.body.mentions)
    return {mentions_of(path, name): mention_facet(document, name) for name in written}


def mention_facet(document: Any, name: str) -> str:
    """What an entity page shows of a document mentioning it as `name`: those passages, and which
    names the document uses (its "appears with" counts)."""
    if not isinstance(document, Article | Entity):
        return "-"
    mentions = document.body.mentions
    passages = [(m.text, m.anchor, *_context(m)) for m in mentions if m.target == name]
    if not passages:
        return "-"
    return _digest(f"{sorted({m.target for m in mentions})!r}|{passages!r}".encode())


def _context(annotation: Mention | Claim) -> tuple[str, str, str]:
    context = annotation.context
    return context.before, context.text, context.after


def _value(value: Value | None) -> tuple[str | None, ...]:
    """What a stated value is: its written parts (the numbers follow from them)."""
    if value is None:
        return (None,)
    return value.qualifier, value.low_text, value.high_text, value.scale


RACY_NS = 2_000_000_000  # file times may be as coarse as a second (or two, on FAT)


def _same_bytes(status: Stat, known: tuple[Stat, int] | None) -> bool:
    """Whether a file still holds the bytes digested before, judged from its status alone.

    Size, modification and change times and inode all equal mean the same bytes, as git's index
    assumes, unless the file was written within the times' granularity of when it was read: then
    a second write could have kept every field ("racily clean"), so it is read again.
    """
    return known is not None and status == known[0] and _vouches(known)


def _vouches(known: tuple[Stat, int]) -> bool:
    """Whether a status recorded when the file was read can stand for its bytes (see above)."""
    status, read_at = known
    return status[1] < read_at - RACY_NS


class Project:
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
        self.groups: dict[str, int] = {}  # "*articles#meta", ... → XOR of their members' digests
        self.output_inputs: dict[str, frozenset[str]] = {}  # output path → its dependency record
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
        self.dossier: Dossier | None = None
        self.summaries: dict[str, FigureSummary] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """For the build cache: everything but the template environment, which is rebuilt."""
        state = dict(self.__dict__)
        del state["env"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.env = environment(self.root, compiled_layouts(self.root))

    # The cache's journal

    def journal_entry(self) -> JournalEntry | None:
        """The changes of the last build, when it only edited documents whose names stayed the same
        (so the cached resolution can be patched on loading); None when it must be saved whole."""
        if self._patched is None or not self.generation:
            return None
        return JournalEntry(
            generation=self.generation,
            sources={p: (self.digests.get(p), self.file_stats.get(p)) for p in self._touched_sources},
            facets={name: self.facets.get(name) for name in self._touched_facets},
            groups=dict(self.groups),
            derived=dict(self.derived),
            parsed={path: self.parsed[path] for path in self._patched if path in self.parsed},
            outputs={
                path: (self.signatures[path], self.output_digests.get(path, ""), self.output_inputs[path])
                for path in self._signed
            },
            counts=self.counts,
            diagnostics=self.last_diagnostics,
            edited=set(self._patched),
        )

    def apply(self, entry: JournalEntry) -> None:
        """Bring a project loaded from a full cache up to date with one journal entry."""
        for path, (digest, status) in entry.sources.items():
            for record, value in ((self.digests, digest), (self.file_stats, status)):
                if value is None:
                    record.pop(path, None)
                else:
                    record[path] = value  # type: ignore[index]
        for name, digest in entry.facets.items():
            if digest is None:
                self.facets.pop(name, None)
            else:
                self.facets[name] = digest
        self.groups = dict(entry.groups)
        self.derived = dict(entry.derived)
        for path, parsed in entry.parsed.items():
            self.parsed[path] = parsed
            if parsed[1] is not None:
                self._previous[path] = parsed[1]
        for path, (signature, digest, inputs) in entry.outputs.items():
            self.signatures[path] = signature
            self.output_digests[path] = digest
            self.output_inputs[path] = inputs
        self.counts = entry.counts
        self.last_diagnostics = entry.diagnostics
        self._unresolved |= entry.edited

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
        cannot vouch for their bytes, so the next build reads them again (see `_same_bytes`).
        """
        return {path: known[0] for path, known in self.file_stats.items() if _vouches(known)}

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
            if status is not None and _same_bytes(status, self.file_stats.get(path)):
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
                value ^= int(_digest(f"{name}={digest}".encode()), 16)
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

    def _parse(self, path: str, options: MarkdownOptions) -> tuple[Any, list[Diagnostic]]:
        digest = self.digests[path]
        cached = self.parsed.get(path)
        if cached is not None and cached[0] == digest:
            return cached[1], cached[2]
        if path.startswith(("content/articles/", "content/entities/")):
            result, problems = _parse_document(self.root, options, path)
        elif path == "content/figures.yaml":
            result, problems = load_figures(self.root)
        elif path == "content/events.yaml":
            result, problems = load_events(self.root)
        else:
            result, problems = load_home(self.root, options)
        self._store(path, result, problems)
        return result, problems

    def _store(self, path: str, result: Any, problems: list[Diagnostic]) -> None:
        self.parsed[path] = (self.digests[path], result, problems)
        self.parse_count += 1
        self._parsed_now.add(path)
        self._set_facets(path, facets(path, result) if isinstance(result, Article | Entity) else {})

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
        if self.parsed.get(CONFIG_FILE, ("",))[0] != self.digests.get(CONFIG_FILE):
            self.parsed = {CONFIG_FILE: (self.digests.get(CONFIG_FILE, ""), None, [])}
            for path in {name.split("#")[0] for name in self.facets}:
                self._set_facets(path, {})
        content = self._content(config, options, report)
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

    def _content(self, config: Config, options: MarkdownOptions, report: Report) -> Content:
        documents = [
            p for p in sorted(self.digests) if p.startswith(("content/articles/", "content/entities/"))
        ]
        stale = [p for p in documents if self.parsed.get(p, ("",))[0] != self.digests[p]]
        parsed = parallel_map(functools.partial(_parse_document, self.root, options), stale)
        for path, (result, problems) in zip(stale, parsed, strict=True):
            self._store(path, result, problems)
        articles, entities = [], []
        for path in sorted(self.digests):
            if path.startswith(("content/articles/", "content/entities/")):
                result, problems = self._parse(path, options)
                report.extend(problems)
                if result is not None:
                    (articles if path.startswith("content/articles/") else entities).append(result)
        figures, events, home = [], [], None
        unreadable = set()
        for path in REGISTRIES:
            if path not in self.digests:
                continue
            result, problems = self._parse(path, options)
            report.extend(problems)
            if path == "content/figures.yaml":
                figures = result
                if problems and not figures:
                    unreadable.add("figure")
            elif path == "content/events.yaml":
                events = result
                if problems and not events:
                    unreadable.add("event")
            else:
                home = result
        return Content(config, home, articles, entities, figures, events, unreadable)

    # Signatures

    def _signer(
        self, templates_digest: Callable[[tuple[str, ...]], str], assets: str, derived: dict[str, str]
    ) -> Callable[[Output], str]:
        groups = {name: f"{value:064x}" for name, value in self.groups.items()} | derived
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        common = (
            f"{__version__}|{self.serving}|{self.base_url}|{self.digests.get(CONFIG_FILE)}|{assets}|{epoch}"
        )

        def mentions(name: str) -> str:  # each is in one entity page's record: nothing to remember
            path, _, part = name.partition("#")
            return mention_facet(self.parsed.get(path, ("", None))[1], part.removeprefix(MENTIONS_OF))

        def sign(output: Output) -> str:
            parts = [common, output.path, output.version, templates_digest(output.templates)]
            for name in sorted(output.inputs):
                found = groups.get(name) or self.facets.get(name)
                if found is None:
                    found = mentions(name) if MENTIONS_OF in name else self.digests.get(name, "-")
                parts.append(f"{name}={found}")
            return _digest("\n".join(parts).encode())

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
                        parts.append(f"{member}={own or _digest(engine.read_bytes())}")
                memo[templates] = _digest("\n".join(sorted(parts)).encode())
            return memo[templates]

        return digest

    # The build

    def build(
        self, sink: Sink, changed: Iterable[str] | None = None, scanned: dict[str, Stat] | None = None
    ) -> Outcome:
        """Bring `sink` up to date with the sources; raises ContentError and writes nothing on errors."""
        started = time.perf_counter()
        self.parse_count = 0
        self._touched_sources, self._touched_facets, self._signed = set(), set(), set()
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
        old_facets = {name: digest for name, digest in self.facets.items() if name.split("#")[0] in edited}
        report = Report()
        loaded = self.load(report, edited, old_facets)
        if loaded is None or report.errors or (self.strict and report.warnings):
            self.dossier = self.summaries = None  # the next build resolves everything again
            raise ContentError(report.sorted())
        dossier, summaries = loaded
        self.dossier, self.summaries = dossier, summaries
        self._unresolved = set()
        if any(path.startswith("layouts/") for path in outcome.sources_changed):
            self.env = environment(self.root, compiled_layouts(self.root))  # a fresh template cache
            self._template_digests = {}
        try:
            renderer = Renderer(
                self.env, self.root, dossier, summaries, collect_assets(self.root), serving=self.serving
            )
            derived = {name: _digest(text.encode()) for name, text in renderer.views.tips().items()}
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
        folder = getattr(sink, "direct", None)  # a folder the sink lets other processes write into
        if folder is not None and not self.serving:
            made = parallel_map(
                lambda i: write_file(folder, todo[i].path, todo[i].produce()), range(len(todo))
            )
            for output, digest in zip(todo, made, strict=True):
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
            digest = _digest(data)
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

    # Small edits: only the outputs an edit can reach

    def _edited_documents(self, changed: set[str]) -> set[str]:
        """The changed files, when every one is an article or entity that was there before and still
        is; otherwise (an added or removed file, config, layouts, registries) nothing: build it all."""
        if not changed or self.dossier is None or not self.signatures:
            return set()
        for path in changed:
            kind = path.startswith(("content/articles/", "content/entities/"))
            if not kind or path not in self.digests or self.parsed.get(path, (None, None))[1] is None:
                return set()
        return set(changed)

    def _reach(
        self, edited: set[str], old_facets: dict[str, str], renderer: Renderer, moved: set[str]
    ) -> set[str]:
        """Outputs whose dependency record names a changed part of an edited document or a derived
        value that `moved`, and the pages that may newly depend on it."""
        names = set(moved)
        for path in edited:
            kind = "articles" if path.startswith("content/articles/") else "entities"
            names.add(path)
            for part in PARTS:
                name = part_name(path, part)
                if old_facets.get(name) != self.facets.get(name):
                    names |= {name, f"*{kind}#{part}"}
            old = mention_facets(path, self._previous.get(path))
            new = mention_facets(path, self.parsed[path][1])
            names |= {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}
        # A scan of the record, not an index kept from it: a few thousand set intersections take a
        # few milliseconds, and an inverse index would double the record's memory and cache.
        reach = {path for path, inputs in self.output_inputs.items() if not inputs.isdisjoint(names)}
        # The record covers every dependency the last build knew of; new ones can only come from
        # what the edited documents name now and did not name before.
        dossier = renderer.dossier
        for path in edited:
            document = self.parsed[path][1]
            reach.add(_page_file(document))
            before = self._previous.get(path)
            slugs, figures = _named(document, dossier)
            old_slugs, old_figures = _named(before, dossier) if before is not None else (set(), set())
            reach |= {f"entities/{slug}/index.html" for slug in slugs - old_slugs}
            for key in figures - old_figures:
                reach |= {_page_file(c.document) for c in dossier.figure_claims.get(key, [])}
        return reach

    def _outputs_for(self, paths: set[str], renderer: Renderer) -> list[Output]:
        outputs = []
        for path in sorted(paths):
            if path.endswith("index.html"):
                page = renderer.views.page(path.removesuffix("index.html"))
                if page is not None:
                    outputs.append(renderer.page_output(page))
        outputs += [o for o in renderer.other_outputs() if o.path in paths]
        return outputs

    def _record(self, outputs: list[Output]) -> None:
        """Keep each output's dependency record (its names are shared strings: see `pages.part_name`)."""
        for output in outputs:
            self.output_inputs[output.path] = frozenset(output.inputs)
        for path in self._parsed_now:
            result = self.parsed[path][1]
            if result is not None:
                self._previous[path] = result
        self._parsed_now = set()


def _parse_document(root: Path, options: MarkdownOptions, path: str) -> tuple[Any, list[Diagnostic]]:
    """Parse one article or entity file; a module-level function so worker processes can run it."""
    parse = parse_article if path.startswith("content/articles/") else parse_entity
    return parse(root / path, path, options)


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


def _page_file(document: Article | Entity) -> str:
    kind = "articles" if isinstance(document, Article) else "entities"
    return f"{kind}/{document.slug}/index.html"
