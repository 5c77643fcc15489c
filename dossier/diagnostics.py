"""Errors and warnings about content, each pinned to a file position."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from .records import compact


@compact
@dataclass(order=True, slots=True, unsafe_hash=True)
class Position:
    """A place in a content file: path relative to the dossier root, 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset in `text`."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# Characters that would break a diagnostic over lines (str.splitlines splits at each) or hide
# part of it on a terminal; messages quote content, which may hold any of them.
_UNPRINTABLE = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in [*range(0x20), 0x7F, 0x85, 0x2028, 0x2029]
    if code != 0x09
} | {0x0A: "\\n", 0x0D: "\\r"}


@dataclass(frozen=True)
class Diagnostic:
    position: Position
    severity: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        """One line, `path:line:col: severity: message`, whatever the message quotes."""
        p = self.position
        return f"{p.path}:{p.line}:{p.col}: {self.severity}: {self.message.translate(_UNPRINTABLE)}"


@dataclass
class Report:
    """Collects every problem of a build so all of them are shown, not just the first."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, position: Position, message: str) -> None:
        self.diagnostics.append(Diagnostic(position, "error", message))

    def warning(self, position: Position, message: str) -> None:
        self.diagnostics.append(Diagnostic(position, "warning", message))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=lambda d: (d.position, d.severity, d.message))


class ContentError(Exception):
    """Raised when content problems stop a build; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics

    def __reduce__(self) -> tuple[type[ContentError], tuple[list[Diagnostic]]]:
        """Survive the trip back from a worker process with the diagnostics intact."""
        return (ContentError, (self.diagnostics,))


def print_diagnostics(diagnostics: Iterable[Diagnostic], quiet: bool = False) -> None:
    """One line each on stderr; `quiet` keeps only the errors."""
    for diagnostic in diagnostics:
        if not quiet or diagnostic.severity == "error":
            print(diagnostic, file=sys.stderr, flush=True)


EXCERPT = 60  # characters of content a message quotes at most


def excerpt(content: object) -> str:
    """`content` as text, shortened in the middle to EXCERPT characters: messages quote content, and
    content can be a megabyte on one line."""
    text = str(content)
    if len(text) > EXCERPT:
        text = text[: EXCERPT - 16] + "…" + text[-15:]
    return text


def quote(content: object) -> str:
    """An excerpt of `content` in double quotes."""
    return f'"{excerpt(content)}"'
