"""The layer contract in pyproject.toml holds: dependencies run one way, from the grammar up."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

# `lint-imports`, run by this interpreter whether or not its scripts folder is on PATH.
LINT_IMPORTS = [
    sys.executable,
    "-c",
    "from importlinter.cli import lint_imports_command; lint_imports_command()",
]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LINT_IMPORTS, "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_layer_contract_is_kept() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(REPO / "dossier", tmp_path / "dossier", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    values = tmp_path / "dossier/syntax/values.py"
    values.write_text(values.read_text() + "\nfrom ..pipeline import build  # noqa: E402\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "dossier.syntax.values -> dossier.pipeline" in result.stdout
