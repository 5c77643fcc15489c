"""Build the dossier: `python build.py --help` lists the commands and options.

Run by a Python that lacks a package of requirements.txt (a fresh clone, or a system Python that
refuses packages installed with pip), it runs itself again with the virtual environment `.venv/`
beside it, making it and installing requirements.txt into it where needed, and says so.
"""

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
REQUIREMENTS = HERE / "requirements.txt"


def missing_package() -> str | None:
    """The first package of requirements.txt this Python does not have, if any."""
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        name = re.split(r"[\s\[<>=!~;#]", line.strip(), maxsplit=1)[0]
        if not name:
            continue
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            return name
    return None


def in_the_venv(missing: str) -> int:
    """Run this script with .venv's Python (made where there is none), and in it install
    requirements.txt where a package of it is missing; once: a package still missing is an error."""
    python = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    script = [str(Path(__file__).resolve()), *sys.argv[1:]]
    if Path(sys.prefix).resolve() != VENV.resolve():
        if not python.exists() and subprocess.run([sys.executable, "-m", "venv", str(VENV)]).returncode:
            print(f"build.py: error: {missing} is missing, and {VENV} could not be made", file=sys.stderr)
            return 2
        os.execv(python, [str(python), *script])  # .venv's Python looks again
    pip = [sys.executable, "-m", "pip", "install", "-r", str(REQUIREMENTS)]
    if os.environ.get("DOSSIER_VENV_INSTALLED"):
        print(f"build.py: error: {missing} is still missing; run: {' '.join(pip)}", file=sys.stderr)
        return 2
    print(f"build.py: installing requirements.txt into {VENV} ({missing} is missing)", file=sys.stderr)
    if subprocess.run([*pip, "--quiet"]).returncode:
        print(f"build.py: error: the install failed; run: {' '.join(pip)}", file=sys.stderr)
        return 2
    os.environ["DOSSIER_VENV_INSTALLED"] = "1"
    os.execv(sys.executable, [sys.executable, *script])
    return 2  # not reached: execv replaces this process


if __name__ == "__main__":
    missing = missing_package()
    if missing is not None:
        sys.exit(in_the_venv(missing))
    from dossier.cli import main

    sys.exit(main())
