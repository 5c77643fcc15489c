"""The floor under a cold build: the same articles parsed by markdown-it-py and rendered by Jinja2,
one page each, with nothing else (no annotations resolved, no entity, figure or timeline pages, no
cache, no search). What the engine spends above this is its own.

    python benchmarks/floor.py CORPUS OUT

CORPUS is a dossier from benchmarks/generate.py; the articles' front matter is read with PyYAML's C
loader, their Markdown rendered with the same markdown-it-py set-up as the engine's (CommonMark,
tables, front matter), each page written with one Jinja2 template.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import yaml
from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.front_matter import front_matter_plugin

PAGE = """<!DOCTYPE html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><article><h1>{{ title }}</h1>{{ body }}</article></main></body></html>
"""


def main() -> None:
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    template = jinja2.Environment(autoescape=True).from_string(PAGE)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for article in sorted((corpus / "content/articles").glob("*.md")):
        tokens = md.parse(article.read_text(encoding="utf-8"))
        front = tokens[0].content if tokens and tokens[0].type == "front_matter" else "{}"
        meta = yaml.load(front, Loader=loader)
        body = Markup(md.renderer.render(tokens, md.options, {}))
        page = template.render(title=meta.get("title", ""), lang=meta.get("language", "en"), body=body)
        target = out / "articles" / article.stem / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
