"""The persistent build cache: `.cache/` under the dossier root, safe to delete at any time.

It holds a project's state between runs of `python build.py`: file digests, parsed documents, the
dependency record and the signatures of the outputs in the published folder. It is keyed by a digest
of the engine's own files, so a changed engine never reads an old cache; a cache that cannot be read
is set aside with a warning and the build starts from scratch.
"""

from __future__ import annotations

import contextlib
import copyreg
import gc
import hashlib
import os
import pickle
import secrets
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from .journal import JournalEntry
    from .project import Project

from ..pages.layouts import ENGINE_LAYOUTS
from ..reading.discover import Stat
from .folders import CACHE_FOLDER, cache_folder, site_stamp


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pickling millions of small objects runs several times faster without the cycle collector
    scanning them as they are made; nothing here creates cycles worth collecting meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@cache
def engine_digest() -> str:
    """A digest of every file of the engine and its default layouts, so any change to them
    invalidates the cache."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for folder in (Path(__file__).parents[1], ENGINE_LAYOUTS):
        for file in sorted(folder.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(f"{folder.name}/{file.relative_to(folder).as_posix()}".encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class CacheKey:
    """What a cached build depends on besides the sources: each combination has its own cache."""

    out: Path
    base_url: str | None
    search: bool = True


def _key_name(key: CacheKey) -> str:
    return hashlib.sha256(f"{key.out.resolve()}|{key.base_url}|{key.search}".encode()).hexdigest()[:12]


def cache_file(root: Path, key: CacheKey) -> Path:
    return root / CACHE_FOLDER / f"build-{engine_digest()}-{_key_name(key)}.pickle"


def search_folder(root: Path, key: CacheKey) -> Path:
    """Where the search index's bundles are kept between builds (see `pages.searchindex`)."""
    return cache_folder(root) / f"search-{_key_name(key)}"


def spare_folder(root: Path, key: CacheKey) -> Path | None:
    """Where the site a build replaced waits to be reused by the next (see `output.SiteWriter`):
    beside the cache, when that is on the output folder's file system (folders move by renaming)."""
    try:
        folder = cache_folder(root)
        if folder.stat().st_dev != key.out.parent.stat().st_dev:
            return None
    except OSError:
        return None
    return folder / f"site-{_key_name(key)}"


def manifest_file(root: Path, key: CacheKey) -> Path:
    return cache_file(root, key).with_suffix(".manifest")


@dataclass
class Manifest:
    """What the last build left, small enough to read before deciding whether to load the cache."""

    stamp: tuple[int, int] | None  # the output folder it wrote (see `site_stamp`)
    epoch: str | None  # SOURCE_DATE_EPOCH it was built with
    stats: dict[str, Stat]  # each source's status when it was read (racily clean ones left out)
    pages: int
    files: int
    diagnostics: list

    def describes(self, out: Path) -> bool:
        """Whether the output folder is the one the cached build wrote."""
        return self.stamp == site_stamp(out) and self.epoch == os.environ.get("SOURCE_DATE_EPOCH")


def read_manifest(root: Path, key: CacheKey) -> Manifest | None:
    try:
        with manifest_file(root, key).open("rb") as handle:
            manifest = pickle.load(handle)
    except Exception:  # missing or damaged: build normally
        return None
    return manifest if isinstance(manifest, Manifest) else None


def journal_file(root: Path, key: CacheKey) -> Path:
    return cache_file(root, key).with_suffix(".journal")


def _journal(root: Path, key: CacheKey, generation: str) -> Iterator[tuple[Any, JournalEntry]]:
    """The entries appended since the full cache of `generation` was written. An entry cut short
    by a killed build ends the journal; the output folder it describes is then not the one on disk,
    which `load` notices by the stamp."""
    try:
        handle = journal_file(root, key).open("rb")
    except OSError:
        return
    with handle:
        while True:
            try:
                stamp, entry = pickle.load(handle)
            except Exception:  # the end, or a damaged tail
                return
            if entry.generation == generation:
                yield stamp, entry


def load(root: Path, key: CacheKey, strict: bool) -> tuple[Project | None, str | None]:
    """The cached project for this root and output folder, or None (with a warning if unreadable)."""
    from .project import Project  # loaded only when the cache is used, not for "nothing changed"

    file = cache_file(root, key)
    if not file.is_file():
        return None, None
    try:
        with file.open("rb") as handle, _no_gc():
            stamp, project = pickle.load(handle)
            if not isinstance(project, Project):
                raise TypeError("not a project")
            if not _bodies_whole(body_file(root, key, project.generation)):
                raise EOFError("the body file is missing or cut short")
            for entry_stamp, entry in _journal(root, key, project.generation):
                project.apply(entry)
                stamp = entry_stamp  # the folder as the latest entry left it
            gc.freeze()  # millions of long-lived objects: keep the collector from rescanning them
    except Exception as exc:
        for stale in (file, journal_file(root, key), *file.parent.glob(f"{file.stem}.*.bodies")):
            stale.unlink(missing_ok=True)
        return None, f"the build cache could not be read ({type(exc).__name__}); rebuilding without it"
    project.strict = strict
    if stamp != site_stamp(key.out):
        project.forget_outputs()  # the folder is not the one the cache describes: render it all
    return project, None


