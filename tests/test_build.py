"""End-to-end builds of small dossiers written by the tests."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run, run_process
from linkcheck import broken_links

EXPECTED_FILES = {
    "index.html",
    "articles/index.html",
    "articles/first/index.html",
    "articles/second/index.html",
    "entities/index.html",
    "entities/acme/index.html",
    "entities/jane-roe/index.html",
    "entities/daily-paper/index.html",
    "timeline/index.html",
    "figures/index.html",
    "data/entities.json",
    "data/events.json",
    "data/figures.json",
    "data/figures.csv",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "404.html",
    ".nojekyll",
}


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def pages_of(site: Path) -> dict[str, bytes]:
    """The site's files but its search index, which is checked whole and left out: bundles are
    kept from build to build, so the index a site ends with depends on the builds before (which
    pages sit in the recent bundle), not only on the content. Its results do not (test_search_parts)."""
    files = files_of(site)
    listing = json.loads(files.pop("pagefind/bundles.json", "{}"))
    for bundle in listing.get("bundles", []):
        assert f"pagefind/{bundle}pagefind.js" in files, f"{bundle} is listed but not in the site"
    return {path: data for path, data in files.items() if not path.startswith("pagefind/")}


def test_builds_every_page(make_dossier, capsys) -> None:
    root = make_dossier()
    code, out, err = run(root, capsys=capsys)
    assert code == 0, err
    search = r"search index: 5 pages indexed in 1 of 1 bundle|search skipped: .*"
    phases = r"( \((\w[\w ]* \d+\.\d s(, )?)+\))?"  # the phases that took a tenth of a second or more
    assert re.fullmatch(rf"built 11 pages in \d+\.\d\d s{phases}\n({search})\n", out)
    files = files_of(root / "site")
    assert set(files) >= EXPECTED_FILES
    assert any(name.startswith("assets/style.") and name.endswith(".css") for name in files)


def test_every_relative_link_resolves(make_dossier, capsys) -> None:
    root = make_dossier()
    assert run(root, capsys=capsys)[0] == 0
    assert broken_links(root / "site") == []


def test_links_are_relative_and_404_is_rooted(make_dossier, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    article = (root / "site/articles/first/index.html").read_text()
    assert 'href="../../entities/acme/"' in article
    assert 'href="../../figures/#figure-pledge"' in article
    assert 'href="https://example.org/test/articles/first/"' in article  # canonical only
    not_found = (root / "site/404.html").read_text()
    assert 'href="/test/timeline/"' in not_found
    assert "/test/assets/style." in not_found


def test_article_page_shows_annotations_and_metadata(make_dossier, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    first = (root / "site/articles/first/index.html").read_text()
    assert '<article class="source" lang="en" data-pagefind-body>' in first
    assert 'id="fig-pledge-1"' in first and 'id="fig-pledge-2"' in first
    assert 'id="ev-pledge-day-1"' in first
    assert 'title="Organization: ACME Corp — A maker of everything."' in first
    assert '<time datetime="2025-04-30">30 April 2025</time>' in first
    second = (root / "site/articles/second/index.html").read_text()
    assert '<article class="source" lang="de" data-pagefind-body>' in second
    assert "The copy does not name its outlet." in second
    assert "The copy does not name a date." in second


def test_entity_page_lists_mentions_in_context(make_dossier, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    page = (root / "site/entities/acme/index.html").read_text()
    assert 'href="../../articles/first/#m-acme-1"' in page
    assert "<mark>ACMEs</mark> Chef Jane Roe bestätigte 200 Milliarden Yuan." in page
    assert "Five-year pledge" in page  # figures about the entity
    assert "ACME announces its pledge" in page  # events with the entity
    assert 'href="../../entities/jane-roe/"' in page  # related by co-occurrence


def test_figures_are_grouped_corroborated_and_also_stated(make_dossier, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    figures = json.loads((root / "site/data/figures.json").read_text())
    (pledge,) = figures
    assert pledge["sources"] == 2
    assert pledge["conflict"] is False
    assert [c["document"] for c in pledge["claims"]] == [
        "content/articles/first.md",
        "content/articles/second.md",
    ]
    assert pledge["claims"][0]["url"] == "https://example.org/test/articles/first/#fig-pledge-1"
    assert [c["display"] for c in pledge["also_stated_as"]] == ["USD 28 bn"]
    assert pledge["claims"][0]["low"] == 200_000_000_000
    csv_text = (root / "site/data/figures.csv").read_text()
    assert csv_text.splitlines()[0].startswith("key,label,value,unit,low,high")
    assert len(csv_text.splitlines()) == 4
    html = (root / "site/figures/index.html").read_text()
    assert 'id="figure-pledge"' in html and "2 sources" in html


def test_conflicting_sources_warn_and_fail_only_when_strict(make_dossier, capsys) -> None:
    root = make_dossier(
        {
            "content/articles/second.md": """\
            ---
            title: Zweiter Bericht
            language: de
            ---
            [[ACME]] nannte [210 Milliarden]{fig=pledge value="210 bn"}.
            """
        }
    )
    code, _, err = run(root, capsys=capsys)
    assert code == 0
    assert (
        'content/figures.yaml:1:1: warning: figure "pledge": sources disagree: "200 bn" at '
        'content/articles/first.md:8:1 vs "210 bn" at content/articles/second.md:5:17'
    ) in err
    assert json.loads((root / "site/data/figures.json").read_text())[0]["conflict"] is True
    assert "sources disagree" in (root / "site/figures/index.html").read_text()
    code, _, err = run(root, "--strict", capsys=capsys)
    assert code == 1
    assert "build failed: 1 warning" in err


def test_timeline_orders_events_and_draws_an_axis(make_dossier, capsys) -> None:
    root = make_dossier(
        {
            "content/events.yaml": """\
            pledge-day:
              date: 2025-04-30
              title: ACME announces its pledge
            earlier:
              date: 2024-Q4~
              title: Earlier, roughly
            later:
              date: 2026/2030
              title: The pledge period
            """
        }
    )
    code, _, err = run(root, capsys=capsys)
    assert code == 0
    assert 'event "earlier" is never cited' in err
    html = (root / "site/timeline/index.html").read_text()
    assert html.index("Earlier, roughly") < html.index("ACME announces") < html.index("The pledge period")
    assert "c. Q4 2024" in html and "2026–2030" in html
    assert '<svg class="timeline-axis"' in html and "<desc" in html
    ET.fromstring(html[html.index("<svg") : html.index("</svg>") + 6])  # well-formed SVG


def test_feed_and_sitemap_are_well_formed_with_absolute_urls(make_dossier, capsys) -> None:
    root = make_dossier()
    run(root, capsys=capsys)
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(root / "site/feed.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 2
    for entry in entries:
        assert entry.find(f"{atom}link").get("href").startswith("https://example.org/test/articles/")
        assert entry.find(f"{atom}updated").text.endswith("Z")
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [e.text for e in ET.parse(root / "site/sitemap.xml").getroot().iter(f"{sm}loc")]
    assert "https://example.org/test/" in locs and "https://example.org/test/articles/first/" in locs
    assert len(locs) == 10  # every HTML page but 404.html
    robots = (root / "site/robots.txt").read_text()
    assert "Sitemap: https://example.org/test/sitemap.xml" in robots


def test_base_url_option_overrides_config(make_dossier, capsys) -> None:
    root = make_dossier()
    run(root, "--base-url", "https://user.github.io/repo", capsys=capsys)
    assert "https://user.github.io/repo/feed.xml" in (root / "site/feed.xml").read_text()
    assert 'href="/repo/timeline/"' in (root / "site/404.html").read_text()


def test_out_option_and_check_writes_nothing(make_dossier, capsys, tmp_path) -> None:
    root = make_dossier()
    code, out, _ = run(root, "check", capsys=capsys)
    assert code == 0 and out.startswith("checked in ")
    assert not (root / "site").exists()
    code, _, _ = run(root, "--out", str(tmp_path / "elsewhere"), capsys=capsys)
    assert code == 0 and (tmp_path / "elsewhere/index.html").is_file()


def test_builds_are_reproducible(make_dossier, capsys, tmp_path) -> None:
    root = make_dossier()
    run(root, "--out", str(tmp_path / "a"), capsys=capsys)
    run(root, "--out", str(tmp_path / "b"), capsys=capsys)
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")


def test_failed_build_leaves_previous_site_untouched(make_dossier, capsys) -> None:
    root = make_dossier()
    assert run(root, capsys=capsys)[0] == 0
    before = files_of(root / "site")
    (root / "content/articles/first.md").write_text("---\ntitle: x\nlanguage: en\n---\n[[Nobody]]\n")
    code, _, err = run(root, capsys=capsys)
    assert code == 1
    assert 'content/articles/first.md:5:1: error: unknown entity "Nobody"' in err
    assert files_of(root / "site") == before
    assert [p.name for p in root.iterdir() if p.name.startswith(".site")] == []


def test_reports_every_error_not_just_the_first(make_dossier, capsys) -> None:
    root = make_dossier(
        {
            "content/articles/third.md": """\
            ---
            title: Third
            language: en
            ---
            [[Acme Crop]] and [[Jane Doe]] said [x]{fig=pledg value=1} [y]{event=nope}.
            """
        }
    )
    code, _, err = run(root, capsys=capsys)
    assert code == 1
    lines = err.strip().splitlines()
    assert lines == [
        'content/articles/third.md:5:1: error: unknown entity "Acme Crop" (did you mean "ACME Corp"?)',
        'content/articles/third.md:5:19: error: unknown entity "Jane Doe" (did you mean "Jane Roe"?)',
        'content/articles/third.md:5:37: error: unknown figure "pledg" (not in figures.yaml) '
        '(did you mean "pledge"?)',
        'content/articles/third.md:5:60: error: unknown event "nope" (not in events.yaml)',
        "build failed: 4 errors",
    ]


def test_references_resolve_case_insensitively_by_slug_name_alias_and_unicode(make_dossier, capsys) -> None:
    root = make_dossier(
        {
            "content/entities/liang.md": """\
            ---
            name: Liang Wenfeng
            type: person
            aliases: [梁文锋]
            ---
            """,
            "content/articles/third.md": """\
            ---
            title: Third
            language: en
            ---
            [[acme corp]], [[JANE-ROE]], [[acme]], [[梁文锋]] and [[LIANG  Wenfeng|him]].
            """,
        }
    )
    code, _, err = run(root, capsys=capsys)
    assert code == 0, err
    html = (root / "site/articles/third/index.html").read_text()
    for slug in ("acme", "acme", "jane-roe", "liang"):
        assert f'href="../../entities/{slug}/"' in html
    assert (root / "site/entities/liang/index.html").is_file()


def test_links_between_content_files_are_rewritten(make_dossier, capsys) -> None:
    root = make_dossier(
        {
            "content/articles/third.md": """\
            ---
            title: Third
            language: en
            ---
            See [the first](first.md#fig-pledge-1), [ACME](../entities/acme.md) and [home](../index.md).
            A [missing one](gone.md).
            """
        }
    )
    code, _, err = run(root, capsys=capsys)
    assert code == 1
    assert (
        'content/articles/third.md:6:3: error: link to "articles/gone.md", which is not in content/'
    ) in err
    (root / "content/articles/third.md").write_text(
        "---\ntitle: Third\nlanguage: en\n---\n"
        "See [the first](first.md#fig-pledge-1), [ACME](../entities/acme.md) and [home](../index.md).\n"
    )
    code, _, err = run(root, capsys=capsys)
    assert code == 0, err
    html = (root / "site/articles/third/index.html").read_text()
    assert 'href="../../articles/first/#fig-pledge-1"' in html
    assert 'href="../../entities/acme/"' in html and 'href="../../"' in html
    assert broken_links(root / "site") == []


def test_layouts_in_the_dossier_override_the_engine(make_dossier, capsys) -> None:
    root = make_dossier(
        {
            "layouts/timeline.html": (
                '{% extends "base.html" %}{% block main %}<p id="custom">'
                "{{ events | length }} events</p>{% endblock %}"
            ),
            "layouts/assets/style.css": "body { color: red }\n",
        }
    )
    assert run(root, capsys=capsys)[0] == 0
    assert '<p id="custom">1 events</p>' in (root / "site/timeline/index.html").read_text()
    css = [p for p in (root / "site/assets").iterdir() if p.suffix == ".css"]
    assert [p.read_text() for p in css] == ["body { color: red }\n"]


def test_template_errors_are_reported_at_their_line(make_dossier, capsys) -> None:
    root = make_dossier({"layouts/timeline.html": "<p>\n{% if %}\n</p>\n"})
    code, _, err = run(root, capsys=capsys)
    assert code == 1
    assert err.startswith("layouts/timeline.html:2:1: error: template syntax error:")
    root = make_dossier({"layouts/timeline.html": "<p>\n{{ no_such_variable }}\n</p>\n"})
    code, _, err = run(root, capsys=capsys)
    assert code == 1
    assert 'layouts/timeline.html:2:1: error: template error: unknown variable "no_such_variable"' in err
    assert "Traceback" not in err


def test_a_second_unrelated_dossier_builds(tmp_path) -> None:
    root = tmp_path / "birds"
    (root / "content/articles").mkdir(parents=True)
    (root / "content/entities").mkdir()
    (root / "config.yaml").write_text("title: Birds of the marsh\nlanguage: en\n")
    (root / "content/entities/heron.md").write_text("---\nname: Grey heron\ntype: other\n---\n")
    (root / "content/articles/count.md").write_text(
        "---\ntitle: Spring count\nlanguage: fr\n---\n"
        "On a compté [312]{fig=herons value=312} [[Grey heron|hérons]] [au printemps]{event=count}.\n"
    )
    (root / "content/figures.yaml").write_text("herons:\n  label: Herons counted\n  unit: birds\n")
    (root / "content/events.yaml").write_text("count:\n  date: 2024-21\n  title: Spring count\n")
    result = run_process("--root", str(root))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built 8 pages")
    html = (root / "site/timeline/index.html").read_text()
    assert "spring 2024" in html
    assert broken_links(root / "site") == []


@pytest.mark.parametrize("command", [["--help"], ["build", "--help"]])
def test_help_explains_commands_and_options(command) -> None:
    result = run_process(*command)
    assert result.returncode == 0
    for word in ("build", "check", "--root", "--out", "--base-url", "--strict", "--quiet"):
        assert word in result.stdout


def test_usage_errors_exit_2(tmp_path) -> None:
    assert run_process("--root", str(tmp_path / "missing")).returncode == 2
    assert run_process("frobnicate").returncode == 2
    assert run_process("--root", str(tmp_path), "--base-url", "ftp://x").returncode == 2


def test_worker_processes_build_the_same_site_as_one_process(tmp_path, monkeypatch, capsys) -> None:
    import sys

    from conftest import REPO

    from dossier.incremental import workers

    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    root = generate(80, tmp_path / "many")
    assert run(root, "--out", str(tmp_path / "parallel"), capsys=capsys)[0] == 0
    monkeypatch.setattr(workers, "PARALLEL_FROM", 10**9)
    assert run(root, "--out", str(tmp_path / "serial"), capsys=capsys)[0] == 0
    assert files_of(tmp_path / "parallel") == files_of(tmp_path / "serial")


def test_a_passage_layout_error_met_in_a_worker_is_told_at_its_line(tmp_path, capsys) -> None:
    import sys

    from conftest import REPO

    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    root = generate(80, tmp_path / "many")  # enough documents to be read by worker processes
    (root / "layouts").mkdir()
    (root / "layouts/passage.html").write_text("<q>{{ before }}\n<mark>{{ context.text }}</mark></q>\n")
    code, _, err = run(root, "--no-search", capsys=capsys)
    assert code == 1 and not (root / "site").exists()
    assert err.startswith('layouts/passage.html:2:1: error: template error: unknown variable "context"')
    assert "Traceback" not in err
