"""config.yaml: the dossier's settings, and the Markdown options every content file is parsed with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, Position
from ..model.documents import (
    Config,
)
from .files import read_text
from .schema import Fields
from .yamlfile import load_yaml

CONFIG_FIELDS = (
    "title", "description", "base_url", "language", "content_language", "author", "markdown", "captures",
)  # fmt: skip
MARKDOWN_FIELDS = ("html", "typographer")


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
        content_language=fields.language("content_language"),
        author=fields.text("author"),
        captures=fields.choice("captures", ("private", "public")) or "private",
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
