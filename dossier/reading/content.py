"""Reading a dossier folder into the model: config, articles, entities, figures, events, home."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Position
from ..model.documents import (
    ENTITY_TYPES,
    Article,
    Config,
    Entity,
    Event,
    ExternalReference,
    Figure,
    Home,
    Reference,
)
from ..syntax.annotations import annotate
from ..syntax.markup import PRIVATE_MARKERS, markdown
from ..syntax.names import encoding_note, name_key
from .files import read_text, split_front_matter
from .schema import Fields
from .yamlfile import YamlDoc, load_yaml

CONFIG_FIELDS = ("title", "description", "base_url", "language", "author", "markdown")
MARKDOWN_FIELDS = ("html", "typographer")
ARTICLE_FIELDS = ("title", "language", "source", "published", "url", "author", "summary")
ENTITY_FIELDS = ("name", "type", "aliases", "summary", "role", "links")
FIGURE_FIELDS = ("label", "unit", "group", "entity", "period", "featured", "note")
EVENT_FIELDS = ("date", "title", "summary", "entities", "references")
_SLUG = re.compile(r"^[\w][\w.-]*$")
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class MarkdownOptions:
    """What parsing a Markdown file needs from config.yaml; small so worker processes get it cheaply."""

    language: str = "en"
    html: bool = False
    typographer: bool = True


def markdown_options(config: Config) -> MarkdownOptions:
    return MarkdownOptions(config.language, config.markdown_html, config.typographer)


def load_config(root: Path) -> tuple[Config | None, list[Diagnostic]]:
    path = "config.yaml"
    file = root / path
    if not file.is_file():
        return None, [Diagnostic(Position(path), "error", f"no config.yaml in {root}")]
    text, problems = read_text(file, path)
    if text is None:
        return None, problems
    doc, problems = load_yaml(text, path)
    if doc is None or problems:
        return None, problems
    if doc.data is None:
        doc.data = {}
    fields = Fields(doc, (), "config.yaml")
    fields.only(CONFIG_FIELDS)
    config = Config(
        title=fields.text("title", required=True),
        description=fields.text("description"),
        base_url=fields.url("base_url"),
        language=fields.language("language") or "en",
        author=fields.text("author"),
    )
    problems = fields.diagnostics
    if "markdown" in fields.data:
        options = Fields(doc, ("markdown",), "markdown")
        options.only(MARKDOWN_FIELDS)
        config.markdown_html = options.boolean("html", False)
        config.typographer = options.boolean("typographer", True)
        problems += options.diagnostics
    if config.base_url and not config.base_url.endswith("/"):
        config.base_url += "/"
    return (None if problems else config), problems


def _markdown_source(file: Path, path: str) -> tuple[YamlDoc | None, str, int, list[Diagnostic]]:
    text, problems = read_text(file, path)
    if text is None:
        return None, "", 0, problems
    source, problems = split_front_matter(PRIVATE_MARKERS.sub("", text), path)
    if source is None:
        return None, "", 0, problems
    return source.front, source.body, source.line_offset, problems


def _slug(file: Path, path: str) -> tuple[str, list[Diagnostic]]:
    slug = unicodedata.normalize("NFC", file.stem)  # macOS file systems hand out names decomposed
    if not _SLUG.match(slug):
        message = f'file name "{file.name}" makes a bad slug: use letters, digits, "-", "_" or "."'
        return slug, [Diagnostic(Position(path), "error", message)]
    return slug, []


def parse_article(file: Path, path: str, options: MarkdownOptions) -> tuple[Article | None, list[Diagnostic]]:
    """One article file; pure, so it can run in a worker process."""
    front, body, offset, problems = _markdown_source(file, path)
    slug, bad_slug = _slug(file, path)
    problems += bad_slug
    if front is None:
        return None, problems
    fields = Fields(front, (), "article front matter")
    fields.only(ARTICLE_FIELDS)
    language = fields.language("language", required=True)
    source = fields.text("source")
    md = markdown(language or options.language, options.html, options.typographer)
    annotated = annotate(md, body, path=path, line_offset=offset, content_dir="articles")
    article = Article(
        slug=slug,
        path=path,
        title=fields.text("title", required=True),
        language=language,
        body=annotated,
        source=Reference(source, fields.position("source")) if source else None,
        published=fields.date("published"),
        url=fields.url("url"),
        author=fields.text("author"),
        summary=fields.text("summary"),
        reading_minutes=max(1, math.ceil(annotated.words / WORDS_PER_MINUTE)),
        position=front.origin,
    )
    problems += fields.diagnostics + annotated.diagnostics
    return article, problems


def parse_entity(file: Path, path: str, options: MarkdownOptions) -> tuple[Entity | None, list[Diagnostic]]:
    front, body, offset, problems = _markdown_source(file, path)
    slug, bad_slug = _slug(file, path)
    problems += bad_slug
    if front is None:
        return None, problems
    fields = Fields(front, (), "entity front matter")
    fields.only(ENTITY_FIELDS)
    md = markdown(options.language, options.html, options.typographer)
    annotated = annotate(md, body, path=path, line_offset=offset, content_dir="entities")
    links = fields.text_map("links")
    for label, url in list(links.items()):
        if not re.match(r"^https?://\S+$", url, re.IGNORECASE):
            fields.error(fields.position("links", label), f'link "{label}" must be an http(s) URL')
            del links[label]
    entity = Entity(
        slug=slug,
        path=path,
        name=fields.text("name", required=True),
        type=fields.choice("type", ENTITY_TYPES, required=True),
        body=annotated,
        aliases=fields.text_list("aliases"),
        summary=fields.text("summary"),
        role=fields.text("role"),
        links=links,
        position=front.origin,
    )
    problems += fields.diagnostics + annotated.diagnostics
    return entity, problems


def _registry(root: Path, name: str) -> tuple[YamlDoc | None, list[Diagnostic]]:
    path = f"content/{name}"
    file = root / path
    if not file.exists():
        return None, []
    text, problems = read_text(file, path)
    if text is None:
        return None, problems
    doc, problems = load_yaml(text, path)
    if doc is not None and doc.data is not None and not isinstance(doc.data, dict):
        problems.append(Diagnostic(doc.origin, "error", f"{name} must map keys to entries"))
        return None, problems
    return doc, problems


def _unique_keys(doc: YamlDoc, what: str, problems: list[Diagnostic]) -> list[Any]:
    """The registry's keys, leaving out (with an error) any that compares equal to an earlier one."""
    first: dict[str, str] = {}
    keys = []
    for key in doc.data:
        folded = name_key(str(key))
        if folded in first:
            note = encoding_note(str(key), first[folded])
            message = f'{what} key "{key}" is the same as "{first[folded]}" (keys ignore case){note}'
            problems.append(Diagnostic(doc.at(key), "error", message))
            continue
        first[folded] = str(key)
        keys.append(key)
    return keys


