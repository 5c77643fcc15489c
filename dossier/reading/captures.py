"""Checking an article against the capture of its source (`archived:`, written by `add`).

The capture's page must still have the digest the article names: one that does not, or that cannot
be read, is an error. The article's words (annotations reduced to the words they show, Markdown to
plain text) are then compared with the text `add` extracted, kept in the capture as its conversion
record: a word changed or added inside the source's text is a warning that gives both versions;
paragraphs left out are allowed, and counted for the article's page.
"""

from __future__ import annotations

import difflib
import gzip
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from warcio.exceptions import ArchiveLoadFailed

from ..diagnostics import Diagnostic, Position, line_and_column
from ..model.documents import Archived
from ..warc import contents
from .files import read_text, split_front_matter

# `[[Target|shown]]`, `[[Target]]` and `[shown]{attributes}`: what each shows of the text.
_ANNOTATION = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]|\[([^\]]+)\]\{[^}]*\}")
_WORD = re.compile(r"\S+")
_MARKUP = "*_#>`|"  # Markdown's marks around or before words
_EDGES = "\"'“”„‘’«»()[]{}.,;:!?" + _MARKUP


@dataclass(frozen=True)
class Word:
    text: str  # as compared: without the Markdown and punctuation around it
    shown: str  # as written
    at: int  # where it starts in the text it was read from


@dataclass
class CaptureCheck:
    """What checking one article against its capture found."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    left_out: int = 0  # paragraphs of the source's text the article leaves out


def check_capture(root: Path, article: tuple[str, Archived]) -> CaptureCheck:
    """The article at `path` against the capture its `archived:` names; pure, so it can run in a
    worker process."""
    path, archived = article
    found = CaptureCheck()
    try:
        payload_digest, converted = _read(root / archived.file)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile, ArchiveLoadFailed, ValueError) as exc:
        message = f"cannot read the capture {archived.file}: {_reason(exc)}"
        found.diagnostics.append(Diagnostic(archived.position, "error", message))
        return found
    if payload_digest != archived.sha256:
        message = f"the capture {archived.file} does not match its sha256: it changed since it was made"
        found.diagnostics.append(Diagnostic(archived.position, "error", message))
        return found
    if converted is None:
        message = f"the capture {archived.file} holds no text to compare with (no conversion record)"
        found.diagnostics.append(Diagnostic(archived.position, "warning", message))
        return found
    text, problems = read_text(root / path, path)
    source, _ = split_front_matter(text, path) if text is not None else (None, problems)
    if source is None:
        return found  # the article's own problems are reported where it is read
    found.diagnostics, found.left_out = _compared(path, source.body, source.line_offset, converted)
    return found


def words_of(text: str) -> list[Word]:
    """The words a reader sees: annotations as the words they show, Markdown's marks left out."""
    found: list[Word] = []
    last = 0
    for annotation in _ANNOTATION.finditer(text):
        found += _plain_words(text, last, annotation.start())
        group = 3 if annotation.group(3) is not None else (2 if annotation.group(2) is not None else 1)
        found += _plain_words(text, annotation.start(group), annotation.end(group))
        last = annotation.end()
    return found + _plain_words(text, last, len(text))


def _plain_words(text: str, start: int, end: int) -> list[Word]:
    words = []
    for match in _WORD.finditer(text, start, end):
        bare = match.group().strip(_EDGES)
        if bare.strip("-–—*+"):  # not a list bullet or a rule
            words.append(Word(bare, match.group(), match.start()))
    return words


def _compared(path: str, body: str, line_offset: int, converted: str) -> tuple[list[Diagnostic], int]:
    """The article's changed and added words, and the paragraphs of the source it leaves out."""
    mine = words_of(body)
    paragraphs = [words for part in re.split(r"\n\s*\n", converted) if (words := words_of(part))]
    theirs = [word for words in paragraphs for word in words]
    mine_texts, their_texts = [w.text for w in mine], [w.text for w in theirs]
    if mine_texts == their_texts:  # as captured: most articles, most of the time
        return [], 0
    matcher = difflib.SequenceMatcher(None, mine_texts, their_texts, autojunk=False)
    blocks = matcher.get_opcodes()
    found = []
    for index, (tag, i1, i2, j1, j2) in enumerate(blocks):
        inside = 0 < index < len(blocks) - 1  # between words both texts share
        if tag == "replace":
            now, was = _phrase(mine[i1:i2]), _phrase(theirs[j1:j2])
            message = f'differs from the captured source: "{now}" was "{was}"'
        elif tag == "insert" and inside:
            message = f'differs from the captured source: "{_phrase(mine[i1:i2])}" is not in it'
        else:
            continue
        line, column = line_and_column(body, mine[i1].at)
        found.append(Diagnostic(Position(path, line + line_offset, column), "warning", message))
    kept = [False] * len(theirs)
    for tag, _, _, j1, j2 in blocks:
        if tag == "equal":
            kept[j1:j2] = [True] * (j2 - j1)
    left_out, start = 0, 0
    for words in paragraphs:
        left_out += not any(kept[start : start + len(words)])
        start += len(words)
    return found, left_out


def _phrase(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _read(file: Path) -> tuple[str, str | None]:
    with file.open("rb") as stream:
        found = contents(stream)
    return found.sha256, found.converted


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        return "it is cut short or damaged"
    if isinstance(exc, ArchiveLoadFailed):
        return "it is no WARC file whose records are each gzip-compressed"
    return str(exc) or type(exc).__name__
