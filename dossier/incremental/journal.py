"""The cache's journal: what one build that only edited documents changed in a project, appended to
the cache instead of writing the whole project again (see `cache.save`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic
from ..reading.discover import Stat


@dataclass
class JournalEntry:
    """What one build that only edited existing documents changed in a project."""

    generation: str  # the full cache this entry extends
    sources: dict[str, tuple[str | None, tuple[Stat, int] | None]]  # path → digest, status
    facets: dict[str, str | None]  # None: the facet is gone
    groups: dict[str, int]
    derived: dict[str, str]
    parsed: dict[str, tuple[str, Any, list[Diagnostic]]]
    outputs: dict[str, tuple[str, str, tuple[str, ...]]]  # path → signature, digest, dependency record
    entity_items: dict[str, tuple[str, bytes]]  # items of data/entities.json made by the build
    counts: tuple[int, int]
    diagnostics: list[Diagnostic]
    edited: set[str]  # documents whose citations the cached resolution does not hold yet
