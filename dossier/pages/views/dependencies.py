"""The names of a page's dependency record: what of the content a page's output can change with.

A content file's path stands for all of it; `PATH#meta`, `PATH#mentions` and `PATH#claims` for the
parts of an article or entity that other pages show; `PATH#mentions:NAME` for what an entity's page
shows of a document mentioning it as NAME (those passages, and which names the document uses, for
"appears with"), so an edit of one sentence re-renders the pages of the entities named in it, not of
every entity the document names; `*articles#meta` and the like for that part of every article (or
entity); `content/figures.yaml#entry:KEY` (and the same of events.yaml) for one entry of a
registry, the whole file's path for pages that list them all; `tip:figure:KEY` for what a figure's
mark in a body shows (its label, values and number of sources), which many documents decide at once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

ARTICLES_META, ARTICLES_MENTIONS, ARTICLES_CLAIMS = "*articles#meta", "*articles#mentions", "*articles#claims"
ENTITIES_META, ENTITIES_MENTIONS, ENTITIES_CLAIMS = "*entities#meta", "*entities#mentions", "*entities#claims"
CITATIONS = frozenset({ARTICLES_META, ARTICLES_CLAIMS, ENTITIES_META, ENTITIES_CLAIMS})
FIGURES_FILE = "content/figures.yaml"
HOME_FILE = "content/index.md"
EVENTS_FILE = "content/events.yaml"
LINKS_FILE = "content/links.yaml"  # what `links` found of the originals (reading.links)
MENTIONS_OF = "mentions:"

Record = tuple[str, ...]  # a dependency record: its names, sorted


def record(names: Iterable[str]) -> Record:
    """A dependency record: the names, each once, in order. A tuple has a third of a set's size
    (a large dossier's record holds half a million names), and signing reads them in order."""
    return tuple(sorted(set(names)))


def part_name(path: str, part: str) -> str:
    """The dependency name of one part of a document. Names are interned: a large dossier's pages
    name the same few thousand parts some 300,000 times, and each copy would be kept until the
    dependency record is made."""
    return sys.intern(f"{path}#{part}")


def meta(path: str) -> str:
    return part_name(path, "meta")


def mentions_of(path: str, name: str) -> str:
    """The dependency name of a document's mentions written `[[name]]` (see above)."""
    return part_name(path, MENTIONS_OF + name)


def registry_entry(path: str, key: str) -> str:
    """The dependency name of one entry of figures.yaml or events.yaml."""
    return part_name(path, f"entry:{key}")


def figure_tip(key: str) -> str:
    return sys.intern(f"tip:figure:{key}")


def event_tip(key: str) -> str:
    return sys.intern(f"tip:event:{key}")
