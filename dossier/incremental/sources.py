"""What a project knows of its source files from one build to the next: each file's digest and
status when it was read, and the digests of the documents' parts (facets) and of their groups."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from ..pages.views.dependencies import part_name
from ..reading.discover import Stat, file_digest, is_source, scan_sources, stat_of
from .facets import ENTRIES, PARTS, sha256_hex
from .freshness import same_bytes, vouches
from .journal import JournalEntry


class Sources:
    """The digests of a dossier folder's source files and of the parts of its documents."""

    def __init__(self, root: Path):
        self.root = root
        self.digests: dict[str, str] = {}  # source path → digest of its bytes
        # source path → its status when last digested, and when that was (see `refresh`)
        self.file_stats: dict[str, tuple[Stat, int]] = {}
        self.facets: dict[str, str] = {}  # "PATH#part" → digest of that part of a parsed document
        self.groups: dict[str, int] = {}  # "*articles#meta", ... → XOR of their members' digests
        # For the cache's journal: what the current build read and which facets it touched.
        self.touched: set[str] = set()
        self.touched_facets: set[str] = set()

    def start_build(self) -> None:
        """A build begins: what it reads and touches is told to the journal apart from the last's."""
        self.touched, self.touched_facets = set(), set()

    def stats(self) -> dict[str, Stat]:
        """Each source's status when it was last read, for the cache's "nothing changed" check.

        Files read within the times' granularity of being written are left out: their status
        cannot vouch for their bytes, so the next build reads them again (see `same_bytes`).
        """
        return {path: known[0] for path, known in self.file_stats.items() if vouches(known)}

    def refresh(
        self, changed: Iterable[str] | None = None, scanned: dict[str, Stat] | None = None
    ) -> set[str]:
        """Re-read sources (all, or just `changed`); returns the paths whose bytes differ.

        `scanned` is every source's status as just read by `scan_sources`, which saves a second
        look at thousands of files when the caller has already made one.
        """
        if changed is None:
            if scanned is None:
                scanned = scan_sources(self.root)
            paths = set(scanned) | set(self.digests)
        else:
            scanned = None
            paths = self._named(changed)
        differ = set()
        for path in sorted(p for p in paths if is_source(p)):
            status = scanned.get(path) if scanned is not None else stat_of(self.root / path)
            if status is not None and same_bytes(status, self.file_stats.get(path)):
                continue
            read_at = time.time_ns()
            digest = file_digest(self.root / path)
            self.touched.add(path)
            if status is None or digest is None:
                self.file_stats.pop(path, None)
            else:
                self.file_stats[path] = (status, read_at)
            if digest != self.digests.get(path):
                differ.add(path)
                if digest is None:
                    self.digests.pop(path, None)
                    self.set_facets(path, {})
                else:
                    self.digests[path] = digest
        return differ

    def _named(self, changed: Iterable[str]) -> set[str]:
        """The paths `changed` names: each, and for a folder or a file new or gone, what it held."""
        paths = set()
        for path in changed:
            paths.add(path)
            if path not in self.digests:
                paths |= {known for known in self.digests if known.startswith(path.rstrip("/") + "/")}
        return paths

    def hold(self, changed: Iterable[str]) -> bool:
        """Whether each source `changed` names (see `_named`) still holds the bytes last read (a
        file new or gone does not); reads, records nothing."""
        for path in (p for p in self._named(changed) if is_source(p)):
            if path not in self.digests:
                return False
            status = stat_of(self.root / path)
            if status is None or not (
                same_bytes(status, self.file_stats.get(path))
                or file_digest(self.root / path) == self.digests[path]
            ):
                return False
        return True

    def set_facets(self, path: str, found: dict[str, str]) -> None:
        """The digests of a document's parts, or of a registry's entries, as just parsed (none: it
        is gone or unreadable)."""
        if path in ENTRIES:
            stale = [name for name in self.facets if name.startswith(f"{path}#")]
            for name in stale:
                del self.facets[name]
            self.facets.update(found)
            self.touched_facets |= {*stale, *found}
            return
        kind = path.split("/")[1] if path.count("/") == 2 else ""
        for part in PARTS:
            name = part_name(path, part)
            old, new = self.facets.pop(name, None), found.get(name)
            self.touched_facets.add(name)
            if new is not None:
                self.facets[name] = new
            if old != new:
                self._regroup(f"*{kind}#{part}", name, old, new)

    def forget_facets(self) -> None:
        """Every document's parts forgotten (config.yaml changed, so every document is read again)."""
        for path in {name.split("#")[0] for name in self.facets}:
            self.set_facets(path, {})

    def _regroup(self, group: str, name: str, old: str | None, new: str | None) -> None:
        """Keep a group's digest (an XOR over its members) up to date as one member changes."""
        value = self.groups.get(group, 0)
        for digest in (old, new):
            if digest is not None:
                value ^= int(sha256_hex(f"{name}={digest}".encode()), 16)
        self.groups[group] = value

    def journalled(self) -> tuple[dict, dict, dict]:
        """What this build changed, for a journal entry: sources, facets and groups."""
        sources = {p: (self.digests.get(p), self.file_stats.get(p)) for p in self.touched}
        return sources, {name: self.facets.get(name) for name in self.touched_facets}, dict(self.groups)

    def apply(self, entry: JournalEntry) -> None:
        """Take in what a journalled build changed (see `journalled`)."""
        for path, (digest, status) in entry.sources.items():
            for known, value in ((self.digests, digest), (self.file_stats, status)):
                if value is None:
                    known.pop(path, None)
                else:
                    known[path] = value  # type: ignore[index]
        for name, digest in entry.facets.items():
            if digest is None:
                self.facets.pop(name, None)
            else:
                self.facets[name] = digest
        self.groups = dict(entry.groups)
