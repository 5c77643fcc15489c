"""Writing the site so a failed or killed build never leaves a half-written output folder.

Files go to a temporary sibling folder; only a complete build replaces the output folder, by an
atomic exchange of the two where the system offers one (Linux renameat2), else by two renames.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
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


class SiteWriter:
    """Collects the files of one build in a temporary folder, then publishes them at once."""

    def __init__(self, out: Path):
        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        self.stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
        self.written: list[str] = []
        self.kept: list[str] = []
        self.direct = self.stage  # builds may write files straight into the staging folder

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
        source, target = self.out / path, self.stage / path
        target.parent.mkdir(parents=True, exist_ok=True)
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
                old = self.out.with_name(f".{self.out.name}.old-{os.getpid()}")
                os.rename(self.out, old)
                os.rename(self.stage, self.out)
                self.stage = old
            shutil.rmtree(self.stage, ignore_errors=True)
        else:
            if self.out.exists() or self.out.is_symlink():
                self.out.unlink()
            os.rename(self.stage, self.out)

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            shutil.rmtree(self.stage)
