"""`python build.py new DIR`: a dossier folder that builds at once.

The starter holds one example article that uses every kind of annotation, the entities, figure and
event it names, a .gitignore and the GitHub Pages workflow this repository publishes with. The
workflow installs `requirements.txt` and runs `build.py`, so both are written too: the engine's
entry point, and a requirement that installs this engine (from where it was installed, when pip
recorded that; else from this folder, which the editor then points at a place GitHub can reach).
"""

from __future__ import annotations

import json
import os
import shutil
import string
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..reading.schema import is_language_tag

STARTER = Path(__file__).resolve().parent / "starter"
RENAMED = {"gitignore": ".gitignore", "pages.yml": ".github/workflows/pages.yml"}


class Refused(Exception):
    """The folder cannot be started in (a usage error: nothing was written)."""


@dataclass
class Started:
    folder: Path
    files: list[str]
    engine: str  # the requirement line that installs the engine
    engine_reachable: bool  # whether GitHub's runners can install it as written


def new_dossier(folder: Path, *, title: str | None = None, language: str = "en") -> Started:
    """Write the starter into `folder`, which must not exist or be empty."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise Refused(f"{folder} exists and is not empty; new starts a dossier in a new or empty folder")
    if not is_language_tag(language):
        raise Refused(f"--language {language} is not a BCP 47 tag such as en or de-CH")
    values = {
        "title": json.dumps(title or _title_from(folder), ensure_ascii=False),  # a YAML string as it is
        "language": language,
    }
    engine, reachable = _engine_requirement()
    files: dict[str, str] = {}
    for source in sorted(STARTER.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:  # an install compiles the build.py
            name = source.relative_to(STARTER).as_posix()
            text = source.read_text(encoding="utf-8")
            if name == "config.yaml":
                text = string.Template(text).substitute(values)
            files[RENAMED.get(name, name)] = text
    files["requirements.txt"] = f"{engine}\n"
    _write_all(folder, files)
    return Started(folder, sorted(files), engine, reachable)


def _title_from(folder: Path) -> str:
    words = folder.resolve().name.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "A dossier"


def _engine_requirement() -> tuple[str, bool]:
    """`dossier @ URL` for this engine, and whether the URL is one GitHub's runners can reach."""
    try:
        recorded = metadata.distribution("dossier").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        recorded = None
    if recorded:
        found = json.loads(recorded)
        url = found.get("url", "")
        vcs = found.get("vcs_info")
        if vcs and url:
            return f"dossier @ {vcs.get('vcs', 'git')}+{url}", True
        if url and not url.startswith("file:"):
            return f"dossier @ {url}", True
    checkout = Path(__file__).resolve().parents[2]
    return f"dossier @ {checkout.as_uri()}", False


def _write_all(folder: Path, files: dict[str, str]) -> None:
    """Every file or none: written into a temporary folder beside `folder`, then moved into place."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for name, text in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if folder.exists():  # empty, as checked: fill it rather than replace the folder itself
            for entry in staging.iterdir():
                os.replace(entry, folder / entry.name)
        else:
            os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
