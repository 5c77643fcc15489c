"""The built real dossier in a real browser: annotations link to their exact passages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_figure_claim_leads_to_its_row_and_back_to_the_passage(browser, real_site_url: str) -> None:
    page = browser.new_page()
    page.goto(real_site_url + "articles/gizmochina-xiaomi-rd-push/")
    claim = page.locator("#fig-rd-pledge-5y-1")
    assert claim.inner_text() == "200 Milliarden Yuan"
    assert claim.get_attribute("title") == "Figure: Five-year R&D pledge: CNY 200 bn (2 sources)"
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
    assert mention.get_attribute("title").startswith("Person: Luo Fuli — ")
    mention.click()
    page.wait_for_url("**/entities/luo-fuli/")
    assert page.locator("h1").inner_text() == "Luo Fuli"
    assert page.locator(".mentions mark").first.inner_text() == "Luo Fuli"
    page.close()
