"""The record of one page to render, and the words it names the kinds of entities with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from markupsafe import Markup

from ..words import N_
from .dependencies import Record

TYPE_LABELS = {
    "person": N_("People"),
    "organization": N_("Organizations"),
    "product": N_("Products"),
    "publication": N_("Publications"),
    "place": N_("Places"),
    "event": N_("Events"),
    "other": N_("Other"),
}
TYPE_NAMES = {
    "person": N_("Person"),
    "organization": N_("Organization"),
    "product": N_("Product"),
    "publication": N_("Publication"),
    "place": N_("Place"),
    "event": N_("Event"),
    "other": N_("Other"),
}


class Quoted(NamedTuple):
    """A passage on an entity page, and the link to it in its document."""

    href: str
    passage: Markup


@dataclass
class Page:
    """One HTML page to render: its site path, template, and the content files it depends on.

    `inputs` is the page's dependency record: its output can change only when one of these names
    changes (see `dependencies`). The context is built only when the page is rendered, so finding
    what to re-render stays cheap, and is not kept: a build holds every page at once.
    """

    path: str
    template: str
    title: str
    build: Callable[[], dict[str, Any]] = dict
    inputs: Record = ()
    description: str = ""
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)
    schema: Callable[[], dict[str, Any]] | None = None  # schema.org description, for JSON-LD
    kind: str = "website"  # Open Graph type
    quotes: bool = False  # it shows passages, made with their own layout (see `passages.py`)
