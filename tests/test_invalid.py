"""Dossiers that must fail: each folder under tests/invalid/ holds the files that differ from
tests/invalid/_base/ (and an optional `_delete` list), and `expected.txt`, the exact diagnostics."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import run, run_process

INVALID = Path(__file__).parent / "invalid"
CASES = sorted(p.name for p in INVALID.iterdir() if p.is_dir() and not p.name.startswith("_"))
META = {"expected.txt", "_delete"}


def assemble(case: str, into: Path) -> Path:
    shutil.copytree(INVALID / "_base", into)
    folder = INVALID / case
    for file in folder.rglob("*"):
        relative = file.relative_to(folder)
        if file.is_file() and relative.as_posix() not in META:
            target = into / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    deletions = folder / "_delete"
    if deletions.exists():
        for name in deletions.read_text().split():
            (into / name).unlink()
    return into


def expected(case: str, root: Path) -> list[str]:
    text = (INVALID / case / "expected.txt").read_text(encoding="utf-8")
    return [line.replace("ROOT", str(root)) for line in text.splitlines() if line]


def test_there_are_many_cases() -> None:
    assert len(CASES) + len(MADE) >= 40


@pytest.mark.parametrize("case", CASES)
def test_invalid_dossier(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = assemble(case, tmp_path / case)
    (root / "site").mkdir()
    (root / "site/keep.txt").write_text("previous build")
    code, out, err = run(root, capsys=capsys)
    lines = err.splitlines()
    assert code == 1
    assert out == ""
    assert [line for line in lines if ": error: " in line] == expected(case, root)
    assert lines[-1].startswith("build failed: ")
    assert [p.name for p in (root / "site").iterdir()] == ["keep.txt"]


@pytest.mark.parametrize("case", ["unknown-entity", "invalid-utf8", "layout-syntax-error", "malformed-yaml"])
def test_invalid_dossier_as_a_process(case: str, tmp_path: Path) -> None:
    root = assemble(case, tmp_path / case)
    result = run_process("--root", str(root))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == expected(case, root)


# Cases a repository should not hold as files: made in the test instead.
def _huge(root: Path) -> None:
    front = "---\ntitle: Huge\nlanguage: en\n---\n"
    (root / "content/articles/huge.md").write_text(front + "word " * 2_100_000)  # 10.5 MB


def _symlinked_file(root: Path) -> None:
    outside = root.parent / "outside.md"
    outside.write_text("---\ntitle: Private notes\nlanguage: en\n---\nNot for publication.\n")
    (root / "content/articles/notes.md").symlink_to(outside)


def _symlinked_entities(root: Path) -> None:
    outside = root.parent / "outside-entities"
    shutil.copytree(root / "content/entities", outside)
    shutil.rmtree(root / "content/entities")
    (root / "content/entities").symlink_to(outside)


def _same_output(root: Path) -> None:
    shutil.copyfile(root / "content/articles/second.md", root / "content/articles/Second.md")


def _line_breaks_in_quoted_text(root: Path) -> None:
    article = root / "content/articles/second.md"
    date = 'published: "20\\r\\n2\\u20284"\n'  # YAML escapes: CR, LF and a line separator
    article.write_text(article.read_text().replace("language: de\n", f"language: de\n{date}"))


MADE = {
    "huge-file": (
        _huge,
        ["content/articles/huge.md:1:1: error: file is 10,500,033 bytes; the limit is 2 MB"],
    ),
    "symlink-out-of-root": (
        _symlinked_file,
        [
            "content/articles/notes.md:1:1: error: symbolic link to ROOT/../outside.md, outside the dossier "
            "folder; copy the file in instead"
        ],
    ),
    "symlink-folder-out-of-root": (  # its files are refused, so the names they define are unknown
        _symlinked_entities,
        [
            'content/articles/first.md:4:1: error: unknown entity "Daily Paper"',
            'content/articles/first.md:7:1: error: unknown entity "ACME"',
            'content/articles/second.md:5:1: error: unknown entity "ACME"',
            'content/articles/second.md:5:21: error: unknown entity "Jane Roe"',
            *(
                f"content/entities/{name}.md:1:1: error: symbolic link to "
                f"ROOT/../outside-entities/{name}.md, outside the dossier folder; copy the file in instead"
                for name in ("acme", "daily-paper", "jane-roe")
            ),
            'content/events.yaml:4:14: error: unknown entity "ACME"',
            'content/events.yaml:4:20: error: unknown entity "Jane Roe"',
            'content/figures.yaml:4:3: error: unknown entity "ACME"',
            'content/index.md:4:17: error: unknown entity "ACME"',
        ],
    ),
    "two-files-one-output": (
        _same_output,
        [
            'content/articles/second.md:1:1: error: article slug "second" is also used by '
            "content/articles/Second.md (slugs ignore case)"
        ],
    ),
    "line-breaks-in-quoted-text": (  # one diagnostic, one line, whatever the content quotes
        _line_breaks_in_quoted_text,
        [
            'content/articles/second.md:4:1: error: bad date: "20\\r\\n2\\u20284" is not a date: '
            "expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn, optionally followed by ~ or ?, "
            "or an interval A/B"
        ],
    ),
}


@pytest.mark.parametrize("case", MADE)
def test_made_invalid_dossier(case: str, tmp_path: Path) -> None:
    root = tmp_path / "dossier"
    shutil.copytree(INVALID / "_base", root)
    make, lines = MADE[case]
    make(root)
    (root / "site").mkdir()
    (root / "site/keep.txt").write_text("previous build")
    result = run_process("--root", str(root))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    shown = [line.replace(str(root.resolve().parent), "ROOT/..") for line in errors]
    assert shown == lines
    assert [p.name for p in (root / "site").iterdir()] == ["keep.txt"]
