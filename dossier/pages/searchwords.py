"""The words of the site, so that every search bundle knows all of them.

Pagefind, when no word of an index begins with a search term, searches the longest prefix of the
term that is a word instead ("orchid" finds pages with "or"). Over several bundles each bundle decides
that alone, so a bundle without the word would add pages that one index over the site never shows.
Each bundle therefore also indexes a *vocabulary page*: every word of the site, in the order they
first appeared (a list that only grows, so an older bundle's page is the start of a newer one's). A
bundle matched the term as one index would when its vocabulary page matched the same words as the
newest bundle's; the search box keeps only such bundles' results (see layouts/assets/site.js).

The words are read from the built pages themselves, a superset of what Pagefind indexes: all text
from the element marked `data-pagefind-body` (or `<body>`) on, with images' alt text and the title.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

FOLDER = "_dossier-search-words"  # where vocabulary pages are put beside a bundle's pages

_LANG = re.compile(r"<html\b[^>]*?\slang=\"([^\"]*)\"", re.IGNORECASE)
_START = re.compile(r"<[a-zA-Z][^>]*\sdata-pagefind-body[\s/>=]|<body\b", re.IGNORECASE)
_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_ALT_TEXT = re.compile(r"\salt=\"([^\"]*)\"")
_TAG = re.compile(r"<[^>]*>")
_EDGES = "\"'.,;:!?()[]{}<>«»„“”‘’‚‹›…*·•|/\\"


def language(page: str) -> str:
    """The page's language as Pagefind reads it (the `<html lang>`), lower case; "" for none."""
    found = _LANG.search(page[:2000])
    return found.group(1).lower() if found else ""


def words(page: str) -> set[str]:
    """The words a search could find on a built page (more than Pagefind indexes, never fewer)."""
    start = _START.search(page)
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    text = page[start.start() :] if start else page
    text = _HIDDEN.sub(" ", text)
    extra = " ".join(_ALT_TEXT.findall(text)) if 'alt="' in text else ""
    text = html.unescape(f"{_TAG.sub(' ', text)} {extra} {title.group(1) if title else ''}")
    return {word for token in set(text.lower().split()) if (word := token.strip(_EDGES))}


def vocabulary_page(lang: str, vocabulary: Iterable[str]) -> str:
    attribute = f' lang="{html.escape(lang)}"' if lang else ""
    text = html.escape(" ".join(vocabulary))
    head = f"<!DOCTYPE html><html{attribute}><head><title>-</title></head>"
    return f"{head}<body data-pagefind-body><p>{text}</p></body></html>"


def page_path(lang: str) -> str:
    return f"{FOLDER}/{lang or 'unknown'}/index.html"
