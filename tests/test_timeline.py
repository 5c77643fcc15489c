"""The timeline's picture: every event named beside its mark, no two names overlapping, at phone and
desktop widths, each name a link to the event's entry; featured events first on the home page."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from dossier.reading.registries import load_events

EVENTS, _ = load_events(REPO)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["timeline/", "entities/xiaomi/"])
def test_every_event_is_named_and_no_two_names_overlap(
    browser, real_site_url: str, path: str, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(real_site_url + path)
    listed = page.locator("#events ~ ol li.event, ol.events > li.event").count()
    labels = page.evaluate(
        """() => [...document.querySelectorAll('.timeline-axis .marks a')].map(a => {
            const text = a.querySelector('text'), box = text.getBBox(), rect = text.getBoundingClientRect();
            const view = a.ownerSVGElement.viewBox.baseVal;
            return {href: a.getAttribute('href'), name: text.textContent,
                    rect: [rect.left, rect.top, rect.right, rect.bottom],
                    inside: box.x >= 0 && box.x + box.width <= view.width && box.width > 0,
                    size: parseFloat(getComputedStyle(text).fontSize) * rect.height / box.height,
                    target: a.getAttribute('href').startsWith('#')
                        ? !!document.getElementById(a.getAttribute('href').slice(1))
                        : a.getAttribute('href').startsWith('../../timeline/#event-')};
        })"""
    )
    page.close()
    keys = sorted(label["href"].rsplit("#event-", 1)[1] for label in labels)
    if path == "timeline/":
        assert keys == sorted(e.key for e in EVENTS)
    else:  # the entity's own events, the same as listed below the picture
        assert len(keys) == listed > 0 and set(keys) <= {e.key for e in EVENTS}
    for label in labels:
        assert label["inside"] and label["name"], label
        assert label["target"], label  # each name leads to the event's entry
        assert label["size"] >= 10.5, label  # legible without zooming: the picture scrolls, not shrinks
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = a["rect"], b["rect"]
            assert r1 <= l2 or r2 <= l1 or b1 <= t2 or b2 <= t1, (a["name"], b["name"])


def test_featured_events_come_first_on_the_home_page(real_site: Path) -> None:
    home = (real_site / "index.html").read_text()
    recent = home.split('id="recent"', 1)[1].split("</ol>", 1)[0]
    featured = [e for e in EVENTS if e.featured]
    assert {e.key for e in featured} == {"mimo-7b-release", "hche-conference-2025"}
    positions = {e.key: recent.find(e.title) for e in EVENTS if e.title in recent}
    assert all(positions[e.key] >= 0 for e in featured)
    assert max(positions[e.key] for e in featured) < min(
        p for k, p in positions.items() if k not in {e.key for e in featured}
    )
    timeline = (real_site / "timeline/index.html").read_text()
    assert 'class="mark featured"' in timeline and ">MiMo-7B released</text>" in timeline


@pytest.mark.browser
def test_the_filter_keeps_its_choice_in_the_address_and_works_from_the_keyboard(
    browser, real_site_url: str
) -> None:
    with_xiaomi = [e for e in EVENTS if any(r.name == "Xiaomi" for r in e.entities)]
    page = browser.new_page()
    page.goto(real_site_url + "timeline/")
    visible = "() => [...document.querySelectorAll('ol.events > li.event')].filter(li => !li.hidden).length"
    assert page.evaluate(visible) == len(EVENTS)
    page.select_option("#event-entity", "xiaomi")
    assert page.evaluate(visible) == len(with_xiaomi) < len(EVENTS)
    assert page.evaluate("location.hash") == "#with=xiaomi"
    status = page.locator(".timeline-tools .filter-status").inner_text()
    assert status == f"{len(with_xiaomi)} of {len(EVENTS)} events shown"
    page.reload()
    assert page.evaluate(visible) == len(with_xiaomi)  # the address keeps the choice
    assert page.input_value("#event-entity") == "xiaomi"
    page.focus("#event-year")
    page.keyboard.press("ArrowDown")  # the first year, chosen from the keyboard
    year = page.input_value("#event-year")
    assert year and page.evaluate("location.hash") == f"#with=xiaomi&year={year}"
    expected = [e for e in with_xiaomi if e.date.earliest.year <= int(year) <= e.date.latest.year]
    assert page.evaluate(visible) == len(expected)
    page.close()


@pytest.mark.browser
def test_without_script_every_event_is_listed(browser, real_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_site_url + "timeline/#with=xiaomi")
    assert page.locator("ol.events > li.event:visible").count() == len(EVENTS)
    assert not page.locator(".timeline-tools").is_visible()
    context.close()
