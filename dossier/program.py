"""How the engine was called, so that what it prints names the command the reader typed."""

from __future__ import annotations

import sys
from pathlib import Path


def program() -> str:
    """`dossier` (the installed command), `python -m dossier`, or else `python build.py`."""
    called = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path()
    if called.name == "__main__.py" and called.parent.name == "dossier":
        return "python -m dossier"
    return "dossier" if called.name == "dossier" else "python build.py"


def error(message: str) -> None:
    """An error on standard error, in the program's name: `dossier: error: …`."""
    print(f"{program()}: error: {message}", file=sys.stderr)


def usage_error(message: str) -> int:
    """A usage error printed (see `error`), and its exit code."""
    error(message)
    return 2
