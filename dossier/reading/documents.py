"""Markdown content files: articles, entities and the home page, each front matter and an annotated body."""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

from ..diagnostics import Diagnostic, Position
from ..model.documents import (
    ENTITY_TYPES,
    Archived,
    Article,
    Entity,
    Home,
    Reference,
)
from ..syntax.annotations import annotate
from ..syntax.markup import PRIVATE_MARKERS, markdown
from .config import MarkdownOptions
from .files import read_text, split_front_matter
from .schema import Fields
from .yamlfile import YamlDoc

ARTICLE_FIELDS = (
    "title", "language", "source", "published", "url", "author", "summary", "archived", "archive_url",
)  # fmt: skip
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_RETRIEVED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
ENTITY_FIELDS = ("name", "type", "aliases", "summary", "role", "links", "language")
_SLUG = re.compile(r"^[\w][\w.-]*$")
WORDS_PER_MINUTE = 200


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
        archived=_archived(fields),
        archive_url=fields.url("archive_url"),
    )
    problems += fields.diagnostics + annotated.diagnostics
    return article, problems


def _archived(fields: Fields) -> Archived | None:
    """`archived:` as `add` writes it: a WARC file under sources/, its payload's digest, when."""
    found = fields.mapping("archived")
    if found is None:
        return None
    found.only(("file", "sha256", "retrieved"))
    file, digest = found.text("file", required=True), found.text("sha256", required=True)
    retrieved = found.text("retrieved", required=True)
    parts = file.split("/")
    if file and (parts[0] != "sources" or ".." in parts or not file.endswith(".warc.gz")):
        found.error(found.position("file"), '"file" must name a .warc.gz file under sources/')
    if digest and not _SHA256.match(digest):
        found.error(found.position("sha256"), '"sha256" must be 64 lowercase hexadecimal digits')
    if retrieved and not _RETRIEVED.match(retrieved):
        found.error(
            found.position("retrieved"), '"retrieved" must be a UTC time such as 2026-12-06T09:30:00Z'
        )
    fields.diagnostics += found.diagnostics
    if found.diagnostics:
        return None
    return Archived(file, digest, retrieved, fields.position("archived"))


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
        language=fields.language("language"),
    )
    problems += fields.diagnostics + annotated.diagnostics
    return entity, problems


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
