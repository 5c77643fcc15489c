"""The repository's MiMo dossier: complete, sourced and strict-clean."""

from __future__ import annotations

import json
import re
from html import escape as html_escape
from pathlib import Path

import pytest
from conftest import REPO, run_process
from linkcheck import broken_links

ENTITIES = [
    "Xiaomi", "MiMo", "Xring", "Lu Weibing", "Lei Jun", "Luo Fuli", "DeepSeek", "OpenAI", "o1-mini",
    "Alibaba", "QwQ-32B", "ByteDance", "Tencent", "Baidu", "Kingsoft Cloud", "Xi Jinping", "YU7",
    "Human Car Home", "Human Car Home Ecosystem Partner Conference 2025", "South China Morning Post",
    "Gizmochina",
]  # fmt: skip

FIGURES = {
    # key: (value shown in the table, number of sources)
    "rd-pledge-5y": ("CNY 200 bn", 2),
    "rd-spending-2025": ("CNY 32–33 bn", 2),
    "rd-spending-2026": ("~CNY 40 bn", 2),
    "rd-spending-2021-2025": ("~CNY 105 bn", 1),
    "rd-headcount": ("24,871 employees", 1),
    "xring-investment": (">CNY 13.5 bn", 1),
    "xring-team": (">2,500 engineers", 1),
    "xring-process": ("3 nm", 1),
    "mimo-parameters": ("7 bn parameters", 2),
    "gpus": ("~10,000 GPUs", 2),
    "share-move-xiaomi": ("5.3%", 1),
    "share-move-kingsoft": ("14.2%", 1),
    "lei-jun-stake": ("11%", 1),
    "ev-investment": ("~USD 10 bn", 1),
}

ARTICLES = {
    "gizmochina-xiaomi-rd-push": "de",
    "xiaomi-mimo-ki-einstieg": "de",
    "xiaomi-rd-investment-mimo-launch": "en",
    "xiaomi-mimo-7b-sprachmodell": "de",
}


def test_check_strict_passes_on_the_repository() -> None:
    result = run_process("check", "--strict", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("name", ENTITIES)
def test_every_entity_has_a_page_with_a_mention_in_context(real_site: Path, name: str) -> None:
    entities = {e["name"]: e for e in json.loads((real_site / "data/entities.json").read_text())}
    entity = entities[name]
    assert entity["mentions"], f"{name} is never mentioned"
    page = (real_site / f"entities/{entity['slug']}/index.html").read_text()
    assert "<mark>" in page and 'class="passage"' in page


@pytest.mark.parametrize(("key", "expected"), FIGURES.items())
def test_figures_table_lists_every_figure(real_site: Path, key: str, expected: tuple[str, int]) -> None:
    shown, sources = expected
    figures = {f["key"]: f for f in json.loads((real_site / "data/figures.json").read_text())}
    assert shown in figures[key]["values"]
    assert figures[key]["sources"] == sources
    html = (real_site / "figures/index.html").read_text()
    row = html[html.index(f'id="figure-{key}"') :]
    assert html_escape(shown) in row[: row.index("</tr>")]


def test_usd_conversions_are_also_stated_as(real_site: Path) -> None:
    figures = {f["key"]: f for f in json.loads((real_site / "data/figures.json").read_text())}
    for key in ("rd-pledge-5y", "rd-spending-2025", "rd-spending-2026", "rd-spending-2021-2025"):
        assert {c["unit"] for c in figures[key]["also_stated_as"]} == {"USD"}
    assert figures["rd-pledge-5y"]["also_stated_as"][0]["display"] == "~USD 28.4 bn"
    assert not any(f["conflict"] for f in figures.values())


def test_timeline_puts_the_mimo_release_before_the_conference(real_site: Path) -> None:
    html = (real_site / "timeline/index.html").read_text()
    release = html.index('id="event-mimo-7b-release"')
    conference = html.index('id="event-hche-conference-2025"')
    assert release < conference
    assert "30 April 2025" in html and "17 December 2025" in html
    assert "c. Q4 2024" in html and "Q3 2025" in html and "summer 2025" in html and "2026–2030" in html
    events = {e["key"]: e for e in json.loads((real_site / "data/events.json").read_text())}
    assert events["mimo-7b-release"]["references"][0]["url"].startswith("https://github.com/XiaomiMiMo")
    assert all(e["citations"] for e in events.values())


@pytest.mark.parametrize(("slug", "language"), ARTICLES.items())
def test_each_seed_article_has_its_page_and_language(real_site: Path, slug: str, language: str) -> None:
    html = (real_site / f"articles/{slug}/index.html").read_text()
    assert f'<article class="source" lang="{language}" data-pagefind-body>' in html


def test_pages_say_when_the_copy_names_no_outlet_or_date(real_site: Path) -> None:
    html = (real_site / "articles/xiaomi-mimo-ki-einstieg/index.html").read_text()
    assert "The copy does not name its outlet." in html
    assert "The copy does not name a date." in html
    gizmo = (real_site / "articles/gizmochina-xiaomi-rd-push/index.html").read_text()
    assert 'href="../../entities/gizmochina/">Gizmochina</a>' in gizmo


def test_furniture_is_not_article_text() -> None:
    for file in (REPO / "content/articles").glob("*.md"):
        text = file.read_text()
        for furniture in ("5 Minuten", "Quelle: gizmochina", "Kommentar hinterlassen", "Tech & Economy\n"):
            assert furniture not in text, f"{file.name} keeps {furniture!r}"


def test_every_link_of_the_real_site_resolves(real_site: Path) -> None:
    assert broken_links(real_site) == []


def test_every_page_is_linked_from_somewhere(real_site: Path) -> None:
    html = "".join(p.read_text() for p in real_site.rglob("*.html"))
    for page in real_site.rglob("index.html"):
        path = page.parent.relative_to(real_site).as_posix()
        if path != ".":
            assert re.search(rf'href="[./]*{re.escape(path)}/"', html), path
