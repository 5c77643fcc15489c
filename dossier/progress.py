"""Where long work is: one updating line on stderr, and how long each phase took.

The line is drawn only on a terminal (stderr a TTY), never under --quiet, with TERM=dumb or where
CI is set, and only once the command has run about a second, so a quick build prints nothing more.
Phases are timed either way, for the closing summary. The commands start one `Progress`; the
engine reports to `current()`, which is silent until then.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

DELAY = 1.0  # seconds before the line first appears
INTERVAL = 0.1  # seconds between redraws


class Progress:
    def __init__(self, stream: TextIO | None = None, *, show: bool = False):
        self.stream = stream if stream is not None else sys.stderr
        self.show = show
        self.started = time.monotonic()
        self.timings: list[tuple[str, float]] = []  # each finished phase and its seconds
        self._phase: str | None = None
        self._label = ""
        self._phase_started = self.started
        self._done = 0
        self._total: int | None = None
        self._drawn_at = 0.0
        self._width = 0

    def phase(self, name: str, total: int | None = None, label: str | None = None) -> None:
        """Start a phase (ending the one before); `total` when its steps can be counted, `label`
        what the line calls it (its name by default)."""
        self._end_phase()
        self._phase, self._total, self._done = name, total, 0
        self._label = label or name
        self._phase_started = time.monotonic()
        self._draw(force=True)

    def step(self, done: int, total: int | None = None) -> None:
        """`done` of the phase's steps are finished."""
        self._done = done
        if total is not None:
            self._total = total
        self._draw()

    def clear(self) -> None:
        """Take the line away (before printing something else); the next step draws it again."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
            self._drawn_at = 0.0

    def finish(self) -> list[tuple[str, float]]:
        """End the last phase and clear the line; the phases and their seconds (then forgotten, so
        that a preview building again and again keeps none of them)."""
        self._end_phase()
        self.clear()
        timings, self.timings = self.timings, []
        return timings

    def _end_phase(self) -> None:
        if self._phase is not None:
            self.timings.append((self._phase, time.monotonic() - self._phase_started))
            self._phase = None

    def _draw(self, force: bool = False) -> None:
        if not self.show or self._phase is None:
            return
        now = time.monotonic()
        if now - self.started < DELAY or (not force and now - self._drawn_at < INTERVAL):
            return
        self._drawn_at = now
        count = f" {self._done:,}" if self._done or self._total else ""
        count += f"/{self._total:,}" if self._total else ""  # a count of a known total, or just a count
        text = f"{self._label}{count} ({now - self.started:.0f} s)"
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = max(self._width, len(text))


def on_terminal(stream: TextIO, quiet: bool) -> bool:
    """Whether a progress line belongs on `stream`: a terminal, not --quiet, not CI, not TERM=dumb."""
    if quiet or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


_current = Progress()


def start(quiet: bool = False) -> Progress:
    """The progress of the command now starting (drawn on stderr when it belongs there)."""
    global _current
    _current = Progress(sys.stderr, show=on_terminal(sys.stderr, quiet))
    return _current


def current() -> Progress:
    return _current


def summary(timings: list[tuple[str, float]]) -> str:
    """ "reading 3.1 s, writing pages 12.0 s": the phases that took a tenth of a second or more."""
    return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings if seconds >= 0.1)
