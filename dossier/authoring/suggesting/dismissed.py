"""Which suggestions a dossier's dismissals hold (see `reading.dismissals`): a dismissal names the
suggestion's file, kind and text, and the sentence it stands in, so it outlives edits elsewhere."""

from __future__ import annotations

from ...reading.dismissals import Dismissal
from .proposals import sentence_at


def sentence(body: str, start: int, end: int) -> str:
    """The sentence a suggestion at `start`…`end` of a body stands in, spacing aside."""
    return " ".join(sentence_at(body, start, end).text.split())


def dismissed(
    dismissals: set[Dismissal], path: str, kind: str, text: str, body: str, span: tuple[int, int]
) -> bool:
    """Whether a suggestion (`span`: its place in the body) was dismissed in the sentence it stands in."""
    if not dismissals:
        return False
    return Dismissal(path, kind, text, sentence(body, *span)) in dismissals
