"""The build, top to bottom: config → content → references → pages → output."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .content import load_config, load_content
from .diagnostics import ContentError, Diagnostic, Report
from .figures import FigureSummary
from .model import Dossier
from .output import SiteWriter
from .render import Renderer
from .resolve import resolve


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


def load(options: BuildOptions) -> tuple[Dossier, dict[str, FigureSummary], Report]:
    """Read and resolve the dossier; raises ContentError listing every error (and, if strict,
    every warning)."""
    report = Report()
    config, problems = load_config(options.root)
    report.extend(problems)
    if config is None:
        raise ContentError(report.sorted())
    if options.base_url is not None:
        config.base_url = options.base_url.rstrip("/") + "/" if options.base_url else ""
    content, problems = load_content(options.root, config)
    report.extend(problems)
    dossier, summaries, problems = resolve(content)
    report.extend(problems)
    if report.errors or (options.strict and report.warnings):
        raise ContentError(report.sorted())
    return dossier, summaries, report


def check(options: BuildOptions) -> BuildResult:
    started = time.perf_counter()
    _, _, report = load(options)
    return BuildResult(seconds=time.perf_counter() - started, diagnostics=report.sorted())


def build(options: BuildOptions) -> BuildResult:
    """Build the site into the output folder; on any error the old folder stays as it was."""
    started = time.perf_counter()
    dossier, summaries, report = load(options)
    renderer = Renderer(options.root, dossier, summaries)
    writer = SiteWriter(options.output)
    try:
        pages = 0
        for path, data in renderer.files():
            writer.write(path, data)
            pages += path.endswith(".html")
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    return BuildResult(
        pages=pages,
        files=len(writer.written),
        seconds=time.perf_counter() - started,
        diagnostics=report.sorted(),
    )
