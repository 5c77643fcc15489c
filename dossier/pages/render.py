"""Turning pages into files: the Jinja2 environment, layouts, hashed assets and feeds."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from markupsafe import Markup

from .. import __version__
from ..diagnostics import ContentError, Diagnostic, Position
from ..model.documents import Dossier, Entity
from ..model.figures import FigureSummary
from .captured import captured_pages
from .data import (
    article_updated,
    entities_json,
    entities_json_parts,
    events_ics,
    events_json,
    figures_csv,
    figures_json,
    timeline_json,
    timestamp,
)
from .layouts import ENGINE_LAYOUTS
from .passages import PASSAGE_LAYOUT
from .structured import script_json
from .urls import absolute, base_path, output_file, relative
from .views.catalogue import Views, latest_date
from .views.dependencies import (
    ARTICLES_MENTIONS,
    ARTICLES_META,
    CITATIONS,
    ENTITIES_MENTIONS,
    ENTITIES_META,
    EVENTS_FILE,
    FIGURES_FILE,
    Record,
    record,
)
from .views.page import Page
from .words import N_, SiteWords

NAV = [(N_("Home"), ""), (N_("Timeline"), "timeline/"), (N_("Figures"), "figures/"),
       (N_("Entities"), "entities/"), (N_("Sources"), "articles/")]  # fmt: skip


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


def environment(root: Path, compiled: Path | None = None) -> jinja2.Environment:
    """The layouts of the dossier at `root`, falling back template by template to the engine's.

    `compiled` is a folder to keep compiled layouts in between builds (Jinja checks them against
    their source), so a build does not compile every layout again."""
    loader = jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(root / "layouts"), jinja2.FileSystemLoader(ENGINE_LAYOUTS)]
    )
    env = jinja2.Environment(
        loader=loader,
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None,
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"]),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # a build makes a new environment when a layout changes (`Project.build`)
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    return env


def install_words(env: jinja2.Environment, words: SiteWords) -> None:
    """The site's words in the layouts: `_`, `gettext` and `ngettext` as Jinja's newstyle gettext
    defines them (the translation is a format string, filled with the keyword arguments, which
    are escaped), without the three context calls Jinja's own make for each: a large dossier's
    pages make some 200,000 of them. Every layout is autoescaped (`environment`), so each
    translation is markup."""
    env.install_gettext_callables(words.gettext, words.ngettext, newstyle=True)  # for `{% trans %}`
    plain: dict[str, Markup] = {}
    translated: dict[str, Markup] = {}

    def gettext(message: str, **variables: Any) -> str:
        if not variables:
            found = plain.get(message)
            if found is None:
                found = plain[message] = Markup(words.gettext(message)) % {}
            return found
        found = translated.get(message)
        if found is None:
            found = translated[message] = Markup(words.gettext(message))
        return found % variables

    def ngettext(singular: str, plural: str, count: int, **variables: Any) -> str:
        variables.setdefault("num", count)
        return Markup(words.ngettext(singular, plural, count)) % variables

    env.globals.update({"_": gettext, "gettext": gettext, "ngettext": ngettext})


_NO_ATTRIBUTE = re.compile(r"^'(?:[\w.]+\.)?(\w+) object' has no attribute '(\w+)'$")
_UNDEFINED = re.compile(r"^'(\w+)' is undefined$")


def _undefined_in_words(message: str) -> str:
    """Jinja2's undefined-name messages in a layout author's terms."""
    if match := _NO_ATTRIBUTE.match(message):
        return f'unknown field "{match[2]}" of {match[1].lower()}'
    if match := _UNDEFINED.match(message):
        return f'unknown variable "{match[1]}"'
    return message


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
        message = f"template error: {_undefined_in_words(str(exc))}"
    path = Path(name)
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else f"(engine) {path.name}"
    return Diagnostic(Position(shown, line, 1), "error", message)


@dataclass(frozen=True)
class Output:
    """One file of the site, how to make it, and what it depends on.

    `inputs` are dependency names (content files or parts of them, see pages.py);
    `templates` the layouts it renders with. A build re-makes an output only when one of them changed.
    """

    path: str
    produce: Callable[[], bytes]
    inputs: Record = ()
    templates: tuple[str, ...] = ()
    page: Page | None = None
    on_demand: bool = False  # the preview may make it when first requested
    local: bool = False  # made by the building process itself, which keeps parts of it (see `Renderer`)
    parts: Callable[[], Iterable[bytes]] | None = None  # the file in parts, to write it without holding it
    version: str = ""  # anything else it is made from, such as an asset's own digest


class Renderer:
    """Renders every output file of a resolved dossier.

    While previewing (`serving`), assets keep their plain names so a stylesheet edit changes no page,
    and 404.html links from `/`, where the preview serves the site. `entity_items`, when set, gives
    each entity's item of data/entities.json as kept from an earlier build, or makes it.
    """

    entity_items: Callable[[Entity], bytes] | None = None

    def __init__(
        self,
        env: jinja2.Environment,
        root: Path,
        dossier: Dossier,
        summaries: dict[str, FigureSummary],
        assets: dict[str, Asset],
        words: SiteWords,
        *,
        serving: bool = False,
    ):
        self.env = env
        self.root = root
        self.dossier = dossier
        self.summaries = summaries
        self.words = words
        install_words(env, words)
        env.globals["date_text"] = words.date
        env.globals["text_lang"] = self.text_lang  # macros see globals, not a page's context
        env.globals["text_span"] = self.text_span
        self.locale = words.locale_tag  # the same for every page: made once
        self.script_words = script_json(words.script_words())
        self.views = Views(dossier, summaries, words)
        self.assets = assets
        self.serving = serving
        self.base_url = dossier.config.base_url
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        self.epoch = int(epoch) if epoch.isdigit() else None

    def text_lang(self, entity: Entity | None = None) -> Markup:
        """` lang="xx"` for text of the registries or of an entity file (`entity`) written in another
        language than the site's words (`content_language`, an entity's `language`); else nothing."""
        config = self.dossier.config
        language = (entity.language if entity else "") or config.content_language or config.language
        return Markup(f' lang="{language}"') if language != self.words.language else Markup("")

    def text_span(self, text: str, entity: Entity | None = None) -> Markup:
        """`text` of the registries or of an entity file inside a phrase of the site's words: in a
        `<span lang>` where its language is another."""
        language = self.text_lang(entity)
        return Markup("<span{}>{}</span>").format(language, text) if language else Markup.escape(text)

    def asset_path(self, name: str) -> str:
        return f"assets/{name}" if self.serving else self.assets[name].hashed

    def context(self, page: Page, *, rooted: bool = False) -> dict[str, Any]:
        """What every template sees; `rooted` pages (404) link by absolute path, not relatively."""
        prefix = "/" if self.serving else base_path(self.base_url)

        def url(target: str) -> str:
            if rooted:
                return absolute(prefix, target)
            return relative(page.path, target)

        def asset(name: str) -> str:
            if name not in self.assets:
                raise jinja2.TemplateRuntimeError(f'no asset named "{name}" in layouts/assets/')
            return url(self.asset_path(name))

        return {
            "site": self.dossier.config,
            "lang": self.words.language,
            "direction": self.words.direction,
            "locale": self.locale,
            "script_words": self.script_words,
            "page": page,
            "canonical": absolute(self.base_url, page.path) if self.base_url else "",
            "url": url,
            "asset": asset,
            "nav": [(self.words.gettext(label), url(target), target == page.path) for label, target in NAV],
            "breadcrumbs": [(label, url(target)) for label, target in page.breadcrumbs],
            "generator": f"dossier {__version__}",
            "jsonld": script_json(page.schema()) if page.schema else None,
        }

    def render(self, page: Page, *, rooted: bool = False) -> bytes:
        try:
            template = self.env.get_template(page.template)
            return template.render(**self.context(page, rooted=rooted), **page.build()).encode()
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
            raise ContentError([layout_error(exc, self.root)]) from None

    def page_output(self, page: Page) -> Output:
        templates = (page.template, PASSAGE_LAYOUT) if page.quotes else (page.template,)
        return Output(
            output_file(page.path), functools.partial(self.render, page), page.inputs, templates, page
        )

    def outputs(self) -> list[Output]:
        """Every file of the site, in a stable order."""
        pages = self.views.all_pages()
        return [self.page_output(p) for p in pages] + self.other_outputs()

    def other_outputs(self) -> list[Output]:
        """Everything but the dossier's pages: 404, feeds, data, hosting files and assets."""
        made = []
        not_found = Page("404.html", "404.html", self.words.gettext("Page not found"))
        made.append(
            Output(
                "404.html", functools.partial(self.render, not_found, rooted=True), templates=("404.html",)
            )
        )
        d, s, w = self.dossier, self.summaries, self.words
        listing = record({ARTICLES_META, ENTITIES_META})
        mentions = record({ENTITIES_META, ARTICLES_MENTIONS, ENTITIES_MENTIONS})
        claims = record(CITATIONS | {FIGURES_FILE, EVENTS_FILE})
        events = record({EVENTS_FILE})
        made += [
            Output("feed.xml", self.feed, listing, ("feed.xml",), on_demand=True),
            Output("sitemap.xml", self.sitemap, listing, ("sitemap.xml",), on_demand=True),
            Output("robots.txt", self.robots),
            Output(
                "data/entities.json",
                self.entities_json,
                mentions,
                on_demand=True,
                local=True,
                parts=self.entities_json_parts,
            ),
            Output("data/events.json", functools.partial(events_json, d, w), claims, on_demand=True),
            Output("data/figures.json", functools.partial(figures_json, d, s, w), claims, on_demand=True),
            Output("data/figures.csv", functools.partial(figures_csv, d, s, w), claims, on_demand=True),
            Output("data/events.ics", self.events_calendar, events, on_demand=True),
            Output("data/timeline.json", functools.partial(timeline_json, d, w), events, on_demand=True),
            Output(".nojekyll", bytes),
        ]
        made += [self.page_output(page) for page in captured_pages(self.root, d, self.words.gettext)]
        for asset in self.assets.values():
            digest = asset.hashed.split(".")[-2]
            made.append(
                Output(self.asset_path(asset.name), functools.partial(bytes, asset.data), version=digest)
            )
        return made

    def entities_json(self) -> bytes:
        return entities_json(self.dossier, self.entity_items)

    def entities_json_parts(self) -> Iterator[bytes]:
        return entities_json_parts(self.dossier, self.entity_items)

    def events_calendar(self) -> bytes:
        """The calendar, stamped with its latest event's day: it depends on events.yaml alone."""
        days = [e.date.latest for e in self.dossier.events.values()]
        return events_ics(self.dossier, self.words, timestamp(max(days) if days else None, self.epoch))

    def feed(self) -> bytes:
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
        return self._template(
            "feed.xml",
            site=self.dossier.config,
            lang=self.words.language,
            feed_url=absolute(base, "feed.xml"),
            home_url=absolute(base, ""),
            updated=updated,
            entries=entries,
            generator=f"dossier {__version__}",
        )

    def sitemap(self) -> bytes:
        lastmod = {
            f"articles/{a.slug}/": a.published.earliest.isoformat()
            for a in self.dossier.articles
            if a.published
        }
        urls = [(absolute(self.base_url, path), lastmod.get(path)) for path in self.views.page_paths()]
        return self._template("sitemap.xml", urls=urls)

    def robots(self) -> bytes:
        robots = "User-agent: *\nAllow: /\n"
        if self.base_url:
            robots += f"Sitemap: {absolute(self.base_url, 'sitemap.xml')}\n"
        return robots.encode()

    def _template(self, name: str, **context: Any) -> bytes:
        try:
            return self.env.get_template(name).render(**context).encode()
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
            raise ContentError([layout_error(exc, self.root)]) from None


def template_closure(env: jinja2.Environment, name: str) -> list[str]:
    """A template and every template it extends, imports or includes, recursively."""
    seen: list[str] = []
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.append(current)
        source, filename, _ = env.loader.get_source(env, current)  # type: ignore[union-attr]
        parsed = env.parse(source, current, filename)
        pending += [t for t in meta.find_referenced_templates(parsed) if t]
    return seen
