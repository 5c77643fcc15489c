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


class Journal:
    """The part of `Project` that writes and reads journal entries."""

    def journal_entry(self) -> JournalEntry | None:
        """The changes of the last build, when it only edited documents whose names stayed the same
        (so the cached resolution can be patched on loading); None when it must be saved whole."""
        if self._patched is None or not self.generation:
            return None
        return JournalEntry(
            generation=self.generation,
            sources={p: (self.digests.get(p), self.file_stats.get(p)) for p in self._touched_sources},
            facets={name: self.facets.get(name) for name in self._touched_facets},
            groups=dict(self.groups),
            derived=dict(self.derived),
            parsed={path: self.parsed[path] for path in self._patched if path in self.parsed},
            outputs={
                path: (self.signatures[path], self.output_digests.get(path, ""), self.output_inputs[path])
                for path in self._signed
            },
            entity_items={slug: self.entity_items[slug] for slug in self._items_made},
            counts=self.counts,
            diagnostics=self.last_diagnostics,
            edited=set(self._patched),
        )

    def apply(self, entry: JournalEntry) -> None:
        """Bring a project loaded from a full cache up to date with one journal entry."""
        for path, (digest, status) in entry.sources.items():
            for record, value in ((self.digests, digest), (self.file_stats, status)):
                if value is None:
                    record.pop(path, None)
                else:
                    record[path] = value  # type: ignore[index]
        for name, digest in entry.facets.items():
            if digest is None:
                self.facets.pop(name, None)
            else:
                self.facets[name] = digest
        self.groups = dict(entry.groups)
        self.derived = dict(entry.derived)
        for path, parsed in entry.parsed.items():
            self.parsed[path] = parsed
            if parsed[1] is not None:
                self._previous[path] = parsed[1]
        for path, (signature, digest, inputs) in entry.outputs.items():
            self.signatures[path] = signature
            self.output_digests[path] = digest
            self.output_inputs[path] = inputs
        self.entity_items.update(entry.entity_items)
        self.counts = entry.counts
        self.last_diagnostics = entry.diagnostics
        self._unresolved |= entry.edited
