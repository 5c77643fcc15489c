"""`python build.py new DIR`: a dossier folder that builds at once.

The starter holds one example article that uses every kind of annotation, the entities, figure and
event it names (in German for a German site, else in English), a .gitignore and the GitHub Pages
workflow this repository publishes with. The workflow installs `requirements.txt` and runs
`build.py`, so both are written too: the engine's entry point, and a requirement that installs
this engine (`--engine SPEC`; by default from where it was installed, when pip recorded that, else
from this folder, which the editor then points at a place GitHub can reach). The folder and its
files get the mode the user's umask gives, as any folder the user makes.
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

from ...reading.schema import is_language_tag
from ..files.newfiles import umask

STARTER = Path(__file__).resolve().parent / "starter"
RENAMED = {"gitignore": ".gitignore", "pages.yml": ".github/workflows/pages.yml"}
CONTENT_LANGUAGES = ("en", "de")  # the languages the example content is written in
DESCRIPTIONS = {
    "en": "A sourced dossier, built with dossier.",
    "de": "Ein belegtes Dossier, gebaut mit dossier.",
}


class Refused(Exception):
    """The folder cannot be started in (a usage error: nothing was written)."""


@dataclass
class Started:
    folder: Path
    files: list[str]
    engine: str  # the requirement line that installs the engine
    engine_reachable: bool  # whether GitHub's runners can install it as written


def new_dossier(
    folder: Path, *, title: str | None = None, language: str = "en", engine: str | None = None
) -> Started:
    """Write the starter into `folder`, which must not exist or be empty; `engine` is what pip
    installs the engine from (a requirement, a git URL, an address or a path)."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise Refused(f"{folder} exists and is not empty; new starts a dossier in a new or empty folder")
    if not is_language_tag(language):
        raise Refused(f"--language {language} is not a BCP 47 tag such as en or de-CH")
    values = {
        "title": json.dumps(title or _title_from(folder), ensure_ascii=False),  # a YAML string as it is
        "language": language,
        "description": DESCRIPTIONS.get(language.split("-")[0].lower(), DESCRIPTIONS["en"]),
    }
    engine, reachable = _requirement(engine) if engine else _engine_requirement()
    primary = language.split("-")[0].lower()
    content = primary if primary in CONTENT_LANGUAGES else "en"
    files: dict[str, str] = {}
    for source in sorted(STARTER.rglob("*")):
        if not source.is_file() or "__pycache__" in source.parts:  # an install compiles the build.py
            continue
        name = source.relative_to(STARTER).as_posix()
        if name.startswith("content/"):
            written_in, _, name = name.removeprefix("content/").partition("/")
            if written_in != content:
                continue
            name = f"content/{name}"
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


def _requirement(spec: str) -> tuple[str, bool]:
    """The requirement line for `--engine SPEC`, and whether GitHub's runners can install it."""
    spec = spec.strip()
    if spec.startswith(("dossier", "-")):
        return spec, True  # `dossier==0.1`, `dossier @ git+https://…`, `-e ../engine`
    if "://" in spec or spec.startswith("git+"):
        return f"dossier @ {spec}", not spec.startswith("file:")
    return f"dossier @ {Path(spec).resolve().as_uri()}", False  # a folder or a wheel on this machine


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
    os.chmod(staging, 0o777 & ~umask())  # mkdtemp makes it 0700 whatever the umask
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
