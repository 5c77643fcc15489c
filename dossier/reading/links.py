"""content/links.yaml: what `python build.py links` last found of each source's address.

Per address: the status of its last answer, the address its redirects led to, a problem when it
gave no answer, and the day it was checked. The build reads it to mark an original that is gone
(it answered 404 or 410); a bad entry is an error with its line, as in the registries.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from .files import read_text
from .schema import Fields
from .yamlfile import load_yaml

LINKS = "content/links.yaml"
FIELDS = ("status", "final", "problem", "checked")
GONE = (404, 410)


@dataclass(frozen=True)
class Checked:
    status: int | None
    final: str
    problem: str
    checked: str

    @property
    def gone(self) -> bool:
        return self.status in GONE


def load_links(root: Path) -> tuple[dict[str, Checked], list[Diagnostic]]:
    file = root / LINKS
    if not file.exists():
        return {}, []
    text, problems = read_text(file, LINKS)
    if text is None:
        return {}, problems
    doc, problems = load_yaml(text, LINKS)
    if doc is None or problems or doc.data is None:
        return {}, problems
    if not isinstance(doc.data, dict):
        return {}, [Diagnostic(doc.origin, "error", "links.yaml must map each address to what was found")]
    found: dict[str, Checked] = {}
    for url in doc.data:
        fields = Fields(doc, (url,), f"the entry of {url}")
        fields.only(FIELDS)
        status = fields.data.get("status")
        if status is not None and (isinstance(status, bool) or not isinstance(status, int)):
            fields.error(fields.position("status"), '"status" must be an HTTP status such as 404')
            status = None
        checked = fields.data.get("checked")
        entry = Checked(status, fields.text("final"), fields.text("problem"), str(checked or ""))
        problems += fields.diagnostics
        if not fields.diagnostics:
            found[str(url)] = entry
    return found, problems
