"""Writing the site so a failed or killed build never leaves a half-written output folder.

Files go to a temporary sibling folder; only a complete build replaces the output folder, by an
atomic exchange of the two where the system offers one (Linux renameat2), else by two renames.
The replaced folder is deleted by a detached process, so the command returns once the new site is
in place; folders left behind by a killed build are swept up by the next one.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

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


class SiteWriter:
    """Collects the files of one build in a temporary folder, then publishes them at once."""

    def __init__(self, out: Path):
        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        prefix = f".{out.name}.build-"
        leftovers = [p for p in out.parent.glob(f"{prefix}*") if p.is_dir() and not _owner_alive(p)]
        _delete_later(leftovers)  # left by a killed build
        self.stage = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=out.parent))
        self.written: list[str] = []
        self.kept: list[str] = []
        self.direct = self.stage  # builds may write files straight into the staging folder
        self._folders: set[str] = {""}

    def write(self, path: str, data: bytes) -> None:
        target = self.stage / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written.append(path)

    def wrote(self, path: str) -> None:
        """Note a file another process wrote straight into the staging folder."""
        self.written.append(path)

    def later(self, path: str, produce: Callable[[], bytes]) -> None:
        self.write(path, produce())

    def keep(self, path: str) -> None:
        """Carry an unchanged file over from the current output folder without rewriting it."""
        source, target = os.path.join(self.out, path), os.path.join(self.stage, path)
        folder = os.path.dirname(path)
        if folder not in self._folders:  # thousands of pages: skip the mkdir calls already made
            os.makedirs(os.path.dirname(target), exist_ok=True)
            self._folders.add(folder)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
        self.kept.append(path)

    def remove(self, path: str) -> None:
        """Nothing to do: the staging folder only ever holds this build's files."""

    def commit(self) -> None:
        os.chmod(self.stage, 0o755)
        if self.out.is_dir() and not self.out.is_symlink():
            if not _exchange(self.stage, self.out):
                old = self.out.with_name(f"{self.stage.name}-old")
                os.rename(self.out, old)
                os.rename(self.stage, self.out)
                self.stage = old
            _delete_later([self.stage])
        else:
            if self.out.exists() or self.out.is_symlink():
                self.out.unlink()
            os.rename(self.stage, self.out)

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            shutil.rmtree(self.stage)
