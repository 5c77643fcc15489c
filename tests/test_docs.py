"""Keep the README honest: its commands are the CLI's, and CI runs its test command."""

from __future__ import annotations

import re

from conftest import REPO

from dossier.cli import parser

README = (REPO / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_is_two_commands() -> None:
    install_build, install_test = quick_start_commands()
    assert install_build.endswith("python build.py")
    assert "pip install" in install_build and "pip install" in install_test
    assert "pytest" in install_test


def test_ci_runs_the_readme_test_command() -> None:
    _, install_test = quick_start_commands()
    ci = (REPO / ".ci/run").read_text()
    assert install_test in ci.splitlines()


def test_ci_runs_it_inside_a_fresh_virtual_environment() -> None:
    _, install_test = quick_start_commands()
    lines = (REPO / ".ci/run").read_text().splitlines()
    made = next(i for i, line in enumerate(lines) if " -m venv " in line)
    entered = next(i for i, line in enumerate(lines) if line.startswith(". ") and "bin/activate" in line)
    assert made < entered < lines.index(install_test)


def test_every_option_and_command_is_documented() -> None:
    for action in parser()._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag not in ("--help", "--version"):
                assert f"`{flag}" in README, flag
    for command in ("build", "serve", "check", "new", "add"):
        assert f"python build.py {command}" in README
