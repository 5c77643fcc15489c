"""The captured copy of a source, as the site publishes it under `captures: public`
(`articles/SLUG/captured/`): the page as captured, made safe to show among the site's own.

Nothing of it runs and nothing of it is fetched from elsewhere: lxml_html_clean takes out scripts,
event handlers, `javascript:` links, styles, forms, frames of any kind, embedded objects and
`<link>`s; what would still load from an address (an image, a video's source, a `srcset`) loses it,
an image keeping its `alt` text. The page says where the original was and when it was captured,
and asks not to be indexed; it is in neither the sitemap, the feed nor the search index.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import lxml.html
from lxml_html_clean import Cleaner
from markupsafe import Markup

from ..model.documents import Article, Dossier
from ..warc import contents
from .views.dependencies import meta, record
from .views.page import Page

_CLEANER = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    inline_style=True,
    links=True,
    meta=True,
    page_structure=True,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=True,
    annoying_tags=True,
    remove_unknown_tags=True,
    safe_attrs_only=True,
)
_LOADING = ("src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "longdesc")


def captured_copy(root: Path, article: Article) -> Markup:
    """The captured page's body, made safe to show (see above)."""
    assert article.archived is not None
    with (root / article.archived.file).open("rb") as stream:
        page = contents(stream)
    if not page.payload.strip():
        return Markup("")
    document = lxml.html.document_fromstring(page.payload)
    cleaned = _CLEANER.clean_html(document)
    for element in cleaned.iter():
        for name in _LOADING:
            element.attrib.pop(name, None)
        if element.tag == "img":  # nothing left to show but what it says
            alt = element.get("alt", "")
            element.tag = "span"
            element.attrib.clear()
            element.text = f"[{alt}]" if alt else ""
        if element.tag == "a" and not element.get("href", "").startswith(("http://", "https://", "#")):
            element.attrib.pop("href", None)  # nothing of the original's own site to follow here
    body = cleaned.find(".//body")
    parts = body if body is not None else [cleaned]
    return Markup("".join(lxml.html.tostring(part, encoding="unicode") for part in parts))


def captured_pages(root: Path, dossier: Dossier, gettext: Callable[[str], str]) -> list[Page]:
    """The copy of each captured source, where the config makes captures public."""
    if dossier.config.captures != "public":
        return []
    pages = []
    for article in dossier.articles:
        if article.archived is None:
            continue
        path = f"articles/{article.slug}/captured/"
        pages.append(
            Page(
                path=path,
                template="captured.html",
                title=f"{gettext('Captured copy')}: {article.title}",
                build=lambda article=article: {"article": article, "copy": captured_copy(root, article)},
                inputs=record({article.archived.file, meta(article.path), article.path}),
                breadcrumbs=[
                    (gettext("Sources"), "articles/"),
                    (article.title, f"articles/{article.slug}/"),
                    (gettext("Captured copy"), path),
                ],
            )
        )
    return pages
