"""Incremental builds: after any edit, only some outputs are re-made, and the result is byte for
byte what a cold build gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dossier.diagnostics import ContentError
from dossier.incremental.project import Project


class FolderSink:
    """Applies a build to a folder in place, as the preview does."""

    def __init__(self, folder: Path):
        self.folder = folder

    def write(self, path: str, data: bytes) -> None:
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def later(self, path: str, produce: Callable[[], bytes]) -> None:
        self.write(path, produce())

    def keep(self, path: str) -> None:
        assert (self.folder / path).is_file(), f"kept {path}, which was never written"

    def remove(self, path: str) -> None:
        (self.folder / path).unlink()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def cold(root: Path, into: Path, serving: bool) -> dict[str, bytes]:
    Project(root, serving=serving).build(FolderSink(into))
    return snapshot(into)


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        file = root / path
        text = file.read_text()
        assert old in text, (path, old)
        file.write_text(text.replace(old, new))

    return edit


def write(path: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)

    return edit


def append(path: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as file:
            file.write(text)

    return edit


def both(*edits: Callable[[Path], None]) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        for one in edits:
            one(root)

    return edit


def delete(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


EDITS = [
    ("article text", replace("content/articles/first.md", "it will spend", "it plans to spend")),
    ("new mention", replace("content/articles/first.md", "it plans to spend", "[[Jane Roe]] plans to spend")),
    ("mention removed", replace("content/articles/second.md", "[[Jane Roe]]", "Jane Roe")),
    ("entity body edited", replace("content/entities/acme.md", "led by [[Jane Roe]]", "led by people")),
    (
        "claim removed",
        replace("content/articles/first.md", '[$28 bn]{fig=pledge value="28 bn" unit=USD}', "$28 bn"),
    ),
    ("new claim value", replace("content/articles/second.md", 'value="200 bn"', 'value="201 bn"')),
    (
        "entity summary",
        replace("content/entities/jane-roe.md", "role:", "summary: Now with a summary.\nrole:"),
    ),
    ("alias moved", replace("content/entities/acme.md", "aliases: [ACME]", "aliases: [ACME, Acme Inc]")),
    ("figure label", replace("content/figures.yaml", "Five-year pledge", "The five-year pledge")),
    ("event date", replace("content/events.yaml", "2025-04-30", "2025-Q2")),
    (
        "event added and claimed",
        both(
            append(
                "content/events.yaml",
                "board-day:\n  date: 2025-05-02\n  title: The board met\n  entities: [Jane Roe]\n",
            ),
            replace("content/articles/first.md", "plans to spend", "plans [to spend]{event=board-day}"),
        ),
    ),
    (
        "figure added",
        append("content/figures.yaml", "staff:\n  label: Staff\n  unit: people\n  entity: Jane Roe\n"),
    ),
    ("figure entity moved", replace("content/figures.yaml", "entity: Jane Roe", "entity: ACME")),
    (
        "unclaimed figure removed",
        replace("content/figures.yaml", "staff:\n  label: Staff\n  unit: people\n  entity: ACME\n", ""),
    ),
    ("article source", replace("content/articles/second.md", "language: de", "language: de\nsource: ACME")),
    (
        "article added",
        write(
            "content/articles/third.md",
            '---\ntitle: Third\nlanguage: en\n---\n[[Daily Paper]]: [202 bn]{fig=pledge value="202 bn"}.\n',
        ),
    ),
    ("article deleted", delete("content/articles/second.md")),
    ("home", replace("content/index.md", "A dossier about", "The dossier about")),
    (
        "layout",
        write("layouts/timeline.html", '{% extends "base.html" %}{% block main %}<p>own</p>{% endblock %}'),
    ),
    (
        "passage layout",
        write("layouts/passage.html", "<blockquote>{{ before }}<b>{{ text }}</b>{{ after }}</blockquote>"),
    ),
    ("asset", write("layouts/assets/style.css", "body { color: teal }\n")),
    ("config", replace("config.yaml", "Test dossier", "Renamed dossier")),
]


@pytest.mark.parametrize("serving", [False, True], ids=["publish", "preview"])
def test_every_edit_ends_equal_to_a_cold_build(make_dossier, tmp_path: Path, serving: bool) -> None:
    root = make_dossier()
    live = tmp_path / "live"
    project = Project(root, serving=serving)
    project.build(FolderSink(live))
    for number, (name, edit) in enumerate(EDITS):
        edit(root)
        outcome = project.build(FolderSink(live))
        assert snapshot(live) == cold(root, tmp_path / f"cold-{number}", serving), name
        if name == "article text":
            assert "articles/first/index.html" in outcome.rendered
            assert "articles/second/index.html" not in outcome.changed
            assert "entities/daily-paper/index.html" not in outcome.rendered  # shows only its title
            assert len(outcome.rendered) < 11 + 8
            assert outcome.parsed == 1
        if name == "event added and claimed":  # an edit of an entry: not every page again
            assert "articles/second/index.html" not in outcome.rendered  # it names no new entry
            assert {
                "timeline/index.html",
                "articles/first/index.html",
                "entities/jane-roe/index.html",
            } <= set(outcome.rendered)
        if name == "layout":
            assert outcome.rendered == ["timeline/index.html"]
        if name == "asset" and serving:
            assert outcome.rendered == ["assets/style.css"]


def test_an_edit_in_one_sentence_re_renders_only_the_entities_named_in_it(make_dossier, tmp_path) -> None:
    two_sentences = (
        "---\ntitle: ACME pledges money\nlanguage: en\n---\n"
        '[[ACME]] said [on 30 April]{event=pledge-day} it will spend [200 bn]{fig=pledge value="200 bn"}.\n\n'
        "[[Jane Roe]] leads the company.\n"
    )
    root = make_dossier({"content/articles/first.md": two_sentences})
    project = Project(root)
    project.build(FolderSink(tmp_path / "live"))
    replace("content/articles/first.md", "leads the company", "still leads the company")(root)
    outcome = project.build(FolderSink(tmp_path / "live"))
    assert "entities/jane-roe/index.html" in outcome.rendered  # its quote of the sentence changed
    assert "entities/acme/index.html" not in outcome.rendered  # shares the article, not the sentence
    assert project._items_made == {"jane-roe"}  # of data/entities.json, only its item is made again
    assert snapshot(tmp_path / "live") == cold(root, tmp_path / "cold", False)
    replace("content/articles/first.md", "[[Jane Roe]] still", "[[Daily Paper]] still")(root)
    outcome = project.build(FolderSink(tmp_path / "live"))
    assert "entities/acme/index.html" in outcome.rendered  # who it appears with changed
    assert snapshot(tmp_path / "live") == cold(root, tmp_path / "cold-2", False)


def test_a_passage_layout_change_re_renders_the_pages_that_quote_passages(make_dossier, tmp_path) -> None:
    root = make_dossier()
    project = Project(root)
    project.build(FolderSink(tmp_path / "live"))
    write("layouts/passage.html", '<q class="own">{{ before }}<mark>{{ text }}</mark>{{ after }}</q>')(root)
    outcome = project.build(FolderSink(tmp_path / "live"))
    quoting = {"index.html", "timeline/index.html", "figures/index.html"}
    entities = {path for path in outcome.rendered if path.startswith("entities/") and path.count("/") == 2}
    assert quoting <= set(outcome.rendered) and entities
    assert not [path for path in outcome.rendered if path.startswith("articles/")]  # they quote nothing
    page = (tmp_path / "live/entities/jane-roe/index.html").read_text()
    assert '<q class="own">' in page and "<mark>Jane Roe</mark>" in page
    assert snapshot(tmp_path / "live") == cold(root, tmp_path / "cold", False)


def test_nothing_changed_renders_nothing(make_dossier, tmp_path: Path) -> None:
    import gc

    root = make_dossier()
    project = Project(root)
    project.build(FolderSink(tmp_path / "a"))
    frozen = gc.get_freeze_count()
    outcome = project.build(FolderSink(tmp_path / "a"))
    assert outcome.rendered == [] and outcome.parsed == 0 and outcome.changed == set()
    # What the dossier's reading made stays out of the cycle collector's way: a full collection
    # of a large dossier's objects takes the processor for a long moment (see `parsing.py`).
    assert frozen > 0 and gc.get_freeze_count() > frozen // 2


def test_only_named_files_are_reread_when_the_caller_says_what_changed(make_dossier, tmp_path) -> None:
    root = make_dossier()
    project = Project(root, serving=True)
    project.build(FolderSink(tmp_path / "a"))
    replace("content/articles/first.md", "it will spend", "it may spend")(root)
    replace("content/articles/second.md", "bestätigte", "sagte")(root)
    outcome = project.build(FolderSink(tmp_path / "a"), changed={"content/articles/first.md"})
    assert outcome.sources_changed == {"content/articles/first.md"}
    assert outcome.parsed == 1


def test_every_edit_with_a_page_open_in_the_preview_ends_equal_to_a_cold_build(
    make_dossier, tmp_path
) -> None:
    """The preview makes the pages an open tab shows first and the others after (see live.py): once
    those are made, its site is byte for byte a cold build's."""
    from dossier.preview.live import Preview

    root = make_dossier()
    preview = Preview(root)
    try:
        preview.rebuild(None)
        preview.subscribe("articles/first/index.html")
        for number, (name, edit) in enumerate(EDITS):
            edit(root)
            outcome, problems = preview.rebuild(None)
            assert outcome is not None, (name, problems)
            if name == "article text":  # the open page made, the others it reaches left for after
                assert "articles/first/index.html" in outcome.rendered
                assert {p for p in outcome.changed - set(outcome.rendered) if p.endswith(".html")}
            for path in list(preview.site._later):  # made when asked for, or right after
                preview.site.materialize(path)
            assert snapshot(preview.folder) == cold(root, tmp_path / f"cold-{number}", True), name
    finally:
        preview.close()


