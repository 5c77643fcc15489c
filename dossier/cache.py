"""The persistent build cache: `.cache/` under the dossier root, safe to delete at any time.

It holds a project's state between runs of `python build.py`: file digests, parsed documents, the
dependency record and the signatures of the outputs in the published folder. It is keyed by a digest
of the engine's own files, so a changed engine never reads an old cache; a cache that cannot be read
is set aside with a warning and the build starts from scratch.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .project import Project

from .scan import unchanged_since

CACHE_FOLDER = ".cache"


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
    """A digest of every file of the engine, so any change to it invalidates the cache."""
    package = Path(__file__).parent
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for file in sorted(package.rglob("*")):
        if file.is_file() and "__pycache__" not in file.parts:
            digest.update(file.relative_to(package).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class CacheKey:
    """What a cached build depends on besides the sources: each combination has its own cache."""

    out: Path
    base_url: str | None
    search: bool = True


def cache_file(root: Path, key: CacheKey) -> Path:
    name = hashlib.sha256(f"{key.out.resolve()}|{key.base_url}|{key.search}".encode()).hexdigest()[:12]
    return root / CACHE_FOLDER / f"build-{engine_digest()}-{name}.pickle"


def site_stamp(out: Path) -> tuple[int, int] | None:
    """Identifies the output folder as the cache last saw it; a rebuilt or replaced folder differs."""
    try:
        status = out.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_mtime_ns)


def manifest_file(root: Path, key: CacheKey) -> Path:
    return cache_file(root, key).with_suffix(".manifest")


def unchanged(root: Path, key: CacheKey) -> tuple[int, int, list] | None:
    """(pages, files, diagnostics) of the last build when no source changed since and the output
    folder is the one it wrote; None otherwise. Reads only a small manifest, not the whole cache."""
    file = manifest_file(root, key)
    try:
        with file.open("rb") as handle:
            stamp, epoch, stats, pages, files, diagnostics = pickle.load(handle)
    except Exception:  # any damage to the manifest: build normally
        return None
    if stamp != site_stamp(key.out) or epoch != os.environ.get("SOURCE_DATE_EPOCH"):
        return None
    if not unchanged_since(root, stats):
        return None
    return pages, files, diagnostics


def load(root: Path, key: CacheKey, strict: bool) -> tuple[Project | None, str | None]:
    from .project import Project  # loaded only when the cache is used, not for "nothing changed"

    """The cached project for this root and output folder, or None (with a warning if unreadable)."""
    file = cache_file(root, key)
    if not file.is_file():
        return None, None
    try:
        with file.open("rb") as handle, _no_gc():
            stamp, project = pickle.load(handle)
            gc.freeze()  # millions of long-lived objects: keep the collector from rescanning them
        if not isinstance(project, Project):
            raise TypeError("not a project")
    except Exception as exc:
        file.unlink(missing_ok=True)
        return None, f"the build cache could not be read ({type(exc).__name__}); rebuilding without it"
    project.strict = strict
    if stamp != site_stamp(key.out):
        project.forget_outputs()  # the folder is not the one the cache describes: render it all
    return project, None


def save(project: Project, root: Path, key: CacheKey) -> None:
    folder = root / CACHE_FOLDER
    folder.mkdir(exist_ok=True)
    gitignore = folder / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("*\n")
    for old in folder.glob("build-*"):
        if old.name.split("-")[1] != engine_digest():
            old.unlink(missing_ok=True)
    file = cache_file(root, key)
    temporary = file.with_suffix(f".tmp-{os.getpid()}")
    with temporary.open("wb") as handle, _no_gc():
        pickle.dump((site_stamp(key.out), project), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, file)
    manifest = manifest_file(root, key)
    temporary = manifest.with_suffix(f".tmp-{os.getpid()}")
    with temporary.open("wb") as handle:
        pages, files = project.counts
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        record = (site_stamp(key.out), epoch, project.stats(), pages, files, project.last_diagnostics)
        pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, manifest)
