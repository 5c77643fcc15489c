"""The documents a project has parsed, kept from one build to the next: each file read again only
when its bytes changed, articles and entities in workers, the registries and home page here."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from .. import progress
from ..diagnostics import ContentError, Diagnostic, Report
from ..model.documents import Article, Config, Content
from ..pages.passages import PASSAGE_LAYOUT
from ..pages.render import layout_error
from ..reading.captures import CaptureCheck, check_capture
from ..reading.config import MarkdownOptions
from ..reading.discover import CONFIG_FILE, REGISTRIES, file_digest
from ..reading.dismissals import DISMISSED, load_dismissals
from ..reading.documents import load_home
from ..reading.links import LINKS, load_links
from ..reading.registries import load_events, load_figures
from .facets import ENTRIES, entry_facets
from .journal import JournalEntry
from .parsing import attach_passages_at, read_document
from .signing import TemplateDigests
from .sources import Sources
from .workers import parallel_results

_DOCUMENTS = ("content/articles/", "content/entities/")


class Documents:
    """Parse results by path, with what the last build parsed and what this one did."""

    def __init__(self, root: Path, sources: Sources):
        self.root = root
        self.sources = sources
        self.parsed: dict[str, tuple[str, Any, list[Diagnostic]]] = {}  # path → (digest, result, problems)
        self.passage_layout = ""  # digest of the layout the parsed documents' passages were made with
        self.previous: dict[str, Any] = {}  # path → parsed document, as of the last build
        self.parsed_now: set[str] = set()  # files parsed since the last successful build
        self.parse_count = 0  # files parsed by this build
        # path → digests of its mentions by name, from the workers that parsed it, for this build only
        self.fresh_mentions: dict[str, dict[str, str]] = {}
        # Where the bodies of documents parsed by a full build go, when a cache will keep them (set
        # by the caller, see `published.py`), and whether this build wrote them there.
        self.pending_bodies: Path | None = None
        self.bodies_written = False
        # path → ((its digest, its capture's), what checking it against the capture found)
        self.checked: dict[str, tuple[tuple[str, str | None], CaptureCheck]] = {}
        # Documents read from the bytes a review was about to write (see `read_ahead`): path → (the
        # bytes' digest, the passage layout's, what reading gave), taken by the next build.
        self.read_before: dict[str, tuple[str, str, Any]] = {}
        self._reading: tuple[MarkdownOptions, jinja2.Template] | None = None  # the last build's

    def __getstate__(self) -> dict[str, Any]:
        """For the build cache: what lasts from one build to the next."""
        state = dict(self.__dict__)
        state["fresh_mentions"] = {}
        state["pending_bodies"], state["bodies_written"] = None, False
        state["read_before"], state["_reading"] = {}, None
        return state

    def start_build(self) -> None:
        self.parse_count = 0
        self.fresh_mentions = {}

    def config_changed(self) -> bool:
        return self.parsed.get(CONFIG_FILE, ("",))[0] != self.sources.digests.get(CONFIG_FILE)

    def forget(self) -> None:
        """Every document read again (config.yaml changed: Markdown options, languages)."""
        self.parsed = {CONFIG_FILE: (self.sources.digests.get(CONFIG_FILE, ""), None, [])}
        self.read_before = {}
        self.sources.forget_facets()

    def passage_template(self, env: jinja2.Environment, templates: TemplateDigests) -> jinja2.Template:
        """The layout passages are rendered with; when it changed, the documents are read again,
        which renders their passages anew (a layout edit is rare; a content edit is not)."""
        try:
            template = env.get_template(PASSAGE_LAYOUT)
        except jinja2.TemplateError as exc:
            raise ContentError([layout_error(exc, self.root)]) from None
        digest = templates.digest(env, self.sources.digests, (PASSAGE_LAYOUT,))
        if digest != self.passage_layout:
            kept = (CONFIG_FILE, "content/figures.yaml", "content/events.yaml")  # no passages in these
            self.parsed = {path: known for path, known in self.parsed.items() if path in kept}
            self.passage_layout = digest
        return template

    def content(
        self,
        config: Config,
        options: MarkdownOptions,
        passage: jinja2.Template,
        report: Report,
        *,
        full: bool,
    ) -> Content:
        """Everything the dossier holds, parsing what changed; `report` takes every file's problems.
        A `full` build writes the bodies it parses where the cache will keep them."""
        self._reading = (options, passage)
        self._read_all(options, passage, full=full)
        articles, entities = [], []
        for path in sorted(self.sources.digests):
            if path.startswith(_DOCUMENTS):
                _, result, problems = self.parsed[path]
                report.extend(problems)
                if result is not None:
                    (articles if path.startswith("content/articles/") else entities).append(result)
        figures, events, home, links = [], [], None, {}
        unreadable = set()
        for path in REGISTRIES:
            if path not in self.sources.digests:
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
            elif path == LINKS:
                links = result
            elif path != DISMISSED:
                home = result
        self._check_captures(articles)
        for article in articles:  # what the page says of its source: checked, and gone or not
            if article.archived is not None:
                checked = self.checked[article.path][1]
                report.extend(checked.diagnostics)
                article.left_out = checked.left_out
            found = links.get(article.url) if article.url else None
            article.gone = f"{found.status} on {found.checked}" if found is not None and found.gone else ""
        return Content(config, home, articles, entities, figures, events, unreadable)

    def _check_captures(self, articles: list[Article]) -> None:
        """Check each article with a capture against it, again only when either changed; on every
        core (a cold build of thousands of captured articles checks them all)."""
        digests = self.sources.digests
        stale = {}
        for article in articles:
            if article.archived is not None:
                key = (digests.get(article.path, ""), digests.get(article.archived.file))
                if self.checked.get(article.path, (None,))[0] != key:
                    stale[article.path] = (key, article.archived)
        work = [(path, archived) for path, (_, archived) in stale.items()]
        for (path, (key, _)), checked in zip(
            stale.items(), parallel_results(functools.partial(check_capture, self.root), work), strict=True
        ):
            self.checked[path] = (key, checked)

    def _read_all(self, options: MarkdownOptions, passage: jinja2.Template, *, full: bool) -> None:
        """Parse the articles and entities whose bytes changed, on every core, the bodies' pickles
        written as they come."""
        digests = self.sources.digests
        documents = [p for p in sorted(digests) if p.startswith(_DOCUMENTS)]
        stale = [p for p in documents if self.parsed.get(p, ("",))[0] != digests[p]]
        ahead = {}
        for path in stale:
            offered = self.read_before.pop(path, None)
            if offered is not None and offered[:2] == (digests[path], self.passage_layout):
                ahead[path] = offered[2]
        reader = functools.partial(read_document, self.root, options, passage)
        parsed = _in_order(stale, ahead, parallel_results(reader, [p for p in stale if p not in ahead]))
        keep = self.pending_bodies if full and stale else None
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
                self.fresh_mentions[path] = mentions
        self.bodies_written = self.bodies_written or keep is not None

    def read_ahead(self, folder: Path, path: str) -> list[Diagnostic] | None:
        """Read the article or entity `path` as the next build will, from `folder`, where its next
        bytes wait to be written (a review's decision is checked before it writes): that build
        takes what this read rather than parse the file again, if the file then holds those bytes.
        What reading it reports; None before a build has read the dossier."""
        reading, digest = self._reading, file_digest(folder / path)
        if reading is None or digest is None or not path.startswith(_DOCUMENTS):
            return None
        try:
            read = read_document(folder, *reading, path)
        except ContentError as error:  # the passage layout's
            return error.diagnostics
        self.read_before[path] = (digest, self.passage_layout, read)
        return read[2]

    def _parse_registry(
        self, path: str, options: MarkdownOptions, passage: jinja2.Template
    ) -> tuple[Any, list[Diagnostic]]:
        """figures.yaml, events.yaml or the home page, read again only when its bytes changed
        (articles and entities are read by `_read_all`, in workers)."""
        if path in ENTRIES:
            return self._parse_entries(path)
        cached = self.parsed.get(path)
        if cached is not None and cached[0] == self.sources.digests[path]:
            return cached[1], cached[2]
        if path == DISMISSED:
            result, problems = load_dismissals(self.root)  # read for its errors; pages do not show it
        elif path == LINKS:
            result, problems = load_links(self.root)
        else:
            result, problems = load_home(self.root, options)
            if result is not None:
                attach_passages_at(self.root, passage, result)
        self._store(path, result, problems, {})
        return result, problems

    def _parse_entries(self, path: str) -> tuple[Any, list[Diagnostic]]:
        """figures.yaml or events.yaml, read again only when its bytes changed, each entry a facet."""
        cached = self.parsed.get(path)
        if cached is not None and cached[0] == self.sources.digests[path]:
            return cached[1], cached[2]
        result, problems = (load_figures if path == "content/figures.yaml" else load_events)(self.root)
        self._store(path, result, problems, entry_facets(path, result))
        return result, problems

    def entries_kept(self, path: str) -> bool:
        """Whether a changed figures.yaml or events.yaml reads without problems and keeps every key
        of the last build's, so that every document citing one still resolves as before: then the
        change is an edit of some entries, which reach only the pages that show them."""
        before = self.previous.get(path)
        if path not in ENTRIES or before is None or path not in self.sources.digests:
            return False
        result, problems = self._parse_entries(path)
        return bool(result) and not problems and {e.key for e in before} <= {e.key for e in result}

    def _store(self, path: str, result: Any, problems: list[Diagnostic], found: dict[str, str]) -> None:
        """Keep a parse result, with its facets (made by the worker that parsed it, see `parsing`)."""
        self.parsed[path] = (self.sources.digests[path], result, problems)
        self.parse_count += 1
        self.parsed_now.add(path)
        self.sources.set_facets(path, found)

    def settle(self) -> None:
        """A build succeeded: what it parsed is what the next build compares its edits with."""
        for path in self.parsed_now:
            result = self.parsed[path][1]
            if result is not None:
                self.previous[path] = result
        self.parsed_now = set()

    def apply(self, entry: JournalEntry) -> None:
        """Take in the documents a journalled build parsed."""
        for path, parsed in entry.parsed.items():
            self.parsed[path] = parsed
            if parsed[1] is not None:
                self.previous[path] = parsed[1]


def _in_order(paths: list[str], ahead: dict[str, Any], fresh: Iterator[Any]) -> Iterator[Any]:
    """What reading each of `paths` gave, in their order: read ahead, or the next of `fresh`."""
    with contextlib.closing(fresh):  # its workers stop once the last is taken
        for path in paths:
            yield ahead[path] if path in ahead else next(fresh)
