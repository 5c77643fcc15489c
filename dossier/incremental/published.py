"""The published site and what the build cache knows of it: whether anything changed at all, where
a build stages its files, the project to continue from, and what to remember afterwards.

A build with nothing changed is answered from a small manifest without loading the engine. Otherwise
the staging folder starts as the published files when the cache describes them (so most outputs
are carried over, not rewritten), and the project is loaded from the cache or started afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import ContentError, Diagnostic, Position
from ..reading.discover import Stat
from . import cache

if TYPE_CHECKING:
    from .cache import Manifest
    from .output import SiteWriter
    from .project import Outcome, Project


class PublishedSite:
    def __init__(self, root: Path, out: Path, *, base_url: str | None, search: bool, strict: bool):
        self.root, self.out, self.strict = root, out, strict
        self.key = cache.CacheKey(out, base_url, search)
        self.manifest = cache.read_manifest(root, self.key)
        self.described = self.manifest is not None and self.manifest.describes(out)
        self.problem: str | None = None  # why the cache could not be used, for a warning

    def unchanged(self, sources: dict[str, Stat]) -> Manifest | None:
        """The manifest of the last build when no source changed since and the site is as it left it."""
        manifest = self.manifest
        if manifest is None or not self.described or manifest.stats != sources:
            return None
        if self.strict and any(d.severity == "warning" for d in manifest.diagnostics):
            raise ContentError(manifest.diagnostics)
        return manifest

    def staging(self) -> SiteWriter:
        """A folder to build into, published only by `commit`; it starts as the published files when
        the cache describes them (the spare site brought up to date, or links made while it loads)."""
        from .output import SiteWriter  # the engine proper: a build with nothing changed never needs it

        return SiteWriter(self.out, seed=self.described, spare=cache.spare_folder(self.root, self.key))

    def project(self, writer: SiteWriter, fresh: Callable[[], Project]) -> Project:
        """The project the last build left in the cache, or a fresh one (then the writer starts empty)."""
        project, self.problem = cache.load(self.root, self.key, self.strict)
        if project is None:
            project = fresh()
        project.documents.pending_bodies = cache.pending_body_file(self.root)
        if not project.signatures:  # it knows no published file, so it must make every one
            writer.start_empty()
        return project

    def search_store(self) -> Path:
        return cache.search_folder(self.root, self.key)

    def changed_by(self, outcome: Outcome) -> bool:
        return bool(outcome.rendered or outcome.removed or not self.out.is_dir())

    def remember(self, project: Project, changed: bool) -> None:
        """Save what this build learned: the project when the site changed or the cache was
        unusable, else only the manifest (files read again only because they were racily clean are
        vouched for from now on)."""
        if changed or self.problem:
            cache.save(project, self.root, self.key)
        else:
            cache.save_manifest(project, self.root, self.key)

    def warnings(self) -> list[Diagnostic]:
        if self.problem is None:
            return []
        return [Diagnostic(Position(f"{cache.CACHE_FOLDER}/"), "warning", self.problem)]
