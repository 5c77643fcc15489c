"""Files the authoring commands write: whole or not at all (a temporary file renamed or linked into
place), a new one never over an existing file, and with the mode the user's umask gives (a temporary
file alone would be 0600) or, when replaced, the mode it had."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def create(path: Path, text: str | bytes) -> bool:
    """Write `text` to `path` unless it exists: written to a temporary file in the same folder,
    then linked to its name, which fails if the name is taken. False when it was taken."""
    handle, temporary = tempfile.mkstemp(prefix=".new-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.chmod(temporary, 0o666 & ~umask())
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        return True
    finally:
        os.unlink(temporary)


def replace(file: Path, data: bytes, staging: Path | None = None) -> None:
    """Write `data` over `file` (or as a new file) atomically, keeping an existing file's mode.
    `staging`: a folder where the bytes are written before they are moved into place (see
    `staging_folder`); by default, or on another file system, the file's own."""
    file.parent.mkdir(parents=True, exist_ok=True)
    mode = file.stat().st_mode & 0o7777 if file.exists() else 0o666 & ~umask()
    if staging is None or os.stat(staging).st_dev != os.stat(file.parent).st_dev:
        staging = file.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=staging)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, file)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def create_unique(
    folder: Path, slugs: Iterable[str], taken: set[str], text: str | bytes, suffix: str = ".md"
) -> str:
    """Write `text` as `folder/SLUG.md` (or another `suffix`) under the first of `slugs` (endless:
    see `slugs.slug_choices`) that is free; the slug written. `taken` collects the slugs known taken."""
    folder.mkdir(parents=True, exist_ok=True)
    for slug in slugs:
        if slug in taken or (folder / f"{slug}{suffix}").exists():
            taken.add(slug)
            continue
        if create(folder / f"{slug}{suffix}", text):
            taken.add(slug)
            return slug
        taken.add(slug)
    raise RuntimeError("no free slug")  # unreachable: the iterator is endless


@contextlib.contextmanager
def staging_folder(root: Path) -> Iterator[Path | None]:
    """A folder in the dossier's own (not in content/), where the files of one action are written
    before each is moved into place: a watcher of content/ then hears of each file once, as it
    arrives, not five times as it is written (the preview's watcher and its build of the same
    files share the processor). None where it cannot be made: each file's own folder then."""
    try:
        folder = tempfile.mkdtemp(prefix=".dossier-", dir=root)
    except OSError:
        yield None
        return
    try:
        yield Path(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
