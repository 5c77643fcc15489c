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
    """A usage error on standard error, in the program's name: `dossier: error: …`."""
    print(f"{program()}: error: {message}", file=sys.stderr)
