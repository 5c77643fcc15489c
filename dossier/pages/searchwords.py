"""The words of the site, so that every search bundle knows all of them.

Pagefind, when no word of an index begins with a search term, searches the longest prefix of the
term that is a word instead ("orchid" finds pages with "or"). Over several bundles each bundle decides
that alone, so a bundle without the word would add pages that one index over the site never shows.
Each bundle therefore also indexes a *vocabulary page*: every word of the site, in the order they
first appeared (a list that only grows, so an older bundle's page is the start of a newer one's). A
bundle matched the term as one index would when its vocabulary page matched the same words as the
newest bundle's; the search box keeps only such bundles' results (see layouts/assets/site.js).

The words are read from the built pages themselves, a superset of what Pagefind indexes: the text of
the element marked `data-pagefind-body` (or of `<body>`) but what it marks `data-pagefind-ignore`,
with images' alt text, the title and the first heading.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

FOLDER = "_dossier-search-words"  # where vocabulary pages are put beside a bundle's pages

_LANG = re.compile(r"<html\b[^>]*?\slang=\"([^\"]*)\"", re.IGNORECASE)
_TAG_NAME = re.compile(r"<([a-zA-Z][\w-]*)")
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")
)
_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_ALT_TEXT = re.compile(r"\salt=\"([^\"]*)\"")
_TAG = re.compile(r"<[^>]*>")
_EDGES = "\"'.,;:!?()[]{}<>«»„“”‘’‚‹›…*·•|/\\"


def language(page: str) -> str:
    """The page's language as Pagefind reads it (the `<html lang>`), lower case; "" for none."""
    found = _LANG.search(page[:2000])
    return found.group(1).lower() if found else ""


def _end(page: str, start: int, tag: str) -> int:
    """Where the element whose start tag begins at `start` ends (the page's end if it never does)."""
    if tag.lower() in _VOID:
        return page.find(">", start) + 1 or len(page)
    depth = 0
    for found in re.compile(rf"<(/?){re.escape(tag)}\b[^>]*>", re.IGNORECASE).finditer(page, start):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return found.end()
    return len(page)


def _element_with(text: str, attribute: str, position: int = 0) -> tuple[int, str] | None:
    """The start and tag name of the first element from `position` on with `attribute`."""
    while (found := text.find(attribute, position)) >= 0:
        after = text[found + len(attribute) : found + len(attribute) + 1]
        if text[found - 1 : found].isspace() and after and (after in "=/>" or after.isspace()):
            start = text.rfind("<", 0, found)
            tag = _TAG_NAME.match(text, start)
            if tag and text.find(">", start) > found:  # inside that start tag, not in text
                return start, tag.group(1)
        position = found + 1
    return None


def _without_ignored(text: str) -> str:
    """The text without the elements Pagefind leaves out of the index (`data-pagefind-ignore`)."""
    parts, position = [], 0
    while found := _element_with(text, "data-pagefind-ignore", position):
        start, tag = found
        parts.append(text[position:start])
        position = max(_end(text, start, tag), start + 1)
    parts.append(text[position:])
    return " ".join(parts)


def marks_body(page: str) -> bool:
    """Whether the page marks the part of itself to index (then Pagefind leaves out pages that do not)."""
    return _element_with(page, "data-pagefind-body") is not None


def words(page: str) -> set[str]:
    """The words a search could find on a built page (more than Pagefind indexes, never fewer)."""
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    heading = re.search(r"<h1\b[^>]*>(.*?)</h1>", page, re.DOTALL)
    body = _element_with(page, "data-pagefind-body")
    start, tag = body or (max(page.find("<body"), 0), "body")
    text = _without_ignored(_HIDDEN.sub(" ", page[start : _end(page, start, tag)]))
    extra = " ".join(_ALT_TEXT.findall(text)) if 'alt="' in text else ""
    named = " ".join(found.group(1) for found in (title, heading) if found)
    text = html.unescape(f"{_TAG.sub(' ', f'{text} {named}')} {extra}")
    return {word for token in set(text.lower().split()) if (word := token.strip(_EDGES))}


def vocabulary_page(lang: str, vocabulary: Iterable[str]) -> str:
    attribute = f' lang="{html.escape(lang)}"' if lang else ""
    text = html.escape(" ".join(vocabulary))
    head = f"<!DOCTYPE html><html{attribute}><head><title>-</title></head>"
    return f"{head}<body data-pagefind-body><p>{text}</p></body></html>"


def page_path(lang: str) -> str:
    return f"{FOLDER}/{lang or 'unknown'}/index.html"
