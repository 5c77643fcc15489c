"""Writing the site so a failed or killed build never leaves a half-written output folder.

Files go to a temporary sibling folder; only a complete build replaces the output folder, by an
atomic exchange of the two where the system offers one (Linux renameat2), else by two renames.
Folders left behind by a killed build are swept up by the next one.

A build that starts from the published files (`seed`) keeps the folder it replaced as a spare,
with the list of files the two differ by: the next build brings the spare up to date with those
few files and builds in it, instead of linking thousands of files into a new folder and deleting
the old one. Other replaced folders are deleted by a detached process.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .folders import site_stamp

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the platform cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _owner_alive(folder: Path) -> bool:
    """Whether the build that made a staging folder (its pid is in the name) is still running."""
    try:
        pid = int(folder.name.split("-")[1])
        os.kill(pid, 0)
    except (IndexError, ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def _delete_later(folders: list[Path]) -> None:
    """Delete folders without waiting for it; on platforms without `rm`, delete them now."""
    if not folders:
        return
    if sys.platform == "win32" or not shutil.which("rm"):
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        return
    subprocess.Popen(
        ["rm", "-rf", "--", *map(str, folders)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _link_tree(source: Path, target: Path) -> subprocess.Popen | None:
    """Start filling `target` with hard links to every file under `source` (GNU `cp -lR`, in its
    own process, so it runs beside the build); None where that is not available."""
    if not sys.platform.startswith("linux") or not shutil.which("cp"):
        return None
    entries = [os.path.join(source, name) for name in sorted(os.listdir(source))]
    if not entries:
        return None
    return subprocess.Popen(
        ["cp", "-lR", "--", *entries, str(target)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def replace_file(target: Path, data: bytes | Iterable[bytes]) -> None:
    """Write a file of the staging folder (whole, or part by part) as a new file: the name may be a
    hard link to a published file, whose bytes must never change."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)
    with open(target, "wb") as handle:
        if isinstance(data, bytes):
            handle.write(data)
        else:
            handle.writelines(data)


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another device, or no hard links here
        shutil.copy2(source, target)


PENDING = ".dossier-pending.json"  # in a spare folder: how it differs from the published one


