"""The `build` and `check` commands: a project built into a staging folder, then published."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import progress
from .diagnostics import Diagnostic
from .incremental.published import PublishedSite
from .pages import searchindex
from .reading.discover import scan_sources

if TYPE_CHECKING:
    from .incremental.project import Project


@dataclass
class BuildOptions:
    root: Path
    out: Path | None = None
    base_url: str | None = None
    strict: bool = False
    search: bool = True  # index the site with Pagefind (publishing builds only)

    @property
    def output(self) -> Path:
        return self.out if self.out is not None else self.root / "site"


@dataclass
class BuildResult:
    pages: int = 0
    files: int = 0
    rendered: int = 0  # outputs made this time; the others were carried over unchanged
    parsed: int = 0
    seconds: float = 0.0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what optional steps did, such as search
    timings: list[tuple[str, float]] = field(default_factory=list)  # each phase and its seconds


def _project(options: BuildOptions) -> Project:
    from .incremental.project import Project  # the engine proper; a build with nothing changed never needs it

    return Project(options.root, base_url=options.base_url, strict=options.strict)


class _Discard:
    """A sink for `check`: everything is rendered, so layout errors show, and nothing is written."""

    def write(self, path: str, data: bytes) -> None:
        pass

    def later(self, path: str, produce: Callable[[], bytes]) -> None:
        produce()

    def keep(self, path: str) -> None:
        pass

    def remove(self, path: str) -> None:
        pass


def check(options: BuildOptions) -> BuildResult:
    steps = progress.current()
    try:
        outcome = _project(options).build(_Discard())
    finally:
        timings = steps.finish()  # the line cleared before anything is printed
    return BuildResult(seconds=outcome.seconds, diagnostics=outcome.diagnostics, timings=timings)


def build(options: BuildOptions) -> BuildResult:
    """Build the site into the output folder; on any error the old folder stays as it was.

    With a usable build cache only changed files are parsed and only outputs whose inputs changed
    are rendered; the others are carried over from the current output folder without being
    rewritten, and when nothing changed the folder is left exactly as it is.
    """
    started = time.perf_counter()
    steps = progress.current()
    steps.phase("checking sources")
    site = PublishedSite(
        options.root, options.output, base_url=options.base_url, search=options.search, strict=options.strict
    )
    sources = scan_sources(options.root)
    unchanged = site.unchanged(sources)
    if unchanged is not None:
        seconds = time.perf_counter() - started
        return BuildResult(
            unchanged.pages, unchanged.files, 0, 0, seconds, unchanged.diagnostics, timings=steps.finish()
        )
    writer = site.staging()
    try:
        project = site.project(writer, lambda: _project(options))
        outcome = project.build(writer, scanned=sources)  # config, parse, resolve, render what changed
        changed = site.changed_by(outcome)
        notes = [_index_for_search(writer.stage, site.search_store(), options)] if changed else []
        steps.phase("publishing")
        writer.commit() if changed else writer.abort()
    except BaseException:
        writer.abort()
        steps.finish()
        raise
    steps.phase("saving the cache")
    site.remember(project, changed)
    return BuildResult(
        pages=outcome.pages,
        files=outcome.files,
        rendered=len(outcome.rendered),
        parsed=outcome.parsed,
        notes=notes,
        timings=steps.finish(),
        seconds=time.perf_counter() - started,  # the whole command: search and cache included
        diagnostics=site.warnings() + outcome.diagnostics,
    )


def _index_for_search(folder: Path, store: Path, options: BuildOptions) -> str:
    if not options.search:
        searchindex.remove(folder)  # a folder seeded from a site built with search
        return "search skipped: --no-search"
    from .incremental.workers import parallel_map

    steps = progress.current()
    steps.phase("search", label="search bundle")
    return searchindex.index_site(folder, store, steps.step, parallel_map)
