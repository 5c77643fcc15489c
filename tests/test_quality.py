"""Quality gates on every page type of the real dossier, by the tools web practitioners use:
the Nu Html Checker, axe-core in Chromium, Lighthouse, and a weight budget for CSS and JavaScript."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import unavailable

from tools.checkers import (
    LIGHTHOUSE_CATEGORIES,
    LIGHTHOUSE_PAGES,
    PAGE_TYPES,
    ToolMissing,
    axe_script,
    lighthouse,
    nu_check,
)

# WCAG 2.2 level A and AA, as axe-core tags them.
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BUDGET = 50 * 1024  # bytes of CSS and JavaScript one page may ship, before compression
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}


def test_nu_html_checker_finds_nothing_on_any_page(real_site: Path) -> None:
    try:
        messages = nu_check(real_site)
    except ToolMissing as missing:
        unavailable(str(missing))
    assert messages == []


@pytest.fixture(scope="module")
def axe() -> str:
    try:
        return axe_script().read_text()
    except ToolMissing as missing:
        unavailable(str(missing))


def axe_result(browser, url: str, axe: str, viewport: str, scheme: str) -> dict:
    """axe-core's WCAG 2.2 A/AA run on one page at one viewport and colour scheme."""
    width, height = VIEWPORTS[viewport]
    page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
    page.goto(url)
    page.add_script_tag(content=axe)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_22_AA,
    )
    page.close()
    return result


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_wcag_violation(
    browser, real_site_url: str, axe: str, kind: str, viewport: str, scheme: str
) -> None:
    result = axe_result(browser, real_site_url + PAGE_TYPES[kind], axe, viewport, scheme)
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]
    assert violations == []
    assert result["passes"], "axe ran no checks at all"


@pytest.mark.browser
@pytest.mark.parametrize("kind", LIGHTHOUSE_PAGES)
def test_lighthouse_scores_at_least_95(real_site_url: str, kind: str) -> None:
    try:
        scores = lighthouse(real_site_url + PAGE_TYPES[kind])
    except ToolMissing as missing:
        unavailable(str(missing))
    assert set(scores) == set(LIGHTHOUSE_CATEGORIES)
    assert {name: score for name, score in scores.items() if score < 95} == {}


ASSET_LINK = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
INLINE = re.compile(r"<(script|style)([^>]*)>(.*?)</\1>", re.S)


def test_no_page_ships_more_than_50_kb_of_css_and_javascript(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) >= len(PAGE_TYPES)
    for page in pages:
        html = page.read_text()
        total = 0
        for href in ASSET_LINK.findall(html):
            # 404.html links from the site's root, since it is served at any depth
            asset = real_site / href.lstrip("/") if href.startswith("/") else (page.parent / href).resolve()
            assert re.search(r"\.[0-9a-f]{10}\.(css|js)$", asset.name), f"{href} has no content hash"
            total += asset.stat().st_size
        total += sum(
            len(body.encode())
            for _, attributes, body in INLINE.findall(html)
            if "application/ld+json" not in attributes  # data for search engines, not code
        )
        assert total <= BUDGET, f"{page.relative_to(real_site)} ships {total} bytes of CSS and JS"