def load_figures(root: Path) -> tuple[list[Figure], list[Diagnostic]]:
    doc, problems = _registry(root, "figures.yaml")
    figures: list[Figure] = []
    if doc is None or not doc.data:
        return figures, problems
    for key in _unique_keys(doc, "figure", problems):
        fields = Fields(doc, (key,), f'figure "{key}"')
        fields.only(FIGURE_FIELDS)
        entity = fields.text("entity")
        figures.append(
            Figure(
                key=name_key(str(key)),
                label=fields.text("label", required=True),
                unit=fields.text("unit", required=True),
                position=doc.at(key),
                group=fields.text("group"),
                entity=Reference(entity, fields.position("entity")) if entity else None,
                period=fields.date("period"),
                featured=fields.boolean("featured"),
                note=fields.text("note"),
            )
        )
        problems += fields.diagnostics
    return figures, problems


def load_events(root: Path) -> tuple[list[Event], list[Diagnostic]]:
    doc, problems = _registry(root, "events.yaml")
    events: list[Event] = []
    if doc is None or not doc.data:
        return events, problems
    for key in _unique_keys(doc, "event", problems):
        fields = Fields(doc, (key,), f'event "{key}"')
        fields.only(EVENT_FIELDS)
        date = fields.date("date", required=True)
        references = []
        for item in fields.mapping_list("references"):
            item.only(("title", "url"))
            title, url = item.text("title", required=True), item.url("url")
            if not url and "url" not in item.data:
                item.error(item.position(), 'a reference needs "url"')
            if title and url:
                references.append(ExternalReference(title, url))
            fields.diagnostics += item.diagnostics
        event = Event(
            key=name_key(str(key)),
            date=date,  # type: ignore[arg-type]  # None only when an error was reported
            title=fields.text("title", required=True),
            position=doc.at(key),
            summary=fields.text("summary"),
            entities=[Reference(n, p) for n, p in fields.text_list("entities")],
            references=references,
        )
        problems += fields.diagnostics
        events.append(event)  # even with a bad date, so claims of it still resolve
    return events, problems


def load_home(root: Path, options: MarkdownOptions) -> tuple[Home | None, list[Diagnostic]]:
    path = "content/index.md"
    file = root / path
    if not file.exists():
        return None, []
    front, body, offset, problems = _markdown_source(file, path)
    if front is None:
        return None, problems
    fields = Fields(front, (), "index.md front matter")
    fields.only(("title",))
    md = markdown(options.language, options.html, options.typographer)
    annotated = annotate(md, body, path=path, line_offset=offset, content_dir="")
    problems += fields.diagnostics + annotated.diagnostics
    return Home(fields.text("title"), annotated, path), problems
