"""Progress on long work: one updating line on a terminal's stderr, nothing anywhere else, and the
time of each phase in the closing summary."""

from __future__ import annotations

import io
import os
import pty
import re
import sys
from pathlib import Path

import pytest
from conftest import REPO

from dossier import progress
from dossier.cli import main

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(60, tmp_path_factory.mktemp("progress") / "dossier")


def run_on_terminal(
    args: list[str], monkeypatch, *, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    """Run the command line in-process with stderr on a pseudo-terminal (what a user's shell gives
    it) and stdout captured; returns the exit code, what the terminal showed and stdout."""
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    for name in ("CI", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    leader, follower = pty.openpty()
    terminal = os.fdopen(follower, "w", encoding="utf-8", buffering=1)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(sys, "stdout", out)
    try:
        code = main(args)
    finally:
        terminal.close()
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end is closed: all of it was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return code, shown.decode("utf-8", errors="replace"), out.getvalue()


def test_a_build_on_a_terminal_shows_its_phases_on_one_line(corpus, monkeypatch) -> None:
    code, shown, out = run_on_terminal(["--root", str(corpus), "--no-search"], monkeypatch)
    assert code == 0
    assert re.search(r"\rreading \d+/\d+ \(\d+ s\)", shown)  # the count of the phase
    assert "\rwriting pages" in shown
    assert "\n" not in shown.replace("\r\n", "\n").rstrip("\n")  # one line, redrawn in place
    assert shown.endswith("\r")  # and cleared at the end: the summary is not overwritten
    assert "\r" not in out and re.match(r"built \d+ pages in [\d.]+ s \(.*reading [\d.]+ s, ", out)


def test_check_clears_its_line_before_it_reports(corpus, monkeypatch) -> None:
    broken = corpus / "content/articles/broken.md"
    broken.write_text("---\ntitle: x\nlanguage: en\n---\n[[Nobody]]\n")
    try:
        code, shown, _ = run_on_terminal(["check", "--root", str(corpus)], monkeypatch)
    finally:
        broken.unlink()
    assert code == 1
    assert "\rreading" in shown
    assert re.search(r" +\rcontent/articles/broken.md:5:1: error", shown)  # the line blanked, then the error


def test_the_search_bundles_are_counted(corpus, monkeypatch) -> None:
    code, shown, _ = run_on_terminal(["--root", str(corpus), "--out", str(corpus / "s")], monkeypatch)
    assert code == 0
    assert re.search(r"\rsearch bundle \d+/\d+", shown)


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--quiet"], {}), ([], {"CI": "true"}), ([], {"TERM": "dumb"})],
    ids=["quiet", "CI", "dumb"],
)
def test_nothing_is_drawn_under_quiet_in_ci_or_on_a_dumb_terminal(corpus, monkeypatch, args, env) -> None:
    (corpus / "content/articles/report-00001.md").write_text(
        (corpus / "content/articles/report-00001.md").read_text() + "\nOne more line.\n"
    )
    code, shown, _ = run_on_terminal(["--root", str(corpus), "--no-search", *args], monkeypatch, env=env)
    assert code == 0
    assert shown == ""


def test_nothing_is_drawn_when_stderr_is_not_a_terminal(corpus, monkeypatch, capsys) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.delenv("CI", raising=False)
    (corpus / "content/articles/report-00002.md").write_text(
        (corpus / "content/articles/report-00002.md").read_text() + "\nAnother line.\n"
    )
    assert main(["--root", str(corpus), "--no-search"]) == 0
    assert "\r" not in capsys.readouterr().err


def test_suggest_shows_the_articles_it_has_read(corpus, monkeypatch) -> None:
    code, shown, out = run_on_terminal(["suggest", "--root", str(corpus)], monkeypatch)
    assert code == 0
    assert re.search(r"\rreading \d+/\d+ ", shown)
    assert "\r" not in out


def test_the_summary_says_how_long_each_phase_took(monkeypatch) -> None:
    clock = iter(range(100))
    monkeypatch.setattr(progress.time, "monotonic", lambda: float(next(clock)))
    steps = progress.Progress(io.StringIO())
    steps.phase("reading", 10)
    steps.step(5)
    steps.phase("writing pages")
    timings = steps.finish()
    assert [name for name, _ in timings] == ["reading", "writing pages"]
    assert progress.summary(timings) == "reading 1.0 s, writing pages 1.0 s"
    assert steps.stream.getvalue() == ""  # not shown: not a terminal
