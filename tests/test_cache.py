"""The persistent build cache: never stale, never required, and idle when nothing changed."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

from conftest import run
from test_build import pages_of as files_of

from dossier.incremental.cache import CACHE_FOLDER


def cold_copy(root: Path, tmp_path: Path, capsys) -> dict[str, bytes]:
    """A build of the same content with no cache at all."""
    fresh = tmp_path / "fresh"
    shutil.copytree(root, fresh, ignore=shutil.ignore_patterns("site", ".site.*", CACHE_FOLDER))
    assert run(fresh, capsys=capsys)[0] == 0
    return files_of(fresh / "site")


def test_a_build_from_cache_equals_a_cold_build(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    assert run(root, capsys=capsys)[0] == 0
    assert list((root / CACHE_FOLDER).glob("build-*.pickle"))
    article = root / "content/articles/first.md"
    article.write_text(article.read_text().replace("it will spend", "it will now spend"))
    code, out, _ = run(root, capsys=capsys)
    assert code == 0
    assert "files unchanged" in out
    assert files_of(root / "site") == cold_copy(root, tmp_path, capsys)


def test_many_edits_in_a_row_stay_equal_to_cold_builds(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    edits = [
        ("content/articles/second.md", "[[Jane Roe]]", "[[ACME]]"),
        ("content/entities/acme.md", "A maker of everything.", "A maker of most things."),
        ("content/figures.yaml", "Five-year pledge", "Pledge over five years"),
        ("content/articles/first.md", "published: 2025-04-30", "published: 2025-05-01"),
    ]
    for number, (path, old, new) in enumerate(edits):
        file = root / path
        file.write_text(file.read_text().replace(old, new))
        assert run(root, capsys=capsys)[0] == 0
        assert files_of(root / "site") == cold_copy(root, tmp_path / str(number), capsys), path


def cache_files(root: Path) -> tuple[Path, Path]:
    (full,) = (root / CACHE_FOLDER).glob("build-*.pickle")
    return full, full.with_suffix(".journal")


def test_edit_builds_append_to_a_journal_and_equal_cold_builds(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    full, journal = cache_files(root)
    written = full.stat().st_mtime_ns
    edits = [  # each keeps every entity's names, so the cached resolution is patched, not redone
        ("content/articles/first.md", "it will spend", "it will now spend"),
        ("content/articles/second.md", "[[Jane Roe]]", "[[ACME]]"),
        ("content/articles/first.md", "[[ACME]] said", "[[Jane Roe]] said"),
        ("content/entities/acme.md", "led by [[Jane Roe]]", "led by [[Jane Roe]] and others"),
        ("content/articles/second.md", 'value="200 bn"}', 'value="210 bn"}'),
        ("content/figures.yaml", "label: Five-year pledge", "label: Pledge over five years"),
        ("content/events.yaml", "Jane Roe]\n", "Jane Roe]\nboard-day:\n  date: 2025-05-02\n  title: Met\n"),
        ("content/articles/first.md", "it will now spend", "it will [now spend]{event=board-day}"),
    ]
    for number, (path, old, new) in enumerate(edits):
        file = root / path
        assert old in file.read_text()
        file.write_text(file.read_text().replace(old, new))
        assert run(root, capsys=capsys)[0] == 0
        assert full.stat().st_mtime_ns == written, "an edit build rewrote the whole cache"
        assert journal.is_file()
        assert files_of(root / "site") == cold_copy(root, tmp_path / str(number), capsys), path
    acme = root / "content/entities/acme.md"  # a new alias: names change, so it is saved whole
    acme.write_text(acme.read_text().replace("aliases: [ACME]", "aliases: [ACME, Acme Inc]"))
    assert run(root, capsys=capsys)[0] == 0
    assert full.stat().st_mtime_ns != written and not journal.exists()
    assert files_of(root / "site") == cold_copy(root, tmp_path / "renamed", capsys)


def test_a_journal_cut_short_is_read_up_to_the_cut(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    article = root / "content/articles/first.md"
    article.write_text(article.read_text().replace("it will spend", "it will now spend"))
    run(root, capsys=capsys)
    _, journal = cache_files(root)
    journal.write_bytes(journal.read_bytes()[:-10])  # as a build killed while appending leaves it
    article.write_text(article.read_text().replace("it will now spend", "it will soon spend"))
    code, _, err = run(root, capsys=capsys)
    assert code == 0 and "warning" not in err
    assert files_of(root / "site") == cold_copy(root, tmp_path, capsys)


def test_loading_the_cache_reads_a_body_only_when_it_is_used(make_dossier, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    full, _ = cache_files(root)
    with full.open("rb") as handle:
        _, project = pickle.load(handle)
    dossier = project.dossier
    documents = [*dossier.articles, *dossier.entities.values()]
    assert len(documents) > 2 and not any("body" in d.__dict__ for d in documents)
    (citation, *_) = dossier.mentions["jane-roe"]
    mention = citation.annotation  # looked up in its document's body, read now
    assert mention is citation.document.body.mentions[citation.index]
    assert mention.target == "Jane Roe"
    assert [d.path for d in documents if "body" in d.__dict__] == [citation.document.path]


def test_nothing_changed_writes_nothing(make_dossier, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    site = root / "site"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*")}
    inode = site.stat().st_ino
    code, out, _ = run(root, capsys=capsys)
    assert code == 0 and "24 of 24 files unchanged" in out
    assert site.stat().st_ino == inode
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*")} == before


def test_unchanged_files_are_carried_over_not_rewritten(make_dossier, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    kept = root / "site/entities/daily-paper/index.html"
    inode = kept.stat().st_ino
    article = root / "content/articles/second.md"
    article.write_text(article.read_text().replace("bestätigte", "nannte"))
    run(root, capsys=capsys)
    assert kept.stat().st_ino == inode  # the same file, linked into the new folder


def test_a_rewritten_page_never_writes_through_to_the_published_one(make_dossier, tmp_path, capsys) -> None:
    """The staging folder starts as hard links to the published files; a changed page must be a
    new file there, or the old site (still being served until the swap) would change under it."""
    root = make_dossier()
    run(root, capsys=capsys)
    page = root / "site/articles/first/index.html"
    published = page.read_bytes()
    os.link(page, tmp_path / "held.html")  # the published file itself, whatever its name becomes
    article = root / "content/articles/first.md"
    article.write_text(article.read_text().replace("it will spend", "it will now spend"))
    run(root, capsys=capsys)
    assert b"now spend" in page.read_bytes()
    assert (tmp_path / "held.html").read_bytes() == published


def test_a_removed_article_leaves_no_page_behind(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    (root / "content/articles/second.md").unlink()
    assert run(root, capsys=capsys)[0] == 0
    assert not (root / "site/articles/second").exists()
    assert files_of(root / "site") == cold_copy(root, tmp_path, capsys)


def spare_of(root: Path) -> Path:
    (spare,) = (root / CACHE_FOLDER).glob("site-*")
    return spare


def test_the_replaced_site_is_reused_and_stays_equal_to_cold_builds(make_dossier, tmp_path, capsys) -> None:
    """Each build keeps the folder it replaced and the next one builds in it, after bringing it up
    to date: through edits, a removed page and an added one, the site equals a cold build."""
    root = make_dossier()
    run(root, capsys=capsys)
    steps = [
        lambda: replace(root / "content/articles/first.md", "it will spend", "it will now spend"),
        lambda: (root / "content/articles/second.md").unlink(),
        lambda: replace(root / "content/articles/first.md", "now spend", "soon spend"),
        lambda: (root / "content/articles/third.md").write_text(
            "---\ntitle: Third\nlanguage: en\n---\nOn [[ACME]].\n"
        ),
        lambda: replace(root / "content/articles/third.md", "On [[ACME]]", "About [[ACME]]"),
    ]
    for number, step in enumerate(steps):
        step()
        code, _, err = run(root, capsys=capsys)
        assert code == 0, err
        assert files_of(root / "site") == cold_copy(root, tmp_path / str(number), capsys), number
        assert spare_of(root).is_dir()
    assert not (root / "site/articles/second").exists()


def test_a_spare_that_does_not_match_the_site_is_not_used(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    for number in range(2):  # the second edit build leaves a spare behind
        replace(root / "content/articles/first.md", "spend", f"spend{number}")
        run(root, capsys=capsys)
    (spare_of(root) / "index.html").write_text("stale")
    (root / "site/robots.txt").write_text((root / "site/robots.txt").read_text())  # same bytes
    os.utime(root / "site", ns=(1, 1))  # the folder is no longer the one the spare was left for
    replace(root / "content/articles/first.md", "spend1", "spend2")
    assert run(root, capsys=capsys)[0] == 0
    assert files_of(root / "site") == cold_copy(root, tmp_path, capsys)


def test_a_spare_that_cannot_be_updated_gives_way_to_a_copy(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    for number in range(2):
        replace(root / "content/articles/first.md", "spend", f"spend{number}")
        run(root, capsys=capsys)
    pending = spare_of(root) / ".dossier-pending.json"
    record = json.loads(pending.read_text())
    pending.write_text(json.dumps({**record, "paths": ["articles", *record["paths"]]}))  # a folder
    replace(root / "content/articles/first.md", "spend1", "spend2")
    code, _, err = run(root, capsys=capsys)
    assert code == 0 and err == ""
    assert files_of(root / "site") == cold_copy(root, tmp_path, capsys)


def test_without_a_usable_cache_no_published_file_is_carried_over(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    (root / "content/articles/second.md").unlink()
    for file in (root / CACHE_FOLDER).glob("build-*.pickle"):
        file.write_bytes(b"damaged")
    assert run(root, capsys=capsys)[0] == 0
    assert not (root / "site/articles/second").exists()
    assert files_of(root / "site") == cold_copy(root, tmp_path, capsys)


def replace(file: Path, old: str, new: str) -> None:
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new))


def test_a_damaged_cache_warns_and_rebuilds(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    for file in (root / CACHE_FOLDER).glob("build-*"):
        file.write_bytes(b"not a pickle")
    article = root / "content/articles/first.md"
    article.write_text(article.read_text().replace("it will spend", "it will soon spend"))
    code, _, err = run(root, capsys=capsys)
    assert code == 0
    assert ".cache/:1:1: warning: the build cache could not be read" in err
    assert files_of(root / "site") == cold_copy(root, tmp_path, capsys)


def test_a_body_file_cut_short_or_missing_warns_and_rebuilds(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    article = root / "content/articles/first.md"
    for damage in ("cut", "delete"):
        run(root, capsys=capsys)
        (bodies,) = (root / CACHE_FOLDER).glob("build-*.bodies")  # the bodies of the one full cache
        if damage == "cut":
            bodies.write_bytes(bodies.read_bytes()[:-100])
        else:
            bodies.unlink()
        article.write_text(article.read_text().replace("spend", f"spend ({damage})"))
        code, _, err = run(root, capsys=capsys)
        assert code == 0
        assert ".cache/:1:1: warning: the build cache could not be read" in err
        assert files_of(root / "site") == cold_copy(root, tmp_path / damage, capsys)


def test_a_full_cache_keeps_one_body_file(make_dossier, capsys) -> None:
    root = make_dossier()
    (root / CACHE_FOLDER).mkdir()
    stale = root / CACHE_FOLDER / "pending-999999999.bodies"  # left by a build that was killed
    stale.write_bytes(b"half a body")
    for _ in range(3):
        (root / "config.yaml").write_text((root / "config.yaml").read_text() + "\n")  # saved whole
        assert run(root, capsys=capsys)[0] == 0
    assert len(list((root / CACHE_FOLDER).glob("build-*.bodies"))) == 1
    assert not list((root / CACHE_FOLDER).glob("pending-*"))  # adopted as the body file, or removed
    article = root / "content/articles/first.md"
    article.write_text(article.read_text().replace("it will spend", "it will soon spend"))
    assert run(root, capsys=capsys)[0] == 0  # an edit: a journal entry, the body file as it was
    assert len(list((root / CACHE_FOLDER).glob("build-*.bodies"))) == 1


def test_a_deleted_or_replaced_site_is_rebuilt_in_full(make_dossier, tmp_path, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    shutil.rmtree(root / "site")
    assert run(root, capsys=capsys)[0] == 0
    assert files_of(root / "site") == cold_copy(root, tmp_path, capsys)
    (root / "site/index.html").write_text("tampered")
    shutil.copytree(root / "site", tmp_path / "moved")
    shutil.rmtree(root / "site")
    shutil.move(tmp_path / "moved", root / "site")  # another folder: the cache must not trust it
    assert run(root, capsys=capsys)[0] == 0
    assert (root / "site/index.html").read_text() != "tampered"


def test_the_cache_folder_ignores_itself(make_dossier, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    assert (root / CACHE_FOLDER / ".gitignore").read_text() == "*\n"


def test_a_file_status_vouches_for_its_bytes_only_when_not_racy() -> None:
    from dossier.incremental.freshness import RACY_NS
    from dossier.incremental.freshness import same_bytes as _same_bytes

    status = (120, 1_000 * RACY_NS, 1_000 * RACY_NS, 42)
    read_long_after = 1_002 * RACY_NS
    assert _same_bytes(status, (status, read_long_after))
    assert not _same_bytes(status, (status, status[1] + RACY_NS // 2))  # written as it was read
    assert not _same_bytes((121, *status[1:]), (status, read_long_after))
    assert not _same_bytes(status, None)


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(make_dossier, capsys) -> None:
    root = make_dossier()
    article = root / "content/articles/first.md"
    old = os.stat(article).st_mtime_ns - 10 * 10**9
    os.utime(article, ns=(old, old))
    assert run(root, capsys=capsys)[0] == 0
    text = article.read_text()
    article.write_text(text.replace("spend", "SPEND"))  # same size...
    os.utime(article, ns=(old, old))  # ...and the same mtime: only the change time tells
    assert run(root, capsys=capsys)[0] == 0
    assert "SPEND" in (root / "site/articles/first/index.html").read_text()