def test_pages_no_tab_shows_are_viewed_after_the_build_and_their_records_kept(make_dossier, tmp_path) -> None:
    """An edit's build makes the open page and leaves the other pages it reaches unviewed (see
    reach.LaterPages): `finish`, which the preview runs right after the build and every build runs
    first, takes in their dependency records, the same a cold build gives."""
    from dossier.preview.live import LiveSite

    root = make_dossier()
    project, site = Project(root, serving=True), LiveSite(tmp_path / "served")
    site.begin()
    project.build(site)
    site.commit()
    site.open_pages = {"articles/first/index.html"}
    append("content/articles/first.md", "\n[[Jane Roe]] agreed.\n")(root)
    site.begin()
    outcome = project.build(site)
    site.commit()
    jane = "entities/jane-roe/index.html"
    assert "articles/first/index.html" in outcome.rendered and jane not in outcome.rendered
    assert jane in project._later_pages.paths  # reached, not yet viewed
    project.finish()
    assert not project._later_pages.paths
    fresh = Project(root, serving=True)
    fresh.build(FolderSink(tmp_path / "cold"))
    assert project.output_inputs[jane] == fresh.output_inputs[jane]
    assert "articles/first.md" in str(project.output_inputs[jane])  # the dependency the edit made
    site.materialize(jane)
    assert (tmp_path / "served" / jane).read_bytes() == (tmp_path / "cold" / jane).read_bytes()


