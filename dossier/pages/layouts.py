"""Where the engine's default layouts are; light, so a build with nothing changed can digest them
without loading the renderer."""

from __future__ import annotations

from pathlib import Path


def _engine_layouts() -> Path:
    """The default layouts: the copy installed with the package (`pip install .`), or in a checkout
    the repository's top-level layouts/, which its own dossier builds with."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "default_layouts"
    return installed if installed.is_dir() else package.parent / "layouts"


ENGINE_LAYOUTS = _engine_layouts()
