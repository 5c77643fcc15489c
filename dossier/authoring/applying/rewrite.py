"""Applying suggestions to files: atomically, idempotently, and never over a file that changed on
disk since it was read or that has content errors."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ...diagnostics import Diagnostic
from ...reading.config import MarkdownOptions
from ...reading.documents import parse_article, parse_entity
from ..files.newfiles import replace
from ..suggesting.suggest import Suggestion


@dataclass
class Rewritten:
    path: str
    applied: int
    problem: str | None = None  # why the file was left alone


def writable(suggestion: Suggestion, kinds_named: set[str]) -> bool:
    """Entity mentions with one target; figure and event claims, when asked for, with a known target
    or a whole proposal for a new one (its registry entry is written too: see `new_entries`)."""
    if suggestion.kind == "entity":
        return suggestion.target is not None
    if suggestion.kind not in kinds_named:
        return False
    return suggestion.target is not None or _complete(suggestion.proposal)


def _complete(proposal: dict | None) -> bool:
    if not proposal or not proposal.get("key"):
        return False
    needed = ("label", "unit") if "label" in proposal else ("title", "date")
    return all(proposal.get(name) for name in needed)


def new_entries(suggestions: list[Suggestion]) -> dict[str, dict[str, dict[str, object]]]:
    """The registry entries the new figure and event claims among `suggestions` need, by registry."""
    entries: dict[str, dict[str, dict[str, object]]] = {"content/figures.yaml": {}, "content/events.yaml": {}}
    for s in suggestions:
        if s.target is None and s.proposal and _complete(s.proposal):
            if s.kind == "figure":
                entries["content/figures.yaml"][str(s.proposal["key"])] = {
                    "label": s.proposal["label"], "unit": s.proposal["unit"],
                }  # fmt: skip
            else:
                entries["content/events.yaml"][str(s.proposal["key"])] = {
                    "date": s.proposal["date"], "title": s.proposal["title"],
                }  # fmt: skip
    return entries


def rewritten_text(text: str, suggestions: list[Suggestion]) -> tuple[str, int]:
    """`text` with the non-overlapping suggestions applied (the first at a place wins)."""
    chosen: list[Suggestion] = []
    for suggestion in sorted(suggestions, key=lambda s: (s.start, -s.end)):
        if chosen and suggestion.start < chosen[-1].end:
            continue
        chosen.append(suggestion)
    for suggestion in reversed(chosen):
        text = text[: suggestion.start] + suggestion.annotation + text[suggestion.end :]
    return text, len(chosen)


def diff(root: Path, path: str, suggestions: list[Suggestion]) -> str:
    before = (root / path).read_text(encoding="utf-8")
    after, _ = rewritten_text(before, suggestions)
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
        )
    )


def write(root: Path, path: str, read: str, suggestions: list[Suggestion]) -> Rewritten:
    """Rewrite `path`, which held `read` when the suggestions were made."""
    file = root / path
    if any(p.severity == "error" for p in document_problems(root, path)):
        return Rewritten(path, 0, "has content errors; fix them first (python build.py check)")
    after, count = rewritten_text(read, suggestions)
    if count == 0:
        return Rewritten(path, 0)
    if file.read_text(encoding="utf-8") != read:
        return Rewritten(path, 0, "changed on disk since it was read; run suggest again")
    replace(file, after.encode("utf-8"))
    return Rewritten(path, count)


def document_problems(folder: Path, path: str) -> list[Diagnostic]:
    """What the build would report of the article or entity file `path` under `folder`."""
    parse = parse_article if path.startswith("content/articles/") else parse_entity
    return parse(folder / path, path, MarkdownOptions())[1]
