"""The built real dossier in a real browser: annotations link to their exact passages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_figure_claim_leads_to_its_row_and_back_to_the_passage(browser, real_site_url: str) -> None:
    page = browser.new_page()
    page.goto(real_site_url + "articles/gizmochina-xiaomi-rd-push/")
    claim = page.locator("#fig-rd-pledge-5y-1")
    assert claim.inner_text() == "200 Milliarden Yuan"
    claim.hover()
    tip = page.get_by_role("tooltip")
    assert tip.inner_text() == "Figure: Five-year R&D pledge: CNY 200 bn (2 sources)"
    assert claim.get_attribute("title") is None  # no second, native tooltip over the popover
    claim.click()
    page.wait_for_url("**/figures/#figure-rd-pledge-5y")
    row = page.locator("#figure-rd-pledge-5y")
    assert "2 sources" in row.inner_text()
    details = page.locator("#figure-rd-pledge-5y + tr details")
    details.locator("summary").focus()
    page.keyboard.press("Enter")  # the passages open from the keyboard
    assert details.evaluate("d => d.open") is True
    passage = details.locator('a[href$="articles/xiaomi-rd-investment-mimo-launch/#fig-rd-pledge-5y-1"]')
    passage.click()
    page.wait_for_url("**/xiaomi-rd-investment-mimo-launch/#fig-rd-pledge-5y-1")
    assert page.locator("#fig-rd-pledge-5y-1").inner_text() == "RMB 200 billion"
    page.close()


def test_entity_mention_shows_summary_and_opens_entity_page(browser, real_site_url: str) -> None:
    page = browser.new_page()
    page.goto(real_site_url + "articles/xiaomi-mimo-7b-sprachmodell/")
    mention = page.locator("#m-luo-fuli-1")
    mention.focus()  # keyboard users get the same explanation as mouse users
    assert mention.get_attribute("aria-describedby") == "annotation-tip"
    assert page.get_by_role("tooltip").inner_text().startswith("Person: Luo Fuli — ")
    page.keyboard.press("Escape")
    assert page.get_by_role("tooltip").count() == 0
    mention.click()
    page.wait_for_url("**/entities/luo-fuli/")
    assert page.locator("h1").inner_text() == "Luo Fuli"
    assert page.locator(".mentions mark").first.inner_text() == "Luo Fuli"
    page.close()


def test_without_javascript_titles_stay_and_the_table_is_whole(browser, real_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_site_url + "articles/xiaomi-mimo-7b-sprachmodell/")
    assert page.locator("#m-luo-fuli-1").get_attribute("title").startswith("Person: Luo Fuli — ")
    page.goto(real_site_url + "figures/")
    assert page.locator("[data-table-tools]").is_hidden()
    assert page.locator("table.figures tbody:visible").count() == 14
    context.close()


def test_figures_table_sorts_and_filters(browser, real_site_url: str) -> None:
    page = browser.new_page()
    page.goto(real_site_url + "figures/")
    spending = page.locator("table.figures").first
    labels = spending.locator("tbody > tr:first-child > th")
    spending.get_by_role("button", name="Value").click()
    assert labels.all_inner_texts() == [
        "R&D spending 2025 (forecast)",
        "R&D spending 2026 (target)",
        "R&D spending 2021–2025",
        "Five-year R&D pledge",
    ]
    assert spending.locator("th[aria-sort]").get_attribute("aria-sort") == "ascending"
    spending.get_by_role("button", name="Value").click()
    assert labels.first.inner_text() == "Five-year R&D pledge"
    page.get_by_label("Filter").fill("xring")
    assert page.locator("table.figures tbody:visible").count() == 3
    assert page.get_by_role("status").filter(has_text="figures shown").inner_text() == "3 of 14 figures shown"
    page.get_by_label("Filter").fill("")
    page.get_by_label("Show").select_option("corroborated")
    visible = page.locator("table.figures tbody:visible")
    assert visible.count() == len(page.locator('tbody[data-status="corroborated"]').all()) > 0
    assert page.locator("section.figure-group:visible h2").all_inner_texts() == ["R&D spending", "AI"]
    page.close()


def test_charts_and_graphs_have_text_alternatives(browser, real_site_url: str) -> None:
    page = browser.new_page()
    page.goto(real_site_url + "figures/")
    chart = page.get_by_role("img", name="R&D spending, CNY per year")
    assert chart.count() == 1
    assert "2025: CNY 32–33 bn; 2026: ~CNY 40 bn" in chart.locator("desc").text_content()
    page.goto(real_site_url + "entities/mimo/")
    graph = page.locator("svg.graph")
    assert graph.locator("title").first.text_content() == "Entities MiMo appears with"
    assert "Xiaomi (4)" in graph.locator("desc").first.text_content()
    graph.get_by_role("link").first.click()
    page.wait_for_url("**/entities/xiaomi/")
    page.close()


def test_printing_writes_out_the_address_of_every_citation(browser, make_dossier, capsys) -> None:
    from conftest import run, static_server

    root = make_dossier()
    assert run(root, "--no-search", capsys=capsys)[0] == 0
    with static_server(root / "site") as url:
        page = browser.new_page()
        page.goto(url + "figures/")
        page.emulate_media(media="print")
        link = page.locator(".claims a[data-url]").first
        shown = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert shown == f'" <{link.get_attribute("data-url")}>"'
        assert link.get_attribute("data-url").startswith("https://example.org/test/articles/")
        assert page.locator(".site-header nav").is_hidden()
        page.close()
