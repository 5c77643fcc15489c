"""Shared fixtures: small dossiers written into tmp_path, and the real dossier built once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from dossier.cli import main
from tools.checkers import CHROMIUM, CHROMIUM_ARGS
from tools.static import static_server

REPO = Path(__file__).resolve().parent.parent

MINIMAL: dict[str, str] = {
    "config.yaml": """\
        title: Test dossier
        base_url: https://example.org/test/
        """,
    "content/index.md": """\
        ---
        title: About this dossier
        ---
        A dossier about [[ACME]].
        """,
    "content/articles/first.md": """\
        ---
        title: ACME pledges money
        language: en
        source: Daily Paper
        published: 2025-04-30
        ---
        [[ACME]] said [on 30 April]{event=pledge-day} it will spend
        [200 billion yuan]{fig=pledge value="200 bn"} ([$28 bn]{fig=pledge value="28 bn" unit=USD}).
        """,
    "content/articles/second.md": """\
        ---
        title: Zweiter Bericht
        language: de
        ---
        [[ACME|ACMEs]] Chef [[Jane Roe]] bestätigte [200 Milliarden Yuan]{fig=pledge value="200 bn"}.
        """,
    "content/entities/acme.md": """\
        ---
        name: ACME Corp
        type: organization
        aliases: [ACME]
        summary: A maker of everything.
        ---
        ACME is led by [[Jane Roe]].
        """,
    "content/entities/jane-roe.md": """\
        ---
        name: Jane Roe
        type: person
        role: Chief executive of ACME
        ---
        """,
    "content/entities/daily-paper.md": """\
        ---
        name: Daily Paper
        type: publication
        ---
        """,
    "content/figures.yaml": """\
        pledge:
          label: Five-year pledge
          unit: CNY
          entity: ACME
          period: 2026/2030
          featured: true
        """,
    "content/events.yaml": """\
        pledge-day:
          date: 2025-04-30
          title: ACME announces its pledge
          entities: [ACME, Jane Roe]
        """,
}


def write_files(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write a dossier; a value of None deletes that file from the defaults."""
    for name, text in files.items():
        target = root / name
        if text is None:
            target.unlink(missing_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def make_dossier(tmp_path: Path) -> Callable[..., Path]:
    """`make_dossier({"path": "text"})`: the minimal dossier with some files replaced."""

    def make(files: dict[str, str | bytes | None] | None = None, *, minimal: bool = True) -> Path:
        root = tmp_path / "dossier"
        root.mkdir(exist_ok=True)
        if minimal:
            write_files(root, dict(MINIMAL))
        return write_files(root, files or {})

    return make


def run(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process; returns exit code, stdout, stderr."""
    capsys.readouterr()
    code = main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run `python build.py` as a user would, in a child process."""
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own dossier, built once per test session."""
    out = tmp_path_factory.mktemp("real") / "site"
    code = main(["--root", str(REPO), "--out", str(out), "--quiet"])
    assert code == 0
    return out


def unavailable(message: str) -> NoReturn:
    """A tool a test needs is missing: skip with the reason locally, fail under CI."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


SHARED_PAGES = REPO.parent / "shared" / "pages"  # saved news pages from other projects (its README)


@pytest.fixture(scope="session")
def shared_pages() -> Path:
    """The saved news pages, which never live in this repository; skipped locally without them,
    a failure under CI (where `../shared` is always present)."""
    if not SHARED_PAGES.is_dir():
        unavailable(f"these tests read the saved news pages at {SHARED_PAGES}, which is absent")
    return SHARED_PAGES


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; skipped locally without it, a failure under CI."""
    if not CHROMIUM.exists():
        unavailable(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("browser tests need playwright (pip install -r requirements-test.txt)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def real_site_url(real_site: Path) -> Iterator[str]:
    with static_server(real_site) as url:
        yield url
