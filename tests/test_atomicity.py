"""Nothing lost: a build killed with SIGKILL at any moment leaves the old site or the new one, whole."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO
from test_build import pages_of as files_of

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate

TRIALS = 10


def build(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--root", str(root), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A dossier big enough that a build takes a while, with its article before and after an edit."""
    root = generate(120, tmp_path_factory.mktemp("kill") / "dossier")
    article = root / "content/articles/report-00003.md"
    before = article.read_text()
    after = before.replace("\n\n", "\n\nA sentence added by the edit.\n\n", 1)
    return root, before, after


def test_killed_builds_leave_the_old_or_the_new_site_never_a_mix(dossier) -> None:
    root, before, after = dossier
    article = root / "content/articles/report-00003.md"
    site = root / "site"
    expected = {}
    for state, text in (("old", before), ("new", after)):
        article.write_text(text)
        shutil.rmtree(root / ".cache", ignore_errors=True)
        started = time.monotonic()
        assert build(root).wait() == 0
        duration = time.monotonic() - started
        expected[state] = files_of(site)
    assert expected["old"] != expected["new"]

    chance = random.Random(20261122)
    seen = set()
    for trial in range(TRIALS):
        article.write_text(before)
        assert build(root).wait() == 0  # the old site, whatever the last trial left
        assert files_of(site) == expected["old"]
        article.write_text(after)
        # Kill anywhere from start-up to a little past the end of a whole build.
        delay = duration * 1.2 * (trial + chance.random()) / TRIALS
        process = build(root)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        found = files_of(site)
        state = next((name for name, files in expected.items() if files == found), None)
        assert state is not None, f"killed after {delay:.2f} s: the site is neither the old nor the new one"
        seen.add(state)
    assert seen == {"old", "new"}, "the kills should land both before and after the site was replaced"

    # The next build recovers: it completes the new site and sweeps up what the killed ones left.
    assert build(root).wait() == 0
    assert files_of(site) == expected["new"]
    time.sleep(0.5)  # the replaced folder is removed by a detached process
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".site.")]
    for _ in range(50):
        if not leftovers:
            break
        time.sleep(0.1)
        leftovers = [p.name for p in root.iterdir() if p.name.startswith(".site.")]
    assert leftovers == []


def test_a_killed_cache_write_is_never_read_as_a_cache(dossier) -> None:
    root, before, after = dossier
    article = root / "content/articles/report-00003.md"
    article.write_text(before)
    assert build(root).wait() == 0
    caches = list((root / ".cache").glob("build-*.pickle"))
    assert caches
    cut = caches[0].read_bytes()
    caches[0].write_bytes(cut[: len(cut) // 2])  # what a writer killed mid-file would leave, at worst
    article.write_text(after)
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(root)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "the build cache could not be read" in result.stderr
    assert "Traceback" not in result.stderr
    assert os.path.getsize(caches[0]) > len(cut) // 2  # rewritten whole


def test_a_file_replaced_through_a_staging_folder_arrives_whole_and_leaves_nothing(tmp_path: Path) -> None:
    """An action's files are written in a folder beside content/ and moved into place, so that a
    watcher of content/ hears of each once: the bytes arrive whole, the file keeps its mode, and
    neither the folder nor a temporary file stays."""
    from dossier.authoring.files.newfiles import replace, staging_folder

    file = tmp_path / "content/articles/a.md"
    file.parent.mkdir(parents=True)
    file.write_bytes(b"before")
    file.chmod(0o640)
    with staging_folder(tmp_path) as staging:
        assert staging is not None and staging.parent == tmp_path
        replace(file, b"after", staging)
        replace(tmp_path / "content/articles/new.md", b"new", staging)
    assert file.read_bytes() == b"after" and file.stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "content/articles/new.md").read_bytes() == b"new"
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "content", "content/articles", "content/articles/a.md", "content/articles/new.md"
    ]  # fmt: skip
