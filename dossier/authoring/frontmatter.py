"""Reading a content file's front matter as data, for the authoring commands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..reading.files import read_text, split_front_matter


@dataclass
class ContentFile:
    text: str  # the whole file, line endings as read
    front: dict  # empty where the front matter does not read (the build reports why)
    body_start: int  # where the body begins in `text`


def read_content_file(root: Path, file: Path) -> ContentFile | None:
    """The file, or None where it cannot be read as text at all."""
    text, _ = read_text(file, file.relative_to(root).as_posix())
    if text is None:
        return None
    source, _ = split_front_matter(text, file.name)
    if source is None or source.front is None or not isinstance(source.front.data, dict):
        return ContentFile(text, {}, 0)
    start = 0
    for _ in range(source.line_offset):
        start = text.index("\n", start) + 1 if "\n" in text[start:] else len(text)
    return ContentFile(text, source.front.data, start)
