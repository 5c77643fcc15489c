"""The `build` and `check` commands: a project built into a staging folder, then published."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic
from .output import SiteWriter
from .project import Project


@dataclass
class BuildOptions:
    root: Path
    out: Path | None = None
    base_url: str | None = None
    strict: bool = False

    @property
    def output(self) -> Path:
        return self.out if self.out is not None else self.root / "site"


@dataclass
class BuildResult:
    pages: int = 0
    files: int = 0
    seconds: float = 0.0
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _project(options: BuildOptions) -> Project:
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
    """Build the site into the output folder; on any error the old folder stays as it was."""
    writer = SiteWriter(options.output)
    try:
        outcome = _project(options).build(writer)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    return BuildResult(
        pages=outcome.pages,
        files=outcome.files,
        seconds=outcome.seconds,
        diagnostics=outcome.diagnostics,
    )
