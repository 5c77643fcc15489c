"""The names a dossier knows already, and the candidate entities of the files `suggest` reads."""

from __future__ import annotations

import functools
from pathlib import Path

from ...incremental.folders import cache_folder
from ...incremental.workers import parallel_map
from ...syntax.names import name_key
from ..files.frontmatter import ContentFile, entity_files, read_content_file
from .candidates import Candidate, candidates_in, names_the_publication
from .families import with_family_names
from .ranking import rank
from .scan import LineIndex


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
    title = str(content.front.get("title") or "")
    found = with_family_names(
        body, candidates_in(path, body, language, known, title, cache_folder(root)), known
    )
    lines = LineIndex(content.text)
    source, url = str(content.front.get("source") or ""), str(content.front.get("url") or "")
    for candidate in found:
        if names_the_publication(candidate, source, url):
            candidate.type = "publication"
        start, end = content.body_start + candidate.start, content.body_start + candidate.end
        candidate.start, candidate.end = start, end
        candidate.place = (*lines.at(start), *lines.at(end))
        candidate.shown = content.text[start:end]
    return found
