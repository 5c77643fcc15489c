"""The `build` and `check` commands: a project built into a staging folder, then published."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import ContentError, Diagnostic, Position
from .incremental import cache
from .pages import search
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
    outcome = _project(options).build(_Discard())
    return BuildResult(seconds=outcome.seconds, diagnostics=outcome.diagnostics)


def build(options: BuildOptions) -> BuildResult:
    """Build the site into the output folder; on any error the old folder stays as it was.

    With a usable build cache only changed files are parsed and only outputs whose inputs changed
    are rendered; the others are carried over from the current output folder without being
    rewritten, and when nothing changed the folder is left exactly as it is.
    """
    out = options.output
    started = time.perf_counter()
    key = cache.CacheKey(out, options.base_url, options.search)
    manifest = cache.read_manifest(options.root, key)
    scanned = scan_sources(options.root)
    described = manifest is not None and manifest.describes(out)
    if described and manifest.stats == scanned:
        if options.strict and any(d.severity == "warning" for d in manifest.diagnostics):
            raise ContentError(manifest.diagnostics)
        seconds = time.perf_counter() - started
        return BuildResult(manifest.pages, manifest.files, 0, 0, seconds, manifest.diagnostics)
    from .incremental.output import SiteWriter

    # When the cache describes the output folder, most of it will be carried over: the staging
    # folder starts as the published files (the spare brought up to date, or links made while the
    # cache loads).
    writer = SiteWriter(out, seed=described, spare=cache.spare_folder(options.root, key))
    try:
        project, problem = cache.load(options.root, key, options.strict)
        if project is None:
            project = _project(options)
        if not project.signatures:  # it knows no published file, so it must make every one
            writer.start_empty()
        outcome = project.build(writer, scanned=scanned)
        changed = bool(outcome.rendered or outcome.removed or not out.is_dir())
        if changed:
            note = search.index_site(writer.stage) if options.search else "search skipped: --no-search"
            writer.commit()
        else:
            writer.abort()
    except BaseException:
        writer.abort()
        raise
    if changed or problem:
        cache.save(project, options.root, key)
    else:  # files read again only because they were racily clean: vouch for them from now on
        cache.save_manifest(project, options.root, key)
    notes = [note] if changed else []
    if problem:
        outcome.diagnostics.insert(0, Diagnostic(Position(f"{cache.CACHE_FOLDER}/"), "warning", problem))
    return BuildResult(
        pages=outcome.pages,
        files=outcome.files,
        rendered=len(outcome.rendered),
        parsed=outcome.parsed,
        notes=notes,
        seconds=time.perf_counter() - started,  # the whole command: search and cache included
        diagnostics=outcome.diagnostics,
    )
