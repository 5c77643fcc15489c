"""The GitHub Pages workflow: valid for actionlint, and building with the README's command."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import REPO
from test_docs import quick_start_commands

WORKFLOW = REPO / ".github/workflows/pages.yml"


def test_workflow_passes_actionlint() -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.fail("actionlint is missing: pip install -r requirements-test.txt")
    result = subprocess.run([actionlint, str(WORKFLOW)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_with_the_readme_install_and_the_pages_actions() -> None:
    text = WORKFLOW.read_text()
    install_build, _ = quick_start_commands()
    install = install_build.removesuffix(" && python build.py")
    assert f"run: {install} && python build.py --base-url" in text
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert action in text
    for permission in ("pages: write", "id-token: write"):
        assert permission in text
    assert "name: github-pages" in text and "group: pages" in text
