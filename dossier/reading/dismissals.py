"""content/dismissed.yaml: the suggestions an editor dismissed (kept in git with the dossier).

Each entry names the article, the suggestion's kind and text, and the sentence it stands in; a
dismissal holds while that sentence is unchanged, so an edited sentence is looked at again. The
build reads the file like the registries: a bad entry is an error with its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from .files import read_text
from .schema import Fields
from .yamlfile import load_yaml

DISMISSED = "content/dismissed.yaml"
FIELDS = ("path", "kind", "text", "sentence")
KINDS = ("entity", "candidate", "figure", "event")


@dataclass(frozen=True)
class Dismissal:
    path: str
    kind: str
    text: str
    sentence: str


def load_dismissals(root: Path) -> tuple[set[Dismissal], list[Diagnostic]]:
    file = root / DISMISSED
    if not file.exists():
        return set(), []
    text, problems = read_text(file, DISMISSED)
    if text is None:
        return set(), problems
    doc, problems = load_yaml(text, DISMISSED)
    if doc is None or problems or doc.data is None:
        return set(), problems
    if not isinstance(doc.data, list):
        return set(), [Diagnostic(doc.origin, "error", "dismissed.yaml must be a list of dismissals")]
    found: set[Dismissal] = set()
    for index, entry in enumerate(doc.data):
        if not isinstance(entry, dict):
            problems.append(
                Diagnostic(doc.at(index), "error", "a dismissal must map path, kind, text and sentence")
            )
            continue
        fields = Fields(doc, (index,), "dismissal")
        fields.only(FIELDS)
        dismissal = Dismissal(
            fields.text("path", required=True),
            fields.choice("kind", KINDS, required=True),
            fields.text("text", required=True),
            fields.text("sentence", required=True),
        )
        problems += fields.diagnostics
        if not fields.diagnostics:
            found.add(dismissal)
    return found, problems
