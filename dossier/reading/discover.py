"""Which files a build reads, and their digests, cheaply (no Markdown or templates loaded)."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

CONFIG_FILE = "config.yaml"
REGISTRIES = (
    "content/figures.yaml", "content/events.yaml", "content/index.md", "content/dismissed.yaml",
    "content/links.yaml",
)  # fmt: skip
DOCUMENT_FOLDERS = ("content/articles", "content/entities")
CAPTURES = "sources"  # the captured sources (WARC), beside content/: checked against the articles
CAPTURE_SUFFIX = ".warc.gz"

Stat = tuple[int, int, int, int]  # size, mtime, ctime, inode: a file rewritten differs in one of them


def source_paths(root: Path) -> list[str]:
    """Every file a build reads, relative to the root, in a stable order."""
    paths = [CONFIG_FILE, *REGISTRIES]
    for folder in DOCUMENT_FOLDERS:
        try:  # the names glob("*.md") gives, without pathlib's cost per file
            names = os.listdir(root / folder)
        except OSError:  # missing, or not a folder
            continue
        paths += sorted(f"{folder}/{name}" for name in names if name.endswith(".md"))
    with contextlib.suppress(OSError):
        paths += sorted(f"{CAPTURES}/{n}" for n in os.listdir(root / CAPTURES) if n.endswith(CAPTURE_SUFFIX))
    layouts = root / "layouts"
    if layouts.is_dir():
        paths += sorted(p.relative_to(root).as_posix() for p in layouts.rglob("*") if p.is_file())
    return paths


def is_source(path: str) -> bool:
    """Whether a build reads this file (the same rule as `source_paths`)."""
    if path == CONFIG_FILE or path in REGISTRIES or path.startswith("layouts/"):
        return True
    folder, _, name = path.rpartition("/")
    if folder == CAPTURES:
        return name.endswith(CAPTURE_SUFFIX)
    return folder in DOCUMENT_FOLDERS and name.endswith(".md")


def file_digest(file: Path) -> str | None:
    """SHA-256 of a file's bytes; None when it is missing or unreadable."""
    try:
        return hashlib.sha256(file.read_bytes()).hexdigest() if file.is_file() else None
    except OSError:
        return None


def stat_of(file: Path | str) -> Stat | None:
    try:
        s = os.stat(file)
    except OSError:
        return None
    return (s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino)


def scan_sources(root: Path) -> dict[str, Stat]:
    """Every source file and its status: the files of `source_paths`, without pathlib's overhead
    (a warm build of thousands of articles starts with this)."""
    top = os.fspath(root)
    found: dict[str, Stat] = {}
    for path in source_paths(root):
        status = stat_of(os.path.join(top, path))
        if status is not None:
            found[path] = status
    return found
