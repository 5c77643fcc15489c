"""Where the engine keeps its own files beside a dossier: the cache folder, and how the output folder
is recognised from one build to the next."""

from __future__ import annotations

from pathlib import Path

CACHE_FOLDER = ".cache"


def cache_folder(root: Path) -> Path:
    """`.cache/` under the root, made on first use with a .gitignore that ignores all of it."""
    folder = root / CACHE_FOLDER
    folder.mkdir(exist_ok=True)
    gitignore = folder / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("*\n")
    return folder


def compiled_layouts(root: Path) -> Path | None:
    """Where compiled layouts are kept between builds; None where the folder cannot be written."""
    try:
        folder = cache_folder(root) / "layouts"
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return folder


def site_stamp(out: Path) -> tuple[int, int] | None:
    """Identifies the output folder as the cache last saw it; a rebuilt or replaced folder differs."""
    try:
        status = out.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_mtime_ns)
