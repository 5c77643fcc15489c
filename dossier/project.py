"""Incremental builds: what is known about a dossier folder from one build to the next.

A build reads every source file's bytes (or only the files the caller says changed), re-parses the
files whose bytes changed, resolves the whole dossier (a linear pass), and re-renders only the outputs
whose signature changed. An output's signature is a hash of everything it was made from: the engine
version, config.yaml, its layouts, and the content files in its dependency record (`Output.inputs`).
The same record serves `build`, `serve` and the persistent cache.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from . import __version__
from .content import (
    MarkdownOptions,
    content_files,
    load_config,
    load_events,
    load_figures,
    load_home,
    markdown_options,
    parse_article,
    parse_entity,
)
from .diagnostics import ContentError, Diagnostic, Report
from .figures import FigureSummary
from .model import Config, Content, Dossier
from .render import (
    ENGINE_LAYOUTS,
    Output,
    Renderer,
    collect_assets,
    environment,
    layout_error,
    template_closure,
)
from .resolve import resolve

CONFIG_FILE = "config.yaml"
REGISTRIES = ("content/figures.yaml", "content/events.yaml", "content/index.md")


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


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
        self.parsed: dict[str, tuple[str, Any, list[Diagnostic]]] = {}  # path → (digest, result, problems)
        self.signatures: dict[str, str] = {}  # output path → signature of what made it
        self.output_digests: dict[str, str] = {}  # output path → digest of its bytes
        self.deferred: set[str] = set()  # outputs left to be made on request
        self.env: jinja2.Environment = environment(root)
        self.dossier: Dossier | None = None

    # Sources

    def source_paths(self) -> list[str]:
        """Every file a build reads, relative to the root."""
        paths = [CONFIG_FILE, *REGISTRIES]
        for kind in ("articles", "entities"):
            paths += [path for _, path in content_files(self.root, kind)]
        layouts = self.root / "layouts"
        if layouts.is_dir():
            paths += sorted(p.relative_to(self.root).as_posix() for p in layouts.rglob("*") if p.is_file())
        return paths

    def is_source(self, path: str) -> bool:
        """Whether a build reads this file (the same rule as `source_paths`)."""
        if path == CONFIG_FILE or path in REGISTRIES or path.startswith("layouts/"):
            return True
        folder, _, name = path.rpartition("/")
        return folder in ("content/articles", "content/entities") and name.endswith(".md")

    def refresh(self, changed: Iterable[str] | None = None) -> set[str]:
        """Re-read sources (all, or just `changed`); returns the paths whose bytes differ."""
        if changed is None:
            paths = set(self.source_paths()) | set(self.digests)
        else:
            paths = set()
            for path in changed:
                paths.add(path)
                paths |= {known for known in self.digests if known.startswith(path.rstrip("/") + "/")}
        differ = set()
        for path in sorted(p for p in paths if self.is_source(p)):
            file = self.root / path
            try:
                digest = _digest(file.read_bytes()) if file.is_file() else None
            except OSError:
                digest = None
            if digest != self.digests.get(path):
                differ.add(path)
                if digest is None:
                    self.digests.pop(path, None)
                else:
                    self.digests[path] = digest
        return differ

    # Parsing

    def _parse(self, path: str, options: MarkdownOptions) -> tuple[Any, list[Diagnostic]]:
        digest = self.digests[path]
        cached = self.parsed.get(path)
        if cached is not None and cached[0] == digest:
            return cached[1], cached[2]
        file = self.root / path
        if path.startswith("content/articles/"):
            result, problems = parse_article(file, path, options)
        elif path.startswith("content/entities/"):
            result, problems = parse_entity(file, path, options)
        elif path == "content/figures.yaml":
            result, problems = load_figures(self.root)
        elif path == "content/events.yaml":
            result, problems = load_events(self.root)
        else:
            result, problems = load_home(self.root, options)
        self.parsed[path] = (digest, result, problems)
        self.parse_count += 1
        return result, problems

    def load(self, report: Report) -> tuple[Dossier, dict[str, FigureSummary]] | None:
        config, problems = load_config(self.root)
        report.extend(problems)
        if config is None:
            return None
        if self.base_url is not None:
            config.base_url = self.base_url.rstrip("/") + "/" if self.base_url else ""
        options = markdown_options(config)
        if self.parsed.get(CONFIG_FILE, ("",))[0] != self.digests.get(CONFIG_FILE):
            self.parsed = {CONFIG_FILE: (self.digests.get(CONFIG_FILE, ""), None, [])}
        content = self._content(config, options, report)
        dossier, summaries, problems = resolve(content)
        report.extend(problems)
        return dossier, summaries

    def _content(self, config: Config, options: MarkdownOptions, report: Report) -> Content:
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

    def _group_digest(self, prefix: str) -> str:
        return _digest(
            "".join(f"{p}={d}\n" for p, d in sorted(self.digests.items()) if p.startswith(prefix)).encode()
        )

    def _signer(
        self, templates_digest: Callable[[tuple[str, ...]], str], assets: str
    ) -> Callable[[Output], str]:
        groups = {
            "*articles": self._group_digest("content/articles/"),
            "*entities": self._group_digest("content/entities/"),
            "*": self._group_digest("content/"),
        }
        common = f"{__version__}|{self.serving}|{self.base_url}|{self.digests.get(CONFIG_FILE)}|{assets}"

        def sign(output: Output) -> str:
            parts = [common, output.path, output.version, templates_digest(output.templates)]
            for name in sorted(output.inputs):
                parts.append(f"{name}={groups.get(name) or self.digests.get(name, '-')}")
            return _digest("\n".join(parts).encode())

        return sign

    def _templates_digest(self) -> Callable[[tuple[str, ...]], str]:
        memo: dict[tuple[str, ...], str] = {}

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

    def build(self, sink: Sink, changed: Iterable[str] | None = None) -> Outcome:
        """Bring `sink` up to date with the sources; raises ContentError and writes nothing on errors."""
        started = time.perf_counter()
        self.parse_count = 0
        outcome = Outcome(sources_changed=self.refresh(changed))
        report = Report()
        loaded = self.load(report)
        if loaded is None or report.errors or (self.strict and report.warnings):
            raise ContentError(report.sorted())
        dossier, summaries = loaded
        self.dossier = dossier
        if any(path.startswith("layouts/") for path in outcome.sources_changed):
            self.env = environment(self.root)  # a fresh template cache
        try:
            renderer = Renderer(
                self.env, self.root, dossier, summaries, collect_assets(self.root), serving=self.serving
            )
            outputs = renderer.outputs()
            # Published pages name assets by content hash, so they change when an asset does.
            assets = "" if self.serving else ",".join(a.hashed for a in renderer.assets.values())
            sign = self._signer(self._templates_digest(), assets)
            signatures = {output.path: sign(output) for output in outputs}
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
        live = {output.path for output in outputs}
        for gone in set(self.signatures) - live:
            sink.remove(gone)
            outcome.removed.add(gone)
            self.signatures.pop(gone, None)
            self.output_digests.pop(gone, None)
            self.deferred.discard(gone)
        outcome.pages = sum(1 for output in outputs if output.path.endswith(".html"))
        outcome.files = len(outputs)
        outcome.parsed = self.parse_count
        outcome.diagnostics = report.sorted()
        outcome.seconds = time.perf_counter() - started
        return outcome
