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
    """Render the passage of every mention and claim of `document` into its body's `passages`.

    One template context serves all of a document's passages, each render given fresh variables:
    making a context is three quarters of the cost of `Template.render` for a layout this small."""
    body = document.body  # type: ignore[attr-defined]  # articles, entities and the home page have one
    language = document.language if isinstance(document, Article) else ""
    context = template.new_context()
    environment = template.environment
    passages = []
    try:
        for annotation in (*body.mentions, *body.claims):
            where = annotation.context
            context.vars = {
                "language": language,
                "before": where.before,
                "text": where.text,
                "after": where.after,
            }
            context.exported_vars = set()
            passages.append(environment.concat(template.root_render_func(context)))  # type: ignore[attr-defined]
    except Exception:
        environment.handle_exception()  # as `Template.render` does: the traceback points into the layout
    body.passages = passages
