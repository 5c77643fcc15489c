"""Candidate entities for the files `suggest` reads, and entity files for the ones an editor accepts."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from ..incremental.workers import parallel_map
from ..syntax.names import name_key
from .candidates import Candidate, candidates_in, rank
from .frontmatter import ContentFile, entity_files, read_content_file
from .newfiles import create
from .scan import LineIndex
from .slugs import slugify


def known_names(root: Path) -> set[str]:
    """Name keys of every entity's name, aliases and file name."""
    return {
        name_key(spelling) for entity in entity_files(root) for spelling in [*entity.spellings, entity.slug]
    }


def candidates_for(root: Path, files: list[Path]) -> list[Candidate]:
    """Candidate entities of the articles among `files`, read and searched on every core."""
    work = functools.partial(candidates_of, root, frozenset(known_names(root)))
    return rank(parallel_map(work, files))


def candidates_of(
    root: Path, known: frozenset[str], file: Path, content: ContentFile | None = None
) -> list[Candidate]:
    """One file's candidates (see `candidates.candidates_in`), placed in the file; none but in articles."""
    path = file.relative_to(root).as_posix()
    content = content or read_content_file(root, file)
    if content is None or not path.startswith("content/articles/"):
        return []
    language = str(content.front.get("language") or "en")
    body = content.text[content.body_start :]
    found = candidates_in(path, body, language, known, str(content.front.get("title") or ""))
    lines = LineIndex(content.text)
    for candidate in found:
        start, end = content.body_start + candidate.start, content.body_start + candidate.end
        candidate.start, candidate.end = start, end
        candidate.place = (*lines.at(start), *lines.at(end))
        candidate.shown = content.text[start:end]
    return found


def entity_file(name: str, kind: str, aliases: list[str]) -> tuple[str, str]:
    """A new entity's file: its path under the root, and its front matter (name, type, aliases)."""
    front: dict[str, object] = {"name": name, "type": kind}
    aliases = [alias for alias in aliases if alias != name]
    if aliases:
        front["aliases"] = aliases
    text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n"
    return f"content/entities/{slugify(name)}.md", text


def write_entities(
    root: Path, names: list[str], candidates: list[Candidate]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Write `content/entities/SLUG.md` for each name: its proposed type (else `other`) and the
    inflected forms seen as aliases. Returns (path, type) written and (name, why) refused."""
    by_key = {key: c for c in reversed(candidates) for key in c.keys}  # the best-ranked wins
    known = known_names(root)
    written, refused = [], []
    (root / "content/entities").mkdir(parents=True, exist_ok=True)
    for name in names:
        if name_key(name) in known:
            refused.append((name, "an entity already has this name"))
            continue
        candidate = by_key.get(name_key(name))
        kind = (candidate.type if candidate else None) or "other"
        path, text = entity_file(name, kind, sorted(candidate.aliases) if candidate else [])
        if not create(root / path, text):
            refused.append((name, f"{path} exists"))
            continue
        known.add(name_key(name))
        written.append((path, kind))
    return written, refused