def test_a_document_read_ahead_is_taken_by_the_build_when_the_file_holds_those_bytes(
    make_dossier, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review checks the files of a decision as the build reads them before it writes them
    (`Documents.read_ahead`); the build after the write takes that reading rather than read the file
    again, and ends as a cold build does. Other bytes in the file by then are read again."""
    from dossier.incremental import documents

    root = make_dossier()
    project, live, path = Project(root, serving=True), tmp_path / "live", "content/articles/first.md"
    staged = tmp_path / "staged"
    (staged / path).parent.mkdir(parents=True)
    after = (root / path).read_text().replace("it will spend", "it may spend")
    (staged / path).write_text(after)
    assert project.documents.read_ahead(staged, path) is None  # no build has read the dossier yet
    project.build(FolderSink(live))
    reads: list[str] = []
    reading = documents.read_document

    def recorded(folder: Path, *arguments):
        reads.append(folder.name)
        return reading(folder, *arguments)

    monkeypatch.setattr(documents, "read_document", recorded)
    assert [str(d) for d in project.documents.read_ahead(staged, path) if d.severity == "error"] == []
    (root / path).write_text(after)
    outcome = project.build(FolderSink(live), changed={path})
    assert reads == ["staged"] and "articles/first/index.html" in outcome.rendered
    assert snapshot(live) == cold(root, tmp_path / "cold", True)

    reads.clear()
    project.documents.read_ahead(staged, path)
    (root / path).write_text(after.replace("it may spend", "it might spend"))
    project.build(FolderSink(live), changed={path})
    assert reads == ["staged", "dossier"]
    assert snapshot(live) == cold(root, tmp_path / "cold-again", True)


def test_a_content_error_read_ahead_is_reported_as_the_build_would(make_dossier, tmp_path: Path) -> None:
    root = make_dossier()
    project, path = Project(root, serving=True), "content/articles/first.md"
    project.build(FolderSink(tmp_path / "live"))
    staged = tmp_path / "staged"
    (staged / path).parent.mkdir(parents=True)
    (staged / path).write_text((root / path).read_text().replace("title:", "titel:", 1))
    errors = [str(d) for d in project.documents.read_ahead(staged, path) if d.severity == "error"]
    (root / path).write_text((staged / path).read_text())
    with pytest.raises(ContentError) as raised:
        project.build(FolderSink(tmp_path / "live"), changed={path})
    reported = [str(d) for d in raised.value.diagnostics if d.severity == "error"]
    assert errors and sorted(errors) == sorted(reported)


def test_an_edit_resolves_to_what_resolving_everything_gives(make_dossier, tmp_path: Path) -> None:
    """Citations of the edited articles are taken out of each list where they stand and the new
    ones put in their places: every list as a cold resolve orders it (articles, then entities, each
    by file name), whichever article in the middle of a list is edited."""
    article = (
        "---\ntitle: T{n}\nlanguage: en\n---\n"
        '[[ACME]] met [[Jane Roe]]; it pledged [9 bn yuan]{{fig=pledge value="9 bn"}}.\n'
    )
    files = {f"content/articles/a{n:02}.md": article.format(n=n) for n in range(12)}
    root = make_dossier(files)
    project = Project(root, serving=True)
    project.build(FolderSink(tmp_path / "live"))
    for edit in (
        replace("content/articles/a05.md", "[[Jane Roe]]", "Jane Roe"),
        replace("content/articles/a07.md", "met [[Jane Roe]]", "met [[Jane Roe]] and [[ACME]]"),
        both(
            replace("content/articles/a05.md", "Jane Roe;", "[[Jane Roe]];"),
            replace("content/articles/a00.md", "yuan]", 'yuan] or [8 bn yuan]{fig=pledge value="8 bn"}'),
        ),
    ):
        edit(root)
        project.build(FolderSink(tmp_path / "live"))
        cold_project = Project(root)
        cold_project.build(FolderSink(tmp_path / "cold"))

        def cited(dossier) -> dict[str, list[tuple[str, int]]]:
            indexes = {**dossier.mentions, **dossier.figure_claims}
            return {key: [(c.document.path, c.index) for c in found] for key, found in indexes.items()}

        assert cited(project.dossier) == cited(cold_project.dossier)


def test_a_build_that_changes_nothing_leaves_the_open_tabs_fetches_awaited(tmp_path: Path) -> None:
    """The watcher's build of files a review action already built changes nothing: the work after
    the action's build (the pages no tab shows) still waits for the open tabs to fetch its pages."""
    import time

    from dossier.preview.live import LiveSite

    site = LiveSite(tmp_path / "served")
    site.open_pages = {"articles/a/index.html", "articles/b/index.html"}
    site.expect_fetches(["articles/a/index.html"])
    site.expect_fetches([])  # the watcher's build
    started = time.monotonic()
    site.wait_for_fetches(0.2)
    assert time.monotonic() - started >= 0.2  # still awaited
    site.fetched("articles/a/index.html")
    started = time.monotonic()
    site.wait_for_fetches(5)
    assert time.monotonic() - started < 1
    site.expect_fetches(["articles/b/index.html"])
    site.open_pages = {"articles/a/index.html"}  # b's tab closed: no longer awaited
    site.expect_fetches([])
    started = time.monotonic()
    site.wait_for_fetches(5)
    assert time.monotonic() - started < 1


def test_files_that_hold_the_bytes_last_built_make_no_build(make_dossier) -> None:
    """The watcher reports the files a review action wrote after the action's own build read them:
    the preview finds nothing to do without a build, so no open tab waits for one."""
    from dossier.preview.live import Preview

    root = make_dossier()
    path = "content/articles/first.md"
    preview = Preview(root)
    try:
        preview.rebuild(None)
        number = preview.last.number
        (root / path).write_text((root / path).read_text())  # the same bytes, written again
        outcome, problems = preview.rebuild({path})
        assert outcome is not None and outcome.rendered == [] and problems == outcome.diagnostics
        assert preview.last.number == number and not preview.site.building
        replace(path, "it will spend", "it may spend")(root)
        outcome, _ = preview.rebuild({path})
        assert preview.last.number == number + 1 and "articles/first/index.html" in outcome.changed
    finally:
        preview.close()
