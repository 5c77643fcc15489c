"""Reading content files: UTF-8 text, line endings, and the YAML front matter of Markdown files."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..diagnostics import Diagnostic, Position
from .yamlfile import YamlDoc, load_yaml

MAX_FILE_BYTES = 2 * 1024 * 1024  # a book-length article is under 1 MB; see the README's limits


@dataclass
class Source:
    """A content file's text; `line_offset` is how many file lines precede `body`."""

    path: str
    front: YamlDoc | None
    body: str
    line_offset: int


@functools.lru_cache(maxsize=64)
def _resolved(folder: Path) -> Path:
    """A folder's real path, found once rather than for each of its thousands of files."""
    return folder.resolve()


def read_text(file: Path, path: str) -> tuple[str | None, list[Diagnostic]]:
    """The file as text, or a diagnostic saying why it cannot be read.

    `path` is the file's path relative to the dossier root; a file that is, or lies under, a
    symbolic link leading out of the root is refused, so a build never publishes other files.
    """
    root = file.parents[len(PurePosixPath(path).parts) - 1]
    # The folder's real path is found once for all its files; a file that is a link is followed.
    target = file.resolve() if file.is_symlink() else _resolved(file.parent) / file.name
    if not target.is_relative_to(_resolved(root)):
        message = f"symbolic link to {target}, outside the dossier folder; copy the file in instead"
        return None, [_error(path, 1, 1, message)]
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            return None, [_error(path, 1, 1, f"file is {size:,} bytes; the limit is {limit} MB")]
        data = file.read_bytes()
    except OSError as exc:
        return None, [_error(path, 1, 1, f"cannot read file: {exc.strerror or exc}")]
    if b"\x00" in data:
        return None, [_error(path, 1, 1, "binary file (contains NUL bytes), expected UTF-8 text")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [_error(path, line, col, f"invalid UTF-8 (byte 0x{data[exc.start]:02x})")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def split_front_matter(text: str, path: str) -> tuple[Source | None, list[Diagnostic]]:
    """Split `---` front matter from the Markdown body and load it as YAML."""
    if not text.strip():
        return None, [_error(path, 1, 1, "empty file: it needs front matter between --- lines, then text")]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, [_error(path, 1, 1, "missing front matter: the file must start with a --- line")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        return None, [_error(path, 1, 1, "front matter is not closed: no --- line after the first")]
    front, problems = load_yaml("\n".join(lines[1:index]), path, line_offset=1)
    if front is not None and front.data is not None and not isinstance(front.data, dict):
        problems.append(_error(path, 2, 1, "front matter must be a mapping of keys to values"))
        front = None
    elif front is not None and front.data is None:
        front.data = {}
    body = "\n".join(lines[index + 1 :])
    source = Source(path, front, body, index + 1) if front is not None else None
    return source, problems


def _error(path: str, line: int, col: int, message: str) -> Diagnostic:
    return Diagnostic(Position(path, line, col), "error", message)
