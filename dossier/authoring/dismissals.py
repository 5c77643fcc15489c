"""Writing a dismissal into `content/dismissed.yaml` (see `reading.dismissals`), the file's comments
and order kept, and telling which suggestions a dossier's dismissals hold."""

from __future__ import annotations

import yaml

from ..reading.dismissals import DISMISSED, Dismissal, load_dismissals
from .proposals import sentence_at

__all__ = ["DISMISSED", "Dismissal", "dismissed", "load_dismissals", "with_dismissal"]


def with_dismissal(text: str, dismissal: Dismissal) -> str:
    """The file's text with one more dismissal at its end."""
    if text.strip() in ("", "[]"):
        text = ""
    elif not text.endswith("\n"):
        text += "\n"
    entry = {
        "path": dismissal.path,
        "kind": dismissal.kind,
        "text": dismissal.text,
        "sentence": dismissal.sentence,
    }
    return text + yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=10_000)


def sentence(body: str, start: int, end: int) -> str:
    """The sentence a suggestion at `start`…`end` of a body stands in, spacing aside."""
    return " ".join(sentence_at(body, start, end).text.split())


def dismissed(
    dismissals: set[Dismissal], path: str, kind: str, text: str, body: str, start: int, end: int
) -> bool:
    """Whether a suggestion (its place given in the body) was dismissed in the sentence it stands in."""
    if not dismissals:
        return False
    return Dismissal(path, kind, text, sentence(body, start, end)) in dismissals