# Once the journal outgrows this share of the full cache (and this floor, below which reading it
# costs nothing), the next save writes the cache whole and starts a new journal.
JOURNAL_SHARE, JOURNAL_FLOOR = 0.25, 1 << 20


def save(project: Project, root: Path, key: CacheKey) -> None:
    """Write the project after a build: a journal entry when the build only edited documents (the
    cost follows the edit), else the whole project, which also starts a new, empty journal."""
    folder = cache_folder(root)
    for old in folder.glob("build-*"):
        if old.name.split("-")[1] != engine_digest():
            old.unlink(missing_ok=True)
    file, journal = cache_file(root, key), journal_file(root, key)
    entry = project.journal_entry()
    if entry is not None and file.is_file() and _journal_size(journal) < _journal_limit(file):
        with journal.open("ab") as handle:
            _dump((site_stamp(key.out), entry), handle)
    else:
        project.generation = secrets.token_hex(8)
        if project.dossier is not None:  # each body is then let go of as it is written apart
            project.dossier.let_go_of_annotations()
        bodies = body_file(root, key, project.generation)
        temporary = file.with_suffix(f".tmp-{os.getpid()}")
        # The bodies this build parsed are in its pending file already: the others are added to it.
        adopted = project.documents.pending_bodies if project.documents.bodies_written else None
        temporary_bodies = adopted or bodies.with_suffix(f".tmp-{os.getpid()}")
        mode = "ab" if adopted else "wb"
        with temporary.open("wb") as handle, temporary_bodies.open(mode) as side, _no_gc():
            _dump((site_stamp(key.out), project), handle, (side, str(bodies), str(adopted or "")))
            side.write(_BODIES_END + side.tell().to_bytes(8, "little"))
        os.replace(temporary_bodies, bodies)
        os.replace(temporary, file)
        journal.unlink(missing_ok=True)  # its entries name the old generation: ignored if left
        for old in bodies.parent.glob(f"{file.stem}.*.bodies"):
            if old != bodies:
                old.unlink(missing_ok=True)
    save_manifest(project, root, key)


def pending_body_file(root: Path) -> Path:
    """Where a full build writes the bodies it parses, for `save` to adopt as the new body file."""
    return cache_folder(root) / f"pending-{os.getpid()}.bodies"


def _remove_unadopted(root: Path) -> None:
    """Pending body files no build will adopt: this one's, left unused, and those of builds that
    stopped (their process is gone)."""
    for file in (root / CACHE_FOLDER).glob("pending-*.bodies"):
        pid = file.stem.removeprefix("pending-")
        if pid.isdigit() and (int(pid) == os.getpid() or not _running(int(pid))):
            file.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _dump(record: object, handle: BinaryIO, bodies: tuple[BinaryIO, str, str] | None = None) -> None:
    """Pickle with each document's body as a pickle of its own, so that loading reads a body only
    when a page needs it (see `model.Document`): in the body file `bodies` (open, the name it will
    have, and the name of the pending file it is, if so), or beside the document."""
    from ..model.documents import Article, Entity, Home

    def apart(document: Any) -> tuple[Any, ...]:
        if bodies is None:
            document.set_body_apart()
        else:
            document.write_body_apart(*bodies)
        return (copyreg.__newobj__, (type(document),), document.__dict__)

    pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, Article: apart, Entity: apart, Home: apart}
    pickler.dump(record)


_BODIES_END = b"dossier bodies end"  # and the length of what comes before it


def body_file(root: Path, key: CacheKey, generation: str) -> Path:
    """The documents' bodies of the full cache of `generation`."""
    return cache_file(root, key).with_suffix(f".{generation}.bodies")


def _bodies_whole(file: Path) -> bool:
    """Whether a body file was written to its end (its bodies are read only when used)."""
    try:
        with file.open("rb") as handle:
            handle.seek(-len(_BODIES_END) - 8, os.SEEK_END)
            end = handle.read()
            return end[:-8] == _BODIES_END and int.from_bytes(end[-8:], "little") == handle.tell() - len(end)
    except OSError:
        return False


def _journal_limit(full: Path) -> float:
    return max(JOURNAL_SHARE * full.stat().st_size, JOURNAL_FLOOR)


def _journal_size(journal: Path) -> int:
    try:
        return journal.stat().st_size
    except OSError:
        return 0


def save_manifest(project: Project, root: Path, key: CacheKey) -> None:
    _remove_unadopted(root)
    manifest = manifest_file(root, key)
    temporary = manifest.with_suffix(f".tmp-{os.getpid()}")
    pages, files = project.counts
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    record = Manifest(
        site_stamp(key.out), epoch, project.sources.stats(), pages, files, project.last_diagnostics
    )
    with temporary.open("wb") as handle:
        pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, manifest)
