"""Turning pages into files: the Jinja2 environment, layouts, hashed assets and feeds."""

from __future__ import annotations

import hashlib
import os
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from . import __version__
from .data import article_updated, entities_json, events_json, figures_csv, figures_json, timestamp
from .diagnostics import ContentError, Diagnostic, Position
from .figures import FigureSummary
from .model import Dossier
from .pages import Page, Views, latest_date
from .urls import absolute, base_path, output_file, relative

ENGINE_LAYOUTS = Path(__file__).parent / "layouts"
NAV = [("Home", ""), ("Timeline", "timeline/"), ("Figures", "figures/"),
       ("Entities", "entities/"), ("Sources", "articles/")]  # fmt: skip


@dataclass(frozen=True)
class Asset:
    name: str  # as templates ask for it: "style.css"
    hashed: str  # as written: "assets/style.1a2b3c4d5e.css"
    data: bytes
    source: str  # the file it came from, for dependency tracking


def collect_assets(root: Path) -> dict[str, Asset]:
    """Engine assets overridden by same-named files in the dossier's layouts/assets/."""
    found: dict[str, Path] = {}
    for folder in (ENGINE_LAYOUTS / "assets", root / "layouts" / "assets"):
        if folder.is_dir():
            for file in sorted(folder.iterdir()):
                if file.is_file() and not file.name.startswith("."):
                    found[file.name] = file
    assets = {}
    for name, file in found.items():
        data = file.read_bytes()
        stem, dot, suffix = name.rpartition(".")
        digest = hashlib.sha256(data).hexdigest()[:10]
        hashed = f"assets/{stem}.{digest}.{suffix}" if dot else f"assets/{name}.{digest}"
        source = file.relative_to(root).as_posix() if file.is_relative_to(root) else f"engine:{name}"
        assets[name] = Asset(name, hashed, data, source)
    return assets


def environment(root: Path) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(root / "layouts"), jinja2.FileSystemLoader(ENGINE_LAYOUTS)]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["plural"] = lambda n, word, words=None: (
        f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"
    )
    return env


def layout_error(exc: Exception, root: Path) -> Diagnostic:
    """A template problem as a diagnostic at the layout's line, never a traceback."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        name, line = exc.filename or exc.name or "layout", exc.lineno or 1
        message = f"template syntax error: {exc.message}"
    else:
        name, line = "layout", 1
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith((".html", ".xml")):
                name, line = frame.filename, frame.lineno or 1
                break
        message = f"template error: {exc}"
    path = Path(name)
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else f"(engine) {path.name}"
    return Diagnostic(Position(shown, line, 1), "error", message)


class Renderer:
    """Renders every output file of a resolved dossier."""

    def __init__(self, root: Path, dossier: Dossier, summaries: dict[str, FigureSummary]):
        self.root = root
        self.dossier = dossier
        self.summaries = summaries
        self.views = Views(dossier, summaries)
        self.env = environment(root)
        self.assets = collect_assets(root)
        self.base_url = dossier.config.base_url
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        self.epoch = int(epoch) if epoch.isdigit() else None

    def context(self, page: Page, *, rooted: bool = False) -> dict[str, Any]:
        """What every template sees; `rooted` pages (404) link by absolute path, not relatively."""
        prefix = base_path(self.base_url)

        def url(target: str) -> str:
            if rooted:
                return absolute(prefix, target)
            return relative(page.path, target)

        def asset(name: str) -> str:
            return url(self.assets[name].hashed)

        return {
            "site": self.dossier.config,
            "page": page,
            "canonical": absolute(self.base_url, page.path) if self.base_url else "",
            "url": url,
            "asset": asset,
            "nav": [(label, url(target), target == page.path) for label, target in NAV],
            "breadcrumbs": [(label, url(target)) for label, target in page.breadcrumbs],
            "generator": f"dossier {__version__}",
        }

    def render(self, page: Page, *, rooted: bool = False) -> bytes:
        template = self.env.get_template(page.template)
        return template.render(**self.context(page, rooted=rooted), **page.context).encode()

    def pages(self) -> list[Page]:
        return self.views.all_pages()

    def files(self) -> Iterator[tuple[str, bytes]]:
        """Every output file, as (site path, bytes). Template problems raise ContentError."""
        try:
            pages = self.pages()
            for page in pages:
                yield output_file(page.path), self.render(page)
            not_found = Page("404.html", "404.html", "Page not found")
            yield "404.html", self.render(not_found, rooted=True)
            yield from self.feeds(pages)
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
            raise ContentError([layout_error(exc, self.root)]) from None
        for asset in self.assets.values():
            yield asset.hashed, asset.data
        yield "data/entities.json", entities_json(self.dossier)
        yield "data/events.json", events_json(self.dossier)
        yield "data/figures.json", figures_json(self.dossier, self.summaries)
        yield "data/figures.csv", figures_csv(self.dossier, self.summaries)
        yield ".nojekyll", b""

    def feeds(self, pages: list[Page]) -> Iterator[tuple[str, bytes]]:
        base = self.base_url
        updated = timestamp(latest_date(self.dossier), self.epoch)
        entries = [
            {
                "article": article,
                "url": absolute(base, f"articles/{article.slug}/"),
                "updated": article_updated(article, updated),
                "source": self.views.source_name(article),
            }
            for article in self.views.articles_in_order()
        ]
        feed = self.env.get_template("feed.xml").render(
            site=self.dossier.config,
            feed_url=absolute(base, "feed.xml"),
            home_url=absolute(base, ""),
            updated=updated,
            entries=entries,
            generator=f"dossier {__version__}",
        )
        yield "feed.xml", feed.encode()
        lastmod = {
            f"articles/{a.slug}/": a.published.earliest.isoformat()
            for a in self.dossier.articles
            if a.published
        }
        sitemap = self.env.get_template("sitemap.xml").render(
            urls=[(absolute(base, p.path), lastmod.get(p.path)) for p in pages]
        )
        yield "sitemap.xml", sitemap.encode()
        robots = "User-agent: *\nAllow: /\n"
        if base:
            robots += f"Sitemap: {absolute(base, 'sitemap.xml')}\n"
        yield "robots.txt", robots.encode()
