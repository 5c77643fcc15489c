"""Passages: the sentence around each annotation, rendered once, when its document is read.

Entity, figure and timeline pages quote tens of thousands of passages. Each is rendered with the
`passage.html` layout in the process that parsed its document and kept with the document (and in
the build cache), so those pages join ready fragments instead of rendering every quote again. A
change to the layout makes the documents be read again (see `incremental.project`)."""

from __future__ import annotations

import jinja2

from ..model.documents import Article, Document

PASSAGE_LAYOUT = "passage.html"


def attach_passages(template: jinja2.Template, document: Document) -> None:
    """Render the passage of every mention and claim of `document` into its body's `passages`."""
    body = document.body  # type: ignore[attr-defined]  # articles, entities and the home page have one
    language = document.language if isinstance(document, Article) else ""
    render = template.render
    body.passages = {
        annotation.anchor: render(
            language=language,
            before=annotation.context.before,
            text=annotation.context.text,
            after=annotation.context.after,
        )
        for annotation in (*body.mentions, *body.claims)
    }
