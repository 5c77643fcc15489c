"""Reading a content file's front matter as data, for the authoring commands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ...reading.files import read_text, split_front_matter


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


def with_field(content: ContentFile, name: str, value: object) -> str:
    """The file's text with `name: value` added at the end of its front matter, the rest as it was."""
    field = yaml.safe_dump({name: value}, sort_keys=False, allow_unicode=True, width=10_000)
    head = content.text[: content.body_start]
    closing = head.rstrip("\n").rfind("\n") + 1  # the front matter's closing ---
    return head[:closing] + field + head[closing:] + content.text[content.body_start :]


@dataclass(frozen=True)
class EntityFile:
    """What the authoring commands need of an entity file: how it is named, and where it links."""

    slug: str
    name: str | None  # None where the file gives no name (the build reports it)
    type: str | None
    aliases: list[str]
    links: list[str]

    @property
    def spellings(self) -> list[str]:
        """The name and the aliases: what the entity is called in prose."""
        return [self.name, *self.aliases] if self.name else list(self.aliases)


# Each entity file as last read, by its path, with the status it was read at: the review reads every
# entity file for each action, and a large dossier has hundreds.
_READ: dict[Path, tuple[tuple[int, int, int], EntityFile]] = {}


def entity_files(root: Path) -> list[EntityFile]:
    """Every entity file of the dossier, in file-name order, with what its front matter says (read
    again only when its status changed)."""
    found = []
    for file in sorted((root / "content/entities").glob("*.md")):
        try:
            status = file.stat()
        except OSError:
            continue
        stamp = (status.st_mtime_ns, status.st_size, status.st_ino)
        kept = _READ.get(file)
        if kept is not None and kept[0] == stamp:
            found.append(kept[1])
            continue
        content = read_content_file(root, file)
        front = content.front if content else {}
        name, kind = front.get("name"), front.get("type")
        aliases = front.get("aliases") if isinstance(front.get("aliases"), list) else []
        links = front.get("links") if isinstance(front.get("links"), dict) else {}
        entity = EntityFile(
            file.stem,
            name if isinstance(name, str) else None,
            kind if isinstance(kind, str) else None,
            [a for a in aliases if isinstance(a, str)],
            [link for link in links.values() if isinstance(link, str)],
        )
        _READ[file] = (stamp, entity)
        found.append(entity)
    return found