def _pending(spare: Path, out: Path) -> list[str] | None:
    """The files a spare folder differs by from the output folder, if it is the spare of that very
    folder (the stamp it was left with still matches); None otherwise."""
    try:
        record = json.loads((spare / PENDING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("site") != _json_stamp(out):
        return None
    paths = record.get("paths")
    if not isinstance(paths, list) or not all(_relative(p) for p in paths):
        return None
    return paths


def _json_stamp(out: Path) -> list[int] | None:
    """The output folder's `site_stamp` as it reads back from JSON."""
    stamp = site_stamp(out)
    return list(stamp) if stamp is not None else None


def _relative(path: object) -> bool:
    return isinstance(path, str) and bool(path) and not path.startswith("/") and ".." not in path.split("/")


class SiteWriter:
    """Collects the files of one build in a temporary folder, then publishes them at once.

    With `seed`, the staging folder starts as the published files: the `spare` folder brought up
    to date when there is a valid one, else a copy made of hard links (by `cp` in its own process,
    while the build loads). The build then replaces, adds and removes files by name. Without `seed`,
    unchanged files are linked one by one.
    """

    def __init__(self, out: Path, *, seed: bool = False, spare: Path | None = None):
        self.out = out
        self.spare = spare
        out.parent.mkdir(parents=True, exist_ok=True)
        prefix = f".{out.name}.build-"
        leftovers = [p for p in out.parent.glob(f"{prefix}*") if p.is_dir() and not _owner_alive(p)]
        _delete_later(leftovers)  # left by a killed build
        self.stage = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=out.parent))
        self.written: list[str] = []
        self.removed: list[str] = []
        self._folders: set[str] = {""}
        self.seeded = False
        self._seeding: subprocess.Popen | None = None
        if seed and out.is_dir() and not self._take_spare():
            self._seeding = _link_tree(out, self.stage)

    def _discard_spare(self) -> None:
        """Delete the spare folder in the background, renamed first so that nothing deletes a
        folder later put in its place (and named so that the next build sweeps it if need be)."""
        if self.spare is not None and self.spare.is_dir():
            doomed = self.stage.with_name(f"{self.stage.name}-spare")
            try:
                os.rename(self.spare, doomed)
            except OSError:
                shutil.rmtree(self.spare, ignore_errors=True)
            else:
                _delete_later([doomed])

    def _take_spare(self) -> bool:
        """Use the spare folder as the staging folder, updated to equal the output folder."""
        if self.spare is None or not self.spare.is_dir():
            return False
        pending = _pending(self.spare, self.out)
        if pending is None:
            self._discard_spare()
            return False
        try:
            os.rmdir(self.stage)
            os.rename(self.spare, self.stage)  # renamed first: a killed build leaves a plain leftover
            os.unlink(self.stage / PENDING)
            for path in pending:
                self._update(path)
        except OSError:  # start from a copy instead
            self.stage.mkdir(exist_ok=True)
            self._empty_stage()
            return False
        self.seeded = True
        return True

    def _update(self, path: str) -> None:
        """Make one file of the staging folder what it is in the output folder, or remove it."""
        target = self.stage / path
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        source = self.out / path
        if not source.is_file():
            self._remove_empty_folders(os.path.dirname(path))
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(source, target)

    def _ready(self) -> None:
        """Wait for the seeding copy; if it failed, empty the staging folder and do without it."""
        if self._seeding is None:
            return
        self.seeded = self._seeding.wait() == 0
        self._seeding = None
        if not self.seeded:
            self._empty_stage()

    def start_empty(self) -> None:
        """Build without the published files after all: the build does not know them (no usable
        cache), so it could not tell which of them to remove."""
        self._ready()
        if self.seeded:
            self._empty_stage()
            self.seeded = False

    def _empty_stage(self) -> None:
        for entry in os.scandir(self.stage):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)

    @property
    def direct(self) -> Path:
        """A folder other processes may write files straight into (with `replace_file`)."""
        self._ready()
        return self.stage

    def write(self, path: str, data: bytes) -> None:
        self._ready()
        replace_file(self.stage / path, data)
        self.written.append(path)

    def wrote(self, path: str) -> None:
        """Note a file another process wrote straight into the staging folder."""
        self.written.append(path)

    def later(self, path: str, produce: Callable[[], bytes]) -> None:
        self.write(path, produce())

    def keep(self, path: str) -> None:
        """Carry an unchanged file over from the current output folder without rewriting it."""
        self._ready()
        if self.seeded:
            return
        source, target = os.path.join(self.out, path), os.path.join(self.stage, path)
        folder = os.path.dirname(path)
        if folder not in self._folders:  # thousands of pages: skip the mkdir calls already made
            os.makedirs(os.path.dirname(target), exist_ok=True)
            self._folders.add(folder)
        _link_or_copy(source, target)

    def remove(self, path: str) -> None:
        """Drop a file that is no longer part of the site (only a seeded staging folder holds one)."""
        self._ready()
        if not self.seeded:
            return
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.stage / path)
        self.removed.append(path)
        self._remove_empty_folders(os.path.dirname(path))

    def _remove_empty_folders(self, folder: str) -> None:
        """Remove a folder a removed file left empty (a page's own folder), and its empty parents."""
        while folder:
            try:
                os.rmdir(self.stage / folder)
            except OSError:  # not empty, or not there
                break
            folder = os.path.dirname(folder)

    def commit(self) -> None:
        self._ready()
        os.chmod(self.stage, 0o755)
        if self.out.is_dir() and not self.out.is_symlink():
            if not _exchange(self.stage, self.out):
                old = self.out.with_name(f"{self.stage.name}-old")
                os.rename(self.out, old)
                os.rename(self.stage, self.out)
                self.stage = old
            if not self._keep_spare():
                _delete_later([self.stage])
        else:
            if self.out.exists() or self.out.is_symlink():
                self.out.unlink()
            os.rename(self.stage, self.out)

    def _keep_spare(self) -> bool:
        """Keep the replaced folder as the next build's spare, when this build started from the
        published files (so every difference between the two went through `write` or `remove`)."""
        if not self.seeded or self.spare is None:
            return False
        self._discard_spare()
        record = {"site": _json_stamp(self.out), "paths": sorted({*self.written, *self.removed})}
        try:
            (self.stage / PENDING).write_text(json.dumps(record), encoding="utf-8")
            os.rename(self.stage, self.spare)
        except OSError:
            return False
        return True

    def abort(self) -> None:
        if self._seeding is not None:
            self._seeding.kill()
            self._seeding.wait()
            self._seeding = None
        with contextlib.suppress(OSError):
            shutil.rmtree(self.stage)
